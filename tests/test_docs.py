"""The documentation stays true: the CLI page matches the commands, every command is documented."""

from __future__ import annotations

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _gen():
    spec = importlib.util.spec_from_file_location("gen_cli_docs", REPO / "scripts" / "gen_cli_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_cli_page_is_generated_from_the_commands():
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == _gen().render(), (
        "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"
    )


def test_docs_every_command_is_in_the_readme_or_docs():
    import typer

    import dyad.cli  # noqa: F401
    from dyad.cli._app import app

    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    text = (REPO / "README.md").read_text(encoding="utf-8") + (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in names:
        assert f"dyad {name}" in text, name
    assert typer  # imported for the registration side effects


def test_docs_readme_names_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/quickstart.sh" in readme and "bash scripts/quickstart.sh" in ci
    assert "bash scripts/test.sh" in readme and "bash scripts/test.sh" in ci
