"""Time ``dyad.dates.resolve_event_date`` over the hand-written case file.

Usage: ``python bench/bench_dates.py [--repeat N]``. Prints the median (and
90th percentile) microseconds per sentence; the target is well under 300 µs.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from datetime import date
from pathlib import Path

from dyad.dates import resolve_event_date

CASES = Path(__file__).resolve().parents[1] / "tests" / "dates" / "cases.csv"


def load_cases(path: Path = CASES) -> list[tuple[str, date, str | None]]:
    with path.open(newline="", encoding="utf-8") as f:
        return [(r["sentence"], date.fromisoformat(r["pub_date"]), r["tense"] or None) for r in csv.DictReader(f)]


def time_cases(cases: list[tuple[str, date, str | None]], repeat: int) -> list[float]:
    """Per-sentence timings in microseconds: the best of ``repeat`` runs of each."""
    resolve_event_date("warm up on Monday", date(2020, 1, 1))  # compile the patterns once
    timings = []
    for sentence, pub, tense in cases:
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            resolve_event_date(sentence, pub, tense=tense)
            best = min(best, time.perf_counter() - t0)
        timings.append(best * 1e6)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per sentence (the best counts)")
    args = parser.parse_args()
    cases = load_cases()
    timings = time_cases(cases, args.repeat)
    p90 = statistics.quantiles(timings, n=10)[-1]
    median = statistics.median(timings)
    print(f"{len(cases)} sentences: median {median:.1f} µs, p90 {p90:.1f} µs, max {max(timings):.1f} µs")


if __name__ == "__main__":
    main()
