"""The coder on our own case file (tests/events/cases/sentences.tsv, see its README).

Root accuracy: the most confident event's CAMEO root equals the annotated one. Negative rows
(cameo "-": negated, hypothetical, questions, non-political) must yield no event. Floors record
what the coder reached and only rise.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CASES = Path(__file__).with_name("cases") / "sentences.tsv"
ROOT_ACCURACY_FLOOR = 0.75
SOURCE_COUNTRY_FLOOR = 0.90  # on rows whose root is right
NEGATIVE_CEILING = 0.16


@pytest.fixture(scope="module")
def scored(pipeline):
    rows = list(csv.DictReader(CASES.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    ok = src_ok = pos = neg = fp = 0
    for row in rows:
        events = pipeline.code_text(row["sentence"], date.fromisoformat(row["pub_date"]))
        if row["cameo"] == "-":
            neg += 1
            fp += bool(events)
            continue
        pos += 1
        best = max(events, key=lambda e: e.confidence, default=None)
        if best is not None and best.cameo[:2] == row["cameo"][:2]:
            ok += 1
            want = row["source"][:3]
            src_ok += bool(best.actors) and any((a.code or "").startswith(want) or a.group == want
                                                for a in best.actors)
    return ok / pos, src_ok / max(ok, 1), fp / neg


def test_cases_root_accuracy(scored):
    assert scored[0] >= ROOT_ACCURACY_FLOOR, scored


def test_cases_source_country(scored):
    assert scored[1] >= SOURCE_COUNTRY_FLOOR, scored


def test_cases_negatives_stay_quiet(scored):
    assert scored[2] <= NEGATIVE_CEILING, scored
