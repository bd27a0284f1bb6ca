"""The held-out place files: sentences written after the locator was tuned on cases.csv.

``holdout.csv`` (201 sentences) was measured before the issue-5 changes, then
used while making them; ``holdout2.csv`` (60 sentences) was written after them
and measured once, then its misses guided the second round of issue 5;
``holdout3.csv`` (149 sentences) was written before that round, measured on the
code before it and once after it, then its misses guided the third round;
``holdout4.csv`` (147 sentences) was written before the third round, measured on
the code before it and once after it, not tuned on until the fifth round; ``holdout5.csv`` (150
sentences) was written blind for a fourth round and measured once on the code
as it stood, then studied in a fifth round (session 4) with holdout4.csv;
``holdout6.csv`` (220 sentences, news's mix of places) was written blind before that
round, measured before it and once after it; ``holdout7.csv`` (170 sentences, the same
mix) was written blind after it and measured once: theirs are the honest unseen figures. Floors sit at the measured levels (see docs/pipeline.md) and are only ever raised. Exact place counts the toponym as written only when the
gazetteer resolved it (not a ``...-from-context`` location).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from .test_cases import score_cases

HERE = Path(__file__).parent
# file: (country, exact, precision of "a place is stated") as measured
FLOORS = {
    # 142/143, 142/143, 143/143 (before the changes: 0.951, 0.923, 0.986; after round 4: 140/143 exact, 143/145)
    "holdout.csv": (0.993, 0.993, 1.000),
    # 44/45, 43/45, 44/44 (first measured: 39/45, 36/45, 40/44; after round 2: 43/45, 38/45, 44/46)
    "holdout2.csv": (0.977, 0.955, 1.000),
    # 117/118, 111/118, 118/118 after round 5 (before round 2: 106/118, 95/118, 111/117; after
    # round 2, unseen: 110/118, 96/118, 114/114; after round 3, which tuned on it: 116/118, 103/118)
    "holdout3.csv": (0.991, 0.940, 1.000),
    # 126/126, 119/126, 126/127 after round 5, which studied its misses (unseen until then:
    # 113/126, 97/126, 118/119)
    "holdout4.csv": (1.000, 0.944, 0.992),
    # 127/130, 121/130, 129/129 after round 5, which studied its misses (written blind for it
    # and measured once before it: 112/130, 97/130, 123/123)
    "holdout5.csv": (0.976, 0.930, 1.000),
    # written blind in session 4 with news's mix of places (about a third capitals and big
    # cities, a sixth no place), measured before round 5 (182/187, 161/187, 183/184) and once
    # after it, never tuned on: 184/187, 175/187, 184/185
    "holdout6.csv": (0.983, 0.935, 0.994),
    # written blind in session 4 after round 5 (the same mix), measured once: 140/145, 135/145, 141/141
    "holdout7.csv": (0.965, 0.931, 1.000),
}


def read(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_holdout_file_is_well_formed(name):
    rows = read(name)
    assert len(rows) >= (150 if name == "holdout.csv" else 60)
    cases = {r["sentence"] for r in read("cases.csv")}
    for row in rows:
        assert row["sentence"] not in cases, row  # held out: no sentence of the tuning file
        assert f" {row['trigger']}" in f" {row['sentence']}", row
        assert bool(row["expected_name"]) == bool(row["expected_country"]), row
        assert not row["expected_country"] or len(row["expected_country"]) == 3, row


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(FLOORS))
def test_holdout_meets_the_measured_floors(name, nlp, gazetteer):
    score = score_cases(nlp, gazetteer, read(name))
    country, exact, precision = FLOORS[name]
    detail = score.summary() + "\n" + "\n".join(score.misses)
    assert score.country / score.stated >= country, detail
    assert score.exact / score.stated >= exact, detail
    assert score.predicted_stated / score.predicted >= precision, detail
