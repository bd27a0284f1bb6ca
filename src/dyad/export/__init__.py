"""Exports of stored events and clusters: GDELT 2.0, PLOVER JSON, CSV and Parquet.

``export(store, "gdelt", "events.tsv")`` writes a file and returns the rows
written. Formats:

- ``gdelt``: the GDELT 2.0 event table (61 tab-separated columns, no header);
- ``gdelt-mentions``: the GDELT 2.0 mentions table (16 columns): every report;
- ``plover``: PLOVER JSON records, one a line;
- ``csv``, ``parquet``: the ``events`` or ``clusters`` table, written by DuckDB.

``what`` is ``events`` (every coded event; for GDELT, one row per actor x
recipient pair) or ``clusters`` (one row per deduplicated event, built by
``dyad cluster``). GDELT formats default to clusters, the others to events.
"""

from __future__ import annotations

from pathlib import Path

from dyad.errors import DyadError
from dyad.export import gdelt, plover

FORMATS = ("gdelt", "gdelt-mentions", "plover", "csv", "parquet")
WHAT = ("events", "clusters")


def default_what(fmt: str) -> str:
    """What a format exports when not told: GDELT rows are deduplicated events."""
    return "clusters" if fmt.startswith("gdelt") else "events"


def export(store, fmt: str, out: str | Path, what: str | None = None) -> int:
    """Write ``what`` (``events`` or ``clusters``) from ``store`` to ``out`` as ``fmt``; return rows."""
    if fmt not in FORMATS:
        raise DyadError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    what = what or default_what(fmt)
    if what not in WHAT:
        raise DyadError(f"cannot export {what!r}; choose events or clusters")
    if what == "clusters" and not store.has_clusters() and store.counts()["events"]:
        raise DyadError("no event clusters in the database yet: run `dyad cluster` first")
    if fmt in ("csv", "parquet"):
        return store.copy_table(what, out, fmt)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        rows = store.export_rows(fmt, what)
        if fmt == "gdelt":
            return gdelt.write_events(rows, fh)
        if fmt == "gdelt-mentions":
            return gdelt.write_mentions(rows, fh)
        return plover.write_records(rows, fh)


__all__ = ["FORMATS", "WHAT", "default_what", "export"]
