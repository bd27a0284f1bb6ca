"""place/interval: putting a written time reference on the calendar."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.dates import When, find_dates, place
from dyad.dates.periods import interval

SAT = date(2019, 3, 9)  # a Saturday
PAST, PRESENT, FUTURE = -1, 0, 1


@pytest.mark.parametrize(
    "weekday, direction, expected",
    [
        (2, PAST, date(2019, 3, 6)),  # Wednesday before
        (5, PAST, SAT),  # the publication day itself
        (6, PAST, date(2019, 3, 3)),
        (0, FUTURE, date(2019, 3, 11)),  # next Monday
        (5, FUTURE, SAT),
        (6, PRESENT, date(2019, 3, 10)),  # nearest: tomorrow
        (3, PRESENT, date(2019, 3, 7)),  # nearest: two days ago
    ],
)
def test_interval_weekday_follows_tense(weekday, direction, expected):
    assert interval(When("weekday", weekday=weekday), SAT, direction) == (expected, expected)


def test_interval_last_and_next_weekday_skip_the_publication_day():
    assert interval(When("weekday", weekday=5, shift=-1), SAT, PAST)[0] == date(2019, 3, 2)
    assert interval(When("weekday", weekday=5, shift=1), SAT, FUTURE)[0] == date(2019, 3, 16)


def test_interval_day_without_year_takes_the_nearest_year_in_the_tense():
    pub = date(2019, 1, 3)
    assert interval(When("day", month=12, day=28), pub, PAST)[0] == date(2018, 12, 28)
    assert interval(When("day", month=1, day=2), pub, FUTURE)[0] == date(2020, 1, 2)
    assert interval(When("day", month=1, day=10), pub, FUTURE)[0] == date(2019, 1, 10)


def test_interval_skips_impossible_days():
    pub = date(2019, 3, 9)  # 2019 and 2018 have no Feb 29; 2020 does
    assert interval(When("day", month=2, day=29), pub, PAST) == (date(2020, 2, 29),) * 2


@pytest.mark.parametrize(
    "when, expected",
    [
        (When("month", month=8), (date(2018, 8, 1), date(2018, 8, 31))),
        (When("month", month=3), (date(2019, 3, 1), date(2019, 3, 31))),
        (When("month", month=3, shift=-1), (date(2018, 3, 1), date(2018, 3, 31))),
        (When("month", month=8, part="mid"), (date(2018, 8, 11), date(2018, 8, 20))),
        (When("month", month=2, part="late"), (date(2019, 2, 21), date(2019, 2, 28))),
        (When("month", shift=-1), (date(2019, 2, 1), date(2019, 2, 28))),
        (When("month", shift=0, part="earlier"), (date(2019, 3, 1), date(2019, 3, 8))),
        (When("year", year=2014, part="early"), (date(2014, 1, 1), date(2014, 4, 30))),
        (When("week", shift=-1), (date(2019, 2, 25), date(2019, 3, 3))),
        (When("week", shift=0, part="earlier"), (date(2019, 3, 4), date(2019, 3, 8))),
        (When("weekend", shift=-1), (date(2019, 3, 2), date(2019, 3, 3))),
        (When("decade", year=1990), (date(1990, 1, 1), date(1999, 12, 31))),
        (When("offset", lo=-7, hi=-1), (date(2019, 3, 2), date(2019, 3, 8))),
    ],
)
def test_interval_covers_periods_and_parts(when, expected):
    assert interval(when, SAT, PAST) == expected


def test_place_refuses_past_readings_after_publication_and_clips_ends():
    (tomorrow,) = find_dates("They meet tomorrow.")
    assert place(tomorrow, SAT, PAST) is None
    (this_week,) = find_dates("They met this week.")
    assert place(this_week, SAT, PAST) == (date(2019, 3, 4), SAT, "range")
    assert place(this_week, SAT, FUTURE) == (date(2019, 3, 4), date(2019, 3, 10), "range")


def test_place_since_runs_to_the_publication_date():
    (since,) = find_dates("Fighting has raged since Monday.")
    assert place(since, SAT, PAST) == (date(2019, 3, 4), SAT, "range")


def test_place_range_end_follows_its_start():
    (span,) = find_dates("Fighting raged between Dec. 30 and Jan. 2.")
    assert place(span, date(2019, 1, 5), PAST) == (date(2018, 12, 30), date(2019, 1, 2), "range")
