"""Shared fixtures. Tests that need ../shared skip when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder (gold sets, corpus, seed); skip if absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The English spaCy pipeline, loaded once for the session."""
    from dyad.parse import load_nlp

    return load_nlp()


@pytest.fixture
def db_path(tmp_path) -> Path:
    """A fresh DuckDB file path on disk."""
    return tmp_path / "test.duckdb"
