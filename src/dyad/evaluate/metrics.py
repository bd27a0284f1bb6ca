"""Plain classification and matching metrics, standard library only.

Every function takes parallel lists of gold and predicted labels (or match
counts) and returns numbers; nothing here knows about events or gold files.

Abstentions cannot raise a score: a prediction that is not one of the gold
classes (dyad's "NONE" for "no event") is wrong for the record's gold class and
is never a true positive for any class, and macro averages run over the
*gold* classes only, so a class the coder never predicts scores 0, not "n/a".
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass
from typing import Hashable, Iterable, Sequence

NONE = "NONE"  # the prediction when the coder emits nothing usable


def safe_div(num: float, den: float) -> float:
    """``num / den``, or 0.0 when ``den`` is 0."""
    return num / den if den else 0.0


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from true positives and the two totals."""
    p = safe_div(tp, n_pred)
    r = safe_div(tp, n_gold)
    return p, r, safe_div(2 * p * r, p + r)


@dataclass(frozen=True, slots=True)
class ClassRow:
    """One row of a per-class table."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int  # gold items of this class
    predicted: int  # predictions of this class
    tp: int

    def to_dict(self) -> dict:
        return asdict(self)


def class_rows(
    gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Iterable[Hashable] | None = None
) -> list[ClassRow]:
    """Per-class P/R/F1 for single-label predictions, one row per label.

    ``labels`` defaults to the sorted gold classes. Predictions outside
    ``labels`` (abstentions, classes absent from gold) count only as misses of
    the gold class.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    labels = sorted(set(gold), key=str) if labels is None else list(labels)
    n_gold = Counter(gold)
    n_pred = Counter(pred)
    tp = Counter(g for g, p in zip(gold, pred) if g == p)
    rows = []
    for label in labels:
        p, r, f = prf(tp[label], n_pred[label], n_gold[label])
        rows.append(ClassRow(str(label), p, r, f, n_gold[label], n_pred[label], tp[label]))
    return rows


def macro_f1(rows: Sequence[ClassRow]) -> float:
    """Unweighted mean F1 over the rows with gold support."""
    scored = [r.f1 for r in rows if r.support]
    return safe_div(sum(scored), len(scored))


def weighted_f1(rows: Sequence[ClassRow]) -> float:
    """F1 averaged with gold support as weights."""
    total = sum(r.support for r in rows)
    return safe_div(sum(r.f1 * r.support for r in rows), total)


def accuracy(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> float:
    """Share of items whose prediction equals the gold label."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    return safe_div(sum(g == p for g, p in zip(gold, pred)), len(gold))


def binary_counts(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) for a binary task."""
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if p and not g)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    tn = sum(1 for g, p in zip(gold, pred) if not g and not p)
    return tp, fp, fn, tn


def mcc(tp: int, fp: int, fn: int, tn: int) -> float:
    """Matthews correlation: 0 for any constant predictor, 1 for a perfect one."""
    den = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return safe_div(tp * tn - fp * fn, den)


def match_counts(gold: Sequence, pred: Sequence, matches) -> int:
    """Size of a greedy one-to-one matching between ``gold`` and ``pred``.

    ``matches(g, p) -> bool``. Each gold item takes the first unused prediction
    that matches it, so a duplicated prediction earns one true positive, and
    the duplicate is a false positive.
    """
    used: set[int] = set()
    found = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and matches(g, p):
                used.add(j)
                found += 1
                break
    return found


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = 10) -> float:
    """ECE: the mean gap between confidence and accuracy over equal-width confidence bins,
    weighted by how many predictions fall in each bin. 0 is perfectly calibrated."""
    if not pairs:
        return 0.0
    buckets: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for conf, ok in pairs:
        buckets[min(int(conf * bins), bins - 1)].append((conf, ok))
    total = len(pairs)
    ece = 0.0
    for bucket in buckets:
        if bucket:
            mean_conf = sum(c for c, _ in bucket) / len(bucket)
            acc = sum(1 for _, ok in bucket if ok) / len(bucket)
            ece += len(bucket) / total * abs(mean_conf - acc)
    return ece
