"""The learned event-type model and its place in the pipeline (dyad.events.learned)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from dyad.data import load_ontology
from dyad.events.learned import (
    DEFAULT_CODES,
    FOLDS,
    NONE,
    fold_of,
    load_type_model,
    read_type_model,
    save_type_model,
    terms,
)

REPO = Path(__file__).resolve().parents[2]


def _train_module():
    spec = importlib.util.spec_from_file_location("train_type_model", REPO / "scripts" / "train_type_model.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_type_model"] = module
    spec.loader.exec_module(module)
    return module


def test_terms_are_words_and_word_pairs_with_digits_folded():
    assert terms("Troops shelled 12 villages") == [
        "troops", "shelled", "00", "villages", "troops shelled", "shelled 00", "00 villages",
    ]


def test_folds_are_stable_and_ignore_case_and_punctuation():
    assert fold_of("Rebels freed the hostages.") == fold_of("rebels freed the hostages")
    texts = [f"talks in round {chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(60)]
    assert all(0 <= fold_of(t) < FOLDS for t in texts)
    assert len({fold_of(t) for t in texts}) == FOLDS


def test_every_type_has_a_cameo_code_of_that_type():
    onto = load_ontology()
    merged = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    for label, code in DEFAULT_CODES.items():
        assert code in onto
        if label == "REQUEST":
            assert code.startswith("02")  # appeals: REQUEST in the PLV label set
        else:
            plover = onto.plover_for(code)[0]
            assert merged.get(plover, plover) == label


def test_packaged_model_has_fold_models_and_a_card():
    model = load_type_model()
    assert model is not None
    assert model.labels[-1] == NONE and set(model.labels[:-1]) == set(DEFAULT_CODES)
    assert model.weights.shape[0] == FOLDS + 1 and model.idf.shape[0] == FOLDS + 1
    assert model.meta["folds"] == FOLDS
    card = (REPO / "docs" / "model_card.md").read_text(encoding="utf-8")
    assert "scripts/train_type_model.py" in card


def test_predictions_are_probabilities_and_fold_models_differ():
    model = load_type_model()
    text = "Government troops stormed a rebel base and killed twenty fighters."
    p = model.probabilities(text)
    assert p.shape == (len(model.labels),) and abs(float(p.sum()) - 1.0) < 1e-5
    pred = model.predict(text)
    assert pred.label == "ASSAULT" and 0.0 < pred.confidence < 1.0
    assert not np.allclose(model.probabilities(text, fold=0), model.probabilities(text, fold=1))


def test_unknown_words_give_the_prior_not_an_error():
    model = load_type_model()
    p = model.probabilities("zzzz qqqq")
    assert abs(float(p.sum()) - 1.0) < 1e-5


def test_fit_separates_a_toy_problem_and_the_file_round_trips(tmp_path):
    train = _train_module()
    texts = ["troops shelled the town"] * 5 + ["leaders signed a pact"] * 5 + ["the weather was mild"] * 5
    labels = ["ASSAULT", "AGREE", NONE]
    y = np.array([0] * 5 + [1] * 5 + [2] * 5)
    vocab_list = train.vocabulary(texts)
    vocab = {t: i for i, t in enumerate(vocab_list)}
    idf = train.idf_of(texts, vocab)
    w, b = train.fit(train.matrix(texts, vocab, idf), y, len(labels))
    path = tmp_path / "m.npz"
    stack = lambda a: np.stack([a] * (FOLDS + 1))  # noqa: E731
    save_type_model(path, vocab_list, stack(idf), labels, stack(w), stack(b), (4.0, -2.0), {"trained_on": []})
    model = read_type_model(path)
    assert model.predict("the troops shelled a village").label == "ASSAULT"
    assert model.predict("they signed a pact").label == "AGREE"
    assert model.trained_on == []


def test_platt_scaling_follows_the_outcomes():
    train = _train_module()
    scores = np.linspace(0.3, 1.0, 200)
    correct = (scores > 0.65).astype(float)
    a, b = train.platt(scores, correct)
    assert 1 / (1 + np.exp(-(a * 0.95 + b))) > 0.8 and 1 / (1 + np.exp(-(a * 0.35 + b))) < 0.2


@pytest.fixture(scope="module")
def pipelines():
    from dyad.pipeline import Pipeline

    with_model = Pipeline()
    return with_model, Pipeline(learned=False)


def test_the_model_codes_what_the_patterns_miss(pipelines):
    with_model, patterns_only = pipelines
    text = "Nigerian troops routed Boko Haram fighters near Maiduguri."
    assert patterns_only.code_text(text) == []
    (ev,) = with_model.code_text(text)
    assert ev.coder_kind == "model" and ev.coder_name == "model:ASSAULT"
    # ASSAULT's "not specified" code is 180; force against armed men is fighting, 190
    assert ev.cameo == "190" and ev.plover == "ASSAULT"
    assert ev.actors[0].country == "NGA" and ev.recipients[0].sector in ("INS", "REB")
    assert 0.3 <= ev.confidence < 1.0
    assert ev.to_dict()["coder"] == {"kind": "model", "name": "model:ASSAULT", "convention": "dyad"}


def test_the_model_stays_silent_without_a_dyad(pipelines):
    with_model, _ = pipelines
    # an assault-like sentence with no political actor and no recipient
    assert with_model.code_text("The storm routed the campers near the lake.") == []


def test_pattern_events_are_not_second_guessed(pipelines):
    with_model, patterns_only = pipelines
    text = "Russian forces shelled Ukrainian positions near Bakhmut."
    got = [(e.cameo, e.coder_kind) for e in with_model.code_text(text)]
    assert got == [(e.cameo, e.coder_kind) for e in patterns_only.code_text(text)]
    assert all(kind == "pattern" for _, kind in got)


def test_eval_cross_fits_every_set_by_text():
    """The public sets share sentences (most plover_gsr records are also zsp_plv's), so
    `dyad eval` picks the held-out fold by the text itself, whichever set it came from."""
    from dyad.evaluate.harness import PipelineCoder

    text = "Nigerian troops routed Boko Haram fighters near Maiduguri."
    coder = PipelineCoder()
    for dataset in ("zsp_plv", "plover_gsr", "glocon_sample"):
        coder.use_dataset(dataset)
        assert coder._cross_fit
        coder(text)
        assert coder._pipeline.holdout_fold == fold_of(text)
