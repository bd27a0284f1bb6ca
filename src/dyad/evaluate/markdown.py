"""Render saved evaluation reports as Markdown tables (for docs/evaluation.md).

    .venv/bin/python -m dyad.evaluate.markdown /tmp/eval.json > /tmp/tables.md

The input is what the eval gate writes with DYAD_EVAL_REPORT (``{"reports": [...]}``) or a
single ``dyad eval --json`` report.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dyad.evaluate.report import Report


def _fmt(value) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def render(reports: list[Report]) -> str:
    out = ["| set | items | headline metrics |", "|---|---|---|"]
    for r in reports:
        head = ", ".join(f"{k} {_fmt(v)}" for k, v in r.headline_metrics().items())
        out.append(f"| {r.dataset} | {r.n} | {head} |")
    for r in reports:
        out += ["", f"### {r.dataset}", ""]
        out.append(", ".join(f"{k} {_fmt(v)}" for k, v in r.metrics.items()
                             if isinstance(v, (int, float)) and not isinstance(v, bool)))
        if r.classes:
            out += ["", "| class | precision | recall | F1 | gold | predicted |", "|---|---|---|---|---|---|"]
            for row in r.classes:
                out.append(f"| {row.label} | {row.precision:.3f} | {row.recall:.3f} | {row.f1:.3f} "
                           f"| {row.support} | {row.predicted} |")
        for note in r.notes:
            out += ["", f"Note: {note}"]
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    data = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    items = data["reports"] if "reports" in data else [data]
    sys.stdout.write(render([Report.from_dict(d) for d in items]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
