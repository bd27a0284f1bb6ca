"""Fit the event-confidence model (src/dyad/data/calibration.json) on data we wrote.

    .venv/bin/python scripts/calibrate.py [--folds 5]

Training data, all written for dyad: tests/events/cases/sentences.tsv (one annotated event a
sentence, and negative sentences that must yield nothing) and examples/expected.jsonl (the
events of the example articles). An event counts as right when its CAMEO root and its actor's
country agree with the annotation; an event in a negative sentence is wrong. No gold set from
../shared is used, so the gold sets stay an independent check of calibration (dyad eval
reports `ece`). Prints cross-validated ECE and Brier score, then writes the model.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _matches(event, root: str, source: str) -> bool:
    if event.cameo[:2] != root[:2]:
        return False
    src = source[:3]
    return not src or src == "---" or any((a.code or "").startswith(src) or a.group == src for a in event.actors)


def collect(pipe) -> tuple[list[dict], list[bool]]:
    from dyad.ingest import read_articles

    rows: list[dict] = []
    labels: list[bool] = []
    cases = REPO / "tests" / "events" / "cases" / "sentences.tsv"
    for row in csv.DictReader(cases.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
        for ev in pipe.code_text(row["sentence"], date.fromisoformat(row["pub_date"])):
            rows.append(ev.features)
            labels.append(row["cameo"] != "-" and _matches(ev, row["cameo"], row["source"]))
    examples = REPO / "examples"
    expected = [json.loads(x) for x in (examples / "expected.jsonl").read_text(encoding="utf-8").splitlines()]
    for article in read_articles([examples], on_error=lambda e: None):
        mine = [x for x in expected if x["article"] == article.id]
        starts = {article.text.index(x["sentence_contains"]): x for x in mine}
        for ev in pipe.code(article):
            here = [x for s, x in starts.items() if ev.sentence_span[0] <= s < ev.sentence_span[1]]
            if not here:
                continue  # a sentence nobody annotated tells nothing
            ok = any(not x["negated_or_hypothetical"] and _matches(ev, x["cameo"], x.get("actor_code") or x["actor_country"] or "")
                     for x in here)
            rows.append(ev.features)
            labels.append(ok)
    return rows, labels


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args()

    from dyad.evaluate.metrics import expected_calibration_error
    from dyad.events.confidence import CALIBRATION, fit_logistic
    from dyad.pipeline import Pipeline

    rows, labels = collect(Pipeline())  # the features do not depend on the current model
    order = list(range(len(rows)))
    random.Random(13).shuffle(order)
    pairs = []
    for k in range(args.folds):
        test = set(order[k :: args.folds])
        model = fit_logistic([rows[i] for i in order if i not in test], [labels[i] for i in order if i not in test],
                             l2=args.l2)
        pairs += [(model(rows[i]), labels[i]) for i in test]
    ece = expected_calibration_error(pairs)
    brier = sum((p - y) ** 2 for p, y in pairs) / len(pairs)
    model = fit_logistic(rows, labels, l2=args.l2)
    CALIBRATION.write_text(json.dumps({
        "model": "logistic regression over event features (dyad.events.confidence)",
        "trained_on": ["tests/events/cases/sentences.tsv", "examples/expected.jsonl"],
        "fitted": date.today().isoformat(),
        "events": len(rows),
        "share_right": round(sum(labels) / len(labels), 4),
        "cv_folds": args.folds,
        "cv_ece": round(ece, 4),
        "cv_brier": round(brier, 4),
        "l2": args.l2,
        "bias": model.bias,
        "weights": model.weights,
    }, indent=2) + "\n", encoding="utf-8")
    print(f"{len(rows)} events, {sum(labels) / len(labels):.1%} right; {args.folds}-fold CV: "
          f"ECE {ece:.3f}, Brier {brier:.3f}; wrote {CALIBRATION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
