"""The eval gate: dyad's headline metrics on every gold dev set stay at or above their floors,
and the calibration error of ``confidence`` under its ceilings (``CEILINGS``).

Floors live in ``floors.json`` beside this file, one per headline metric of
each set (``dyad.evaluate.HEADLINE``); they start at 0.0 and only rise
(``test_floors.py``). To raise them after an improvement::

    DYAD_EVAL_REPORT=/tmp/eval.json .venv/bin/python -m pytest tests/eval/test_gate.py -m slow
    .venv/bin/python -m dyad.evaluate.raise_floors /tmp/eval.json

Environment:
    DYAD_EVAL_LIMIT   code only the first N items of each set (default: all).
                      Floors come from full runs, so a capped run is a quick
                      smoke check and may miss or trip a floor by chance.
    DYAD_EVAL_REPORT  write every set's report here, as {"reports": [...]}.

Runs only where ``../shared/gold`` exists. Skipped, saying so, while
``Pipeline.code`` raises NotImplementedError; any other failure to build or run
the pipeline fails the gate, and so does any coder error on a gold item.

Expected time: 6,331 items, 2.4 M characters (two thirds of it the glocon
documents). spaCy parsing alone takes about 70 s on one core; the coder as
first wired up ran at 100-150 sentences/s and about 40 glocon documents/s, so
a full run takes about 1.5 minutes (glocon: 50 s), and DYAD_EVAL_LIMIT=200
about 15 s.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from dyad.evaluate import HEADLINE, PipelineCoder, evaluate

FLOORS = Path(__file__).with_name("floors.json")
# Calibration (issue #3: ECE <= 0.05): ceilings, not floors. The small sets get a little room,
# as their ECE moves by about 0.01 between refits of nearly the same coder (plover_gsr: 216
# best events; petrarch: 45 events): a breach there is a regression, not noise.
CEILINGS = {
    "zsp_plv": {"ece": 0.05},
    "conflibert_cameo": {"ece": 0.05},
    "plover_gsr": {"ece_best": 0.06},
    "petrarch": {"ece": 0.06},
}
PROBE = "Chadian troops attacked rebel camps near the Libyan border on Monday, the army said."
GOLD_FILES = {
    "zsp_plv": "zsp_plv_dev.jsonl",
    "conflibert_cameo": "conflibert_cameo_dev.jsonl",
    "plover_gsr": "plover_gsr_dev.jsonl",
    "petrarch": "petrarch_dev.jsonl",
    "ecola_gdelt": "ecola_gdelt_dev.jsonl",
    "case2021_task2": "case2021_task2_dev.jsonl",
    "glocon_sample": "glocon_sample_dev.jsonl",
}


def _limit() -> int | None:
    raw = os.environ.get("DYAD_EVAL_LIMIT", "").strip()
    return int(raw) if raw and int(raw) > 0 else None


@pytest.fixture(scope="module")
def coder():
    """dyad's pipeline, built once; skips the gate while the coder is not written."""
    pipeline_coder = PipelineCoder()
    try:
        pipeline_coder(PROBE, None)
    except NotImplementedError:
        pytest.skip("Pipeline.code raises NotImplementedError: there is no coder to gate yet")
    except Exception as exc:  # fail fast instead of erring on every gold item
        pytest.fail(f"dyad's coder fails on a probe sentence: {type(exc).__name__}: {exc}")
    return pipeline_coder


@pytest.fixture(scope="module")
def reports():
    collected = []
    yield collected
    target = os.environ.get("DYAD_EVAL_REPORT")
    if target and collected:
        Path(target).write_text(
            json.dumps({"reports": [r.to_dict() for r in collected]}, indent=2) + "\n", encoding="utf-8"
        )


def test_gate_every_dataset_has_a_file():
    assert set(GOLD_FILES) == set(HEADLINE)


@pytest.mark.slow
@pytest.mark.parametrize("dataset", list(GOLD_FILES))
def test_gate_headline_metrics_hold_their_floors(shared_dir, coder, reports, dataset):
    path = shared_dir / "gold" / GOLD_FILES[dataset]
    if not path.exists():
        pytest.skip(f"{path.name} is not present")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[dataset]
    report = evaluate(path, coder, limit=_limit())
    reports.append(report)
    problems = [
        f"{name} = {report.metrics[name]:.4f} < floor {floor:.2f}"
        for name, floor in sorted(floors.items())
        if report.metrics[name] < floor
    ]
    if not report.limit:  # a capped run's ECE is too noisy to judge
        problems += [
            f"{name} = {report.metrics[name]:.4f} > ceiling {ceiling:.2f}"
            for name, ceiling in sorted(CEILINGS.get(dataset, {}).items())
            if report.metrics[name] > ceiling
        ]
    if report.coder_errors:
        problems.append(f"{report.coder_errors} coder errors, first: {report.first_error}")
    cap = f" (first {report.n} items)" if report.limit else ""
    assert not problems, f"{dataset}{cap}: " + "; ".join(problems) + "\n" + report.render_text()
