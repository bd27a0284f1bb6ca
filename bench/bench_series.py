"""Scale: clustering and dyad-series queries on a generated store of a million events (or ten).

    .venv/bin/python bench/bench_series.py --events 1000000 --db /tmp/big.duckdb [--memory-limit 4GB]

Builds the store from bench/gen_corpus.py unless ``--db`` already holds one
(``--rebuild`` to start over), then times a full ``refresh`` (sign new
articles, link duplicates, cluster every report), a monthly series of the
busiest dyad from clusters and from raw reports, a weekly one, and the
top-dyads ranking. Prints the peak memory of this process (DuckDB included).
Issue #6's targets, on 2 cores: clustering 1,000,000 events in at most 60 s, a
dyad series in at most 0.5 s; 10,000,000 events within 8 GB.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_corpus import events_for_target, iter_corpus  # noqa: E402

from dyad.analysis import dyad_series, top_dyads  # noqa: E402
from dyad.dedup import refresh  # noqa: E402
from dyad.store import Store  # noqa: E402


def build(path: Path, n_events: int, *, seed: int, lean: bool, memory_limit: str | None, prefix: str = "A") -> None:
    t = time.perf_counter()
    batch, stored = [], 0
    with Store(path, memory_limit=memory_limit) as store:
        for article, events, _ in iter_corpus(events_for_target(n_events), seed=seed, lean=lean, prefix=prefix):
            batch.append((article, events))
            if len(batch) >= 5000:
                stored += store.add_coded(batch)
                batch = []
                print(f"\r  stored {stored:,} events", end="", flush=True)
        if batch:
            stored += store.add_coded(batch)
        counts = store.counts()
    print(f"\rbuilt {counts['articles']:,} articles, {counts['events']:,} events in {time.perf_counter() - t:.0f} s")


def _cpu() -> float:
    """CPU seconds of this process (all threads, DuckDB's included): the machine is shared."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(fn, repeat: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000, help="about this many coded events")
    ap.add_argument("--db", type=Path, required=True, help="database to build, or to reuse if it exists")
    ap.add_argument("--rebuild", action="store_true", help="build the database again even if it exists")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--lean", action="store_true", help="short articles (one event sentence and a line): faster to build")
    ap.add_argument("--memory-limit", default=None, help="DuckDB memory limit, e.g. 4GB")
    ap.add_argument("--skip-refresh", action="store_true", help="only time the queries")
    ap.add_argument("--once", action="store_true", help="one full refresh, not a second one with nothing to sign")
    ap.add_argument("--add-events", type=int, default=0, metavar="N",
                    help="first add about N more events (another seed, article ids B...) to the database")
    args = ap.parse_args()

    if args.rebuild and args.db.exists():
        args.db.unlink()
    if not args.db.exists():
        build(args.db, args.events, seed=args.seed, lean=args.lean, memory_limit=args.memory_limit)
    if args.add_events:
        build(args.db, args.add_events, seed=args.seed + 1, lean=args.lean, memory_limit=args.memory_limit, prefix="B")
    with Store(args.db, memory_limit=args.memory_limit) as store:
        print(f"store: {store.counts()}")
        if not args.skip_refresh:
            t, cpu = time.perf_counter(), _cpu()
            report = refresh(store)
            total = time.perf_counter() - t
            steps = ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items())
            print(f"refresh (full) {total:.1f} s (CPU {_cpu() - cpu:.0f} s, load {os.getloadavg()[0]:.1f}): {steps}")
            print(f"  signed {report.signed:,}, linked {report.linked:,} ({report.duplicates:,} copies), "
                  f"{report.reports:,} reports in {report.clusters:,} clusters")
        if not args.skip_refresh and not args.once:
            t, cpu = time.perf_counter(), _cpu()
            again = refresh(store)
            print(f"refresh again (nothing new to sign) {time.perf_counter() - t:.1f} s "
                  f"(CPU {_cpu() - cpu:.0f} s, load {os.getloadavg()[0]:.1f}): "
                  + ", ".join(f"{k} {v:.1f} s" for k, v in again.seconds.items()))
        top = top_dyads(store, limit=1)[0]
        a, r = top["actor"], top["recipient"]
        print(f"busiest dyad {a} -> {r}: {top['events']:,} events, {top['mentions']:,} mentions")
        for label, kwargs in (
            ("series by month (clusters)", dict(by="month")),
            ("series by month (raw reports)", dict(by="month", raw=True)),
            ("series by week (clusters)", dict(by="week")),
            ("series by month, both ways", dict(by="month", both_ways=True)),
        ):
            seconds, series = timed(lambda: dyad_series(store, a, r, **kwargs))
            print(f"{label:<34} {seconds * 1000:7.1f} ms  ({len(series)} periods, {sum(x['events'] for x in series):,} events)")
        seconds, _ = timed(lambda: top_dyads(store, limit=20))
        print(f"{'top 20 dyads (clusters)':<34} {seconds * 1000:7.1f} ms")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
