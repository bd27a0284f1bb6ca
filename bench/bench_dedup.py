"""Deduplication quality and speed on a generated corpus with known duplicates and events.

    .venv/bin/python bench/bench_dedup.py [--events 3000] [--seed 6] [--incremental 4] [--db FILE]

Generates the corpus (bench/gen_corpus.py), stores articles and events, runs
``dyad.dedup.refresh`` and scores it against the truth:

- duplicate articles: pairwise precision and recall over "same original" pairs;
- event clusters: pairwise precision and recall over "same real-world event"
  pairs of reports (one report per event x actor x recipient), and B-cubed.

``--incremental K`` also stores the corpus in K batches by date, refreshing
after each batch as ``dyad code`` would, and checks the result equals the full run.
Issue #6's target: precision and recall >= 0.95 for both.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import Corpus, generate  # noqa: E402

from dyad.dedup import refresh  # noqa: E402
from dyad.store import Store  # noqa: E402


def pairwise(pred: dict, truth: dict) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering ``pred`` (item -> cluster) against ``truth``."""
    items = [k for k in truth if k in pred]
    joint = Counter((pred[k], truth[k]) for k in items)
    p_sizes = Counter(pred[k] for k in items)
    t_sizes = Counter(truth[k] for k in items)
    pairs = lambda n: n * (n - 1) // 2  # noqa: E731
    tp = sum(pairs(n) for n in joint.values())
    pred_pairs = sum(pairs(n) for n in p_sizes.values())
    true_pairs = sum(pairs(n) for n in t_sizes.values())
    return (tp / pred_pairs if pred_pairs else 1.0), (tp / true_pairs if true_pairs else 1.0)


def bcubed(pred: dict, truth: dict) -> tuple[float, float]:
    """B-cubed precision and recall (item-averaged)."""
    items = [k for k in truth if k in pred]
    joint = Counter((pred[k], truth[k]) for k in items)
    p_sizes = Counter(pred[k] for k in items)
    t_sizes = Counter(truth[k] for k in items)
    p = sum(joint[(pred[k], truth[k])] / p_sizes[pred[k]] for k in items) / max(1, len(items))
    r = sum(joint[(pred[k], truth[k])] / t_sizes[truth[k]] for k in items) / max(1, len(items))
    return p, r


def article_scores(store: Store, corpus: Corpus) -> dict[str, float]:
    links = store.article_links()
    truth = {a.id: corpus.original_of.get(a.id, a.id) for a in corpus.articles}
    pred = {a: links[a][0] for a in truth if a in links}
    p, r = pairwise(pred, truth)
    return {"precision": p, "recall": r, "copies": len(corpus.original_of),
            "found": sum(1 for a, o in pred.items() if o != a)}


def cluster_scores(store: Store, corpus: Corpus) -> dict[str, float]:
    pred = store.cluster_assignments()
    truth = corpus.report_truth
    p, r = pairwise(pred, truth)
    bp, br = bcubed(pred, truth)
    return {"precision": p, "recall": r, "bcubed_precision": bp, "bcubed_recall": br,
            "reports": len(truth), "true_events": len(set(truth.values())), "clusters": len(set(pred.values()))}


def store_corpus(store: Store, corpus: Corpus, batch: int = 2000) -> None:
    coded = corpus.coded
    for i in range(0, len(coded), batch):
        store.add_coded(coded[i : i + batch])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=3000, help="true events in the generated corpus")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--twin-rate", type=float, default=0.1, help="look-alike events (see gen_corpus.generate)")
    ap.add_argument("--incremental", type=int, default=0, metavar="K", help="also refresh after each of K batches")
    ap.add_argument("--db", type=Path, default=None, help="keep the database here (default: a temporary folder)")
    args = ap.parse_args()

    t = time.perf_counter()
    corpus = generate(args.events, seed=args.seed, twin_rate=args.twin_rate)
    print(f"generated {len(corpus.articles)} articles ({len(corpus.original_of)} copies), "
          f"{corpus.n_events} events about {len(corpus.true_events)} true events in {time.perf_counter() - t:.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "dedup.duckdb"
        with Store(path) as store:
            t = time.perf_counter()
            store_corpus(store, corpus)
            print(f"stored in {time.perf_counter() - t:.1f} s")
            t = time.perf_counter()
            rep = refresh(store)
            print(f"refresh (full) in {time.perf_counter() - t:.1f} s: "
                  + ", ".join(f"{k} {v:.2f}s" for k, v in rep.seconds.items()))
            a, c = article_scores(store, corpus), cluster_scores(store, corpus)
            print(f"duplicate articles: precision {a['precision']:.4f}  recall {a['recall']:.4f}  "
                  f"({a['found']} linked as copies, {a['copies']} true copies)")
            print(f"event clusters:     precision {c['precision']:.4f}  recall {c['recall']:.4f}  "
                  f"B-cubed {c['bcubed_precision']:.4f}/{c['bcubed_recall']:.4f}  "
                  f"({c['reports']} reports, {c['true_events']} true dyad events, {c['clusters']} clusters)")
            full = (store.article_links(), store.cluster_assignments())
        if args.incremental:
            with Store(Path(tmp) / "incremental.duckdb") as store:
                ordered = sorted(corpus.coded, key=lambda ac: (ac[0].date, ac[0].id))
                k = args.incremental
                size = -(-len(ordered) // k)
                t = time.perf_counter()
                for i in range(0, len(ordered), size):
                    batch = ordered[i : i + size]
                    store.add_coded(batch)
                    refresh(store, [a.id for a, _ in batch])
                same = (store.article_links(), store.cluster_assignments()) == full
                print(f"incremental in {k} batches: {time.perf_counter() - t:.1f} s; same as full: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
