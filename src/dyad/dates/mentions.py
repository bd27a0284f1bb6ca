"""Finding date expressions in text: matches of ``expressions`` turned into mentions.

A mention says *what* the text refers to (a ``When``: "the Wednesday",
"August 6", "last month") but not *which* calendar day: that needs the
publication date and the tense, and is ``dyad.dates.periods``' job.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from dyad.dates.expressions import (
    AMBIGUOUS_MONTHS,
    DEADLINE_BEFORE,
    DEICTIC,
    DETERMINER_BEFORE,
    HISTORICAL_NOUNS,
    MONTHS,
    NAME_BEFORE,
    NOT_A_HEAD,
    NUMBER_WORDS,
    PARTS,
    RELATIVE,
    SHIFTS,
    STRONG_MONTH_PREPS,
    THE_BEFORE,
    VAGUE_COUNTS,
    WEEKDAY_NAME_AFTER,
    WEEKDAY_NAME_BEFORE,
    WEEKDAYS,
    build_patterns,
    find_cues,
)

LOCALES = ("US", "GB")
_MAX_AGO_DAYS = 1500 * 365  # "300 decades ago" is not a date to place

_WORD_AFTER = re.compile(r"\s*([A-Za-z][\w-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")


@dataclass(frozen=True, slots=True)
class When:
    """A time reference as written, not yet placed on the calendar.

    ``unit`` is ``day`` (``month``/``day``, ``year`` when written; a day alone
    for "on the 6th"), ``weekday``, ``week``, ``weekend``, ``month`` (a named
    month, or ``shift`` months from the publication month), ``year`` (a
    number, or ``shift`` years from the publication year), ``decade`` or
    ``offset`` (days ``lo``..``hi`` from the publication date).
    ``shift`` is -1/0/1 for last/this/next; None leaves the choice to tense.
    ``rel`` places a day or month in a year, or a weekday in a week, counted
    from the publication date's ("August 6 last year": -1, "Monday of next
    week": 1). Unit ``relative`` is a time counted from the article's
    previous event, not from the publication date ("the next day", "two
    weeks later"): ``step`` ``day`` (days ``lo``..``hi``), ``week``/``month``/
    ``year`` (``lo`` of them on), or ``weekday`` (the first ``weekday`` after it).
    """

    unit: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int | None = None
    part: str | None = None  # early | mid | late | earlier | later
    lo: int = 0
    hi: int = 0
    rel: int | None = None  # the containing year/week, from the publication date's: "August last year"
    step: str | None = None  # relative only: day | week | month | year | weekday


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: ``text[start:end]`` and what it refers to.

    ``last`` is set for ranges ("August 6-7", "from Monday to Wednesday").
    ``since`` marks "since X" (the period from X up to the publication date).
    ``lean`` is the direction the words themselves point to (-1 "yesterday",
    "ago"; 1 "tomorrow", "next week"; 0 neither). ``background`` marks a date
    that is not an event's time: one that only modifies a noun ("the 2018
    Games", "the 1994 genocide", "last year's vote") or a deadline ("until
    Sunday", "by 2030").
    """

    start: int
    end: int
    text: str
    kind: str
    first: When
    last: When | None = None
    since: bool = False
    lean: int = 0
    background: bool = False


def find_dates(text: str, *, locale: str = "US") -> list[DateMention]:
    """Every date expression in ``text``, in order, without overlaps.

    ``locale`` orders numeric dates: ``US`` reads 8/6 as August 6, ``GB`` as
    June 8. Where matches overlap the longest wins.
    """
    if locale not in LOCALES:
        raise ValueError(f"locale must be one of {LOCALES}, not {locale!r}")
    cues = find_cues(text)
    found: list[tuple[int, int, int, DateMention]] = []
    for rank, group in enumerate(build_patterns()):
        if not cues.issuperset(group.needs):
            continue
        parse = _PARSERS[group.kind]
        for regex in group.regexes:
            for m in regex.finditer(text):
                mention = parse(m, text, locale)
                if mention is not None:
                    found.append((mention.end - mention.start, rank, mention.start, mention))
    found.sort(key=lambda f: (-f[0], f[1], f[2]))
    kept: list[DateMention] = []
    for _, _, _, mention in found:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    kept.sort(key=lambda k: k.start)
    return [_mark_deadline(text, k) for k in kept]


def _mark_deadline(text: str, mention: DateMention) -> DateMention:
    """ "until Sunday", "by 2030": the end of something else, not an event's time."""
    if mention.background or mention.since:
        return mention
    if not DEADLINE_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        return mention
    return dataclasses.replace(mention, background=True)


# -- helpers -------------------------------------------------------------------


def _mention(m: re.Match[str], kind: str, first: When, last: When | None = None, **flags) -> DateMention:
    return DateMention(m.start(), m.end(), m.group(0), kind, first, last, **flags)


def _g(m: re.Match[str], name: str) -> str | None:
    """Group ``name`` of ``m``, lower-cased, or None when absent or unmatched."""
    try:
        value = m.group(name)
    except IndexError:
        return None
    return value.lower() if value is not None else None


def _month(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday(word: str) -> int:
    return WEEKDAYS[word.lower().rstrip(".")]


def _day(word: str) -> int:
    return int(word.lower().rstrip("stndrh"))


def _year(word: str, base: int | None = None) -> int:
    """A 4-digit year, or a 2-digit one read near ``base`` (or as 20xx/19xx)."""
    value = int(word)
    if len(word) == 2:
        if base is not None:
            return base - base % 100 + value
        return 2000 + value if value < 70 else 1900 + value
    return value


def _part(phrase: str | None) -> str | None:
    if not phrase:
        return None
    key = re.sub(r"^the\s+", "", " ".join(phrase.split()))
    return PARTS[key]


def _shift(phrase: str | None) -> int | None:
    return SHIFTS[" ".join(phrase.split())] if phrase else None


def _yshift(m: re.Match[str]) -> int | None:
    return _shift(_g(m, "yshift"))


def _word_after(text: str, end: int) -> str | None:
    w = _WORD_AFTER.match(text, end)
    return w.group(1) if w else None


def _is_modifier(text: str, start: int, end: int) -> bool:
    """A determiner before and a head noun after: "the 2018 Games", "a 2016 report"."""
    if not DETERMINER_BEFORE.search(text, max(0, start - 30), start):
        return False
    after = _word_after(text, end)
    return after is not None and after.lower() not in NOT_A_HEAD


def _names_past_event(text: str, start: int, end: int) -> bool:
    """ "the September 11 attacks", "the 9/11 attacks": a dated name, not a date."""
    if not THE_BEFORE.search(text, max(0, start - 20), start):
        return False
    after = _word_after(text, end)
    return after is not None and after.lower() in HISTORICAL_NOUNS


def _month_word_ok(word: str, *, prep: str | None, has_number: bool) -> bool:
    """Lower-case "may"/"march" are words first; they need a number or a time preposition."""
    bare = word.rstrip(".")
    if bare.lower() not in AMBIGUOUS_MONTHS or not bare.islower():
        return True
    return has_number or (prep is not None and prep.split()[0] in STRONG_MONTH_PREPS)


def _span_start(m: re.Match[str], since: str | None, groups: tuple[str, ...]) -> int:
    """Where a mention starts: at "since", else at its first matched group (a bare "in" stays out)."""
    if since:
        return m.start()
    return next(m.start(g) for g in groups if _g(m, g) is not None)


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


# -- parsers, one per pattern kind --------------------------------------------------


def _parse_numeric(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    year = _year(m.group("y")) if _g(m, "y") else None
    if _g(m, "mn") is not None:  # ISO and year-first forms
        month, day = int(m.group("mn")), int(m.group("d1"))
    else:
        a, b = int(m.group("a")), int(m.group("b"))
        if m.group(0) == "24/7":
            return None
        day_first = locale == "GB" or _g(m, "sep") == "."
        if a > 12 >= b:
            day_first = True
        elif b > 12 >= a:
            day_first = False
        month, day = (b, a) if day_first else (a, b)
    if not _valid(month, day):
        return None
    background = _names_past_event(text, m.start(), m.end())
    return _mention(m, "day", When("day", year=year, month=month, day=day), background=background)


def _parse_day_range(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    m1 = _month(m.group("m1"))
    m2 = _month(m.group("m2")) if _g(m, "m2") else m1
    d1, d2 = _day(m.group("d1")), _day(m.group("d2"))
    if not (_valid(m1, d1) and _valid(m2, d2)) or (m1, d1) == (m2, d2):
        return None
    if m1 == m2 and d2 < d1:
        return None
    if not _month_word_ok(m.group("m1"), prep=None, has_number=True):
        return None
    year = _year(m.group("y")) if _g(m, "y") else None
    first_year = year - 1 if year is not None and m2 < m1 else year
    return _mention(
        m, "day_range", When("day", year=first_year, month=m1, day=d1), When("day", year=year, month=m2, day=d2)
    )


def _parse_day(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    day = _day(m.group("d1"))
    if _g(m, "m1") is None:  # "on the 6th"
        return _mention(m, "day", When("day", day=day))
    month = _month(m.group("m1"))
    year = _year(m.group("y")) if _g(m, "y") else None
    if not _valid(month, day):
        return None
    word = m.group("m1")
    if word.rstrip(".").lower() in AMBIGUOUS_MONTHS and word.islower() and year is None:
        # "20 may have died", "they march 5 abreast"
        if m.start("m1") > m.start("d1") or word.lower() == "may":
            return None
    when = When("day", year=year, month=month, day=day, rel=_yshift(m))
    since = _g(m, "since") is not None
    background = not since and _names_past_event(text, m.start(), m.end())
    return _mention(m, "day", when, since=since, lean=when.rel or 0, background=background)


def _parse_month(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    prep, since, shift_word, part_words = _g(m, "prep"), _g(m, "since"), _g(m, "shift"), _g(m, "part")
    year = _year(m.group("y")) if _g(m, "y") else None
    yshift = _yshift(m)
    lead = since or shift_word or part_words or prep
    if year is None and lead is None and yshift is None:
        return None  # a bare month name: "May said", "the March"
    if not _month_word_ok(m.group("m1"), prep=lead, has_number=year is not None):
        return None
    month = _month(m.group("m1"))
    when = When("month", year=year, month=month, shift=_shift(shift_word), part=_part(part_words), rel=yshift)
    start = _span_start(m, since, ("shift", "part", "m1"))
    background = year is not None and lead is None and _is_modifier(text, m.start(), m.end())
    lean = when.shift or when.rel or 0
    return DateMention(
        start, m.end(), text[start : m.end()], "month", when, since=since is not None, lean=lean, background=background
    )


def _parse_month_range(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    m1, m2 = _month(m.group("m1")), _month(m.group("m2"))
    if m1 == m2:
        return None
    year = _year(m.group("y")) if _g(m, "y") else None
    first_year = year - 1 if year is not None and m2 < m1 else year
    return _mention(m, "month_range", When("month", year=first_year, month=m1), When("month", year=year, month=m2))


def _parse_year_range(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    y1 = _year(m.group("y"))
    y2 = _year(m.group("y2"), base=y1)
    if not y1 < y2 <= y1 + 100:
        return None
    since = _g(m, "since") is not None
    background = _is_modifier(text, m.start(), m.end())
    return _mention(m, "year_range", When("year", year=y1), When("year", year=y2), since=since, background=background)


def _parse_year(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    prep, since, part = _g(m, "prep"), _g(m, "since"), _part(_g(m, "part"))
    year = _year(m.group("y"))
    when = When("year", year=year, part=part)
    if _g(m, "poss") or not (prep or since or part):
        # "2014's vote", "the 2018 Games": a modifier; a bare number otherwise.
        if _g(m, "poss") or _is_modifier(text, m.start(), m.end()):
            return _mention(m, "year", when, background=True)
        return None
    start = _span_start(m, since, ("part", "y"))
    return DateMention(start, m.end(), text[start : m.end()], "year", when, since=since is not None)


def _parse_decade(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    when = When("decade", year=int(m.group("dec")), part=_part(_g(m, "part")))
    since = _g(m, "since") is not None
    background = not (since or _g(m, "prep")) and _word_after(text, m.end()) not in (None, *NOT_A_HEAD)
    return _mention(m, "decade", when, since=since, background=background)


def _weekday_is_name(m: re.Match[str], text: str, wd_start: int, wd_end: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, wd_start - 20), wd_start)
    if before and before.group(1).lower() in WEEKDAY_NAME_BEFORE and before.end() == wd_start - 1:
        return True
    after = _word_after(text, wd_end)
    return after is not None and after[0].isupper() and after.lower() in WEEKDAY_NAME_AFTER


def _parse_weekday_range(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    if _weekday_is_name(m, text, m.start("wd"), m.end("wd")):
        return None
    w1, w2 = _weekday(m.group("wd")), _weekday(m.group("wd2"))
    if w1 == w2:
        return None
    return _mention(m, "weekday_range", When("weekday", weekday=w1), When("weekday", weekday=w2))


def _parse_weekday(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    if _weekday_is_name(m, text, m.start("wd"), m.end("wd")):
        return None
    weekday = _weekday(m.group("wd"))
    wshift = _shift(_g(m, "wshift"))
    shift = _shift(_g(m, "shift"))
    when = When("weekday", weekday=weekday, shift=shift, rel=wshift)  # rel: "Monday of last week"
    lean = 1 if shift == 1 or wshift == 1 else -1 if shift == -1 or wshift == -1 else 0
    return _mention(m, "weekday", when, since=_g(m, "since") is not None, lean=lean)


def _parse_period(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    unit = m.group("unit").lower()
    shift = _shift(_g(m, "shift"))
    part = _part(_g(m, "part"))
    if unit == "weekend" and part in ("mid", "earlier", "later"):
        part = None
    when = When(unit, shift=shift, part=part)
    since = _g(m, "since") is not None
    lean = shift if shift else (-1 if part == "earlier" else 1 if part == "later" else 0)
    # "last year's election": the possessive dates the noun, not the event.
    background = _g(m, "poss") is not None and unit != "weekend"
    return _mention(m, "period", when, since=since, lean=lean, background=background)


def _parse_ago(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    count = " ".join(m.group("num").lower().split())
    unit = m.group("unit").lower()
    days = {"hour": 0, "day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}[unit]
    if count in VAGUE_COUNTS:  # "a few weeks ago": a span of days
        lo, hi = VAGUE_COUNTS[count]
        return _mention(m, "ago", When("offset", lo=-hi * days, hi=-lo * days), lean=-1)
    n = int(count) if count.isdigit() else NUMBER_WORDS[count]
    if n * days > _MAX_AGO_DAYS:
        return None
    if unit == "hour":
        when = When("offset", lo=-(n // 24), hi=-(n // 24))
    elif unit in ("day", "week"):
        when = When("offset", lo=-n * days, hi=-n * days)
    elif unit == "month":
        when = When("month", shift=-n)
    else:
        when = When("year", shift=-n * (10 if unit == "decade" else 1))
    return _mention(m, "ago", when, lean=-1)


def _parse_deictic(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    index = int(m.lastgroup[1:])
    _, lo, hi, lean = DEICTIC[index]
    word = m.group(0)
    if word[0] == "T" and NAME_BEFORE.search(text, max(0, m.start() - 20), m.start()):
        return None  # "USA Today", "Russia Today"
    if word.lower() in ("recently", "lately") and DETERMINER_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None  # "the recently elected council"
    return _mention(m, "deictic", When("offset", lo=lo, hi=hi), lean=lean)


def _parse_relative(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    _, step, lo, hi = RELATIVE[int(m.lastgroup[1:])]
    return _mention(m, "relative", When("relative", lo=lo, hi=hi, step=step))


_RELATIVE_DAYS = {"day": 1, "week": 7}


def _parse_relative_counted(m: re.Match[str], text: str, locale: str) -> DateMention | None:
    if _g(m, "wd") is not None:  # "the following Monday"
        return _mention(m, "relative", When("relative", weekday=_weekday(m.group("wd")), step="weekday"))
    count = " ".join(m.group("num").lower().split())
    unit = m.group("unit").lower()
    sign = -1 if m.group("dir").lower() in ("earlier", "before") else 1
    if count in VAGUE_COUNTS:  # "a few days later": a span
        if unit not in _RELATIVE_DAYS:
            return None
        lo, hi = VAGUE_COUNTS[count]
        lo, hi = sorted((sign * lo * _RELATIVE_DAYS[unit], sign * hi * _RELATIVE_DAYS[unit]))
        return _mention(m, "relative", When("relative", lo=lo, hi=hi, step="day"))
    n = sign * (int(count) if count.isdigit() else NUMBER_WORDS[count])
    if unit in _RELATIVE_DAYS:
        n *= _RELATIVE_DAYS[unit]
        return _mention(m, "relative", When("relative", lo=n, hi=n, step="day"))
    return _mention(m, "relative", When("relative", lo=n, hi=n, step=unit))


_PARSERS = {
    "numeric": _parse_numeric,
    "day_range": _parse_day_range,
    "day": _parse_day,
    "month": _parse_month,
    "month_range": _parse_month_range,
    "year_range": _parse_year_range,
    "year": _parse_year,
    "decade": _parse_decade,
    "weekday_range": _parse_weekday_range,
    "weekday": _parse_weekday,
    "period": _parse_period,
    "ago": _parse_ago,
    "deictic": _parse_deictic,
    "relative": _parse_relative,
    "relative_counted": _parse_relative_counted,
}
