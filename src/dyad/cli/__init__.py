"""dyad's command line: one typer ``app``, one module per verb.

Each command is a thin wrapper over a library function; the library logs and
never prints.
"""

from __future__ import annotations

from dyad.cli._app import app

# Importing a command module registers its verbs on ``app``.
from dyad.cli import cluster, code, events, evaluate, explain, export, series  # noqa: E402,F401
from dyad.cli import actors, kb  # noqa: E402,F401  (issue #4)


def main() -> None:
    app()
