"""Speed of dyad on the real news corpus: parse, and the coding stages after the parse.

    .venv/bin/python bench/bench_coder.py [--corpus ../shared/corpus/news_sample.jsonl]

Prints articles/s end to end, and the median and 90th-percentile milliseconds per sentence
of the coding stages alone (actors, events, dates, places, ontology), measured on Docs
parsed beforehand. Issue #3's target: a median of at most 1 ms per sentence.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from dyad.pipeline import Pipeline
from dyad.parse import mask_dateline
from dyad.records import Article

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news_sample.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; nothing to measure", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in args.corpus.open(encoding="utf-8")]
    articles = [Article(id=r["id"], date=date.fromisoformat(r["date"][:10]), text=r["text"], title=r.get("title", ""))
                for r in rows]
    t0 = time.perf_counter()
    pipe = Pipeline()
    for article in articles:  # warm up: model, gazetteer and its lazily built indexes, tables
        pipe.code(article)
    warm = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = sum(len(evs) for _, evs in pipe.code_many(articles))
    total = time.perf_counter() - t0

    masked = [mask_dateline(a.text) for a in articles]
    docs = list(pipe.nlp.pipe(t for t, _ in masked))
    per_sentence: list[float] = []
    for article, (_, dateline), doc in zip(articles, masked, docs):
        n_sents = sum(1 for s in doc.sents if s.text.strip())
        t = time.perf_counter()
        pipe.code_doc(article, doc, dateline)
        per_sentence.extend([(time.perf_counter() - t) / max(n_sents, 1) * 1000] * n_sents)
    per_sentence.sort()
    n_sent = len(per_sentence)
    print(f"{len(articles)} articles, {n_sent} sentences, {n_events} events")
    print(f"start-up and a first pass (loading, lazy indexes): {warm:.1f} s")
    print(f"end to end, warm: {len(articles) / total:.1f} articles/s, {n_sent / total:.0f} sentences/s")
    print(f"coding after the parse: median {statistics.median(per_sentence):.3f} ms/sentence, "
          f"p90 {per_sentence[int(0.9 * n_sent)]:.3f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
