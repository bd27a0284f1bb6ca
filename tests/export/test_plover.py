"""PLOVER JSON records: the specification's field names, one record a line."""

from __future__ import annotations

import json

from dyad.export import export


def records(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_plover_events(clustered, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(clustered, "plover", out) == 3
    recs = records(out)
    shelling = next(r for r in recs if r["event_type"] == "ASSAULT")
    assert shelling["date"] == "2024-03-05"
    assert shelling["event"] == ["ASSAULT"] and shelling["mode"] == "heavy-weapons"
    assert shelling["context"] == ["military"]
    assert shelling["source"] == [
        {"code": "RUS", "sector": "MIL", "actor_text": "Russian forces", "identifier_text": "Russian forces",
         "cameo_code": "RUSMIL"}
    ]  # fmt: skip
    assert shelling["recipient"][0]["code"] == "UKR"
    assert shelling["event_loc"] == {
        "geonameid": 706483, "name": "Kharkiv", "latitude": 49.98, "longitude": 36.25, "feature_class": "P",
        "country_code": "UA", "cc3": "UKR", "admin1": "Kharkivska",
    }  # fmt: skip
    assert shelling["event_text"] == ["Russian forces shelled Kharkiv on Tuesday."]
    assert shelling["quad_code"] == 4 and shelling["event_scale"] == -10.0 and shelling["cameo"] == "195"
    assert shelling["cite_info"]["url"] == "https://apnews.com/a1" and shelling["cite_info"]["publication"] == "AP"
    assert shelling["text_info"] == {"start": 0, "end": len("Russian forces shelled Kharkiv on Tuesday.")}
    # both reports of the shelling share their cluster as the link
    links = [r["link"] for r in recs if r["event_type"] == "ASSAULT"]
    assert len(links) == 2 and links[0] == links[1] and links[0]
    accuse = next(r for r in recs if r["event_type"] == "ACCUSE")
    assert [a["code"] for a in accuse["source"]] == ["RUS", "BLR"]  # one record, both actors


def test_plover_clusters(clustered, tmp_path):
    out = tmp_path / "clusters.jsonl"
    assert export(clustered, "plover", out, "clusters") == 3
    recs = {(r["source"][0]["code"], r["event_type"]): r for r in records(out)}
    shelling = recs[("RUS", "ASSAULT")]
    assert shelling["mentions"] == {"num_mentions": 2, "num_articles": 2, "num_sources": 1, "first_seen": "2024-03-05"}
    assert shelling["id"] == shelling["link"]
    assert [a["code"] for a in recs[("BLR", "ACCUSE")]["source"]] == ["BLR"]  # a cluster is one dyad
