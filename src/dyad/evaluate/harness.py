"""Run a coder over a gold file and score it: the library side of ``dyad eval``.

A coder is any callable ``code(text, pub_date) -> list[Event]``; the default
is :class:`PipelineCoder`, which builds dyad's :class:`~dyad.pipeline.Pipeline`
on first use. Coding and scoring are separate steps (:func:`code_items`,
:func:`score`), so scorers can be tested with hand-made events.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import date as Date
from pathlib import Path
from typing import Callable, Sequence

from dyad.evaluate.gold import GoldItem, GoldSet, read_gold
from dyad.evaluate.report import Report
from dyad.evaluate.scorers import HEADLINE, SCORERS, Scored
from dyad.records import Event

log = logging.getLogger(__name__)

Coder = Callable[[str, Date | None], Sequence[Event]]
Progress = Callable[[int, int], None]  # (done, total)


# the coding convention a gold set was labelled in (dyad.events.conventions); dyad's own elsewhere
SET_CONVENTIONS = {"petrarch": "petrarch"}  # PETRARCH2's output


class PipelineCoder:
    """dyad's own coder, built lazily: the model loads on the first call.

    ``convention`` fixes the coding convention; by default each gold set is coded
    in the convention it was labelled in (:data:`SET_CONVENTIONS`), so the
    petrarch set, which is PETRARCH2's output, is coded as PETRARCH2 would.
    """

    def __init__(self, convention: str | None = None, **pipeline_options):
        from dyad.events.conventions import get_convention

        self._fixed = get_convention(convention).name if convention else None
        self._options = pipeline_options
        self._pipeline = None
        self._cross_fit = False
        self.convention = self._fixed or "dyad"

    def use_dataset(self, dataset: str) -> None:
        """Say which gold set is coded next.

        When the learned type model or the confidence calibration was fitted on any
        gold set, every text of every set is coded with the fold models that never
        saw it (cross-fitting), so the scores are cross-validated, never scores on
        training data. The folds are keyed by the text itself, not by the set it came
        from, because the public sets share sentences: most of plover_gsr's records
        are also in zsp_plv and conflibert_cameo. On a text no model saw, a fold model
        is one trained on four fifths of the data: a little weaker, never flattering.
        """
        from dyad.events.confidence import calibration_gold_sets
        from dyad.events.conventions import get_convention

        self.load()
        self.convention = self._fixed or SET_CONVENTIONS.get(dataset, "dyad")
        self._pipeline.convention = get_convention(self.convention)
        model = self._pipeline.type_model
        seen = set(model.trained_on if model is not None else ()) | calibration_gold_sets()
        self._cross_fit = bool(seen)
        if not self._cross_fit:
            self._pipeline.holdout_fold = None

    def load(self) -> None:
        """Build the pipeline now (so that loading is not timed as coding)."""
        if self._pipeline is None:
            from dyad.pipeline import Pipeline

            self._pipeline = Pipeline(**self._options)

    def __call__(self, text: str, pub_date: Date | None = None) -> list[Event]:
        self.load()
        if self._cross_fit:
            from dyad.events.learned import fold_of

            self._pipeline.holdout_fold = fold_of(text)
        return self._pipeline.code_text(text, pub_date)


def code_items(
    items: Sequence[GoldItem], coder: Coder, *, progress: Progress | None = None
) -> tuple[list[list[Event]], float, int, str | None]:
    """Code every item: (events per item, seconds spent coding, errors, first error).

    An exception on one item is logged and counted, and the item gets no
    events (an abstention, which scores as wrong). ``NotImplementedError``
    propagates: it means there is no coder yet, not a bad item.
    """
    preds: list[list[Event]] = []
    errors = 0
    first_error = None
    spent = 0.0
    for done, item in enumerate(items, start=1):
        start = time.perf_counter()
        try:
            events = list(coder(item.text, item.date))
        except NotImplementedError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad item must not end the run
            errors += 1
            if first_error is None:
                first_error = f"{item.id}: {type(exc).__name__}: {exc}"
                log.warning("coder failed on %s (further failures are logged at debug level)", first_error)
            else:
                log.debug("coder failed on %s: %s: %s", item.id, type(exc).__name__, exc)
            events = []
        spent += time.perf_counter() - start
        preds.append(events)
        if progress is not None:
            progress(done, len(items))
    return preds, spent, errors, first_error


def score(dataset: str, items: Sequence[GoldItem], preds: Sequence[Sequence[Event]]) -> Scored:
    """Score events already coded for ``items`` with the dataset's scorer."""
    if len(items) != len(preds):
        raise ValueError(f"{len(items)} items but {len(preds)} prediction lists")
    return SCORERS[dataset](items, preds)


def evaluate_set(
    gold: GoldSet,
    coder: Coder | None = None,
    *,
    limit: int | None = None,
    out: str | Path | None = None,
    progress: Progress | None = None,
) -> Report:
    """Code and score the items of a gold set already read (first ``limit`` items)."""
    if limit and limit >= len(gold.items):
        limit = None  # a cap above the set's size is no cap: the report is of the whole set
    items = gold.items[:limit] if limit else list(gold.items)
    coder = coder if coder is not None else PipelineCoder()
    if items and callable(getattr(coder, "load", None)):
        coder.load()  # a coder may load its model up front, outside the timed loop
    if callable(getattr(coder, "use_dataset", None)):
        coder.use_dataset(gold.dataset)
    preds, spent, errors, first_error = code_items(items, coder, progress=progress)
    scored = score(gold.dataset, items, preds)
    convention = getattr(coder, "convention", None)
    conv_notes = [f"coded with the {convention} convention (dyad.events.conventions)"] if convention else []
    if out is not None:
        write_predictions(out, gold.dataset, items, preds, scored)
    return Report(
        dataset=gold.dataset,
        n=len(items),
        metrics=scored.metrics,
        classes=scored.classes,
        elapsed_s=spent,
        sentences_per_s=len(items) / spent if spent > 0 else 0.0,
        headline=HEADLINE[gold.dataset],
        gold_path=gold.path,
        limit=limit or None,
        coder_errors=errors,
        first_error=first_error,
        notes=gold.notes + scored.notes + conv_notes,
    )


def evaluate(
    gold_path: str | Path,
    coder: Coder | None = None,
    *,
    limit: int | None = None,
    out: str | Path | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
) -> Report:
    """Score ``coder`` (default: dyad's pipeline) on a gold file of ``../shared/gold/``.

    The format is detected from the records (or the file name) unless ``fmt``
    names it. ``limit`` scores the first N items only; ``out`` writes one JSON
    line per item with the gold label, the prediction and dyad's events.
    """
    return evaluate_set(read_gold(gold_path, fmt), coder, limit=limit, out=out, progress=progress)


def write_predictions(
    path: str | Path,
    dataset: str,
    items: Sequence[GoldItem],
    preds: Sequence[Sequence[Event]],
    scored: Scored,
) -> None:
    """One JSON line per item: id, gold, prediction, correct, and dyad's events."""
    with Path(path).open("w", encoding="utf-8") as fh:
        for item, events, row in zip(items, preds, scored.rows):
            record = {"id": item.id, "dataset": dataset, **row, "events": [ev.to_dict() for ev in events]}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
