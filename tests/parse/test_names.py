"""Repairs dyad makes to the small model's reading of names (dyad.parse)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _by_text(doc):
    return {t.text: t for t in doc}


def test_names_a_first_name_read_as_a_preposition_is_part_of_the_name(nlp):
    assert "dyad_names" in nlp.pipe_names and nlp.pipe_names.index("dyad_names") > nlp.pipe_names.index("ner")
    doc = nlp("Barack Obama and Vladimir Putin met in Geneva.")
    t = _by_text(doc)
    assert t["Barack"].pos_ == "PROPN" and t["Barack"].dep_ == "compound" and t["Barack"].head == t["Obama"]
    assert t["Obama"].dep_ == "nsubj" and t["Obama"].head == t["met"]
    assert t["Putin"].head == t["Obama"] and t["Putin"].dep_ == "conj"  # the second subject stays joined
    assert len(list(doc.sents)) == 1


def test_names_a_real_preposition_is_left_alone(nlp):
    doc = nlp("The envoy met the rebels in Geneva after Obama spoke.")
    t = _by_text(doc)
    assert t["in"].pos_ == "ADP" and t["after"].pos_ in ("ADP", "SCONJ")
