"""Issue 2's acceptance: the seed article codes into the five events between RUS MIL and PAK MIL.

Reads ../shared/seed/seed_article.txt at run time (skipped when absent); no article
text is kept in the repository.
"""

from __future__ import annotations

from datetime import date

import pytest

from dyad.ingest import read_articles

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_events(shared_dir, pipeline):
    path = shared_dir / "seed" / "seed_article.txt"
    if not path.exists():
        pytest.skip("no seed article")
    errors = []
    (article,) = list(read_articles([path], on_error=errors.append))
    assert not errors
    assert article.date == date(2018, 8, 11)
    return article, pipeline.code(article)


def _find(events, code_prefix, trigger_word):
    return [e for e in events if e.cameo.startswith(code_prefix) and trigger_word in e.trigger.text.lower()]


def test_issue2_seed_meeting_in_moscow(seed_events):
    article, events = seed_events
    (meet,) = _find(events, "04", "met")[:1]
    assert meet.plover == "CONSULT"
    assert meet.actors[0].code == "RUSMIL" and "Gerasimov" in meet.actors[0].text
    assert meet.recipients[0].code == "PAKMIL" and "Hayat" in meet.recipients[0].text
    assert meet.location is not None and meet.location.name == "Moscow"
    assert meet.location.country == "RUS"
    assert meet.date.precision != "day"  # "the other day"
    assert meet.date.date <= article.date


def test_issue2_seed_gerasimov_thanks_hayat(seed_events):
    _, events = seed_events
    (thank,) = _find(events, "051", "thank")
    assert thank.plover == "SUPPORT"
    assert thank.actors[0].code == "RUSMIL" and thank.recipients[0].code == "PAKMIL"
    assert thank.modality == "reported"


def test_issue2_seed_fomin_visits_pakistan(seed_events):
    _, events = seed_events
    (visit,) = _find(events, "04", "visit")
    assert visit.cameo in ("042", "043")
    assert visit.actors[0].country == "RUS" and visit.actors[0].sector == "MIL"
    assert visit.recipients[0].country == "PAK"
    assert visit.date.date == date(2018, 8, 6) and visit.date.end == date(2018, 8, 7)
    assert visit.date.precision == "range"
    assert visit.location is not None and visit.location.country == "PAK"


def test_issue2_seed_sides_agree_to_develop_cooperation(seed_events):
    _, events = seed_events
    agree = _find(events, "03", "agree")
    assert agree and agree[0].plover == "AGREE"
    codes = {agree[0].actors[0].code, agree[0].recipients[0].code}
    assert {c[:3] for c in codes} == {"RUS", "PAK"}


def test_issue2_seed_signing_of_framework_agreement(seed_events):
    _, events = seed_events
    (sign,) = _find(events, "057", "signing")
    assert sign.plover == "SUPPORT"
    assert {sign.actors[0].country, sign.recipients[0].country} == {"RUS", "PAK"}


def test_issue2_seed_has_no_conflict_events(seed_events):
    _, events = seed_events
    assert all(e.quad_class in (1, 2) for e in events), [(e.cameo, e.trigger.text) for e in events]


def test_issue2_seed_spans_point_into_the_body(seed_events):
    article, events = seed_events
    for ev in events:
        assert article.text[ev.trigger.span[0]:ev.trigger.span[1]] == ev.trigger.text
        for ent in ev.actors + ev.recipients:
            assert article.text[ent.span[0]:ent.span[1]] == ent.text
        assert 0.0 < ev.confidence < 1.0
