"""The one typer application every command module registers on."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="dyad",
    help="Code dated news articles into CAMEO/PLOVER political events, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

DEFAULT_DB = "dyad.duckdb"
