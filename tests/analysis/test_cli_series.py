"""``dyad series`` and ``dyad top-dyads`` from the command line."""

from __future__ import annotations

import json

import dyad.cli  # noqa: F401 - registers the commands
from dyad.cli._app import app


def run(cli_runner, *args):
    return cli_runner.invoke(app, list(args), env={"COLUMNS": "200"})


def test_cli_series_table_json_and_plot(cli_runner, dyad_store, db_path, tmp_path):
    dyad_store.close()
    result = run(cli_runner, "series", "RUS", "UKR", "--db", str(db_path))
    assert result.exit_code == 0, result.output
    assert "RUS -> UKR: events per month" in result.stdout
    assert "2024-01-01" in result.stdout and "ACCUSE 1, ASSAULT 1" in result.stdout and "-1.00" in result.stdout
    plot = tmp_path / "s.svg"
    result = run(cli_runner, "series", "RUS", "UKR", "--db", str(db_path), "--json", "--raw", "--plot", str(plot))
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["events"] for r in rows] == [3, 0, 1]
    assert plot.read_text(encoding="utf-8").startswith("<svg")
    result = run(cli_runner, "series", "RUS", "UKR", "--db", str(db_path), "--by", "fortnight")
    assert result.exit_code == 1 and "--by must be one of" in result.output


def test_cli_top_dyads(cli_runner, dyad_store, db_path):
    dyad_store.close()
    result = run(cli_runner, "top-dyads", "--db", str(db_path), "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "Top 2 dyads (events)" in result.stdout and "RUS" in result.stdout and "FRA" in result.stdout


def test_cli_series_needs_clusters(cli_runner, db_path, make_article, make_event):
    from dyad.store import Store

    a = make_article("a", "Russia accused Ukraine.")
    with Store(db_path) as store:
        store.add_coded([(a, [make_event(a)])])
    result = run(cli_runner, "series", "RUS", "UKR", "--db", str(db_path))
    assert result.exit_code == 1 and "dyad cluster" in result.output
    result = run(cli_runner, "series", "RUS", "UKR", "--db", str(db_path), "--raw", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["events"] == 1


def test_cli_series_says_when_events_are_not_clustered(cli_runner, dyad_store, db_path, make_article, make_event):
    a = make_article("late", "Russia accused Ukraine again.", "2024-03-20")
    dyad_store.add_coded([(a, [make_event(a)])])  # coded after the last `dyad cluster`
    dyad_store.close()
    result = run(cli_runner, "series", "RUS", "UKR", "--db", str(db_path))
    assert result.exit_code == 0
    assert "1 events are not clustered yet" in result.output
