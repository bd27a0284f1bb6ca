"""Near-duplicate articles: which earlier article each one copies.

``link_duplicates`` reads articles in their canonical order (publication
date, then id) with their candidate pairs from LSH, and links each article
to the original of the earlier article it is most similar to, when the pair
passes the thresholds of :class:`~dyad.dedup.minhash.MinHashSettings`.
An article with no such earlier match is an original. Same content (same
``content_hash``) is an ``exact`` copy whatever the signatures say.

Linking always goes to the *original* of the match, so a rewrite of a copy
joins the copy's original and no chain is longer than one link.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dyad.dedup.minhash import MinHashSettings, containment, jaccard

ORIGINAL, EXACT, NEAR = "original", "exact", "near"


@dataclass(slots=True)
class Links:
    """For articles ``0..n-1`` (canonical order): the index of each one's original,
    the similarity to the article it matched (1.0 for originals) and the kind
    (``original``, ``exact`` or ``near``)."""

    original: np.ndarray
    similarity: np.ndarray
    kind: list[str]

    @property
    def duplicates(self) -> int:
        return int((self.original != np.arange(len(self.original))).sum())


def score_pairs(
    left: np.ndarray,
    right: np.ndarray,
    signatures: np.ndarray,
    shingles: np.ndarray,
    settings: MinHashSettings,
    *,
    chunk: int = 250_000,
) -> tuple[np.ndarray, np.ndarray]:
    """``(similarity, is_duplicate)`` for candidate pairs given as index arrays.

    Pairs are scored ``chunk`` at a time, so millions of candidates need little memory.
    """
    sim = np.zeros(len(left), dtype=np.float64)
    dup = np.zeros(len(left), dtype=bool)
    for start in range(0, len(left), chunk):
        lo, hi = left[start : start + chunk], right[start : start + chunk]
        j = jaccard(signatures[lo], signatures[hi])
        n_a, n_b = shingles[lo], shingles[hi]
        c = containment(j, n_a, n_b)
        both = (n_a > 0) & (n_b > 0)
        near = j >= settings.jaccard
        inside = (c >= settings.containment) & (np.minimum(n_a, n_b) >= settings.min_shingles)
        sim[start : start + chunk] = j
        dup[start : start + chunk] = both & (near | inside)
    return sim, dup


def link_duplicates(
    n: int,
    left: np.ndarray,
    right: np.ndarray,
    similarity: np.ndarray,
    *,
    same_content: np.ndarray | None = None,
) -> Links:
    """Link articles ``0..n-1`` through the accepted pairs ``(left[k], right[k])``.

    Pairs may come in either order; the earlier index is the candidate
    original. ``same_content[i]`` is the first article with ``i``'s content
    hash (``i`` itself when it is the first): such articles are exact copies.
    """
    original = np.arange(n)
    sim = np.ones(n)
    kind = [ORIGINAL] * n
    first = np.asarray(same_content) if same_content is not None else original
    lo = np.minimum(left, right).astype(np.int64)
    hi = np.maximum(left, right).astype(np.int64)
    s = np.asarray(similarity, dtype=np.float64)
    exact = np.flatnonzero(first != np.arange(n))
    if len(exact):
        lo = np.concatenate((lo, first[exact]))
        hi = np.concatenate((hi, exact))
        s = np.concatenate((s, np.full(len(exact), 2.0)))  # exact copies win over any near match
    keep = lo != hi
    lo, hi, s = lo[keep], hi[keep], s[keep]
    if not len(hi):
        return Links(original, sim, kind)
    # for each later article, its best earlier match: highest similarity, then earliest
    order = np.lexsort((lo, -s, hi))
    lo, hi, s = lo[order], hi[order], s[order]
    best = np.concatenate(([True], hi[1:] != hi[:-1]))
    for i, j, score in zip(lo[best].tolist(), hi[best].tolist(), s[best].tolist()):
        original[j] = original[i]
        if score > 1.0:
            sim[j], kind[j] = 1.0, EXACT
        else:
            sim[j], kind[j] = score, NEAR
    return Links(original, sim, kind)
