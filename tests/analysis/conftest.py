"""A store with known dyadic events, clustered, for the analysis tests."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.records import EventDate, replace

ASSAULT = dict(cameo_root="19", goldstein=-10.0, quad_class=4, plover="ASSAULT")


@pytest.fixture
def dyad_store(store, make_article, make_event):
    """RUS->UKR: an assault on 10 Jan (two reports), an accusation on 20 Jan, talks on 5 Mar;
    UKR->RUS: an accusation on 15 Jan; FRA->DEU: an agreement on 1 Feb. Clustered."""
    from dyad.dedup import refresh

    def coded(aid, day, text, cameo="112", trigger="accused", actor=("Russia", "RUS", "GOV"),
              recipient=("Ukraine", "UKR", None), **fields):  # fmt: skip
        article = make_article(aid, text, day, source=aid)
        event = make_event(article, cameo, trigger=trigger, actor=actor, recipient=recipient)
        return article, [replace(event, date=EventDate(date.fromisoformat(day), "day"), **fields)]

    store.add_coded(
        [
            coded("a1", "2024-01-10", "Russia attacked Ukraine near the border.", "195", "attacked", **ASSAULT),
            coded("a2", "2024-01-10", "Russia attacked Ukraine, a second outlet wrote.", "195", "attacked", **ASSAULT),
            coded("a3", "2024-01-20", "Russia accused Ukraine of lying."),
            coded("a4", "2024-03-05", "Russia met Ukraine in Geneva.", "042", "met"),
            coded("a5", "2024-01-15", "Ukraine accused Russia of shelling.", actor=("Ukraine", "UKR", "GOV"),
                  recipient=("Russia", "RUS", None)),  # fmt: skip
            coded("a6", "2024-02-01", "France signed a deal with Germany.", "057", "signed", actor=("France", "FRA", "GOV"),
                  recipient=("Germany", "DEU", "GOV")),  # fmt: skip
        ]
    )
    refresh(store)
    return store
