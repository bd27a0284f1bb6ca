"""``dyad events`` and ``dyad show`` on a store filled with hand-built events."""

from __future__ import annotations

import json

import pytest

import dyad.cli  # noqa: F401 - registers the commands
from dyad.cli._app import app
from dyad.store import Store


@pytest.fixture
def filled_db(db_path, make_article, make_event):
    a = make_article("a1", "Russia accused Ukraine of shelling. France signed a deal with Germany in Paris.", "2024-03-01")
    b = make_article("b2", "Germany accused Russia of lying.", "2024-03-05")
    with Store(db_path) as store:
        store.add_coded(
            [
                (
                    a,
                    [
                        make_event(a),
                        make_event(a, "057", trigger="signed", actor=("France", "FRA", "GOV"), recipient=("Germany", "DEU", "GOV"), place=("Paris", "FRA")),
                    ],
                ),
                (b, [make_event(b, actor=("Germany", "DEU", "GOV"), recipient=("Russia", "RUS", None), confidence=0.25)]),
            ]
        )
    return str(db_path)


def run(cli_runner, *args):
    return cli_runner.invoke(app, list(args), env={"COLUMNS": "200"})  # wide enough for whole cells


def test_cli_events_table(cli_runner, filled_db):
    result = run(cli_runner, "events", "--db", filled_db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "3 events in" in out
    for cell in ("2024-03-01", "RUSGOV", "UKR", "057 Sign formal agreement", "Paris", "0.25", "accused"):
        assert cell in out


def test_cli_events_json_filters(cli_runner, filled_db):
    def ids(*args):
        result = run(cli_runner, "events", "--db", filled_db, "--json", *args)
        assert result.exit_code == 0, result.output
        return [(r["article_id"], r["cameo"]) for r in map(json.loads, result.stdout.splitlines())]

    assert ids() == [("a1", "112"), ("a1", "057"), ("b2", "112")]
    assert ids("--root", "05") == [("a1", "057")]
    assert ids("--root", "5") == [("a1", "057")]
    assert ids("--country", "rus") == [("a1", "112"), ("b2", "112")]
    assert ids("--article", "b2") == [("b2", "112")]
    assert ids("--since", "2024-03-02") == [("b2", "112")]
    assert ids("--until", "2024-03-01", "--limit", "1") == [("a1", "112")]
    assert ids("--country", "XXX") == []


def test_cli_events_json_records_are_whole(cli_runner, filled_db):
    result = run(cli_runner, "events", "--db", filled_db, "--json", "--article", "a1", "--root", "05")
    [record] = map(json.loads, result.stdout.splitlines())
    assert record["location"]["name"] == "Paris"
    assert record["actors"][0]["code"] == "FRAGOV"
    assert record["trigger"]["text"] == "signed"


def test_cli_events_nothing_matches(cli_runner, filled_db):
    result = run(cli_runner, "events", "--db", filled_db, "--country", "XXX")
    assert result.exit_code == 0
    assert "No stored events match." in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--root", "abc"], "--root must be a CAMEO root code"),
        (["--since", "March"], "--since must be a date YYYY-MM-DD"),
    ],
)
def test_cli_events_bad_options(cli_runner, filled_db, args, message):
    result = run(cli_runner, "events", "--db", filled_db, *args)
    assert result.exit_code == 1
    assert message in result.stderr


def test_cli_events_missing_db_is_not_created(cli_runner, tmp_path):
    missing = tmp_path / "nope.duckdb"
    for command in ("events", "show"):
        result = run(cli_runner, command, "--db", str(missing))
        assert result.exit_code == 1
        assert result.stderr.startswith(f"error: {missing}: no such database")
    assert not missing.exists()


def test_cli_show(cli_runner, filled_db):
    result = run(cli_runner, "show", "--db", filled_db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2 articles (2 coded), 3 events, 6 actors and recipients" in out
    assert "3 Verbal conflict" in out and "1 Verbal cooperation" in out and "67%" in out
    assert "ACCUSE" in out and "SUPPORT" in out
    assert "FRAGOV" in out and "DEUGOV" in out  # a top dyad


def test_cli_show_empty_db(cli_runner, db_path):
    Store(db_path).close()
    result = run(cli_runner, "show", "--db", str(db_path))
    assert result.exit_code == 0
    assert "0 articles (0 coded), 0 events" in result.stdout
