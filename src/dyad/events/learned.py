"""A learned event-type model for the sentences the patterns miss.

The pattern coder (``dyad.events.code``) is precise but only knows the verbs
and nouns in its lexicon. When it finds no event in a sentence whose main verb
has a resolved actor, the pipeline asks this model which PLOVER type the
sentence reports, and codes an event of that type when the model is sure
enough (``coder_kind="model"``, with the model's calibrated probability as the
confidence).

The model is a multinomial logistic regression over TF-IDF weighted word
unigrams and bigrams: small (about 2 MB), numpy only, and a fraction of a
millisecond per sentence. It is trained by ``scripts/train_type_model.py``; its
data, scores and limits are in ``docs/model_card.md``.

For honest evaluation, the file also holds one model per cross-validation fold:
``fold=fold_of(text)`` picks the model that never saw ``text``. ``dyad eval`` codes
every text of every gold set that way, since the public sets share sentences.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from dyad.events.code import Candidate, Dropped, _future, _hypothetical, _negated
from dyad.events.instruments import refine as refine_by_instrument
from dyad.events.patterns import VerbPattern

DATA = Path(__file__).resolve().parent.parent / "data"
MODEL_FILE = "type_model.npz"
NONE = "NONE"
FOLDS = 5

# A CAMEO code for each type the model predicts: the type's "not specified" code.
# The model knows the PLOVER type, not the finer CAMEO distinction, so it says no more.
DEFAULT_CODES = {
    "ACCUSE": "112",
    "AGREE": "030",
    "AID": "070",
    "ASSAULT": "180",
    "COERCE": "170",
    "CONSULT": "040",
    "COOPERATE": "060",
    "MOBILIZE": "150",
    "PROTEST": "140",
    "REJECT": "120",
    "REQUEST": "020",
    "SANCTION": "160",
    "SUPPORT": "050",
    "THREATEN": "130",
    "YIELD": "080",
}

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_DIGITS = re.compile(r"\d")


def tokens(text: str) -> list[str]:
    """Lower-cased words; digits become 0 so that numbers share features."""
    return [_DIGITS.sub("0", w) for w in _WORD.findall(text.lower()) if len(w) > 1 or w.isdigit()]


def terms(text: str) -> list[str]:
    """The model's terms of a text: its words and word pairs."""
    words = tokens(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def fold_of(text: str) -> int:
    """The cross-validation fold of a text (stable: a hash of its words)."""
    return zlib.crc32(" ".join(tokens(text)).encode("utf-8")) % FOLDS


@dataclass(slots=True)
class Prediction:
    label: str  # a PLOVER type, or NONE
    probability: float  # the model's probability of that label
    confidence: float  # calibrated: how often a prediction this sure was right in cross-validation


class TypeModel:
    """Load once (``load_type_model``); ``predict(text)`` is thread-safe and cheap."""

    def __init__(self, vocab: list[str], idf: np.ndarray, labels: list[str], weights: np.ndarray,
                 bias: np.ndarray, calibration: tuple[float, float], meta: dict):
        self.vocab = {t: i for i, t in enumerate(vocab)}
        self.idf = idf.astype(np.float32)  # (folds + 1, n_terms): full model last
        self.labels = labels
        self.weights = weights.astype(np.float32)  # (folds + 1, n_terms, n_labels): full model last
        self.bias = bias.astype(np.float32)  # (folds + 1, n_labels)
        self.calibration = calibration
        self.meta = meta

    @property
    def trained_on(self) -> list[str]:
        """The gold sets (by dataset name) among the training data."""
        return list(self.meta.get("trained_on", []))

    def vector(self, text: str, k: int = -1) -> tuple[np.ndarray, np.ndarray]:
        """Term indices and their L2-normalised TF-IDF weights (with model ``k``'s IDF)."""
        counts: dict[int, int] = {}
        for t in terms(text):
            i = self.vocab.get(t)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        idx = np.fromiter(counts, dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
        w = tf * self.idf[k][idx]
        norm = np.linalg.norm(w)
        return (idx, w / norm) if norm else (np.zeros(0, np.int64), np.zeros(0, np.float32))

    def probabilities(self, text: str, *, fold: int | None = None) -> np.ndarray:
        """Probability of each label (``self.labels``); ``fold`` picks a held-out fold model."""
        k = -1 if fold is None else fold
        idx, w = self.vector(text, k)
        z = self.bias[k] + (w @ self.weights[k][idx] if len(idx) else 0.0)
        z = np.exp(z - z.max())
        return z / z.sum()

    def predict(self, text: str, *, fold: int | None = None) -> Prediction:
        p = self.probabilities(text, fold=fold)
        best = int(p.argmax())
        a, b = self.calibration
        conf = 1.0 / (1.0 + math.exp(-(a * float(p[best]) + b)))
        return Prediction(self.labels[best], float(p[best]), conf)


def save_type_model(path: Path, vocab: list[str], idf: np.ndarray, labels: list[str], weights: np.ndarray,
                    bias: np.ndarray, calibration: tuple[float, float], meta: dict) -> None:
    """Write the model as one compressed numpy file (weights stored as float16)."""
    np.savez_compressed(
        path,
        vocab=np.array("\n".join(vocab)),
        idf=idf.astype(np.float32),
        labels=np.array("\n".join(labels)),
        weights=weights.astype(np.float16),
        bias=bias.astype(np.float32),
        calibration=np.array(calibration, dtype=np.float64),
        meta=np.array(json.dumps(meta, sort_keys=True)),
    )


def read_type_model(path: Path) -> TypeModel:
    with np.load(path, allow_pickle=False) as z:
        return TypeModel(
            vocab=str(z["vocab"]).split("\n"),
            idf=z["idf"],
            labels=str(z["labels"]).split("\n"),
            weights=z["weights"],
            bias=z["bias"],
            calibration=tuple(float(x) for x in z["calibration"]),
            meta=json.loads(str(z["meta"])),
        )


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel | None:
    """The packaged model, or None when the package was built without one."""
    path = DATA / MODEL_FILE
    return read_type_model(path) if path.exists() else None


# -- the fallback ----------------------------------------------------------------------

THRESHOLD = 0.7  # the least model probability for a fallback event (see docs/model_card.md)
_PREPS = frozenset({"with", "to", "against", "on", "for", "from", "into", "at", "over", "toward", "towards"})
ARMED = frozenset({"MIL", "REB", "INS", "UAF", "SEP"})


def _armed(entities) -> bool:
    sectors = {e.sector for e in entities if e.sector}
    return bool(sectors) and sectors <= ARMED


def _resolved(entities) -> bool:
    return any(e.country or e.sector or e.group for e in entities)


def _event_verb(sent, patterns):
    """The verb that carries the sentence's event: its root, or what a speech root reports."""
    root = sent.root
    plist = patterns.verbs.get(root.lemma_.lower(), ())
    if any(p.cls == "speech" for p in plist):
        for child in root.children:
            if child.dep_ in ("ccomp", "xcomp") and child.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
                return child, root
    return root, None


def model_event(coder, sent, model: TypeModel, *, fold: int | None = None, threshold: float = THRESHOLD):
    """An event for ``sent`` from the learned model, or None.

    Only for a sentence where the patterns found nothing (the caller checks): the
    model's type must not be NONE and its probability at least ``threshold``; the
    event's verb is the sentence's main verb (or the clause a speech verb reports),
    its actors that verb's subjects and its recipients its objects, resolved as for
    pattern events, so a sentence with no resolved actor yields nothing.
    """
    text = sent.text.strip()
    if not text or text.endswith("?"):
        return None
    pred = model.predict(text, fold=fold)
    if pred.label == NONE or pred.probability < threshold:
        return None
    tok, speaker = _event_verb(sent, coder.patterns)
    code = DEFAULT_CODES[pred.label]
    if tok.pos_ not in ("VERB", "AUX") or _negated(tok) or _hypothetical(tok):
        coder.dropped.append(Dropped(tok.text, code, f"model: {pred.label} but no asserted main verb"))
        return None
    name = f"model:{pred.label}"
    pattern = VerbPattern(tok.lemma_.lower(), None, _PREPS, frozenset(), code, frozenset(), name)
    cand = Candidate(tok, [tok], code, pattern, "verb")
    modality = "intended" if _future(tok) else ("reported" if speaker is not None else "asserted")
    ev = coder._build(cand, code, modality, name, {}, sent)
    if ev is None:
        return None
    if not (_resolved(ev.actors) and ev.recipients):
        # the patterns' silence is often right; the model speaks only for a clear dyad
        coder.dropped.append(Dropped(tok.text, code, f"model: {pred.label} but no resolved actor or no recipient"))
        return None
    if pred.label == "ASSAULT":
        if _armed(ev.recipients):
            ev.cameo = "190"  # force against armed men is conventional fighting (CAMEO 19), not 18
        ev.cameo = refine_by_instrument(ev.cameo, sent)
    ev.coder_kind = "model"
    ev.features["model"] = pred.probability
    ev.features["model_confidence"] = pred.confidence
    return ev
