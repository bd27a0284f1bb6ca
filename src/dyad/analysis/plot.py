"""Charts of a dyad series: SVG written by hand, PNG through matplotlib when it is installed.

The chart has two panels: stacked bars of events per period by quad class
(cooperation in greens, conflict in reds stacked on it), and below them the
cooperation-conflict index (-1 to 1) as a line. ``write_plot`` picks the
format from the file name: ``.svg`` always works; ``.png`` needs matplotlib.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from dyad.analysis.series import QUADS, DyadSeries
from dyad.errors import DyadError

COLOURS = {
    "verbal_coop": "#74c476",
    "material_coop": "#238b45",
    "verbal_conflict": "#fc9272",
    "material_conflict": "#cb181d",
}
LABELS = {
    "verbal_coop": "Verbal cooperation",
    "material_coop": "Material cooperation",
    "verbal_conflict": "Verbal conflict",
    "material_conflict": "Material conflict",
}

WIDTH, HEIGHT = 900, 520
LEFT, RIGHT, TOP = 60, 20, 50
BARS_H, GAP, INDEX_H, BOTTOM = 280, 40, 90, 60


def write_plot(series: DyadSeries, path: str | Path) -> Path:
    """Write the chart to ``path`` (.svg, or .png with matplotlib); return the path."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        path.write_text(svg(series), encoding="utf-8")
    elif suffix == ".png":
        _png(series, path)
    else:
        raise DyadError(f"{path}: can plot to .svg or .png, not {suffix or 'a file without extension'}")
    return path


def svg(series: DyadSeries) -> str:
    """The chart as an SVG document."""
    rows = list(series)
    n = max(1, len(rows))
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / n
    bar_w = max(1.0, step * 0.8)
    top = max([r["events"] for r in rows] + [1])
    scale = BARS_H / _nice(top)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f'<title>{escape(series.title)}</title>',
        '<rect width="100%" height="100%" fill="white"/>',
        f'<text x="{LEFT}" y="24" font-size="15" font-weight="bold">{escape(series.title)}</text>',
    ]
    base = TOP + BARS_H
    # y axis of the bars, with gridlines
    for tick in _ticks(_nice(top)):
        y = base - tick * scale
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e5e5e5"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{tick:g}</text>')
    # stacked bars: cooperation first, conflict on top
    for i, row in enumerate(rows):
        x = LEFT + i * step + (step - bar_w) / 2
        y = base
        for key in QUADS.values():
            h = row[key] * scale
            if h <= 0:
                continue
            y -= h
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w:.1f}" height="{h:.1f}" fill="{COLOURS[key]}">'
                f'<title>{row["period"]}: {row[key]} {LABELS[key].lower()}</title></rect>'
            )
    out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{base}" y2="{base}" stroke="#333"/>')
    # the cooperation-conflict index
    top2 = base + GAP
    mid = top2 + INDEX_H / 2
    out.append(f'<text x="{LEFT}" y="{top2 - 8}" font-weight="bold">Cooperation-conflict index</text>')
    for v in (1, 0, -1):
        y = mid - v * INDEX_H / 2
        colour = "#999" if v == 0 else "#e5e5e5"
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="{colour}"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{v:+d}</text>')
    points = [
        f"{LEFT + (i + 0.5) * step:.1f},{mid - row['cci'] * INDEX_H / 2:.1f}"
        for i, row in enumerate(rows)
        if row["cci"] is not None
    ]
    if len(points) > 1:
        out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#3182bd" stroke-width="1.5"/>')
    for p in points:
        x, y = p.split(",")
        out.append(f'<circle cx="{x}" cy="{y}" r="2.5" fill="#3182bd"/>')
    # period labels: at most about 12
    every = max(1, -(-n // 12))
    label_y = top2 + INDEX_H + 18
    for i, row in enumerate(rows):
        if i % every == 0:
            x = LEFT + (i + 0.5) * step
            out.append(f'<text x="{x:.1f}" y="{label_y}" text-anchor="middle">{_label(row["period"], series.by)}</text>')
    # legend
    lx = LEFT
    for key in QUADS.values():
        out.append(f'<rect x="{lx}" y="{HEIGHT - 22}" width="10" height="10" fill="{COLOURS[key]}"/>')
        out.append(f'<text x="{lx + 14}" y="{HEIGHT - 13}">{LABELS[key]}</text>')
        lx += 170
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _png(series: DyadSeries, path: Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise DyadError(
            "PNG charts need matplotlib (pip install matplotlib); write an .svg file instead"
        ) from exc
    rows = list(series)
    labels = [_label(r["period"], series.by) for r in rows]
    fig, (ax, ax2) = plt.subplots(2, 1, figsize=(9, 5.2), height_ratios=(3, 1), sharex=True)
    bottom = [0] * len(rows)
    for key in QUADS.values():
        values = [r[key] for r in rows]
        ax.bar(range(len(rows)), values, bottom=bottom, color=COLOURS[key], label=LABELS[key])
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_title(series.title)
    ax.legend(fontsize=8, ncol=4, loc="upper left")
    ax2.plot([i for i, r in enumerate(rows) if r["cci"] is not None], [r["cci"] for r in rows if r["cci"] is not None])
    ax2.axhline(0, color="#999", linewidth=0.8)
    ax2.set_ylim(-1.05, 1.05)
    ax2.set_ylabel("CCI")
    every = max(1, -(-len(rows) // 12))
    ax2.set_xticks(range(0, len(rows), every), labels[::every], fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def _nice(value: float) -> float:
    """A round axis maximum at or above ``value``."""
    magnitude = 10 ** max(0, len(str(int(value))) - 1)
    for m in (1, 2, 2.5, 5, 10):
        if m * magnitude >= value:
            return m * magnitude
    return 10 * magnitude


def _ticks(top: float) -> list[float]:
    return [top * i / 4 for i in range(5)]


def _label(period, by: str) -> str:
    if by == "year":
        return f"{period:%Y}"
    if by in ("month", "quarter"):
        return f"{period:%Y-%m}"
    return f"{period:%m-%d}"
