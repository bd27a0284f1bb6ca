"""find_dates: which expressions a text holds, where, and what they refer to."""

from __future__ import annotations

import pytest

from dyad.dates import When, find_dates


def texts(text: str, **kw) -> list[str]:
    return [m.text for m in find_dates(text, **kw)]


def only(text: str, **kw):
    (mention,) = find_dates(text, **kw)
    return mention


def test_find_dates_spans_index_the_text():
    text = "Envoys met in Oslo on Wednesday and again on Aug. 6, 2018."
    for m in find_dates(text):
        assert text[m.start : m.end] == m.text
    assert texts(text) == ["Wednesday", "Aug. 6, 2018"]


def test_find_dates_returns_nothing_for_undated_text():
    assert find_dates("The ministry condemned the shelling of the hospital.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Troops left on August 6.", When("day", month=8, day=6)),
        ("Troops left on Aug. 6.", When("day", month=8, day=6)),
        ("Troops left on Aug 6.", When("day", month=8, day=6)),
        ("Troops left on 6 August.", When("day", month=8, day=6)),
        ("Troops left on the 6th of August.", When("day", month=8, day=6)),
        ("Troops left on August 6th.", When("day", month=8, day=6)),
        ("Troops left on August 6, 2018.", When("day", year=2018, month=8, day=6)),
        ("Troops left on 6 Aug 2018.", When("day", year=2018, month=8, day=6)),
        ("Troops left on 2018-08-06.", When("day", year=2018, month=8, day=6)),
        ("Troops left on 2018/08/06.", When("day", year=2018, month=8, day=6)),
        ("Troops left on 6.8.2018.", When("day", year=2018, month=8, day=6)),
        ("Troops left on Sept. 30.", When("day", month=9, day=30)),
        ("Troops left on the 6th.", When("day", day=6)),
    ],
)
def test_find_dates_reads_explicit_day_formats(text, expected):
    assert only(text).first == expected


@pytest.mark.parametrize(
    "text, locale, month, day",
    [
        ("Ballots were counted on 06/08/2018.", "US", 6, 8),
        ("Ballots were counted on 06/08/2018.", "GB", 8, 6),
        ("Ballots were counted on 8/6.", "US", 8, 6),
        ("Ballots were counted on 8/6.", "GB", 6, 8),
        ("Ballots were counted on 25/12/2018.", "US", 12, 25),  # 25 cannot be a month
        ("Ballots were counted on 12/25.", "GB", 12, 25),
    ],
)
def test_find_dates_orders_numeric_dates_by_locale(text, locale, month, day):
    when = only(text, locale=locale).first
    assert (when.month, when.day) == (month, day)


def test_find_dates_refuses_an_unknown_locale():
    with pytest.raises(ValueError, match="locale"):
        find_dates("on 8/6", locale="FR")


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was 7/10 of registered voters.",
        "The hotline runs 24/7 for families.",
        "About 2,000 soldiers and 300 tanks took part.",
        "Resolution 2254 (2015) calls for a transition.",
        "The president may travel to Beijing.",
        "Thousands march against the junta.",
        "Theresa May told lawmakers to back the deal.",
        "The Sunday Times published the memo.",
        "Negotiators revived the Good Friday Agreement.",
        "USA Today first reported the leak.",
        "The recently elected council met.",
        "Inflation reached 12.5 percent.",
    ],
)
def test_find_dates_ignores_numbers_and_names_that_are_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text, mention",
    [
        ("They met on Monday, August 6, in Riyadh.", "Monday, August 6"),
        ("Talks ran August 6-7 in Geneva.", "August 6-7"),
        ("Talks ran Aug 30-Sept 2 in Geneva.", "Aug 30-Sept 2"),
        ("Talks ran from Monday to Wednesday.", "from Monday to Wednesday"),
        ("He left the day before yesterday.", "the day before yesterday"),
        ("Clashes resumed late last month.", "late last month"),
        ("Clashes resumed earlier this week.", "earlier this week"),
    ],
)
def test_find_dates_prefers_the_longest_overlapping_expression(text, mention):
    assert texts(text) == [mention]


@pytest.mark.parametrize(
    "text",
    [
        "The 2018 International Army Games opened.",
        "Survivors of the 1994 genocide gathered.",
        "Russia's 2014 annexation of Crimea was condemned.",
        "A 2016 report named the commanders.",
        "Leaders disputed last year's election.",
        "Officers mark the September 11 attacks each year.",
        "The July 2016 coup attempt failed.",
        "The curfew was extended until Sunday.",
        "Forces must withdraw by 2030.",
    ],
)
def test_find_dates_marks_modifiers_and_deadlines_as_background(text):
    assert [m.background for m in find_dates(text)] == [True]


@pytest.mark.parametrize(
    "text",
    ["Wednesday's meeting ended early.", "Leaders met in 2014.", "Protests have continued since 2014."],
)
def test_find_dates_keeps_event_times_in_the_foreground(text):
    assert [m.background for m in find_dates(text)] == [False]


def test_find_dates_reads_lower_case_text():
    assert texts("the governor imposed the curfew saturday in the north .") == ["saturday"]
    assert texts("protests erupted on 5 may 2019 in the capital") == ["5 may 2019"]
    assert texts("they said 20 may have died") == []


@pytest.mark.parametrize(
    "text, lean",
    [
        ("yesterday", -1),
        ("three days ago", -1),
        ("last week", -1),
        ("tomorrow", 1),
        ("next Monday", 1),
        ("on Monday", 0),
    ],
)
def test_find_dates_records_the_direction_words_lean(text, lean):
    assert only(f"Fighting resumed {text}.").lean == lean


def test_find_dates_marks_since():
    assert only("Fighting has raged since Monday.").since
    assert not only("Fighting raged on Monday.").since
