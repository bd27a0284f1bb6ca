"""Date expressions as data: word tables, shared fragments and pattern groups.

Every pattern is a regex template in which ``%NAME`` stands for a fragment of
``FRAGMENTS``; named groups carry the parts (``m1``/``d1`` month and day,
``y`` year, ``wd`` weekday, ``shift`` last/this/next, ``part`` early/mid/late,
``since``...). ``build_patterns`` expands and compiles the groups once, on
first use, and refuses an empty group. Turning a match into a date reference
is ``dyad.dates.mentions``' job; nothing here knows about calendars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dyad.errors import DataError

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# Month names that are also common English words: in lower case they count as
# months only next to a number or after a time preposition.
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
STRONG_MONTH_PREPS = frozenset(
    {"in", "since", "during", "until", "till", "by", "of", "from", "early", "mid", "late", "last", "next"}
)

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2,
}  # fmt: skip
# Vague counts ("a few days ago"): the (fewest, most) units they stand for.
VAGUE_COUNTS: dict[str, tuple[int, int]] = {"a few": (2, 6), "few": (2, 6), "several": (3, 7), "some": (2, 6)}

SHIFTS: dict[str, int] = {
    "last": -1, "past": -1, "previous": -1, "the previous": -1, "this past": -1,
    "this": 0,
    "next": 1, "coming": 1, "this coming": 1, "the coming": 1,
}  # fmt: skip

# Parts of a period: "early August", "late last month", "the end of 2018".
PARTS: dict[str, str] = {
    "early": "early", "beginning of": "early", "start of": "early",
    "mid": "mid", "middle of": "mid",
    "late": "late", "end of": "late",
    "earlier": "earlier", "later": "later",
}  # fmt: skip

# Words before a weekday that make it a name, not a date ("Good Friday"), and
# words after it that do the same ("the Sunday Times").
WEEKDAY_NAME_BEFORE = frozenset(
    {"good", "bloody", "black", "ash", "super", "palm", "holy", "easter", "cyber", "maundy", "fat"}
)
WEEKDAY_NAME_AFTER = frozenset(
    {"times", "telegraph", "express", "mirror", "herald", "post", "mail", "observer", "independent", "tribune",
     "star", "sport", "people", "agreement", "accord", "school"}
)  # fmt: skip

# A determiner or possessive right before a year makes the year a modifier:
# "the 2018 International Army Games", "a 2016 report", "Russia's 2014 annexation".
DETERMINER_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|these|those|whose)|\w['’]s)\s+$", re.I
)
# "until Sunday", "by 2030": a deadline, not the time of an event.
DEADLINE_BEFORE = re.compile(r"\b(?:until|till|by|(?:no|not)\s+later\s+than)\s+(?:the\s+)?$", re.I)
# "the September 11 attacks", "the 9/11 attacks" (with a noun from HISTORICAL_NOUNS after).
THE_BEFORE = re.compile(r"\bthe\s+(?:\w+\s+)?$", re.I)
# A capitalised word before "Today" makes it a name: "USA Today".
NAME_BEFORE = re.compile(r"[A-Z]\w*\s+$")
# Function words that may follow a year without making it a modifier ("in the 2014 and 2015 votes").
NOT_A_HEAD = frozenset(
    {"and", "or", "to", "through", "until", "when", "as", "in", "at", "on", "of", "for", "was", "were", "is",
     "had", "has", "with", "by", "after", "before"}
)  # fmt: skip
# Nouns that turn a dated noun phrase into a named past event: "the September 11 attacks".
HISTORICAL_NOUNS = frozenset(
    {"attack", "attacks", "bombing", "bombings", "massacre", "genocide", "coup", "uprising", "revolution", "war",
     "accord", "accords", "agreement", "treaty", "anniversary", "crisis", "disaster", "earthquake", "tsunami"}
)  # fmt: skip

FRAGMENTS: dict[str, str] = {
    "MONTH": (
        r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|december)\b"
        r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:\.|\b))"
    ),
    # Abbreviations only as "Wed." with a capital: "sat", "sun" and "wed" are words.
    "WEEKDAY": (
        r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
        r"|(?-i:(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.))"
    ),
    "DAY": r"(?<![\d.,/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w|[.,:]\d|/)",
    "DAYORD": r"(?<![\d.,/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?!\w)",
    "YEAR": r"(?<![\d.,/$£€])(?:1[89]\d\d|20\d\d)(?!\d|[.,]\d|s\b)",
    "TO": r"\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b|\buntil\b|\btill\b|\band\b)\s*",
    "PREP": r"(?:in|during|until|till|by|from|through|throughout|before|after|of|for|around|to)",
    "SHIFT": r"(?:this\s+past|this\s+coming|last|next|this|coming|previous)",
    "PERIODSHIFT": r"(?:this\s+past|this\s+coming|the\s+previous|the\s+coming|last|next|this|previous)",
    "PART": r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|mid|late)",
    "PERIODPART": r"(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of|earlier|later|early|mid|late)",
    "YSHIFT": r"(?:,?\s+(?P<yshift>last|this|next)\s+year\b)?",
    "OPTYEAR": r"(?:,?\s+(?P<y>%YEAR))?",
    "MONTHNUM": r"(?:1[0-2]|0?[1-9])",
    "DAYNUM": r"(?:3[01]|[12]\d|0?[1-9])",
    "FROM": r"(?:(?:between|from)\s+)?",
    "SINCE": r"(?:(?P<since>since)\s+)?",
    "SINCEPREP": r"(?:(?P<since>since)\s+|(?P<prep>%PREP)\s+)?",
    "COUNT": (
        r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|a\s+few|a\s+couple\s+of|several|some)"
    ),
}

# Deictic phrases, fixed offsets in days from the publication date:
# (regex, first day, last day, lean). Lean is the direction the phrase itself
# points to (-1 past, 1 future, 0 neither); it stands in for tense when the
# caller gives none.
DEICTIC: tuple[tuple[str, int, int, int], ...] = (
    (r"the\s+day\s+before\s+yesterday", -2, -2, -1),
    (r"the\s+day\s+after\s+tomorrow", 2, 2, 1),
    (r"(?:(?:early|late|earlier)\s+)?yesterday(?:\s+(?:morning|afternoon|evening|night))?", -1, -1, -1),
    (r"last\s+(?:night|evening)", -1, -1, -1),
    (r"(?:(?:earlier|later)\s+)?today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+in\s+the\s+day",
     0, 0, 0),
    (r"(?:(?:early|late)\s+)?tomorrow(?:\s+(?:morning|afternoon|evening|night))?", 1, 1, 1),
    (r"overnight", -1, 0, -1),
    (r"the\s+other\s+day", -7, -1, -1),
    (r"recently|lately", -30, -1, -1),
    (r"(?:in|over|during)\s+the\s+(?:past|last)\s+(?:24|twenty-four)\s+hours", -1, 0, -1),
    (r"(?:in|over|during)\s+the\s+(?:past|last)\s+(?:48|forty-eight)\s+hours", -2, 0, -1),
    (
        r"in\s+recent\s+days|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:(?:few|several|couple\s+of)\s+days|week)"
        r"|this\s+past\s+week",
        -7, 0, -1,
    ),
    (r"in\s+recent\s+weeks|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:(?:few|several|couple\s+of)\s+weeks|month)",
     -30, 0, -1),
    (r"in\s+recent\s+months|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:few|several|couple\s+of)\s+months",
     -90, 0, -1),
    (r"(?:in|over|during)\s+the\s+(?:past|last)\s+(?:year|12\s+months|twelve\s+months)", -365, 0, -1),
    (r"(?:in|over|during|within)\s+the\s+(?:coming|next)\s+(?:few\s+|several\s+)?days", 1, 7, 1),
    (r"(?:in|over|during|within)\s+the\s+(?:coming|next)\s+(?:few\s+|several\s+)?weeks", 1, 30, 1),
    (r"(?:in|over|during|within)\s+the\s+(?:coming|next)\s+(?:few\s+|several\s+)?months", 1, 90, 1),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PatternGroup:
    """Templates that share one parser in ``dyad.dates.mentions`` (``kind``).

    ``needs`` names the cues (see ``find_cues``) a text must all show for any template to
    match; texts without them skip the group (most sentences hold no date).
    """

    kind: str
    needs: tuple[str, ...]
    templates: tuple[str, ...]


# Cheap tests run once per text: which kinds of date words it holds at all.
# Word cues are looked up in the set of the text's lower-cased words; digit
# cues are regexes, tried only when the text has a digit.
CUE_WORDS: dict[str, frozenset[str]] = {
    "month": frozenset(MONTHS),
    "weekday": frozenset(WEEKDAYS),
    "period": frozenset({"week", "weekend", "month", "year"}),
    "ago": frozenset({"ago"}),
    "deictic": frozenset(
        {"yesterday", "today", "tonight", "tomorrow", "overnight", "recent", "recently", "lately", "other",
         "morning", "afternoon", "evening", "night", "past", "last", "coming", "next"}
    ),
    "relative": frozenset({"later", "earlier", "next", "following", "previous", "before", "after", "afterwards",
                           "same", "that", "eve"}),
}  # fmt: skip
CUE_DIGITS: dict[str, str] = {
    "numdate": r"\d[/.-]\d",
    "year": r"(?<!\d)(?:1[89]|20)\d\d(?!\d)",
    "ordinal": r"\bon\s+the\s+\d",
}


# Phrases dated from the article's previous event, not from the publication date:
# (regex, step, first, last). step "day": days first..last after the previous
# event (forward steps count from its last day, backward ones from its first);
# "week"/"month"/"year": that many weeks/months/years on, the whole period.
# A "before"/"after" that governs a noun ("the day before the vote") is not one.
_NOT_A_PHRASE_AFTER = (
    r"(?!\s+(?:(?:the|a|an|of|his|her|its|their|this|that|these|those|he|she|it|they|we|i|you)\b|(?-i:[A-Z0-9])))"
)
_NOT_FROM_NOW = r"(?<!\bin\s)(?<!\bover\s)(?<!\bwithin\s)(?<!\bduring\s)(?<!\bfor\s)"
RELATIVE: tuple[tuple[str, str, int, int], ...] = (
    (r"(?:(?:later|earlier)\s+(?:on\s+)?)?(?:that|the\s+same|that\s+same)\s+(?:day|morning|afternoon|evening|night)"
     r"|later\s+in\s+the\s+day|(?:(?:a\s+few|several|some|two|three|\d+)\s+)?(?:hours|minutes|moments)\s+"
     r"(?:later|afterwards|earlier)", "day", 0, 0),
    (_NOT_FROM_NOW + r"the\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)"
     r"|the\s+day\s+after" + _NOT_A_PHRASE_AFTER, "day", 1, 1),
    (r"the\s+(?:previous|preceding)\s+(?:day|morning|afternoon|evening|night)|the\s+(?:day|night)\s+before"
     + _NOT_A_PHRASE_AFTER + r"|on\s+the\s+eve" + _NOT_A_PHRASE_AFTER, "day", -1, -1),
    (_NOT_FROM_NOW + r"the\s+(?:next|following)\s+week", "week", 1, 1),
    (_NOT_FROM_NOW + r"the\s+(?:next|following)\s+month", "month", 1, 1),
    (_NOT_FROM_NOW + r"the\s+(?:next|following)\s+year", "year", 1, 1),
)  # fmt: skip
# "two days later", "a week earlier", "three months after": counted steps (the
# number is parsed by dyad.dates.mentions).
RELATIVE_COUNTED = (
    r"(?P<num>%COUNT)\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|afterwards?|earlier|(?:before|after)"
    + _NOT_A_PHRASE_AFTER
    + ")"
)
# "the following Monday": the first such weekday after the previous event.
RELATIVE_WEEKDAY = r"the\s+(?:following|next)\s+(?P<wd>%WEEKDAY)"


# Order matters only to break ties between overlapping matches of equal length:
# earlier groups win.
PATTERN_GROUPS: tuple[PatternGroup, ...] = (
    PatternGroup("numeric", ("numdate",), (
        # 2018-08-06
        r"(?<![\d/.-])(?P<y>%YEAR)-(?P<mn>%MONTHNUM)-(?P<d1>%DAYNUM)(?!\d)",
        # 2018/08/06
        r"(?<![\d/.-])(?P<y>%YEAR)/(?P<mn>%MONTHNUM)/(?P<d1>%DAYNUM)(?![\d/])",
        # 06/08/2018, 6.8.2018, 06/08/18 (day/month order from the locale; dots are always day.month)
        r"(?<![\w/.-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![\d/]|[.,]\d)",
        # 8/6, but not 7/10 of voters
        r"(?<![\w/.$-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/%]|[.,]\d|\s+(?:of|percent|per\s+cent)\b)",
    )),
    PatternGroup("day_range", ("digit", "month"), (
        # Aug 30-Sept 2, August 30 to September 2, 2018
        r"%FROM(?:%WEEKDAY,?\s+)?(?P<m1>%MONTH)\s*(?P<d1>%DAY)%TO(?P<m2>%MONTH)\s*(?P<d2>%DAY)%OPTYEAR",
        # (Monday-Tuesday,) August 6-7, between March 3 and 5
        r"%FROM(?:%WEEKDAY(?:%TO%WEEKDAY)?,?\s+)?(?P<m1>%MONTH)\s*(?P<d1>%DAY)%TO(?P<d2>%DAY)%OPTYEAR",
        # 30 August to 2 September
        r"%FROM(?:the\s+)?(?P<d1>%DAY)(?:\s+of)?\s+(?P<m1>%MONTH)%TO(?:the\s+)?(?P<d2>%DAY)(?:\s+of)?\s+(?P<m2>%MONTH)"
        r"%OPTYEAR",
        # 6-7 August, between 3 and 5 March
        r"%FROM(?:the\s+)?(?P<d1>%DAY)%TO(?:the\s+)?(?P<d2>%DAY)(?:\s+of)?\s+(?P<m1>%MONTH)%OPTYEAR",
    )),
    PatternGroup("day", ("digit", "month"), (
        # (Monday,) August 6(th)(, 2018)
        r"%SINCE(?:(?P<wd>%WEEKDAY),?\s+)?(?P<m1>%MONTH)\s*(?:the\s+)?(?P<d1>%DAY)%OPTYEAR%YSHIFT",
        # (Monday,) (the) 6(th) (of) August( 2018)
        r"%SINCE(?:(?P<wd>%WEEKDAY),?\s+)?(?:the\s+)?(?P<d1>%DAY)(?:\s+of)?\s+(?P<m1>%MONTH)%OPTYEAR%YSHIFT",
    )),
    PatternGroup("day", ("ordinal",), (
        # on the 6th
        r"\bon\s+the\s+(?P<d1>%DAYORD)(?=\s*(?:[,.;:)]|$)|\s+(?:and|when|at|in|as|after|before|while|during)\b)",
    )),
    PatternGroup("month", ("month",), (
        # (in) (mid-)August 2017
        r"%SINCEPREP(?:(?P<part>%PART)[\s-]+)?(?P<m1>%MONTH),?\s+(?P<y>%YEAR)",
        # in August, last August, mid-August, August last year
        r"%SINCEPREP(?:(?P<shift>%SHIFT)\s+)?(?:(?P<part>%PART)[\s-]+)?(?P<m1>%MONTH)(?!\s*\d)%YSHIFT",
    )),
    PatternGroup("month_range", ("month",), (
        # from March to May, between March and May 2018
        r"(?:from|between)\s+(?P<m1>%MONTH)%TO(?P<m2>%MONTH)(?!\s*\d(?!\d\d\d))%OPTYEAR",
    )),
    PatternGroup("year_range", ("year",), (
        # from 2014 to 2016, 2014-15, from 1963 to late 2024
        r"(?:(?P<since>since)\s+|(?:from|between)\s+)?(?P<y>%YEAR)\s*(?:-|–|to|through|and|until)\s*"
        r"(?:%PART[\s-]+)?(?P<y2>%YEAR|\d\d(?!\d))",
    )),
    PatternGroup("year", ("year",), (
        # in 2014, since 2014, in early 2014, mid-2014, the 2018 Games (a modifier)
        r"%SINCEPREP(?:(?P<part>%PART)[\s-]+)?(?P<y>%YEAR)(?P<poss>['’]s\b)?",
    )),
    PatternGroup("decade", ("year",), (
        # in the 1990s, the early 2000s
        r"%SINCEPREP\bthe\s+(?:(?P<part>early|mid|late)[\s-]+)?(?P<dec>1[89]\d0|20\d0)['’]?s\b",
    )),
    PatternGroup("weekday_range", ("weekday",), (
        # from Monday to Wednesday, Monday and Tuesday
        r"%FROM(?P<wd>%WEEKDAY)%TO(?P<wd2>%WEEKDAY)",
    )),
    PatternGroup("weekday", ("weekday",), (
        # late on Monday, last Monday, Wednesday's, Monday night, Monday of last week
        r"%SINCE(?:(?P<part>early|late)\s+(?:on\s+)?)?(?:(?P<shift>%SHIFT)\s+)?(?P<wd>%WEEKDAY)(?P<poss>['’]s\b)?"
        r"(?:\s+(?:morning|afternoon|evening|night|overnight)\b)?(?:\s+(?:of\s+)?(?P<wshift>last|this|next)\s+week\b)?",
    )),
    PatternGroup("period", ("period",), (
        # last week, earlier this month, late last year, next week's
        r"%SINCE(?:(?P<part>%PERIODPART)[\s-]+)?(?P<shift>%PERIODSHIFT)\s+(?P<unit>week|weekend|month|year)\b"
        r"(?P<poss>['’]s\b)?",
        # over the weekend
        r"(?:over|at|during|on|through)\s+the\s+(?P<unit>weekend)\b",
    )),
    PatternGroup("ago", ("ago",), (
        # three days ago, a week ago, two years ago
        r"(?P<num>%COUNT)\s+(?P<unit>hour|day|week|month|year|decade)s?\s+ago\b",
    )),
    PatternGroup("deictic", ("deictic",), tuple(rx for rx, *_ in DEICTIC)),
    PatternGroup("relative", ("relative",), tuple(rx for rx, *_ in RELATIVE)),
    PatternGroup("relative_counted", ("relative",), (RELATIVE_COUNTED, RELATIVE_WEEKDAY)),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CompiledGroup:
    kind: str
    needs: tuple[str, ...]
    regexes: tuple[re.Pattern[str], ...]


def expand(template: str) -> str:
    """Replace every ``%NAME`` in ``template`` with its fragment (fragments may nest)."""
    while "%" in template and (expanded := _PLACEHOLDER.sub(lambda m: FRAGMENTS[m.group(1)], template)) != template:
        template = expanded
    return template


_PLACEHOLDER = re.compile(r"%([A-Z]+)")


@lru_cache(maxsize=4)
def build_patterns(pattern_groups: tuple[PatternGroup, ...] = PATTERN_GROUPS) -> tuple[CompiledGroup, ...]:
    """Compile pattern groups once (case-insensitive, word-bounded); refuse an empty group."""
    groups = []
    for group in pattern_groups:
        if not group.templates:
            raise DataError(f"date pattern group {group.kind!r} is empty")
        # The lookarounds let the engine skip positions inside words fast.
        start = r"(?<![A-Za-z])(?=[A-Za-z0-9])\b" if group.kind != "numeric" else r"\b"
        if group.kind == "deictic":
            # One alternation, a named group per phrase: g0, g1, ... index DEICTIC.
            body = "|".join(f"(?P<g{i}>{expand(t)})" for i, t in enumerate(group.templates))
            regexes = (re.compile(rf"(?<![A-Za-z])(?=[tTeElLyYoOrRiIdDwW])\b(?:{body})\b", re.I),)
        elif group.kind == "relative":
            # Likewise: g0, g1, ... index RELATIVE.
            body = "|".join(f"(?P<g{i}>{expand(t)})" for i, t in enumerate(group.templates))
            regexes = (re.compile(rf"(?<![A-Za-z])(?=[tTlLeEhHmMsSaAoO0-9])\b(?:{body})\b", re.I),)
        else:
            regexes = tuple(re.compile(start + expand(t), re.I) for t in group.templates)
        groups.append(CompiledGroup(group.kind, group.needs, regexes))
    return tuple(groups)


_WORD = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _digit_cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(rx, re.I)) for name, rx in CUE_DIGITS.items())


def find_cues(text: str) -> set[str]:
    """The names of the cues (``CUE_WORDS``, ``CUE_DIGITS``, ``digit``) ``text`` shows."""
    words = set(_WORD.findall(text.lower()))
    cues = {name for name, vocab in CUE_WORDS.items() if not words.isdisjoint(vocab)}
    if _DIGIT.search(text):
        cues.add("digit")
        cues.update(name for name, rx in _digit_cues() if rx.search(text))
    return cues


# -- clause and tense words, used to choose among the dates of a sentence -------

# Tokens of a sentence: words (with a clitic: "won't", "they'll") and the
# punctuation that ends a clause (every non-word token does).
TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[,;:()\[\]\"“”]|\s[-–—]+\s")
# Words that open a clause.
CLAUSE_WORDS = frozenset(
    {"that", "which", "who", "whom", "whose", "where", "when", "while", "but", "after", "before", "because",
     "although", "though", "whereas", "as", "if", "unless", "once"}
)  # fmt: skip
# Clause openers whose clause is not the sentence's main one: "..., who seized
# the town on Aug. 3, withdrew on Sunday", "After talks on Monday, ...".
SUBORDINATE_WORDS = frozenset(
    {"who", "whom", "whose", "which", "after", "before", "when", "while", "as", "because", "although", "though", "once"}
)  # fmt: skip

# Words that on their own put an event after the publication date.
FUTURE_WORDS = frozenset({"will", "won't", "won’t", "shall", "would", "gonna", "upcoming", "forthcoming"})
# Word pairs that do: "is due", "are expected", "plans to", "set for". ("Ahead of
# Wednesday's hearing" does not: it is only later than the saying.)
_INTENT = ("plan", "plans", "planned", "planning", "intend", "intends", "intended", "intending", "aim", "aims",
           "aimed", "aiming", "hope", "hopes", "hoped", "hoping", "vow", "vows", "vowed", "pledge", "pledges",
           "pledged", "promise", "promises", "promised", "threaten", "threatens", "threatened")  # fmt: skip
FUTURE_PAIRS: frozenset[tuple[str, str]] = frozenset(
    [(be, what) for be in ("is", "are", "was", "were", "be", "been")
     for what in ("due", "expected", "scheduled", "slated", "set", "poised", "planned", "going", "to")]
    + [(what, prep) for what in ("scheduled", "slated", "set", "planned", "poised") for prep in ("to", "for")]
    + [(verb, "to") for verb in _INTENT]
    + [("going", "to"), ("be", "held")]
)  # fmt: skip

# A date right after one of these dates the saying, not the reported event:
# "said on Monday", "told reporters on Monday", "in a statement on Monday".
REPORTING_WORDS = frozenset(
    {"said", "says", "say", "added", "stated", "wrote", "reported", "statement", "announced", "confirmed", "tweeted"}
)
REPORTING_FAR = frozenset({"told", "according"})  # a few words may follow: "told state media on Monday"
REPORTING_SKIP = frozenset({"on", "late", "early"})
