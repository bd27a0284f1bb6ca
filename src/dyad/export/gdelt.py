"""GDELT 2.0 event and mentions tables: tab-separated, no header, the official column order.

One event row per dyadic event: a cluster (``--what clusters``, the default)
or a single report (``--what events``), where an event with several actors or
recipients gives one row per actor x recipient pair. Geography follows GDELT:
the ``*Geo_CountryCode`` fields hold FIPS 10-4 country codes (from
``data/fips_countries.csv``), not ISO codes. What dyad does not know is left
as GDELT leaves unknowns: empty, or 0 for the geographic type and the tone.
See ``docs/analysis.md`` for each field's source and its caveats.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from typing import IO, Any, Iterable, Mapping

from dyad.data import load_ontology, read_csv

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

# GDELT's geographic resolution codes.
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
# MentionType: a web page with a URL; a citation without one.
MENTION_WEB, MENTION_CITATION = 1, 2
# Actor country codes that are not countries (their code is a type: IGO, NGO...).
_NOT_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "IMG"})


@dataclass(frozen=True, slots=True)
class GeoTables:
    """What the geography fields need: FIPS codes and country names, by ISO-3."""

    fips: Mapping[str, str]
    names: Mapping[str, str]
    actor_types: frozenset[str]
    known_groups: frozenset[str]


@lru_cache(maxsize=1)
def load_geo_tables() -> GeoTables:
    """The FIPS table, dyad's country names and the CAMEO type and group codes, once per process."""
    fips = {r["iso3"]: r["fips"] for r in read_csv("fips_countries.csv")}
    names = {r["code"]: r["name"] for r in read_csv("countries.csv")}
    onto = load_ontology()
    return GeoTables(fips, names, frozenset(onto.actor_types), frozenset(onto.known_groups))


def split_actor_code(code: str | None, country: str | None, tables: GeoTables) -> dict[str, str]:
    """A CAMEO actor code's parts: country, known group and up to three types.

    ``RUSMIL`` is country RUS, type MIL; ``IGOUNO`` is type IGO, group UNO (no
    country); ``UKRREBSEP`` is country UKR, types REB and SEP.
    """
    out = {"country": "", "group": "", "types": []}
    if not code:
        if country and country not in _NOT_COUNTRIES:
            out["country"] = country
        return out
    rest = code
    if country and country not in _NOT_COUNTRIES and code.startswith(country):
        out["country"], rest = country, code[len(country) :]
    for i in range(0, len(rest), 3):
        unit = rest[i : i + 3]
        # UNO, AMN and IRC are both CAMEO types and known groups; GDELT files them as groups
        if unit in tables.known_groups and not out["group"]:
            out["group"] = unit
        elif unit in tables.actor_types and len(out["types"]) < 3:
            out["types"].append(unit)
    return out


def _clean(value: Any) -> str:
    """A field value: no tabs or line breaks inside, None as empty."""
    if value is None:
        return ""
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


def _day(d: Date) -> str:
    return d.strftime("%Y%m%d")


def _fraction(d: Date) -> str:
    return f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}"


def _number(x: float | None, digits: int = 1) -> str:
    if x is None:
        return ""
    text = f"{x:.{digits}f}"
    return text


def geo_fields(location: Mapping[str, Any] | None, tables: GeoTables) -> list[str]:
    """The eight ``*Geo_`` fields for a dyad location record (or empty ones, type 0)."""
    if not location or not location.get("name"):
        return ["0", "", "", "", "", "", "", ""]
    country = location.get("country") or ""
    feature = location.get("feature") or ""
    fips = tables.fips.get(country, "")
    us = country == "USA"
    if feature == "country":
        kind = GEO_COUNTRY
    elif feature == "admin1":
        kind = GEO_US_STATE if us else GEO_WORLD_STATE
    else:
        kind = GEO_US_CITY if us else GEO_WORLD_CITY
    country_name = tables.names.get(country, "")
    if kind == GEO_COUNTRY:
        full = country_name or location["name"]
    else:
        admin1 = location.get("admin1") if kind in (GEO_US_CITY, GEO_WORLD_CITY) else None
        parts = [location["name"], admin1, country_name]
        full = ", ".join(p for p in dict.fromkeys(p for p in parts if p))
    lat, lon = location.get("lat"), location.get("lon")
    geonameid = location.get("geonameid")
    feature_id = str(geonameid) if geonameid else (fips if kind == GEO_COUNTRY else "")
    return [
        str(kind),
        _clean(full),
        fips,
        fips,  # ADM1Code: dyad keeps no first-level division codes; GDELT writes the country code then
        "",
        _number(lat, 4) if lat is not None else "",
        _number(lon, 4) if lon is not None else "",
        feature_id,
    ]


def event_row(row: Mapping[str, Any], tables: GeoTables) -> list[str]:
    """One GDELT event row from a store row (see ``Store.export_rows('gdelt', ...)``)."""
    d: Date = row["date"]
    actors = []
    for side in ("actor", "recipient"):
        code, country, name = row[f"{side}_code"], row[f"{side}_country"], row[f"{side}_name"]
        parts = split_actor_code(code, country, tables)
        types = parts["types"] + [""] * (3 - len(parts["types"]))
        actors += [
            _clean(code),
            _clean(name.upper() if name else ""),
            parts["country"],
            parts["group"],
            "",  # EthnicCode: not coded by dyad
            "",  # Religion1Code
            "",  # Religion2Code
            *types,
        ]
    cameo = row["cameo"] or ""
    location = json.loads(row["location"]) if row.get("location") else None
    url = row.get("url") or row.get("source") or row["article_id"]
    return [
        str(row["global_id"]),
        _day(d),
        d.strftime("%Y%m"),
        str(d.year),
        _fraction(d),
        *actors,
        "1" if row.get("is_root") else "0",
        cameo,
        cameo[:3],
        row.get("cameo_root") or cameo[:2],
        str(row["quad_class"] or ""),
        _number(row["goldstein"]),
        str(row["num_mentions"]),
        str(row["num_sources"]),
        str(row["num_articles"]),
        "0",  # AvgTone: dyad does not score tone
        *geo_fields(None, tables),  # Actor1Geo: dyad does not place actors
        *geo_fields(None, tables),  # Actor2Geo
        *geo_fields(location, tables),
        _day(row["first_seen"]) + "000000",
        _clean(url),
    ]


def mention_row(row: Mapping[str, Any]) -> list[str]:
    """One GDELT mentions row from a store row (see ``Store.export_rows('gdelt-mentions', ...)``)."""
    url = row.get("url")

    def offset(value: int | None) -> str:
        return str(value) if value is not None else "-1"

    confidence = row.get("confidence")
    return [
        str(row["global_id"]),
        _day(row["event_day"]) + "000000",
        _day(row["pub_date"]) + "000000",
        str(MENTION_WEB if url else MENTION_CITATION),
        _clean(row.get("source") or _host(url) or "unknown"),
        _clean(url or row["article_id"]),
        str(row["sentence_no"]),
        offset(row.get("actor_offset")),
        offset(row.get("recipient_offset")),
        offset(row.get("action_offset")),
        "0" if row.get("inferred") else "1",
        str(max(10, min(100, round((confidence if confidence is not None else 0.5) * 100)))),
        str(row["doc_len"]),
        "0",  # MentionDocTone
        "",  # MentionDocTranslationInfo: English source text
        "",  # Extras
    ]


def _host(url: str | None) -> str:
    if not url or "://" not in url:
        return ""
    host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0].lower()
    return host[4:] if host.startswith("www.") else host


def write_events(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write GDELT event rows; return how many."""
    tables = load_geo_tables()
    n = 0
    for row in rows:
        out.write("\t".join(event_row(row, tables)) + "\n")
        n += 1
    return n


def write_mentions(rows: Iterable[Mapping[str, Any]], out: IO[str]) -> int:
    """Write GDELT mentions rows; return how many."""
    n = 0
    for row in rows:
        out.write("\t".join(mention_row(row)) + "\n")
        n += 1
    return n
