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


@pytest.fixture(scope="session")
def pipeline():
    """A real Pipeline (spaCy model, tables, knowledge base), built once."""
    from dyad.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def code(pipeline):
    """Code one text with the real pipeline: ``code("Russia attacked ...", "2020-05-01")``."""
    from datetime import date

    def _code(text: str, pub: str = "2021-06-05"):
        return pipeline.code_text(text, date.fromisoformat(pub))

    return _code


# --- ingest / store / CLI fixtures ------------------------------------------------------


def build_event(
    article,
    cameo: str = "112",
    *,
    trigger: str = "accused",
    actor: tuple[str, str | None, str | None] | None = ("Russia", "RUS", "GOV"),
    recipient: tuple[str, str | None, str | None] | None = ("Ukraine", "UKR", None),
    place: tuple[str, str] | None = None,
    confidence: float = 0.8,
):
    """A hand-built Event on ``article``: the trigger, actor and recipient are found in its text."""
    from dyad.records import Entity, Event, Location, Trigger

    text = article.text
    t0 = text.index(trigger)

    def entity(spec):
        name, country, sector = spec
        start = text.find(name)
        start = start if start >= 0 else 0
        return Entity(text=name, span=(start, start + len(name)), name=name, country=country, sector=sector, how="name")

    s0 = text.rfind(".", 0, t0) + 1
    while s0 < len(text) and text[s0] == " ":
        s0 += 1
    s1 = text.find(".", t0)
    s1 = len(text) if s1 < 0 else s1 + 1
    codes = {"112": ("11", -2.0, 3, "ACCUSE"), "057": ("05", 8.0, 1, "SUPPORT"), "042": ("04", 1.9, 1, "CONSULT")}
    root, goldstein, quad, plover = codes.get(cameo, (cameo[:2], 0.0, 1, None))
    return Event(
        article_id=article.id,
        pub_date=article.date,
        cameo=cameo,
        trigger=Trigger(trigger, (t0, t0 + len(trigger))),
        sentence=text[s0:s1],
        sentence_span=(s0, s1),
        actors=[entity(actor)] if actor else [],
        recipients=[entity(recipient)] if recipient else [],
        location=Location(name=place[0], country=place[1]) if place else None,
        confidence=confidence,
        cameo_root=root,
        goldstein=goldstein,
        quad_class=quad,
        plover=plover,
        coder_name="test",
    )


class FakePipeline:
    """Stands in for dyad.pipeline.Pipeline: one ACCUSE event per "accused" in the text,
    between the words around it; raises on an article containing "CRASH"."""

    def __init__(self, *, model=None, kb_paths=()):
        self.coded: list[str] = []

    def code(self, article):
        if "CRASH" in article.text:
            raise RuntimeError("the coder broke")
        self.coded.append(article.id)
        events = []
        words = article.text.replace(".", " ").split()
        for i, word in enumerate(words):
            if word == "accused" and 0 < i < len(words) - 1:
                countries = {"Russia": "RUS", "Ukraine": "UKR", "France": "FRA", "Germany": "DEU"}
                actor, recipient = words[i - 1], words[i + 1]
                events.append(
                    build_event(
                        article,
                        actor=(actor, countries.get(actor), "GOV"),
                        recipient=(recipient, countries.get(recipient), None),
                    )
                )
                break
        return events

    def code_many(self, articles, *, batch_size=16):
        for article in articles:
            yield article, self.code(article)


@pytest.fixture
def make_event():
    """``make_event(article, cameo="112", actor=(text, country, sector), ...)`` -> Event."""
    return build_event


@pytest.fixture
def make_article():
    """``make_article(id, text, date="2024-03-01", title="")`` -> Article."""
    from datetime import date

    from dyad.records import Article

    def make(article_id: str, text: str, day: str = "2024-03-01", title: str = "", **kw):
        return Article(id=article_id, date=date.fromisoformat(day), text=text, title=title, **kw)

    return make


@pytest.fixture
def fake_pipeline():
    return FakePipeline()


@pytest.fixture
def store(db_path):
    """A Store on a fresh DuckDB file in tmp_path."""
    from dyad.store import Store

    with Store(db_path) as s:
        yield s


@pytest.fixture
def cli_runner():
    from typer.testing import CliRunner

    return CliRunner()
