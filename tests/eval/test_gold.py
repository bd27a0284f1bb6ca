"""Gold formats: detection and readers, on invented records and (when present) the real files."""

from __future__ import annotations

import json
from datetime import date as Date

import pytest

from dyad.errors import GoldFormatError
from dyad.evaluate.gold import READERS, detect_format, format_of_record, read_gold

EXPECTED_COUNTS = {  # items each reader yields on ../shared/gold (petrarch: scored suites only)
    "zsp_plv": 1478,
    "conflibert_cameo": 1276,
    "plover_gsr": 227,
    "petrarch": 50,
    "ecola_gdelt": 397,
    "case2021_task2": 720,
    "glocon_sample": 2183,
}


def test_format_of_record_recognises_every_tiny_set(tiny_sets):
    for fmt, records in tiny_sets.items():
        assert {format_of_record(r) for r in records} == {fmt}


def test_detect_format_by_records_beats_name(tiny_sets):
    assert detect_format("glocon_sample_dev.jsonl", tiny_sets["zsp_plv"][:1]) == "zsp_plv"


def test_detect_format_by_name_when_records_do_not_tell():
    assert detect_format("/x/petrarch_dev.jsonl", [{"id": "a", "text": "b"}]) == "petrarch"


def test_detect_format_unknown_raises():
    with pytest.raises(GoldFormatError, match="unknown gold format"):
        detect_format("mystery.jsonl", [{"id": "a", "text": "b"}])


def test_read_gold_bad_json_names_file_and_line(tmp_path):
    path = tmp_path / "zsp_plv_bad.jsonl"
    path.write_text('{"id": 1}\n{not json\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"zsp_plv_bad.jsonl:2"):
        read_gold(path)


def test_read_gold_empty_file_raises(tmp_path):
    path = tmp_path / "zsp_plv.jsonl"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="no records"):
        read_gold(path)


def test_read_gold_missing_labels_raises(write_jsonl):
    path = write_jsonl("zsp_plv.jsonl", [{"id": "a", "text": "b"}])
    with pytest.raises(GoldFormatError, match="no labels"):
        read_gold(path)


def test_read_gold_explicit_format_wins(write_jsonl, tiny_sets):
    path = write_jsonl("whatever.jsonl", tiny_sets["glocon_sample"])
    assert read_gold(path, "glocon_sample").dataset == "glocon_sample"
    with pytest.raises(GoldFormatError):
        read_gold(path, "nonsense")


def test_read_zsp_plv_fields(write_jsonl, tiny_sets):
    gs = read_gold(write_jsonl("a.jsonl", tiny_sets["zsp_plv"]))
    item = gs.items[2]
    assert item.gold == {"type": "YIELD", "actor_text": "Ruritania", "recipient_text": "Freedonian captives"}
    assert item.date is None and item.text.startswith("Ruritania freed")


def test_read_conflibert_cameo_spans_optional(write_jsonl, tiny_sets):
    gs = read_gold(write_jsonl("a.jsonl", tiny_sets["conflibert_cameo"]))
    assert gs.items[0].gold == {"penta": 0, "actor_spans": [], "recipient_spans": []}
    assert gs.items[1].gold["actor_spans"] == ["Ruritania"]


def test_read_plover_gsr_uses_current_type_and_drops_non_actors(write_jsonl, tiny_sets):
    records = tiny_sets["plover_gsr"]
    records[0]["labels"]["recipient"].append({"actorText": None, "code": None, "raw": "diplomatic"})
    gs = read_gold(write_jsonl("a.jsonl", records))
    assert gs.items[1].gold["type"] == "ASSAULT" and gs.items[1].gold["type_v05"] == "FIGHT"
    assert gs.items[0].gold["recipients"] == [{"text": "Freedonia", "country": "FRE", "sector": None}]
    assert gs.items[0].date == Date(2000, 1, 1)


def test_read_petrarch_keeps_coded_suites_only(write_jsonl, tiny_sets):
    gs = read_gold(write_jsonl("a.jsonl", tiny_sets["petrarch"]))
    assert [i.gold["suite"] for i in gs.items] == ["petr2_pytest", "udp_gsr", "udp_gsr"]
    assert gs.items[2].gold == {"suite": "udp_gsr", "expect": "noevents", "triples": []}
    assert gs.items[0].gold["triples"] == [["RUR", "FRE", "192"]]
    assert "petr1_unittest: 1" in gs.notes[0]


def test_read_ecola_gdelt_roots(write_jsonl, tiny_sets):
    gs = read_gold(write_jsonl("a.jsonl", tiny_sets["ecola_gdelt"]))
    assert gs.items[0].gold["roots"] == ["04"]
    assert gs.items[1].gold["roots"] == ["11", "19"]


def test_read_case2021_task2_keeps_non_acled(write_jsonl, tiny_sets):
    gs = read_gold(write_jsonl("a.jsonl", tiny_sets["case2021_task2"]))
    assert gs.items[4].gold == {"acled": None, "subtype": "NATURAL_DISASTER"}


def test_read_glocon_sample_label_and_level(write_jsonl, tiny_sets):
    gs = read_gold(write_jsonl("a.jsonl", tiny_sets["glocon_sample"]))
    assert [(i.gold["label"], i.gold["level"]) for i in gs.items][:3] == [(1, "sentence"), (0, "sentence"), (0, "document")]


def test_readers_cover_every_format(tiny_sets):
    assert set(READERS) == set(tiny_sets) == set(EXPECTED_COUNTS)


@pytest.mark.parametrize("fmt", sorted(EXPECTED_COUNTS))
def test_read_gold_real_files(shared_dir, fmt):
    path = shared_dir / "gold" / ("petrarch_dev.jsonl" if fmt == "petrarch" else f"{fmt}_dev.jsonl")
    if not path.exists():
        pytest.skip(f"{path.name} is not present")
    with path.open(encoding="utf-8") as fh:
        first = json.loads(fh.readline())
    assert format_of_record(first) == fmt
    gs = read_gold(path)
    assert gs.dataset == fmt
    assert len(gs.items) == EXPECTED_COUNTS[fmt]
    assert all(item.text for item in gs.items)
