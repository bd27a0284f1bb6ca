"""link_duplicates: each article to the original it copies, never a chain."""

from __future__ import annotations

import numpy as np

from dyad.dedup.articles import EXACT, NEAR, ORIGINAL, link_duplicates, score_pairs
from dyad.dedup.minhash import MinHasher, MinHashSettings


def links(n, pairs, same=None):
    left = np.array([p[0] for p in pairs], dtype=np.int64)
    right = np.array([p[1] for p in pairs], dtype=np.int64)
    sim = np.array([p[2] for p in pairs], dtype=np.float64)
    return link_duplicates(n, left, right, sim, same_content=None if same is None else np.array(same))


def test_articles_no_pairs_all_originals():
    result = links(3, [])
    assert result.original.tolist() == [0, 1, 2]
    assert result.kind == [ORIGINAL] * 3 and result.duplicates == 0


def test_articles_copy_of_a_copy_links_to_the_original():
    # 1 copies 0; 2 is most like 1 (a rewrite of the copy): it joins 0, not 1
    result = links(3, [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.5)])
    assert result.original.tolist() == [0, 0, 0]
    assert result.kind == [ORIGINAL, NEAR, NEAR]
    assert result.similarity.tolist() == [1.0, 0.9, 0.8]


def test_articles_pairs_in_either_order_and_best_match_wins():
    # 3 matches both originals 0 and 2; 2 is the better match
    result = links(4, [(3, 0, 0.45), (2, 3, 0.7)])
    assert result.original.tolist() == [0, 1, 2, 2]


def test_articles_same_content_is_an_exact_copy():
    result = links(3, [(0, 2, 0.6)], same=[0, 0, 2])
    assert result.original.tolist() == [0, 0, 0]
    assert result.kind == [ORIGINAL, EXACT, NEAR]


def test_articles_score_pairs_thresholds():
    hasher = MinHasher()
    base = " ".join(f"w{i}" for i in range(200))
    texts = [base, base.replace("w50 ", "x50 "), " ".join(f"w{i}" for i in range(60)), " ".join(f"z{i}" for i in range(200)), ""]
    sig, counts = hasher.signatures(texts)
    left, right = np.array([0, 0, 0, 0]), np.array([1, 2, 3, 4])
    sim, dup = score_pairs(left, right, sig, counts, MinHashSettings())
    assert dup.tolist() == [True, True, False, False]  # light edit; a cut copy (containment); unrelated; empty
    assert sim[0] > 0.9 and sim[3] == 0
