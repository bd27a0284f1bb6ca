"""Coding and scoring a gold file end to end with fake coders."""

from __future__ import annotations

import json

import pytest

from dyad.evaluate import PipelineCoder, Report, code_items, evaluate, score
from dyad.evaluate.gold import read_gold

from eval_fakes import make_event

KEYWORDS = {"met": "040", "shelled": "194", "freed": "0841", "denounced": "112"}


def keyword_coder(text, pub_date=None):
    """Codes one event from a keyword, with the first and last words as actor and recipient."""
    words = text.rstrip(".").split()
    for word, code in KEYWORDS.items():
        if word in words:
            return [make_event(code, actors=[(words[0], "RUR")], recipients=[(words[-1], "FRE")], text=text)]
    return []


def test_evaluate_scores_a_tiny_file(write_jsonl, tiny_sets):
    report = evaluate(write_jsonl("zsp_plv_tiny.jsonl", tiny_sets["zsp_plv"]), keyword_coder)
    assert isinstance(report, Report)
    assert report.dataset == "zsp_plv" and report.n == 4
    assert report.metrics["accuracy"] == 1.0 and report.metrics["macro_f1"] == 1.0
    assert report.headline == ("accuracy", "macro_f1")
    assert report.coder_errors == 0 and report.elapsed_s >= 0 and report.sentences_per_s >= 0


def test_evaluate_limit_takes_first_items(write_jsonl, tiny_sets):
    report = evaluate(write_jsonl("z.jsonl", tiny_sets["zsp_plv"]), keyword_coder, limit=2)
    assert report.n == 2 and report.limit == 2
    assert {r.label for r in report.classes if r.support} == {"CONSULT", "ASSAULT"}


def test_evaluate_writes_predictions(write_jsonl, tiny_sets, tmp_path):
    out = tmp_path / "pred.jsonl"
    evaluate(write_jsonl("z.jsonl", tiny_sets["zsp_plv"]), keyword_coder, out=out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4
    assert lines[0]["id"] == "zsp_plv:x:1" and lines[0]["gold"] == "CONSULT" and lines[0]["correct"] is True
    assert lines[0]["events"][0]["cameo"] == "040"


def test_evaluate_passes_the_record_date(write_jsonl, tiny_sets):
    seen = []
    evaluate(write_jsonl("p.jsonl", tiny_sets["petrarch"]), lambda text, d: seen.append(d) or [])
    assert seen and all(str(d) == "2010-05-05" for d in seen)


def test_evaluate_counts_coder_errors_as_abstentions(write_jsonl, tiny_sets):
    def flaky(text, pub_date=None):
        if "shelled" in text:
            raise ValueError("bad parse")
        return keyword_coder(text)

    report = evaluate(write_jsonl("z.jsonl", tiny_sets["zsp_plv"]), flaky)
    assert report.coder_errors == 1
    assert report.first_error.endswith("ValueError: bad parse")
    assert report.metrics["accuracy"] == 0.75


def test_evaluate_not_implemented_propagates(write_jsonl, tiny_sets):
    def missing(text, pub_date=None):
        raise NotImplementedError

    with pytest.raises(NotImplementedError):
        evaluate(write_jsonl("z.jsonl", tiny_sets["zsp_plv"]), missing)


def test_code_items_reports_progress(write_jsonl, tiny_sets):
    items = read_gold(write_jsonl("z.jsonl", tiny_sets["zsp_plv"])).items
    calls = []
    preds, spent, errors, first = code_items(items, keyword_coder, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert len(preds) == 4 and errors == 0 and first is None and spent >= 0


def test_score_rejects_misaligned_predictions(write_jsonl, tiny_sets):
    items = read_gold(write_jsonl("z.jsonl", tiny_sets["zsp_plv"])).items
    with pytest.raises(ValueError):
        score("zsp_plv", items, [[]])


def test_pipeline_coder_builds_nothing_until_called():
    coder = PipelineCoder()
    assert coder._pipeline is None


def test_evaluate_limit_above_size_is_no_limit(write_jsonl, tiny_sets):
    report = evaluate(write_jsonl("z.jsonl", tiny_sets["zsp_plv"]), keyword_coder, limit=99)
    assert report.n == 4 and report.limit is None


def test_evaluate_loads_the_coder_before_timing(write_jsonl, tiny_sets):
    calls = []

    class Loading:
        def load(self):
            calls.append("load")

        def __call__(self, text, pub_date=None):
            calls.append("code")
            return []

    evaluate(write_jsonl("z.jsonl", tiny_sets["zsp_plv"]), Loading())
    assert calls == ["load"] + ["code"] * 4
