"""``dyad series`` and ``dyad top-dyads``: how actors treat each other over time."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from dyad.analysis import PERIODS, dyad_series, top_dyads, write_plot
from dyad.cli._app import DEFAULT_DB, app
from dyad.cli.events import _day, _open
from dyad.errors import DyadError


@app.command("series")
def series_command(
    actor: str = typer.Argument(..., help="Actor: a country code (RUS) or a CAMEO actor code (RUSMIL)."),
    recipient: str = typer.Argument(..., help="Recipient, likewise (PAK)."),
    by: str = typer.Option("month", "--by", help=f"Period: {', '.join(PERIODS)}."),
    raw: bool = typer.Option(False, "--raw", help="Count every report, not deduplicated events (clusters)."),
    both_ways: bool = typer.Option(False, "--both-ways", help="Add the events from RECIPIENT to ACTOR."),
    since: Optional[str] = typer.Option(None, "--since", help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day (YYYY-MM-DD)."),
    plot: Optional[Path] = typer.Option(None, "--plot", help="Also draw the series: .svg, or .png with matplotlib."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON Lines (one period a line) instead of a table."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file to read."),
) -> None:
    """Events from ACTOR to RECIPIENT per period: counts by quad class and PLOVER type,
    Goldstein sum and mean, and the cooperation-conflict index (CCI, -1 to 1).

    Events are clusters (`dyad cluster`): each real-world event once however
    many articles reported it. With --raw, every report counts.
    """
    if by not in PERIODS:
        _fail(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    since_day, until_day = _day("--since", since), _day("--until", until)
    with _open(db) as store:
        _check_clusters(store, raw)
        series = dyad_series(
            store, actor, recipient, by=by, raw=raw, since=since_day, until=until_day, both_ways=both_ways
        )
    if plot is not None:
        try:
            write_plot(series, plot)
        except (DyadError, OSError) as exc:
            _fail(str(exc))
    if as_json:
        for row in series:
            typer.echo(json.dumps(row, default=str))
        return
    console = Console()
    if not series:
        console.print(f"No events from {series.actor} to {series.recipient}.", highlight=False)
        return
    table = Table(title=series.title, title_justify="left")
    for col, justify in (
        ("Period", "left"), ("Events", "right"), ("Mentions", "right"), ("VC", "right"), ("MC", "right"),
        ("VK", "right"), ("MK", "right"), ("Goldstein", "right"), ("Mean", "right"), ("CCI", "right"),
        ("PLOVER types", "left"),
    ):  # fmt: skip
        table.add_column(col, justify=justify)
    for row in series:
        table.add_row(
            str(row["period"]),
            str(row["events"]),
            str(row["mentions"]),
            str(row["verbal_coop"]),
            str(row["material_coop"]),
            str(row["verbal_conflict"]),
            str(row["material_conflict"]),
            f"{row['goldstein_sum']:.1f}",
            "" if row["goldstein_mean"] is None else f"{row['goldstein_mean']:.2f}",
            "" if row["cci"] is None else f"{row['cci']:+.2f}",
            _top_types(row["plover"]),
        )
    console.print(table)
    console.print("VC/MC: verbal/material cooperation; VK/MK: verbal/material conflict.", highlight=False)
    if plot is not None:
        console.print(f"Chart written to {plot}.", highlight=False)


@app.command("top-dyads")
def top_dyads_command(
    limit: int = typer.Option(20, "--limit", help="How many dyads."),
    raw: bool = typer.Option(False, "--raw", help="Count every report, not deduplicated events."),
    codes: bool = typer.Option(False, "--codes", help="Rank full actor codes (RUSMIL), not countries."),
    since: Optional[str] = typer.Option(None, "--since", help="First day (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day (YYYY-MM-DD)."),
    db: Path = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB file to read."),
) -> None:
    """The actor -> recipient dyads with the most events, with mentions, mean Goldstein and CCI."""
    since_day, until_day = _day("--since", since), _day("--until", until)
    with _open(db) as store:
        _check_clusters(store, raw)
        rows = top_dyads(store, limit=limit, raw=raw, codes=codes, since=since_day, until=until_day)
    console = Console()
    if not rows:
        console.print("No dyads.", highlight=False)
        return
    table = Table(title=f"Top {len(rows)} dyads ({'reports' if raw else 'events'})", title_justify="left")
    for col in ("Actor", "Recipient", "Events", "Mentions", "Goldstein", "CCI"):
        table.add_column(col, justify="left" if col in ("Actor", "Recipient") else "right")
    for r in rows:
        table.add_row(
            r["actor"], r["recipient"], str(r["events"]), str(r["mentions"]),
            f"{r['goldstein_mean']:.2f}", f"{r['cci']:+.2f}",
        )  # fmt: skip
    console.print(table)


def _check_clusters(store, raw: bool) -> None:
    """Clusters must exist (unless --raw); say so when some events are not clustered yet."""
    if raw:
        return
    if not store.has_clusters() and store.counts()["events"]:
        _fail("no event clusters yet: run `dyad cluster` first, or use --raw")
    missing = store.unclustered_events()
    if missing:
        Console(stderr=True).print(
            f"note: {missing} events are not clustered yet; run `dyad cluster` to count them",
            highlight=False,
            soft_wrap=True,
        )


def _top_types(counts: dict[str, int], shown: int = 4) -> str:
    """The most frequent PLOVER types of a period, and how many more there are."""
    items = list(counts.items())
    text = ", ".join(f"{k} {v}" for k, v in items[:shown])
    return text + (f", +{len(items) - shown} more" if len(items) > shown else "")


def _fail(message: str):
    Console(stderr=True).print(f"error: {message}", markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1)
