"""The eval gate's floors: well formed, and they only ever rise.

Raise them with ``python -m dyad.evaluate.raise_floors REPORT.json`` (see
``test_gate.py`` for how to get a report of every set).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from dyad.evaluate import HEADLINE

FLOORS = Path(__file__).with_name("floors.json")
REPO = Path(__file__).resolve().parents[2]
REL = FLOORS.relative_to(REPO).as_posix()


def _floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def test_floors_cover_every_headline_metric():
    floors = _floors()
    assert set(floors) == set(HEADLINE)
    for dataset, names in HEADLINE.items():
        assert set(floors[dataset]) == set(names), dataset
        for name, value in floors[dataset].items():
            assert isinstance(value, (int, float)) and 0.0 <= value <= 1.0, f"{dataset}.{name} = {value!r}"


def _committed_floors() -> dict:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=REPO, capture_output=True, text=True)
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        pytest.skip("not a git checkout")
    shown = subprocess.run(["git", "show", f"HEAD:{REL}"], cwd=REPO, capture_output=True, text=True)
    if shown.returncode != 0:
        pytest.skip(f"{REL} is not committed yet")
    return json.loads(shown.stdout)


def lowered_floors(committed: dict, current: dict) -> list[str]:
    """Floors of ``committed`` that ``current`` lowers or drops."""
    lowered = []
    for dataset, metrics in committed.items():
        for name, old in metrics.items():
            new = current.get(dataset, {}).get(name)
            if new is None or new < old:
                lowered.append(f"{dataset}.{name}: {old} -> {new}")
    return lowered


def test_lowered_floors_finds_drops_and_removals():
    committed = {"a": {"f1": 0.5, "acc": 0.4}, "b": {"f1": 0.1}}
    assert lowered_floors(committed, {"a": {"f1": 0.6, "acc": 0.4}, "b": {"f1": 0.1}}) == []
    assert lowered_floors(committed, {"a": {"f1": 0.49, "acc": 0.4}}) == ["a.f1: 0.5 -> 0.49", "b.f1: 0.1 -> None"]


def test_floors_only_rise():
    lowered = lowered_floors(_committed_floors(), _floors())
    assert not lowered, "floors may only rise (or stay): " + "; ".join(lowered)
