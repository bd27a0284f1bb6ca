"""Fixtures of the places tests: the packaged gazetteer, and hand-built parses.

(Kept here rather than in tests/conftest.py only because this stage's helper may
not edit that file; move them there when convenient.)
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    """The packaged gazetteer (cities1000), built once for the session."""
    from dyad.places import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def make_doc():
    """Build a parsed Doc by hand, without a model.

    Each token is ``(text, head_index, dep, pos, lemma, ent)``; ``ent`` is
    ``"O"`` or an IOB tag such as ``"B-GPE"``.
    """
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab  # lexical attributes (lower_), no model

    def build(tokens):
        words, heads, deps, pos, lemmas, ents = zip(*tokens)
        return Doc(
            vocab,
            words=list(words),
            heads=list(heads),
            deps=list(deps),
            pos=list(pos),
            lemmas=list(lemmas),
            ents=list(ents),
        )

    return build
