"""Fixtures for the dedup tests: the generated corpus of bench/gen_corpus.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="session")
def gen_corpus():
    """The bench/gen_corpus.py module (a generated corpus with known duplicates and events)."""
    spec = importlib.util.spec_from_file_location("gen_corpus", BENCH / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module
