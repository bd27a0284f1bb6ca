"""Actor resolution: titles, demonyms, metonyms, coreference, the dated knowledge base."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.actors.kb import load_kb, parse_partial_date, phrase_key

pytestmark = pytest.mark.slow


def first(events, root):
    return next(e for e in events if e.cameo.startswith(root))


def test_resolve_defence_minister_is_military(code):
    ev = first(code("Indian Defence Minister Rajnath Singh visited Japan on Monday."), "04")
    assert (ev.actors[0].country, ev.actors[0].sector) == ("IND", "MIL")


def test_resolve_surname_refers_back_to_the_full_mention(code):
    text = ("Brazilian Foreign Minister Mauro Vieira arrived in Lisbon on Monday. "
            "On Tuesday, Vieira criticised the European trade rules.")
    ev = first(code(text), "11")
    assert ev.actors[0].text == "Vieira"
    assert (ev.actors[0].country, ev.actors[0].sector, ev.actors[0].how) == ("BRA", "GOV", "coref")


def test_resolve_office_holder_as_of_the_event_date(code):
    # Shoigu was defence minister until May 2024; in 2019 he is RUS MIL
    ev = first(code("Sergei Shoigu met Chinese officials in Beijing.", "2019-04-30"), "04")
    assert (ev.actors[0].country, ev.actors[0].sector, ev.actors[0].how) == ("RUS", "MIL", "kb")


def test_resolve_article_description_beats_the_knowledge_base(code):
    ev = first(code("Retired general Sergei Shoigu met Chinese officials in Beijing.", "2019-04-30"), "04")
    assert ev.actors[0].country == "RUS"


def test_resolve_user_knowledge_base_adds_a_person(tmp_path, nlp):
    from dyad.pipeline import Pipeline

    extra = tmp_path / "people.csv"
    extra.write_text(
        "name,aliases,country,sector,office,start,end,provenance\n"
        "Amara Okonkwo-Lind,Okonkwo-Lind,KEN,MIL,chief of defence forces,2020-01-01,,test\n",
        encoding="utf-8",
    )
    pipe = Pipeline(kb_paths=[str(extra)])
    evs = pipe.code_text("Amara Okonkwo-Lind met Ugandan officers in Kampala.", date(2022, 3, 1))
    ev = first(evs, "04")
    assert (ev.actors[0].country, ev.actors[0].sector, ev.actors[0].how) == ("KEN", "MIL", "kb")


def test_kb_partial_dates_cover_their_whole_period():
    assert parse_partial_date("2019-02", end=True) == date(2019, 2, 28)
    assert parse_partial_date("2019") == date(2019, 1, 1)
    assert parse_partial_date("") is None


def test_kb_names_are_indexed_by_token_keys():
    kb = load_kb()
    assert kb.names[phrase_key("Pakistan")].country == "PAK"
    assert kb.names[phrase_key("Kremlin")].sector == "GOV"
    assert kb.sectors[phrase_key("defence minister")] == "MIL"


# -- the resolver on its own (issue #4) ------------------------------------------------


def resolve(nlp, text: str, mention: str, day: str = "2023-06-01"):
    """(country, sector, how) of each entity the resolver gives the last ``mention`` in ``text``."""
    from dyad.actors.resolve import ActorResolver

    doc = nlp(text)
    start = text.rindex(mention)
    resolver = ActorResolver(doc, load_kb(), date.fromisoformat(day))
    return [(e.country, e.sector, e.how) for e in resolver.resolve_span(start, start + len(mention))]


def test_resolve_coordinated_nationalities_give_one_entity_each(nlp):
    got = resolve(nlp, "French and German officials met in Paris.", "French and German officials")
    assert [(c, s) for c, s, _ in got] == [("FRA", "GOV"), ("DEU", "GOV")]


def test_resolve_pronoun_prefers_the_earlier_subject(nlp):
    text = "Kenyan President William Ruto hosted Ugandan President Yoweri Museveni. He promised to help."
    assert resolve(nlp, text, "He") == [("KEN", "GOV", "coref")]


def test_resolve_description_keeps_its_antecedent_sector(nlp):
    text = "Japan's defence ministry announced drills. The ministry said no missiles would be fired."
    assert resolve(nlp, text, "The ministry") == [("JPN", "MIL", "coref")]


def test_resolve_organisation_role_changes_with_the_date(nlp):
    text = "The Taliban closed the schools."
    assert resolve(nlp, text, "The Taliban", "2019-05-01")[0][:2] == ("AFG", "INS")
    assert resolve(nlp, text, "The Taliban", "2022-05-01")[0][:2] == ("AFG", "GOV")


def test_resolve_capital_as_metonym_but_not_as_a_place(nlp):
    assert resolve(nlp, "Moscow rejected the claim.", "Moscow") == [("RUS", "GOV", "metonym")]
    assert resolve(nlp, "Police imposed a curfew in Algiers.", "Algiers")[0][:2] == ("DZA", "CVL")


def test_resolve_names_that_are_not_nationalities(nlp):
    # a country's name inside a person's, a leaning, a party's name inside a title
    assert resolve(nlp, "Israel Katz said the army would stay.", "Israel Katz", "2025-03-01")[0][:2] == ("ISR", "MIL")
    assert resolve(nlp, "Pro-Russian separatists shelled the town.", "Pro-Russian separatists")[0][:2] == (None, "SEP")
    got = resolve(nlp, "Nigerian Labour Minister Chris Ngige met union leaders.", "Nigerian Labour Minister Chris Ngige")
    assert got[0][:2] == ("NGA", "GOV")


def test_resolve_former_office_holders_are_elites(nlp):
    got = resolve(nlp, "Former Pakistani Prime Minister Imran Khan was jailed.",
                  "Former Pakistani Prime Minister Imran Khan", "2023-08-05")
    assert got[0][:2] == ("PAK", "ELI")


def test_resolve_context_country_prefers_the_place_in_the_sentence(nlp):
    from dyad.actors.resolve import ActorResolver

    doc = nlp("The U.S. said it would not meet the kidnappers' demands in Iraq.")
    resolver = ActorResolver(doc, load_kb(), date(2004, 1, 1))
    kidnappers = next(t for t in doc if t.lower_ == "kidnappers")
    assert resolver.context_country(kidnappers) == "IRQ"


def test_context_country_in_a_diplomatic_story_of_one_country(code):
    # the only country named is the recipient's: the opposition leaders are Nigerian too
    ev = first(code("Opposition leaders agreed to meet Nigerian President Bola Tinubu next week.", "2024-05-02"), "03")
    assert (ev.actors[0].country, ev.actors[0].sector, ev.actors[0].how) == ("NGA", "OPP", "title+context")


def test_unknown_organisation_is_an_ngo_or_a_national_body(code):
    ev = first(code("The Kenyan Association of Bus Owners accused the transport ministry of corruption.",
                    "2021-07-19"), "11")
    assert (ev.actors[0].country, ev.actors[0].sector, ev.actors[0].name) == (
        "KEN", "NGO", "Kenyan Association of Bus Owners")
