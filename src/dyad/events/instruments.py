"""Weapons make a generic attack specific: "killed ... in an airstrike" is 195, not 190.

The pattern coder codes what was done ("killed", "attacked", "hit") and often lands on the
unspecified codes 180 or 190; the means are usually elsewhere in the sentence (a subject
"a roadside bomb", an instrument "with mortars", a noun "the shelling"). ``refine`` looks for
the phrases of ``data/instruments.csv`` among the sentence's lemmas and returns the more
specific code, or the code unchanged.
"""

from __future__ import annotations

from functools import lru_cache

from dyad.data import read_csv

GENERIC = frozenset({"180", "190"})


@lru_cache(maxsize=1)
def load_instruments() -> dict[tuple[str, ...], tuple[str, int]]:
    """``(lemma, ...) -> (code, rank)`` from instruments.csv."""
    return {tuple(row["phrase"].split()): (row["code"], int(row["rank"])) for row in read_csv("instruments.csv")}


def refine(code: str, sent) -> str:
    """The code made specific by a weapon named in ``sent`` (a spaCy span), if it is generic."""
    if code not in GENERIC:
        return code
    table = load_instruments()
    lemmas = [t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN", "ADJ")]
    best = None
    for n in (3, 2, 1):
        for i in range(len(lemmas) - n + 1):
            hit = table.get(tuple(lemmas[i : i + n]))
            if hit and (best is None or hit[1] > best[1]):
                best = hit
    return best[0] if best else code
