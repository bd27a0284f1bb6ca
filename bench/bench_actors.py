"""Speed of actor resolution on the real news corpus.

    .venv/bin/python bench/bench_actors.py [--corpus ../shared/corpus/news_sample.jsonl] [--repeat 3]

The corpus is parsed once beforehand. Two measures, each the best of ``--repeat`` runs
per article, spread evenly over the article's sentences (median and 90th percentile):

- in the pipeline: the time ``Pipeline.code_doc`` spends inside the resolver (building
  the ``ActorResolver`` and every call the coder makes on it), clocked by a subclass;
- every argument: building the resolver and resolving, in text order, every noun phrase
  that could be an event argument (subjects, objects, objects of prepositions,
  possessors; more than the coder asks for), noting each for coreference.

Also prints how the mentions were resolved. Issue #4's target: resolution adds at most
0.3 ms per sentence (median).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

from dyad.actors.kb import load_kb
from dyad.actors.resolve import ActorResolver
from dyad.parse import load_nlp, mask_dateline

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "news_sample.jsonl"
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "poss", "agent", "appos", "conj"}


def argument_heads(doc) -> list:
    """Heads of the noun phrases that could be event arguments, in text order."""
    return [t for t in doc if t.dep_ in ARGUMENT_DEPS and t.pos_ in ("NOUN", "PROPN", "PRON")]


def resolve_article(doc, kb, day: date, heads) -> list:
    resolver = ActorResolver(doc, kb, day)
    out = []
    for head in heads:
        for ent in resolver.resolve(head):
            resolver.note(ent, head)
            out.append(ent)
    return out


class TimedResolver(ActorResolver):
    """An ActorResolver that adds the time spent in it (by its callers) to ``clock``."""

    clock = 0.0

    def __init__(self, *args, **kwargs):
        t = time.perf_counter()
        super().__init__(*args, **kwargs)
        TimedResolver.clock += time.perf_counter() - t


def _timed(name: str):
    inner = getattr(ActorResolver, name)

    def method(self, *args, **kwargs):
        t = time.perf_counter()
        try:
            return inner(self, *args, **kwargs)
        finally:
            TimedResolver.clock += time.perf_counter() - t

    return method


for _name in ("resolve", "merge_adjacent", "note", "main_countries", "context_country"):
    if hasattr(ActorResolver, _name):
        setattr(TimedResolver, _name, _timed(_name))


def in_pipeline(rows, docs, repeat: int) -> list[float]:
    """Milliseconds per sentence the pipeline spends in the resolver."""
    import dyad.pipeline
    from dyad.records import Article

    pipe = dyad.pipeline.Pipeline()
    dyad.pipeline.ActorResolver = TimedResolver
    out: list[float] = []
    for row, doc in zip(rows, docs):
        article = Article(id=row["id"], date=date.fromisoformat(row["date"][:10]), text=row["text"])
        dateline = mask_dateline(row["text"])[1]
        n_sents = sum(1 for s in doc.sents if s.text.strip()) or 1
        best = float("inf")
        for _ in range(max(1, repeat)):
            TimedResolver.clock = 0.0
            pipe.code_doc(article, doc, dateline)
            best = min(best, TimedResolver.clock)
        out.extend([best / n_sents * 1000] * n_sents)
    return sorted(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3, help="Runs per article; the fastest counts.")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}; nothing to measure", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in args.corpus.open(encoding="utf-8")]
    nlp, kb = load_nlp(), load_kb()
    docs = list(nlp.pipe(mask_dateline(r["text"])[0] for r in rows))
    days = [date.fromisoformat(r["date"][:10]) for r in rows]
    resolve_article(docs[0], kb, days[0], argument_heads(docs[0]))  # warm up

    per_sentence: list[float] = []
    hows: Counter = Counter()
    n_mentions = 0
    for doc, day in zip(docs, days):
        heads = argument_heads(doc)
        n_sents = sum(1 for s in doc.sents if s.text.strip()) or 1
        best = float("inf")
        for _ in range(max(1, args.repeat)):
            t = time.perf_counter()
            ents = resolve_article(doc, kb, day, heads)
            best = min(best, time.perf_counter() - t)
        per_sentence.extend([best / n_sents * 1000] * n_sents)
        n_mentions += len(ents)
        hows.update(e.how.split("+")[0] if e.country or e.sector or e.group else "unresolved" for e in ents)
    per_sentence.sort()
    n = len(per_sentence)
    piped = in_pipeline(rows, docs, args.repeat)
    print(f"{len(docs)} articles, {n} sentences")
    print(f"in the pipeline: median {statistics.median(piped):.3f} ms/sentence, "
          f"p90 {piped[int(0.9 * n)]:.3f} ms, mean {statistics.fmean(piped):.3f} ms")
    print(f"every argument ({n_mentions} mentions): median {statistics.median(per_sentence):.3f} ms/sentence, "
          f"p90 {per_sentence[int(0.9 * n)]:.3f} ms, mean {statistics.fmean(per_sentence):.3f} ms")
    print("how: " + ", ".join(f"{k} {v / n_mentions:.0%}" for k, v in hows.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
