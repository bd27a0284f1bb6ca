"""The mentions a database holds without a country: where the knowledge base needs more.

Reads a :class:`dyad.store.Store`; pronouns and bare relatives, which only
coreference can place, are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dyad.actors.resolve import PRONOUNS, RELATIVES

# Words that are never names: whatever they stand for, the knowledge base cannot help.
NOT_NAMES = tuple(sorted(PRONOUNS | RELATIVES | {"i", "we", "us", "you", "our", "me", "one", "others", "both"}))


@dataclass(slots=True)
class Unresolved:
    mention: str  # lower-cased, without a leading article
    count: int
    sector: str | None  # the sector most often given to it, if any
    examples: list[str] = field(default_factory=list)


def unresolved_mentions(store, *, limit: int = 20, examples: int = 1) -> list[Unresolved]:
    """The ``limit`` most frequent mentions stored without a country, with example sentences."""
    rows = store.unresolved_mentions(limit, examples=examples, exclude=NOT_NAMES)
    return [Unresolved(m, n, s, ex) for m, n, s, ex in rows]
