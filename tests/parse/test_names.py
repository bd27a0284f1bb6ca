"""Repairs dyad makes to the small model's reading of names (dyad.parse)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _by_text(doc):
    return {t.text: t for t in doc}


def test_names_a_first_name_read_as_a_preposition_is_part_of_the_name(nlp):
    assert "dyad_names" in nlp.pipe_names and nlp.pipe_names.index("dyad_names") > nlp.pipe_names.index("ner")
    doc = nlp("Barack Obama and Angela Merkel met in Geneva.")
    t = _by_text(doc)
    assert t["Barack"].pos_ == "PROPN" and t["Barack"].dep_ == "compound" and t["Barack"].head == t["Obama"]
    assert t["Obama"].dep_ == "nsubj" and t["Obama"].head == t["met"]
    assert t["Merkel"].head == t["Obama"] and t["Merkel"].dep_ == "conj"  # the second subject stays joined
    assert len(list(doc.sents)) == 1


def test_names_a_real_preposition_is_left_alone(nlp):
    doc = nlp("The envoy met the rebels in Geneva after Obama spoke.")
    t = _by_text(doc)
    assert t["in"].pos_ == "ADP" and t["after"].pos_ in ("ADP", "SCONJ")


@pytest.mark.parametrize("text", ["Trump thanked Macron on Friday.", "Trump met Kim in Hanoi."])
def test_names_a_leader_whose_name_is_a_word_is_read_as_a_name(nlp, text):
    doc = nlp(text)
    trump = doc[0]
    assert trump.pos_ == "PROPN" and trump.ent_type_ == "PERSON" and trump.dep_ == "nsubj", [
        (t.text, t.pos_, t.dep_) for t in doc]
    assert nlp("The trump card was played.")[1].pos_ == "NOUN"  # the word itself is left alone


def test_names_a_name_read_as_an_adverbial_is_the_subject(nlp):
    doc = nlp("Trump hosted Duterte in the White House.")
    with nlp.select_pipes(disable=["dyad_names"]):
        assert nlp("Trump hosted Duterte in the White House.")[0].dep_ == "npadvmod"  # the small model's reading
    assert doc[0].dep_ == "nsubj" and doc[0].head.text == "hosted"


def test_names_a_participle_keeps_its_adverbial(nlp):
    doc = nlp("Malaysia froze a Chinese-funded gas pipeline.")
    assert not any(t.dep_ == "nsubj" and t.head.text == "funded" for t in doc)


def test_names_a_slashed_acronym_stays_one_word(nlp):
    doc = nlp("The government and SPLM/A agreed to a ceasefire; and/or 5/6 stay as they were.")
    assert "SPLM/A" in [t.text for t in doc]
    assert next(t for t in doc if t.text == "SPLM/A").dep_ == "conj"
