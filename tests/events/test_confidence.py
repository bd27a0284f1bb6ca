"""The confidence model: fitting, applying, and the packaged calibration."""

from __future__ import annotations

import json
import random

from dyad.events.confidence import CALIBRATION, Calibrator, fit_logistic, heuristic_confidence, load_calibrator


def test_confidence_fit_recovers_which_feature_helps():
    rng = random.Random(1)
    rows, labels = [], []
    for _ in range(600):
        good = rng.random() < 0.5
        rows.append({"good": float(good), "noise": float(rng.random() < 0.5)})
        labels.append(rng.random() < (0.9 if good else 0.2))
    model = fit_logistic(rows, labels)
    assert model.weights["good"] > 2.0
    assert abs(model.weights["noise"]) < 0.5
    assert 0.85 < model({"good": 1.0}) < 0.95 and 0.15 < model({"good": 0.0}) < 0.27


def test_confidence_calibrator_stays_in_the_unit_interval():
    model = Calibrator(bias=0.0, weights={"x": 1000.0})
    assert model({"x": 1.0}) <= 1.0 and model({"x": -1.0}) >= 0.0
    assert 0.05 <= heuristic_confidence({}) <= 0.95


def test_confidence_packaged_model_was_cross_validated():
    data = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    assert data["cv_ece"] <= 0.06 and data["events"] >= 500
    assert load_calibrator() is not None
    assert set(data["weights"]) >= {"actor_country", "main_clause", "statement"}
