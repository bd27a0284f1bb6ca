"""Benchmark dyad.places.locate_event: median milliseconds per sentence.

Parses the sentences of tests/places/cases.csv once (not timed), then times
``locate_event`` on each, several times, and reports the median of the
per-sentence times. Target: under 0.3 ms.

    .venv/bin/python bench/bench_places.py [--repeat 20]
    .venv/bin/python bench/bench_places.py --score   # accuracy on every tests/places/*.csv

``--score`` prints, for cases.csv and holdout.csv ... holdout7.csv, country
correct and exact place where a place is stated, and the precision of "a
place is stated" (the measures of tests/places/test_cases.py), then stops.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from pathlib import Path

CASES = Path(__file__).resolve().parents[1] / "tests" / "places" / "cases.csv"
SCORED = ("cases.csv", "holdout.csv", "holdout2.csv", "holdout3.csv", "holdout4.csv", "holdout5.csv", "holdout6.csv", "holdout7.csv")
FEATURE_WORDS = {"province", "region", "state", "district", "city", "governorate", "oblast", "county"}


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def score(nlp, gazetteer, rows) -> str:
    """country/exact over stated places, and precision of stated decisions (as tests/places/test_cases.py)."""
    from dyad.places import locate_event, normalise

    def bare(name: str) -> str:
        words = normalise(name).split()
        return " ".join(w for i, w in enumerate(words) if not (i and w in FEATURE_WORDS))

    stated = country = exact = predicted = right_stated = 0
    for row, doc in zip(rows, nlp.pipe(r["sentence"] for r in rows)):
        trigger = next(t for t in doc if t.text == row["trigger"])
        loc = locate_event(trigger.sent, trigger, gazetteer=gazetteer)
        want = row["expected_country"]
        predicted += loc is not None
        right_stated += loc is not None and bool(want)
        if want:
            stated += 1
            surface = doc.text[loc.span[0] : loc.span[1]] if loc and loc.span and loc.how == "sentence" else ""
            ok = loc is not None and loc.country == want
            country += ok
            exact += ok and bare(row["expected_name"]) in {bare(loc.name), bare(surface)}
    return (
        f"country {country}/{stated} = {country / stated:.3f}, exact {exact}/{stated} = {exact / stated:.3f}, "
        f"precision {right_stated}/{predicted} = {right_stated / max(1, predicted):.3f}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=20, help="timed runs per sentence")
    ap.add_argument("--score", action="store_true", help="print accuracy on the place case files and stop")
    args = ap.parse_args()

    from dyad.parse import load_nlp
    from dyad.places import load_gazetteer, locate_event

    t0 = time.perf_counter()
    gazetteer = load_gazetteer()
    load_s = time.perf_counter() - t0
    nlp = load_nlp()
    if args.score:
        for name in SCORED:
            print(f"{name}: {score(nlp, gazetteer, read_rows(CASES.with_name(name)))}")
        return
    rows = read_rows(CASES)
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
