"""Checks on the knowledge-base CSV files in dyad/data.

countries.csv, organisations.csv, sectors.csv and persons.csv are written by hand, so these
tests guard their shape: exact headers, codes that exist in the CAMEO tables, dates that parse
and run forwards, no duplicate keys, no empty names, and no surface string that two rows claim.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from datetime import date
from functools import lru_cache

import pytest

from dyad.data import DATA_DIR, read_csv

HEADERS = {
    "countries.csv": ["code", "cameo", "iso2", "name", "aliases", "demonyms", "capitals", "provenance"],
    "organisations.csv": ["name", "aliases", "country", "sector", "group", "kind", "start", "end", "provenance"],
    "sectors.csv": ["phrase", "sector", "kind", "provenance"],
    "persons.csv": ["name", "aliases", "country", "sector", "office", "start", "end", "provenance"],
}
ORG_KINDS = {
    "seat", "ministry", "legislature", "court", "intelligence", "police", "military", "party",
    "media", "company", "igo", "ngo", "armed_group",
}
SECTOR_KINDS = {"title", "noun", "group"}
# Codes for whole international bodies are not agent sectors.
NOT_AGENT_SECTORS = {"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS", "AMN", "IRC", "GRP", "UNO"}
LATEST = date(2026, 12, 31)
# REL (clergy, religious bodies) comes from CAMEO's separate religion scheme, not from GDELT's type
# list in cameo_actor_types.csv; the knowledge base uses it as a sector for religious actors.
EXTRA_SECTORS = frozenset({"REL"})


def rows(name: str) -> list[dict[str, str]]:
    return list(read_csv(name))


def split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


@lru_cache(maxsize=None)
def cameo_codes(name: str) -> frozenset[str]:
    return frozenset(r["code"] for r in read_csv(name))


@lru_cache(maxsize=None)
def country_codes() -> frozenset[str]:
    return frozenset(r["code"] for r in read_csv("countries.csv"))


@lru_cache(maxsize=None)
def country_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for r in read_csv("countries.csv"):
        for field in ("name", "aliases", "demonyms", "capitals"):
            for v in split(r[field]):
                words.setdefault(v.lower(), r["code"])
    return words


def parse_date(value: str) -> tuple[date, date]:
    """The earliest and latest day a YYYY, YYYY-MM or YYYY-MM-DD value can mean."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        raise ValueError(f"not YYYY[-MM[-DD]]: {value!r}")
    y, mo, d = int(m[1]), m[2], m[3]
    if d is not None:
        day = date(y, int(mo), int(d))
        return day, day
    if mo is not None:
        first = date(y, int(mo), 1)
        nxt = date(y + (first.month == 12), first.month % 12 + 1, 1)
        return first, date.fromordinal(nxt.toordinal() - 1)
    return date(y, 1, 1), date(y, 12, 31)


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_kb_file_header_is_exact(name):
    path = DATA_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        header_line = next(line for line in fh if line.strip() and not line.lstrip().startswith("#"))
    assert next(csv.reader([header_line])) == HEADERS[name]


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_kb_file_rows_have_provenance_and_no_stray_spaces(name):
    for r in rows(name):
        assert r["provenance"], r
        first = HEADERS[name][0]
        assert r[first], f"{name}: empty {first}: {r}"
        for field, value in r.items():
            assert "||" not in value and not value.startswith("|") and not value.endswith("|"), (field, r)


# ---------------------------------------------------------------- countries.csv


def test_countries_codes_are_unique_and_map_to_cameo():
    cameo = cameo_codes("cameo_countries.csv")
    seen_code, seen_cameo, seen_iso2 = set(), set(), set()
    for r in rows("countries.csv"):
        assert re.fullmatch(r"[A-Z]{3}", r["code"]), r
        assert r["code"] not in seen_code, r["code"]
        seen_code.add(r["code"])
        emitted = r["cameo"] or r["code"]
        assert emitted in cameo, f"{r['code']}: CAMEO code {emitted} not in cameo_countries.csv"
        assert r["cameo"] != r["code"], f"{r['code']}: cameo repeats code; leave it empty"
        assert emitted not in seen_cameo, emitted
        seen_cameo.add(emitted)
        if r["iso2"]:
            assert re.fullmatch(r"[A-Z]{2}", r["iso2"]), r
            assert r["iso2"] not in seen_iso2, r["iso2"]
            seen_iso2.add(r["iso2"])
        assert r["name"], r


def test_countries_skip_regions_and_places():
    codes = {r["cameo"] or r["code"] for r in rows("countries.csv")}
    for place in ("AFR", "EUR", "MEA", "WST", "WSB", "GZS", "BAG"):
        assert place not in codes


def test_countries_surface_strings_belong_to_one_country():
    owner: dict[str, str] = {}
    for r in rows("countries.csv"):
        for field in ("name", "aliases", "demonyms", "capitals"):
            for v in split(r[field]):
                key = v.lower()
                assert owner.setdefault(key, r["code"]) == r["code"], (
                    f"{v!r} is claimed by {owner[key]} and {r['code']}"
                )


def test_countries_include_the_major_states():
    codes = {r["code"] for r in rows("countries.csv")}
    assert {"USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IND", "PAK", "ISR", "PSE", "UKR", "ROU"} <= codes


# ---------------------------------------------------------------- organisations.csv


def test_organisations_codes_exist():
    sectors = cameo_codes("cameo_actor_types.csv") | EXTRA_SECTORS
    groups = cameo_codes("cameo_known_groups.csv")
    countries = country_codes() | {"IGO", "NGO"}
    for r in rows("organisations.csv"):
        assert r["name"], r
        assert not r["country"] or r["country"] in countries, r
        assert not r["sector"] or r["sector"] in sectors, r
        assert not r["group"] or r["group"] in groups, r
        assert r["kind"] in ORG_KINDS, r


def test_organisations_names_and_aliases_are_unambiguous():
    owner: dict[str, str] = {}
    for r in rows("organisations.csv"):
        for v in [r["name"], *split(r["aliases"])]:
            key = v.lower()
            assert owner.setdefault(key, r["name"]) == r["name"], (
                f"{v!r} is claimed by {owner[key]!r} and {r['name']!r}"
            )


def test_organisations_do_not_shadow_country_names():
    words = country_words()
    for r in rows("organisations.csv"):
        for v in [r["name"], *split(r["aliases"])]:
            assert v.lower() not in words, f"{v!r} ({r['name']}) is also a name of {words[v.lower()]}"


def test_organisations_igos_carry_no_country_sector():
    for r in rows("organisations.csv"):
        if r["kind"] == "igo":
            assert r["country"] == "IGO", r
            assert r["sector"] in {"", "PKO", "MIL", "COP", "LEG", "JUD"}, r


def test_organisations_dated_roles_are_consecutive():
    """A body listed more than once (the Taliban before and after August 2021) has one row per
    period, and the periods do not overlap."""
    periods = defaultdict(list)
    for r in rows("organisations.csv"):
        if r["start"] or r["end"]:
            start = parse_date(r["start"])[0] if r["start"] else date.min
            end = parse_date(r["end"])[0] if r["end"] else date.max
            assert start < end, r
            periods[r["name"]].append((start, end))
    assert "Taliban" in periods
    for name, spans in periods.items():
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"{name}: periods overlap"
    for r in rows("organisations.csv"):
        if r["name"] in periods:
            assert r["start"] or r["end"], f"{r['name']}: an undated row beside dated ones"


def test_organisations_are_plentiful():
    assert len(rows("organisations.csv")) >= 300


# ---------------------------------------------------------------- sectors.csv


def test_sectors_phrases_are_unique_lowercase_and_coded():
    sectors = cameo_codes("cameo_actor_types.csv") | EXTRA_SECTORS
    seen = set()
    for r in rows("sectors.csv"):
        p = r["phrase"]
        assert p and p == p.lower() and p == " ".join(p.split()), r
        assert p not in seen, p
        seen.add(p)
        assert r["sector"] in sectors and r["sector"] not in NOT_AGENT_SECTORS, r
        assert r["kind"] in SECTOR_KINDS, r
    assert len(seen) >= 1500


def test_sectors_do_not_shadow_countries_or_contradict_organisations():
    words = country_words()
    org_sector: dict[str, str] = {}
    for r in rows("organisations.csv"):
        for v in [r["name"], *split(r["aliases"])]:
            org_sector[v.lower()] = r["sector"]
    for r in rows("sectors.csv"):
        p = r["phrase"]
        assert p not in words, f"{p!r} is a country word of {words[p]}"
        if p in org_sector:
            assert org_sector[p] == r["sector"], f"{p!r}: sectors.csv {r['sector']} vs organisations.csv {org_sector[p]}"


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("president", "GOV"), ("prime minister", "GOV"), ("foreign minister", "GOV"),
        ("defence minister", "MIL"), ("defense minister", "MIL"), ("minister of defense", "MIL"),
        ("chief of the general staff", "MIL"), ("gen", "MIL"), ("col-gen", "MIL"), ("troops", "MIL"),
        ("police", "COP"), ("rebels", "REB"), ("insurgents", "INS"), ("militants", "INS"),
        ("protesters", "CVL"), ("opposition", "OPP"), ("lawmakers", "LEG"), ("judge", "JUD"),
        ("spy agency", "SPY"), ("journalists", "MED"), ("refugees", "REF"), ("interior ministry", "GOV"),
    ],
)
def test_sectors_core_entries(phrase, sector):
    table = {r["phrase"]: r["sector"] for r in rows("sectors.csv")}
    assert table.get(phrase) == sector


# ---------------------------------------------------------------- persons.csv


def test_persons_codes_and_dates_are_valid():
    sectors = cameo_codes("cameo_actor_types.csv") | EXTRA_SECTORS
    countries = country_codes() | {"IGO"}
    for r in rows("persons.csv"):
        assert r["name"] and r["office"], r
        assert r["office"] == r["office"].lower(), r
        assert r["country"] in countries, r
        if r["country"] == "IGO":
            assert r["sector"] in {"", "JUD"}, r
        else:
            assert r["sector"] in sectors, r
        start = parse_date(r["start"])[0] if r["start"] else None
        end = parse_date(r["end"])[1] if r["end"] else None
        for d in (start, end):
            assert d is None or d <= LATEST, r
        if start and end:
            assert start <= end, f"{r['name']} ({r['office']}): start {r['start']} after end {r['end']}"


def test_persons_have_no_duplicate_terms():
    seen = set()
    for r in rows("persons.csv"):
        key = (r["name"], r["country"], r["office"], r["start"])
        assert key not in seen, key
        seen.add(key)


def test_persons_aliases_are_unambiguous_within_a_country_at_a_time():
    """Two different people of one country never share a name or alias in overlapping terms."""
    spans = defaultdict(list)
    for r in rows("persons.csv"):
        start = parse_date(r["start"])[0] if r["start"] else date.min
        end = parse_date(r["end"])[1] if r["end"] else date.max
        for v in {r["name"].lower(), *(a.lower() for a in split(r["aliases"]))}:
            spans[(r["country"], v)].append((start, end, r["name"]))
    for (country, alias), terms in spans.items():
        for i, (s1, e1, n1) in enumerate(terms):
            for s2, e2, n2 in terms[i + 1 :]:
                if n1 != n2:
                    assert not (s1 < e2 and s2 < e1), f"{country} {alias!r}: {n1} and {n2} overlap"


def test_persons_required_examples():
    table = {(r["name"], r["office"], r["start"], r["end"], r["sector"]) for r in rows("persons.csv")}
    assert ("Valery Gerasimov", "chief of the general staff", "2012-11-09", "", "MIL") in table
    assert ("Sergei Shoigu", "defence minister", "2012-11-06", "2024-05-14", "MIL") in table
    assert ("Sergei Shoigu", "secretary of the security council", "2024-05-12", "", "GOV") in table
    assert (
        "Zubair Mahmood Hayat", "chairman joint chiefs of staff committee", "2016-11-29", "2019-11-27", "MIL"
    ) in table
    putin = sorted((r["start"], r["office"]) for r in rows("persons.csv") if r["name"] == "Vladimir Putin")
    assert [o for _, o in putin] == ["prime minister", "president", "prime minister", "president"]


def test_persons_are_plentiful():
    assert len(rows("persons.csv")) >= 1000
