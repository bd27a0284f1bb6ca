"""``dyad eval GOLD.jsonl``: score dyad on a gold file (thin wrapper over dyad.evaluate)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from dyad.cli._app import app
from dyad.errors import DyadError


@app.command("eval")
def eval_command(
    gold: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, readable=True, help="Gold file in a format of ../shared/gold/."),
    ],
    json_output: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="Score only the first N items.")] = None,
    out: Annotated[
        Optional[Path], typer.Option("--out", dir_okay=False, help="Write per-item predictions here (JSON Lines).")
    ] = None,
    fmt: Annotated[
        Optional[str], typer.Option("--format", help="Gold format, when the file's records do not tell.")
    ] = None,
    convention: Annotated[
        Optional[str],
        typer.Option("--convention", help="Coding convention (dyad or petrarch); default: the one the set was labelled in."),
    ] = None,
) -> None:
    """Score dyad on a gold file and print overall and per-class metrics."""
    from dyad.evaluate import evaluate, harness

    err = Console(stderr=True)
    try:
        coder = harness.PipelineCoder(convention=convention)
    except DyadError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc
    columns = (TextColumn("coding {task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(gold.name, total=None)

        def progress(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        try:
            report = evaluate(gold, coder, limit=limit, out=out, fmt=fmt, progress=progress)
        except DyadError as exc:
            err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
            raise typer.Exit(2) from exc
        except NotImplementedError as exc:
            err.print("[red]error:[/red] dyad's coder is not implemented yet (Pipeline.code)")
            raise typer.Exit(1) from exc

    if json_output:
        typer.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        Console().print(report.to_rich())
