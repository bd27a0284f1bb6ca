"""The result of one evaluation, and how it is shown: plain text, rich tables, JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dyad.evaluate.metrics import ClassRow


@dataclass(slots=True)
class Report:
    """Scores of one coder on one gold file.

    ``metrics`` holds the overall numbers (see each scorer in
    :mod:`dyad.evaluate.scorers` for their meaning); ``headline`` names those
    the eval gate pins. ``sentences_per_s`` counts items coded per second of
    coding time (a glocon document counts as one).
    """

    dataset: str
    n: int
    metrics: dict[str, float | int]
    classes: list[ClassRow]
    elapsed_s: float = 0.0
    sentences_per_s: float = 0.0
    headline: tuple[str, ...] = ()
    gold_path: str = ""
    limit: int | None = None
    coder_errors: int = 0
    first_error: str | None = None
    notes: list[str] = field(default_factory=list)

    def headline_metrics(self) -> dict[str, float]:
        return {name: float(self.metrics[name]) for name in self.headline if name in self.metrics}

    def to_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "n": self.n,
            "gold_path": self.gold_path,
            "limit": self.limit,
            "headline": self.headline_metrics(),
            "metrics": {k: _round(v) for k, v in self.metrics.items()},
            "classes": [{k: _round(v) for k, v in row.to_dict().items()} for row in self.classes],
            "elapsed_s": round(self.elapsed_s, 3),
            "sentences_per_s": round(self.sentences_per_s, 2),
            "coder_errors": self.coder_errors,
            "first_error": self.first_error,
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Report":
        return cls(
            dataset=d["dataset"],
            n=int(d.get("n", 0)),
            metrics=dict(d.get("metrics", {})),
            classes=[ClassRow(**row) for row in d.get("classes", [])],
            elapsed_s=float(d.get("elapsed_s", 0.0)),
            sentences_per_s=float(d.get("sentences_per_s", 0.0)),
            headline=tuple(d.get("headline", {})),
            gold_path=d.get("gold_path", ""),
            limit=d.get("limit"),
            coder_errors=int(d.get("coder_errors", 0)),
            first_error=d.get("first_error"),
            notes=list(d.get("notes", [])),
        )

    def _title(self) -> str:
        cap = f", first {self.limit}" if self.limit else ""
        return (
            f"{self.dataset}: {self.n} items{cap}, {self.elapsed_s:.1f} s "
            f"({self.sentences_per_s:.1f}/s), coder errors {self.coder_errors}"
        )

    def render_text(self) -> str:
        """The report as aligned plain text: headline, all metrics, per-class table."""
        lines = [self._title()]
        for name, value in self.metrics.items():
            mark = "*" if name in self.headline else " "
            lines.append(f" {mark} {name:<24} {_fmt(value)}")
        if self.classes:
            width = max(12, *(len(r.label) for r in self.classes))
            lines.append("")
            lines.append(f"   {'class':<{width}} {'prec':>6} {'recall':>6} {'f1':>6} {'gold':>6} {'pred':>6}")
            for r in self.classes:
                lines.append(
                    f"   {r.label:<{width}} {r.precision:6.3f} {r.recall:6.3f} {r.f1:6.3f} {r.support:6d} {r.predicted:6d}"
                )
        for note in self.notes:
            lines.append(f"note: {note}")
        if self.first_error:
            lines.append(f"first coder error: {self.first_error}")
        return "\n".join(lines)

    def to_rich(self):
        """The report as rich renderables (metrics table, per-class table)."""
        from rich.console import Group
        from rich.table import Table
        from rich.text import Text

        overall = Table(show_header=True, header_style="bold")
        overall.add_column("metric")
        overall.add_column("value", justify="right")
        for name, value in self.metrics.items():
            style = "bold" if name in self.headline else None
            overall.add_row(name, _fmt(value), style=style)
        parts: list[Any] = [Text(self._title(), style="bold"), overall]
        if self.classes:
            per = Table(show_header=True, header_style="bold")
            for col, just in (("class", "left"), ("precision", "right"), ("recall", "right"),
                              ("f1", "right"), ("gold", "right"), ("predicted", "right")):
                per.add_column(col, justify=just)
            for r in self.classes:
                per.add_row(r.label, f"{r.precision:.3f}", f"{r.recall:.3f}", f"{r.f1:.3f}",
                            str(r.support), str(r.predicted))
            parts.append(per)
        parts.extend(Text(f"note: {n}", style="dim") for n in self.notes)
        if self.first_error:
            parts.append(Text(f"first coder error: {self.first_error}", style="red"))
        return Group(*parts)


def _round(value: Any) -> Any:
    return round(value, 4) if isinstance(value, float) else value


def _fmt(value: Any) -> str:
    return f"{value:.3f}" if isinstance(value, float) else str(value)
