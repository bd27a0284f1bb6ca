"""Deduplication: near-duplicate articles and clusters of reports of one event.

- :mod:`dyad.dedup.minhash`: MinHash signatures over word shingles, LSH bands.
- :mod:`dyad.dedup.articles`: link each article to the original it copies.
- :mod:`dyad.dedup.events`: cluster reports (event x actor x recipient) into events.
- :mod:`dyad.dedup.refresh`: bring the store's links and clusters up to date.

The algorithms are pure functions over numpy arrays; the SQL is in
:mod:`dyad.store.clusters`.
"""

from __future__ import annotations

from dyad.dedup.articles import Links, link_duplicates, score_pairs
from dyad.dedup.events import SYMMETRIC_TYPES, ClusterSettings, cluster_reports
from dyad.dedup.minhash import MinHasher, MinHashSettings, shingle_hashes
from dyad.dedup.refresh import RefreshReport, refresh

__all__ = [
    "ClusterSettings",
    "Links",
    "MinHashSettings",
    "MinHasher",
    "RefreshReport",
    "SYMMETRIC_TYPES",
    "cluster_reports",
    "link_duplicates",
    "refresh",
    "score_pairs",
    "shingle_hashes",
]
