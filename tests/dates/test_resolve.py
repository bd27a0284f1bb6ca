"""resolve_event_date: the date of an event in a sentence, against the publication date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from dyad.dates import resolve_event_date
from dyad.records import EventDate

SAT = date(2019, 3, 9)  # a Saturday
MON = date(2017, 11, 20)  # a Monday
NEW_YEAR = date(2019, 1, 3)  # a Thursday, just after New Year


def day(sentence: str, pub: date = SAT, **kw) -> date:
    result = resolve_event_date(sentence, pub, **kw)
    assert result.precision == "day", result
    return result.date


def span(sentence: str, pub: date = SAT, **kw) -> tuple[date, date | None, str]:
    result = resolve_event_date(sentence, pub, **kw)
    return result.date, result.end, result.precision


# -- weekdays ---------------------------------------------------------------------


def test_resolve_weekday_in_past_is_the_one_before():
    assert day("Rebel leaders met envoys on Wednesday.") == date(2019, 3, 6)


def test_resolve_weekday_in_future_is_the_next_one():
    assert day("Rebel leaders will meet envoys on Monday.") == date(2019, 3, 11)


def test_resolve_weekday_equal_to_publication_weekday_is_the_publication_day():
    assert day("The minister said on Saturday that talks had failed.") == SAT


@pytest.mark.parametrize(
    "sentence",
    [
        "Clashes broke out on Monday night.",
        "Clashes broke out Monday evening.",
        "Clashes broke out late on Monday.",
        "Monday's clashes left five dead.",
        "Clashes broke out in the early hours of Monday.",
    ],
)
def test_resolve_weekday_with_time_of_day_or_possessive_is_that_day(sentence):
    assert day(sentence) == date(2019, 3, 4)


def test_resolve_last_and_next_weekday():
    assert day("Police raided the office last Saturday.") == date(2019, 3, 2)
    assert day("The court rules next Tuesday.") == date(2019, 3, 12)
    assert day("Police raided the office on Tuesday of last week.") == date(2019, 2, 26)


def test_resolve_weekday_with_explicit_tense_overrides_inference():
    assert day("Ministers meet in Oslo on Tuesday.", tense="future") == date(2019, 3, 12)
    assert day("Ministers meet in Oslo on Tuesday.", tense="past") == date(2019, 3, 5)
    assert day("Ministers are meeting in Oslo on Sunday.", tense="present") == date(2019, 3, 10)


# -- deictic words ----------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, offset",
    [
        ("today", 0),
        ("tonight", 0),
        ("this morning", 0),
        ("earlier today", 0),
        ("yesterday", -1),
        ("yesterday afternoon", -1),
        ("last night", -1),
        ("the day before yesterday", -2),
        ("three days ago", -3),
        ("a week ago", -7),
        ("two weeks ago", -14),
    ],
)
def test_resolve_deictic_days_in_the_past(phrase, offset):
    assert day(f"Soldiers opened fire on the crowd {phrase}.") == SAT + timedelta(days=offset)


def test_resolve_tomorrow_is_future_without_a_tense():
    assert day("The cabinet will resign tomorrow.") == SAT + timedelta(days=1)
    assert day("The vote takes place tomorrow.") == SAT + timedelta(days=1)


@pytest.mark.parametrize(
    "phrase, first, last",
    [
        ("overnight", -1, 0),
        ("the other day", -7, -1),
        ("recently", -30, -1),
        ("in recent days", -7, 0),
        ("in the past 24 hours", -1, 0),
    ],
)
def test_resolve_vague_recent_spans_are_ranges(phrase, first, last):
    assert span(f"Troops shelled the village {phrase}.") == (
        SAT + timedelta(days=first),
        SAT + timedelta(days=last),
        "range",
    )


@pytest.mark.parametrize(
    "phrase, first, last",
    [
        ("last week", date(2019, 2, 25), date(2019, 3, 3)),
        ("earlier this week", date(2019, 3, 4), date(2019, 3, 8)),
        ("this week", date(2019, 3, 4), SAT),
        ("over the weekend", date(2019, 3, 9), SAT),
        ("last weekend", date(2019, 3, 2), date(2019, 3, 3)),
        ("late last month", date(2019, 2, 21), date(2019, 2, 28)),
        ("earlier this month", date(2019, 3, 1), date(2019, 3, 8)),
        ("last year", date(2018, 1, 1), date(2018, 12, 31)),
        ("two years ago", date(2017, 1, 1), date(2017, 12, 31)),
    ],
)
def test_resolve_relative_periods_in_the_past(phrase, first, last):
    assert span(f"Protesters blocked the highway {phrase}.") == (first, last, "range")


def test_resolve_relative_months_have_month_precision():
    assert span("Prices doubled last month.") == (date(2019, 2, 1), None, "month")
    assert span("Prices doubled this month.") == (date(2019, 3, 1), None, "month")
    assert span("Prices will double next month.") == (date(2019, 4, 1), None, "month")


def test_resolve_next_week_is_monday_to_sunday():
    assert span("The envoy will visit next week.") == (date(2019, 3, 11), date(2019, 3, 17), "range")


# -- explicit dates ---------------------------------------------------------------


@pytest.mark.parametrize(
    "expression",
    ["December 28", "Dec. 28", "Dec 28", "28 December", "28th of December", "December 28, 2018", "28 Dec 2018",
     "2018-12-28", "12/28/2018", "12/28"],
)  # fmt: skip
def test_resolve_explicit_dates_in_every_format(expression):
    assert day(f"Troops seized the airport on {expression}.", NEW_YEAR) == date(2018, 12, 28)


def test_resolve_numeric_dates_use_the_locale():
    assert day("Troops seized the airport on 06/08/2018.", date(2018, 9, 1), locale="GB") == date(2018, 8, 6)
    assert day("Troops seized the airport on 06/08/2018.", date(2018, 9, 1)) == date(2018, 6, 8)
    assert day("Troops seized the airport on 8/6.", date(2018, 9, 1), locale="GB") == date(2018, 6, 8)


def test_resolve_date_without_year_is_nearest_before_in_past_and_after_in_future():
    assert day("Rebels seized the port on Jan. 2.", NEW_YEAR) == date(2019, 1, 2)
    assert day("Rebels seized the port on Jan. 5.", NEW_YEAR) == date(2018, 1, 5)
    assert day("Rebels will hand back the port on Jan. 5.", NEW_YEAR) == date(2019, 1, 5)
    assert day("Parliament is due to vote on Dec. 28.", NEW_YEAR) == date(2019, 12, 28)


def test_resolve_written_future_date_with_year_reads_as_future():
    assert day("The summit opens on 14 March 2019 in Hanoi.", SAT) == date(2019, 3, 14)


def test_resolve_date_in_last_or_this_year():
    assert day("The sides signed a pact on August 6 last year.") == date(2018, 8, 6)
    assert day("The square was first occupied on Jan. 14 this year.") == date(2019, 1, 14)


# -- months, years, ranges --------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, month",
    [
        ("The rebels took the district in August.", date(2018, 8, 1)),
        ("The rebels took the district last August.", date(2018, 8, 1)),
        ("The rebels took the district in March.", date(2019, 3, 1)),
        ("The rebels took the district in August 2017.", date(2017, 8, 1)),
        ("The rebels will take the district in August.", date(2019, 8, 1)),
    ],
)
def test_resolve_months(sentence, month):
    assert span(sentence) == (month, None, "month")


def test_resolve_years_are_ranges():
    assert span("In 2014, the group seized Mosul.") == (date(2014, 1, 1), date(2014, 12, 31), "range")
    assert span("The group was founded in early 2002.") == (date(2002, 1, 1), date(2002, 4, 30), "range")
    assert span("Prices rose in 2019.") == (date(2019, 1, 1), SAT, "range")  # cut at publication


@pytest.mark.parametrize(
    "sentence, first, last",
    [
        ("Talks were held on August 6-7.", date(2018, 8, 6), date(2018, 8, 7)),
        ("Talks were held on 6-7 August.", date(2018, 8, 6), date(2018, 8, 7)),
        ("Talks were held between March 3 and 5.", date(2019, 3, 3), date(2019, 3, 5)),
        ("Talks were held Aug 30-Sept 2.", date(2018, 8, 30), date(2018, 9, 2)),
        ("Talks were held from Monday to Wednesday.", date(2019, 3, 4), date(2019, 3, 6)),
        ("Talks were held on Thursday and Friday.", date(2019, 3, 7), date(2019, 3, 8)),
        ("Talks were held from 2012 to 2016.", date(2012, 1, 1), date(2016, 12, 31)),
        ("Talks have been held since Monday.", date(2019, 3, 4), SAT),
    ],
)
def test_resolve_ranges_give_start_and_last_day(sentence, first, last):
    assert span(sentence) == (first, last, "range")


# -- choosing among dates ----------------------------------------------------------


def test_resolve_ignores_years_that_modify_nouns():
    assert day("The 2018 International Army Games opened near Moscow on Tuesday.") == date(2019, 3, 5)
    assert resolve_event_date("Survivors recalled the 1994 genocide.", SAT) == EventDate(SAT, "pub")


def test_resolve_background_event_gets_its_own_past_date():
    result = resolve_event_date("Russia annexed Crimea in 2014.", SAT)
    assert (result.date, result.end, result.precision) == (date(2014, 1, 1), date(2014, 12, 31), "range")


def test_resolve_without_date_is_the_publication_date():
    assert resolve_event_date("The council condemned the attack.", SAT) == EventDate(SAT, "pub")


def test_resolve_picks_the_date_nearest_the_trigger():
    sentence = "Officials said on Monday that rebels had attacked the town on Saturday."
    pub = date(2019, 3, 12)
    assert day(sentence, pub, anchor=sentence.index("said")) == date(2019, 3, 11)
    assert day(sentence, pub, anchor=sentence.index("attacked")) == date(2019, 3, 9)


def test_resolve_prefers_a_date_after_the_trigger_in_its_clause():
    sentence = "On Monday, police arrested the editor on Wednesday."
    assert day(sentence, anchor=sentence.index("arrested")) == date(2019, 3, 6)


def test_resolve_main_event_without_anchor():
    pub = date(2019, 3, 12)
    assert day("Officials said on Monday that rebels had attacked the town on Saturday.", pub) == date(2019, 3, 9)
    assert day("The rebels, who seized the town on March 3, withdrew on Sunday.", pub) == date(2019, 3, 10)
    # an announced plan is dated when it was announced
    assert day("The ministry said on Monday it would hold talks next week.", pub) == date(2019, 3, 11)


def test_resolve_span_and_text_are_in_article_offsets():
    sentence = "Troops withdrew on Wednesday."
    result = resolve_event_date(sentence, SAT, offset=100)
    assert result.text == "Wednesday"
    assert result.span == (100 + sentence.index("Wednesday"), 100 + sentence.index("Wednesday") + 9)


# -- tense --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The envoys will meet on Thursday.",
        "The envoys are due to meet on Thursday.",
        "The envoys plan to meet on Thursday.",
        "The envoys are expected to meet on Thursday.",
        "The talks are scheduled for Thursday.",
        "The envoys said they would meet on Thursday.",
        "On Thursday, the envoys will meet.",
    ],
)
def test_resolve_infers_future_from_the_words_before_the_date(sentence):
    assert day(sentence, MON) == date(2017, 11, 23)


def test_resolve_infers_tense_per_clause():
    sentence = "The minister said on Tuesday that the summit will open on Friday."
    assert day(sentence, MON, anchor=sentence.index("said")) == date(2017, 11, 14)
    assert day(sentence, MON, anchor=sentence.index("open")) == date(2017, 11, 24)


PAST_SENTENCES = [
    "Police detained him on Friday.",
    "Police detained him on Dec. 28.",
    "Police detained him in December.",
    "Police detained him this week.",
    "Police detained him this year.",
    "Police detained him on 12/28.",
    "Police detained him from Wednesday to Saturday.",
]


@pytest.mark.parametrize("sentence", PAST_SENTENCES)
@pytest.mark.parametrize("tense", ["past", None])
def test_resolve_never_dates_a_past_event_after_publication(sentence, tense):
    pub = date(2018, 12, 27)
    result = resolve_event_date(sentence, pub, tense=tense)
    assert result.date <= pub and (result.end is None or result.end <= pub), result


@pytest.mark.parametrize("sentence", ["Police detained him tomorrow.", "Police detained him next week."])
def test_resolve_past_tense_drops_dates_that_only_point_ahead(sentence):
    pub = date(2018, 12, 27)
    assert resolve_event_date(sentence, pub, tense="past") == EventDate(pub, "pub")


def test_resolve_future_tense_may_go_after_publication():
    assert day("Police will detain him on Friday.", date(2018, 12, 27), tense="future") == date(2018, 12, 28)


def test_resolve_refuses_an_unknown_tense():
    with pytest.raises(ValueError, match="tense"):
        resolve_event_date("on Monday", SAT, tense="perfect")


# -- expressions counted from the article's previous event ("the next day") --------------

from dyad.dates import ArticleDates  # noqa: E402
from dyad.records import EventDate  # noqa: E402


def test_relative_without_reference_falls_back_to_publication():
    got = resolve_event_date("The next day, troops retook the town.", date(2023, 5, 10))
    assert (got.date, got.precision) == (date(2023, 5, 10), "pub")


def test_relative_counts_from_the_reference():
    ref = EventDate(date(2023, 5, 7), "day")
    got = resolve_event_date("Two days later, the army withdrew.", date(2023, 5, 10), reference=ref)
    assert (got.date, got.precision, got.text) == (date(2023, 5, 9), "day", "Two days later")
    got = resolve_event_date("A day earlier, police detained him.", date(2023, 5, 10), reference=ref)
    assert got.date == date(2023, 5, 6)


def test_relative_prefers_the_sentence_own_earlier_date():
    sentence = "The talks opened on Monday and collapsed two days later."
    got = resolve_event_date(sentence, date(2023, 10, 20), anchor=sentence.index("collapsed"),
                             reference=EventDate(date(2023, 10, 1), "day"))
    assert got.date == date(2023, 10, 18)


def test_relative_forward_from_a_range_end_backward_from_its_start():
    ref = EventDate(date(2018, 8, 6), "range", date(2018, 8, 7))
    assert resolve_event_date("The next day, he left.", date(2018, 8, 11), reference=ref).date == date(2018, 8, 8)
    assert resolve_event_date("The day before, he arrived.", date(2018, 8, 11), reference=ref).date == date(2018, 8, 5)


def test_relative_past_event_never_after_publication():
    ref = EventDate(date(2020, 6, 9), "day")
    got = resolve_event_date("Two days later, the president dissolved the cabinet.", date(2020, 6, 10), reference=ref)
    assert (got.date, got.precision) == (date(2020, 6, 10), "pub")


def test_relative_needs_a_short_reference():
    month = EventDate(date(2019, 10, 1), "month")
    got = resolve_event_date("Two weeks later, the prime minister resigned.", date(2019, 12, 12), reference=month)
    assert got.precision == "pub"


def test_relative_following_week_is_a_range():
    ref = EventDate(date(2016, 12, 1), "day")  # a Thursday
    got = resolve_event_date("The following week, the offensive resumed.", date(2016, 12, 22), reference=ref)
    assert (got.date, got.precision, got.end) == (date(2016, 12, 5), "range", date(2016, 12, 11))


def test_a_phrase_with_its_own_object_is_not_relative():
    got = resolve_event_date("Two days before the vote, the leader was arrested.", date(2021, 6, 20),
                             reference=EventDate(date(2021, 6, 1), "day"))
    assert got.precision == "pub"


def test_article_dates_carry_the_reference_across_sentences():
    article = ArticleDates(date(2022, 1, 14))
    article.advance("Clashes erupted in the capital on Monday.")  # no event coded: its main date
    nxt = article.resolve("The next day, the army imposed a curfew.")
    assert nxt.date == date(2022, 1, 11)
    article.advance("The next day, the army imposed a curfew.", [nxt])
    assert article.resolve("Two days later, the curfew was lifted.").date == date(2022, 1, 13)
    article.advance("Officials gave no details.", [EventDate(date(2022, 1, 14), "pub")])
    assert article.reference.date == date(2022, 1, 11)  # a sentence without a date keeps it


@pytest.mark.parametrize(
    "sentence",
    [
        '"Today the rebel commander was killed in a strike," the minister wrote on social media.',
        "\u201cYesterday they shelled our positions again,\u201d a commander told reporters.",
        '"Tonight our forces crossed the river.',
    ],
)
def test_resolve_a_quoted_today_is_the_speakers_not_the_storys(sentence):
    # when the words were spoken is not said: the publication date stands in, as "pub"
    got = resolve_event_date(sentence, date(2025, 3, 14))
    assert (got.date, got.precision) == (date(2025, 3, 14), "pub")


def test_resolve_today_outside_a_quote_keeps_its_day():
    got = resolve_event_date('"We struck the depot," the army said today.', date(2025, 3, 14))
    assert (got.date, got.precision) == (date(2025, 3, 14), "day")
    got = resolve_event_date("The commander was killed yesterday, the ministry said.", date(2025, 3, 14))
    assert (got.date, got.precision) == (date(2025, 3, 13), "day")


# -- an event that refers back to one the article dated ("the attack", "the meeting") ------


def _told(article, sentence, code, when):
    """One sentence of an article whose one event (``code``) got ``when``."""
    article.note(code, when)
    article.advance(sentence, [when])


def test_article_dates_a_reference_back_takes_the_earlier_events_date():
    article = ArticleDates(date(2024, 6, 7))  # a Friday
    _told(article, "Gunmen stormed a police post on Tuesday.", "190", EventDate(date(2024, 6, 4), "day"))
    article.advance("Officials gave no details.")
    got = article.resolve("Two officers died in the attack.", refers="190")
    assert (got.date, got.precision) == (date(2024, 6, 4), "day")
    # violence is one kind: "the gunfight" after an attack, "the ambush" after a bombing
    assert article.resolve("A guard was wounded during the gunfight.", refers="193").date == date(2024, 6, 4)
    # without a definite reference, or for another kind of event, nothing changes
    assert article.resolve("Two officers died.").precision == "pub"
    assert article.resolve("The talks were tense.", refers="046").precision == "pub"


def test_article_dates_a_reference_back_keeps_range_and_month():
    article = ArticleDates(date(2024, 6, 7))
    _told(article, "Envoys held talks in Doha on June 1-2.", "046",
          EventDate(date(2024, 6, 1), "range", date(2024, 6, 2)))
    got = article.resolve("The talks ended without a deal.", refers="046")
    assert (got.date, got.precision, got.end) == (date(2024, 6, 1), "range", date(2024, 6, 2))


def test_article_dates_a_reference_back_is_conservative():
    pub = date(2024, 6, 7)
    # its own date expression wins, even one that gives no date ("today" in a quotation)
    article = ArticleDates(pub)
    _told(article, "Rebels attacked a convoy on Tuesday.", "190", EventDate(date(2024, 6, 4), "day"))
    assert article.resolve("The attack killed six on Wednesday.", refers="190").date == date(2024, 6, 5)
    got = article.resolve('"Today the attack killed six," he wrote.', refers="190")
    assert got.precision == "pub"
    # the latest event of the kind is undated: no date to give
    _told(article, "Militants ambushed a patrol.", "190", EventDate(pub, "pub"))
    assert article.resolve("Three soldiers died in the attack.", refers="190").precision == "pub"
    # more than three sentences back: too far
    article = ArticleDates(pub)
    _told(article, "Rebels attacked a convoy on Tuesday.", "190", EventDate(date(2024, 6, 4), "day"))
    for _ in range(3):
        article.advance("Officials gave no details.")
    assert article.resolve("Three soldiers died in the attack.", refers="190").precision == "pub"
    # an event of the same sentence is no earlier event
    article = ArticleDates(pub)
    article.note("190", EventDate(date(2024, 6, 4), "day"))
    assert article.resolve("Three soldiers died in the attack.", refers="190").precision == "pub"


def test_resolve_skips_dates_of_spans_that_tell_of_something_else():
    text = "Police released the journalists, who were detained last Friday."
    start = text.index(", who")
    skipped = resolve_event_date(text, date(2021, 3, 2), anchor=text.index("released"), skip=[(start, len(text))])
    assert skipped.precision == "pub" and skipped.date == date(2021, 3, 2)
    kept = resolve_event_date(text, date(2021, 3, 2), anchor=text.index("released"))
    assert kept.date == date(2021, 2, 26)  # without the skip, the nearest date wins


@pytest.mark.slow
def test_pipeline_dates_an_event_by_its_own_clause(code):
    (ev,) = [e for e in code("Police released the journalists, who were detained last Friday.", "2021-03-02")
             if e.cameo.startswith("08")]
    assert ev.date.precision == "pub"  # Friday is when they were detained
    (said,) = code("The Kenyan health ministry says forty people have died since the floods began on Tuesday.", "2021-03-05")
    assert said.cameo.startswith("01") and said.date.precision == "pub"  # not when the floods began
    (ev,) = code("Rebels attacked the village on Sunday, killing five people.", "2021-03-02")
    assert ev.date.date == date(2021, 2, 28)


@pytest.mark.slow
def test_pipeline_dates_more_of_the_same_violence_by_the_article(code):
    evs = code("Gunmen attacked a police post near Kandahar on Friday. They killed three officers and wounded two.",
               "2021-03-02")
    violent = [e for e in evs if e.cameo[:2] in ("18", "19")]
    assert len(violent) >= 2 and all(e.date.date == date(2021, 2, 26) for e in violent), [
        (e.cameo, e.date) for e in violent]
    # a statement is not violence: it keeps its own (publication) date
    evs = code("Gunmen attacked a police post near Kandahar on Friday. The governor condemned the attack.", "2021-03-02")
    assert [e.date.precision for e in evs if e.cameo.startswith("11")] == ["pub"], evs


@pytest.mark.slow
def test_pipeline_a_speakers_next_statement_keeps_the_day_they_spoke(code):
    text = ("Kenyan President William Ruto said on Tuesday that the country would send police to Haiti. "
            "Ruto said the officers were ready. The opposition criticized the plan.")
    evs = code(text, "2024-03-01")
    said = [e for e in evs if e.cameo.startswith("01")]
    assert [e.date.date for e in said] == [date(2024, 2, 27)] * 2, said
    assert [e.date.precision for e in evs if e.cameo.startswith("11")] == ["pub"]  # someone else, another time
