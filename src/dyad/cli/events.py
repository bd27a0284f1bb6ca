"""``dyad events`` and ``dyad show``: read what is stored; tables of events for other commands."""

from __future__ import annotations

import json
from datetime import date as Date
from pathlib import Path
from typing import Any, Iterable, NoReturn, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dyad.cli._app import DEFAULT_DB, app
from dyad.data import load_ontology
from dyad.errors import DyadError
from dyad.store import Store

# Display labels for the GDELT QuadClass numbers.
QUAD_CLASSES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}

SNIPPET_WIDTH = 70


@app.command("events")
def events_command(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file the events are stored in."),
    article: Optional[str] = typer.Option(None, "--article", help="Only this article's events."),
    root: Optional[str] = typer.Option(None, "--root", help="Only this CAMEO root code (e.g. 05)."),
    country: Optional[str] = typer.Option(None, "--country", help="Only events with an actor or recipient of this country (e.g. RUS)."),
    since: Optional[str] = typer.Option(None, "--since", help="Only events on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Only events on or before this date (YYYY-MM-DD)."),
    limit: int = typer.Option(50, "--limit", help="At most this many events (0: all)."),
    as_json: bool = typer.Option(False, "--json", help="Print event records as JSON Lines instead of a table."),
) -> None:
    """List stored events, as a table or as JSON Lines."""
    if root is not None and not (root.isdigit() and len(root) <= 2):
        _fail(f"--root must be a CAMEO root code such as 05, not {root!r}")
    since_day, until_day = _day("--since", since), _day("--until", until)
    with _open(db) as store:
        records = store.events(
            article_id=article,
            cameo_root=root.zfill(2) if root else None,
            country=country.upper() if country else None,
            since=since_day,
            until=until_day,
            limit=limit or None,
        )
    if as_json:
        for record in records:
            typer.echo(json.dumps(record, ensure_ascii=False))
        return
    console = Console()
    if not records:
        console.print("No stored events match.", highlight=False)
        return
    title = f"{plural(len(records), 'event')} in {db}"
    if limit and len(records) == limit:
        title = f"First {title} (--limit 0 for all)"
    console.print(event_table(records, title=title, full=True))


@app.command("show")
def show_command(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file to describe."),
    top: int = typer.Option(10, "--top", help="How many dyads to list."),
) -> None:
    """Show what the database holds: counts, events by quad class and PLOVER type, top dyads."""
    with _open(db) as store:
        counts = store.counts()
        by_quad = store.count_events_by("quad_class")
        by_plover = store.count_events_by("plover")
        dyads = store.top_dyads(top)
    console = Console()
    console.print(
        f"{db}: {plural(counts['articles'], 'article')} ({counts['coded']} coded), "
        f"{plural(counts['events'], 'event')}, {counts['entities']} actors and recipients",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    if not counts["events"]:
        return
    total = counts["events"]
    quad = _titled("Events by quad class")
    quad.add_column("Quad class")
    quad.add_column("Events", justify="right")
    quad.add_column("Share", justify="right")
    for value, n in by_quad:
        label = f"{value} {QUAD_CLASSES.get(value, '')}".strip() if value is not None else "-"
        quad.add_row(label, str(n), f"{n / total:.0%}")
    console.print(quad)
    plover = _titled("Events by PLOVER type")
    plover.add_column("PLOVER")
    plover.add_column("Events", justify="right")
    for value, n in by_plover:
        plover.add_row(value or "-", str(n))
    console.print(plover)
    if dyads:
        table = _titled("Top dyads")
        table.add_column("Actor")
        table.add_column("Recipient")
        table.add_column("Events", justify="right")
        for actor, recipient, n in dyads:
            table.add_row(actor, recipient, str(n))
        console.print(table)


def event_table(records: Iterable[dict[str, Any]], *, title: str | None = None, full: bool = False) -> Table:
    """A rich table of event records: date, actor, event, recipient, place
    (and with ``full``, confidence and the sentence around the trigger)."""
    table = Table(title=Text(title) if title else None, title_justify="left")
    table.add_column("Date", no_wrap=True)
    table.add_column("Actor", min_width=6)
    table.add_column("Event", max_width=32)
    table.add_column("Recipient", min_width=6)
    table.add_column("Place")
    if full:
        table.add_column("Conf.", justify="right", no_wrap=True)
        table.add_column("Sentence", ratio=1, min_width=12)
    for r in records:
        row: list[str | Text] = [
            r.get("date") or "",
            entities_label(r.get("actors") or []),
            cameo_label(r.get("cameo") or ""),
            entities_label(r.get("recipients") or []),
            (r.get("location") or {}).get("name") or "",
        ]
        if full:
            row += [f"{r.get('confidence', 0):.2f}", sentence_snippet(r)]
        table.add_row(*row)
    return table


def _titled(title: str) -> Table:
    return Table(title=title, title_justify="left", min_width=len(title))


def plural(count: int, noun: str) -> str:
    """``"1 event"``, ``"3 events"``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def entities_label(entities: list[dict[str, Any]]) -> str:
    """Actor codes, or the mention text where an entity has no code."""
    return ", ".join(e.get("code") or e.get("text") or "?" for e in entities)


def cameo_label(code: str) -> str:
    """``"057 Sign formal agreement"``."""
    entry = load_ontology().codes.get(code)
    if entry is None:
        return code
    name = entry.name.capitalize() if entry.name.isupper() else entry.name
    return f"{code} {name}"


def sentence_snippet(record: dict[str, Any], width: int = SNIPPET_WIDTH) -> Text:
    """The part of the sentence around the trigger, the trigger in bold."""
    sentence = " ".join((record.get("sentence") or "").split("\n"))
    trigger = record.get("trigger") or {}
    sent_start = (record.get("sentence_span") or [0])[0]
    span = trigger.get("span") or [sent_start, sent_start]
    t_start, t_end = span[0] - sent_start, span[1] - sent_start
    if not 0 <= t_start <= t_end <= len(sentence):
        t_start = t_end = 0
    start = max(0, min(t_start - width // 3, len(sentence) - width))
    end = min(len(sentence), start + width)
    text = Text(("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else ""))
    offset = (1 if start else 0) - start
    if t_end > t_start:
        text.stylize("bold", max(0, t_start + offset), max(0, min(end, t_end) + offset))
    return text


def _open(db: Path) -> Store:
    """The store, read-only; a missing or unreadable file ends the command with an error."""
    if not db.exists():
        _fail(f"{db}: no such database (`dyad code` makes one)")
    try:
        return Store(db, read_only=True)
    except DyadError as exc:
        _fail(str(exc))


def _day(option: str, value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        _fail(f"{option} must be a date YYYY-MM-DD, not {value!r}")


def _fail(message: str) -> NoReturn:
    Console(stderr=True).print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)
