"""Fixtures of the evaluation tests; the helpers behind them are in ``eval_fakes.py``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

import eval_fakes
from dyad.records import Event


@pytest.fixture
def event() -> Callable[..., Event]:
    """Factory for hand-made events (see ``eval_fakes.make_event``)."""
    return eval_fakes.make_event


@pytest.fixture
def fake_coders() -> dict[str, Callable]:
    """The null coder (emits nothing) and the spray coder (emits every class)."""
    return {"null": eval_fakes.null_coder, "spray": eval_fakes.spray_coder}


@pytest.fixture
def write_jsonl(tmp_path) -> Callable[[str, list[dict]], Path]:
    """Write records as JSON Lines under tmp_path and return the path."""

    def write(name: str, records: list[dict]) -> Path:
        path = tmp_path / name
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        return path

    return write


@pytest.fixture
def tiny_sets() -> dict[str, list[dict]]:
    """A few invented records per format, with several classes each (a fresh copy per test)."""
    return eval_fakes.tiny_sets()
