"""Fit the event-confidence model (src/dyad/data/calibration.json).

    .venv/bin/python scripts/calibrate.py [--gold ../shared/gold | --no-gold]

Training data:
  * written for dyad: tests/events/cases/sentences.tsv (one annotated event a sentence, and
    negative sentences that must yield nothing) and examples/expected.jsonl (the events of
    the example articles). An event counts as right when its CAMEO root and its actor's
    country agree with the annotation; an event in a negative sentence is wrong.
  * public gold sets, when ../shared/gold exists: zsp_plv_dev (the best event for the given
    actors is right when its PLOVER type is the gold type), conflibert_cameo_dev (right
    when its CAMEO penta class is the gold class) and plover_gsr_dev (right when its type
    and its actors' and recipients' countries agree with the record: the one public set
    that judges the whole event) -- the same judgements `dyad eval` makes.
Every text falls in one of 5 folds (``dyad.events.learned.fold_of``, the folds of the type
model); the file holds the model fitted on everything and one per fold fitted without it.
`dyad eval` codes the gold sets listed in ``gold_sets`` with the fold models that never saw
each text, so the ECE it reports there is cross-validated. Prints the cross-validated ECE
per source, then writes the model.
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


def _features(ev) -> dict[str, float]:
    """What the confidence model of the event's kind reads (``kind`` tells them apart)."""
    if ev.coder_kind == "model":
        return {"kind:model": 1.0, "model": ev.features["model"]}
    return dict(ev.features)


def collect(pipe) -> tuple[list[dict], list[bool], list[str]]:
    from dyad.events.learned import fold_of
    from dyad.ingest import read_articles

    rows: list[dict] = []
    labels: list[bool] = []
    texts: list[str] = []  # what decides the fold
    cases = REPO / "tests" / "events" / "cases" / "sentences.tsv"
    for row in csv.DictReader(cases.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
        pipe.holdout_fold = fold_of(row["sentence"])  # the type model was trained on these sentences
        for ev in pipe.code_text(row["sentence"], date.fromisoformat(row["pub_date"])):
            rows.append(_features(ev))
            labels.append(row["cameo"] != "-" and _matches(ev, row["cameo"], row["source"]))
            texts.append(row["sentence"])
    pipe.holdout_fold = None
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
            rows.append(_features(ev))
            labels.append(ok)
            texts.append(ev.sentence)
    return rows, labels, texts


def collect_gold(pipe, gold: Path) -> tuple[list[dict], list[bool], list[str], list[str]]:
    """(features, right, fold text, source) of the best event of each zsp_plv, conflibert
    and plover_gsr item."""
    from dyad.evaluate import matching as m
    from dyad.evaluate.gold import read_gold
    from dyad.evaluate.scorers import gsr_match
    from dyad.events.learned import fold_of

    rows, labels, texts, sources = [], [], [], []
    for name in ("zsp_plv", "conflibert_cameo", "plover_gsr"):
        path = gold / f"{name}_dev.jsonl"
        if not path.exists():
            continue
        for item in read_gold(path).items:
            g = item.gold
            pipe.holdout_fold = fold_of(item.text)  # as `dyad eval` codes it
            events = pipe.code_text(item.text, item.date)
            if name == "zsp_plv":
                ev = m.best_event(events, item.text, [g["actor_text"]], [g["recipient_text"]],
                                  usable=lambda e: m.zsp_type(e) is not None)
                right = ev is not None and m.zsp_type(ev) == g["type"]
            elif name == "plover_gsr":
                ev = m.best_event(events, item.text, [e["text"] for e in g["actors"] if e.get("text")],
                                  [e["text"] for e in g["recipients"] if e.get("text")],
                                  usable=lambda e: m.event_plover(e) is not None)
                right = ev is not None and gsr_match(g, ev)
            else:
                ev = m.best_event(events, item.text, g["actor_spans"], g["recipient_spans"],
                                  usable=lambda e: m.penta_class(m.event_root(e)) is not None)
                right = ev is not None and m.penta_class(m.event_root(ev)) == g["penta"]
            if ev is None:
                continue  # no event to judge
            rows.append(_features(ev))
            labels.append(right)
            texts.append(item.text)
            sources.append(name)
    pipe.holdout_fold = None
    return rows, labels, texts, sources


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "gold")
    ap.add_argument("--no-gold", action="store_true", help="fit on our own sentences only")
    ap.add_argument("--l2", type=float, default=1.0)
    args = ap.parse_args()

    from dyad.evaluate.metrics import expected_calibration_error
    from dyad.events.confidence import CALIBRATION, fit_logistic
    from dyad.events.learned import FOLDS, fold_of
    from dyad.pipeline import Pipeline

    pipe = Pipeline()
    rows, labels, texts = collect(pipe)
    sources = ["own"] * len(rows)
    if not args.no_gold:
        g_rows, g_labels, g_texts, g_sources = collect_gold(pipe, args.gold)
        rows, labels, texts, sources = rows + g_rows, labels + g_labels, texts + g_texts, sources + g_sources
    fitted = {}
    report = {}
    for kind in ("pattern", "model"):
        pick = [i for i in range(len(rows)) if ("kind:model" in rows[i]) == (kind == "model")]
        k_rows = [{n: v for n, v in rows[i].items() if n != "kind:model"} for i in pick]
        k_labels = [labels[i] for i in pick]
        k_folds = [fold_of(texts[i]) for i in pick]
        k_sources = [sources[i] for i in pick]
        predicted = [0.0] * len(pick)
        fold_models = {}
        for k in range(FOLDS):
            train = [j for j in range(len(pick)) if k_folds[j] != k]
            model = fit_logistic([k_rows[j] for j in train], [k_labels[j] for j in train], l2=args.l2)
            fold_models[str(k)] = {"bias": model.bias, "weights": model.weights}
            for j in range(len(pick)):
                if k_folds[j] == k:
                    predicted[j] = model(k_rows[j])
        report[kind] = {}
        for source in dict.fromkeys(k_sources):
            pairs = [(predicted[j], k_labels[j]) for j in range(len(pick)) if k_sources[j] == source]
            report[kind][source] = {
                "events": len(pairs),
                "share_right": round(sum(y for _, y in pairs) / len(pairs), 4),
                "cv_ece": round(expected_calibration_error(pairs), 4),
                "cv_brier": round(sum((p - y) ** 2 for p, y in pairs) / len(pairs), 4),
            }
            print(f"{kind} events, {source}: {report[kind][source]}")
        model = fit_logistic(k_rows, k_labels, l2=args.l2)
        fitted[kind] = {"events": len(pick), "bias": model.bias, "weights": model.weights, "folds": fold_models}
    gold_sets = sorted(set(sources) - {"own"})
    main_model = {
        "model": "logistic regression over event features (dyad.events.confidence)",
        "trained_on": ["tests/events/cases/sentences.tsv", "examples/expected.jsonl"]
        + [f"../shared/gold/{name}_dev.jsonl" for name in gold_sets],
        "gold_sets": gold_sets,
        "fitted": date.today().isoformat(),
        "events": fitted["pattern"]["events"],
        "cv_folds": FOLDS,
        "cross_validated": report["pattern"],
        "l2": args.l2,
        "bias": fitted["pattern"]["bias"],
        "weights": fitted["pattern"]["weights"],
        "folds": fitted["pattern"]["folds"],
        "model_events": {
            "what": "events of the learned type model: a logistic curve over the model's probability",
            "cross_validated": report["model"],
            **fitted["model"],
        },
    }
    CALIBRATION.write_text(json.dumps(main_model, indent=2) + "\n", encoding="utf-8")
    if not args.no_gold and (args.gold / "petrarch_dev.jsonl").exists():
        # with the main model in place (and no convention model yet), the petrarch convention
        main_model["conventions"] = {"petrarch": fit_convention(pipe, args.gold, "petrarch", args.l2)}
        CALIBRATION.write_text(json.dumps(main_model, indent=2) + "\n", encoding="utf-8")
    print(f"{len(rows)} events; wrote {CALIBRATION}")
    return 0


def fit_convention(pipe, gold: Path, name: str, l2: float) -> dict:
    """A logistic curve over the logit of dyad's confidence, fitted on the gold set labelled in
    convention ``name`` (the petrarch set: PETRARCH2's triples), cross-fitted by text: an event
    is right when one of its triples is one of the record's (``dyad eval``'s judgement)."""
    from dyad.evaluate.gold import read_gold
    from dyad.evaluate.metrics import expected_calibration_error
    from dyad.evaluate.scorers import petrarch_event_right
    from dyad.events.confidence import fit_logistic, load_calibrator, load_convention_calibrator, logit
    from dyad.events.conventions import get_convention
    from dyad.events.learned import FOLDS, fold_of

    load_calibrator.cache_clear()
    load_convention_calibrator.cache_clear()
    pipe.convention = get_convention(name)
    rows, labels, folds = [], [], []
    for item in read_gold(gold / f"{name}_dev.jsonl").items:
        pipe.holdout_fold = fold_of(item.text)
        for ev in pipe.code_text(item.text, item.date):
            rows.append({"logit": logit(ev.confidence)})
            labels.append(petrarch_event_right(item.gold["triples"], ev))
            folds.append(fold_of(item.text))
    pipe.holdout_fold = None
    pipe.convention = get_convention(None)
    predicted = [0.0] * len(rows)
    fold_models = {}
    for k in range(FOLDS):
        train = [j for j in range(len(rows)) if folds[j] != k]
        model = fit_logistic([rows[j] for j in train], [labels[j] for j in train], l2=l2)
        fold_models[str(k)] = {"bias": model.bias, "weights": model.weights}
        for j in range(len(rows)):
            if folds[j] == k:
                predicted[j] = model(rows[j])
    pairs = list(zip(predicted, labels))
    before = [(1 / (1 + __import__("math").exp(-r["logit"])), y) for r, y in zip(rows, labels)]
    report = {
        "events": len(pairs),
        "share_right": round(sum(labels) / len(labels), 4),
        "ece_before": round(expected_calibration_error(before), 4),
        "cv_ece": round(expected_calibration_error(pairs), 4),
        "cv_brier": round(sum((p - y) ** 2 for p, y in pairs) / len(pairs), 4),
    }
    print(f"{name} convention: {report}")
    model = fit_logistic(rows, labels, l2=l2)
    return {
        "what": f"confidence under the {name} convention: a logistic curve over the logit of dyad's confidence",
        "gold_set": name,
        "cross_validated": report,
        "bias": model.bias,
        "weights": model.weights,
        "folds": fold_models,
    }


if __name__ == "__main__":
    sys.exit(main())
