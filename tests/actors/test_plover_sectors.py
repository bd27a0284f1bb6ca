"""dyad's CAMEO sectors read in PLOVER's sector vocabulary (dyad.actors.plover)."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.actors.plover import plover_sector, plover_sectors
from dyad.records import Entity


def ent(text, country=None, sector=None, name=None, group=None):
    return Entity(text, (0, len(text)), name, country, sector, "name", group)


@pytest.mark.parametrize(
    "entity, want",
    [
        (ent("Boko Haram", "NGA", "INS", "Boko Haram"), "REB"),  # PLOVER drops INS
        (ent("the PKK", "TUR", "SEP", "Kurdistan Workers' Party"), "REB"),  # ... and SEP
        (ent("Hezbollah", "LBN", "UAF", "Hezbollah", "HEZ"), "REB"),  # a named militia is identified
        (ent("unknown gunmen", "IRQ", "UAF"), "UAF"),  # PLOVER's UAF: unidentified armed forces
        (ent("a roadside bomb", "AFG", "UAF"), "UAF"),
        (ent("armed men", "NGA", "UAF"), "UAF"),
        (ent("pro-government paramilitaries", "COL", "UAF"), "PRM"),
        (ent("Palestinian armed groups", "PSE", "UAF"), "REB"),
        (ent("state television", "IRN", "MED"), "JRN"),  # CAMEO media is PLOVER JRN
        (ent("doctors", "SYR", "HLH"), "MED"),  # CAMEO health is PLOVER MED
        (ent("a rights group", "EGY", "HRI"), "SOC"),
        (ent("Kenyan Association of Bus Owners", "KEN", "NGO"), "SOC"),  # a national NGO
        (ent("Amnesty International", "NGO", "HRI", "Amnesty International", "AMN"), "SOC"),
        (ent("settlers", "ISR", "SET"), "CVL"),
        (ent("Nigerian peacekeepers", "NGA", "PKO"), "MIL"),
        (ent("moderates", "IRN", "MOD"), None),
        (ent("the army", "MLI", "MIL"), "MIL"),  # codes both share stay
        (ent("the Red Cross", "NGO", "HLH", "Red Cross", "IRC"), "MED"),
    ],
)
def test_cameo_sector_in_plover_vocabulary(entity, want):
    assert plover_sector(entity) == want


@pytest.mark.parametrize(
    "text, name, want",
    [
        ("UN Secretary-General Antonio Guterres", "Antonio Guterres", "GOV"),  # an IGO's official
        ("Arab League Secretary General Chadli Klibi", None, "GOV"),  # "secretary general", not "general"
        ("the U.N. Security Council", "UN Security Council", "GOV"),  # a governing organ
        ("UN peacekeepers", None, "MIL"),
        ("the United Nations", "United Nations", None),  # the body itself: no sector
    ],
)
def test_officials_and_organs_of_an_igo_are_its_gov(text, name, want):
    assert plover_sector(ent(text, "IGO", None, name)) == want


def test_a_military_alliance_is_mil():
    assert plover_sector(ent("the Atlantic alliance", "IGO", None, "North Atlantic Treaty Organization", "NAT")) == "MIL"
    assert plover_sector(ent("the Warsaw Pact", "IGO", None, "Warsaw Pact")) == "MIL"
    assert plover_sector(ent("the North Atlantic Council", "IGO", None, "North Atlantic Council", "NAT")) == "GOV"


def test_plover_sectors_of_a_compound_code_and_of_a_dict():
    assert plover_sectors(ent("x", "SDN", "GOVMIL")) == ["GOV", "MIL"]
    assert plover_sectors(ent("x", "SDN", "INSSEP")) == ["REB"]
    assert plover_sector({"text": "Hamas", "country": "PSE", "sector": "INS", "name": "Hamas"}) == "REB"
    assert plover_sector({"text": "someone", "country": "FRA", "sector": None}) is None


def test_the_attackers_of_an_unclaimed_attack_are_unidentified():
    # dyad.actors.roles: "three policemen were killed in Peshawar": Peshawar's attackers, PAK UAF
    assert plover_sector({"text": "Peshawar", "country": "PAK", "sector": "UAF", "how": "place"}) == "UAF"
    assert plover_sector({"text": "Peshawar", "country": "PAK", "sector": "UAF", "how": "name"}) == "REB"


def test_the_kb_entity_keeps_its_cameo_sector(nlp):
    """The mapping is for PLOVER output only: the resolver still says INS, SEP, UAF."""
    from dyad.actors.kb import load_kb
    from dyad.actors.resolve import ActorResolver

    doc = nlp("Hezbollah and Hamas praised the attack.")
    resolver = ActorResolver(doc, load_kb(), date(2020, 1, 1))
    sectors = {e.name: e.sector for e in resolver.resolve(doc[0]) + resolver.resolve(doc[2])}
    assert sectors == {"Hezbollah": "UAF", "Hamas": "INS"}
