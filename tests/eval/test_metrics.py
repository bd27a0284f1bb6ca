"""Metrics on hand-made labels."""

from __future__ import annotations

import pytest

from dyad.evaluate.metrics import (
    NONE,
    accuracy,
    binary_counts,
    class_rows,
    macro_f1,
    match_counts,
    mcc,
    prf,
    weighted_f1,
)


def test_prf_values():
    assert prf(2, 4, 8) == pytest.approx((0.5, 0.25, 1 / 3))


def test_prf_zero_denominators_are_zero():
    assert prf(0, 0, 0) == (0.0, 0.0, 0.0)
    assert prf(0, 3, 0) == (0.0, 0.0, 0.0)


def test_class_rows_counts_per_class():
    gold = ["A", "A", "B", "C"]
    pred = ["A", "B", "B", "A"]
    rows = {r.label: r for r in class_rows(gold, pred)}
    assert list(rows) == ["A", "B", "C"]
    assert (rows["A"].tp, rows["A"].predicted, rows["A"].support) == (1, 2, 2)
    assert rows["B"].precision == 0.5 and rows["B"].recall == 1.0
    assert rows["C"].f1 == 0.0 and rows["C"].support == 1


def test_class_rows_abstention_is_a_miss_not_a_class():
    rows = class_rows(["A", "B"], [NONE, "B"])
    assert [r.label for r in rows] == ["A", "B"]
    assert rows[0].recall == 0.0
    assert macro_f1(rows) == pytest.approx(0.5)


def test_class_rows_rejects_unequal_lengths():
    with pytest.raises(ValueError):
        class_rows(["A"], [])


def test_macro_f1_ignores_rows_without_support():
    rows = class_rows(["A", "A"], ["A", "Z"], labels=["A", "Z"])
    assert rows[1].support == 0
    assert macro_f1(rows) == pytest.approx(rows[0].f1)


def test_macro_f1_all_none_is_zero():
    gold = ["A", "B", "C", "A"]
    assert macro_f1(class_rows(gold, [NONE] * 4)) == 0.0


def test_macro_f1_constant_prediction_is_low():
    gold = ["A", "B", "C", "D"] * 5
    rows = class_rows(gold, ["A"] * len(gold))
    assert macro_f1(rows) == pytest.approx((2 * 0.25 / 1.25) / 4)


def test_weighted_f1_uses_support():
    rows = class_rows(["A", "A", "A", "B"], ["A", "A", "A", "A"])
    assert weighted_f1(rows) == pytest.approx(0.75 * (2 * 0.75 / 1.75))


def test_accuracy_values():
    assert accuracy(["A", "B"], ["A", NONE]) == 0.5
    assert accuracy([], []) == 0.0


def test_binary_counts_and_mcc():
    gold = [True, True, False, False]
    assert binary_counts(gold, [True, False, True, False]) == (1, 1, 1, 1)
    assert mcc(*binary_counts(gold, gold)) == pytest.approx(1.0)
    assert mcc(*binary_counts(gold, [True] * 4)) == 0.0
    assert mcc(*binary_counts(gold, [False] * 4)) == 0.0


def test_match_counts_is_one_to_one():
    same = lambda g, p: g == p  # noqa: E731
    assert match_counts(["x"], ["x", "x"], same) == 1
    assert match_counts(["x", "x"], ["x"], same) == 1
    assert match_counts(["x", "y"], ["y", "x"], same) == 2
    assert match_counts([], ["x"], same) == 0


def test_metrics_ece_is_zero_when_confidence_equals_accuracy():
    from dyad.evaluate.metrics import expected_calibration_error

    pairs = [(0.75, True)] * 3 + [(0.75, False)]
    assert expected_calibration_error(pairs) == 0.0
    assert abs(expected_calibration_error([(0.9, False)] * 4) - 0.9) < 1e-9
    assert expected_calibration_error([]) == 0.0
