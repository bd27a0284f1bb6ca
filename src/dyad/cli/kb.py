"""``dyad kb check [FILE...]``: validate knowledge-base files, with file:line messages."""

from __future__ import annotations

from pathlib import Path
from typing import List

import typer
from rich.console import Console

from dyad.cli._app import app

kb_app = typer.Typer(
    name="kb",
    help="Knowledge-base files: `dyad kb check [FILE...]` validates them (see docs/actors.md).",
    no_args_is_help=True,
)
app.add_typer(kb_app, name="kb")


@kb_app.command("check")
def check_command(
    files: List[Path] = typer.Argument(
        None, metavar="[FILE...]", help="CSV or YAML files given to --kb (default: the packaged knowledge base)."
    ),
    warnings: bool = typer.Option(True, "--warnings/--no-warnings", help="Show warnings too."),
) -> None:
    """Check knowledge-base files: unknown codes, bad dates, overlapping terms, clashing names.

    Each problem is printed as FILE:LINE: error|warning: message. User files are also
    checked against the packaged tables (an override of a packaged entry is a warning).
    Exits 1 when there is an error, 0 otherwise.
    """
    from dyad.actors.check import check_files

    problems = check_files(files or ())
    errors = [p for p in problems if p.level == "error"]
    out = Console(stderr=True)
    for problem in problems:
        if problem.level == "error" or warnings:
            out.print(str(problem), markup=False, highlight=False, soft_wrap=True)
    n_warn = len(problems) - len(errors)
    what = ", ".join(str(f) for f in files) if files else "the packaged knowledge base"
    summary = f"{what}: {len(errors)} error{'s' * (len(errors) != 1)}, {n_warn} warning{'s' * (n_warn != 1)}"
    Console().print(summary, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(1 if errors else 0)
