"""cluster_reports: which reports are the same real-world event (pure, on arrays)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from dyad.dedup.events import DAY, FIELDS, PERIOD, PUB, ClusterSettings, cluster_reports

EPOCH = date(1970, 1, 1)
CODES: dict[str, int] = {}


def code(value):
    return 0 if value is None else CODES.setdefault(value, len(CODES) + 1)


def report(day="2024-03-05", *, precision="day", actor="RUSMIL", recipient="UKR", place=None, feature="city",
           block="ASSAULT|RUS|UKR", pub=None, end=None, weight=1.0, atom=None, published=None, article=None,
           cameo="190"):
    d = (date.fromisoformat(day) - EPOCH).days
    lo = hi = d
    kind = {"day": DAY, "pub": PUB, "month": PERIOD, "range": PERIOD}[precision]
    if precision == "month":
        first = date.fromisoformat(day).replace(day=1)
        lo = (first - EPOCH).days
        nxt = first.replace(month=first.month % 12 + 1, year=first.year + first.month // 12)
        hi = (nxt - EPOCH).days - 1
    elif precision == "range":
        hi = (date.fromisoformat(end) - EPOCH).days
    return {
        "block": code(block),
        "precision": kind,
        "day": d,
        "lo": lo,
        "hi": hi,
        "actor": code(actor),
        "actor_bare": actor is None or len(actor) == 3,
        "recipient": code(recipient),
        "recipient_bare": recipient is None or len(recipient) == 3,
        "place": code(place),
        "place_generic": place is None or feature in ("country", "admin1"),
        "place_country": code("UKR") if place else 0,
        "weight": weight,
        "atom": atom if atom is not None else weight,
        "rank": 0,
        # the article's publication day (default: the report's own day) and its id (default: its own)
        "pub": d if published is None else (date.fromisoformat(published) - EPOCH).days,
        "article": article if article is not None else -1,
        "code": code(cameo),
    }


def cluster(*reports, settings=None):
    rows = list(reports)
    for i, r in enumerate(rows):
        r["rank"] = i
        if r["article"] == -1:
            r["article"] = 1000 + i
    # atoms: reports with the same attributes, as the store counts them
    keys = [(r["block"], r["day"], r["precision"], r["actor"], r["recipient"], r["place"]) for r in rows]
    for r, k in zip(rows, keys):
        r["atom"] = sum(o["weight"] for o, ko in zip(rows, keys) if ko == k)
    arrays = {f: np.array([r[f] for r in rows]) for f in FIELDS}
    leaders = cluster_reports(arrays, settings)
    # as groups of report indices, in order
    groups: dict[int, list[int]] = {}
    for i, leader in enumerate(leaders.tolist()):
        groups.setdefault(leader, []).append(i)
    return sorted(groups.values())


def test_events_same_day_same_dyad_one_cluster():
    assert cluster(report(), report(), report(actor="RUS")) == [[0, 1, 2]]


def test_events_different_blocks_never_merge():
    assert cluster(report(), report(block="ASSAULT|RUS|POL")) == [[0], [1]]


def test_events_sectors_of_one_country_are_different_actors():
    # RUSGOV and RUSMIL on the same day are two events; the bare RUS report joins the bigger
    groups = cluster(report(actor="RUSGOV"), report(actor="RUSMIL"), report(actor="RUSMIL"), report(actor="RUS"))
    assert groups == [[0], [1, 2, 3]]


def test_events_towns_apart_are_different_events_a_country_fits_both():
    groups = cluster(
        report(place="Kharkiv"), report(place="Kharkiv"), report(place="Odesa"),
        report(place="Ukraine", feature="country"),
    )  # fmt: skip
    assert groups == [[0, 1, 3], [2]]


def test_events_a_minority_one_day_off_joins_the_majority():
    days = ["2024-03-05"] * 4 + ["2024-03-06"]
    assert cluster(*(report(d) for d in days)) == [[0, 1, 2, 3, 4]]


def test_events_a_slip_keeps_the_event_code():
    # one source a day off is the same event only if it says the same thing: a lone
    # "fired artillery" (194) a day after four reports of an aerial attack (195) is its own
    days = ["2024-03-05"] * 4
    assert cluster(*(report(d, cameo="195") for d in days), report("2024-03-06", cameo="194")) == [[0, 1, 2, 3], [4]]


def test_events_a_vague_report_follows_its_own_article():
    # "the Russian army shelled Kharkiv" and, later in the same article, "Russia shelled ...":
    # the bare report is the article's own RUSMIL event, although RUSGOV's cluster is bigger
    groups = cluster(
        report(actor="RUSGOV", article=1), report(actor="RUSGOV", article=2), report(actor="RUSGOV", article=3),
        report(actor="RUSMIL", article=4), report(actor="RUS", article=4), report(actor="RUS", article=5),
    )  # fmt: skip
    assert groups == [[0, 1, 2, 5], [3, 4]]


def test_events_a_vague_report_prefers_the_cluster_of_its_code():
    # a bare-actor report fits both sectors' clusters: the one reporting the same code wins over size
    groups = cluster(
        report(actor="RUSGOV", cameo="190"), report(actor="RUSGOV", cameo="190"),
        report(actor="RUSMIL", cameo="195"), report(actor="RUS", cameo="195"),
    )  # fmt: skip
    assert groups == [[0, 1], [2, 3]]
    # an undated report: the cluster of its code before the nearer one
    groups = cluster(
        report("2024-03-04", cameo="195"), report("2024-03-05", cameo="190"),
        report("2024-03-05", precision="pub", cameo="195"),
    )  # fmt: skip
    assert groups == [[0, 2], [1]]


def test_events_equal_days_apart_stay_apart():
    # two reports each on consecutive days: daily shelling, not one event
    days = ["2024-03-05", "2024-03-05", "2024-03-06", "2024-03-06"]
    assert cluster(*(report(d) for d in days)) == [[0, 1], [2, 3]]


def test_events_copies_count_once():
    # three copies of one article (weight 1/3 each) on day 6 are one source against two on
    # day 5: they are the minority and join day 5's cluster, which keeps its leader
    reports = [report("2024-03-05"), report("2024-03-05")] + [report("2024-03-06", weight=1 / 3) for _ in range(3)]
    assert cluster(*reports) == [[0, 1, 2, 3, 4]]
    arrays = {f: np.array([r[f] for r in reports]) for f in FIELDS}
    assert set(cluster_reports(arrays).tolist()) == {0}
    # counted as three sources, they would outweigh day 5 and neither side would be a minority
    days = ["2024-03-05"] * 2 + ["2024-03-06"] * 3
    assert cluster(*(report(d) for d in days)) == [[0, 1], [2, 3, 4]]


def test_events_undated_report_joins_the_nearest_earlier_day():
    groups = cluster(
        report("2024-03-03"), report("2024-03-04"),
        report("2024-03-05", precision="pub"),  # published on the 5th, no date in the text
    )  # fmt: skip
    assert groups == [[0], [1, 2]]


def test_events_undated_report_not_after_publication_nor_too_early():
    groups = cluster(report("2024-03-06"), report("2024-03-01"), report("2024-03-05", precision="pub"))
    assert groups == [[0], [1], [2]]


def test_events_undated_reports_of_nearby_days_cluster_together():
    assert cluster(report("2024-03-05", precision="pub"), report("2024-03-06", precision="pub")) == [[0, 1]]


def test_events_month_report_joins_only_an_unambiguous_cluster():
    one = cluster(report("2024-03-12"), report("2024-03-20", precision="month"))
    assert one == [[0, 1]]
    late = dict(precision="month", published="2024-04-10")
    two = cluster(report("2024-03-12"), report("2024-03-25"), report("2024-03-20", **late))
    assert two == [[0], [1], [2]]


def test_events_no_event_after_its_report_was_published():
    # a month report published on the 20th cannot be about the 25th's event
    groups = cluster(report("2024-03-12"), report("2024-03-25"), report("2024-03-20", precision="month"))
    assert groups == [[0, 2], [1]]
    # nor does one source dated a day before another cluster join it when it was published that day
    early = cluster(report("2024-03-06"), report("2024-03-06"), report("2024-03-06"), report("2024-03-05"))
    assert early == [[0, 1, 2], [3]]


def test_events_several_clusters_in_the_month_the_one_just_before_publication():
    groups = cluster(
        report("2024-03-03"), report("2024-03-18"),
        report("2024-03-20", precision="month", published="2024-03-19"),
    )  # fmt: skip
    assert groups == [[0], [1, 2]]


def test_events_two_sources_on_a_day_are_an_event_not_a_slip():
    # one report a day off joins a bigger neighbour; two independent reports agreeing on the
    # day are an event of their own, even beside a much bigger cluster
    big = [report("2024-03-05") for _ in range(6)]
    assert cluster(*big, report("2024-03-06")) == [[0, 1, 2, 3, 4, 5, 6]]
    assert cluster(*big, report("2024-03-06"), report("2024-03-06")) == [[0, 1, 2, 3, 4, 5], [6, 7]]
    settings = ClusterSettings(slip_reports=2)
    assert cluster(*big, report("2024-03-06"), report("2024-03-06"), settings=settings) == [list(range(8))]


def test_events_an_article_that_dates_an_event_once_means_it_throughout():
    # the same article says "on Tuesday" once and gives no date (or only the month) elsewhere;
    # another cluster is nearer its publication, but its own dated report decides
    groups = cluster(
        report("2024-03-04", article=1, published="2024-03-06"),
        report("2024-03-06", precision="pub", article=1),
        report("2024-03-20", precision="month", article=1, published="2024-03-06"),
        report("2024-03-05", article=2, published="2024-03-06"),
        report("2024-03-06", precision="pub", article=4),
    )  # fmt: skip
    assert groups == [[0, 1, 2], [3, 4]]


def test_events_an_undated_copy_is_dated_by_its_original():
    # the store gives a copy's undated report its original's publication day and article;
    # here: a copy published a day later still joins its original's cluster
    groups = cluster(
        report("2024-03-05"), report("2024-03-06"), report("2024-03-06"),
        report("2024-03-05", precision="pub", article=7),
        report("2024-03-05", precision="pub", article=7, weight=0.5),
    )  # fmt: skip
    assert groups == [[0, 3, 4], [1, 2]]


def test_events_range_report_joins_a_cluster_inside_it():
    weekend = report("2024-03-11", precision="range", end="2024-03-13", published="2024-03-13")
    groups = cluster(report("2024-03-12"), weekend)
    assert groups == [[0, 1]]


def test_events_leader_is_a_report_of_the_cluster_and_empty_input():
    assert cluster_reports({f: np.array([]) for f in FIELDS}).tolist() == []
    arrays = {f: np.array([v]) for f, v in report().items()}
    assert cluster_reports(arrays).tolist() == [0]


@pytest.mark.parametrize("sides, want", [
    # one article, undated: "the group gave the authorities 48 hours" and "threatening to kill
    # the hostages": the same actor, the recipient named two ways, one statement; the same in
    # another article (the last report) stays apart
    ([("PAKSEP", "PAKGOV", 1), ("PAKSEP", "PAKCVL", 1), ("PAKSEP", "PAKCVL", 2)], [[0, 1], [2]]),
    # "gunmen kidnapped schoolgirls" and "the government fought the insurgents", one article:
    # both sides different are two events, and a bare side is not "the same side" as a specific one
    ([("NGAINS", "NGAEDU", 1), ("NGAGOV", "NGAINS", 1), ("NGA", "NGACOP", 1)], [[0], [1], [2]]),
])
def test_events_an_article_names_one_side_two_ways_but_not_both(sides, want):
    block = "THREAT|" + sides[0][0][:3] + "|" + sides[0][1][:3]
    reports = [report("2024-03-05", precision="pub", actor=a, recipient=r, block=block, article=art)
               for a, r, art in sides]
    assert cluster(*reports) == want
