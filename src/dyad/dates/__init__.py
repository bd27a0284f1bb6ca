"""dyad.dates: when did an event happen?

A rule-based, stdlib-only resolver of date expressions against an article's
publication date::

    find_dates(text, *, locale="US") -> list[DateMention]
    resolve_event_date(sentence, pub_date, *, offset=0, anchor=None, tense=None, locale="US",
                       reference=None) -> EventDate
    ArticleDates(pub_date)  # .resolve(sentence, ...) and .advance(sentence, dates) through an article

``find_dates`` lists the expressions in a text with their spans;
``resolve_event_date`` picks the one that belongs to an event (nearest the
trigger at ``anchor``, or the main clause's) and places it on the calendar:
precision ``day``, ``month``, ``range`` (with ``end``) or ``pub`` (no date:
the publication date). "The next day", "two days later", "that evening"
count from the sentence's own earlier date, else from ``reference``, the
date of the article's previous dated event (``ArticleDates`` keeps it).
Patterns live in ``expressions``, their parsing in
``mentions``, calendar arithmetic in ``periods`` and the choice in
``resolve``.
"""

from __future__ import annotations

from dyad.dates.mentions import DateMention, When, find_dates
from dyad.dates.periods import place
from dyad.dates.resolve import ArticleDates, infer_direction, resolve_event_date

__all__ = ["ArticleDates", "DateMention", "When", "find_dates", "infer_direction", "place", "resolve_event_date"]
