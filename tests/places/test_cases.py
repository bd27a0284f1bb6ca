"""The place-of-event case file: news-style sentences written for these tests.

Each row of cases.csv gives a sentence, its event word (first occurrence) and
the place where that event happened, or nothing when the sentence names no
such place (only actors' places, or none). Floors:

* country correct where a place is stated >= 0.97
* exact place where a place is stated >= 0.85 (the gazetteer name or the
  toponym as written, ignoring a trailing "province", "region"...)
* precision of "a place is stated" decisions >= 0.95
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from dyad.places import locate_event, normalise

CASES = Path(__file__).with_name("cases.csv")
FEATURE_WORDS = {"province", "region", "state", "district", "city", "governorate", "oblast", "county"}

COUNTRY_FLOOR = 0.97
EXACT_FLOOR = 0.85
PRECISION_FLOOR = 0.95


def read_cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def _bare(name: str) -> str:
    words = normalise(name).split()
    return " ".join(w for i, w in enumerate(words) if not (i and w in FEATURE_WORDS))


@dataclass
class Score:
    stated: int = 0
    country: int = 0
    exact: int = 0
    predicted: int = 0
    predicted_stated: int = 0
    misses: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"country {self.country}/{self.stated}, exact {self.exact}/{self.stated}, "
            f"precision {self.predicted_stated}/{self.predicted}"
        )


def score_cases(nlp, gazetteer, rows) -> Score:
    score = Score()
    for row, doc in zip(rows, nlp.pipe(r["sentence"] for r in rows)):
        trigger = next(t for t in doc if t.text == row["trigger"])
        loc = locate_event(trigger.sent, trigger, gazetteer=gazetteer)
        expected = row["expected_country"]
        if loc is not None:
            score.predicted += 1
            score.predicted_stated += bool(expected)
        if expected:
            score.stated += 1
            # the toponym as written counts only when the gazetteer resolved it (not "...-from-context")
            surface = doc.text[loc.span[0] : loc.span[1]] if loc and loc.span and loc.how == "sentence" else ""
            country_ok = loc is not None and loc.country == expected
            exact_ok = country_ok and _bare(row["expected_name"]) in {_bare(loc.name), _bare(surface)}
            score.country += country_ok
            score.exact += exact_ok
            if not exact_ok:
                score.misses.append(f"{row['sentence']} -> {loc and (loc.name, loc.country, loc.how)}")
        elif loc is not None:
            score.misses.append(f"{row['sentence']} -> {(loc.name, loc.country)} (none stated)")
    return score


def test_cases_file_is_well_formed():
    rows = read_cases()
    assert len(rows) >= 300
    assert sum(1 for r in rows if r["expected_country"]) >= 250
    assert sum(1 for r in rows if not r["expected_country"]) >= 40
    for row in rows:
        assert f" {row['trigger']}" in f" {row['sentence']}", row
        assert bool(row["expected_name"]) == bool(row["expected_country"]), row
        assert not row["expected_country"] or len(row["expected_country"]) == 3, row


@pytest.mark.slow
def test_cases_meet_the_floors(nlp, gazetteer):
    score = score_cases(nlp, gazetteer, read_cases())
    detail = score.summary() + "\n" + "\n".join(score.misses)
    assert score.country / score.stated >= COUNTRY_FLOOR, detail
    assert score.exact / score.stated >= EXACT_FLOOR, detail
    assert score.predicted_stated / score.predicted >= PRECISION_FLOOR, detail
