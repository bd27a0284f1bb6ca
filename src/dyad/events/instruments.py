"""Weapons make a generic attack specific: "killed ... in an airstrike" is 195, not 190.

The pattern coder codes what was done ("killed", "attacked", "hit") and often lands on the
unspecified codes 180 or 190; the means are usually elsewhere in the sentence (a subject
"a roadside bomb", an instrument "with mortars", a noun "the shelling"). ``refine`` looks for
the phrases of ``data/instruments.csv`` among the sentence's lemmas and returns the more
specific code, or the code unchanged. Rows with a ``refines`` column make other codes specific
the same way: troops deployed or arriving as peacekeepers (154, 042) provide protection (074).
"""

from __future__ import annotations

from functools import lru_cache

from dyad.data import read_csv

GENERIC = frozenset({"180", "190"})


@lru_cache(maxsize=1)
def _rows() -> list[tuple[tuple[str, ...], str, int, frozenset[str]]]:
    out = []
    for row in read_csv("instruments.csv"):
        refines = frozenset(c for c in (row.get("refines") or "").split("|") if c) or GENERIC
        out.append((tuple(row["phrase"].split()), row["code"], int(row["rank"]), refines))
    return out


@lru_cache(maxsize=1)
def load_instruments() -> dict[tuple[str, ...], tuple[str, int]]:
    """``(lemma, ...) -> (code, rank)`` for the weapons of instruments.csv (they refine 180/190)."""
    return {phrase: (code, rank) for phrase, code, rank, refines in _rows() if refines == GENERIC}


@lru_cache(maxsize=1)
def load_refinements() -> dict[str, dict[tuple[str, ...], tuple[str, int]]]:
    """``generic code -> {(lemma, ...): (specific code, rank)}`` over every row."""
    table: dict[str, dict[tuple[str, ...], tuple[str, int]]] = {}
    for phrase, code, rank, refines in _rows():
        for generic in refines:
            table.setdefault(generic, {})[phrase] = (code, rank)
    return table


def refine(code: str, sent) -> str:
    """The code made specific by a weapon (or mission) named in ``sent`` (a spaCy span)."""
    table = load_refinements().get(code)
    if not table:
        return code
    pos = ("NOUN", "PROPN", "ADJ") if code in GENERIC else ("NOUN", "PROPN", "ADJ", "VERB")
    lemmas = [t.lemma_.lower() for t in sent if t.pos_ in pos]
    best = None
    for n in (3, 2, 1):
        for i in range(len(lemmas) - n + 1):
            hit = table.get(tuple(lemmas[i : i + n]))
            if hit and (best is None or hit[1] > best[1]):
                best = hit
    return best[0] if best else code
