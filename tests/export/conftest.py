"""A small clustered store for the export tests."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.records import Entity, EventDate, Location, replace


@pytest.fixture
def clustered(store, make_article, make_event):
    """Three articles: a shelling of Kharkiv reported twice (one a wire copy), and an
    accusation by Russia and Belarus against Ukraine (two dyads). Clustered."""
    from dyad.dedup import refresh

    body = "Russian forces shelled Kharkiv on Tuesday. " + " ".join(f"w{i}" for i in range(40))
    a = make_article("a1", body, "2024-03-05", source="AP", url="https://apnews.com/a1", title="Shelling")
    b = make_article("b1", body, "2024-03-06", source="Reuters", url="https://www.reuters.com/b1")
    c = make_article("c1", "Officials said Russia and Belarus accused Ukraine of provocations.", "2024-03-07")
    kharkiv = Location("Kharkiv", "UKR", lat=49.98, lon=36.25, geonameid=706483, admin1="Kharkivska", feature="city")

    def shelling(article):
        e = make_event(article, "195", trigger="shelled", actor=("Russian forces", "RUS", "MIL"), recipient=("Kharkiv", "UKR", None))
        return replace(
            e, plover="ASSAULT", cameo_root="19", goldstein=-10.0, quad_class=4, plover_mode="heavy-weapons",
            contexts=["military"], location=kharkiv, date=EventDate(date(2024, 3, 5), "day"),
        )  # fmt: skip

    accuse = make_event(c, actor=("Russia", "RUS", None), recipient=("Ukraine", "UKR", None))
    accuse = replace(accuse, actors=accuse.actors + [Entity("Belarus", (26, 33), name="Belarus", country="BLR", how="name")])
    store.add_coded([(a, [shelling(a)]), (b, [shelling(b)]), (c, [accuse])])
    refresh(store)
    return store
