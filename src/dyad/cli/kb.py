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


@kb_app.command("coverage")
def coverage_command(
    kb: List[Path] = typer.Option(None, "--kb", help="Knowledge-base files to add (CSV or YAML)."),
    since: str = typer.Option("2000-01-01", help="First day measured (YYYY-MM-DD)."),
    until: str = typer.Option("", help="Last day measured (default: the day the packaged table is kept to)."),
    country: List[str] = typer.Option(None, "--country", "-c", help="Countries (ISO-3) to measure; default: the 89 newsworthy states."),
    gaps: bool = typer.Option(False, "--gaps", help="List each uncovered period."),
) -> None:
    """How completely office holders cover heads of state and government, foreign and defence
    ministers and armed-forces chiefs, country by country (share of days with a known holder;
    days on which an office did not exist or stood vacant, listed in offices_vacant.csv, are
    left out)."""
    from datetime import date

    from dyad.actors.coverage import FAMILIES, KB_AS_OF, NEWSWORTHY, coverage, packaged_persons

    try:
        lo = date.fromisoformat(since)
        hi = date.fromisoformat(until) if until else KB_AS_OF
    except ValueError as exc:
        raise typer.BadParameter(f"bad date: {exc}") from None
    countries = [c.upper() for c in country] if country else list(NEWSWORTHY)
    rows = coverage(packaged_persons(tuple(str(p) for p in kb or ())), since=lo, until=hi, countries=countries)
    out = Console()
    short = {"head_of_state": "state", "head_of_government": "govt", "foreign_minister": "foreign",
             "defence_minister": "defence", "military_chief": "military"}
    out.print("country  " + "  ".join(f"{short[f]:>8}" for f in FAMILIES), markup=False, highlight=False)
    by_country: dict[str, dict[str, object]] = {}
    for r in rows:
        by_country.setdefault(r.country, {})[r.family] = r
    full = near = 0
    for c, fams in by_country.items():
        cells = "  ".join(f"{fams[f].share:>8.3f}" for f in FAMILIES)
        out.print(f"{c:<7}  {cells}", markup=False, highlight=False)
        full += all(fams[f].share >= 0.999 for f in FAMILIES)
        near += all(fams[f].share >= 0.95 for f in FAMILIES)
        if gaps:
            for f in FAMILIES:
                for a, b in fams[f].gaps:
                    out.print(f"    {short[f]}: no holder {a} .. {b}", markup=False, highlight=False)
    means = "  ".join(f"{sum(by_country[c][f].share for c in by_country) / len(by_country):>8.3f}" for f in FAMILIES)
    out.print(f"{'mean':<7}  {means}", markup=False, highlight=False)
    out.print(f"{full} of {len(by_country)} countries have all five offices covered {lo} .. {hi}; "
              f"{near} on at least 95% of the days (vacant offices left out)", markup=False, highlight=False,
              soft_wrap=True)
