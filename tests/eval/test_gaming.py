"""Headline metrics cannot be gamed: abstaining and emitting every class both score low.

The spray coder emits one equally confident event for every CAMEO root (and the
main PLOVER types) on every text; the null coder emits nothing. F1-type metrics
must stay near zero. Some headline metrics have a floor no coder can be pushed
under, and are held to it instead: accuracy (and plover_gsr's type accuracy)
reaches the largest class's share by answering that class always, and the protest F1 reaches 2p/(1+p) (p the
protest rate) by calling everything a protest; MCC beside it is 0 for any
constant answer.
"""

from __future__ import annotations

import pytest

from dyad.evaluate import HEADLINE, evaluate

LOW = 0.15


def _bound(report, name: str) -> float:
    supports = {row.label: row.support for row in report.classes}
    if name in ("accuracy", "type_accuracy"):  # a constant answer scores its class's share
        return max(supports.values()) / sum(supports.values()) + 1e-9
    if (report.dataset, name) == ("glocon_sample", "f1"):
        p = supports["protest"] / sum(supports.values())
        return 2 * p / (1 + p) + 1e-9
    return LOW


def _assert_low(report, coder_name: str) -> None:
    assert set(report.headline_metrics()) == set(HEADLINE[report.dataset])
    for name, value in report.headline_metrics().items():
        bound = _bound(report, name)
        if name not in ("accuracy", "type_accuracy"):
            bound = min(bound, 0.3)  # accuracies are held to the chance share of a constant answer
        assert value <= bound, f"{report.dataset} {name} = {value:.3f} > {bound:.3f} for the {coder_name} coder"
    if report.dataset == "glocon_sample":
        assert report.metrics["mcc"] == 0.0


@pytest.mark.parametrize("coder_name", ["null", "spray"])
def test_tiny_sets_trivial_coders_score_low(tiny_sets, write_jsonl, fake_coders, coder_name):
    for fmt, records in tiny_sets.items():
        if fmt == "glocon_sample":  # keep the protest rate realistic (1 in 6)
            records = records + [dict(records[1], id=f"glocon_sample:x:n{i}") for i in range(7)]
        _assert_low(evaluate(write_jsonl(f"{fmt}.jsonl", records), fake_coders[coder_name]), coder_name)


@pytest.mark.parametrize("coder_name", ["null", "spray"])
def test_gold_sets_trivial_coders_score_low(shared_dir, fake_coders, coder_name):
    files = sorted((shared_dir / "gold").glob("*_dev.jsonl"))
    if not files:
        pytest.skip("no gold dev files")
    for path in files:
        _assert_low(evaluate(path, fake_coders[coder_name]), coder_name)
