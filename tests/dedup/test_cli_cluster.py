"""``dyad cluster`` on a database of coded articles."""

from __future__ import annotations

import dyad.cli  # noqa: F401 - registers the commands
from dyad.cli._app import app
from dyad.store import Store


def test_cli_cluster_summary(cli_runner, db_path, make_article, make_event):
    body = "Russia accused Ukraine of shelling the town. " + " ".join(f"w{i}" for i in range(40))
    a = make_article("a", body, "2024-03-01", source="AP")
    b = make_article("b", body, "2024-03-01", source="Reuters")
    with Store(db_path) as store:
        store.add_coded([(a, [make_event(a)]), (b, [make_event(b)])])
    result = cli_runner.invoke(app, ["cluster", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert "Signed 2 new articles; 1 of 2 articles are copies (1 exact, 0 rewritten)." in result.stdout
    assert "2 reports in 1 event cluster" in result.stdout
    again = cli_runner.invoke(app, ["cluster", "--db", str(db_path), "--quiet"])
    assert again.exit_code == 0 and again.stdout == ""
    with Store(db_path, read_only=True) as store:
        assert store.clusters()[0]["num_sources"] == 1


def test_cli_cluster_missing_database(cli_runner, tmp_path):
    result = cli_runner.invoke(app, ["cluster", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "no such database" in result.output
    assert not (tmp_path / "none.duckdb").exists()
