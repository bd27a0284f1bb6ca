"""Each scorer on invented items and hand-made events."""

from __future__ import annotations

import pytest

from dyad.evaluate.gold import READERS
from dyad.evaluate.metrics import NONE
from dyad.evaluate.scorers import (
    HEADLINE,
    SCORERS,
    acled_prediction,
    is_protest,
    predicted_triples,
    score_case2021_task2,
    score_conflibert_cameo,
    score_ecola_gdelt,
    score_glocon_sample,
    score_petrarch,
    score_plover_gsr,
    score_zsp_plv,
)


@pytest.fixture
def items(tiny_sets):
    return lambda fmt: READERS[fmt](tiny_sets[fmt], "<memory>").items


def test_scorers_and_headlines_cover_the_same_formats():
    assert set(SCORERS) == set(HEADLINE)


# --- zsp_plv ---------------------------------------------------------------------------


def test_zsp_plv_scores_best_event_type(items, event):
    its = items("zsp_plv")
    preds = [
        [event("040", actors=[("Ruritania", "RUR")], recipients=[("Freedonia", "FRE")], text=its[0].text)],
        [event("190", text=its[1].text)],
        [event("0841", text=its[2].text)],  # RETREAT counts as YIELD
        [],  # abstains on ACCUSE
    ]
    s = score_zsp_plv(its, preds)
    assert s.metrics["accuracy"] == 0.75
    assert s.metrics["coverage"] == 0.75
    assert s.metrics["macro_f1"] == pytest.approx(0.75)  # ACCUSE has F1 0
    rows = {r.label: r for r in s.classes}
    assert rows[NONE].predicted == 1 and rows[NONE].support == 0
    assert [r["pred"] for r in s.rows] == ["CONSULT", "ASSAULT", "YIELD", NONE]


def test_zsp_plv_prefers_event_on_given_actors(items, event):
    it = items("zsp_plv")[0]  # Ruritania met Freedonia: CONSULT
    on_pair = event("040", actors=[("Ruritania", "RUR")], recipients=[("Freedonia", "FRE")], confidence=0.3, text=it.text)
    elsewhere = event("112", actors=[("met", "XXX")], confidence=0.9, text=it.text)
    assert score_zsp_plv([it], [[elsewhere, on_pair]]).metrics["accuracy"] == 1.0


def test_zsp_plv_ignores_events_without_plover_type(items, event):
    it = items("zsp_plv")[0]
    s = score_zsp_plv([it], [[event("010", confidence=0.99), event("040", confidence=0.1)]])
    assert s.rows[0]["pred"] == "CONSULT"


# --- conflibert_cameo ----------------------------------------------------------------


def test_conflibert_cameo_penta_from_root(items, event):
    its = items("conflibert_cameo")
    preds = [[event("010")], [event("036")], [event("073")], [event("112")], [event("145")]]
    s = score_conflibert_cameo(its, preds)
    assert s.metrics["accuracy"] == 1.0 and s.metrics["macro_f1"] == 1.0
    assert [r["pred"] for r in s.rows] == [0, 1, 2, 3, 4]


def test_conflibert_cameo_wrong_and_missing(items, event):
    its = items("conflibert_cameo")
    preds = [[], [event("190")], [event("073")], [], []]
    s = score_conflibert_cameo(its, preds)
    assert s.metrics["accuracy"] == pytest.approx(0.2)
    assert s.metrics["coverage"] == pytest.approx(0.4)


# --- plover_gsr ------------------------------------------------------------------------


def test_plover_gsr_full_match_needs_type_and_countries(items, event):
    its = items("plover_gsr")
    preds = [
        [event("040", actors=[("Ruritania", "RUR", "GOV")], recipients=[("Freedonia", "FRE")])],  # match
        [event("190", actors=[("Ruritanian rebels", "OZZ", "REB")]),  # right type, wrong actor
         event("112", actors=[("Ruritanian rebels", "RUR", "REB")])],  # wrong type
        [event("100", actors=[("UN", None)])],  # no country: no match
    ]
    preds[2][0].actors[0].group = "UNO"  # ... but a known group is transnational, like gold "IGO"
    s = score_plover_gsr(its, preds)
    assert s.metrics["matched"] == 2
    assert s.metrics["predicted_events"] == 4 and s.metrics["gold_events"] == 3
    assert s.metrics["precision"] == 0.5 and s.metrics["recall"] == pytest.approx(2 / 3)
    assert s.metrics["type_accuracy"] == 1.0  # best events: 040, 190 (first of a tie), 100
    assert s.metrics["actor_country_accuracy"] == pytest.approx(2 / 3)  # the best 190 has OZZ
    assert s.metrics["sector_accuracy"] == 1.0 and s.metrics["sectors_checked"] == 1
    rows = {r.label: r for r in s.classes}
    assert rows["ASSAULT"].recall == 0.0 and rows["ACCUSE"].support == 0


def test_plover_gsr_recipient_countries_checked_when_gold_has_them(items, event):
    it = items("plover_gsr")[0]
    wrong = event("040", actors=[("Ruritania", "RUR")], recipients=[("Oz", "OZZ")])
    assert score_plover_gsr([it], [[wrong]]).metrics["matched"] == 0


def test_plover_gsr_type_accuracy_uses_one_best_event(items, event):
    it = items("plover_gsr")[1]  # ASSAULT by Ruritanian rebels
    spray = [event("112", confidence=0.9), event("190", confidence=0.1)]
    s = score_plover_gsr([it], [spray])
    assert s.metrics["type_accuracy"] == 0.0 and s.rows[0]["best_type"] == "ACCUSE"


def test_plover_gsr_duplicates_cost_precision(items, event):
    it = items("plover_gsr")[0]
    ev = event("040", actors=[("Ruritania", "RUR")], recipients=[("Freedonia", "FRE")])
    s = score_plover_gsr([it], [[ev, ev]])
    assert s.metrics["recall"] == 1.0 and s.metrics["precision"] == 0.5


def test_plover_gsr_sector_mismatch(items, event):
    it = items("plover_gsr")[0]
    ev = event("040", actors=[("Ruritania", "RUR", "MIL")], recipients=[("Freedonia", "FRE")])
    s = score_plover_gsr([it], [[ev]])
    assert s.metrics["matched"] == 1 and s.metrics["sector_accuracy"] == 0.0


# --- petrarch ----------------------------------------------------------------------------


def test_petrarch_triples_match_prefix_and_root(items, event):
    its = items("petrarch")
    preds = [
        [event("193", actors=[("Ruritania", "RUR")], recipients=[("Freedonia", "FRE")])],  # root 19 == 192's
        [event("173", actors=[("police", "RUR", "COP")], recipients=[("traders", "FRE", "BUS")]),
         event("010", actors=[("police", "RUR", "COP")])],  # an extra triple
        [],  # noevents: quiet
    ]
    s = score_petrarch(its, preds)
    assert (s.metrics["matched"], s.metrics["predicted_triples"], s.metrics["gold_triples"]) == (2, 3, 2)
    assert s.metrics["recall"] == 1.0 and s.metrics["precision"] == pytest.approx(2 / 3)
    assert s.metrics["noevents_quiet"] == 1.0
    assert {r.label for r in s.classes} == {"petr2_pytest", "udp_gsr"}


def test_petrarch_noevents_record_counts_false_positives(items, event):
    it = items("petrarch")[2]
    s = score_petrarch([it], [[event("042", actors=[("x", "RUR")])]])
    assert s.metrics["precision"] == 0.0 and s.metrics["noevents_quiet"] == 0.0


def test_petrarch_ece_judges_each_event_by_its_triples(items, event):
    its = items("petrarch")
    preds = [
        [event("193", actors=[("Ruritania", "RUR")], recipients=[("Freedonia", "FRE")], confidence=1.0)],
        [event("173", actors=[("police", "RUR", "COP")], recipients=[("traders", "FRE", "BUS")], confidence=1.0),
         event("010", actors=[("police", "RUR", "COP")], confidence=0.0)],  # wrong, and sure of it
        [],
    ]
    assert score_petrarch(its, preds).metrics["ece"] == 0.0
    preds[1][1] = event("010", actors=[("police", "RUR", "COP")], confidence=1.0)  # wrong but sure
    assert score_petrarch(its, preds).metrics["ece"] == pytest.approx(1 / 3)


def test_petrarch_wrong_direction_does_not_match(items, event):
    it = items("petrarch")[0]
    swapped = event("192", actors=[("Freedonia", "FRE")], recipients=[("Ruritania", "RUR")])
    assert score_petrarch([it], [[swapped]]).metrics["matched"] == 0


def test_predicted_triples_cross_actors_and_recipients(event):
    ev = event("190", actors=[("a", "AAA"), ("b", "BBB")], recipients=[("c", "CCC")])
    bare = event("010")
    triples = predicted_triples([ev, bare])
    assert len(triples) == 3
    assert triples[2] == (None, None, "01")


# --- ecola_gdelt ------------------------------------------------------------------------


def test_ecola_gdelt_roots(items, event):
    its = items("ecola_gdelt")
    preds = [[event("042"), event("043")], [event("190"), event("051")], []]
    s = score_ecola_gdelt(its, preds)
    # pairs: gold {04}, {11, 19}, {05}; predicted {04}, {19, 05}, {}
    assert s.metrics["root_precision"] == pytest.approx(2 / 3)
    assert s.metrics["root_recall"] == pytest.approx(2 / 4)
    assert s.metrics["agreement"] == pytest.approx(2 / 3)
    assert s.metrics["coverage"] == pytest.approx(2 / 3)


# --- case2021_task2 ----------------------------------------------------------------------


def test_case2021_task2_acled_types(items, event):
    its = items("case2021_task2")
    preds = [[event("193")], [event("141")], [event("1451")], [event("173")], []]
    s = score_case2021_task2(its, preds)
    assert s.metrics["scored"] == 4
    assert s.metrics["accuracy"] == 0.75
    assert s.metrics["macro_f1"] == pytest.approx(0.75)
    assert s.metrics["non_acled_quiet"] == 1.0


def test_acled_prediction_skips_unmapped_events(event):
    assert acled_prediction([event("010", confidence=0.9), event("195", confidence=0.2)]) == "Explosions/Remote violence"
    assert acled_prediction([event("042")]) == NONE


# --- glocon_sample ---------------------------------------------------------------------


def test_glocon_sample_protest_detection(items, event):
    its = items("glocon_sample")
    preds = [[event("141")], [event("010")], [event("145")], [event("141")], [], []]
    s = score_glocon_sample(its, preds)
    # scored: gold 1,0,0,1,0 (label 2 aside); pred 1,0,1,0,0
    assert (s.metrics["precision"], s.metrics["recall"], s.metrics["f1"]) == (0.5, 0.5, 0.5)
    assert s.metrics["planned_flagged"] == 1.0
    assert s.metrics["f1_sentence"] == 1.0 and s.metrics["f1_document"] == 0.0
    assert s.rows[3]["correct"] is None


def test_is_protest_uses_root_or_plover(event):
    assert is_protest([event("1431")])
    assert is_protest([event("999", plover="PROTEST", fill=False)])
    assert not is_protest([event("173")])
