"""Write docs/cli.md from the commands' own --help texts (run after changing a command).

    .venv/bin/python scripts/gen_cli_docs.py
"""

from __future__ import annotations

import sys
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def render() -> str:
    import click
    import typer
    import typer.core

    typer.core.HAS_RICH = False  # plain click help text, not a rich panel on the terminal

    import dyad.cli  # noqa: F401 - registers the commands
    from dyad.cli._app import app

    group = typer.main.get_command(app)
    parts = [
        "# Command-line reference\n",
        "Generated from each command's `--help` by `scripts/gen_cli_docs.py`; "
        "a test fails when this page and the commands disagree.\n",
    ]
    with click.Context(group, info_name="dyad", terminal_width=100) as ctx:
        parts.append("## dyad\n\n```\n" + _plain(group.get_help(ctx)) + "\n```\n")
        for name in sorted(group.list_commands(ctx)):
            cmd = group.get_command(ctx, name)
            with click.Context(cmd, info_name=name, parent=ctx, terminal_width=100) as sub:
                parts.append(f"## dyad {name}\n\n```\n" + _plain(cmd.get_help(sub)) + "\n```\n")
    return "\n".join(parts)


def _plain(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if DOC.read_text(encoding="utf-8") == text else 1)
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
