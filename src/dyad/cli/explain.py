"""``dyad explain "sentence"``: the parse, the actors, what fired and what was dropped."""

from __future__ import annotations

from datetime import date as Date
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from dyad.cli._app import app


@app.command("explain")
def explain_command(
    text: str = typer.Argument(..., help="A sentence or short text to code."),
    pub_date: Optional[str] = typer.Option(None, "--date", help="Publication date, YYYY-MM-DD (default: today)."),
    parse: bool = typer.Option(True, "--parse/--no-parse", help="Show the dependency parse."),
    convention: str = typer.Option("dyad", "--convention", help="Coding convention: dyad (its own) or petrarch (PETRARCH2's habits); see docs/conventions.md."),
) -> None:
    """Explain how dyad codes TEXT: parse, actors, patterns fired and events dropped."""
    from dyad.errors import DyadError
    from dyad.events.conventions import get_convention
    from dyad.explain import explain
    from dyad.pipeline import Pipeline

    day = Date.fromisoformat(pub_date) if pub_date else Date.today()
    try:
        conv = get_convention(convention)
    except DyadError as exc:
        Console(stderr=True).print(f"error: {exc}", markup=False, highlight=False)
        raise typer.Exit(2) from exc
    report = explain(text, day, pipeline=Pipeline(convention=conv))
    console = Console()
    if parse:
        table = Table(title="Parse", show_lines=False)
        for col in ("#", "token", "lemma", "pos", "dep", "head", "entity", "name", "sector"):
            table.add_column(col)
        for row in report.tokens:
            table.add_row(*[str(v) for v in row])
        console.print(table)
    events = Table(title=f"Events ({len(report.events)})")
    for col in ("cameo", "plover", "actors", "recipients", "trigger", "modality", "conf", "date", "place", "coder"):
        events.add_column(col)
    for ev in report.events:
        d = ev.to_dict()
        events.add_row(
            f"{d['cameo']} {report.code_names.get(d['cameo'], '')}",
            d["plover"] or "-",
            "; ".join(f"{a['text']} [{a['code'] or '?'} via {a['how']}]" for a in d["actors"]) or "-",
            "; ".join(f"{a['text']} [{a['code'] or '?'} via {a['how']}]" for a in d["recipients"]) or "-",
            d["trigger"]["text"],
            d["modality"],
            f"{d['confidence']:.2f}",
            f"{d['date']} ({d['date_precision']})",
            (d["location"] or {}).get("name") or "-",
            d["coder"]["name"],
        )
    console.print(events)
    if report.dropped:
        dropped = Table(title="Not coded")
        for col in ("trigger", "would be", "why"):
            dropped.add_column(col)
        for drop in report.dropped:
            dropped.add_row(drop.trigger, drop.code or "-", drop.reason)
        console.print(dropped)
