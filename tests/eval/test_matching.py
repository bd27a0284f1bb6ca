"""Reading events against labels: codes, spans, countries, the ACLED table."""

from __future__ import annotations

import pytest

from dyad.evaluate import matching as m

ACLED_TYPES = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments"}


def test_event_root_and_plover_fall_back_to_the_code(event):
    ev = event("0841", fill=False)
    assert ev.cameo_root == "" and ev.plover is None
    assert m.event_root(ev) == "08"
    assert m.event_plover(ev) == "RETREAT"


def test_zsp_type_merges_concede_and_retreat(event):
    assert m.zsp_type(event("0841")) == "YIELD"
    assert m.zsp_type(event("081")) == "YIELD"
    assert m.zsp_type(event("190")) == "ASSAULT"
    assert m.zsp_type(event("010")) is None  # statements have no PLOVER type
    assert m.zsp_type(event("023")) == "REQUEST"  # the PLV set files appeals under REQUEST


@pytest.mark.parametrize("root,cls", [("01", 0), ("02", 0), ("03", 1), ("05", 1), ("06", 2), ("08", 2),
                                      ("09", 3), ("13", 3), ("16", 3), ("14", 4), ("15", 4), ("17", 4),
                                      ("20", 4), ("21", None), ("", None),
                                      ("xx", None)])
def test_penta_class_by_root(root, cls):
    assert m.penta_class(root) == cls


def test_acled_table_types_are_acled_event_types():
    table = m.acled_table()
    assert table and set(table.values()) <= ACLED_TYPES
    assert all(code.isdigit() and 2 <= len(code) <= 4 for code in table)


@pytest.mark.parametrize("code,expected", [("141", "Protests"), ("1451", "Riots"), ("193", "Battles"),
                                           ("195", "Explosions/Remote violence"), ("1831", "Explosions/Remote violence"),
                                           ("186", "Violence against civilians"), ("173", "Strategic developments"),
                                           ("042", None), ("112", None)])
def test_acled_type_longest_prefix(code, expected):
    assert m.acled_type(code) == expected


def test_find_span_exact_then_caseless():
    assert m.find_span("Ruritania met Freedonia", "Freedonia") == (14, 23)
    assert m.find_span("ruritania met freedonia", "Freedonia") == (14, 23)
    assert m.find_span("Ruritania", "Oz") is None
    assert m.find_span("Ruritania", "") is None


def test_best_event_prefers_role_fit_over_confidence(event):
    text = "Ruritania met Freedonia while Oz watched."
    fits = event("040", actors=[("Ruritania", "RUR")], recipients=[("Freedonia", "FRE")], confidence=0.4, text=text)
    loud = event("190", actors=[("Oz", "OZZ")], confidence=0.9, text=text)
    assert m.best_event([loud, fits], text, ["Ruritania"], ["Freedonia"]) is fits
    assert m.best_event([loud, fits], text) is loud


def test_best_event_skips_unusable_and_handles_empty(event):
    stmt = event("010", confidence=0.9)
    assert m.best_event([stmt], usable=lambda e: m.zsp_type(e) is not None) is None
    assert m.best_event([]) is None


def test_best_event_ties_keep_text_order(event):
    a, b = event("040"), event("190")
    assert m.best_event([a, b]) is a


def test_mentions_falls_back_to_text_when_span_unknown(event):
    ev = event("040", actors=[("the Ruritanian army", "RUR", None, (0, 0))])
    assert m.mentions(ev.actors, [], ["Ruritanian army"])
    assert not m.mentions(ev.actors, [], ["Freedonia"])


def test_country_key_aliases_and_transnational():
    assert m.country_key("ITL") == "ITA"
    assert m.country_key("JAP") == "JPN"
    assert m.country_key("USAGOV") == "USA"
    assert m.country_key("IGO") == m.country_key("NGO") == m.country_key("IGOUNOMIL") == m.TRANSNATIONAL
    assert m.country_key("UNO") == m.TRANSNATIONAL  # a known group
    assert m.country_key("PSE") == "PSE"  # both a country and a known-group code: a country
    assert m.country_key("---REB") is None
    assert m.country_key(None) is None


def test_entity_country_prefers_country_then_group():
    from dyad.records import Entity

    assert m.entity_country(Entity("UN", (0, 2), group="UNO")) == m.TRANSNATIONAL
    assert m.entity_country(Entity("Japan", (0, 5), country="JPN")) == "JPN"
    assert m.entity_country(Entity("troops", (0, 6), sector="MIL")) is None


def test_sector_key_and_entity_sectors():
    from dyad.records import Entity

    assert m.sector_key("CVLalb") == "CVL"
    assert m.sector_key("CIV") == "CVL"
    assert m.sector_key("***") is None and m.sector_key(None) is None
    assert m.entity_sectors(Entity("x", (0, 1), sector="GOVMIL")) == {"GOV", "MIL"}
    assert m.entity_sectors(Entity("x", (0, 1))) == set()


def test_code_matches_prefix_and_wildcard():
    from dyad.records import Entity

    us = Entity("Washington", (0, 10), country="USA", sector="GOV")
    assert m.code_matches("USAGOV", [us])
    assert m.code_matches("USA", [us])
    assert not m.code_matches("CHN", [us])
    assert m.code_matches("---", [])
    assert m.code_matches("---CVL", [us])
    assert not m.code_matches("USA", [])


def test_entity_country_transnational_role_without_country():
    from dyad.records import Entity

    assert m.entity_country(Entity("aid groups", (0, 10), sector="NGO")) == m.TRANSNATIONAL
