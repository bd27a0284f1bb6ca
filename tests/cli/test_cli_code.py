"""``dyad code`` through typer's CliRunner, with a fake pipeline and a real store."""

from __future__ import annotations

import json

import pytest

import dyad.cli  # noqa: F401 - registers the commands
from dyad.cli._app import app
from dyad.store import Store


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-03-01 One\n\nRussia accused Ukraine of shelling.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "b1", "date": "2024-03-02", "text": "France accused Germany."}) + "\n{oops\n",
        encoding="utf-8",
    )
    return [str(tmp_path / "a.txt"), str(tmp_path / "b.jsonl")]


@pytest.fixture
def run_code(cli_runner, db_path, fake_pipeline, monkeypatch):
    """Run ``dyad code`` with the fake pipeline: ``run_code(*args)`` -> click Result."""
    built = []

    def build(model=None, kb_paths=(), learned=True, convention="dyad"):
        built.append({"model": model, "learned": learned, "convention": convention})
        return fake_pipeline

    monkeypatch.setattr("dyad.cli.code.Pipeline", build)
    fake_pipeline.built = built

    def run(*args, input=None):
        return cli_runner.invoke(app, ["code", "--db", str(db_path), *args], input=input)

    return run


def test_cli_code_stores_writes_and_summarises(run_code, inputs, tmp_path, db_path):
    out = tmp_path / "events.jsonl"
    result = run_code(*inputs, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"error: {inputs[1]}:2: invalid JSON: Expecting property name enclosed in double quotes (column 2)"
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["article_id"], r["cameo"]) for r in lines] == [("a", "112"), ("b1", "112")]
    summary = result.stdout
    assert "Read 2 articles: 2 coded, 0 already stored; 1 input error." in summary
    assert "2 events: ACCUSE 2." in summary
    assert f"Events written to {out}." in summary
    assert "RUSGOV" in summary and "112 Accuse" in summary  # the table of first events
    with Store(db_path, read_only=True) as store:
        assert store.counts() == {"articles": 2, "coded": 2, "events": 2, "entities": 4}


def test_cli_code_rerun_stores_nothing_twice(run_code, inputs, db_path, fake_pipeline):
    assert run_code(*inputs).exit_code == 0
    fake_pipeline.coded.clear()
    result = run_code(*inputs)
    assert result.exit_code == 0
    assert fake_pipeline.coded == []
    assert "2 coded" not in result.stdout and "0 coded, 2 already stored" in result.stdout
    assert "2 events (2 from stored articles)" in result.stdout
    with Store(db_path, read_only=True) as store:
        assert store.counts()["events"] == 2


def test_cli_code_out_stdout_keeps_stdout_clean(run_code, inputs):
    result = run_code(*inputs, "--out", "-")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]  # every stdout line is an event
    assert len(records) == 2
    assert "Read 2 articles" in result.stderr  # the summary moved to stderr


def test_cli_code_stdin(run_code):
    line = json.dumps({"id": "s1", "date": "2024-03-01", "text": "Russia accused Ukraine."})
    result = run_code("-", "--quiet", "--out", "-", input=line + "\n")
    assert result.exit_code == 0
    assert [json.loads(x)["article_id"] for x in result.stdout.splitlines()] == ["s1"]


def test_cli_code_quiet_prints_errors_only(run_code, inputs):
    result = run_code(*inputs, "--quiet")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith("error: ")


def test_cli_code_exit_1_when_every_input_failed(run_code, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("no date line here\n", encoding="utf-8")
    result = run_code(str(bad), str(tmp_path / "missing.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {bad}:1: first line must be 'date YYYY-MM-DD Title', found 'no date line here'",
        f"error: {tmp_path / 'missing.jsonl'}: no such file or folder",
    ]


def test_cli_code_coder_failure_goes_on(run_code, tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "bad", "date": "2024-03-01", "text": "CRASH"})
        + "\n"
        + json.dumps({"id": "ok", "date": "2024-03-01", "text": "Russia accused Ukraine."})
        + "\n",
        encoding="utf-8",
    )
    result = run_code(str(path))
    assert result.exit_code == 0
    assert f"error: {path}:1: could not code article 'bad'" in result.stderr
    assert "1 coded, 0 already stored, 1 failed to code" in result.stdout


def test_cli_code_unwritable_out(run_code, inputs, tmp_path):
    result = run_code(*inputs, "--out", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr


def test_cli_code_patterns_only_turns_the_learned_model_off(run_code, inputs, fake_pipeline):
    assert run_code(*inputs).exit_code == 0
    assert run_code(*inputs, "--force", "--patterns-only").exit_code == 0
    assert [b["learned"] for b in fake_pipeline.built] == [True, False]


def test_cli_code_passes_the_coding_convention_on(run_code, inputs, fake_pipeline):
    assert run_code(*inputs).exit_code == 0
    assert run_code(*inputs, "--force", "--convention", "petrarch").exit_code == 0
    assert [b["convention"] for b in fake_pipeline.built] == ["dyad", "petrarch"]


def test_cli_code_unknown_convention_is_named_before_anything_is_stored(run_code, inputs, db_path, fake_pipeline):
    result = run_code(*inputs, "--convention", "tabari")
    assert result.exit_code == 1
    assert "unknown coding convention 'tabari': choose one of dyad, petrarch" in result.stderr
    assert not fake_pipeline.built and not db_path.exists()
