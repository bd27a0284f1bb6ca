"""PLOVER JSON records, one object a line, in the layout of the PLOVER specification.

Field names follow the specification's JSON chapter (Open Event Data Alliance,
PLOVER manual 0.7): ``id``, ``date``, ``enddate``, ``source`` (the actors) and
``recipient`` as lists of actor objects (``code``, ``sector``, ``actor_text``),
``event``, ``mode``, ``context``, ``event_loc`` (GeoNames field names, ISO-2
``country_code`` with ``cc3``), ``event_text``, ``quad_code``, ``event_scale``,
``link`` (the event cluster: every report of one real event shares it),
``text_info``, ``cite_info``, ``coder`` and ``coded_date``. The specification
invites extra fields; dyad adds ``event_type`` (the one PLOVER type, as a
string), ``cameo``, ``confidence`` and, for clusters, ``mentions``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import IO, Any, Iterable, Mapping

from dyad import __version__
from dyad.data import read_csv

# PLOVER's own quad categories (manual, "PLOVER quad categories"); REQUEST, which
# PLOVER added later, sits with the verbal cooperation of CAMEO 02 (appeals).
PLOVER_QUADS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "REQUEST": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
    "DEMAND": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip


@lru_cache(maxsize=1)
def _iso2() -> dict[str, str]:
    return {r["code"]: r["iso2"] for r in read_csv("countries.csv") if r["iso2"]}


def actor(entity: Mapping[str, Any]) -> dict[str, Any]:
    """A PLOVER actor object from a dyad entity: its CAMEO sector in PLOVER's vocabulary
    (INS and SEP are REB, HLH is MED...: :mod:`dyad.actors.plover`); ``cameo_code`` keeps
    dyad's CAMEO code."""
    from dyad.actors.plover import plover_sector

    country = entity.get("country")
    out: dict[str, Any] = {
        "code": country or entity.get("code"),
        "sector": plover_sector(entity),
        "actor_text": entity.get("text"),
        "identifier_text": entity.get("name"),
        "cameo_code": entity.get("code"),
    }
    return {k: v for k, v in out.items() if v is not None}


def location(loc: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """A PLOVER location object (GeoNames field names) from a dyad location."""
    if not loc or not loc.get("name"):
        return None
    cc3 = loc.get("country")
    out = {
        "geonameid": loc.get("geonameid"),
        "name": loc.get("name"),
        "latitude": loc.get("lat"),
        "longitude": loc.get("lon"),
        "feature_class": {"country": "A", "admin1": "A", "city": "P"}.get(loc.get("feature") or ""),
        "feature_code": {"country": "PCLI", "admin1": "ADM1"}.get(loc.get("feature") or ""),
        "country_code": _iso2().get(cc3 or ""),
        "cc3": cc3,
        "admin1": loc.get("admin1"),
    }
    return {k: v for k, v in out.items() if v is not None}


def record(row: Mapping[str, Any]) -> dict[str, Any]:
    """The PLOVER object of a store row (``Store.export_rows('plover', ...)``).

    ``row['record']`` is dyad's event record; a cluster row also has ``cluster``
    (its date, dyad codes and counts), which then take precedence.
    """
    r = json.loads(row["record"]) if isinstance(row["record"], str) else row["record"]
    cluster = row.get("cluster")
    plover = r.get("plover")
    start, end = r.get("sentence_span") or (None, None)
    out: dict[str, Any] = {
        "id": row["cluster_id"] if cluster else r["event_id"],
        "date": (cluster["date"].isoformat() if cluster else r["date"]),
    }
    if not cluster and r.get("date_precision") == "range" and r.get("date_end"):
        out["enddate"] = r["date_end"]
    actors = [actor(a) for a in r.get("actors") or []]
    recipients = [actor(a) for a in r.get("recipients") or []]
    if cluster:  # the cluster is one dyad: keep the matching actor and recipient
        actors = [a for a in actors if a.get("code") == cluster["actor_country"]][:1] or actors[:1]
        recipients = [a for a in recipients if a.get("code") == cluster["recipient_country"]][:1] or recipients[:1]
    out.update(
        {
            "source": actors,
            "recipient": recipients,
            "event": [plover] if plover else [],
            "event_type": plover,
            "mode": r.get("plover_mode"),
            "context": r.get("contexts") or [],
            "event_loc": location(r.get("location")),
            "event_text": [r.get("sentence")] if r.get("sentence") else [],
            "quad_code": PLOVER_QUADS.get(plover or "", r.get("quad_class")),
            "event_scale": r.get("goldstein"),
            "cameo": r.get("cameo"),
            "confidence": cluster["confidence"] if cluster else r.get("confidence"),
            "link": row.get("cluster_id"),
            "text_info": {"start": start, "end": end},
            "cite_info": {
                "citation": r.get("article_id"),
                "url": row.get("url"),
                "title": row.get("title") or None,
                "publication": row.get("source"),
                "coder": f"dyad {__version__}",
            },
            "coder": f"dyad {__version__} ({(r.get('coder') or {}).get('kind', '')})",
            "coded_date": row["coded_at"].date().isoformat() if row.get("coded_at") else None,
        }
    )
    if cluster:
        out["mentions"] = {k: cluster[k] for k in ("num_mentions", "num_articles", "num_sources")}
        out["mentions"]["first_seen"] = cluster["first_seen"].isoformat()
    out["cite_info"] = {k: v for k, v in out["cite_info"].items() if v is not None}
    return {k: v for k, v in out.items() if v is not None}


def write_records(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write PLOVER records as JSON Lines; return how many."""
    n = 0
    for row in rows:
        out.write(json.dumps(record(row), ensure_ascii=False) + "\n")
        n += 1
    return n
