"""Train the learned event-type model (src/dyad/data/type_model.npz).

    .venv/bin/python scripts/train_type_model.py [--gold ../shared/gold] [--out src/dyad/data/type_model.npz]

Training data:
  * tests/events/cases/sentences.tsv — sentences we wrote, one annotated event each
    (CAMEO code -> PLOVER type) and negatives that must yield nothing (label NONE);
  * zsp_plv_dev.jsonl from ../shared/gold — PLOVER-typed news sentences
    (Zero-Shot-PLOVER PLV data), when the folder exists.
Every text falls in one of 5 folds by a hash of its words (``dyad.events.learned.fold_of``).
The file holds the model trained on everything and one model per fold trained without
that fold; ``dyad eval`` uses the fold models on the sets listed in ``trained_on``, so no
score is ever reported on text the scoring model saw. The confidence of a prediction is
a Platt scaling of the winning probability, fitted on out-of-fold predictions.

Deterministic: same data, same file. Prints cross-validated accuracy and macro-F1 of the
model alone, then writes the model; see docs/model_card.md.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from dyad.data import load_ontology  # noqa: E402
from dyad.events.learned import DEFAULT_CODES, FOLDS, NONE, THRESHOLD, fold_of, save_type_model, terms  # noqa: E402

TYPES = sorted(DEFAULT_CODES)
MERGED = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def own_sentences() -> list[tuple[str, str]]:
    """(text, label) from our own case file; codes whose type the model does not learn are left out."""
    onto = load_ontology()
    out = []
    path = REPO / "tests" / "events" / "cases" / "sentences.tsv"
    for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE):
        code = row["cameo"]
        if code == "-" or code.startswith("01"):
            label = NONE  # nothing, or a plain statement: the fallback must not code these
        else:
            found = onto.plover_for(code)[0] if code in onto else None
            label = MERGED.get(found, found) if found else None
        if label in TYPES or label == NONE:
            out.append((row["sentence"], label))
    return out


def gold_sentences(gold: Path) -> list[tuple[str, str]]:
    from dyad.evaluate.gold import read_gold

    path = gold / "zsp_plv_dev.jsonl"
    if not path.exists():
        return []
    return [(item.text, item.gold["type"]) for item in read_gold(path).items if item.gold["type"] in TYPES]


def vocabulary(texts: list[str], min_df: int = 2) -> list[str]:
    df: Counter[str] = Counter()
    for t in texts:
        df.update(set(terms(t)))
    return sorted(t for t, n in df.items() if n >= min_df)


def matrix(texts: list[str], vocab: dict[str, int], idf: np.ndarray) -> np.ndarray:
    x = np.zeros((len(texts), len(vocab)), dtype=np.float32)
    for row, text in enumerate(texts):
        counts = Counter(i for i in (vocab.get(t) for t in terms(text)) if i is not None)
        for i, c in counts.items():
            x[row, i] = (1.0 + math.log(c)) * idf[i]
        norm = np.linalg.norm(x[row])
        if norm:
            x[row] /= norm
    return x


def idf_of(texts: list[str], vocab: dict[str, int]) -> np.ndarray:
    df = np.zeros(len(vocab), dtype=np.float64)
    for text in texts:
        for i in {vocab[t] for t in terms(text) if t in vocab}:
            df[i] += 1
    n = len(texts)
    return (np.log((1 + n) / (1 + df)) + 1.0).astype(np.float32) * (df > 0)


def fit(x: np.ndarray, y: np.ndarray, n_labels: int, *, l2: float = 0.05, steps: int = 400,
        lr: float = 0.1) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, full-batch Adam, L2 on the weights (mean loss + l2/2n |W|^2)."""
    n, d = x.shape
    w = np.zeros((d, n_labels), dtype=np.float32)
    b = np.zeros(n_labels, dtype=np.float32)
    onehot = np.eye(n_labels, dtype=np.float32)[y]
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    b1, b2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) / n
        grads = [x.T @ g + (l2 / n) * w, g.sum(axis=0)]
        for j, (param, grad) in enumerate(zip((w, b), grads)):
            m[j] = b1 * m[j] + (1 - b1) * grad
            v[j] = b2 * v[j] + (1 - b2) * grad * grad
            param -= lr * (m[j] / (1 - b1**step)) / (np.sqrt(v[j] / (1 - b2**step)) + eps)
    return w, b


def platt(scores: np.ndarray, correct: np.ndarray, steps: int = 2000) -> tuple[float, float]:
    """``sigmoid(a * score + b)`` fitted to 0/1 outcomes by gradient descent on log-loss."""
    a, b = 1.0, 0.0
    for _ in range(steps):
        q = 1.0 / (1.0 + np.exp(-(a * scores + b)))
        ga, gb = float(((q - correct) * scores).mean()), float((q - correct).mean())
        a -= 2.0 * ga
        b -= 2.0 * gb
    return a, b


def macro_f1(gold: list[str], pred: list[str]) -> float:
    scores = []
    for c in sorted(set(gold)):
        tp = sum(g == p == c for g, p in zip(gold, pred))
        n_pred, n_gold = sum(p == c for p in pred), sum(g == c for g in gold)
        pr, rc = (tp / n_pred if n_pred else 0.0), tp / n_gold
        scores.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return sum(scores) / len(scores)


def ece(conf: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    total = 0.0
    for k in range(bins):
        sel = (conf >= k / bins) & ((conf < (k + 1) / bins) if k < bins - 1 else (conf <= 1.0))
        if sel.any():
            total += sel.sum() / len(conf) * abs(conf[sel].mean() - correct[sel].mean())
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=REPO.parent / "shared" / "gold")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "dyad" / "data" / "type_model.npz")
    ap.add_argument("--l2", type=float, default=0.05)
    args = ap.parse_args()

    own, gold = own_sentences(), gold_sentences(args.gold)
    data = own + gold
    if not gold:
        print(f"note: {args.gold / 'zsp_plv_dev.jsonl'} not found: training on our own sentences only")
    texts = [t for t, _ in data]
    labels = TYPES + [NONE]
    y = np.array([labels.index(lab) for _, lab in data])
    folds = np.array([fold_of(t) for t in texts])
    vocab_list = vocabulary(texts)
    vocab = {t: i for i, t in enumerate(vocab_list)}
    print(f"{len(own)} own sentences, {len(gold)} zsp_plv sentences, {len(vocab_list):,} terms, {len(labels)} labels")

    weights, biases, idfs = [], [], []
    oof = np.zeros((len(texts), len(labels)), dtype=np.float32)
    for k in list(range(FOLDS)) + [None]:
        train = folds != k if k is not None else np.ones(len(texts), bool)
        idf = idf_of([t for t, keep in zip(texts, train) if keep], vocab)
        x = matrix(texts, vocab, idf)
        w, b = fit(x[train], y[train], len(labels), l2=args.l2)
        if k is not None:
            z = x[~train] @ w + b
            z = np.exp(z - z.max(axis=1, keepdims=True))
            oof[~train] = z / z.sum(axis=1, keepdims=True)
        weights.append(w)
        biases.append(b)
        idfs.append(idf)
        print(f"  fitted {'fold ' + str(k) if k is not None else 'full model'}", flush=True)

    pred = oof.argmax(axis=1)
    top = oof.max(axis=1)
    right = (pred == y).astype(np.float64)
    # calibrate what the pipeline emits: a type (not NONE) at or above the threshold;
    # emitting any type for a NONE sentence is wrong
    emitted = (pred != labels.index(NONE)) & (top >= THRESHOLD)
    a, b = platt(top[emitted].astype(np.float64), right[emitted])
    conf = 1.0 / (1.0 + np.exp(-(a * top + b)))
    names = [labels[i] for i in pred]
    report = {}
    for part, rows in (("own", slice(0, len(own))), ("zsp_plv", slice(len(own), len(data)))):
        gold_l = [labels[i] for i in y[rows]]
        if not gold_l:
            continue
        report[part] = {
            "n": len(gold_l),
            "accuracy": round(float(right[rows].mean()), 3),
            "macro_f1": round(macro_f1(gold_l, names[rows]), 3),
            "ece_of_emitted": round(ece(conf[rows][emitted[rows]], right[rows][emitted[rows]]), 3),
            "emitted": int(emitted[rows].sum()),
        }
        print(f"cross-validated, model alone, {part}: {report[part]}")
    meta = {
        "trained_on": ["zsp_plv"] if gold else [],
        "training": {"own": len(own), "zsp_plv": len(gold)},
        "folds": FOLDS,
        "l2": args.l2,
        "cross_validated": report,
        "trained": date.today().isoformat(),
    }
    # one idf per model: fold models must not see the held-out texts' document frequencies
    idf_all = np.stack(idfs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_type_model(args.out, vocab_list, idf_all, labels, np.stack(weights), np.stack(biases), (a, b), meta)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
