"""The Report record and its renderers."""

from __future__ import annotations

import json

from dyad.evaluate import ClassRow, Report


def _report() -> Report:
    return Report(
        dataset="zsp_plv",
        n=4,
        metrics={"accuracy": 0.75, "macro_f1": 0.5, "n_classes": 4},
        classes=[ClassRow("CONSULT", 1.0, 0.5, 2 / 3, 2, 1, 1), ClassRow("NONE", 0.0, 0.0, 0.0, 0, 1, 0)],
        elapsed_s=2.0,
        sentences_per_s=2.0,
        headline=("accuracy", "macro_f1"),
        limit=4,
        notes=["a [bracketed] note"],
    )


def test_report_headline_metrics():
    assert _report().headline_metrics() == {"accuracy": 0.75, "macro_f1": 0.5}


def test_report_to_dict_is_json_and_round_trips():
    d = _report().to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["headline"] == {"accuracy": 0.75, "macro_f1": 0.5}
    assert d["classes"][0]["f1"] == 0.6667
    back = Report.from_dict(d)
    assert back.dataset == "zsp_plv" and back.headline == ("accuracy", "macro_f1")
    assert back.classes[1].label == "NONE" and back.limit == 4


def test_report_render_text_lists_metrics_and_classes():
    text = _report().render_text()
    assert text.splitlines()[0].startswith("zsp_plv: 4 items, first 4")
    assert "* accuracy" in text and "  n_classes" in text
    assert "CONSULT" in text and "a [bracketed] note" in text


def test_report_to_rich_renders():
    from rich.console import Console

    console = Console(record=True, width=100)
    console.print(_report().to_rich())
    out = console.export_text()
    assert "macro_f1" in out and "CONSULT" in out and "a [bracketed] note" in out


def test_report_markdown_has_summary_and_class_rows():
    from dyad.evaluate.markdown import render
    from dyad.evaluate.metrics import ClassRow
    from dyad.evaluate.report import Report

    report = Report.from_dict({
        "dataset": "zsp_plv", "n": 2, "metrics": {"accuracy": 0.5, "macro_f1": 0.25},
        "classes": [ClassRow("AGREE", 1.0, 0.5, 0.667, 2, 1, 1).to_dict()],
    })
    text = render([report])
    assert "| zsp_plv | 2 |" in text and "macro_f1 0.250" in text
    assert "| AGREE | 1.000 | 0.500 | 0.667 | 2 | 1 |" in text
