"""The pipeline drivers: in-process and the local worker pool give the same events."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.records import Article

pytestmark = pytest.mark.slow

TEXTS = [
    "Kenya and Somalia agreed on Tuesday to reopen their border.",
    "Police in Nairobi arrested 40 protesters on Monday.",
    "The Russian foreign minister met his Turkish counterpart in Ankara.",
    "Nothing political happened at the garden show.",
]


def test_pipeline_pool_matches_in_process(pipeline):
    from dyad.pipeline import PooledPipeline

    articles = [Article(id=f"a{i}", date=date(2024, 5, 2), text=t) for i, t in enumerate(TEXTS)]
    expected = [(a.id, [e.event_id for e in pipeline.code(a)]) for a in articles]
    with PooledPipeline(2) as pool:
        got = [(a.id, [e.event_id for e in evs]) for a, evs in pool.code_many(articles)]
    assert got == expected
    assert sum(len(ids) for _, ids in got) >= 3


def test_pipeline_code_many_equals_code(pipeline):
    articles = [Article(id=f"b{i}", date=date(2024, 5, 2), text=t) for i, t in enumerate(TEXTS)]
    one = [[e.to_dict() for e in pipeline.code(a)] for a in articles]
    many = [[e.to_dict() for e in evs] for _, evs in pipeline.code_many(articles, batch_size=3)]
    assert one == many
