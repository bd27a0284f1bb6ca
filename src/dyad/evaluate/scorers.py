"""One scorer per gold format: gold items and dyad's events in, metrics out.

A scorer takes the items of a :class:`~dyad.evaluate.gold.GoldSet` and, for
each, the list of events dyad coded from its text, and returns a
:class:`Scored`: overall metrics, a per-class table and one prediction record
per item (what ``--out`` writes). Scorers never call the coder, so they can be
tested with hand-made events.

Everything that could flatter a coder that abstains or sprays labels is ruled
out here: no event is the prediction ``NONE``, which is wrong and never a true
positive; macro averages run over the gold classes; precision counts every
predicted event or triple.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from dyad.evaluate import matching as m
from dyad.evaluate.gold import GoldItem
from dyad.evaluate.metrics import (
    NONE,
    ClassRow,
    accuracy,
    binary_counts,
    class_rows,
    expected_calibration_error,
    macro_f1,
    match_counts,
    mcc,
    prf,
    safe_div,
    weighted_f1,
)
from dyad.records import Event

Predictions = Sequence[Sequence[Event]]


@dataclass(slots=True)
class Scored:
    """What a scorer returns; :func:`dyad.evaluate.harness.evaluate_set` wraps it in a Report."""

    metrics: dict[str, float | int]
    classes: list[ClassRow]
    rows: list[dict[str, Any]] = field(default_factory=list)  # one per item, for --out
    notes: list[str] = field(default_factory=list)


def _single_label(
    gold: list[str], pred: list[str], *, extra_rows: bool = True
) -> tuple[dict[str, float | int], list[ClassRow]]:
    """Accuracy, macro/weighted F1 and coverage for one label per item."""
    labels = sorted(set(gold))
    if extra_rows:  # show what else was predicted (NONE included), with support 0
        labels += sorted(set(pred) - set(gold) - {NONE}) + ([NONE] if NONE in pred else [])
    rows = class_rows(gold, pred, labels)
    metrics: dict[str, float | int] = {
        "accuracy": accuracy(gold, pred),
        "macro_f1": macro_f1(rows),
        "weighted_f1": weighted_f1(rows),
        "coverage": safe_div(sum(p != NONE for p in pred), len(pred)),
        "n_classes": len(set(gold)),
    }
    return metrics, rows


# --- zsp_plv ------------------------------------------------------------------------


def score_zsp_plv(items: Sequence[GoldItem], preds: Predictions) -> Scored:
    """PLOVER type of the best event for the given actor/recipient (YIELD = CONCEDE+RETREAT)."""
    gold, pred, out = [], [], []
    calib: list[tuple[float, bool]] = []  # (confidence, correct) of each best event
    for item, events in zip(items, preds):
        ev = m.best_event(
            events,
            item.text,
            [item.gold["actor_text"]],
            [item.gold["recipient_text"]],
            usable=lambda e: m.zsp_type(e) is not None,
        )
        p = m.zsp_type(ev) if ev else NONE
        gold.append(item.gold["type"])
        pred.append(p)
        if ev is not None:
            calib.append((ev.confidence, p == item.gold["type"]))
        out.append({"gold": item.gold["type"], "pred": p, "correct": p == item.gold["type"]})
    metrics, rows = _single_label(gold, pred)
    metrics["ece"] = expected_calibration_error(calib)
    return Scored(metrics, rows, out)


# --- conflibert_cameo -----------------------------------------------------------------

PENTA_NAMES = {
    0: "0 statement/appeal",
    1: "1 verbal cooperation",
    2: "2 material cooperation",
    3: "3 verbal conflict",
    4: "4 material conflict",
}


def score_conflibert_cameo(items: Sequence[GoldItem], preds: Predictions) -> Scored:
    """CAMEO penta class of the best event (preferring the gold actor spans where given)."""
    gold, pred, out = [], [], []
    calib: list[tuple[float, bool]] = []
    for item, events in zip(items, preds):
        ev = m.best_event(
            events,
            item.text,
            item.gold["actor_spans"],
            item.gold["recipient_spans"],
            usable=lambda e: m.penta_class(m.event_root(e)) is not None,
        )
        cls = m.penta_class(m.event_root(ev)) if ev else None
        g = PENTA_NAMES[item.gold["penta"]]
        p = PENTA_NAMES[cls] if cls is not None else NONE
        gold.append(g)
        pred.append(p)
        if ev is not None:
            calib.append((ev.confidence, p == g))
        out.append({"gold": item.gold["penta"], "pred": cls, "correct": p == g})
    metrics, rows = _single_label(gold, pred)
    metrics["ece"] = expected_calibration_error(calib)
    return Scored(metrics, rows, out, ["actor-country accuracy on the actor spans: not scored yet"])


# --- plover_gsr -----------------------------------------------------------------------


def _gold_countries(entities: list[dict]) -> set[str]:
    return {k for k in (m.country_key(e.get("country")) for e in entities) if k}


def gsr_match(gold: dict, ev: Event) -> bool:
    """Does ``ev`` match a plover_gsr record: its type, and the countries of both sides?"""
    if m.event_plover(ev) != gold["type"]:
        return False
    actors = _gold_countries(gold["actors"])
    if actors and not (m.countries(ev.actors) & actors):
        return False
    recipients = _gold_countries(gold["recipients"])
    if recipients and not (m.countries(ev.recipients) & recipients):
        return False
    return True


def _sector_hits(gold: dict, ev: Event) -> tuple[int, int]:
    """(right, asked): gold entities with a sector whose same-country predicted entity has it."""
    right = asked = 0
    for role, predicted in (("actors", ev.actors), ("recipients", ev.recipients)):
        for g in gold[role]:
            want = m.sector_key(g.get("sector"))
            if not want:
                continue
            asked += 1
            key = m.country_key(g.get("country"))
            same = [e for e in predicted if key is None or m.entity_country(e) == key]
            if any(want in m.entity_plover_sectors(e) for e in same):  # gold sectors are PLOVER's
                right += 1
    return right, asked


def score_plover_gsr(items: Sequence[GoldItem], preds: Predictions) -> Scored:
    """Full events: PLOVER type and actor (and recipient) countries; every event dyad emits counts.

    P/R/F1 match each gold event with at most one of dyad's events (type equal,
    actor countries overlapping, recipient countries too when gold has any).
    ``type_accuracy``, ``type_macro_f1`` and ``actor_country_accuracy`` judge
    dyad's single best event for the record (the one on the gold actors, then
    the most confident), so emitting many events cannot raise them.
    ``sector_accuracy`` is over the gold entities with a sector in matched events, with
    dyad's CAMEO sectors read as PLOVER's (:func:`dyad.actors.plover.plover_sectors`).
    ``ece`` judges every event against the record's one annotated event (a second real
    event in the sentence counts as wrong); ``ece_best`` judges the best event only,
    as the zsp_plv and conflibert scorers do.
    """
    n_pred = matched = actor_hits = actor_asked = sector_right = sector_asked = 0
    by_type_gold: Counter[str] = Counter()
    by_type_pred: Counter[str] = Counter()
    by_type_tp: Counter[str] = Counter()
    gold_types: list[str] = []
    best_types: list[str] = []
    out = []
    calib: list[tuple[float, bool]] = []  # every predicted event: (confidence, matches gold)
    calib_best: list[tuple[float, bool]] = []  # the best event of each record, as for zsp_plv
    for item, events in zip(items, preds):
        g = item.gold
        n_pred += len(events)
        for ev in events:
            by_type_pred[m.event_plover(ev) or NONE] += 1
            calib.append((ev.confidence, gsr_match(g, ev)))
        by_type_gold[g["type"]] += 1
        hit = next((ev for ev in events if gsr_match(g, ev)), None)
        if hit is not None:
            matched += 1
            by_type_tp[g["type"]] += 1
            right, asked = _sector_hits(g, hit)
            sector_right += right
            sector_asked += asked
        best = m.best_event(
            events,
            item.text,
            [e["text"] for e in g["actors"] if e.get("text")],
            [e["text"] for e in g["recipients"] if e.get("text")],
            usable=lambda e: m.event_plover(e) is not None,
        )
        best_type = (m.event_plover(best) or NONE) if best else NONE
        if best is not None:
            calib_best.append((best.confidence, gsr_match(g, best)))
        gold_types.append(g["type"])
        best_types.append(best_type)
        gold_actors = _gold_countries(g["actors"])
        if gold_actors:
            actor_asked += 1
            actor_hits += bool(best and m.countries(best.actors) & gold_actors)
        out.append(
            {
                "gold": {"type": g["type"], "actors": sorted(gold_actors), "recipients": sorted(_gold_countries(g["recipients"]))},
                "pred": [
                    {"type": m.event_plover(ev), "actors": sorted(m.countries(ev.actors)), "recipients": sorted(m.countries(ev.recipients))}
                    for ev in events
                ],
                "best_type": best_type,
                "correct": hit is not None,
            }
        )
    n_gold = len(items)
    p, r, f = prf(matched, n_pred, n_gold)
    rows = []
    for t in sorted(set(by_type_gold) | set(by_type_pred)):
        tp = by_type_tp[t]
        tp_, tr, tf = prf(tp, by_type_pred[t], by_type_gold[t])
        rows.append(ClassRow(t, tp_, tr, tf, by_type_gold[t], by_type_pred[t], tp))
    metrics: dict[str, float | int] = {
        "precision": p,
        "recall": r,
        "f1": f,
        "type_accuracy": accuracy(gold_types, best_types),
        "type_macro_f1": macro_f1(class_rows(gold_types, best_types)),
        "actor_country_accuracy": safe_div(actor_hits, actor_asked),
        "sector_accuracy": safe_div(sector_right, sector_asked),
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "matched": matched,
        "sectors_checked": sector_asked,
        "ece": expected_calibration_error(calib),
        "ece_best": expected_calibration_error(calib_best),
    }
    return Scored(metrics, rows, out)


# --- petrarch -----------------------------------------------------------------------


def predicted_triples(events: Sequence[Event]) -> list[tuple]:
    """(source entity or None, target entity or None, root) for every actor x recipient pair."""
    triples = []
    for ev in events:
        root = m.event_root(ev)
        for src in ev.actors or [None]:
            for tgt in ev.recipients or [None]:
                triples.append((src, tgt, root))
    return triples


def _triple_match(gold: list[str], pred: tuple) -> bool:
    source, target, code = gold
    src, tgt, root = pred
    return (
        root == code[:2]
        and m.code_matches(source, [src] if src else [])
        and m.code_matches(target, [tgt] if tgt else [])
    )


def petrarch_event_right(gold: list[list[str]], ev: Event) -> bool:
    """Is one of the event's (source, target, root) triples one of the record's?"""
    return any(_triple_match(g, t) for g in gold for t in predicted_triples([ev]))


def _triple_json(t: tuple) -> list:
    src, tgt, root = t
    return [src.code if src else None, tgt.code if tgt else None, root]


def score_petrarch(items: Sequence[GoldItem], preds: Predictions) -> Scored:
    """(source, target, CAMEO root) triples of the CAMEO-coded suites, noevents records included.

    ``ece`` judges each event: right when one of its triples is one of the record's.
    """
    per_suite: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # matched, pred, gold
    quiet = quiet_asked = 0
    calib: list[tuple[float, bool]] = []
    out = []
    for item, events in zip(items, preds):
        gold = item.gold["triples"]
        pred = predicted_triples(events)
        for ev in events:
            calib.append((ev.confidence, petrarch_event_right(gold, ev)))
        found = match_counts(gold, pred, _triple_match)
        counts = per_suite[item.gold["suite"]]
        counts[0] += found
        counts[1] += len(pred)
        counts[2] += len(gold)
        if item.gold["expect"] == "noevents":
            quiet_asked += 1
            quiet += not pred
        out.append(
            {
                "gold": gold,
                "pred": [_triple_json(t) for t in pred],
                "correct": found == len(gold) == len(pred),
            }
        )
    rows = []
    for suite, (tp, n_pred, n_gold) in sorted(per_suite.items()):
        p, r, f = prf(tp, n_pred, n_gold)
        rows.append(ClassRow(suite, p, r, f, n_gold, n_pred, tp))
    tp = sum(c[0] for c in per_suite.values())
    n_pred = sum(c[1] for c in per_suite.values())
    n_gold = sum(c[2] for c in per_suite.values())
    p, r, f = prf(tp, n_pred, n_gold)
    metrics: dict[str, float | int] = {
        "precision": p,
        "recall": r,
        "f1": f,
        "noevents_quiet": safe_div(quiet, quiet_asked),
        "ece": expected_calibration_error(calib),
        "gold_triples": n_gold,
        "predicted_triples": n_pred,
        "matched": tp,
    }
    return Scored(metrics, rows, out)


# --- ecola_gdelt --------------------------------------------------------------------


def score_ecola_gdelt(items: Sequence[GoldItem], preds: Predictions) -> Scored:
    """Agreement with GDELT's CAMEO roots per sentence, and P/R/F1 over (record, root) pairs."""
    agree = tp = n_pred = n_gold = 0
    gold_by: Counter[str] = Counter()
    pred_by: Counter[str] = Counter()
    tp_by: Counter[str] = Counter()
    out = []
    for item, events in zip(items, preds):
        gold = set(item.gold["roots"])
        pred = {r for r in (m.event_root(ev) for ev in events) if m.penta_class(r) is not None}
        both = gold & pred
        agree += bool(both)
        tp += len(both)
        n_pred += len(pred)
        n_gold += len(gold)
        gold_by.update(gold)
        pred_by.update(pred)
        tp_by.update(both)
        out.append({"gold": sorted(gold), "pred": sorted(pred), "correct": bool(both)})
    p, r, f = prf(tp, n_pred, n_gold)
    rows = []
    for root in sorted(set(gold_by) | set(pred_by)):
        rp, rr, rf = prf(tp_by[root], pred_by[root], gold_by[root])
        rows.append(ClassRow(root, rp, rr, rf, gold_by[root], pred_by[root], tp_by[root]))
    metrics: dict[str, float | int] = {
        "root_precision": p,
        "root_recall": r,
        "root_f1": f,
        "root_macro_f1": macro_f1(rows),
        "agreement": safe_div(agree, len(items)),
        "coverage": safe_div(sum(1 for o in out if o["pred"]), len(items)),
    }
    notes = ["agreement (any shared root) rewards emitting many roots; gate on root_f1"]
    return Scored(metrics, rows, out, notes)


# --- case2021_task2 -----------------------------------------------------------------


def acled_prediction(events: Sequence[Event]) -> str:
    """The ACLED event type of the most confident event that has one, else NONE."""
    ev = m.best_event(events, usable=lambda e: m.acled_type(e.cameo or "") is not None)
    return (m.acled_type(ev.cameo) or NONE) if ev else NONE


def score_case2021_task2(items: Sequence[GoldItem], preds: Predictions) -> Scored:
    """ACLED event type via acled_types.csv; macro-F1 over the ACLED types in gold.

    Records of the CASE "unseen" types (no ACLED type: disasters, diplomacy,
    crime...) are not in the macro-F1; ``non_acled_quiet`` is the share of them
    for which dyad predicts no ACLED type, as it should.
    """
    gold, pred, out = [], [], []
    quiet = asked = 0
    for item, events in zip(items, preds):
        p = acled_prediction(events)
        g = item.gold["acled"]
        if g is None:
            asked += 1
            quiet += p == NONE
            out.append({"gold": None, "subtype": item.gold["subtype"], "pred": p, "correct": p == NONE})
            continue
        gold.append(g)
        pred.append(p)
        out.append({"gold": g, "subtype": item.gold["subtype"], "pred": p, "correct": p == g})
    metrics, rows = _single_label(gold, pred)
    metrics["non_acled_quiet"] = safe_div(quiet, asked)
    metrics["scored"] = len(gold)
    return Scored(metrics, rows, out, [f"{asked} records of non-ACLED types kept out of macro-F1"] if asked else [])


# --- glocon_sample ------------------------------------------------------------------


def is_protest(events: Sequence[Event]) -> bool:
    """Whether dyad coded any PLOVER PROTEST (CAMEO root 14) event."""
    return any(m.event_root(ev) == "14" or m.event_plover(ev) == "PROTEST" for ev in events)


def score_glocon_sample(items: Sequence[GoldItem], preds: Predictions) -> Scored:
    """Protest detection: P/R/F1 of the protest class, MCC; label 2 (planned) set aside."""
    gold: list[bool] = []
    pred: list[bool] = []
    levels: list[str] = []
    planned = planned_hit = 0
    out = []
    for item, events in zip(items, preds):
        p = is_protest(events)
        label = item.gold["label"]
        out.append({"gold": label, "pred": int(p), "correct": None if label == 2 else p == (label == 1)})
        if label == 2:
            planned += 1
            planned_hit += p
            continue
        gold.append(label == 1)
        pred.append(p)
        levels.append(item.gold["level"])
    tp, fp, fn, tn = binary_counts(gold, pred)
    p, r, f = prf(tp, tp + fp, tp + fn)
    rows = class_rows(["protest" if g else "no_protest" for g in gold], ["protest" if x else "no_protest" for x in pred])
    metrics: dict[str, float | int] = {
        "precision": p,
        "recall": r,
        "f1": f,
        "mcc": mcc(tp, fp, fn, tn),
        "accuracy": safe_div(tp + tn, len(gold)),
        "macro_f1": macro_f1(rows),
    }
    for level in sorted(set(levels)):
        g = [x for x, lv in zip(gold, levels) if lv == level]
        q = [x for x, lv in zip(pred, levels) if lv == level]
        ltp, lfp, lfn, _ = binary_counts(g, q)
        metrics[f"f1_{level}"] = prf(ltp, ltp + lfp, ltp + lfn)[2]
    notes = []
    if planned:
        metrics["planned_flagged"] = safe_div(planned_hit, planned)
        notes.append(f"{planned} planned/announced protests (label 2) kept out of P/R/F1")
    return Scored(metrics, rows, out, notes)


SCORERS: dict[str, Callable[[Sequence[GoldItem], Predictions], Scored]] = {
    "zsp_plv": score_zsp_plv,
    "conflibert_cameo": score_conflibert_cameo,
    "plover_gsr": score_plover_gsr,
    "petrarch": score_petrarch,
    "ecola_gdelt": score_ecola_gdelt,
    "case2021_task2": score_case2021_task2,
    "glocon_sample": score_glocon_sample,
}

# The metrics the eval gate pins (tests/eval/floors.json), per dataset.
HEADLINE: dict[str, tuple[str, ...]] = {
    "zsp_plv": ("accuracy", "macro_f1"),
    "conflibert_cameo": ("accuracy", "macro_f1"),
    "plover_gsr": ("f1", "type_accuracy"),
    "petrarch": ("f1",),
    "ecola_gdelt": ("root_f1",),
    "case2021_task2": ("macro_f1",),
    "glocon_sample": ("f1", "mcc"),
}
