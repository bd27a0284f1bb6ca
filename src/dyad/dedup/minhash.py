"""MinHash signatures of article bodies over word shingles, and LSH bands.

An article body becomes the set of its word ``k``-shingles (``k`` consecutive
lower-cased words), each hashed to 64 bits. Its signature holds, for each of
``num_perm`` random hash functions, the smallest hash over the set: two
signatures agree at one position with probability equal to the Jaccard
similarity of the two sets. Once the bands are computed, only the low 8 bits
of each value are kept (``compact``): enough to estimate the similarity. Bands of ``rows`` signature values are hashed to
buckets; articles sharing a bucket in any band are candidate duplicates
(locality-sensitive hashing), so no pair of articles is compared blindly.

Everything is deterministic: word hashes are CRC-32, the hash functions come
from a fixed seed, and the same text gives the same signature in every process.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
# ASCII text: the bytes that are not word characters (\w: letters, digits, underscore) become spaces
_ASCII_SPACES = bytes(c if (chr(c).isascii() and (chr(c).isalnum() or c == 95)) else 32 for c in range(256))
_MIX = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant (golden ratio) to combine word hashes
_EMPTY = np.uint32(0xFFFFFFFF)
_CHUNK_SHINGLES = 8192  # shingles hashed at once: 128 permutations x 8192 x 8 bytes stays in the CPU cache


@dataclass(frozen=True, slots=True)
class MinHashSettings:
    """How articles are signed and compared.

    ``bands * rows`` signature values go into LSH bands: with 42 bands of 3,
    a pair with Jaccard 0.4 becomes a candidate with probability 0.93 (0.5:
    0.996), one with Jaccard 0.1 with probability 0.04. A candidate pair is a duplicate
    when its estimated Jaccard similarity reaches ``jaccard``, or when the
    smaller article (at least ``min_shingles`` shingles) is estimated to lie
    within the larger one to ``containment`` (a shortened copy).
    """

    num_perm: int = 128
    shingle: int = 4
    bands: int = 42
    rows: int = 3
    seed: int = 20260601
    jaccard: float = 0.4
    containment: float = 0.7
    min_shingles: int = 20

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError(f"{self.bands} bands of {self.rows} rows need more than {self.num_perm} permutations")


def words(text: str) -> list[str]:
    """The lower-cased word tokens of a text (letters, digits, underscore)."""
    return _WORD.findall(text.lower())


def _word_bytes(text: str) -> list[bytes]:
    """``words(text)``, UTF-8 encoded; ASCII text takes a fast path with the same result."""
    if text.isascii():
        return text.encode("ascii").lower().translate(_ASCII_SPACES).split()
    return [w.encode("utf-8") for w in words(text)]


def shingle_hashes(text: str, k: int) -> np.ndarray:
    """The distinct 64-bit hashes of the text's word ``k``-shingles (sorted).

    A text shorter than ``k`` words is one shingle; an empty text has none.
    """
    tokens = _word_bytes(text)
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter(map(zlib.crc32, tokens), dtype=np.uint64, count=len(tokens))
    if len(h) < k:
        k = len(h)
    n = len(h) - k + 1
    combined = h[:n].copy()
    for j in range(1, k):
        combined = combined * _MIX + h[j : j + n]
    return np.unique(combined)


class MinHasher:
    """Signs texts with the permutations of ``settings`` (fixed by its seed)."""

    def __init__(self, settings: MinHashSettings | None = None):
        self.settings = settings or MinHashSettings()
        rng = np.random.default_rng(self.settings.seed)
        # multiply-add-shift hashing: h(x) = ((a * x + b) mod 2**64) >> 32, a odd
        self._a = rng.integers(0, 2**63, size=self.settings.num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._b = rng.integers(0, 2**63, size=self.settings.num_perm, dtype=np.uint64)
        self._band_mix = rng.integers(0, 2**63, size=self.settings.rows, dtype=np.uint64) * np.uint64(2) + np.uint64(1)

    def signatures(self, texts: Iterable[str]) -> tuple[np.ndarray, np.ndarray]:
        """``(signatures, shingle_counts)``: a ``(n, num_perm)`` uint32 array and the set sizes.

        An empty text gets an all-``0xFFFFFFFF`` signature and count 0.
        """
        sets = [shingle_hashes(t, self.settings.shingle) for t in texts]
        counts = np.array([len(s) for s in sets], dtype=np.int64)
        out = np.full((len(sets), self.settings.num_perm), _EMPTY, dtype=np.uint32)
        if not len(sets):
            return out, counts
        # one buffer, hashed in place, a cache-sized chunk of articles at a time
        buffer = np.empty((self.settings.num_perm, max(_CHUNK_SHINGLES, int(counts.max()))), dtype=np.uint64)
        start = 0
        while start < len(sets):
            stop, total = start, 0
            while stop < len(sets) and (stop == start or total + counts[stop] <= _CHUNK_SHINGLES):
                total += counts[stop]
                stop += 1
            self._sign_chunk(sets[start:stop], counts[start:stop], out[start:stop], buffer)
            start = stop
        return out, counts

    def _sign_chunk(self, sets: Sequence[np.ndarray], counts: np.ndarray, out: np.ndarray, buffer: np.ndarray) -> None:
        nonempty = np.flatnonzero(counts)
        if not len(nonempty):
            return
        x = np.concatenate([sets[i] for i in nonempty])
        hashed = buffer[:, : len(x)]
        np.multiply.outer(self._a, x, out=hashed)  # wraps modulo 2**64, as intended
        hashed += self._b[:, None]
        hashed >>= np.uint64(32)
        offsets = np.concatenate(([0], np.cumsum(counts[nonempty])[:-1]))
        out[nonempty] = np.minimum.reduceat(hashed, offsets, axis=1).T

    def bands(self, signatures: np.ndarray) -> np.ndarray:
        """LSH bucket of each band: a ``(n, bands)`` uint64 array."""
        s = self.settings
        sig = signatures[:, : s.bands * s.rows].astype(np.uint64).reshape(len(signatures), s.bands, s.rows)
        with np.errstate(over="ignore"):
            return (sig * self._band_mix).sum(axis=2, dtype=np.uint64)


def compact(signatures: np.ndarray) -> np.ndarray:
    """The low 8 bits of each MinHash value ("b-bit minwise hashing", b = 8): a quarter of
    the size, what dyad stores once the LSH bands are computed from the full values."""
    return (signatures & 0xFF).astype(np.uint8)


def jaccard(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Estimated Jaccard similarity of paired signatures (rows of ``a`` and ``b``).

    For 8-bit signatures (``compact``) two values also agree by chance, one time in
    256; the estimate corrects for it: ``J = (match - 1/256) / (1 - 1/256)``.
    """
    match = (a == b).mean(axis=-1)
    if a.dtype == np.uint8:
        return np.maximum(0.0, (match - 1 / 256) / (1 - 1 / 256))
    return match


def containment(j: np.ndarray, n_a: np.ndarray, n_b: np.ndarray) -> np.ndarray:
    """Estimated share of the smaller set inside the larger, from Jaccard ``j`` and the set sizes.

    ``|A ∩ B| = J (|A| + |B|) / (1 + J)``, divided by ``min(|A|, |B|)``.
    """
    small = np.minimum(n_a, n_b).astype(np.float64)
    inter = j / (1.0 + j) * (n_a + n_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(small > 0, np.minimum(1.0, inter / np.maximum(small, 1)), 0.0)
