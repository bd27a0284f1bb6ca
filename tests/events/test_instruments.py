"""Weapons named in a sentence make a generic attack specific (dyad.events.instruments)."""

from __future__ import annotations

import pytest

from dyad.data import load_ontology
from dyad.events.instruments import GENERIC, load_instruments, refine


def test_instrument_table_codes_are_attack_codes_of_the_ontology():
    onto = load_ontology()
    table = load_instruments()
    assert len(table) >= 30
    for phrase, (code, rank) in table.items():
        assert code in onto and code[:2] in ("18", "19"), phrase
        assert 1 <= len(phrase) <= 3 and rank > 0


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("A roadside bomb killed three Afghan soldiers in Kandahar on Sunday.", "1833"),
        ("Saudi-led warplanes killed twelve Houthi fighters near Saada, the rebels said.", "195"),
        ("Russian forces killed four Ukrainian soldiers with mortar fire near Bakhmut.", "194"),
        ("Turkish drones struck Kurdish militia targets in northern Syria.", "1952"),
        # no weapon named: the code stays as the pattern gave it
        ("Gunmen killed five Nigerian police officers in Zamfara.", "190"),
    ],
)
def test_weapons_refine_the_attack(pipeline, sentence, expected):
    (event,) = pipeline.code_text(sentence)
    assert event.cameo == expected


def test_only_generic_codes_are_refined(nlp):
    sent = next(nlp("Police arrested the man who planted a car bomb outside the embassy.").sents)
    assert refine("173", sent) == "173"  # an arrest stays an arrest
    assert refine("190", sent) == "1832"
    assert GENERIC == {"180", "190"}


def test_aerial_outranks_the_bombs_it_drops(nlp):
    sent = next(nlp("An air strike dropped two bombs on the market and killed nine people.").sents)
    assert refine("190", sent) == "195"
