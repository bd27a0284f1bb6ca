"""``dyad actors --unknown``: the stored mentions without a country, most frequent first."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.records import Article, Entity, Event, Trigger


def _event(article: Article, at: int, actors: list[Entity], sentence: str) -> Event:
    return Event(article.id, article.date, "190", Trigger("x", (at, at + 1)), sentence, (0, 1),
                 actors=actors, coder_name="test")


@pytest.fixture
def filled(store):
    article = Article("a1", date(2024, 1, 1), "The rebels attacked. Mr Zed spoke. It said so. The rebels fled.")
    events = [
        _event(article, 0, [Entity("The rebels", (0, 10), sector="REB")], "The rebels attacked."),
        _event(article, 21, [Entity("Mr Zed", (21, 27))], "Mr Zed spoke."),
        _event(article, 35, [Entity("It", (35, 37))], "It said so."),
        _event(article, 46, [Entity("the rebels", (46, 56), sector="REB")], "The rebels fled."),
        _event(article, 50, [Entity("Kenya", (50, 55), country="KEN")], "Kenya spoke."),
    ]
    store.add_coded([(article, events)])
    return store


def test_store_unresolved_mentions_counts_groups_and_examples(filled):
    rows = filled.unresolved_mentions(10, examples=2, exclude=["it"])
    assert rows == [("rebels", 2, "REB", ["The rebels attacked.", "The rebels fled."]),
                    ("mr zed", 1, None, ["Mr Zed spoke."])]
    assert filled.unresolved_mentions(1)[0][0] == "rebels"


def test_unknown_leaves_pronouns_out(filled):
    from dyad.actors.unknown import unresolved_mentions

    assert [r.mention for r in unresolved_mentions(filled, limit=5)] == ["rebels", "mr zed"]


def test_unknown_cli_lists_mentions(filled, db_path, cli_runner):
    import dyad.cli  # noqa: F401 - registers the commands
    from dyad.cli._app import app

    filled.close()
    result = cli_runner.invoke(app, ["actors", "--unknown", "--db", str(db_path), "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "rebels" in result.output and "mr zed" in result.output and "REB" in result.output
    assert cli_runner.invoke(app, ["actors", "--db", str(db_path)]).exit_code == 1
