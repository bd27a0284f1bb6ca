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


# --- group references: "the prime ministers", "the European side" --------------------------

def test_plural_title_is_the_pair_of_office_holders(code):
    text = ("Kenyan President William Ruto met Ugandan President Yoweri Museveni in Mombasa on Friday. "
            "The presidents signed a deal on a new oil pipeline.")
    ev = [e for e in code(text, "2023-03-02") if e.trigger.text == "signed"]
    assert ev, code(text, "2023-03-02")
    codes = {x.country for x in ev[0].actors + ev[0].recipients}
    assert {"KEN", "UGA"} <= codes, ev[0]


def test_plural_title_of_another_office_is_no_pair(pipeline):
    from datetime import date

    from dyad.actors.resolve import ActorResolver

    text = "Kenyan President William Ruto met Ugandan President Yoweri Museveni. The generals were not there."
    doc = pipeline.nlp(text)
    res = ActorResolver(doc, pipeline.kb, date(2023, 3, 2))
    for t in doc:
        if t.text in ("Ruto", "Museveni"):
            res.resolve(t)
    ents = res.resolve(next(t for t in doc if t.text == "generals"))
    assert len(ents) <= 1 and not any(e.country in ("KEN", "UGA") and e.how == "coref" for e in ents), ents


def test_european_side_is_the_eu(code):
    evs = code("At the trade talks in Beijing, the European side rejected the Chinese offer.", "2023-03-02")
    ev = [e for e in evs if e.actors]
    assert ev and ev[0].actors[0].country == "IGO" and ev[0].actors[0].group == "EEC", evs


# --- "you" in a question-and-answer interview is the one who answers ---------------------------

def test_interview_you_is_the_interviewee(code):
    text = ("Former Zambian president Edgar Lungu travelled to Harare last week. "
            "VOA spoke with Lungu about the trip. "
            "VOA: During your stay in Zimbabwe, you met with President Emmerson Mnangagwa. What did you discuss? "
            "Edgar Lungu, former president of Zambia: We discussed the drought.")
    ev = [e for e in code(text, "2023-03-02") if e.trigger.text == "met"]
    assert ev and ev[0].actors and ev[0].actors[0].country == "ZMB", ev


def test_you_outside_an_interview_stays_unresolved(code):
    text = ('Zambian president Hakainde Hichilema spoke in Lusaka. "If you attack our farms, you will regret it," '
            "a farmer told the soldiers.")
    for ev in code(text, "2023-03-02"):
        assert not any(a.text.lower() == "you" and a.country == "ZMB" and a.sector == "GOV" for a in ev.actors), ev
