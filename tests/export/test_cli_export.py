"""``dyad export`` from the command line."""

from __future__ import annotations

import dyad.cli  # noqa: F401 - registers the commands
from dyad.cli._app import app


def test_cli_export_formats(cli_runner, clustered, db_path, tmp_path):
    clustered.close()  # the CLI opens the file itself
    out = tmp_path / "events.tsv"
    result = cli_runner.invoke(app, ["export", "--db", str(db_path), "--format", "gdelt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "Wrote 3 rows (clusters, gdelt)" in result.stdout
    assert all(len(line.split("\t")) == 61 for line in out.read_text().splitlines())
    out = tmp_path / "events.jsonl"
    result = cli_runner.invoke(app, ["export", "--db", str(db_path), "-f", "plover", "-o", str(out), "--what", "events"])
    assert result.exit_code == 0 and len(out.read_text().splitlines()) == 3


def test_cli_export_bad_options(cli_runner, clustered, db_path, tmp_path):
    clustered.close()
    result = cli_runner.invoke(app, ["export", "--db", str(db_path), "--format", "xml", "--out", str(tmp_path / "x")])
    assert result.exit_code == 1 and "--format must be one of" in result.output
    result = cli_runner.invoke(app, ["export", "--db", str(db_path), "-f", "csv", "-o", str(tmp_path / "x"), "--what", "x"])
    assert result.exit_code == 1 and "--what must be events or clusters" in result.output
