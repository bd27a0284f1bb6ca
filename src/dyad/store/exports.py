"""The store's side of exports and analysis: rows for dyad.export and dyad.analysis.

Mixed into :class:`dyad.store.Store`. Plain tables go to CSV and Parquet with
DuckDB's own ``COPY``; GDELT and PLOVER rows stream out in batches for
:mod:`dyad.export` to format.
"""

from __future__ import annotations

from datetime import date as Date
from pathlib import Path
from typing import Any, Iterator

_EVENT_COLUMNS = """
    e.event_id, e.article_id, e.pub_date, e.date, e.date_precision, e.date_end, e.cameo, e.cameo_root,
    e.goldstein, e.quad_class, e.plover, e.plover_mode, e.contexts, e.actor_code, e.actor_country,
    e.recipient_code, e.recipient_country, e.place, e.place_country, e.sentence, e.confidence, e.modality,
    e.coder, e.coder_name, m.cluster_id, a.url, a.source
"""

# Plain tables, for CSV and Parquet.
_TABLES = {
    "events": f"""
        SELECT {_EVENT_COLUMNS}
        FROM events e JOIN articles a ON a.id = e.article_id
        LEFT JOIN cluster_members m ON m.event_id = e.event_id AND m.actor_pos <= 0 AND m.recipient_pos <= 0
        ORDER BY e.date, e.article_id, e.seq""",
    "clusters": """
        SELECT c.* EXCLUDE (block), a.url AS first_url
        FROM clusters c JOIN articles a ON a.id = c.first_article_id
        ORDER BY c.date, c.cluster_id""",
}

# A report's numeric id: from its event id and its actor and recipient positions.
_REPORT_ID = """(md5_number(e.event_id || '.' || coalesce(ea.position, -1) || '.' || coalesce(er.position, -1))
                >> 68)::BIGINT"""

# One row per cluster (a dyadic event): what a GDELT event row needs.
_GDELT_CLUSTERS = """
WITH roots AS (
    SELECT m.cluster_id, bool_or(json_extract(e.record, '$.sentence_span[0]')::INTEGER = 0) AS is_root
    FROM cluster_members m JOIN events e ON e.event_id = m.event_id GROUP BY m.cluster_id
)
SELECT c.global_id, c.date, c.cameo, c.cameo_root, c.quad_class, c.goldstein,
       c.actor_code, c.actor_country, coalesce(ea.name, ea.text) AS actor_name,
       c.recipient_code, c.recipient_country, coalesce(er.name, er.text) AS recipient_name,
       c.num_mentions, c.num_sources, c.num_articles, coalesce(r.is_root, false) AS is_root,
       json_extract_string(pe.record, '$.location') AS location,
       c.first_seen, a.url, a.id AS article_id, a.source
FROM clusters c
JOIN cluster_members l ON l.cluster_id = c.cluster_id AND l.leads
LEFT JOIN entities ea ON ea.event_id = l.event_id AND ea.role = 'actor' AND ea.position = l.actor_pos
LEFT JOIN entities er ON er.event_id = l.event_id AND er.role = 'recipient' AND er.position = l.recipient_pos
LEFT JOIN events pe ON pe.event_id = c.place_event_id
LEFT JOIN roots r ON r.cluster_id = c.cluster_id
JOIN articles a ON a.id = c.first_article_id
ORDER BY c.date, c.global_id
"""

# One row per report (event x actor x recipient), not deduplicated.
_GDELT_REPORTS = f"""
SELECT {_REPORT_ID} AS global_id, e.date, e.cameo, e.cameo_root, e.quad_class, e.goldstein,
       ea.code AS actor_code, ea.country AS actor_country, coalesce(ea.name, ea.text) AS actor_name,
       er.code AS recipient_code, er.country AS recipient_country, coalesce(er.name, er.text) AS recipient_name,
       1 AS num_mentions, 1 AS num_sources, 1 AS num_articles,
       json_extract(e.record, '$.sentence_span[0]')::INTEGER = 0 AS is_root,
       json_extract_string(e.record, '$.location') AS location,
       e.pub_date AS first_seen, a.url, a.id AS article_id, a.source
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN entities ea ON ea.event_id = e.event_id AND ea.role = 'actor'
LEFT JOIN entities er ON er.event_id = e.event_id AND er.role = 'recipient'
ORDER BY e.date, global_id
"""

# One row per report, for the GDELT mentions table.
_MENTION_PARTS = """
       m.pub_date, a.url, a.source, a.id AS article_id, length(a.text) AS doc_len,
       len(regexp_extract_all(left(a.text, m.sentence_start), '[.!?]+["'')\\]]*\\s+')) + 1 AS sentence_no,
       ea.span_start AS actor_offset, er.span_start AS recipient_offset, m.action_offset,
       coalesce(ea.how, '') IN ('coref', 'context') OR coalesce(er.how, '') IN ('coref', 'context') AS inferred,
       m.confidence
"""

_GDELT_MENTIONS_CLUSTERS = f"""
SELECT c.global_id, c.first_seen AS event_day, {_MENTION_PARTS}
FROM (
    SELECT m.*, json_extract(e.record, '$.sentence_span[0]')::INTEGER AS sentence_start,
           json_extract(e.record, '$.trigger.span[0]')::INTEGER AS action_offset
    FROM cluster_members m JOIN events e ON e.event_id = m.event_id
) m
JOIN clusters c ON c.cluster_id = m.cluster_id
JOIN articles a ON a.id = m.article_id
LEFT JOIN entities ea ON ea.event_id = m.event_id AND ea.role = 'actor' AND ea.position = m.actor_pos
LEFT JOIN entities er ON er.event_id = m.event_id AND er.role = 'recipient' AND er.position = m.recipient_pos
ORDER BY c.date, c.global_id, m.pub_date, m.article_id, m.seq
"""

_GDELT_MENTIONS_REPORTS = f"""
SELECT global_id, m.pub_date AS event_day, {_MENTION_PARTS}
FROM (
    SELECT e.*, {_REPORT_ID} AS global_id, ea.position AS actor_pos, er.position AS recipient_pos,
           json_extract(e.record, '$.sentence_span[0]')::INTEGER AS sentence_start,
           json_extract(e.record, '$.trigger.span[0]')::INTEGER AS action_offset
    FROM events e
    LEFT JOIN entities ea ON ea.event_id = e.event_id AND ea.role = 'actor'
    LEFT JOIN entities er ON er.event_id = e.event_id AND er.role = 'recipient'
) m
JOIN articles a ON a.id = m.article_id
LEFT JOIN entities ea ON ea.event_id = m.event_id AND ea.role = 'actor' AND ea.position = m.actor_pos
LEFT JOIN entities er ON er.event_id = m.event_id AND er.role = 'recipient' AND er.position = m.recipient_pos
ORDER BY m.date, global_id
"""

# PLOVER records: every event with its article and (first dyad's) cluster...
_PLOVER_EVENTS = """
SELECT e.record, a.url, a.title, a.source, a.coded_at, m.cluster_id, NULL AS cluster
FROM events e JOIN articles a ON a.id = e.article_id
LEFT JOIN cluster_members m ON m.event_id = e.event_id AND m.actor_pos <= 0 AND m.recipient_pos <= 0
ORDER BY e.date, e.article_id, e.seq
"""

# ...or every cluster, through its representative report.
_PLOVER_CLUSTERS = """
SELECT e.record, a.url, a.title, a.source, a.coded_at, c.cluster_id,
       {'date': c.date, 'date_precision': c.date_precision, 'actor_code': c.actor_code,
        'actor_country': c.actor_country, 'recipient_code': c.recipient_code,
        'recipient_country': c.recipient_country, 'num_mentions': c.num_mentions,
        'num_articles': c.num_articles, 'num_sources': c.num_sources, 'confidence': c.confidence,
        'first_seen': c.first_seen} AS cluster
FROM clusters c JOIN events e ON e.event_id = c.event_id JOIN articles a ON a.id = c.article_id
ORDER BY c.date, c.cluster_id
"""

EXPORT_QUERIES = {
    ("gdelt", "clusters"): _GDELT_CLUSTERS,
    ("gdelt", "events"): _GDELT_REPORTS,
    ("gdelt-mentions", "clusters"): _GDELT_MENTIONS_CLUSTERS,
    ("gdelt-mentions", "events"): _GDELT_MENTIONS_REPORTS,
    ("plover", "events"): _PLOVER_EVENTS,
    ("plover", "clusters"): _PLOVER_CLUSTERS,
}

# -- analysis -------------------------------------------------------------------------

PERIODS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}

# Counts per period, quad class and PLOVER type for one dyad: from clusters (one row per
# event), or from every report (every actor x recipient pair of every stored event).
_SERIES = """
    SELECT date_trunc($period, date)::DATE AS period, quad_class, plover,
           count(*) AS n, sum(goldstein) AS goldstein_sum, sum(num_mentions) AS mentions
    FROM clusters
    WHERE {actor} AND {recipient} AND date BETWEEN $since AND $until
    GROUP BY ALL"""

_RAW_SERIES = """
    SELECT date_trunc($period, e.date)::DATE AS period, e.quad_class, e.plover,
           count(*) AS n, sum(e.goldstein) AS goldstein_sum, count(*) AS mentions
    FROM events e
    JOIN entities a ON a.event_id = e.event_id AND a.role = 'actor'
    JOIN entities r ON r.event_id = e.event_id AND r.role = 'recipient'
    WHERE {actor} AND {recipient} AND e.date BETWEEN $since AND $until
    GROUP BY ALL"""

_INDEX = """(count(*) FILTER (WHERE quad_class IN (1, 2)) - count(*) FILTER (WHERE quad_class IN (3, 4))) / count(*)"""

_TOP_DYADS = {
    False: f"""
        SELECT {{a}} AS actor, {{r}} AS recipient, count(*) AS events, sum(num_mentions) AS mentions,
               avg(goldstein) AS goldstein_mean, {_INDEX} AS cci
        FROM clusters
        WHERE {{a}} IS NOT NULL AND {{r}} IS NOT NULL AND date BETWEEN $since AND $until
        GROUP BY ALL ORDER BY events DESC, mentions DESC, actor, recipient LIMIT $limit""",
    True: f"""
        SELECT {{a}} AS actor, {{r}} AS recipient, count(*) AS events, count(*) AS mentions,
               avg(goldstein) AS goldstein_mean, {_INDEX} AS cci
        FROM (SELECT e.date, e.goldstein, e.quad_class, a.code AS actor_code, a.country AS actor_country,
                     r.code AS recipient_code, r.country AS recipient_country
              FROM events e
              JOIN entities a ON a.event_id = e.event_id AND a.role = 'actor'
              JOIN entities r ON r.event_id = e.event_id AND r.role = 'recipient')
        WHERE {{a}} IS NOT NULL AND {{r}} IS NOT NULL AND date BETWEEN $since AND $until
        GROUP BY ALL ORDER BY events DESC, mentions DESC, actor, recipient LIMIT $limit""",
}

_FAR_PAST, _FAR_FUTURE = Date(1, 1, 1), Date(9999, 12, 31)


class ExportQueries:
    """Exports and analysis queries (mixed into ``Store``)."""

    _con: Any

    def copy_table(self, what: str, path: str | Path, fmt: str) -> int:
        """Write ``events`` or ``clusters`` to ``path`` as ``csv`` or ``parquet``; return rows written."""
        if what not in _TABLES:
            raise ValueError(f"cannot export {what!r}; choose from {sorted(_TABLES)}")
        options = {"csv": "(FORMAT csv, HEADER true)", "parquet": "(FORMAT parquet, COMPRESSION zstd)"}
        if fmt not in options:
            raise ValueError(f"unknown table format {fmt!r}; choose from {sorted(options)}")
        self._con.execute(f"COPY ({_TABLES[what]}) TO $path {options[fmt]}", {"path": str(path)})
        return self._con.execute(f"SELECT count(*) FROM ({_TABLES[what]})").fetchone()[0]

    def export_rows(self, fmt: str, what: str, *, batch: int = 10_000) -> Iterator[dict[str, Any]]:
        """Rows (dicts) for a ``gdelt``, ``gdelt-mentions`` or ``plover`` export of ``events`` or ``clusters``."""
        try:
            sql = EXPORT_QUERIES[(fmt, what)]
        except KeyError:
            raise ValueError(f"no {fmt} export of {what}") from None
        cur = self._con.cursor()
        try:
            result = cur.execute(sql)
            names = [d[0] for d in result.description]
            while rows := result.fetchmany(batch):
                for row in rows:
                    yield dict(zip(names, row))
        finally:
            cur.close()

    def has_clusters(self) -> bool:
        """Whether clusters have been built (``dyad cluster``) for a database with events."""
        return self._con.execute("SELECT count(*) > 0 FROM clusters").fetchone()[0]

    def unclustered_events(self) -> int:
        """Stored events not in any cluster yet (coded after the last ``dyad cluster``)."""
        return self._con.execute(
            """SELECT count(*) FROM events e
               WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.event_id = e.event_id)"""
        ).fetchone()[0]

    def dyad_counts(
        self,
        actor: str,
        recipient: str,
        *,
        period: str = "month",
        raw: bool = False,
        since: Date | None = None,
        until: Date | None = None,
        both_ways: bool = False,
    ) -> list[tuple]:
        """``(period start, quad class, PLOVER type, events, Goldstein sum, mentions)`` rows for a dyad.

        ``actor`` and ``recipient`` are country codes (3 letters) or full CAMEO actor
        codes ("RUSMIL"), matched as prefixes of the actor codes. From clusters,
        or with ``raw`` from every actor x recipient pair of every stored event (clustered
        or not). ``both_ways`` adds recipient -> actor.
        """
        if period not in PERIODS:
            raise ValueError(f"unknown period {period!r}; choose from {sorted(PERIODS)}")
        params = {
            "period": PERIODS[period],
            "a": actor,
            "r": recipient,
            "since": since or _FAR_PAST,
            "until": until or _FAR_FUTURE,
        }
        if raw:
            sql, a_col, r_col, a_code, r_code = _RAW_SERIES, "a.country", "r.country", "a.code", "r.code"
        else:
            sql, a_col, r_col = _SERIES, "actor_country", "recipient_country"
            a_code, r_code = "actor_code", "recipient_code"

        def side(col: str, code: str, param: str) -> str:
            # a country code matches the country column (fast); a longer code, the code's prefix
            return f"({col} = ${param} OR (length(${param}) > 3 AND starts_with({code}, ${param})))"

        forward = sql.replace("{actor}", side(a_col, a_code, "a")).replace("{recipient}", side(r_col, r_code, "r"))
        if not both_ways:
            return self._con.execute(forward, params).fetchall()
        backward = sql.replace("{actor}", side(a_col, a_code, "r")).replace("{recipient}", side(r_col, r_code, "a"))
        return self._con.execute(
            f"SELECT period, quad_class, plover, sum(n), sum(goldstein_sum), sum(mentions) "
            f"FROM ({forward} UNION ALL {backward}) GROUP BY ALL",
            params,
        ).fetchall()

    def dyad_ranking(
        self,
        *,
        limit: int = 20,
        raw: bool = False,
        by: str = "country",
        since: Date | None = None,
        until: Date | None = None,
    ) -> list[dict[str, Any]]:
        """The dyads with the most events (clusters, or reports with ``raw``), with their
        mentions, mean Goldstein score and cooperation-conflict index; ``by`` country or code."""
        if by not in ("country", "code"):
            raise ValueError(f"rank dyads by 'country' or 'code', not {by!r}")
        a, r = (("actor_country", "recipient_country") if by == "country" else ("actor_code", "recipient_code"))
        sql = _TOP_DYADS[raw].replace("{a}", a).replace("{r}", r)
        cur = self._con.execute(
            sql, {"since": since or _FAR_PAST, "until": until or _FAR_FUTURE, "limit": max(0, int(limit))}
        )
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]
