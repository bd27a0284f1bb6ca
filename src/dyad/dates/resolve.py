"""The event-date stage: pick the date expression that belongs to an event and resolve it.

``resolve_event_date`` reads one sentence, the article's publication date
and optionally the trigger's offset, the event's tense and the date of the
article's previous event; it returns an ``EventDate``. It does no I/O and
keeps no state; ``ArticleDates`` carries that previous date from sentence to
sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta
from typing import Iterable, Sequence

from dyad.dates.expressions import (
    CLAUSE_WORDS,
    FUTURE_PAIRS,
    FUTURE_WORDS,
    REPORTING_FAR,
    REPORTING_SKIP,
    REPORTING_WORDS,
    SUBORDINATE_WORDS,
    TOKEN,
)
from dyad.dates.mentions import DateMention, find_dates
from dyad.dates.periods import month_bounds, place
from dyad.records import EventDate

TENSES = {"past": -1, "present": 0, "future": 1}

# Ranks when no trigger is given, by the days a date covers: a day beats a
# week beats a month beats a year.
_RANK_DAYS = ((3, 0), (14, 1), (31, 2))
# A previous event dated to a range of at most this many days still anchors
# "the next day" to a day (counted from its last day; "the day before" from
# its first); a longer one gives a range.
REFERENCE_DAY_SPAN = 3
# A reference longer than this (a month, a year) anchors nothing.
REFERENCE_MAX_SPAN = 14


def resolve_event_date(
    sentence: str,
    pub_date: Date,
    *,
    offset: int = 0,
    anchor: int | None = None,
    tense: str | None = None,
    locale: str = "US",
    reference: EventDate | None = None,
    skip: Sequence[tuple[int, int]] = (),
) -> EventDate:
    """The date of the event in ``sentence`` (published ``pub_date``).

    Reads: the sentence text; ``anchor``, the trigger's character offset in
    the sentence (None: the event is the sentence's main one); ``tense``
    ("past", "present", "future"; None infers it from the words around each
    date); ``locale`` for numeric dates ("US" month/day, "GB" day/month).
    Sets: ``EventDate(date, precision, end, text, span)`` with span in article
    offsets (``offset`` is the sentence's start in the article). Without a
    usable date expression: ``EventDate(pub_date, "pub")``. Past (and
    inferred-past) events never get a date after ``pub_date``. A "today" or "yesterday"
    inside a direct quotation is the speaker's, not the story's: such an event gets the
    publication date with precision ``pub``.

    An expression counted from another event ("the next day", "two days
    later", "that evening") is placed from the sentence's own date before it
    ("seized the town on Monday and lost it two days later"), else from
    ``reference``, the date of the article's previous dated event; without
    either it is not used (publication date).

    ``skip``: spans of the sentence (sentence offsets) that tell of something else, whose
    date expressions are not this event's ("the journalists, who were detained last Friday").
    """
    if tense is not None and tense not in TENSES:
        raise ValueError(f"tense must be one of {sorted(TENSES)} or None, not {tense!r}")
    mentions = [m for m in find_dates(sentence, locale=locale) if not m.background
                and not any(a <= m.start and m.end <= b for a, b in skip)]
    if not mentions:
        return EventDate(pub_date, "pub")
    clauses = Clauses.of(sentence)
    candidates = []
    for mention in mentions:
        direction = TENSES[tense] if tense is not None else infer_direction(sentence, mention, pub_date, clauses)
        if mention.kind == "relative":
            before = [c[1] for c in candidates if c[0].kind != "relative" and c[0].end <= mention.start]
            placed = place_relative(mention, before[-1] if before else _placed(reference), pub_date, direction)
        else:
            placed = place(mention, pub_date, direction)
        if placed is not None:
            candidates.append((mention, placed, direction))
    if not candidates:
        return EventDate(pub_date, "pub")
    if anchor is None:
        mention, placed, _ = min(candidates, key=lambda c: _main_rank(clauses, *c))
    else:
        mention, placed, _ = min(candidates, key=lambda c: _distance(clauses, c[0], anchor))
    if mention.kind == "deictic" and _quoted(sentence, mention.start):
        # "Today the commander was killed," a statement said: the speaker's today, and the
        # story does not say when the words were spoken; the publication date stands in
        return EventDate(pub_date, "pub")
    start, end, precision = placed
    return EventDate(start, precision, end, mention.text, (offset + mention.start, offset + mention.end))


def _quoted(sentence: str, at: int) -> bool:
    """Is position ``at`` inside a direct quotation (straight or curly quotes)?"""
    before = sentence[:at]
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _placed(ref: EventDate | None) -> tuple[Date, Date | None, str] | None:
    if ref is None or ref.precision == "pub":
        return None
    return ref.date, ref.end, ref.precision


def place_relative(
    mention: DateMention, ref: tuple[Date, Date | None, str] | None, pub: Date, direction: int
) -> tuple[Date, Date | None, str] | None:
    """``(first, last, precision)`` of an expression counted from ``ref`` (another event's placing).

    None without a usable reference (none, a month, a long range) or, for a
    past event, when the result falls after ``pub``.
    """
    if ref is None:
        return None
    first, last, precision = ref
    if precision == "month":
        last = month_bounds(first.year, first.month)[1]
    last = last or first
    span = (last - first).days
    if span > REFERENCE_MAX_SPAN:
        return None
    w = mention.first
    if w.step == "day":
        if span <= REFERENCE_DAY_SPAN and w.lo == w.hi:
            base = last if w.lo > 0 else first
            start = end = base + timedelta(days=w.lo)
        else:
            start, end = first + timedelta(days=w.lo), last + timedelta(days=w.hi)
    elif w.step == "weekday":
        if span > REFERENCE_DAY_SPAN:
            return None
        start = end = last + timedelta(days=(w.weekday - last.weekday() - 1) % 7 + 1)
    elif w.step == "week":
        monday = last - timedelta(days=last.weekday()) + timedelta(weeks=w.lo)
        start, end = monday, monday + timedelta(days=6)
    elif w.step == "month":
        index = last.year * 12 + last.month - 1 + w.lo
        start, end = month_bounds(index // 12, index % 12 + 1)
    elif w.step == "year":
        start, end = Date(last.year + w.lo, 1, 1), Date(last.year + w.lo, 12, 31)
    else:
        raise ValueError(f"unknown relative step {w.step!r}")
    if direction < 0:
        if start > pub:
            return None
        end = min(end, pub)
    if start == end and w.step in ("day", "weekday"):
        return start, None, "day"
    if w.step == "month" and end == month_bounds(start.year, start.month)[1] and start.day == 1:
        return start, None, "month"
    return start, end, "range"


class ArticleDates:
    """The running reference of one article: the date of its latest dated event.

    ``resolve`` dates an event against it; ``advance`` moves it on after a
    sentence, to the last of the sentence's event dates that is not the
    publication date, else to the sentence's own main date expression (so
    "On Monday, ... . The next day, ..." works when the first sentence codes
    no event). A past event counted from a future one still never lands
    after publication (``resolve_event_date`` refuses it).

    It also remembers the dated events of the last sentences by kind (``note``), so that
    an event without a date expression of its own that refers back to one of them ("the
    attack", "killed in the attack", "during the gunfight") takes its date: ``resolve``
    with ``refers``, the CAMEO code of the definite event noun it refers back to.
    """

    __slots__ = ("pub_date", "locale", "reference", "sentence", "recent")

    # how many sentences back "the attack" may find the attack it names
    REFER_BACK = 3

    def __init__(self, pub_date: Date, *, locale: str = "US"):
        self.pub_date = pub_date
        self.locale = locale
        self.reference: EventDate | None = None
        self.sentence = 0  # the index of the sentence being read (advance moves it on)
        self.recent: list[tuple[int, str, EventDate, str | None]] = []  # (sentence, kind, date, actor)

    @staticmethod
    def kind(code: str | None) -> str | None:
        """The kind of act a CAMEO code names, for a reference back: violence (18-20) is one
        kind ("the gunfight" after an attack), else the root."""
        if not code or len(code) < 2:
            return None
        return "force" if code[:2] in ("18", "19", "20") else code[:2]

    def resolve(
        self, sentence: str, *, offset: int = 0, anchor: int | None = None, tense: str | None = None,
        refers: str | None = None, skip: Sequence[tuple[int, int]] = (),
    ) -> EventDate:
        """:func:`resolve_event_date` with the article's current reference.

        ``refers``: the code of the definite event noun the event refers back to ("were killed
        in *the attack*"). When the sentence has no date expression at all, the event takes
        the date of the article's latest event of that kind in the last ``REFER_BACK``
        sentences, if that one was dated.
        """
        found = resolve_event_date(
            sentence, self.pub_date, offset=offset, anchor=anchor, tense=tense, locale=self.locale,
            reference=self.reference, skip=skip,
        )
        if found.precision != "pub" or refers is None:
            return found
        return self.carried(sentence, refers) or found

    def carried(self, sentence: str, refers: str, who: str | None = None) -> EventDate | None:
        """The date an undated event referring back to an event of ``refers``'s kind takes:
        that event's, when the sentence has no date expression at all and it was dated.
        ``who`` asks for an event of that actor only (a statement goes on the speaker's)."""
        back = self.referred(refers, who)
        if back is None or find_dates(sentence, locale=self.locale):
            return None
        return EventDate(back.date, back.precision, back.end)

    def referred(self, code: str, who: str | None = None) -> EventDate | None:
        """The date of the latest earlier event of ``code``'s kind (and of actor ``who``, when
        given) in the last sentences (None if there is none, or it was not dated)."""
        kind = self.kind(code)
        if kind is None:
            return None
        for at, k, d, actor in reversed(self.recent):
            if self.sentence - at > self.REFER_BACK:
                break
            if at < self.sentence and k == kind and (who is None or actor == who):
                return None if d.precision == "pub" else d
        return None

    def note(self, code: str, date: EventDate, who: str | None = None) -> None:
        """Remember an event of the current sentence (its CAMEO code, date and actor)."""
        kind = self.kind(code)
        if kind is not None:
            self.recent.append((self.sentence, kind, date, who))

    def advance(self, sentence: str, dates: Iterable[EventDate] = (), *, offset: int = 0) -> None:
        """Move the reference on past ``sentence``, whose events got ``dates``."""
        self.sentence += 1
        dated = [d for d in dates if d.precision != "pub"]
        if not dated:
            main = self.resolve(sentence, offset=offset)
            if main.precision == "pub":
                return
            dated = [main]
        self.reference = dated[-1]


@dataclass(frozen=True, slots=True)
class Clauses:
    """A sentence's words and clause boundaries, found once."""

    tokens: tuple[tuple[int, int, str], ...]  # (start, end, lower-cased text)
    boundaries: tuple[int, ...]  # indexes into tokens

    @classmethod
    def of(cls, sentence: str) -> Clauses:
        tokens = tuple((m.start(), m.end(), m.group(0).lower()) for m in TOKEN.finditer(sentence))
        boundaries = tuple(i for i, (_, _, t) in enumerate(tokens) if not t[0].isalpha() or t in CLAUSE_WORDS)
        return cls(tokens, boundaries)

    def words(self, lo: int, hi: int) -> list[str]:
        """Lower-cased word tokens between character offsets ``lo`` and ``hi``."""
        return [t for s, e, t in self.tokens if s >= lo and e <= hi and t[0].isalpha()]

    def opener(self, start: int) -> tuple[int, str] | None:
        """The last clause boundary before ``start``: (its end offset, its text)."""
        found = None
        for i in self.boundaries:
            s, e, t = self.tokens[i]
            if e > start:
                break
            found = (e, t)
        return found

    def closer(self, end: int) -> int | None:
        """The start of the first clause boundary at or after ``end``."""
        for i in self.boundaries:
            if self.tokens[i][0] >= end:
                return self.tokens[i][0]
        return None

    def crossings(self, lo: int, hi: int) -> int:
        return sum(1 for i in self.boundaries if lo <= self.tokens[i][0] and self.tokens[i][1] <= hi)


def infer_direction(sentence: str, mention: DateMention, pub_date: Date, clauses: Clauses | None = None) -> int:
    """Tense as a sign (-1 past, 1 future) for the event ``mention`` dates.

    The expression's own lean decides first ("tomorrow", "last week"); then a
    future marker ("will", "is due to", "plans to") in the clause before the
    date, or after it when the date opens the clause; then a written date
    with a year after ``pub_date``. Anything else is past.
    """
    if mention.lean:
        return mention.lean
    clauses = clauses or Clauses.of(sentence)
    if _is_future(_clause_window(clauses, mention, len(sentence))):
        return 1
    first = mention.first
    if first.year is not None and first.unit in ("day", "month", "year"):
        placed = place(mention, pub_date, 1)
        if placed is not None and placed[0] > pub_date:
            return 1
    return -1


def _clause_window(clauses: Clauses, mention: DateMention, length: int) -> list[str]:
    """The words of the clause before the date; with those after it if there are few."""
    opener = clauses.opener(mention.start)
    words = clauses.words(opener[0] if opener else 0, mention.start)
    if len(words) >= 2:
        return words
    # "On Thursday, the envoys will meet": a date that is its own clause reads the next one.
    end = mention.end
    for _ in range(2):
        closer = clauses.closer(end)
        words += clauses.words(end, closer if closer is not None else length)
        if len(words) >= 2 or closer is None:
            break
        end = closer + 1
    return words


def _is_future(words: list[str]) -> bool:
    if any(w in FUTURE_WORDS or w.endswith(("'ll", "’ll")) for w in words):
        return True
    return any(pair in FUTURE_PAIRS for pair in zip(words, words[1:]))


def _is_reporting(clauses: Clauses, mention: DateMention) -> bool:
    """Does the date follow a verb of saying ("said on Monday", "told reporters Monday")?"""
    before = clauses.words(max(0, mention.start - 60), mention.start)[-6:]
    while before and before[-1] in REPORTING_SKIP:
        before.pop()
    if before and before[-1] in REPORTING_WORDS:
        return True
    return any(w in REPORTING_FAR for w in before[-4:])


def _main_rank(clauses: Clauses, mention: DateMention, placed: tuple, direction: int) -> tuple[int, int]:
    """Order for the sentence's main event when no trigger is given.

    Finer dates come first, and dates in the main clause before those in a
    relative or adverbial one ("who...", "after..."). The date of a saying
    ("said on Monday") yields to the date of a reported past event
    ("...that rebels attacked on Saturday"), but a future date yields to it:
    announcing a plan is the event, and it happened when it was said.
    """
    start, end, precision = placed
    days = (end - start).days if end else (0 if precision == "day" else 30)
    rank = next((r for limit, r in _RANK_DAYS if days < limit), 3)
    if _is_reporting(clauses, mention):
        rank += 4
    opener = clauses.opener(mention.start)
    if opener is not None and opener[1] in SUBORDINATE_WORDS:
        rank += 2
    if direction > 0:
        rank += 8
    return rank, mention.start


def _distance(clauses: Clauses, mention: DateMention, anchor: int) -> int:
    """How far ``mention`` is from the trigger at ``anchor``, in characters.

    A date after the trigger in its clause is nearest; each clause boundary
    crossed and a date before the trigger count extra.
    """
    if mention.start >= anchor:
        lo, hi, before = anchor, mention.start, False
    elif mention.end > anchor:
        return 0
    else:
        lo, hi, before = mention.end, anchor, True
    return (hi - lo) + 60 * clauses.crossings(lo, hi) + (15 if before else 0)
