"""Raise the eval gate's floors from evaluation reports; never lower them.

    python -m dyad.evaluate.raise_floors REPORT.json [REPORT.json ...] [--floors FILE] [--dry-run]

A report file is what ``dyad eval GOLD --json`` prints (one report), several
of those one per line, a JSON list of them, or ``{"reports": [...]}`` (what
the eval gate writes when ``DYAD_EVAL_REPORT`` is set). For each headline
metric of each report the floor becomes

    max(old floor, floor(new * 100 - 1) / 100)

that is, one point below the new score, rounded down to a hundredth, so run
to run noise does not trip the gate. Reports of runs capped with ``--limit``
are refused unless ``--allow-limited`` is given: a floor set on a subset can
sit above what the full set reaches. ``--floors`` defaults to
``tests/eval/floors.json`` under the current directory.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any, Iterable

from dyad.evaluate.scorers import HEADLINE

DEFAULT_FLOORS = Path("tests") / "eval" / "floors.json"


def floor_for(score: float) -> float:
    """One point below ``score``, rounded down to a hundredth, never below 0."""
    return max(0.0, math.floor(round(score * 100, 6) - 1) / 100)


def load_reports(path: str | Path) -> list[dict[str, Any]]:
    """Report dicts from a file in any of the shapes the module docstring lists."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = [json.loads(line) for line in text.splitlines() if line.strip()]
    if isinstance(data, dict):
        data = data.get("reports", [data])
    if not isinstance(data, list) or not all(isinstance(d, dict) and "dataset" in d for d in data):
        raise ValueError(f"{path}: not an evaluation report (expected objects with a 'dataset')")
    return data


def raise_floors(
    floors: dict[str, dict[str, float]],
    reports: Iterable[dict[str, Any]],
    *,
    allow_limited: bool = False,
) -> tuple[dict[str, dict[str, float]], list[str]]:
    """New floors and a line per change; ``floors`` itself is not modified."""
    new = {ds: dict(metrics) for ds, metrics in floors.items()}
    changes = []
    for rep in reports:
        dataset = rep["dataset"]
        if rep.get("limit") and not allow_limited:
            raise ValueError(f"{dataset}: report of a run limited to {rep['limit']} items; rerun on all")
        scores = rep.get("headline") or {}
        if not isinstance(scores, dict):  # an older shape: names only
            scores = {}
        metrics = rep.get("metrics", {})
        for name in HEADLINE.get(dataset, tuple(scores)):
            value = scores.get(name, metrics.get(name))
            if value is None:
                continue
            old = new.setdefault(dataset, {}).get(name, 0.0)
            candidate = max(old, floor_for(float(value)))
            new[dataset][name] = candidate
            if candidate != old:
                changes.append(f"{dataset}.{name}: {old:.2f} -> {candidate:.2f} (score {float(value):.4f})")
    return new, changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dyad.evaluate.raise_floors", description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="+", help="report JSON files")
    parser.add_argument("--floors", default=str(DEFAULT_FLOORS), help="floors file (default: %(default)s)")
    parser.add_argument("--dry-run", action="store_true", help="show the changes, write nothing")
    parser.add_argument("--allow-limited", action="store_true", help="accept reports of --limit runs")
    args = parser.parse_args(argv)

    path = Path(args.floors)
    floors = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    reports = [rep for p in args.reports for rep in load_reports(p)]
    try:
        new, changes = raise_floors(floors, reports, allow_limited=args.allow_limited)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in changes or ["no floor changes"]:
        print(line)
    if changes and not args.dry_run:
        path.write_text(json.dumps(new, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
