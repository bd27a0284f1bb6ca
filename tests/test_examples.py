"""The bundled examples against our own annotations (examples/expected.jsonl).

Recall: an expected event is found when an event in the same sentence has the same CAMEO
root and the expected actor country. Negated or hypothetical lines must produce no event with
that code's root in their sentence. Floors record what the coder reached; they only rise.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dyad.ingest import read_articles

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
RECALL_FLOOR = 0.65
CODE_FLOOR = 0.48  # same 3-digit code as well
NEGATIVE_CEILING = 0.15  # share of negated/hypothetical lines that still produce that root


@pytest.fixture(scope="module")
def scored(pipeline):
    articles = {a.id: a for a in read_articles([EXAMPLES], on_error=lambda e: pytest.fail(str(e)))}
    events = {aid: pipeline.code(a) for aid, a in articles.items()}
    expected = [json.loads(line) for line in (EXAMPLES / "expected.jsonl").read_text(encoding="utf-8").splitlines()]
    found = code_ok = positives = negatives = false_pos = 0
    for exp in expected:
        if exp.get("optional"):
            continue
        art = articles[exp["article"]]
        start = art.text.index(exp["sentence_contains"])
        here = [e for e in events[exp["article"]] if e.sentence_span[0] <= start < e.sentence_span[1]]
        same_root = [e for e in here if e.cameo[:2] == exp["cameo"][:2]]
        if exp["negated_or_hypothetical"]:
            negatives += 1
            false_pos += bool(same_root)
            continue
        positives += 1
        hit = [e for e in same_root if exp["actor_country"] is None
               or any(exp["actor_country"] in (a.country, a.group) for a in e.actors)]
        found += bool(hit)
        code_ok += any(e.cameo[:3] == exp["cameo"][:3] for e in hit)
    return found / positives, code_ok / positives, false_pos / max(negatives, 1)


def test_examples_recall_of_expected_events(scored):
    recall, _, _ = scored
    assert recall >= RECALL_FLOOR, recall


def test_examples_three_digit_codes(scored):
    _, code_recall, _ = scored
    assert code_recall >= CODE_FLOOR, code_recall


def test_examples_negated_and_hypothetical_events_stay_out(scored):
    _, _, false_rate = scored
    assert false_rate <= NEGATIVE_CEILING, false_rate
