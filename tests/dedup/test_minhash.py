"""MinHash signatures: deterministic, estimating Jaccard similarity, banded for LSH."""

from __future__ import annotations

import numpy as np
import pytest

from dyad.dedup.minhash import MinHasher, MinHashSettings, _word_bytes, containment, jaccard, shingle_hashes, words

WORDS = [f"w{i}" for i in range(400)]


def test_minhash_words_lowercase_and_split_punctuation():
    assert words("Russia's army, on Monday: 12 KILLED.") == ["russia", "s", "army", "on", "monday", "12", "killed"]


def test_minhash_shingles_distinct_and_short_texts():
    assert len(shingle_hashes("a b c d e", 4)) == 2
    assert len(shingle_hashes("a b c d a b c d", 4)) == 4  # "a b c d" twice counts once
    assert len(shingle_hashes("only two", 4)) == 1  # shorter than a shingle: one shingle
    assert len(shingle_hashes("", 4)) == 0


def test_minhash_same_text_same_signature_across_instances():
    text = " ".join(WORDS[:80])
    a, _ = MinHasher().signatures([text])
    b, _ = MinHasher().signatures([text])
    assert a.dtype == np.uint32 and a.shape == (1, 128)
    assert (a == b).all()
    c, _ = MinHasher(MinHashSettings(seed=1)).signatures([text])
    assert not (a == c).all()


@pytest.mark.parametrize("overlap", [0, 100, 200, 300])
def test_minhash_estimates_jaccard(overlap):
    # two texts of 300 words sharing `overlap` words in one run: known shingle Jaccard
    a = " ".join(WORDS[:300])
    b = " ".join(WORDS[300 - overlap : 600 - overlap] if overlap else [w + "x" for w in WORDS[:300]])
    hasher = MinHasher()
    sig, counts = hasher.signatures([a, b])
    sa, sb = set(shingle_hashes(a, 4).tolist()), set(shingle_hashes(b, 4).tolist())
    truth = len(sa & sb) / len(sa | sb)
    assert abs(jaccard(sig[0], sig[1]) - truth) < 0.12
    assert list(counts) == [len(sa), len(sb)]


def test_minhash_containment_of_a_cut_copy():
    full = " ".join(WORDS[:300])
    cut = " ".join(WORDS[:100])
    sig, counts = MinHasher().signatures([full, cut])
    j = jaccard(sig[0], sig[1])
    assert 0.2 < j < 0.45  # a third of the text
    assert containment(np.array(j), counts[0], counts[1]) >= MinHashSettings().containment  # but all of it is in the original


def test_minhash_empty_text_has_no_shingles():
    sig, counts = MinHasher().signatures(["", "some words here and there"])
    assert counts[0] == 0 and (sig[0] == 0xFFFFFFFF).all()


def test_minhash_bands_identical_for_identical_texts():
    hasher = MinHasher()
    text = " ".join(WORDS[:50])
    sig, _ = hasher.signatures([text, text, " ".join(WORDS[200:250])])
    bands = hasher.bands(sig)
    assert bands.shape == (3, hasher.settings.bands) and bands.dtype == np.uint64
    assert (bands[0] == bands[1]).all()
    assert not (bands[0] == bands[2]).any()


def test_minhash_many_texts_in_chunks_equal_one_by_one():
    hasher = MinHasher()
    texts = [" ".join(WORDS[i : i + 150]) for i in range(0, 250, 10)] + [""]
    together, _ = hasher.signatures(texts)
    alone = np.vstack([hasher.signatures([t])[0] for t in texts])
    assert (together == alone).all()


def test_minhash_settings_need_enough_permutations():
    with pytest.raises(ValueError):
        MinHashSettings(num_perm=64, bands=32, rows=3)


@pytest.mark.parametrize(
    "text",
    ["Kyiv (AFP) - Russian forces shelled Kharkiv, officials said; 3 were hurt [update].",
     "snake_case, e-mail & C++ ~ 1,000.5 {x}", "Tab\tand\nnewline  ", "", "Zürich: naïve café, Москва",
     "e\u0301 \ufb01 \u01c5 \u0130stanbul"],
)  # fmt: skip
def test_minhash_ascii_fast_path_gives_the_same_words(text):
    # ASCII text skips the regular expression; the words (and so the signatures) are the same
    assert _word_bytes(text) == [w.encode("utf-8") for w in words(text)]
