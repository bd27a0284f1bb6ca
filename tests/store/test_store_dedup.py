"""The store's dedup tables: migration 0002 on an old database, signatures, links, limits."""

from __future__ import annotations

import duckdb
import numpy as np
import pytest

from dyad.errors import DyadError
from dyad.store import Store, migrate
from dyad.store.migrations import packaged_migrations


def test_store_dedup_migration_upgrades_an_old_database(db_path, make_article, make_event):
    # a database made before issue #6: only migration 1
    con = duckdb.connect(str(db_path))
    migrate(con, packaged_migrations()[:1])
    con.close()
    with pytest.raises(DyadError, match="needs migration 2"):
        Store(db_path, read_only=True)
    a = make_article("a1", "Russia accused Ukraine.")
    with Store(db_path) as store:  # opening for writing applies 0002
        assert [n for n, _ in store.migrations()] == [1, 2]
        store.add_coded([(a, [make_event(a)])])
        assert store.cluster_counts() == {"clusters": 0, "reports": 0, "exact_copies": 0, "near_copies": 0, "signed": 0}
    with Store(db_path, read_only=True) as store:
        assert store.counts()["events"] == 1 and not store.has_clusters()


def test_store_dedup_signatures_roundtrip_and_resign(store, make_article):
    a, b, c = make_article("a", "one two three four five"), make_article("b", ""), make_article("c", "one two three")
    store.add_articles([a, b, c])
    batches = list(store.unsigned_articles())
    assert [[r[0] for r in batch] for batch in batches] == [["a", "b", "c"]]
    sig = (np.arange(384) % 256).astype(np.uint8).reshape(3, 128)
    bands = np.arange(126, dtype=np.uint64).reshape(3, 42)
    bands[2, :5] = bands[0, :5]  # c shares five buckets with a
    store.put_signatures(["a", "b", "c"], [x.content_hash for x in (a, b, c)], np.array([2, 0, 1]), sig, bands)
    assert list(store.unsigned_articles()) == []
    inputs = store.duplicate_candidates()
    assert inputs.ids == ["a", "c"] and (inputs.signatures == sig[[0, 2]]).all()  # b pairs with nobody
    assert inputs.shingles.tolist() == [2, 1] and list(zip(inputs.left, inputs.right)) == [(0, 1)]
    assert inputs.scope is None
    assert store.duplicate_candidates(["b"]).ids == [] and store.duplicate_candidates(["c"]).scope == ["c"]
    assert store.duplicate_candidates(["c"], neighbours=True).ids == ["a", "c"]  # its candidate, too
    assert store.duplicate_candidates(["a", "c"]).ids == ["a", "c"]
    # the empty article has no buckets; a changed article is signed again
    assert store._con.execute("SELECT count(*) FROM article_bands").fetchone() == (84,)
    store.add_articles([make_article("a", "new text here")])
    assert [r[0] for batch in store.unsigned_articles() for r in batch] == ["a"]
    store.put_signatures(["a"], ["h"], np.array([3]), sig[:1], bands[1:2])
    assert store._con.execute("SELECT count(*) FROM article_signatures").fetchone() == (3,)
    assert store._con.execute("SELECT count(*) FROM article_bands").fetchone() == (84,)


def test_store_dedup_put_links_reports_changes(store, make_article):
    store.add_articles([make_article("a", "x", source="AP"), make_article("b", "y", url="https://www.bbc.co.uk/n/1")])
    store._con.execute("INSERT INTO article_signatures SELECT id, content_hash, 1, ''::BLOB FROM articles")
    assert store.put_links(["b"], ["a"], ["near"], np.array([0.8])) == ["a", "b"]  # a: an original now
    assert store.article_links() == {"a": ("a", "original", 1.0), "b": ("a", "near", 0.8)}
    assert store.put_links(["b"], ["a"], ["near"], np.array([0.8])) == []
    assert store.put_links([], [], [], np.array([]), scope=["b"]) == ["b"]
    assert store.article_links()["b"] == ("b", "original", 1.0)
    sources = {s["source"]: s for s in store.sources()}
    assert sources["ap"]["originals"] == 1 and sources["bbc.co.uk"]["originals"] == 1
    assert store.put_links(["b"], ["a"], ["near"], np.array([0.8]), list_changed=False) == 1  # only counted
    assert store.article_links()["b"] == ("a", "near", 0.8)


def test_store_dedup_memory_limit(db_path):
    with Store(db_path, memory_limit="512MB") as store:
        limit = store._con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        assert limit.startswith("488") or "MiB" in limit or "MB" in limit


def test_store_dedup_bad_export_requests(store, tmp_path):
    with pytest.raises(ValueError):
        store.copy_table("articles", tmp_path / "x.csv", "csv")
    with pytest.raises(ValueError):
        store.copy_table("events", tmp_path / "x.xml", "xml")
    with pytest.raises(ValueError):
        list(store.export_rows("gdelt", "articles"))
    with pytest.raises(ValueError):
        store.dyad_counts("RUS", "UKR", period="decade")
