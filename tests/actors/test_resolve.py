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
