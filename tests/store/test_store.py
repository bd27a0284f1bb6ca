"""dyad.store.Store on a DuckDB file: idempotence, replace-on-recode, queries, migrations."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from dyad.errors import DyadError
from dyad.records import replace
from dyad.store import Migration, Store, migrate
from dyad.store.migrations import packaged_migrations

# The packaged migrations, as Store.migrations() lists them once applied.
PACKAGED = [(m.number, m.name) for m in packaged_migrations()]
NEXT = PACKAGED[-1][0] + 1  # a number no packaged migration uses


@pytest.fixture
def two_articles(make_article, make_event):
    """Two articles with three events between them."""
    a = make_article("a1", "Russia accused Ukraine. France signed a deal with Germany in Paris.", "2024-03-01")
    b = make_article("b2", "Germany accused Russia of lying.", "2024-03-05")
    events = {
        "a1": [
            make_event(a),
            make_event(a, "057", trigger="signed", actor=("France", "FRA", "GOV"), recipient=("Germany", "DEU", "GOV"), place=("Paris", "FRA")),
        ],
        "b2": [make_event(b, actor=("Germany", "DEU", "GOV"), recipient=("Russia", "RUS", None))],
    }
    return [a, b], events


def store_all(store, articles, events):
    return store.add_coded([(a, events[a.id]) for a in articles])


def test_store_roundtrips_event_records(store, two_articles):
    articles, events = two_articles
    assert store_all(store, articles, events) == 3
    assert store.events(article_id="a1") == [e.to_dict() for e in events["a1"]]
    assert store.events() == [e.to_dict() for e in events["a1"] + events["b2"]]


def test_store_same_articles_twice_same_rows(store, two_articles):
    articles, events = two_articles
    store_all(store, articles, events)
    first = store.counts()
    store_all(store, articles, events)
    store.add_articles(articles)
    assert store.counts() == first == {"articles": 2, "coded": 2, "events": 3, "entities": 6}


def test_store_idempotent_across_reopen(db_path, two_articles):
    articles, events = two_articles
    for _ in range(2):
        with Store(db_path) as store:
            store_all(store, articles, events)
    with Store(db_path) as store:
        assert store.counts()["events"] == 3
        assert store.migrations() == PACKAGED


def test_store_recode_replaces_events(store, two_articles, make_event):
    articles, events = two_articles
    store_all(store, articles, events)
    a = articles[0]
    # The coder changed its mind: one event, a different one.
    new = [make_event(a, "042", trigger="signed", actor=("France", "FRA", None), recipient=None)]
    assert store.add_events("a1", new) == 1
    assert [r["cameo"] for r in store.events(article_id="a1")] == ["042"]
    assert store.counts() == {"articles": 2, "coded": 2, "events": 2, "entities": 3}
    # ...and to none at all: the article stays, coded, with no events.
    store.add_coded([(a, [])])
    assert store.events(article_id="a1") == []
    assert store.counts()["coded"] == 2
    assert store.events(article_id="b2")  # the other article lost nothing


def test_store_failed_recode_keeps_old_events(store, two_articles):
    articles, events = two_articles
    store_all(store, articles, events)
    broken = dict(events["a1"][0].to_dict(), cameo=None)  # NOT NULL column: the insert fails
    with pytest.raises(duckdb.ConstraintException):
        store.add_events("a1", [broken])
    assert [r["cameo"] for r in store.events(article_id="a1")] == ["112", "057"]


def test_store_repeated_event_ids_stored_once(store, two_articles):
    articles, events = two_articles
    a = articles[0]
    assert store.add_coded([(a, events["a1"] + events["a1"][:1])]) == 2
    assert store.counts()["events"] == 2


def test_store_events_must_belong_to_the_article(store, two_articles):
    articles, events = two_articles
    with pytest.raises(ValueError, match="belongs to 'b2'"):
        store.add_coded([(articles[0], events["b2"])])
    with pytest.raises(DyadError, match="no article"):
        store.add_events("zz", [])


def test_store_add_articles_counts_new_and_changed(store, two_articles):
    articles, events = two_articles
    assert store.add_articles(articles) == 2
    assert store.add_articles(articles) == 0
    assert store.has_article("a1") and store.has_article("a1", articles[0].content_hash)
    assert not store.has_article("a1", "0" * 16) and not store.has_article("zz")
    assert store.coded_hashes(["a1", "b2"]) == {}  # stored, not coded
    store_all(store, articles, events)
    assert store.coded_hashes(["a1", "b2", "zz"]) == {a.id: a.content_hash for a in articles}
    # New text under an old id: the row is updated and the stale events go.
    changed = replace(articles[0], text="A different story entirely.")
    assert store.add_articles([changed]) == 1
    assert store.events(article_id="a1") == []
    assert store.coded_hashes(["a1"]) == {}
    assert [a.text for a in store.articles() if a.id == "a1"] == ["A different story entirely."]


def test_store_articles_roundtrip(store, make_article):
    a = make_article("x", "Body.", "2024-01-02", title="T", url="http://e.x", source="wire", origin="f.jsonl:3")
    store.add_articles([a])
    assert store.articles() == [a]


def test_store_queries(store, two_articles):
    articles, events = two_articles
    store_all(store, articles, events)
    ids = lambda records: [(r["article_id"], r["cameo"]) for r in records]  # noqa: E731
    assert ids(store.events(cameo_root="11")) == [("a1", "112"), ("b2", "112")]
    assert ids(store.events(country="DEU")) == [("a1", "057"), ("b2", "112")]  # actor or recipient
    assert ids(store.events(country="UKR")) == [("a1", "112")]
    assert ids(store.events(since="2024-03-02")) == [("b2", "112")]
    assert ids(store.events(until=date(2024, 3, 1))) == [("a1", "112"), ("a1", "057")]
    assert ids(store.events(country="RUS", cameo_root="11", since="2024-03-02")) == [("b2", "112")]
    assert ids(store.events(article_id=["b2", "zz"])) == [("b2", "112")]
    assert len(store.events(limit=1)) == 1 and len(store.events(limit=0)) == 0
    assert store.events(country="FRA' OR '1'='1") == []  # bound, not spliced


def test_store_aggregates(store, two_articles):
    articles, events = two_articles
    store_all(store, articles, events)
    assert store.count_events_by("quad_class") == [(3, 2), (1, 1)]
    assert store.count_events_by("plover") == [("ACCUSE", 2), ("SUPPORT", 1)]
    assert store.top_dyads() == [("DEUGOV", "RUS", 1), ("FRAGOV", "DEUGOV", 1), ("RUSGOV", "UKR", 1)]
    with pytest.raises(ValueError):
        store.count_events_by("record; DROP TABLE events")


def test_store_query_columns(store, two_articles):
    articles, events = two_articles
    store_all(store, articles, events)
    row = store._con.execute(
        "SELECT actor_code, actor_country, recipient_code, place, place_country, plover, quad_class, seq "
        "FROM events WHERE cameo = '057'"
    ).fetchone()
    assert row == ("FRAGOV", "FRA", "DEUGOV", "Paris", "FRA", "SUPPORT", 1, 2)
    entities = store._con.execute(
        "SELECT role, position, text, country, code, span_start, span_end FROM entities "
        "WHERE article_id = 'a1' ORDER BY event_id, role, position"
    ).fetchall()
    assert ("actor", 0, "France", "FRA", "FRAGOV", 24, 30) in entities


def test_store_read_only(db_path, tmp_path, two_articles):
    with pytest.raises(DyadError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)
    assert not (tmp_path / "missing.duckdb").exists()
    articles, events = two_articles
    with Store(db_path) as store:
        store_all(store, articles, events)
    with Store(db_path, read_only=True) as store:
        assert store.counts()["events"] == 3
        with pytest.raises(duckdb.Error):
            store.add_articles([replace(articles[0], text="changed")])


def test_store_migrations_recorded_once(db_path):
    with Store(db_path) as store:
        assert store.migrations() == PACKAGED
        assert PACKAGED[:2] == [(1, "schema"), (2, "dedup_clusters")]
    con = duckdb.connect(str(db_path))
    try:
        extra = Migration(NEXT, "add_notes", "ALTER TABLE articles ADD COLUMN notes VARCHAR")
        assert migrate(con) == []  # nothing pending
        assert migrate(con, [extra]) == [NEXT]
        assert migrate(con, [extra]) == []
        assert [r[:2] for r in con.execute("SELECT number, name FROM migrations ORDER BY 1").fetchall()] == [
            *PACKAGED,
            (NEXT, "add_notes"),
        ]
        assert "notes" in [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
    finally:
        con.close()


def test_store_failed_migration_rolls_back(db_path):
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    try:
        bad = Migration(NEXT, "broken", "ALTER TABLE articles ADD COLUMN x INT; SELECT * FROM no_such_table")
        with pytest.raises(duckdb.Error):
            migrate(con, [bad])
        assert con.execute("SELECT max(number) FROM migrations").fetchone() == (PACKAGED[-1][0],)
        assert "x" not in [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
    finally:
        con.close()


def test_store_only_store_holds_sql():
    """No module outside dyad.store talks to DuckDB."""
    from pathlib import Path

    import dyad

    root = Path(dyad.__file__).parent
    offenders = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "import duckdb" in p.read_text(encoding="utf-8") and p.parent.name != "store"
    ]
    assert offenders == []
