"""The store's side of deduplication: signatures, duplicate links, event clusters.

Mixed into :class:`dyad.store.Store`; the algorithms live in :mod:`dyad.dedup`
and receive plain numpy arrays. Big numeric batches travel to DuckDB as
registered numpy arrays (a scan of Python memory, not SQL text), so a million
cluster assignments cost one statement, as the JSON-lines batches do for
records.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np

log = logging.getLogger(__name__)

_IDS = "(SELECT unnest(from_json($ids, '[\"VARCHAR\"]')))"

# -- duplicates ---------------------------------------------------------------------

# Buckets that hold two articles or more, of which one is in scope.
_TOUCHED = """SELECT band, bucket FROM article_bands
              WHERE (band, bucket) IN (SELECT band, bucket FROM article_bands
                                       WHERE article_id IN (SELECT article_id FROM dedup_ids))
              GROUP BY band, bucket HAVING count(*) > 1"""

# Bucket members paired with the bucket's first `cap` articles (by date, id): the
# candidates. A bucket of a thousand wire copies gives cap * 1000 pairs, not 500,000.
_PAIRS = """
WITH touched AS ({touched}), members AS (
    SELECT b.band, b.bucket, b.article_id,
           row_number() OVER (PARTITION BY b.band, b.bucket ORDER BY a.date, a.id) AS pos
    FROM article_bands b JOIN touched t ON t.band = b.band AND t.bucket = b.bucket
    JOIN articles a ON a.id = b.article_id
)
SELECT DISTINCT h.article_id AS a, m.article_id AS b
FROM members h JOIN members m ON m.band = h.band AND m.bucket = h.bucket AND h.pos <= $cap AND m.pos > h.pos
"""

# Whole duplicate groups: an article in scope brings its original, its original's
# copies, and the articles with the same content.
_GROW_SCOPE = """
INSERT INTO dedup_ids
SELECT DISTINCT x FROM (
    SELECT original_id AS x FROM article_links WHERE article_id IN (SELECT article_id FROM dedup_ids)
    UNION ALL SELECT article_id FROM article_links WHERE original_id IN (
        SELECT original_id FROM article_links WHERE article_id IN (SELECT article_id FROM dedup_ids))
    UNION ALL SELECT s.article_id FROM article_signatures s
              WHERE s.content_hash IN (SELECT content_hash FROM article_signatures
                                       WHERE article_id IN (SELECT article_id FROM dedup_ids))
)
WHERE x NOT IN (SELECT article_id FROM dedup_ids) AND x IN (SELECT article_id FROM article_signatures)
"""

# The articles that may be copies or have copies: in a candidate pair, or sharing their
# content hash with another; in canonical order (date, id). The others are originals.
_LINKABLE = """
CREATE OR REPLACE TEMP TABLE dedup_linkable AS
WITH scoped AS (
    SELECT s.article_id, s.content_hash, s.shingles, s.signature, a.date
    FROM article_signatures s JOIN articles a ON a.id = s.article_id
    WHERE s.article_id IN (SELECT article_id FROM dedup_ids)
), same AS (
    SELECT article_id FROM scoped QUALIFY count(*) OVER (PARTITION BY content_hash) > 1
), linkable AS (
    SELECT a AS article_id FROM dedup_pairs UNION SELECT b FROM dedup_pairs UNION SELECT article_id FROM same
)
SELECT s.article_id, row_number() OVER (ORDER BY s.date, s.article_id) - 1 AS idx,
       s.content_hash, s.shingles, s.signature
FROM scoped s WHERE s.article_id IN (SELECT article_id FROM linkable)
"""


# Full relinks work on integer ranks, and in parts (buckets by their remainder), so that
# hundreds of millions of bucket entries never sit in one window or one hash table.
_RANK_ALL = """
CREATE OR REPLACE TEMP TABLE dedup_rank AS
SELECT s.article_id, s.content_hash, (row_number() OVER (ORDER BY a.date, s.article_id) - 1)::INTEGER AS gidx
FROM article_signatures s JOIN articles a ON a.id = s.article_id
"""

_PART_PAIRS = """
INSERT INTO dedup_raw
WITH part AS (
    SELECT band, bucket, article_id FROM article_bands WHERE {part}
), shared AS (
    SELECT band, bucket FROM part GROUP BY band, bucket HAVING count(*) > 1
), members AS (
    SELECT p.band, p.bucket, r.gidx, row_number() OVER (PARTITION BY p.band, p.bucket ORDER BY r.gidx) AS pos
    FROM part p JOIN shared s ON s.band = p.band AND s.bucket = p.bucket
    JOIN dedup_rank r ON r.article_id = p.article_id
)
SELECT h.gidx, m.gidx FROM members h
JOIN members m ON m.band = h.band AND m.bucket = h.bucket AND h.pos <= $cap AND m.pos > h.pos
"""

_LINKABLE_ALL = """
CREATE OR REPLACE TEMP TABLE dedup_linkable AS
WITH same AS (
    SELECT content_hash FROM dedup_rank GROUP BY content_hash HAVING count(*) > 1
), linkable AS (
    SELECT a AS gidx FROM dedup_pairs_int UNION SELECT b FROM dedup_pairs_int
    UNION SELECT gidx FROM dedup_rank WHERE content_hash IN (SELECT content_hash FROM same)
)
SELECT gidx, (row_number() OVER (ORDER BY gidx) - 1)::INTEGER AS idx FROM linkable
"""

# The linkable articles' details, whichever way dedup_linkable was made.
_ROWS = {
    "all": """SELECT l.idx, r.article_id, r.content_hash, s.shingles, s.signature
              FROM dedup_linkable l JOIN dedup_rank r ON r.gidx = l.gidx
              JOIN article_signatures s ON s.article_id = r.article_id""",
    "scope": "SELECT idx, article_id, content_hash, shingles, signature FROM dedup_linkable",
}


@dataclass(slots=True)
class DedupInputs:
    """The articles that may be copies or have copies, in canonical order (date, id), and
    their candidate pairs as indices. ``scope`` is the part of the store they were
    taken from (``None``: every signed article); the rest of it are originals."""

    ids: list[str]
    same_content: np.ndarray  # index of the first article with the same content hash
    shingles: np.ndarray
    signatures: np.ndarray  # (n, num_perm) uint8: as stored (dyad.dedup.minhash.compact)
    left: np.ndarray
    right: np.ndarray
    scope: list[str] | None = None


# -- clusters -----------------------------------------------------------------------

# A report's sides in a fixed order: meetings (symmetric types) sorted, and a report with one
# side only has it first, actor or recipient.
_SWAPPED = "((list_contains($symmetric, etype) AND a_key > r_key) OR (a_key = '' AND r_key <> ''))"

# For matching, rebels, insurgents and separatists are one sector: coders (and outlets) name
# one armed group all three ways; and an organisation's member governments are the
# organisation ("G7 foreign ministers" is the G7: IGOGOVGOS matches IGOGOS). Codes are
# 3-letter units.
_MACROS = """
CREATE OR REPLACE TEMP MACRO armed_groups(code) AS array_to_string(list_transform(
    list_filter(range(0, length(code), 3),
                i -> NOT (i > 0 AND left(code, 3) = 'IGO' AND substr(code, i + 1, 3) = 'GOV')),
    i -> CASE substr(code, i + 1, 3) WHEN 'INS' THEN 'REB' WHEN 'SEP' THEN 'REB' ELSE substr(code, i + 1, 3) END), '')
"""

# One row per report (event x actor x recipient) of the events in {where}.
_STAGE_REPORTS = """
CREATE OR REPLACE TEMP TABLE stage_reports AS
WITH base AS (
    SELECT e.event_id, e.article_id, e.seq, e.pub_date, e.date, e.date_precision, e.date_end,
           e.cameo, e.cameo_root, e.plover, e.quad_class, e.goldstein, e.confidence, e.place, e.place_country,
           CASE WHEN e.place IS NOT NULL THEN json_extract_string(e.record, '$.location.feature') END AS place_feature,
           coalesce(a.position, -1)::SMALLINT AS actor_pos, a.code AS actor_code, a.country AS actor_country,
           coalesce(r.position, -1)::SMALLINT AS recipient_pos, r.code AS recipient_code,
           r.country AS recipient_country,
           coalesce(l.original_id, e.article_id) AS original_key
    FROM events e
    LEFT JOIN entities a ON a.event_id = e.event_id AND a.role = 'actor'
    LEFT JOIN entities r ON r.event_id = e.event_id AND r.role = 'recipient'
    LEFT JOIN article_links l ON l.article_id = e.article_id
    WHERE {where}
), sides AS (
    SELECT *, coalesce(plover, 'CAMEO' || coalesce(cameo_root, left(cameo, 2))) AS etype,
           coalesce(actor_country, actor_code, '') AS a_key,
           coalesce(recipient_country, recipient_code, '') AS r_key
    FROM base
)
SELECT * EXCLUDE (original_key), """ + _SWAPPED + """ AS swapped,
       CASE WHEN a_key = '' AND r_key = '' THEN 'solo|' || event_id || '|' || actor_pos || '|' || recipient_pos
            -- one side only: the known side, whatever its role, and only within one article and its copies
            WHEN a_key = '' OR r_key = '' THEN etype || '|' || a_key || r_key || '|@' || original_key
            WHEN swapped THEN etype || '|' || r_key || '|' || a_key
            ELSE etype || '|' || a_key || '|' || r_key END AS block
FROM sides
"""

# The numbers cluster_reports reads (see dyad.dedup.events.FIELDS), blocks cut into chunks.
_STAGE_FEATURES = """
CREATE OR REPLACE TEMP TABLE stage AS
WITH blocks AS (
    SELECT block, count(*) AS n, row_number() OVER (ORDER BY block) AS block_no FROM {source} GROUP BY block
), chunked AS (
    SELECT block, block_no, (sum(n) OVER (ORDER BY block_no ROWS UNBOUNDED PRECEDING) - n) // $chunk AS chunk
    FROM blocks
), sided AS (
    SELECT s.*, c.block_no, c.chunk, coalesce(l.original_id, s.article_id) AS original_id,
           coalesce(o.date, s.pub_date) AS original_pub,
           -- an undated report in a copy is dated by its original's publication
           CASE WHEN s.date_precision = 'pub' THEN coalesce(o.date, s.date) ELSE s.date END AS cdate,
           CASE WHEN swapped THEN recipient_code ELSE actor_code END AS s1_code,
           CASE WHEN swapped THEN recipient_country ELSE actor_country END AS s1_country,
           CASE WHEN swapped THEN actor_code ELSE recipient_code END AS s2_code,
           CASE WHEN swapped THEN actor_country ELSE recipient_country END AS s2_country
    FROM {source} s JOIN chunked c ON c.block = s.block LEFT JOIN article_links l ON l.article_id = s.article_id
    LEFT JOIN articles o ON o.id = l.original_id
), weighted AS (
    SELECT *,
           1.0 / count(*) OVER (PARTITION BY block, cdate, date_precision, s1_code, s2_code, place, original_id)
               AS weight
    FROM sided
)
SELECT *,
       row_number() OVER (ORDER BY block_no, pub_date, article_id, seq, actor_pos, recipient_pos) - 1 AS rn,
       CASE date_precision WHEN 'day' THEN 0 WHEN 'pub' THEN 1 ELSE 2 END AS precision_code,
       cdate - DATE '1970-01-01' AS day,
       CASE WHEN date_precision = 'month' THEN date_trunc('month', cdate)::DATE - DATE '1970-01-01'
            ELSE cdate - DATE '1970-01-01' END AS lo,
       CASE WHEN date_precision = 'month' THEN last_day(cdate) - DATE '1970-01-01'
            WHEN date_precision = 'range' THEN coalesce(date_end, cdate) - DATE '1970-01-01'
            ELSE cdate - DATE '1970-01-01' END AS hi,
       original_pub - DATE '1970-01-01' AS pub,
       hash(original_id) AS article,
       CASE WHEN s1_code IS NULL THEN 0 ELSE hash(armed_groups(s1_code)) END AS actor_id,
       -- a bare country, or its unidentified armed men (UAF: "gunmen"), fits any actor of it
       s1_code IS NULL OR s1_code IN (coalesce(s1_country, s1_code), coalesce(s1_country, '') || 'UAF')
           AS actor_bare,
       CASE WHEN s2_code IS NULL THEN 0 ELSE hash(armed_groups(s2_code)) END AS recipient_id,
       s2_code IS NULL OR s2_code IN (coalesce(s2_country, s2_code), coalesce(s2_country, '') || 'UAF')
           AS recipient_bare,
       CASE WHEN place IS NULL THEN 0 ELSE hash(lower(place), coalesce(place_country, '')) END AS place_id,
       place IS NULL OR coalesce(place_feature, '') IN ('country', 'admin1') AS place_generic,
       CASE WHEN place_country IS NULL THEN 0 ELSE hash(place_country) END AS place_country_id,
       round(sum(weight) OVER (PARTITION BY block, cdate, date_precision, s1_code, s2_code, place), 6) AS atom
FROM weighted
"""

_CHUNK_FEATURES = """
SELECT rn, block_no AS block, precision_code AS precision, day, lo, hi, actor_id AS actor, actor_bare,
       recipient_id AS recipient, recipient_bare, place_id AS place, place_generic,
       place_country_id AS place_country, atom, weight, rn AS rank, pub, article,
       CASE WHEN cameo IS NULL THEN 0 ELSE hash(cameo) END AS code
FROM stage WHERE chunk = $chunk ORDER BY rn
"""

_INSERT_MEMBERS = """
INSERT INTO cluster_members
SELECT CASE WHEN l.actor_pos <= 0 AND l.recipient_pos <= 0 THEN l.event_id
            ELSE l.event_id || '.' || l.actor_pos || '.' || l.recipient_pos END,
       s.rn = x.leader, s.event_id, s.actor_pos, s.recipient_pos, s.article_id, s.block, s.pub_date, s.date,
       s.date_precision, s.date_end, s.cameo, s.cameo_root, s.plover, s.quad_class, s.goldstein,
       s.actor_code, s.actor_country, s.recipient_code, s.recipient_country, s.place, s.place_country,
       s.place_feature, s.confidence, s.seq
FROM stage s JOIN cluster_assignment x ON x.rn = s.rn JOIN stage l ON l.rn = x.leader
"""

# Cluster rows from their members: counts, sources, confidence, the representative.
_INSERT_CLUSTERS = """
INSERT INTO clusters
WITH m AS (
    SELECT m.*, coalesce(l.original_id, m.article_id) AS original_id,
           coalesce(l.source_key, source_key(a.source, a.url), 'article:' || m.article_id) AS src
    FROM cluster_members m
    JOIN articles a ON a.id = m.article_id
    LEFT JOIN article_links l ON l.article_id = m.article_id
    WHERE {where}
), lead AS (
    SELECT cluster_id, block, plover, cameo, cameo_root, quad_class, goldstein, actor_code, actor_country,
           recipient_code, recipient_country, date, date_precision,
           coalesce(actor_country, actor_code, '') AS a_key, coalesce(recipient_country, recipient_code, '') AS r_key
    FROM m WHERE leads
), per_original AS (
    SELECT cluster_id, max(coalesce(confidence, 0.5)) AS c FROM m GROUP BY cluster_id, original_id
), conf AS (
    SELECT cluster_id, 1 - exp(sum(ln(1 - least(c, 0.99)))) AS confidence FROM per_original GROUP BY cluster_id
), agg AS (
    SELECT m.cluster_id,
           min(m.pub_date) AS first_seen, max(m.pub_date) AS last_seen,
           count(*) AS num_mentions, count(DISTINCT m.article_id) AS num_articles,
           count(DISTINCT m.original_id) AS num_originals, count(DISTINCT m.src) AS num_sources,
           arg_max(m.actor_code, {'n': length(m.actor_code), 'lead': m.leads})
               FILTER (WHERE coalesce(m.actor_country, m.actor_code, '') = l.a_key) AS actor_code,
           arg_max(m.recipient_code, {'n': length(m.recipient_code), 'lead': m.leads})
               FILTER (WHERE coalesce(m.recipient_country, m.recipient_code, '') = l.r_key) AS recipient_code,
           arg_min({'place': m.place, 'country': m.place_country, 'feature': m.place_feature, 'event': m.event_id},
                   {'k': CASE WHEN m.place IS NULL THEN 9 WHEN m.place_feature = 'city' THEN 0
                              WHEN m.place_feature = 'admin1' THEN 1 WHEN m.place_feature = 'country' THEN 2 ELSE 3 END,
                    'pub': m.pub_date, 'a': m.article_id, 's': m.seq}) AS pl,
           arg_min({'event': m.event_id, 'article': m.article_id},
                   {'copy': m.original_id <> m.article_id, 'conf': -coalesce(m.confidence, 0), 'pub': m.pub_date,
                    'a': m.article_id, 's': m.seq}) AS rep,
           arg_min(m.article_id, {'pub': m.pub_date, 'a': m.article_id}) AS first_article_id
    FROM m JOIN lead l ON l.cluster_id = m.cluster_id
    GROUP BY m.cluster_id
)
SELECT l.cluster_id, (md5_number(l.cluster_id) >> 68)::BIGINT, l.block, l.plover, l.cameo, l.cameo_root,
       l.quad_class, l.goldstein, coalesce(g.actor_code, l.actor_code), l.actor_country,
       coalesce(g.recipient_code, l.recipient_code), l.recipient_country, l.date, l.date_precision,
       g.pl.place, g.pl.country, g.pl.feature, CASE WHEN g.pl.place IS NOT NULL THEN g.pl.event END,
       g.first_seen, g.last_seen, g.num_mentions, g.num_articles, g.num_originals, g.num_sources,
       c.confidence, g.rep.event, g.rep.article, e.sentence, g.first_article_id
FROM lead l JOIN agg g ON g.cluster_id = l.cluster_id JOIN conf c ON c.cluster_id = l.cluster_id
JOIN events e ON e.event_id = g.rep.event
"""


@dataclass(slots=True)
class ReclusterReport:
    """What one ``Store.recluster`` call rebuilt."""

    reports: int = 0  # reports clustered (in the blocks rebuilt)
    clusters: int = 0  # clusters rebuilt
    blocks: int = 0
    parts: int = 1  # clustered and written in this many parts (whole blocks each)
    full: bool = True
    timings: dict[str, float] = field(default_factory=dict)


Assign = Callable[[Mapping[str, np.ndarray]], np.ndarray]


class ClusterQueries:
    """Signatures, duplicate links and event clusters (mixed into ``Store``)."""

    _con: Any
    path: str
    # a full relink pairs the LSH bucket entries (articles x bands) this many at a time
    BAND_ENTRIES_PER_PART = 10_000_000

    # -- signatures -----------------------------------------------------------------

    def unsigned_articles(
        self, article_ids: Iterable[str] | None = None, *, batch: int = 2000
    ) -> Iterator[list[tuple[str, str, str, bool]]]:
        """Batches of ``(id, content_hash, text, signed_before)`` of the articles with no
        signature for their current content (of ``article_ids``, if given), by date and id;
        ``signed_before``: it has one for an older text.

        Reads from its own cursor, so signatures can be stored between batches.
        """
        sql = """SELECT a.id, a.content_hash, a.text, s.article_id IS NOT NULL FROM articles a
                 LEFT JOIN article_signatures s ON s.article_id = a.id
                 WHERE (s.article_id IS NULL OR s.content_hash <> a.content_hash)"""
        params: dict[str, Any] = {}
        if article_ids is not None:
            sql += f" AND a.id IN {_IDS}"
            params["ids"] = json.dumps(list(article_ids))
        # A checkpoint waits for every open read to end: none while this cursor reads and
        # the caller commits signatures between batches; one at the end instead.
        (autocheckpoint,) = self._con.execute("SELECT current_setting('wal_autocheckpoint')").fetchone()
        self._con.execute("SET wal_autocheckpoint = '1TB'")
        cur = self._con.cursor()
        try:
            result = cur.execute(sql + " ORDER BY a.date, a.id", params)
            while rows := result.fetchmany(batch):
                yield rows
        finally:
            cur.close()
            self._con.execute("SET wal_autocheckpoint = $value", {"value": autocheckpoint})

    def put_signatures(
        self,
        article_ids: Sequence[str],
        content_hashes: Sequence[str],
        shingles: np.ndarray,
        signatures: np.ndarray,
        bands: np.ndarray,
        *,
        replace: bool | None = None,
    ) -> None:
        """Store (replace) the MinHash signatures and LSH buckets of articles.

        An article with no shingles (empty body) gets no buckets: it is nobody's duplicate.
        ``replace=False``: the caller knows none of them is signed yet (no lookup);
        ``None``: look.
        """
        if not len(article_ids):
            return
        n, n_bands = bands.shape
        sig = np.ascontiguousarray(signatures)  # stored as its bytes; read back as uint8
        width = sig.shape[1] if sig.ndim == 2 else 0
        rows = {
            "idx": np.arange(n, dtype=np.int32),
            "article_id": np.asarray(list(article_ids), dtype=object),
            "content_hash": np.asarray(list(content_hashes), dtype=object),
            "shingles": np.asarray(shingles, dtype=np.int32),
        }
        has = np.flatnonzero(np.asarray(shingles) > 0)
        band_rows = {  # by index: the ids are joined in SQL, not repeated in Python
            "idx": np.repeat(has.astype(np.int32), n_bands),
            "band": np.tile(np.arange(n_bands, dtype=np.int16), len(has)),
            "bucket": bands[has].reshape(-1).astype(np.uint64),
        }
        con = self._con
        with self._transaction(), _registered(con, new_signatures=rows, new_bands=band_rows):
            if replace is None or replace:
                mine = "article_id IN (SELECT article_id FROM new_signatures)"
                resigned = con.execute(f"SELECT count(*) FROM article_signatures WHERE {mine}").fetchone()[0]
                if resigned:  # changed text: drop the old signature and buckets
                    con.execute(f"DELETE FROM article_signatures WHERE {mine}")
                    con.execute(f"DELETE FROM article_bands WHERE {mine}")
            # the signatures travel as one hex string, cut in SQL
            con.execute(
                """INSERT INTO article_signatures
                   SELECT article_id, content_hash, shingles, unhex(substr($hex, idx * $w + 1, $w))
                   FROM new_signatures""",
                {"hex": sig.tobytes().hex(), "w": 2 * width},
            )
            con.execute(
                """INSERT INTO article_bands
                   SELECT s.article_id, b.band, b.bucket FROM new_bands b JOIN new_signatures s ON s.idx = b.idx"""
            )

    # -- duplicate links ---------------------------------------------------------------

    def duplicate_candidates(
        self, article_ids: Iterable[str] | None = None, *, neighbours: bool = False, cap: int = 4
    ) -> DedupInputs:
        """Candidate duplicate pairs (from shared LSH buckets) and the articles in them.

        - no ``article_ids``: among all signed articles;
        - ``article_ids`` and ``neighbours``: the pairs with one of them on either side;
        - ``article_ids`` alone: among them and their whole duplicate groups (their
          originals, their originals' copies, same content), repeated until nothing
          is added; relinking that scope alone gives what a full relink would, when
          it holds the new articles and the articles they duplicate.

        Only articles in a pair (or sharing content) come back; the rest of the scope
        are originals.
        """
        con = self._con
        con.execute("CREATE OR REPLACE TEMP TABLE dedup_ids (article_id VARCHAR)")
        scope: list[str] | None = None
        try:
            if article_ids is None:
                self._full_pairs(cap)
            else:
                con.execute(
                    f"INSERT INTO dedup_ids SELECT DISTINCT x FROM {_IDS} AS t(x) "
                    "WHERE x IN (SELECT article_id FROM article_signatures)",
                    {"ids": json.dumps(list(article_ids))},
                )
                if not neighbours:
                    for _ in range(50):
                        before = con.execute("SELECT count(*) FROM dedup_ids").fetchone()[0]
                        con.execute(_GROW_SCOPE)
                        if con.execute("SELECT count(*) FROM dedup_ids").fetchone()[0] == before:
                            break
                    scope = [r[0] for r in con.execute("SELECT article_id FROM dedup_ids ORDER BY 1").fetchall()]
                con.execute(
                    "CREATE OR REPLACE TEMP TABLE dedup_pairs AS " + _PAIRS.replace("{touched}", _TOUCHED),
                    {"cap": cap},
                )
                if neighbours:
                    con.execute(
                        """DELETE FROM dedup_pairs WHERE a NOT IN (SELECT article_id FROM dedup_ids)
                           AND b NOT IN (SELECT article_id FROM dedup_ids)"""
                    )
                    con.execute("INSERT INTO dedup_ids SELECT a FROM dedup_pairs UNION SELECT b FROM dedup_pairs")
                else:
                    con.execute(
                        """DELETE FROM dedup_pairs WHERE a NOT IN (SELECT article_id FROM dedup_ids)
                           OR b NOT IN (SELECT article_id FROM dedup_ids)"""
                    )
            if article_ids is not None:
                con.execute(_LINKABLE)
            ids, first, shingles, signatures = self._read_linkable(_ROWS["all" if article_ids is None else "scope"])
            if article_ids is None:
                pairs = con.execute(
                    """SELECT x.idx::INTEGER AS left, y.idx::INTEGER AS right FROM dedup_pairs_int p
                       JOIN dedup_linkable x ON x.gidx = p.a JOIN dedup_linkable y ON y.gidx = p.b"""
                ).fetchnumpy()
            else:
                pairs = con.execute(
                    """SELECT x.idx::INTEGER AS left, y.idx::INTEGER AS right FROM dedup_pairs p
                       JOIN dedup_linkable x ON x.article_id = p.a JOIN dedup_linkable y ON y.article_id = p.b"""
                ).fetchnumpy()
        finally:
            for table in ("dedup_linkable", "dedup_pairs", "dedup_pairs_int", "dedup_raw", "dedup_rank", "dedup_ids"):
                con.execute(f"DROP TABLE IF EXISTS {table}")
        return DedupInputs(
            ids=ids,
            same_content=first,
            shingles=shingles,
            signatures=signatures,
            left=np.asarray(pairs["left"], dtype=np.int32),
            right=np.asarray(pairs["right"], dtype=np.int32),
            scope=scope,
        )

    def _full_pairs(self, cap: int) -> None:
        """``dedup_rank``, ``dedup_pairs_int`` and ``dedup_linkable`` for every signed article."""
        con = self._con
        (order,) = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()
        con.execute("SET preserve_insertion_order = false")  # lets big operators spill to disk
        try:
            con.execute(_RANK_ALL)
            con.execute("CREATE OR REPLACE TEMP TABLE dedup_raw (a INTEGER, b INTEGER)")
            entries = con.execute("SELECT count(*) FROM article_bands").fetchone()[0]
            parts = max(1, -(-entries // self.BAND_ENTRIES_PER_PART))
            for part in range(parts):
                where = "TRUE" if parts == 1 else f"bucket % {parts} = {part}"
                con.execute(_PART_PAIRS.replace("{part}", where), {"cap": cap})
            con.execute("CREATE OR REPLACE TEMP TABLE dedup_pairs_int AS SELECT DISTINCT a, b FROM dedup_raw")
            con.execute("DROP TABLE dedup_raw")
            con.execute(_LINKABLE_ALL)
        finally:
            con.execute("SET preserve_insertion_order = $value", {"value": order})

    def _read_linkable(self, rows_sql: str, batch: int = 100_000) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """Ids, first index of the same content, shingle counts and signatures of the
        linkable articles, by index; read in batches, unsorted, and put in place (no sort
        of millions of signatures, no million Python objects at once)."""
        con = self._con
        n = con.execute("SELECT count(*) FROM dedup_linkable").fetchone()[0]
        ids: list[str] = [""] * n
        first = np.empty(n, dtype=np.int64)
        shingles = np.empty(n, dtype=np.int64)
        if not n:
            return ids, first, shingles, np.zeros((0, 0), np.uint8)
        result = con.execute(
            f"""WITH d AS ({rows_sql})
                SELECT d.idx, d.article_id, d.shingles, f.first FROM d
                JOIN (SELECT content_hash, min(idx) AS first FROM d GROUP BY content_hash) f
                  ON f.content_hash = d.content_hash"""
        )
        while chunk := result.fetchmany(batch):
            for idx, article_id, count, head in chunk:
                ids[idx] = article_id
                shingles[idx] = count
                first[idx] = head
        width = con.execute(f"SELECT octet_length(signature) FROM ({rows_sql}) LIMIT 1").fetchone()[0]
        signatures = np.empty((n, width), dtype=np.uint8)
        result = con.execute(f"SELECT idx, signature FROM ({rows_sql})")
        while chunk := result.fetchmany(batch):
            where = np.fromiter((r[0] for r in chunk), dtype=np.int64, count=len(chunk))
            signatures[where] = np.frombuffer(b"".join(bytes(r[1]) for r in chunk), dtype=np.uint8).reshape(
                len(chunk), width
            )
        return ids, first, shingles, signatures

    def put_links(
        self,
        article_ids: Sequence[str],
        original_ids: Sequence[str],
        kinds: Sequence[str],
        similarity: np.ndarray,
        *,
        scope: Sequence[str] | None = None,
        list_changed: bool = True,
    ) -> list[str] | int:
        """Replace the duplicate links of ``scope`` (every signed article when ``None``):
        ``article_ids`` get the given originals, the rest of the scope are originals.
        Return the ids whose link changed, or only how many with ``list_changed=False``
        (a first full run changes millions)."""
        rows = {
            "article_id": np.asarray(list(article_ids), dtype=object),
            "original_id": np.asarray(list(original_ids), dtype=object),
            "kind": np.asarray(list(kinds), dtype=object),
            "similarity": np.asarray(similarity, dtype=np.float64),
        }
        con = self._con
        with self._transaction(), _registered(con, new_links=rows):
            con.execute("CREATE OR REPLACE TEMP TABLE links_scope (article_id VARCHAR)")
            if scope is None:
                con.execute("INSERT INTO links_scope SELECT article_id FROM article_signatures")
            else:
                con.execute(f"INSERT INTO links_scope SELECT * FROM {_IDS}", {"ids": json.dumps(list(scope))})
            con.execute(
                """CREATE OR REPLACE TEMP TABLE links_new AS
                   SELECT n.article_id, n.original_id, n.kind, round(n.similarity, 4) AS similarity FROM new_links n
                   UNION ALL
                   SELECT article_id, article_id, 'original', 1.0 FROM links_scope
                   WHERE article_id NOT IN (SELECT article_id FROM new_links)"""
            )
            changes = """FROM links_new n LEFT JOIN article_links o ON o.article_id = n.article_id
                         WHERE o.article_id IS NULL OR o.original_id <> n.original_id OR o.kind <> n.kind"""
            changed: list[str] | int
            if list_changed:
                changed = [r[0] for r in con.execute(f"SELECT n.article_id {changes} ORDER BY n.article_id").fetchall()]
            else:
                changed = con.execute(f"SELECT count(*) {changes}").fetchone()[0]
            if scope is None:
                con.execute("DELETE FROM article_links")
            else:
                con.execute("DELETE FROM article_links WHERE article_id IN (SELECT article_id FROM links_scope)")
            con.execute(
                """INSERT INTO article_links
                   SELECT n.article_id, n.original_id, n.kind, n.similarity,
                          coalesce(source_key(o.source, o.url), 'article:' || n.original_id)
                   FROM links_new n JOIN articles o ON o.id = n.original_id"""
            )
            con.execute("DROP TABLE links_new")
            con.execute("DROP TABLE links_scope")
        return changed

    def article_links(self) -> dict[str, tuple[str, str, float]]:
        """``{article_id: (original_id, kind, similarity)}`` for every linked article."""
        rows = self._con.execute("SELECT article_id, original_id, kind, similarity FROM article_links").fetchall()
        return {a: (o, k, s) for a, o, k, s in rows}

    def sources(self) -> list[dict[str, Any]]:
        """Outlets with their article counts (originals and copies), most articles first."""
        cur = self._con.execute("SELECT * FROM sources ORDER BY articles DESC, source")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    # -- clusters -------------------------------------------------------------------

    def recluster(
        self,
        assign: Assign,
        *,
        article_ids: Iterable[str] | None = None,
        symmetric: Iterable[str] = (),
        chunk_size: int = 1_000_000,
        part_size: int = 2_000_000,
    ) -> ReclusterReport:
        """Rebuild event clusters with ``assign`` (see ``dyad.dedup.events.cluster_reports``).

        Without ``article_ids``, every cluster is rebuilt. With them, only the
        blocks their reports fall in (and blocks that lost reports because
        events were re-coded): each block is clustered on its own, so this gives
        what a full rebuild would. ``assign`` receives the arrays of one chunk of
        whole blocks at a time (``chunk_size`` reports, more for a bigger block).
        More than ``part_size`` reports are clustered and written in parts (whole
        blocks, by a hash of the block), so that no step over a store of ten
        million events holds them all at once; the result is the same.
        """
        con = self._con
        report = ReclusterReport(full=article_ids is None)
        sym = sorted(symmetric)
        t0 = time.perf_counter()
        (order,) = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()
        con.execute("SET preserve_insertion_order = false")  # lets big operators spill to disk
        con.execute(_MACROS)
        try:
            with self._transaction():
                if article_ids is None:
                    con.execute(_STAGE_REPORTS.replace("{where}", "TRUE"), {"symmetric": sym})
                    con.execute("DELETE FROM cluster_members")
                    con.execute("DELETE FROM clusters")
                else:
                    self._stage_scope(sorted(set(article_ids)), sym)
                n = con.execute("SELECT count(*) FROM stage_reports").fetchone()[0]
                parts = report.parts = max(1, -(-n // max(1, int(part_size))))
                report.timings["stage"] = time.perf_counter() - t0
                for part in range(parts):
                    source = (
                        "stage_reports"
                        if parts == 1
                        else f"(SELECT * FROM stage_reports WHERE hash(block) % {parts} = {part})"
                    )
                    self._recluster_part(assign, source, max(1, int(chunk_size)), report)
                for table in ("stage_reports", "scope_blocks"):
                    con.execute(f"DROP TABLE IF EXISTS {table}")
        finally:
            con.execute("SET preserve_insertion_order = $value", {"value": order})
        return report

    def _stage_scope(self, article_ids: list[str], sym: list[str]) -> None:
        """``stage_reports`` for the blocks that the articles' reports fall in (now or
        before) and for blocks that lost reports; their members and clusters are deleted."""
        con = self._con
        ids = json.dumps(article_ids)
        con.execute(_STAGE_REPORTS.replace("{where}", f"e.article_id IN {_IDS}"), {"symmetric": sym, "ids": ids})
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE scope_blocks AS
                SELECT block FROM stage_reports
                UNION SELECT block FROM cluster_members WHERE article_id IN {_IDS}
                UNION SELECT block FROM cluster_members m
                      WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id)""",
            {"ids": ids},
        )
        # the other reports of those blocks, as stored (their events have not changed)
        con.execute(
            f"""INSERT INTO stage_reports BY NAME
                SELECT m.* EXCLUDE (cluster_id, leads),
                       coalesce(m.plover, 'CAMEO' || coalesce(m.cameo_root, left(m.cameo, 2))) AS etype,
                       coalesce(m.actor_country, m.actor_code, '') AS a_key,
                       coalesce(m.recipient_country, m.recipient_code, '') AS r_key,
                       {_SWAPPED} AS swapped
                FROM cluster_members m
                WHERE m.block IN (SELECT block FROM scope_blocks) AND m.article_id NOT IN {_IDS}
                  AND EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id)""",
            {"symmetric": sym, "ids": ids},
        )
        con.execute("DELETE FROM stage_reports WHERE block NOT IN (SELECT block FROM scope_blocks)")
        con.execute("DELETE FROM cluster_members WHERE block IN (SELECT block FROM scope_blocks)")
        con.execute("DELETE FROM clusters WHERE block IN (SELECT block FROM scope_blocks)")

    def _recluster_part(self, assign: Assign, source: str, chunk_size: int, report: ReclusterReport) -> None:
        """Stage the features of the reports in ``source`` (whole blocks), assign their
        clusters a chunk at a time, and write their members and clusters."""
        con = self._con
        timings = report.timings
        t0 = time.perf_counter()
        con.execute(_STAGE_FEATURES.replace("{source}", source), {"chunk": chunk_size})
        t1 = time.perf_counter()
        timings["stage"] = timings.get("stage", 0.0) + t1 - t0
        chunks = [r[0] for r in con.execute("SELECT DISTINCT chunk FROM stage ORDER BY chunk").fetchall()]
        rns, leaders = [], []
        for chunk in chunks:
            arrays = con.execute(_CHUNK_FEATURES, {"chunk": chunk}).fetchnumpy()
            rn = np.asarray(arrays.pop("rn"), dtype=np.int64)
            local = np.asarray(assign(arrays), dtype=np.int64)
            del arrays
            rns.append(rn)
            leaders.append(rn[local])
        t2 = time.perf_counter()
        timings["assign"] = timings.get("assign", 0.0) + t2 - t1
        assignment = {
            "rn": np.concatenate(rns) if rns else np.zeros(0, np.int64),
            "leader": np.concatenate(leaders) if leaders else np.zeros(0, np.int64),
        }
        del rns, leaders
        report.reports += len(assignment["rn"])
        report.clusters += len(np.unique(assignment["leader"]))
        with _registered(con, cluster_assignment=assignment):
            con.execute(_INSERT_MEMBERS)
        con.execute(_INSERT_CLUSTERS.replace("{where}", "m.block IN (SELECT DISTINCT block FROM stage)"))
        report.blocks += con.execute("SELECT count(DISTINCT block) FROM stage").fetchone()[0]
        con.execute("DROP TABLE stage")
        timings["write"] = timings.get("write", 0.0) + time.perf_counter() - t2

    def cluster_counts(self) -> dict[str, int]:
        """Clusters, reports, duplicate articles (exact and near) and signed articles."""
        row = self._con.execute(
            """SELECT (SELECT count(*) FROM clusters), (SELECT count(*) FROM cluster_members),
                      (SELECT count(*) FROM article_links WHERE kind = 'exact'),
                      (SELECT count(*) FROM article_links WHERE kind = 'near'),
                      (SELECT count(*) FROM article_signatures)"""
        ).fetchone()
        return dict(zip(("clusters", "reports", "exact_copies", "near_copies", "signed"), row))

    def clusters(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Cluster rows (as dicts), by date then cluster id; ``actor``/``recipient`` match country codes."""
        where, params = [], {}
        if actor is not None:
            where.append("actor_country = $actor")
            params["actor"] = actor
        if recipient is not None:
            where.append("recipient_country = $recipient")
            params["recipient"] = recipient
        sql = "SELECT * FROM clusters" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY date, cluster_id"
        if limit is not None:
            sql += " LIMIT $limit"
            params["limit"] = max(0, int(limit))
        return _dicts(self._con.execute(sql, params))

    def cluster_members(self, cluster_id: str | None = None) -> list[dict[str, Any]]:
        """Report rows (as dicts) of one cluster, or of all; by publication date, article, position."""
        sql = "SELECT * FROM cluster_members"
        params: dict[str, Any] = {}
        if cluster_id is not None:
            sql += " WHERE cluster_id = $cluster_id"
            params["cluster_id"] = cluster_id
        sql += " ORDER BY pub_date, article_id, seq, actor_pos, recipient_pos"
        return _dicts(self._con.execute(sql, params))

    def cluster_assignments(self) -> dict[tuple[str, int, int], str]:
        """``{(event_id, actor_pos, recipient_pos): cluster_id}`` for every report."""
        rows = self._con.execute(
            "SELECT event_id, actor_pos, recipient_pos, cluster_id FROM cluster_members"
        ).fetchall()
        return {(e, a, r): c for e, a, r, c in rows}


def _dicts(cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


class _registered:
    """Register Python objects (dicts of numpy arrays) as views for the length of a block."""

    def __init__(self, con, **objects):
        self.con, self.objects = con, objects

    def __enter__(self):
        for name, obj in self.objects.items():
            self.con.register(name, obj)
        return self

    def __exit__(self, *exc):
        for name in self.objects:
            self.con.unregister(name)
