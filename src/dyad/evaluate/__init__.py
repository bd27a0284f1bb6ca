"""Scoring dyad on labelled gold sets: the library behind ``dyad eval``.

Example::

    from dyad.evaluate import evaluate
    report = evaluate("../shared/gold/zsp_plv_dev.jsonl", limit=100)
    report.headline_metrics()   # {'accuracy': ..., 'macro_f1': ...}
    print(report.render_text())

Modules: ``gold`` (formats and readers), ``matching`` (reading events against
labels), ``metrics`` (P/R/F1 and friends), ``scorers`` (one per format),
``harness`` (coding and scoring), ``report`` (the result and its renderers),
``raise_floors`` (the eval gate's floor updater).
"""

from dyad.evaluate.gold import GoldItem, GoldSet, detect_format, read_gold
from dyad.evaluate.harness import Coder, PipelineCoder, code_items, evaluate, evaluate_set, score
from dyad.evaluate.metrics import NONE, ClassRow
from dyad.evaluate.report import Report
from dyad.evaluate.scorers import HEADLINE, SCORERS

DATASETS = tuple(SCORERS)

__all__ = [
    "DATASETS",
    "HEADLINE",
    "NONE",
    "SCORERS",
    "ClassRow",
    "Coder",
    "GoldItem",
    "GoldSet",
    "PipelineCoder",
    "Report",
    "code_items",
    "detect_format",
    "evaluate",
    "evaluate_set",
    "read_gold",
    "score",
]
