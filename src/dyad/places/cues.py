"""The word groups that tell where an event happened, built from ``places_cues.csv``.

The words are data; this module only groups them. A group the code expects
must be present and non-empty, and a group it does not know is an error, so a
typo in the data file fails loudly instead of silently matching nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Iterable, Mapping

from dyad.errors import DataError


@dataclass(frozen=True, slots=True)
class Cues:
    """Lower-case word sets used by :func:`dyad.places.locate_event`."""

    locative_prep: frozenset[str]
    destination_prep: frozenset[str]
    motion: frozenset[str]
    message_noun: frozenset[str]
    on_head: frozenset[str]
    from_head: frozenset[str]
    target_verb: frozenset[str]
    place_noun: frozenset[str]
    event_noun: frozenset[str]
    feature_word: frozenset[str]
    admin_word: frozenset[str]
    city_word: frozenset[str]
    direction: frozenset[str]
    facility: frozenset[str]
    sponsor: frozenset[str]
    water_word: frozenset[str]
    post_noun: frozenset[str]
    route_noun: frozenset[str]
    weapon: frozenset[str]
    comment_verb: frozenset[str]
    town_part: frozenset[str]
    building: frozenset[str]


CUE_GROUPS = tuple(f.name for f in fields(Cues))


def build_cues(rows: Iterable[Mapping[str, str]]) -> Cues:
    """One :class:`Cues` from ``group,words`` rows (words separated by spaces)."""
    groups: dict[str, set[str]] = {}
    for row in rows:
        name = row.get("group", "")
        if name not in CUE_GROUPS:
            raise DataError(f"places_cues: unknown group {name!r}")
        groups.setdefault(name, set()).update(w.lower() for w in row.get("words", "").split())
    empty = [g for g in CUE_GROUPS if not groups.get(g)]
    if empty:
        raise DataError(f"places_cues: empty or missing groups: {', '.join(empty)}")
    return Cues(**{g: frozenset(groups[g]) for g in CUE_GROUPS})
