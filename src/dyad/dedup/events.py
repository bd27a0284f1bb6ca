"""Event clusters: reports of the same real-world event, across articles.

A *report* is one event's actor x recipient dyad (an event with two actors
gives two reports). Reports are compared only inside their *block*: the same
event type (PLOVER type, else CAMEO root) and the same actor and recipient
countries (or codes, for actors without a country); for symmetric types
(meetings) the two sides are sorted, so "A met B" and "B met A" share a block.

Inside a block, two reports can be of the same event when

- their actors are compatible: the same code, or one of them is the bare
  country (``RUS`` fits ``RUSMIL``; ``RUSGOV`` does not fit ``RUSMIL``);
- their places are compatible: none, the same place, or one is only a
  country or a province (and the countries agree);
- their dates fit, in a window set by the date's precision (below);
- the event is not dated after the publication of an article that reports it.

An article is read as a whole: a wire copy's report is its original's (an
undated report in a copy is dated by the original's publication, not the
copy's), and an article that gives an event's day in one sentence and only
its month, or nothing, in another is taken to mean one event.

Clustering is greedy, anchored on days (no chaining from day to day), in three
passes over a block:

1. ``day`` reports of the same day: the most specific reports first, so that
   ``RUSGOV`` and ``RUSMIL`` each found a cluster, and among them the most
   repeated combinations; a vaguer report joins the cluster it fits that its own
   article already reports, else the one of its own code (CAMEO), else the biggest.
   Sizes count independent reports (a wire copy weighs 1 / its copies).
2. A day's cluster of a single independent report (``slip_reports``) that is a
   small minority (at most ``minority`` of the other's size) beside a compatible
   cluster of the same code ``slack_days`` away joins it, unless it was published before that
   day: one source a day off (time zones, "overnight") is the same event; two
   sources agreeing on a day, or two equal groups on consecutive days, are two
   events ("daily shelling").
3. Vaguer reports, ``pub`` (no date in the text; the publication date stands
   in), then ``month`` and ``range``: first the one day cluster of their own
   article (original) that fits, dated within their period (``pub``: up to
   ``pub_lag_days`` before publication); else ``pub`` reports join the nearest
   dated cluster of their code up to ``pub_lag_days`` before publication (else of
   any code), else an undated
   cluster of reports published within ``pub_lag_days`` (an undated report whose
   sectors fit no cluster of its own article still joins the one there that has one
   side the same: an article names "the authorities" and "the hostages" of one
   threat; both sides different are two events); ``month`` and ``range``
   reports join the one cluster inside their period, or, when there are
   several, the one dated up to ``pub_lag_days`` before their publication; none
   when that is still ambiguous.

A cluster that grew from a bare actor or place takes the first specific one
that joins it. ``cluster_reports`` is pure: numpy arrays in, the leader (the
cluster's first report) of each report out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import numpy as np

# Event types whose two sides play the same role ("A and B held talks").
SYMMETRIC_TYPES = frozenset({"CONSULT"})


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    """Date windows, in days, for reports of one event."""

    slack_days: int = 1  # a minority of reports may date an event one day off (time zones, "overnight")
    minority: float = 0.5  # ...when they are at most this share of the neighbouring day's reports
    slip_reports: float = 1.0  # ...and at most this many independent reports
    pub_lag_days: int = 2  # an undated report may describe an event up to this many days before publication
    max_period_days: int = 62  # month/range reports with a longer period are not merged


# Date precision codes in the "precision" array.
DAY, PUB, PERIOD = 0, 1, 2

# Arrays cluster_reports reads, one value per report:
FIELDS = (
    "block",  # int: block id
    "precision",  # int: DAY, PUB (no date in the text) or PERIOD (month or range)
    "day",  # int: event date, days since 1970-01-01 (PUB: the publication day)
    "lo",  # int: first possible day (PERIOD: the 1st of the month, or the range's start)
    "hi",  # int: last possible day
    "actor",  # int: actor code id (0: none)
    "actor_bare",  # bool: actor code is just the country, or missing
    "recipient",
    "recipient_bare",
    "place",  # int: place id (0: none)
    "place_generic",  # bool: no place, or a country or province
    "place_country",  # int: place's country id (0: none)
    "weight",  # float: 1 / reports of the same original article with the same attributes
    "atom",  # float: independent reports (distinct originals) with the same block, date, actors and place
    "rank",  # int: tie-break order (publication date, article, position)
    "pub",  # int: publication day of the report's article (of its original, for a copy)
    "article",  # int: id of the report's article (of its original, for a copy)
    "code",  # int: the event's own code (CAMEO), which breaks ties between clusters that fit
)

# A cluster while it grows:
# [leader, block, day, actor, recipient, place, place_country, size, dated, fixed, into, first publication, code]
_LEADER, _BLOCK, _DAY, _A, _R, _P, _PC, _SIZE, _DATED, _FIXED, _INTO, _PUB, _CODE = range(13)


def cluster_reports(reports: Mapping[str, np.ndarray], settings: ClusterSettings | None = None) -> np.ndarray:
    """The leader (index of its cluster's first report) of each report; see the module doc."""
    s = settings or ClusterSettings()
    n = len(reports["block"])
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    col = {name: np.asarray(reports[name]) for name in FIELDS}
    a_bare, r_bare, p_gen = (col[k].astype(bool) for k in ("actor_bare", "recipient_bare", "place_generic"))
    spec_a = np.where(a_bare, 0, col["actor"]).tolist()
    spec_r = np.where(r_bare, 0, col["recipient"]).tolist()
    spec_p = np.where(p_gen, 0, col["place"]).tolist()
    vague = a_bare.astype(np.int64) + r_bare + p_gen  # how many of the report's fields are generic
    pc = col["place_country"].tolist()
    weight = col["weight"].astype(np.float64).tolist()
    block, day, lo, hi = col["block"].tolist(), col["day"].tolist(), col["lo"].tolist(), col["hi"].tolist()
    precision = col["precision"]
    pub, article, code = col["pub"].tolist(), col["article"].tolist(), col["code"].tolist()

    clusters: list[list] = []
    member_of: list = [None] * n
    by_day: dict[tuple, list[list]] = {}  # (block, anchor day) -> clusters anchored there

    def fits(cl: list, a: int, r: int, p: int, c: int) -> bool:
        return (
            (a == 0 or cl[_A] == 0 or cl[_A] == a)
            and (r == 0 or cl[_R] == 0 or cl[_R] == r)
            and (p == 0 or cl[_P] == 0 or cl[_P] == p)
            and (c == 0 or cl[_PC] == 0 or cl[_PC] == c)
        )

    def join(cl: list, a: int, r: int, p: int, c: int, size: float, published: int) -> None:
        cl[_SIZE] += size
        cl[_PUB] = min(cl[_PUB], published)
        if cl[_A] == 0:
            cl[_A] = a
        if cl[_R] == 0:
            cl[_R] = r
        if cl[_P] == 0:
            cl[_P] = p
        if cl[_PC] == 0:
            cl[_PC] = c

    def new(k: int, dated: bool) -> list:
        cl = [k, block[k], day[k], spec_a[k], spec_r[k], spec_p[k], pc[k], weight[k], dated, False, None, pub[k], code[k]]
        clusters.append(cl)
        return cl

    # 1. day-precise reports, same day: specific reports first (so "RUSGOV" and "RUSMIL"
    #    each found a cluster), the most repeated first; a vaguer report joins the fit its
    #    article already reports, else the one of its code, else the biggest
    dated = np.flatnonzero(precision == DAY)
    day_article: dict[tuple, list[list]] = {}
    order = dated[
        np.lexsort((col["rank"][dated], -col["atom"][dated], vague[dated], col["day"][dated], col["block"][dated]))
    ]
    for k in order.tolist():
        a, r, p, c = spec_a[k], spec_r[k], spec_p[k], pc[k]
        key = (block[k], day[k])
        chosen = best_key = None
        mine = day_article.get((block[k], article[k]), ())
        for cl in by_day.get(key, ()):
            if fits(cl, a, r, p, c):
                # the cluster its own article already reports (a sentence that names the
                # sector, another that does not), else the biggest
                own = any(x is cl for x in mine)
                rank = (own, cl[_CODE] == code[k], cl[_SIZE])
                if best_key is None or rank > best_key:
                    chosen, best_key = cl, rank
        if chosen is None:
            chosen = new(k, True)
            by_day.setdefault(key, []).append(chosen)
        else:
            join(chosen, a, r, p, c, weight[k], pub[k])
        member_of[k] = chosen
        if not any(x is chosen for x in mine):
            day_article.setdefault((block[k], article[k]), []).append(chosen)

    # 2. a day's cluster of one independent report, a small minority beside a compatible
    #    cluster of its code a day away, joins it (not one published before that day)
    if s.slack_days > 0:
        for cl in sorted(clusters, key=lambda x: (x[_SIZE], x[_LEADER])):
            if cl[_FIXED] or cl[_INTO] is not None or not cl[_DATED]:
                continue
            best = None
            for dd in range(cl[_DAY] - s.slack_days, cl[_DAY] + s.slack_days + 1):
                if dd == cl[_DAY]:
                    continue
                for other in by_day.get((cl[_BLOCK], dd), ()):
                    if (
                        other[_INTO] is None
                        and other[_DATED]
                        and cl[_SIZE] <= s.minority * other[_SIZE]
                        and cl[_SIZE] <= s.slip_reports + 1e-9
                        and cl[_PUB] >= other[_DAY]
                        and fits(other, cl[_A], cl[_R], cl[_P], cl[_PC])
                        and other[_CODE] == cl[_CODE]
                        and (best is None or (other[_SIZE], -other[_LEADER]) > (best[_SIZE], -best[_LEADER]))
                    ):
                        best = other
            if best is not None:
                cl[_INTO] = best
                best[_FIXED] = True
                join(best, cl[_A], cl[_R], cl[_P], cl[_PC], cl[_SIZE], cl[_PUB])

    def final(cl: list) -> list:
        while cl[_INTO] is not None:
            cl = cl[_INTO]
        return cl

    # the day clusters of each article (original), for its vaguer reports
    in_article: dict[tuple, list[list]] = {}
    for k in dated.tolist():
        cl = final(member_of[k])
        found = in_article.setdefault((block[k], article[k]), [])
        if not any(x is cl for x in found):
            found.append(cl)

    # 3. undated reports (publication day), then month/range reports, by period start
    lag, max_period = s.pub_lag_days, s.max_period_days
    periods: dict[tuple, list[list]] = {}
    rest = np.flatnonzero(precision != DAY)
    order = rest[np.lexsort((col["rank"][rest], col["lo"][rest], precision[rest], col["block"][rest]))]
    for k in order.tolist():
        a, r, p, c = spec_a[k], spec_r[k], spec_p[k], pc[k]
        b, d, l, h = block[k], day[k], lo[k], hi[k]
        chosen = None
        # the one day cluster of the same article that fits, inside the report's period
        first, last = (pub[k] - lag, pub[k]) if precision[k] == PUB else (l, min(h, pub[k]))
        own = [cl for cl in in_article.get((b, article[k]), ()) if first <= cl[_DAY] <= last]
        same = [cl for cl in own if fits(cl, a, r, p, c)]
        if not same and precision[k] == PUB:
            # an article's undated statements of one type between the same countries, with one
            # side the same, are one event however each sentence names the other ("the
            # authorities", "the hostages"); with both sides different they are not
            same = [cl for cl in own
                    if fits(cl, 0, 0, p, c) and (cl[_A] == a or cl[_R] == r)]
        if len(same) == 1:
            chosen = same[0]
            join(chosen, a, r, p, c, weight[k], pub[k])
        elif precision[k] == PUB:
            # the nearest dated cluster up to `lag` days before publication; else an undated
            # cluster of reports published within `lag` days
            best_key = None
            for dd in range(d - lag, d + lag + 1):
                for cl in by_day.get((b, dd), ()):
                    if cl[_INTO] is not None or (cl[_DATED] and dd > d) or not fits(cl, a, r, p, c):
                        continue
                    key = (cl[_DATED], cl[_CODE] == code[k], -abs(dd - d), cl[_SIZE], -cl[_LEADER])
                    if best_key is None or key > best_key:
                        chosen, best_key = cl, key
            if chosen is None:
                chosen = new(k, False)
                by_day.setdefault((b, d), []).append(chosen)
                in_article.setdefault((b, article[k]), []).append(chosen)
            else:
                join(chosen, a, r, p, c, weight[k], pub[k])
        else:
            # the one cluster (dated inside the period and not after publication, or undated
            # and published within the period) that fits; if there are several, the one
            # dated shortly before publication; else it is ambiguous: no merge
            if h - l <= max_period:
                found = []
                for dd in range(l, h + lag + 1):
                    for cl in by_day.get((b, dd), ()):
                        if (
                            cl[_INTO] is None
                            and (not cl[_DATED] or dd <= min(h, pub[k]))
                            and fits(cl, a, r, p, c)
                        ):
                            found.append(cl)
                if len(found) > 1:
                    found = [cl for cl in found if pub[k] - lag <= cl[_DAY] <= pub[k]]
                if len(found) == 1:
                    chosen = found[0]
            if chosen is None:
                for cl in periods.get((b, l, h), ()):
                    if fits(cl, a, r, p, c):
                        chosen = cl
                        break
            if chosen is None:
                chosen = new(k, False)
                periods.setdefault((b, l, h), []).append(chosen)
            else:
                join(chosen, a, r, p, c, weight[k], pub[k])
        member_of[k] = chosen

    leader = np.empty(n, dtype=np.int64)
    for k, cl in enumerate(member_of):
        leader[k] = final(cl)[_LEADER]
    return leader
