"""Event confidence: a probability that the event is right, from what supported it.

The coder records each event's ``features`` (pattern kind, resolved roles, modality,
context-filled countries...). A logistic model over them, fitted by
``scripts/calibrate.py`` on sentences we wrote and on public gold sets (cross-fitted),
shipped as ``data/calibration.json``,
turns them into a calibrated confidence. Without that file a fixed heuristic stands in.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

from dyad.data import DATA_DIR

CALIBRATION = DATA_DIR / "calibration.json"


def heuristic_confidence(f: dict[str, float]) -> float:
    """A hand-set score, used before calibration (and by the calibration script itself)."""
    score = 0.45 + 0.15 * f.get("actor_country", 0) + 0.05 * f.get("actor_sector", 0)
    score += 0.1 * f.get("recipient_resolved", 0) + 0.08 * f.get("specific", 0)
    score -= 0.08 * f.get("noun", 0) + 0.1 * f.get("pair", 0) + 0.08 * f.get("context", 0)
    score -= 0.03 * f.get("reported", 0) + 0.2 * f.get("unresolved", 0) + 0.25 * f.get("statement", 0)
    return max(0.05, min(0.95, score))


@dataclass(frozen=True, slots=True)
class Calibrator:
    """Logistic model: confidence = sigmoid(bias + sum(weight * feature))."""

    bias: float
    weights: dict[str, float]

    def __call__(self, features: dict[str, float]) -> float:
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=16)
def load_calibrator(fold: int | None = None, kind: str = "pattern") -> Calibrator | None:
    """The packaged calibration model, or None when none has been fitted.

    ``kind`` is ``"pattern"`` (events of the patterns, over their features) or
    ``"model"`` (events of the learned type model, over its probability
    ``"model"``). ``fold`` asks for the model fitted without that
    cross-validation fold (see ``scripts/calibrate.py``): ``dyad eval`` codes
    every gold text with the fold that never saw it, so the ECE it reports is
    cross-validated.
    """
    if not CALIBRATION.exists():
        return None
    data = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    if kind == "model":
        data = data.get("model_events")
        if data is None:
            return None
    if fold is not None and str(fold) in data.get("folds", {}):
        data = data["folds"][str(fold)]
    return Calibrator(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


@lru_cache(maxsize=16)
def load_convention_calibrator(convention: str, fold: int | None = None) -> Calibrator | None:
    """The recalibration of confidence for events coded in another convention, or None.

    dyad's confidence says how likely an event is right by dyad's own reading. Under
    another convention (``petrarch``) "right" means agreeing with that coder, so
    ``scripts/calibrate.py`` fits a logistic curve over the logit of dyad's confidence on
    the gold set labelled in that convention (cross-fitted by text, like the main model).
    """
    if not CALIBRATION.exists():
        return None
    data = json.loads(CALIBRATION.read_text(encoding="utf-8")).get("conventions", {}).get(convention)
    if data is None:
        return None
    if fold is not None and str(fold) in data.get("folds", {}):
        data = data["folds"][str(fold)]
    return Calibrator(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


def logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def calibration_gold_sets() -> frozenset[str]:
    """The gold sets (dataset names) the packaged calibration was fitted on."""
    if not CALIBRATION.exists():
        return frozenset()
    data = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    return frozenset(data.get("gold_sets", [])) | frozenset(
        c.get("gold_set") for c in data.get("conventions", {}).values() if c.get("gold_set"))


def fit_logistic(rows: list[dict[str, float]], labels: list[bool], *, l2: float = 1.0,
                 iterations: int = 50) -> Calibrator:
    """Fit a regularised logistic regression by Newton's method (numpy; small data)."""
    import numpy as np

    names = sorted({k for r in rows for k in r})
    X = np.array([[1.0] + [r.get(n, 0.0) for n in names] for r in rows])
    y = np.array([1.0 if lab else 0.0 for lab in labels])
    w = np.zeros(X.shape[1])
    reg = np.eye(X.shape[1]) * l2
    reg[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        grad = X.T @ (p - y) + reg @ w
        hess = (X * (p * (1 - p))[:, None]).T @ X + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Calibrator(float(w[0]), {n: float(v) for n, v in zip(names, w[1:])})
