"""GDELT 2.0 exports, read back by a reader that enforces GDELT's schema."""

from __future__ import annotations

import duckdb
import pytest
from gdelt_schema import EVENTS, MENTIONS, duckdb_columns, read

from dyad.errors import DyadError
from dyad.export import export
from dyad.export.gdelt import EVENT_COLUMNS, MENTION_COLUMNS, load_geo_tables, split_actor_code


def test_gdelt_columns_are_the_official_ones():
    assert len(EVENT_COLUMNS) == 61 and len(MENTION_COLUMNS) == 16
    assert list(EVENT_COLUMNS) == [c[0] for c in EVENTS]
    assert list(MENTION_COLUMNS) == [c[0] for c in MENTIONS]


def test_gdelt_clusters_pass_the_schema(clustered, tmp_path):
    out = tmp_path / "events.tsv"
    assert export(clustered, "gdelt", out) == 3  # one shelling, two accusation dyads
    rows = {(r["Actor1Code"], r["Actor2Code"]): r for r in read(out, EVENTS)}
    assert set(rows) == {("RUSMIL", "UKR"), ("RUS", "UKR"), ("BLR", "UKR")}
    shelling = rows[("RUSMIL", "UKR")]
    assert shelling["SQLDATE"] == 20240305 and shelling["MonthYear"] == 202403 and shelling["Year"] == 2024
    assert shelling["Actor1CountryCode"] == "RUS" and shelling["Actor1Type1Code"] == "MIL"
    assert shelling["Actor1Name"] == "RUSSIAN FORCES" and shelling["Actor2CountryCode"] == "UKR"
    assert (shelling["EventCode"], shelling["EventBaseCode"], shelling["EventRootCode"]) == ("195", "195", "19")
    assert shelling["QuadClass"] == 4 and shelling["GoldsteinScale"] == -10.0
    assert (shelling["NumMentions"], shelling["NumSources"], shelling["NumArticles"]) == (2, 1, 2)  # a copy
    assert shelling["AvgTone"] == 0 and shelling["IsRootEvent"] == 1
    # geography in FIPS 10-4: Ukraine is UP, not UA or UKR
    assert shelling["ActionGeo_Type"] == 4  # a city outside the US
    assert shelling["ActionGeo_FullName"] == "Kharkiv, Kharkivska, Ukraine"
    assert shelling["ActionGeo_CountryCode"] == "UP" and shelling["ActionGeo_ADM1Code"] == "UP"
    assert shelling["ActionGeo_Lat"] == pytest.approx(49.98) and shelling["ActionGeo_FeatureID"] == "706483"
    assert shelling["Actor1Geo_Type"] == 0 and shelling["Actor1Geo_CountryCode"] is None
    assert shelling["DATEADDED"] == 20240305000000 and shelling["SOURCEURL"] == "https://apnews.com/a1"


def test_gdelt_duckdb_reads_it_with_the_schema(clustered, tmp_path):
    out = tmp_path / "events.tsv"
    export(clustered, "gdelt", out)
    rows = duckdb.sql(
        "SELECT * FROM read_csv($path, delim = '\t', header = false, quote = '', escape = '', columns = $columns)",
        params={"path": str(out), "columns": duckdb_columns(EVENTS)},
    ).fetchall()
    assert len(rows) == 3 and all(len(r) == 61 for r in rows)


def test_gdelt_events_expand_actor_lists(clustered, tmp_path):
    out = tmp_path / "reports.tsv"
    assert export(clustered, "gdelt", out, "events") == 4  # 2 shelling reports + 2 accusation dyads
    rows = read(out, EVENTS)
    assert sorted(r["Actor1Code"] for r in rows) == ["BLR", "RUS", "RUSMIL", "RUSMIL"]
    assert all(r["NumMentions"] == 1 for r in rows)
    assert len({r["GLOBALEVENTID"] for r in rows}) == 4


def test_gdelt_mentions_link_to_events(clustered, tmp_path):
    events, mentions = tmp_path / "e.tsv", tmp_path / "m.tsv"
    export(clustered, "gdelt", events)
    assert export(clustered, "gdelt-mentions", mentions) == 4
    ids = {r["GLOBALEVENTID"]: r for r in read(events, EVENTS)}
    rows = read(mentions, MENTIONS)
    assert {r["GLOBALEVENTID"] for r in rows} == set(ids)
    shelling = [r for r in rows if ids[r["GLOBALEVENTID"]]["Actor1Code"] == "RUSMIL"]
    assert [r["MentionIdentifier"] for r in shelling] == ["https://apnews.com/a1", "https://www.reuters.com/b1"]
    assert [r["MentionSourceName"] for r in shelling] == ["AP", "Reuters"]
    first = shelling[0]
    assert first["EventTimeDate"] == 20240305000000 and first["MentionTimeDate"] == 20240305000000
    assert (first["SentenceID"], first["Actor1CharOffset"], first["ActionCharOffset"]) == (1, 0, 15)
    assert first["MentionType"] == 1 and first["InRawText"] == 1 and first["Confidence"] == 80
    uncited = [r for r in rows if r["MentionIdentifier"] == "c1"]
    assert uncited and all(r["MentionType"] == 2 for r in uncited)  # no URL: a citation


def test_gdelt_mentions_of_events_without_clusters(clustered, tmp_path):
    out = tmp_path / "m.tsv"
    assert export(clustered, "gdelt-mentions", out, "events") == 4
    assert len(read(out, MENTIONS)) == 4


def test_gdelt_clusters_need_dyad_cluster(store, make_article, make_event, tmp_path):
    a = make_article("x", "Russia accused Ukraine.")
    store.add_coded([(a, [make_event(a)])])
    with pytest.raises(DyadError, match="dyad cluster"):
        export(store, "gdelt", tmp_path / "e.tsv")
    assert export(store, "gdelt", tmp_path / "e.tsv", "events") == 1


def test_gdelt_split_actor_codes():
    tables = load_geo_tables()
    parts = lambda code, country: split_actor_code(code, country, tables)  # noqa: E731
    assert parts("RUSMIL", "RUS") == {"country": "RUS", "group": "", "types": ["MIL"]}
    assert parts("IGOUNO", "IGO") == {"country": "", "group": "UNO", "types": ["IGO"]}
    assert parts("UKRREBSEP", "UKR") == {"country": "UKR", "group": "", "types": ["REB", "SEP"]}
    assert parts(None, "FRA") == {"country": "FRA", "group": "", "types": []}


def test_gdelt_fips_table():
    fips = load_geo_tables().fips
    expected = {"DEU": "GM", "RUS": "RS", "UKR": "UP", "PAK": "PK", "GBR": "UK", "CHN": "CH", "ISR": "IS",
                "AUT": "AU", "AUS": "AS", "JPN": "JA", "KOR": "KS", "IRQ": "IZ", "USA": "US", "XKX": "KV"}  # fmt: skip
    assert {k: fips[k] for k in expected} == expected
    assert len(set(fips.values())) == len(fips)  # one country per code
    from dyad.data import read_csv

    iso3 = {r["code"] for r in read_csv("countries.csv")}
    missing = iso3 - set(fips)
    assert len(missing) <= 10, sorted(missing)  # former states and a few territories only
