"""refresh(store): duplicate links and event clusters in a real DuckDB file."""

from __future__ import annotations

import pytest

from dyad.dedup import SYMMETRIC_TYPES, ClusterSettings, cluster_reports, refresh
from dyad.records import replace
from dyad.store import Store

FILLER = " ".join(f"word{i}" for i in range(60))
WIRE = "Russian forces shelled Kharkiv on Tuesday, officials said. " + FILLER


@pytest.fixture
def wire_world(make_article, make_event):
    """An AP story, a copy (Reuters), a rewrite (AFP) and an independent report (BBC) of one
    shelling, plus a German accusation on another day."""
    ap = make_article("ap1", WIRE, "2024-03-05", source="AP", url="https://apnews.com/1")
    reuters = make_article("rt1", WIRE, "2024-03-05", source="Reuters")
    afp = make_article("afp1", "KYIV (AFP) - " + WIRE.replace("officials said", "officials told AFP"), "2024-03-06", source="AFP")
    bbc = make_article("bbc1", "Russia shelled Kharkiv on Tuesday. The BBC spoke to residents of the city.", "2024-03-05", source="BBC")
    dw = make_article("dw1", "Germany accused Russia of war crimes. A different story.", "2024-03-20", source="DW")
    shell = dict(cameo="195", trigger="shelled", recipient=("Kharkiv", "UKR", None))
    coded = [
        (ap, [make_event(ap, actor=("Russian forces", "RUS", "MIL"), **shell)]),
        (reuters, [make_event(reuters, actor=("Russian forces", "RUS", "MIL"), **shell)]),
        (afp, [make_event(afp, actor=("Russian forces", "RUS", "MIL"), **shell)]),
        (bbc, [make_event(bbc, actor=("Russia", "RUS", None), confidence=0.6, **shell)]),
        (dw, [make_event(dw, actor=("Germany", "DEU", "GOV"), recipient=("Russia", "RUS", None))]),
    ]
    return coded


def _date_fixed(coded):
    """Give the shelling its day (make_event leaves the publication date) and its PLOVER type."""
    from datetime import date

    from dyad.records import EventDate

    out = []
    for article, events in coded:
        if article.id != "dw1":
            events = [
                replace(e, date=EventDate(date(2024, 3, 5), "day"), plover="ASSAULT", cameo_root="19", goldstein=-10.0,
                        quad_class=4)
                for e in events
            ]
        out.append((article, events))
    return out


def test_refresh_links_copies_to_their_original(store, wire_world):
    store.add_coded(_date_fixed(wire_world))
    report = refresh(store)
    links = store.article_links()
    assert links["ap1"] == ("ap1", "original", 1.0)
    assert links["rt1"][:2] == ("ap1", "exact")
    assert links["afp1"][:2] == ("ap1", "near") and links["afp1"][2] > 0.5
    assert links["bbc1"][0] == "bbc1" and links["dw1"][0] == "dw1"
    assert report.signed == 5 and report.duplicates == 2


def test_refresh_one_cluster_per_event_copies_not_independent(store, wire_world):
    store.add_coded(_date_fixed(wire_world))
    refresh(store)
    clusters = {c["block"]: c for c in store.clusters()}
    assert set(clusters) == {"ASSAULT|RUS|UKR", "ACCUSE|DEU|RUS"}
    shelling = clusters["ASSAULT|RUS|UKR"]
    assert shelling["num_mentions"] == 4 and shelling["num_articles"] == 4
    assert shelling["num_originals"] == 2  # AP (with its copy and rewrite) and the BBC
    assert shelling["num_sources"] == 2  # ... so two independent sources, not four
    assert shelling["actor_code"] == "RUSMIL"  # the most specific code of its reports
    assert shelling["first_seen"].isoformat() == "2024-03-05" and shelling["date"].isoformat() == "2024-03-05"
    assert shelling["sentence"].startswith("Russian forces shelled Kharkiv")  # from an original, most confident
    assert 0.8 < shelling["confidence"] < 1.0  # two independent reports (0.8, 0.6) -> 0.92
    assert shelling["confidence"] == pytest.approx(1 - 0.2 * 0.4)
    # every report stays, linked to its cluster
    members = store.cluster_members(shelling["cluster_id"])
    assert sorted(m["article_id"] for m in members) == ["afp1", "ap1", "bbc1", "rt1"]
    assert sum(m["leads"] for m in members) == 1


def test_refresh_sources_view(store, wire_world):
    store.add_coded(_date_fixed(wire_world))
    refresh(store)
    sources = {s["source"]: s for s in store.sources()}
    assert sources["ap"]["originals"] == 1 and sources["reuters"]["copies"] == 1 and sources["afp"]["copies"] == 1


def test_refresh_is_idempotent(db_path, wire_world):
    coded = _date_fixed(wire_world)
    with Store(db_path) as store:
        store.add_coded(coded)
        refresh(store)
        first = (store.article_links(), store.cluster_assignments(), store.clusters())
        store.add_coded(coded)  # the same articles again
        again = refresh(store)
        assert again.signed == 0
        assert (store.article_links(), store.cluster_assignments(), store.clusters()) == first
    with Store(db_path) as store:
        refresh(store, [a.id for a, _ in coded])
        assert (store.article_links(), store.cluster_assignments(), store.clusters()) == first


def test_refresh_recoded_article_leaves_no_stale_reports(store, wire_world, make_event):
    coded = _date_fixed(wire_world)
    store.add_coded(coded)
    refresh(store)
    bbc = coded[3][0]
    store.add_coded([(bbc, [])])  # the coder changed its mind: no event in the BBC story
    refresh(store, ["bbc1"])
    shelling = next(c for c in store.clusters() if c["block"] == "ASSAULT|RUS|UKR")
    assert shelling["num_mentions"] == 3 and shelling["num_sources"] == 1
    assert "bbc1" not in {m["article_id"] for m in store.cluster_members()}


def test_refresh_changed_text_is_signed_again(store, wire_world):
    coded = _date_fixed(wire_world)
    store.add_coded(coded)
    refresh(store)
    afp, events = coded[2]
    rewritten = replace(afp, text="An entirely new text about something else. " * 5)
    store.add_coded([(rewritten, [replace(e, sentence="x") for e in events])])
    report = refresh(store, ["afp1"])
    assert report.signed == 1
    assert store.article_links()["afp1"] == ("afp1", "original", 1.0)


def test_refresh_several_actors_give_several_reports(store, make_article, make_event):
    from dyad.records import Entity

    a = make_article("m1", "Russia and Belarus accused Ukraine.", "2024-03-01")
    event = make_event(a, actor=("Russia", "RUS", None))
    event = replace(event, actors=event.actors + [Entity("Belarus", (11, 18), name="Belarus", country="BLR", how="name")])
    store.add_coded([(a, [event])])
    refresh(store)
    assert {(c["actor_country"], c["recipient_country"]) for c in store.clusters()} == {("RUS", "UKR"), ("BLR", "UKR")}
    assert sorted(store.cluster_assignments()) == [(event.event_id, 0, 0), (event.event_id, 1, 0)]


def test_refresh_meetings_are_symmetric(store, make_article, make_event):
    a = make_article("c1", "France met Germany in Paris.", "2024-03-01")
    b = make_article("c2", "Germany met France in Paris yesterday.", "2024-03-01")
    meet = dict(cameo="042", trigger="met", place=("Paris", "FRA"))
    store.add_coded(
        [
            (a, [make_event(a, actor=("France", "FRA", "GOV"), recipient=("Germany", "DEU", "GOV"), **meet)]),
            (b, [make_event(b, actor=("Germany", "DEU", "GOV"), recipient=("France", "FRA", "GOV"), **meet)]),
        ]
    )
    refresh(store)
    assert len(store.clusters()) == 1
    assert store.clusters()[0]["num_mentions"] == 2


def test_refresh_empty_store(store):
    report = refresh(store)
    assert (report.signed, report.reports, report.clusters) == (0, 0, 0)
    assert store.cluster_counts()["clusters"] == 0


def test_refresh_generated_corpus_quality_and_incremental(tmp_path, gen_corpus):
    """A small generated corpus: quality floors, and batch-by-batch refresh equals one full refresh."""
    corpus = gen_corpus.generate(250, seed=3)
    with Store(tmp_path / "full.duckdb") as store:
        store.add_coded(corpus.coded)
        refresh(store)
        full = (store.article_links(), store.cluster_assignments())
        truth_links = {a.id: corpus.original_of.get(a.id, a.id) for a in corpus.articles}
    p, r = _pairwise({a: o for a, (o, _, _) in full[0].items()}, truth_links)
    assert p >= 0.98 and r >= 0.95, (p, r)
    p, r = _pairwise(full[1], corpus.report_truth)
    assert p >= 0.9 and r >= 0.9, (p, r)
    ordered = sorted(corpus.coded, key=lambda ac: (ac[0].date, ac[0].id))
    with Store(tmp_path / "incremental.duckdb") as store:
        for i in range(0, len(ordered), 300):
            batch = ordered[i : i + 300]
            store.add_coded(batch)
            refresh(store, [a.id for a, _ in batch])
        assert (store.article_links(), store.cluster_assignments()) == full


def _pairwise(pred, truth):
    from collections import Counter

    items = [k for k in truth if k in pred]
    pairs = lambda c: sum(n * (n - 1) // 2 for n in c.values())  # noqa: E731
    tp = pairs(Counter((pred[k], truth[k]) for k in items))
    return tp / max(1, pairs(Counter(pred[k] for k in items))), tp / max(1, pairs(Counter(truth[k] for k in items)))


def test_refresh_in_parts_equals_one_part(tmp_path, gen_corpus):
    """Clustering a big store part by part (whole blocks) gives what one pass gives."""
    corpus = gen_corpus.generate(120, seed=5)
    with Store(tmp_path / "parts.duckdb") as store:
        store.add_coded(corpus.coded)
        refresh(store)
        one = (store.cluster_assignments(), store.clusters())
        settings = ClusterSettings()
        result = store.recluster(
            lambda arrays: cluster_reports(arrays, settings), symmetric=SYMMETRIC_TYPES, part_size=150, chunk_size=40
        )
        assert result.parts > 2 and result.reports == len(one[0])
        assert result.clusters == len(one[1])
        assert (store.cluster_assignments(), store.clusters()) == one
        links = store.article_links()
        store.BAND_ENTRIES_PER_PART = 2000  # relink in parts: buckets by remainder
        refresh(store)
        assert store.article_links() == links


def test_refresh_undated_copy_follows_its_original(store, make_article, make_event):
    """A wire copy published a day later: its undated report is dated by the original's
    publication, so it stays with the original, not with another report of the later day."""
    from datetime import date

    from dyad.records import EventDate

    text = "Russia accused Ukraine of shelling the plant, officials said. " + FILLER
    orig = make_article("orig", text, "2024-03-05", source="AP")
    copy = make_article("copy", text, "2024-03-06", source="Reuters")
    other = make_article("other", "Russia accused Ukraine again in a separate statement.", "2024-03-06", source="DW")
    events = {a.id: make_event(a) for a in (orig, copy, other)}  # no date in the text: "pub"
    events["other"] = replace(events["other"], date=EventDate(date(2024, 3, 6), "day"))
    store.add_coded([(a, [events[a.id]]) for a in (orig, copy, other)])
    refresh(store)
    assert store.article_links()["copy"][0] == "orig"
    cluster = {a: store.cluster_assignments()[(e.event_id, 0, 0)] for a, e in events.items()}
    assert cluster["copy"] == cluster["orig"] != cluster["other"]


def test_refresh_one_sided_reports_stay_in_their_article(store, make_article, make_event):
    """A report with only an actor (or only a recipient) links with the reports of its own
    article, whatever the side, not with another article's: "Russia accused" twice in two
    stories on one day is two statements, not one."""
    one = make_article("one", "Russia accused its critics. Critics accused Russia of lying.", "2024-03-05", source="AP")
    two = make_article("two", "Russia accused unnamed foreign agents.", "2024-03-05", source="DW")
    events = {
        "one-actor": make_event(one, recipient=None),
        "one-recipient": make_event(one, actor=None, recipient=("Russia", "RUS", "GOV")),
        "two-actor": make_event(two, recipient=None),
    }
    store.add_coded([(one, [events["one-actor"], events["one-recipient"]]), (two, [events["two-actor"]])])
    refresh(store)
    got = store.cluster_assignments()
    cluster = {k: next(c for (e, _, _), c in got.items() if e == ev.event_id) for k, ev in events.items()}
    assert cluster["one-actor"] == cluster["one-recipient"] != cluster["two-actor"]


def test_refresh_rebels_insurgents_separatists_are_one_sector(store, make_article, make_event):
    day = "2024-03-05"
    texts = {"a": "Pakistani forces attacked militants.", "b": "Pakistani forces attacked separatists.",
             "c": "Pakistani forces attacked soldiers."}
    arts = {k: make_article(k, t, day, source=k) for k, t in texts.items()}
    targets = {"a": ("militants", "PAK", "INS"), "b": ("separatists", "PAK", "SEP"), "c": ("soldiers", "PAK", "MIL")}
    forces = ("Pakistani forces", "PAK", "MIL")
    events = {k: make_event(a, "190", trigger="attacked", actor=forces, recipient=targets[k]) for k, a in arts.items()}
    store.add_coded([(arts[k], [events[k]]) for k in arts])
    refresh(store)
    got = store.cluster_assignments()
    cluster = {k: got[(e.event_id, 0, 0)] for k, e in events.items()}
    assert cluster["a"] == cluster["b"] != cluster["c"]
    assert {m["recipient_code"] for m in store.cluster_members(cluster["a"])} == {"PAKINS", "PAKSEP"}


def test_refresh_one_sided_reports_incremental_equals_full(tmp_path, make_article, make_event):
    """One-sided reports are blocked by their article's original: a copy arriving later
    joins its original's block, incrementally as in a full rebuild."""
    text = "Russia accused its critics of lying, officials said. " + FILLER
    orig = make_article("orig", text, "2024-03-05", source="AP")
    copy = make_article("copy", text, "2024-03-06", source="Reuters")
    other = make_article("other", "Russia accused unnamed foreign agents.", "2024-03-05", source="DW")
    coded = [(a, [make_event(a, recipient=None)]) for a in (orig, other, copy)]
    with Store(tmp_path / "full.duckdb") as store:
        store.add_coded(coded)
        refresh(store)
        full = (store.article_links(), store.cluster_assignments())
    assert len(set(full[1].values())) == 2  # orig with its copy; the other story alone
    with Store(tmp_path / "step.duckdb") as store:
        store.add_coded(coded[:2])
        refresh(store, ["orig", "other"])
        store.add_coded(coded[2:])
        refresh(store, ["copy"])
        assert (store.article_links(), store.cluster_assignments()) == full


def test_refresh_unidentified_attackers_fit_a_named_group(store, make_article, make_event):
    """Gunmen nobody identified (UAF) fit the armed group another story names, as a bare
    country does; two named groups still do not."""
    day = "2024-03-05"
    texts = {k: f"{who} attacked the train." for k, who in (("a", "Gunmen"), ("b", "Militants"), ("c", "Soldiers"))}
    arts = {k: make_article(k, t, day, source=k) for k, t in texts.items()}
    actors = {"a": ("Gunmen", "PAK", "UAF"), "b": ("Militants", "PAK", "INS"), "c": ("Soldiers", "PAK", "MIL")}
    events = {k: make_event(a, "190", trigger="attacked", actor=actors[k], recipient=("train", "PAK", "CVL"))
              for k, a in arts.items()}
    store.add_coded([(arts[k], [events[k]]) for k in arts])
    refresh(store)
    got = store.cluster_assignments()
    cluster = {k: got[(e.event_id, 0, 0)] for k, e in events.items()}
    assert cluster["a"] in (cluster["b"], cluster["c"]) and cluster["b"] != cluster["c"]


def test_refresh_an_organisations_ministers_are_the_organisation(store, make_article, make_event):
    """"G7 foreign ministers" (IGOGOVGOS) and "the G7" (IGOGOS) urging Russia the same day are
    one statement; another organisation (IGOGSS) is not the same actor."""
    day = "2024-03-05"
    texts = {"a": "G7 ministers urged Russia.", "b": "The G7 urged Russia.", "c": "The G77 urged Russia."}
    arts = {k: make_article(k, t, day, source=k) for k, t in texts.items()}
    actors = {"a": ("G7 ministers", "IGO", "GOVGOS"), "b": ("The G7", "IGO", "GOS"), "c": ("The G77", "IGO", "GSS")}
    events = {k: make_event(a, "112", trigger="urged", actor=actors[k], recipient=("Russia", "RUS", None))
              for k, a in arts.items()}
    store.add_coded([(arts[k], [events[k]]) for k in arts])
    refresh(store)
    got = store.cluster_assignments()
    cluster = {k: got[(e.event_id, 0, 0)] for k, e in events.items()}
    assert cluster["a"] == cluster["b"] != cluster["c"]
