"""A person's full name said again with a possessive takes the article's description of that
person (session 5 audit of whole articles); sentences we wrote."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Zambian reporter Chanda Mwape was detained on Monday. Chanda Mwape’s detention drew protests.",
    "Zambian reporter Chanda Mwape was detained on Monday. Chanda Mwape's detention drew protests.",
])
def test_repeated_full_name_with_possessive_is_the_described_person(code, text):
    evs = [e for e in code(text, "2022-04-07") if e.trigger.text == "detention"]
    if not evs:  # told once: the detention repeats the first sentence's
        return
    assert any(r.country == "ZMB" and r.sector == "MED" for r in evs[0].recipients), evs[0].recipients


def test_possessive_name_resolves_by_coreference(pipeline):
    from datetime import date

    from dyad.actors.resolve import ActorResolver

    text = "Zambian reporter Chanda Mwape spoke on Monday. Chanda Mwape’s lawyer appealed."
    doc = pipeline.nlp(text)
    res = ActorResolver(doc, pipeline.kb, date(2022, 4, 7))
    first = next(t for t in doc if t.text == "Mwape")
    res.resolve(first)
    second = [t for t in doc if t.text == "Mwape"][1]
    ents = res.resolve(second)
    assert ents and ents[0].country == "ZMB" and ents[0].sector == "MED", ents
