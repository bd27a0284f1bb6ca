"""Benchmark dyad.places.locate_event: median milliseconds per sentence.

Parses the sentences of tests/places/cases.csv once (not timed), then times
``locate_event`` on each, several times, and reports the median of the
per-sentence times. Target: under 0.3 ms.

    .venv/bin/python bench/bench_places.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from pathlib import Path

CASES = Path(__file__).resolve().parents[1] / "tests" / "places" / "cases.csv"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="timed runs per sentence")
    args = ap.parse_args()

    from dyad.parse import load_nlp
    from dyad.places import load_gazetteer, locate_event

    t0 = time.perf_counter()
    gazetteer = load_gazetteer()
    load_s = time.perf_counter() - t0
    nlp = load_nlp()
    with CASES.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    pairs = []
    for row, doc in zip(rows, nlp.pipe(r["sentence"] for r in rows)):
        trigger = next(t for t in doc if t.text == row["trigger"])
        pairs.append((trigger.sent, trigger))

    for sent, trigger in pairs:  # warm up
        locate_event(sent, trigger, gazetteer=gazetteer)
    per_sentence = []
    for sent, trigger in pairs:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            locate_event(sent, trigger, gazetteer=gazetteer)
            times.append(time.perf_counter() - t)
        per_sentence.append(statistics.median(times) * 1000)
    per_sentence.sort()
    print(f"gazetteer load: {load_s:.2f} s")
    print(f"sentences: {len(pairs)}, repeats: {args.repeat}")
    print(f"median: {statistics.median(per_sentence):.3f} ms/sentence")
    print(f"p90:    {per_sentence[int(len(per_sentence) * 0.9)]:.3f} ms/sentence")
    print(f"max:    {per_sentence[-1]:.3f} ms/sentence")


if __name__ == "__main__":
    main()
