"""The pattern tables and their builder."""

from __future__ import annotations

import re

import pytest

from dyad.dates.expressions import DEICTIC, PATTERN_GROUPS, PatternGroup, build_patterns, expand, find_cues
from dyad.dates.mentions import _PARSERS
from dyad.errors import DataError


def test_build_patterns_compiles_every_group():
    groups = build_patterns()
    assert [g.kind for g in groups] == [g.kind for g in PATTERN_GROUPS]
    assert all(g.regexes and all(isinstance(r, re.Pattern) for r in g.regexes) for g in groups)


def test_build_patterns_refuses_an_empty_group():
    with pytest.raises(DataError, match="empty"):
        build_patterns((PatternGroup("weekday", ("weekday",), ()),))


def test_every_pattern_kind_has_a_parser():
    assert {g.kind for g in PATTERN_GROUPS} <= set(_PARSERS)


def test_expand_fills_fragments_and_leaves_no_placeholder():
    for group in PATTERN_GROUPS:
        for template in group.templates:
            assert re.search(r"%[A-Z]", expand(template)) is None


def test_deictic_table_offsets_are_ordered():
    assert all(lo <= hi and lean in (-1, 0, 1) for _, lo, hi, lean in DEICTIC)


@pytest.mark.parametrize(
    "text, cues",
    [
        ("Rebels attacked the town on Wednesday.", {"weekday"}),
        ("The vote was held on 3 March 2019.", {"digit", "month", "year"}),
        ("Police raided the office on 8/6.", {"digit", "numdate"}),
        ("Talks resumed three weeks ago.", {"ago"}),
        ("Fighting eased last week.", {"period", "deictic"}),
        ("Nothing dated here at all.", set()),
    ],
)
def test_find_cues_names_the_kinds_of_date_words(text, cues):
    assert find_cues(text) == cues
