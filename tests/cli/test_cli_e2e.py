"""``dyad code`` end to end with the real pipeline on the bundled example articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dyad.cli  # noqa: F401 - registers the commands
from dyad.cli._app import app
from dyad.store import Store

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
RECORD_KEYS = {
    "event_id", "article_id", "pub_date", "date", "date_precision", "cameo", "cameo_root", "goldstein",
    "quad_class", "plover", "plover_mode", "contexts", "actors", "recipients", "trigger", "location",
    "sentence", "sentence_span", "confidence", "modality", "coder",
}


@pytest.fixture(scope="module")
def coded(tmp_path_factory):
    from typer.testing import CliRunner

    tmp = tmp_path_factory.mktemp("e2e")
    bad = tmp / "broken.txt"
    bad.write_text("no date line here\n\nSomething happened.\n", encoding="utf-8")
    db, out = tmp / "e2e.duckdb", tmp / "events.jsonl"
    runner = CliRunner()
    first = runner.invoke(app, ["code", str(EXAMPLES), str(bad), "--db", str(db), "--out", str(out)])
    second = runner.invoke(app, ["code", str(EXAMPLES), "--db", str(db), "--out", str(tmp / "again.jsonl")])
    return first, second, db, out, tmp


def test_cli_e2e_codes_every_example(coded):
    first, _, db, out, _ = coded
    assert first.exit_code == 0, first.output
    n_examples = len(list(EXAMPLES.glob("*.txt")))
    assert f"Read {n_examples + 1} articles" in first.stdout or f"{n_examples} coded" in first.stdout
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert counts["articles"] == n_examples
    assert counts["events"] >= 5 * n_examples


def test_cli_e2e_bad_file_is_named_and_the_batch_goes_on(coded):
    first, *_ = coded
    assert "broken.txt:1:" in first.stderr


def test_cli_e2e_records_follow_the_contract(coded):
    _, _, _, out, _ = coded
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    articles = {p.stem: p.read_text(encoding="utf-8").split("\n", 2)[2].strip() for p in EXAMPLES.glob("*.txt")}
    for rec in records:
        assert RECORD_KEYS <= set(rec)
        body = articles[rec["article_id"]]
        s, e = rec["trigger"]["span"]
        assert body[s:e] == rec["trigger"]["text"]
        assert rec["cameo"].startswith(rec["cameo_root"]) and 1 <= rec["quad_class"] <= 4
        assert 0.0 <= rec["confidence"] <= 1.0
        assert rec["date"] <= rec["pub_date"] or rec["modality"] == "intended"


def test_cli_e2e_rerun_stores_nothing_twice(coded):
    _, second, db, out, tmp = coded
    assert second.exit_code == 0, second.output
    assert "0 coded" in second.stdout
    first_ids = sorted(json.loads(x)["event_id"] for x in out.read_text().splitlines())
    again_ids = sorted(json.loads(x)["event_id"] for x in (tmp / "again.jsonl").read_text().splitlines())
    assert first_ids == again_ids
    with Store(db, read_only=True) as store:
        assert store.counts()["events"] == len(first_ids)
