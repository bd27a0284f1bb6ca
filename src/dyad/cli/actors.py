"""``dyad actors --unknown``: the mentions stored without a country, most frequent first."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from dyad.cli._app import DEFAULT_DB, app
from dyad.cli.events import _open, _fail, plural


@app.command("actors")
def actors_command(
    unknown: bool = typer.Option(False, "--unknown", help="List mentions stored without a country (required for now)."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file the events are stored in."),
    limit: int = typer.Option(20, "--limit", min=1, help="At most this many mentions."),
    examples: int = typer.Option(1, "--examples", min=0, help="Example sentences to show for each mention."),
) -> None:
    """List actor and recipient mentions that dyad could not resolve to a country.

    Mentions are grouped case-insensitively without a leading "the/a/an" and counted
    over all stored events; pronouns are left out. The sector column is the one most
    often given to the mention. Add the frequent ones to a --kb file (docs/actors.md).
    """
    from dyad.actors.unknown import unresolved_mentions

    if not unknown:
        _fail("say what to list: --unknown (mentions without a country)")
    with _open(db) as store:
        rows = unresolved_mentions(store, limit=limit, examples=examples)
    console = Console()
    if not rows:
        console.print(f"{db}: every stored mention has a country.", highlight=False, markup=False)
        return
    table = Table(title=f"{plural(len(rows), 'mention')} without a country in {db}")
    table.add_column("mention")
    table.add_column("count", justify="right")
    table.add_column("sector")
    if examples:
        table.add_column("example")
    for row in rows:
        cells = [row.mention, str(row.count), row.sector or "-"]
        if examples:
            cells.append("\n".join(row.examples))
        table.add_row(*cells)
    console.print(table)
