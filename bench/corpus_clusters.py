"""Event clusters on real news: which clusters could be the same real-world event?

    .venv/bin/python bench/corpus_clusters.py [../shared/corpus] [--db FILE] [--days 3] [--sample 15]

Codes the corpus into a temporary store (``dyad code CORPUS --db X``, then
``dyad.dedup.refresh``), then lists the *candidate pairs* of distinct clusters
that a person should look at, because they could be one event that dyad split:

- the same PLOVER type (``same type``), or another type of the same quad class
  (``related``: accusing and threatening, sanctioning and attacking...);
- actor and recipient countries that overlap (the same dyad, either way round,
  counts most);
- dates at most ``--days`` apart.

Each pair is printed with both clusters' dates, dyads, member counts and
representative sentences (read from the store at run time; nothing of the
corpus is kept). Then a sample of clusters with their members. Issue #6's
criterion: no two clusters should be the same real-world event.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

from dyad.dedup import refresh
from dyad.store import Store

ROOT = Path(__file__).resolve().parent.parent

# PLOVER quad categories (manual 0.7): related types share one.
QUAD = {
    "AGREE": "verbal cooperation", "CONSULT": "verbal cooperation", "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation", "REQUEST": "verbal cooperation",
    "COOPERATE": "material cooperation", "AID": "material cooperation", "RETREAT": "material cooperation",
    "ACCUSE": "verbal conflict", "REJECT": "verbal conflict", "THREATEN": "verbal conflict",
    "PROTEST": "verbal conflict",
    "SANCTION": "material conflict", "MOBILIZE": "material conflict", "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}


def code_corpus(corpus: Path, db: Path) -> None:
    """``dyad code CORPUS --db DB`` with this interpreter's dyad."""
    dyad = Path(sys.executable).with_name("dyad")
    cmd = [str(dyad)] if dyad.exists() else [sys.executable, "-c", "from dyad.cli import main; main()"]
    subprocess.run(cmd + ["code", str(corpus), "--db", str(db), "--quiet"], check=True)


def sides(c: dict) -> set[str]:
    return {x for x in (c["actor_country"] or c["actor_code"], c["recipient_country"] or c["recipient_code"]) if x}


def candidate_pairs(
    clusters: list[dict], days: int, events: dict[str, set[str]]
) -> list[tuple[int, str, dict, dict]]:
    """``(score, why, a, b)`` for pairs of clusters that could be one event, best first.

    ``events``: each cluster's event ids and sentences (article, sentence). Two clusters
    that share one are dyads of one event or sentence (an event with two recipients gives
    two reports, as in GDELT): not a pair.
    """
    out = []
    for i, a in enumerate(clusters):
        for b in clusters[i + 1 :]:
            gap = abs((a["date"] - b["date"]).days)
            if gap > days or events[a["cluster_id"]] & events[b["cluster_id"]]:
                continue
            ta, tb = a["plover"] or a["cameo_root"], b["plover"] or b["cameo_root"]
            if ta == tb:
                kind, score = "same type", 2
            elif ta in QUAD and QUAD.get(ta) == QUAD.get(tb):
                kind, score = "related", 1
            else:
                continue
            shared = sides(a) & sides(b)
            if not shared:
                continue
            dyad_a = (a["actor_country"] or a["actor_code"], a["recipient_country"] or a["recipient_code"])
            dyad_b = (b["actor_country"] or b["actor_code"], b["recipient_country"] or b["recipient_code"])
            if all(dyad_a + dyad_b) and (dyad_a == dyad_b or dyad_a == dyad_b[::-1]):
                score += 2
                why = f"{kind}, same dyad"
            elif not all(dyad_a + dyad_b):
                score += 1
                why = f"{kind}, one side only, shared {'/'.join(sorted(shared))}"
            else:
                score += len(shared) > 1
                why = f"{kind}, shared {'/'.join(sorted(shared))}"
            score += gap == 0
            out.append((score, f"{why}, {gap} day{'s' if gap != 1 else ''} apart", a, b))
    out.sort(key=lambda x: (-x[0], str(x[2]["date"]), x[2]["cluster_id"], x[3]["cluster_id"]))
    return out


def describe(c: dict, width: int = 100) -> str:
    dyad = f"{c['actor_code'] or '-'} -> {c['recipient_code'] or '-'}"
    head = (f"{c['date']} ({c['date_precision']}) {c['plover'] or c['cameo']:<9} {dyad:<18} "
            f"{c['num_mentions']} report(s), {c['num_articles']} article(s), place {c['place'] or '-'}")
    sentence = textwrap.shorten(c["sentence"] or "", width=width, placeholder=" ...")
    return f"{head}\n        \"{sentence}\""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--db", type=Path, default=None, help="keep the store here (default: a temporary folder)")
    ap.add_argument("--days", type=int, default=3, help="at most this many days between two candidate clusters")
    ap.add_argument("--sample", type=int, default=15, help="clusters to show with their members")
    ap.add_argument("--seed", type=int, default=1, help="for the sample of single-report clusters")
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"{args.corpus}: no such corpus", file=sys.stderr)
        return 1

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "corpus.duckdb"
        if args.db is None or not db.exists():
            code_corpus(args.corpus, db)
        with Store(db) as store:
            refresh(store)
            counts, cc = store.counts(), store.cluster_counts()
            clusters = store.clusters()
            members = {c["cluster_id"]: store.cluster_members(c["cluster_id"]) for c in clusters}
            sentences = dict(store._con.execute("SELECT event_id, sentence FROM events").fetchall())

    multi = [c for c in clusters if c["num_mentions"] > 1]
    print(f"corpus {args.corpus}: {counts['articles']} articles, {counts['events']} events, "
          f"{cc['reports']} reports in {cc['clusters']} clusters ({len(multi)} with several reports, "
          f"{sum(c['num_articles'] > 1 for c in clusters)} from several articles); "
          f"{cc['exact_copies'] + cc['near_copies']} duplicate articles")

    events = {cid: {m["event_id"] for m in ms} | {(m["article_id"], sentences.get(m["event_id"])) for m in ms}
              for cid, ms in members.items()}
    pairs = candidate_pairs(clusters, args.days, events)
    strong = [p for p in pairs if p[1].startswith("same type, same dyad")]
    one_sided = [p for p in pairs if p[1].startswith("same type, one side")]
    across = [p for p in pairs if p[2]["article_id"] != p[3]["article_id"]]
    print(f"\ncandidate pairs (could be one event) within {args.days} days: {len(pairs)}; "
          f"{len(strong)} of the same type and dyad, {len(one_sided)} of the same type with one side only; "
          f"{len(across)} from different articles")
    for n, (score, why, a, b) in enumerate(pairs, 1):
        print(f"\n[{n}] score {score}: {why}")
        print(f"    A {describe(a)}")
        print(f"    B {describe(b)}")

    print(f"\nsample of clusters (all with several reports, then single reports), {args.sample} at most:")
    rng = random.Random(args.seed)
    singles = [c for c in clusters if c["num_mentions"] == 1]
    shown = sorted(multi, key=lambda c: (-c["num_mentions"], str(c["date"])))[: args.sample]
    shown += rng.sample(singles, min(len(singles), max(0, args.sample - len(shown))))
    for c in shown:
        print(f"\n  {c['cluster_id']}: {describe(c)}")
        for m in members[c["cluster_id"]]:
            print(f"      - {m['article_id']} {m['date']} ({m['date_precision']}) "
                  f"{m['actor_code'] or '-'} -> {m['recipient_code'] or '-'} {m['cameo']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
