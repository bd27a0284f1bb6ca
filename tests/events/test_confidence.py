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
    assert data["events"] >= 500
    for source, scores in data["cross_validated"].items():
        assert scores["cv_ece"] <= 0.07, source
    assert load_calibrator() is not None
    assert set(data["weights"]) >= {"actor_country", "main_clause", "statement"}


def test_confidence_fold_models_for_the_gold_sets_it_saw():
    from dyad.events.confidence import calibration_gold_sets
    from dyad.events.learned import FOLDS

    data = json.loads(CALIBRATION.read_text(encoding="utf-8"))
    assert sorted(data["folds"]) == [str(k) for k in range(FOLDS)]
    conventions = {c["gold_set"] for c in data.get("conventions", {}).values()}
    assert calibration_gold_sets() == frozenset(data["gold_sets"]) | conventions
    assert "petrarch" in conventions  # the petrarch convention's recalibration saw the petrarch set
    for conv in data.get("conventions", {}).values():
        assert sorted(conv["folds"]) == [str(k) for k in range(FOLDS)]
    features = {"actor_country": 1.0, "main_clause": 1.0, "recipient_resolved": 1.0}
    full, fold = load_calibrator(), load_calibrator(0)
    assert fold is not full and fold.weights != full.weights
    assert abs(full(features) - fold(features)) < 0.2  # the same model, fitted on 4/5 of the data
