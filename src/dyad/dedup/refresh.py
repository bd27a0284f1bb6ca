"""Bring duplicate links and event clusters up to date with what the store holds.

``refresh(store)`` is what ``dyad cluster`` runs: sign the articles that have
no signature for their current text, relink every article to its original,
and rebuild every event cluster. ``refresh(store, article_ids=[...])`` does the
same for the part of the store that new or re-coded articles can change (their
duplicate groups and the blocks their reports fall in), for callers that code
articles in batches; it gives the same tables as a full refresh.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable

import numpy as np

from dyad.dedup.articles import link_duplicates, score_pairs
from dyad.dedup.events import SYMMETRIC_TYPES, ClusterSettings, cluster_reports
from dyad.dedup.minhash import MinHasher, MinHashSettings, compact

log = logging.getLogger(__name__)

SIGN_BATCH = 10_000


@dataclass(slots=True)
class RefreshReport:
    """What a refresh did, with the seconds each step took."""

    signed: int = 0  # articles signed now
    linked: int = 0  # articles in a candidate pair, whose link was computed (the others are originals)
    duplicates: int = 0  # of those, copies of an earlier article
    relinked: int = 0  # articles whose link changed
    reports: int = 0  # reports clustered
    clusters: int = 0  # clusters rebuilt
    full: bool = True
    seconds: dict[str, float] = field(default_factory=dict)


def refresh(
    store,
    article_ids: Iterable[str] | None = None,
    *,
    minhash: MinHashSettings | None = None,
    clusters: ClusterSettings | None = None,
    progress: Callable[[str, int], None] | None = None,
) -> RefreshReport:
    """Sign, link and cluster: everything, or what ``article_ids`` can affect.

    ``progress(step, n)`` is called as work is done (``"sign"`` with the number
    of articles signed so far, then ``"link"`` and ``"cluster"``).
    """
    ids = None if article_ids is None else list(dict.fromkeys(article_ids))
    report = RefreshReport(full=ids is None)
    hasher = MinHasher(minhash)
    notify = progress or (lambda step, n: None)

    t = time.perf_counter()

    def sign(bodies):
        signatures, shingles = hasher.signatures(b[2] for b in bodies)
        return bodies, shingles, compact(signatures), hasher.bands(signatures)

    def put(signed) -> None:
        bodies, shingles, signatures, bands = signed
        store.put_signatures(
            [b[0] for b in bodies], [b[1] for b in bodies], shingles, signatures, bands,
            replace=any(b[3] for b in bodies),
        )
        report.signed += len(bodies)
        notify("sign", report.signed)

    # a thread signs the next batch while this one stores the last (DuckDB and numpy let go of the GIL)
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = None
        for bodies in store.unsigned_articles(ids, batch=SIGN_BATCH):
            future = pool.submit(sign, bodies)
            if pending is not None:
                put(pending.result())
            pending = future
        if pending is not None:
            put(pending.result())
    report.seconds["sign"] = time.perf_counter() - t

    t = time.perf_counter()
    changed = _relink(store, ids, hasher, report)
    report.seconds["link"] = time.perf_counter() - t
    notify("link", report.linked)

    t = time.perf_counter()
    scope = None if ids is None else sorted(set(ids) | set(changed or ()))
    settings = clusters or ClusterSettings()
    result = store.recluster(
        lambda arrays: cluster_reports(arrays, settings), article_ids=scope, symmetric=SYMMETRIC_TYPES
    )
    report.reports, report.clusters = result.reports, result.clusters
    report.seconds["cluster"] = time.perf_counter() - t
    report.seconds.update({f"cluster.{k}": v for k, v in result.timings.items()})
    notify("cluster", report.clusters)
    log.info(
        "refresh: %d signed, %d/%d duplicates, %d reports in %d clusters",
        report.signed, report.duplicates, report.linked, report.reports, report.clusters,
    )
    return report


def _relink(store, ids: list[str] | None, hasher: MinHasher, report: RefreshReport) -> list[str] | None:
    """Link duplicates (all, or what ``ids`` can change); the ids whose link changed
    (``None`` for a full relink, which only counts them). Its arrays are freed on return,
    before clustering needs the memory."""
    if ids is None:
        inputs = store.duplicate_candidates()
    else:
        # the articles the new ones duplicate (accepted pairs only), then their whole groups
        near = store.duplicate_candidates(ids, neighbours=True)
        _, ok = score_pairs(near.left, near.right, near.signatures, near.shingles, hasher.settings)
        matched = {near.ids[i] for i in near.left[ok].tolist()} | {near.ids[i] for i in near.right[ok].tolist()}
        del near
        inputs = store.duplicate_candidates(sorted(set(ids) | matched))
    similarity, accepted = score_pairs(inputs.left, inputs.right, inputs.signatures, inputs.shingles, hasher.settings)
    n = len(inputs.ids)
    links = link_duplicates(
        n, inputs.left[accepted], inputs.right[accepted], similarity[accepted], same_content=inputs.same_content
    )
    del similarity, accepted
    inputs.signatures = inputs.left = inputs.right = None  # type: ignore[assignment]
    copies = np.flatnonzero(links.original != np.arange(n))
    changed = store.put_links(
        [inputs.ids[i] for i in copies],
        [inputs.ids[links.original[i]] for i in copies],
        [links.kind[i] for i in copies],
        links.similarity[copies],
        scope=inputs.scope,
        list_changed=ids is not None,
    )
    report.linked, report.duplicates = n, links.duplicates
    if isinstance(changed, int):
        report.relinked = changed
        return None
    report.relinked = len(changed)
    return changed
