"""``dyad export``: events or clusters as GDELT, GDELT mentions, PLOVER JSON, CSV or Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from dyad.cli._app import DEFAULT_DB, app
from dyad.cli.events import _open, plural
from dyad.errors import DyadError
from dyad.export import FORMATS, WHAT, default_what, export


@app.command("export")
def export_command(
    fmt: str = typer.Option(..., "--format", "-f", help=f"One of: {', '.join(FORMATS)}."),
    out: Path = typer.Option(..., "--out", "-o", help="File to write."),
    what: Optional[str] = typer.Option(
        None, "--what", help="events (every coded event) or clusters (deduplicated; GDELT's default)."
    ),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file to read."),
) -> None:
    """Export stored events or event clusters to a file.

    gdelt: the GDELT 2.0 event table (61 tab-separated columns, no header; one
    row per actor x recipient pair; FIPS country codes in the geography fields).
    gdelt-mentions: the GDELT 2.0 mentions table, one row per report. plover:
    PLOVER JSON records, one a line. csv, parquet: the events or clusters table.
    Clusters come from `dyad cluster`.
    """
    err = Console(stderr=True)
    if fmt not in FORMATS:
        _fail(err, f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if what is not None and what not in WHAT:
        _fail(err, f"--what must be events or clusters, not {what!r}")
    with _open(db) as store:
        try:
            n = export(store, fmt, out, what)
        except (DyadError, OSError) as exc:
            _fail(err, str(exc))
    Console().print(
        f"Wrote {plural(n, 'row')} ({what or default_what(fmt)}, {fmt}) to {out}.", highlight=False, soft_wrap=True
    )


def _fail(err: Console, message: str):
    err.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)
