"""Placing a written time reference on the calendar.

``place(mention, pub_date, direction)`` turns a ``DateMention`` into the
first and last day it covers and a precision. ``direction`` is the tense as
a sign: -1 past (the latest reading not after ``pub_date``), 1 future (the
earliest not before it), 0 present (the nearest). Readings are candidates
around the publication date; "last"/"next"/"this" pick among them by rule,
tense picks otherwise.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta

from dyad.dates.mentions import DateMention, When

Interval = tuple[Date, Date]
DAY = timedelta(days=1)


def place(mention: DateMention, pub: Date, direction: int) -> tuple[Date, Date | None, str] | None:
    """``(first, last, precision)`` for ``mention``; None when it cannot be placed.

    ``last`` is None unless precision is ``range``. In the past direction a
    reading that starts after ``pub`` is refused (None) and one that ends
    after it is cut at ``pub``.
    """
    first = interval(mention.first, pub, direction)
    if first is None:
        return None
    start, end = first
    if mention.last is not None:
        # The end is the first reading of the second part from the start on.
        last = interval(mention.last, start, 1)
        if last is None or last[1] < start:
            return None
        end = last[1]
    precision = _precision(mention)
    if mention.since:
        end, precision = max(pub, start), "range"
    if direction < 0:
        if start > pub:
            return None
        end = min(end, pub)
    if precision == "range":
        return start, end, precision
    return start, None, precision


def interval(when: When, pub: Date, direction: int) -> Interval | None:
    """The days ``when`` covers, read from ``pub`` in ``direction``."""
    readings = [r for r in _readings(when, pub) if r is not None]
    if not readings:
        return None
    chosen = readings[0] if len(readings) == 1 else _pick(readings, when, pub, direction)
    if chosen is None:
        return None
    return _apply_part(chosen, when, pub) if when.part else chosen


def _precision(mention: DateMention) -> str:
    w = mention.first
    if mention.last is not None:
        return "range"
    if w.unit in ("day", "weekday") or (w.unit == "offset" and w.lo == w.hi):
        return "day"
    if w.unit == "month" and not w.part:
        return "month"
    return "range"


# -- readings ----------------------------------------------------------------------


def _date(year: int, month: int, day: int) -> Date | None:
    try:
        return Date(year, month, day)
    except ValueError:
        return None


def _month_of(year: int, month: int, shift: int = 0) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _month_bounds(year: int, month: int) -> Interval:
    ny, nm = _month_of(year, month, 1)
    return Date(year, month, 1), Date(ny, nm, 1) - DAY


month_bounds = _month_bounds  # the first and last day of a month


def _single(d: Date | None) -> Interval | None:
    return (d, d) if d is not None else None


def _readings(w: When, pub: Date) -> list[Interval | None]:
    monday = pub - timedelta(days=pub.weekday())
    nearby = (-2, -1, 0, 1, 2)
    if w.unit == "offset":
        return [(pub + timedelta(days=w.lo), pub + timedelta(days=w.hi))]
    if w.unit == "day":
        if w.month is None:  # "on the 6th": a month near pub
            return [_single(_date(*_month_of(pub.year, pub.month, k), w.day)) for k in nearby]
        if w.year is not None:
            years = [w.year]
        elif w.rel is not None:
            years = [pub.year + w.rel]
        else:
            years = [pub.year - 1, pub.year, pub.year + 1]
        return [_single(_date(y, w.month, w.day)) for y in years]
    if w.unit == "weekday":
        if w.rel is not None:  # "Monday of last week"
            return [_single(monday + timedelta(days=7 * w.rel + w.weekday))]
        return [_single(monday + timedelta(days=7 * k + w.weekday)) for k in nearby]
    if w.unit == "week":
        first = monday + timedelta(days=7 * (w.shift or 0))
        return [(first, first + 6 * DAY)]
    if w.unit == "weekend":
        return [(monday + timedelta(days=7 * k + 5), monday + timedelta(days=7 * k + 6)) for k in nearby]
    if w.unit == "month":
        if w.month is None:  # "last month", "two months ago"
            return [_month_bounds(*_month_of(pub.year, pub.month, w.shift or 0))]
        if w.year is not None:
            return [_month_bounds(w.year, w.month)]
        if w.rel is not None:
            return [_month_bounds(pub.year + w.rel, w.month)]
        return [_month_bounds(y, w.month) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if w.unit == "year":
        year = w.year if w.year is not None else pub.year + (w.shift or 0)
        return [(Date(year, 1, 1), Date(year, 12, 31))]
    if w.unit == "decade":
        return [(Date(w.year, 1, 1), Date(w.year + 9, 12, 31))]
    raise ValueError(f"unknown time unit {w.unit!r}")


def _pick(readings: list[Interval], w: When, pub: Date, direction: int) -> Interval | None:
    """Choose among readings by "last"/"next"/"this", else by tense."""
    if w.shift == -1:
        limit = Date(pub.year, pub.month, 1) if w.unit == "month" else pub
        before = [r for r in readings if (r[1] if w.unit == "weekend" else r[0]) < limit]
        return max(before) if before else None
    if w.shift == 1:
        limit = _month_bounds(pub.year, pub.month)[1] if w.unit == "month" else pub
        after = [r for r in readings if r[0] > limit]
        return min(after) if after else None
    if w.shift == 0 and w.unit == "month":
        return next((r for r in readings if r[0].year == pub.year), None)
    if direction < 0:
        before = [r for r in readings if r[0] <= pub]
        return max(before) if before else min(readings)
    if direction > 0:
        after = [r for r in readings if r[1] >= pub]
        return min(after) if after else max(readings)

    def distance(r: Interval) -> tuple[int, Date]:
        if r[0] <= pub <= r[1]:
            return 0, r[0]
        return min(abs((r[0] - pub).days), abs((r[1] - pub).days)), r[0]

    return min(readings, key=distance)


# -- parts: early / mid / late / earlier / later ------------------------------------

# Early, mid and late parts of a period, as (first, last): days of a month,
# months of a year, weekdays of a week (Monday = 0), years of a decade.
_PARTS_OF = {
    "month": {"early": (1, 10), "mid": (11, 20), "late": (21, 31)},
    "year": {"early": (1, 4), "mid": (5, 8), "late": (9, 12)},
    "week": {"early": (0, 2), "mid": (2, 4), "late": (3, 6)},
    "decade": {"early": (0, 3), "mid": (4, 6), "late": (7, 9)},
}


def _apply_part(r: Interval, w: When, pub: Date) -> Interval:
    """Narrow ``r`` to ``w.part``; "earlier"/"later" cut it at the publication date."""
    start, end = r
    if w.part == "earlier":
        return (start, max(start, min(end, pub - DAY)))
    if w.part == "later":
        return (min(end, max(start, pub + DAY)), end)
    unit = w.unit
    if unit not in _PARTS_OF:
        return r
    lo, hi = _PARTS_OF[unit][w.part]
    if unit == "month":
        return (start.replace(day=lo), min(end, start.replace(day=min(hi, end.day))))
    if unit == "year":
        return (Date(start.year, lo, 1), _month_bounds(start.year, hi)[1])
    if unit == "week":
        return (start + timedelta(days=lo), start + timedelta(days=hi))
    return (Date(start.year + lo, 1, 1), Date(start.year + hi, 12, 31))
