"""``Store``: articles and coded events in a DuckDB file.

The only module of dyad that holds SQL (with ``schema.sql`` and the numbered
migrations beside it). Every value is a bound parameter. A batch travels as
one bound string of JSON lines that DuckDB splits and parses itself, so big
batches cost one statement, not one per row.

Idempotence: articles are keyed by id and their content hash; an article's
events are replaced as a whole, in one transaction, whenever it is coded
again. Running the same articles twice gives the same rows.
"""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from datetime import date as Date
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

import duckdb

from dyad.errors import DyadError
from dyad.records import Article, Event
from dyad.store.clusters import ClusterQueries
from dyad.store.exports import ExportQueries
from dyad.store.migrations import migrate, packaged_migrations, pending

log = logging.getLogger(__name__)

EventLike = Event | Mapping[str, Any]

MEMORY = ":memory:"

# json_transform structures: the parts of a JSON line the tables copy.
_ARTICLE_SHAPE = json.dumps(
    {
        "id": "VARCHAR",
        "date": "DATE",
        "title": "VARCHAR",
        "url": "VARCHAR",
        "source": "VARCHAR",
        "text": "VARCHAR",
        "content_hash": "VARCHAR",
        "origin": "VARCHAR",
    }
)
_ENTITY_SHAPE = {
    "text": "VARCHAR",
    "name": "VARCHAR",
    "country": "VARCHAR",
    "sector": "VARCHAR",
    "code": "VARCHAR",
    "how": "VARCHAR",
    "span": ["INTEGER"],
}
_EVENT_SHAPE = json.dumps(
    {
        "event_id": "VARCHAR",
        "article_id": "VARCHAR",
        "pub_date": "DATE",
        "date": "DATE",
        "date_precision": "VARCHAR",
        "date_end": "DATE",
        "cameo": "VARCHAR",
        "cameo_root": "VARCHAR",
        "goldstein": "DOUBLE",
        "quad_class": "INTEGER",
        "plover": "VARCHAR",
        "plover_mode": "VARCHAR",
        "contexts": ["VARCHAR"],
        "actors": [_ENTITY_SHAPE],
        "recipients": [_ENTITY_SHAPE],
        "location": {"name": "VARCHAR", "country": "VARCHAR"},
        "sentence": "VARCHAR",
        "confidence": "DOUBLE",
        "modality": "VARCHAR",
        "coder": {"kind": "VARCHAR", "name": "VARCHAR"},
    }
)

_IDS = "(SELECT unnest(from_json($ids, '[\"VARCHAR\"]')))"

_UPSERT_ARTICLES = f"""
INSERT INTO articles (id, date, title, url, source, text, content_hash, origin, coded_at)
SELECT a.id, a.date, coalesce(a.title, ''), a.url, a.source, a.text, a.content_hash, a.origin, $coded_at
FROM (SELECT json_transform(j, '{_ARTICLE_SHAPE}') AS a FROM (SELECT unnest(string_split($lines, chr(10))) AS j))
ON CONFLICT (id) DO UPDATE SET
    date = excluded.date, title = excluded.title, url = excluded.url, source = excluded.source,
    text = excluded.text, content_hash = excluded.content_hash, origin = excluded.origin,
    coded_at = excluded.coded_at
"""

_STAGE_EVENTS = f"""
CREATE OR REPLACE TEMP TABLE batch_events AS
SELECT seq, record, json_transform(record, '{_EVENT_SHAPE}') AS r
FROM (
    SELECT unnest(lines) AS record, generate_subscripts(lines, 1) AS seq
    FROM (SELECT string_split($lines, chr(10)) AS lines)
)
"""

_INSERT_EVENTS = """
INSERT INTO events
SELECT r.event_id, r.article_id, seq, r.pub_date, coalesce(r.date, r.pub_date),
       coalesce(r.date_precision, 'pub'), r.date_end, r.cameo, r.cameo_root, r.goldstein,
       r.quad_class, r.plover, r.plover_mode, coalesce(r.contexts, []),
       r.actors[1].code, r.actors[1].country, r.recipients[1].code, r.recipients[1].country,
       r.location.name, r.location.country, r.sentence, r.confidence, r.modality,
       r.coder.kind, r.coder.name, record
FROM batch_events
"""

_INSERT_ENTITIES = """
INSERT INTO entities
SELECT event_id, article_id, role, position, e.text, e.name, e.country, e.sector, e.code, e.how,
       e.span[1], e.span[2]
FROM (
    SELECT r.event_id, r.article_id, 'actor' AS role,
           generate_subscripts(r.actors, 1) - 1 AS position, unnest(r.actors) AS e
    FROM batch_events
    UNION ALL
    SELECT r.event_id, r.article_id, 'recipient',
           generate_subscripts(r.recipients, 1) - 1, unnest(r.recipients)
    FROM batch_events
)
"""

# Columns that events may be counted by (see Store.count_events_by).
COUNTABLE = frozenset(
    {"quad_class", "plover", "cameo", "cameo_root", "modality", "coder", "date_precision", "actor_country"}
)


class Store(ClusterQueries, ExportQueries):
    """Articles and their coded events in one DuckDB file.

    >>> with Store("dyad.duckdb") as store:
    ...     store.add_coded([(article, events)])
    ...     store.events(country="RUS", limit=10)

    Opening applies any missing migrations (not with ``read_only=True``, which
    instead refuses a database that needs them, and a file that does not exist).
    ``memory_limit`` ("4GB") caps DuckDB's memory; it spills to disk beyond it.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, memory_limit: str | None = None):
        self.path = str(path)
        if read_only and self.path != MEMORY and not Path(self.path).exists():
            raise DyadError(f"{self.path}: no such database")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise DyadError(f"{self.path}: cannot open the database: {exc}") from exc
        try:
            if memory_limit is not None:
                self._con.execute("SET memory_limit = $limit", {"limit": memory_limit})
            if read_only:
                missing = pending(self._con, packaged_migrations())
                if missing:
                    raise DyadError(
                        f"{self.path}: the database needs migration {missing[0].number}; "
                        "open it once for writing (for example with `dyad code`)"
                    )
            else:
                migrate(self._con)
        except BaseException:
            self._con.close()
            raise

    # -- life cycle -----------------------------------------------------------------

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self._con.execute("ROLLBACK")
            raise
        else:
            self._con.execute("COMMIT")

    # -- writing --------------------------------------------------------------------

    def add_articles(self, articles: Iterable[Article]) -> int:
        """Store articles without events; return how many were new or changed.

        An article already stored with the same content is left alone. One whose
        content changed is updated, and its events (now stale) are removed.
        """
        batch = _last_by_id(articles)
        if not batch:
            return 0
        stored = self._hashes(list(batch), coded_only=False)
        write = [a for a in batch.values() if stored.get(a.id) != a.content_hash]
        if not write:
            return 0
        changed = [a.id for a in write if a.id in stored]
        with self._transaction():
            if changed:
                self._delete_events(changed)
            self._upsert_articles(write, coded_at=None)
        return len(write)

    def add_events(self, article_id: str, events: Iterable[EventLike]) -> int:
        """Replace the events of a stored article with ``events``; return how many were stored.

        The replacement is atomic: readers see the old events or the new ones.
        """
        records = [_record(e) for e in events]
        if not self.has_article(article_id):
            raise DyadError(f"no article {article_id!r} in {self.path}; add it first")
        _check_article_ids(article_id, records)
        with self._transaction():
            self._delete_events([article_id])
            stored = self._insert_events(records)
            self._con.execute(
                "UPDATE articles SET coded_at = $now WHERE id = $id", {"now": _utcnow(), "id": article_id}
            )
        return stored

    def add_coded(self, results: Iterable[tuple[Article, Iterable[EventLike]]]) -> int:
        """Store coded articles and their events in one transaction; return events stored.

        Each article is inserted or updated and marked coded, and its events
        replace whatever was stored for it before.
        """
        batch: dict[str, tuple[Article, list[dict[str, Any]]]] = {}
        for article, events in results:
            records = [_record(e) for e in events]
            _check_article_ids(article.id, records)
            batch.pop(article.id, None)
            batch[article.id] = (article, records)
        if not batch:
            return 0
        with self._transaction():
            self._delete_events(list(batch))
            self._upsert_articles([a for a, _ in batch.values()], coded_at=_utcnow())
            return self._insert_events([r for _, records in batch.values() for r in records])

    def _upsert_articles(self, articles: Sequence[Article], *, coded_at: datetime | None) -> None:
        lines = "\n".join(_article_line(a) for a in articles)
        self._con.execute(_UPSERT_ARTICLES, {"lines": lines, "coded_at": coded_at})

    def _delete_events(self, article_ids: Sequence[str]) -> None:
        ids = json.dumps(list(article_ids))
        self._con.execute(f"DELETE FROM entities WHERE article_id IN {_IDS}", {"ids": ids})
        self._con.execute(f"DELETE FROM events WHERE article_id IN {_IDS}", {"ids": ids})

    def _insert_events(self, records: Sequence[dict[str, Any]]) -> int:
        unique: dict[str, dict[str, Any]] = {}
        for record in records:
            unique.setdefault(record["event_id"], record)
        if len(unique) < len(records):
            log.debug("dropped %d events with repeated ids", len(records) - len(unique))
        if not unique:
            return 0
        lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in unique.values())
        # Called inside a transaction: on failure, its rollback drops the staging table too.
        self._con.execute(_STAGE_EVENTS, {"lines": lines})
        self._con.execute(_INSERT_EVENTS)
        self._con.execute(_INSERT_ENTITIES)
        self._con.execute("DROP TABLE batch_events")
        return len(unique)

    # -- reading --------------------------------------------------------------------

    def has_article(self, article_id: str, content_hash: str | None = None) -> bool:
        """Whether the article is stored (with this content, when ``content_hash`` is given)."""
        row = self._con.execute("SELECT content_hash FROM articles WHERE id = ?", [article_id]).fetchone()
        return row is not None and (content_hash is None or row[0] == content_hash)

    def coded_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Content hashes of those of ``article_ids`` whose events are stored."""
        return self._hashes(list(article_ids), coded_only=True)

    def _hashes(self, article_ids: Sequence[str], *, coded_only: bool) -> dict[str, str]:
        if not article_ids:
            return {}
        sql = f"SELECT id, content_hash FROM articles WHERE id IN {_IDS}"
        if coded_only:
            sql += " AND coded_at IS NOT NULL"
        return dict(self._con.execute(sql, {"ids": json.dumps(list(article_ids))}).fetchall())

    def events(
        self,
        article_id: str | Iterable[str] | None = None,
        cameo_root: str | None = None,
        country: str | None = None,
        since: Date | str | None = None,
        until: Date | str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored event records matching every filter given.

        ``article_id`` is one id or several; ``country`` matches any actor or
        recipient; ``since`` and ``until`` bound the event date, inclusive.
        One article's events come in text order; otherwise by date.
        """
        where: list[str] = []
        params: dict[str, Any] = {}
        if article_id is not None:
            if isinstance(article_id, str):
                where.append("article_id = $article_id")
                params["article_id"] = article_id
            else:
                where.append(f"article_id IN {_IDS}")
                params["ids"] = json.dumps(list(article_id))
        if cameo_root is not None:
            where.append("cameo_root = $cameo_root")
            params["cameo_root"] = cameo_root
        if country is not None:
            where.append("event_id IN (SELECT event_id FROM entities WHERE country = $country)")
            params["country"] = country
        if since is not None:
            where.append("date >= $since")
            params["since"] = _as_date(since)
        if until is not None:
            where.append("date <= $until")
            params["until"] = _as_date(until)
        sql = "SELECT record FROM events"
        if where:
            sql += " WHERE " + " AND ".join(where)
        one_article = isinstance(article_id, str)
        sql += " ORDER BY article_id, seq" if one_article else " ORDER BY date, pub_date, article_id, seq"
        if limit is not None:
            sql += " LIMIT $limit"
            params["limit"] = max(0, int(limit))
        return [json.loads(r) for (r,) in self._con.execute(sql, params).fetchall()]

    def articles(self) -> list[Article]:
        """Every stored article, by date then id."""
        rows = self._con.execute(
            "SELECT id, date, text, title, url, source, origin FROM articles ORDER BY date, id"
        ).fetchall()
        return [
            Article(id=i, date=d, text=t, title=ti, url=u, source=s, origin=o) for i, d, t, ti, u, s, o in rows
        ]

    def counts(self) -> dict[str, int]:
        """Row counts: articles, coded articles, events, entities."""
        row = self._con.execute(
            """SELECT (SELECT count(*) FROM articles),
                      (SELECT count(*) FROM articles WHERE coded_at IS NOT NULL),
                      (SELECT count(*) FROM events),
                      (SELECT count(*) FROM entities)"""
        ).fetchone()
        return dict(zip(("articles", "coded", "events", "entities"), row))

    def count_events_by(self, column: str) -> list[tuple[Any, int]]:
        """``(value, events)`` for one column (see ``COUNTABLE``), most frequent first."""
        if column not in COUNTABLE:
            raise ValueError(f"cannot count events by {column!r}; choose from {sorted(COUNTABLE)}")
        return self._con.execute(
            f"SELECT {column}, count(*) AS n FROM events GROUP BY ALL ORDER BY n DESC, {column} NULLS LAST"
        ).fetchall()

    def top_dyads(self, limit: int = 10) -> list[tuple[str, str, int]]:
        """The most frequent (actor code, recipient code) pairs, with their event counts."""
        return self._con.execute(
            """SELECT actor_code, recipient_code, count(*) AS n FROM events
               WHERE actor_code IS NOT NULL AND recipient_code IS NOT NULL
               GROUP BY ALL ORDER BY n DESC, actor_code, recipient_code LIMIT $limit""",
            {"limit": max(0, int(limit))},
        ).fetchall()

    # -- actors (issue #4): what the actor resolver could not place -------------------

    def unresolved_mentions(
        self, limit: int = 20, *, examples: int = 1, exclude: Sequence[str] = ()
    ) -> list[tuple[str, int, str | None, list[str]]]:
        """The most frequent actor and recipient mentions stored without a country.

        Each row is ``(mention, count, sector, example sentences)``: the mention is the
        entity's text, lower-cased and without a leading "the/a/an"; ``sector`` is the
        one most often given to it (or None); at most ``examples`` distinct sentences,
        in a stable order. Mentions in ``exclude`` (lower-cased) are left out.
        """
        return [
            (mention, n, sector, list(sentences or []))
            for mention, n, sector, sentences in self._con.execute(
                """SELECT regexp_replace(lower(trim(e.text)), '^(the|a|an)\\s+', '') AS mention,
                          count(*) AS n, mode(e.sector) AS sector,
                          list_slice(list(DISTINCT ev.sentence ORDER BY ev.sentence), 1, $examples)
                   FROM entities e JOIN events ev ON ev.event_id = e.event_id
                   WHERE e.country IS NULL AND coalesce(trim(e.text), '') <> ''
                   GROUP BY mention
                   HAVING mention NOT IN (SELECT unnest(from_json($exclude, '["VARCHAR"]')))
                   ORDER BY n DESC, mention LIMIT $limit""",
                {"limit": max(0, int(limit)), "examples": max(0, int(examples)),
                 "exclude": json.dumps([x.lower() for x in exclude])},
            ).fetchall()
        ]

    def migrations(self) -> list[tuple[int, str]]:
        """The migrations this database has had, as ``(number, name)``."""
        return self._con.execute("SELECT number, name FROM migrations ORDER BY number").fetchall()


def _record(event: EventLike) -> dict[str, Any]:
    return event.to_dict() if isinstance(event, Event) else dict(event)


def _check_article_ids(article_id: str, records: Sequence[Mapping[str, Any]]) -> None:
    for record in records:
        if record.get("article_id") != article_id:
            raise ValueError(f"event {record.get('event_id')!r} belongs to {record.get('article_id')!r}, not {article_id!r}")


def _last_by_id(articles: Iterable[Article]) -> dict[str, Article]:
    batch: dict[str, Article] = {}
    for article in articles:
        batch.pop(article.id, None)
        batch[article.id] = article
    return batch


def _article_line(a: Article) -> str:
    return json.dumps(
        {
            "id": a.id,
            "date": a.date.isoformat(),
            "title": a.title,
            "url": a.url,
            "source": a.source,
            "text": a.text,
            "content_hash": a.content_hash,
            "origin": a.origin,
        },
        ensure_ascii=False,
    )


def _as_date(value: Date | str) -> Date:
    return value if isinstance(value, Date) else Date.fromisoformat(value)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
