"""``dyad eval`` on tiny gold files, with dyad's pipeline replaced by a fake coder."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.evaluate import harness

from eval_fakes import make_event


class FakePipelineCoder:
    """Stands in for dyad's pipeline: codes "met" as CONSULT."""

    made: list = []

    def __init__(self, convention=None):
        from dyad.events.conventions import get_convention

        self.convention = get_convention(convention).name if convention else "dyad"
        FakePipelineCoder.made.append(convention)

    def __call__(self, text, pub_date=None):
        return [make_event("040", text=text)] if " met " in text else []


@pytest.fixture
def runner(monkeypatch) -> CliRunner:
    monkeypatch.setattr(harness, "PipelineCoder", FakePipelineCoder)
    return CliRunner()


def test_eval_command_json(runner, write_jsonl, tiny_sets):
    path = write_jsonl("zsp_plv_dev.jsonl", tiny_sets["zsp_plv"])
    result = runner.invoke(app, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["dataset"] == "zsp_plv" and report["n"] == 4
    assert report["headline"]["accuracy"] == 0.25


def test_eval_command_limit_and_out(runner, write_jsonl, tiny_sets, tmp_path):
    path = write_jsonl("glocon_sample_dev.jsonl", tiny_sets["glocon_sample"])
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["eval", str(path), "--limit", "3", "--out", str(out), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["n"] == 3
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3


def test_eval_command_tables(runner, write_jsonl, tiny_sets):
    path = write_jsonl("zsp_plv_dev.jsonl", tiny_sets["zsp_plv"])
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 0, result.output
    assert "macro_f1" in result.stdout and "CONSULT" in result.stdout


def test_eval_command_unknown_format_exits_2(runner, write_jsonl):
    path = write_jsonl("mystery.jsonl", [{"id": "a", "text": "b"}])
    result = runner.invoke(app, ["eval", str(path)])
    assert result.exit_code == 2
    assert "unknown gold format" in result.stderr


def test_eval_command_not_implemented_exits_1(monkeypatch, write_jsonl, tiny_sets):
    class Missing:
        def __init__(self, convention=None):
            self.convention = convention

        def __call__(self, text, pub_date=None):
            raise NotImplementedError

    monkeypatch.setattr(harness, "PipelineCoder", Missing)
    path = write_jsonl("zsp_plv_dev.jsonl", tiny_sets["zsp_plv"])
    result = CliRunner().invoke(app, ["eval", str(path)])
    assert result.exit_code == 1
    assert "not implemented" in result.stderr


def test_eval_command_codes_in_the_convention_asked_for(runner, write_jsonl, tiny_sets):
    path = write_jsonl("zsp_plv_dev.jsonl", tiny_sets["zsp_plv"])
    FakePipelineCoder.made.clear()
    result = runner.invoke(app, ["eval", str(path), "--json", "--convention", "petrarch"])
    assert result.exit_code == 0, result.output
    assert FakePipelineCoder.made == ["petrarch"]
    assert "coded with the petrarch convention (dyad.events.conventions)" in json.loads(result.stdout)["notes"]
    bad = runner.invoke(app, ["eval", str(path), "--convention", "tabari"])
    assert bad.exit_code == 2 and "unknown coding convention 'tabari'" in bad.stderr
