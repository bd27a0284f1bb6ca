"""The hand-written case file: realistic news sentences with the date a careful coder gives.

``cases.csv`` columns: sentence, pub_date, tense (may be empty: inferred),
expected_date, expected_precision, expected_end (ranges only), context (the
article's sentences before this one, separated by " | "; for "the next day"
and the like) and trigger (the event word, its first occurrence; empty: the
sentence's main event). Floors here are only ever raised.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from dyad.dates import ArticleDates, find_dates, resolve_event_date

CASES = Path(__file__).with_name("cases.csv")
# Written blind in session 4 (220 cases, without reading the resolver) and measured once:
# exact day 115/117 on the day cases, date, precision and end 214/220; floors at those levels.
HOLDOUT = Path(__file__).with_name("holdout.csv")
HOLDOUT_DAY_FLOOR = 0.982
HOLDOUT_EXACT_FLOOR = 0.972
COLUMNS = ["sentence", "pub_date", "tense", "expected_date", "expected_precision", "expected_end", "context", "trigger"]
DAY_ACCURACY_FLOOR = 0.95
EXACT_FLOOR = 0.95  # date, precision and end all right, over every case


@dataclass(frozen=True, slots=True)
class Case:
    sentence: str
    pub_date: date
    tense: str | None
    date: date
    precision: str
    end: date | None
    context: tuple[str, ...] = ()
    trigger: str | None = None

    @property
    def past(self) -> bool:
        """Past as given, or as the coder read it (tense left empty, dated no later than publication)."""
        if self.tense is not None:
            return self.tense == "past"
        return self.date <= self.pub_date and (self.end is None or self.end <= self.pub_date)


@lru_cache(maxsize=2)
def load_cases(path: Path = CASES) -> tuple[Case, ...]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(line for line in f if not line.startswith("#"))
        assert reader.fieldnames == COLUMNS
        return tuple(
            Case(
                r["sentence"],
                date.fromisoformat(r["pub_date"]),
                r["tense"] or None,
                date.fromisoformat(r["expected_date"]),
                r["expected_precision"],
                date.fromisoformat(r["expected_end"]) if r["expected_end"] else None,
                tuple(c.strip() for c in (r["context"] or "").split("|") if c.strip()),
                r["trigger"] or None,
            )
            for r in reader
        )


def resolve(case: Case):
    anchor = None
    if case.trigger:
        anchor = next(i for i in range(len(case.sentence)) if case.sentence.startswith(case.trigger, i)
                      and (i == 0 or not case.sentence[i - 1].isalpha()))
    if not case.context:
        return resolve_event_date(case.sentence, case.pub_date, tense=case.tense, anchor=anchor)
    article = ArticleDates(case.pub_date)
    for before in case.context:
        article.advance(before)
    return article.resolve(case.sentence, tense=case.tense, anchor=anchor)


def test_cases_file_is_well_formed():
    cases = load_cases()
    assert len(cases) >= 350
    assert sum(c.precision == "day" for c in cases) >= 250
    assert len({c.sentence for c in cases}) == len(cases), "duplicate sentences"
    for c in cases:
        assert c.tense in (None, "past", "present", "future"), c
        assert c.precision in ("day", "month", "range", "pub"), c
        assert (c.end is not None) == (c.precision == "range"), c
        assert c.end is None or c.date <= c.end, c
        assert c.precision != "pub" or c.date == c.pub_date, c
        assert c.precision != "month" or c.date.day == 1, c
        assert not c.trigger or c.trigger in c.sentence, c


def test_cases_cover_dates_counted_from_the_previous_event():
    relative = [c for c in load_cases() if c.context or any(m.kind == "relative" for m in find_dates(c.sentence))]
    assert len(relative) >= 40
    assert sum(c.precision == "pub" for c in relative) >= 3  # with no previous event, or one that cannot hold


def test_cases_day_accuracy_meets_the_floor():
    day_cases = [c for c in load_cases() if c.precision == "day"]
    misses = [(c.sentence, c.pub_date, c.date, resolve(c).date) for c in day_cases if resolve(c).date != c.date]
    accuracy = 1 - len(misses) / len(day_cases)
    assert accuracy >= DAY_ACCURACY_FLOOR, f"day accuracy {accuracy:.3f}; misses: {misses}"


def test_cases_exact_match_meets_the_floor():
    cases = load_cases()
    misses = []
    for c in cases:
        got = resolve(c)
        if (got.date, got.precision, got.end) != (c.date, c.precision, c.end):
            misses.append((c.sentence, (c.date, c.precision, c.end), (got.date, got.precision, got.end)))
    accuracy = 1 - len(misses) / len(cases)
    assert accuracy >= EXACT_FLOOR, f"exact accuracy {accuracy:.3f}; misses: {misses}"


def test_cases_past_events_never_resolve_after_publication():
    late = []
    for c in load_cases():
        if not c.past:
            continue
        got = resolve(c)
        if got.date > c.pub_date or (got.end is not None and got.end > c.pub_date):
            late.append((c.sentence, c.pub_date, got))
    assert not late, late


def test_holdout_is_well_formed_and_unseen():
    cases, holdout = load_cases(), load_cases(HOLDOUT)
    assert len(holdout) >= 200
    assert not {c.sentence for c in holdout} & {c.sentence for c in cases}
    for c in holdout:
        assert c.precision in ("day", "month", "range", "pub"), c
        assert (c.end is not None) == (c.precision == "range"), c
        assert not c.trigger or c.trigger in c.sentence, c


def test_holdout_meets_its_floors():
    holdout = load_cases(HOLDOUT)
    day = [c for c in holdout if c.precision == "day"]
    day_misses = [c for c in day if resolve(c).date != c.date]
    exact_misses = [c for c in holdout if (lambda g: (g.date, g.precision, g.end))(resolve(c)) != (c.date, c.precision, c.end)]
    assert 1 - len(day_misses) / len(day) >= HOLDOUT_DAY_FLOOR, day_misses
    assert 1 - len(exact_misses) / len(holdout) >= HOLDOUT_EXACT_FLOOR, exact_misses
    late = [c for c in holdout if c.past and (resolve(c).date > c.pub_date or (resolve(c).end or c.pub_date) > c.pub_date)]
    assert not late, late
