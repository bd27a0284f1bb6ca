"""Store throughput: insert 100k hand-built events, re-code them, query them.

    .venv/bin/python bench/bench_store.py [--events 100000] [--per-article 10] [--batch 1000]

Prints rows per second for each step. The database lives in a temporary folder.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dyad.records import Article, Entity, Event, Location, Trigger
from dyad.store import Store

COUNTRIES = ["RUS", "UKR", "USA", "CHN", "FRA", "DEU", "IRN", "ISR", "TUR", "IND"]
CODES = [("112", "11", -2.0, 3, "ACCUSE"), ("057", "05", 8.0, 1, "SUPPORT"), ("042", "04", 1.9, 1, "CONSULT"), ("190", "19", -10.0, 4, "FIGHT")]
SENTENCE = "The {a} government accused {b} of violating the ceasefire near the border on Tuesday. "


def build(n_events: int, per_article: int) -> list[tuple[Article, list[Event]]]:
    results = []
    for i in range(0, n_events, per_article):
        day = date(2024, 1, 1) + timedelta(days=i % 365)
        parts, events = [], []
        for k in range(min(per_article, n_events - i)):
            a, b = COUNTRIES[(i + k) % 10], COUNTRIES[(i + k + 3) % 10]
            start = sum(len(p) for p in parts)
            parts.append(SENTENCE.format(a=a, b=b))
            events.append((start, a, b, k))
        article = Article(id=f"art{i // per_article:07d}", date=day, text="".join(parts).strip(), title="Bench")
        built = []
        for start, a, b, k in events:
            cameo, root, goldstein, quad, plover = CODES[k % len(CODES)]
            t0 = start + 8 + len(a)
            built.append(
                Event(
                    article_id=article.id,
                    pub_date=day,
                    cameo=cameo,
                    trigger=Trigger("accused", (t0, t0 + 7)),
                    sentence=article.text[start : start + len(SENTENCE.format(a=a, b=b)) - 1],
                    sentence_span=(start, start + len(SENTENCE.format(a=a, b=b)) - 1),
                    actors=[Entity(a, (start + 4, start + 4 + len(a)), name=a, country=a, sector="GOV", how="name")],
                    recipients=[Entity(b, (t0 + 8, t0 + 8 + len(b)), name=b, country=b, how="name")],
                    location=Location(name="the border", country=a),
                    confidence=0.5 + (k % 5) / 10,
                    cameo_root=root,
                    goldstein=goldstein,
                    quad_class=quad,
                    plover=plover,
                    coder_name="bench",
                )
            )
        results.append((article, built))
    return results


def timed(label: str, rows: int, fn) -> None:
    start = time.perf_counter()
    fn()
    seconds = time.perf_counter() - start
    print(f"{label:<34} {rows:>8} rows  {seconds:7.2f} s  {rows / seconds:>10,.0f} rows/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--batch", type=int, default=1000, help="articles per add_coded call (one transaction)")
    args = parser.parse_args()

    t = time.perf_counter()
    results = build(args.events, args.per_article)
    n_events = sum(len(ev) for _, ev in results)
    print(f"built {len(results)} articles, {n_events} events in {time.perf_counter() - t:.2f} s")

    def store_all(store: Store) -> None:
        for i in range(0, len(results), args.batch):
            store.add_coded(results[i : i + args.batch])

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        timed("insert (add_coded)", n_events, lambda: store_all(store))
        timed("re-code the same (replace)", n_events, lambda: store_all(store))
        assert store.counts()["events"] == n_events, store.counts()
        timed("read all records (events())", n_events, lambda: store.events())
        timed("query country=RUS, root=11", n_events, lambda: store.events(country="RUS", cameo_root="11"))
        timed("add_events, one article", args.per_article, lambda: store.add_events(results[0][0].id, results[0][1]))
        print("counts:", store.counts())


if __name__ == "__main__":
    main()
