"""``dyad cluster``: link duplicate articles and rebuild the event clusters."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from dyad.cli._app import DEFAULT_DB, app
from dyad.cli.events import plural
from dyad.errors import DyadError


@app.command("cluster")
def cluster_command(
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file with coded articles and events."),
    memory_limit: Optional[str] = typer.Option(None, "--memory-limit", help="Cap DuckDB's memory, e.g. 4GB."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no summary; errors only."),
) -> None:
    """Find duplicate articles and group reports of the same event into clusters.

    Signs the articles not yet signed (MinHash over word shingles), links each
    wire copy or light rewrite to its original, and rebuilds every event
    cluster: reports with the same PLOVER type, compatible actors and places,
    and dates within a window set by their precision. Reports are never
    dropped; copies are not counted as independent sources.
    """
    from dyad.dedup import refresh
    from dyad.store import Store

    err = Console(stderr=True)
    if not db.exists():
        _fail(err, f"{db}: no such database (`dyad code` makes one)")
    try:
        store = Store(db, memory_limit=memory_limit)
    except DyadError as exc:
        _fail(err, str(exc))
    with store:
        if quiet or not err.is_terminal:
            report = refresh(store)
        else:
            with err.status("clustering...") as status:
                report = refresh(store, progress=lambda step, n: status.update(f"{step}: {n}"))
        counts = store.cluster_counts()
        articles = store.counts()["articles"]
    if quiet:
        return
    say = Console()
    seconds = sum(v for k, v in report.seconds.items() if "." not in k)
    say.print(
        f"Signed {plural(report.signed, 'new article')}; {counts['exact_copies'] + counts['near_copies']} of "
        f"{plural(articles, 'article')} are copies ({counts['exact_copies']} exact, "
        f"{counts['near_copies']} rewritten).",
        highlight=False,
        soft_wrap=True,
    )
    say.print(
        f"{plural(counts['reports'], 'report')} in {plural(counts['clusters'], 'event cluster')} "
        f"({seconds:.1f} s).",
        highlight=False,
        soft_wrap=True,
    )


def _fail(err: Console, message: str):
    err.print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)
