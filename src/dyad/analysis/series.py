"""Dyadic time series: how one actor treats another, period by period.

``dyad_series(store, "RUS", "UKR", by="month")`` counts the events from RUS to
UKR in each period: by GDELT quad class and by PLOVER type, with the sum and
mean of their Goldstein scores and a cooperation-conflict index

    cci = (verbal + material cooperation - verbal - material conflict) / events

in [-1, 1] (1: only cooperation, -1: only conflict; empty periods have none).
By default an event is a cluster (``dyad cluster``): a real-world event
counted once however many articles reported it; ``raw=True`` counts every
report instead (an event with two actors counts once per dyad).

The result is a plain list of dicts (no pandas needed), with ``to_pandas()``
and ``to_polars()`` for those who have them.
"""

from __future__ import annotations

from datetime import date as Date
from datetime import timedelta
from typing import Any

QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
PERIODS = ("day", "week", "month", "quarter", "year")


class DyadSeries(list):
    """Rows, one per period, oldest first: ``period`` (its first day), ``events``,
    ``mentions``, the four quad-class counts, ``goldstein_sum``, ``goldstein_mean``,
    ``cci`` and ``plover`` (counts by PLOVER type)."""

    def __init__(self, rows, *, actor: str, recipient: str, by: str, raw: bool, both_ways: bool = False):
        super().__init__(rows)
        self.actor, self.recipient, self.by, self.raw, self.both_ways = actor, recipient, by, raw, both_ways

    @property
    def plover_types(self) -> list[str]:
        """The PLOVER types that occur, most frequent first."""
        totals: dict[str, int] = {}
        for row in self:
            for k, v in row["plover"].items():
                totals[k] = totals.get(k, 0) + v
        return sorted(totals, key=lambda k: (-totals[k], k))

    def records(self) -> list[dict[str, Any]]:
        """Flat rows: the PLOVER counts as ``plover_<TYPE>`` columns (0 where absent)."""
        types = self.plover_types
        flat = []
        for row in self:
            out = {k: v for k, v in row.items() if k != "plover"}
            out.update({f"plover_{t}": row["plover"].get(t, 0) for t in types})
            flat.append(out)
        return flat

    def to_pandas(self):
        """A pandas DataFrame indexed by period (needs pandas)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError("to_pandas() needs pandas: pip install pandas") from exc
        frame = pd.DataFrame.from_records(self.records())
        if len(frame):
            frame["period"] = pd.to_datetime(frame["period"])
            frame = frame.set_index("period")
        return frame

    def to_polars(self):
        """A polars DataFrame (needs polars)."""
        try:
            import polars as pl
        except ImportError as exc:  # pragma: no cover
            raise ImportError("to_polars() needs polars: pip install polars") from exc
        return pl.DataFrame(self.records())

    @property
    def title(self) -> str:
        arrow = "<->" if self.both_ways else "->"
        kind = "reports" if self.raw else "events"
        return f"{self.actor} {arrow} {self.recipient}: {kind} per {self.by}"


def dyad_series(
    store,
    actor: str,
    recipient: str,
    *,
    by: str = "month",
    raw: bool = False,
    since: Date | None = None,
    until: Date | None = None,
    both_ways: bool = False,
    fill: bool = True,
) -> DyadSeries:
    """The series of events from ``actor`` to ``recipient`` (country codes, or CAMEO
    actor codes such as ``RUSMIL``, matched as prefixes); see the module doc.

    ``fill`` adds empty periods between the first and last (or ``since`` and ``until``).
    """
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; choose from {', '.join(PERIODS)}")
    actor, recipient = actor.upper(), recipient.upper()
    rows = store.dyad_counts(actor, recipient, period=by, raw=raw, since=since, until=until, both_ways=both_ways)
    periods: dict[Date, dict[str, Any]] = {}
    for period, quad, plover, n, gsum, mentions in rows:
        row = periods.setdefault(period, _empty(period))
        row["events"] += n
        row["mentions"] += int(mentions or 0)
        if quad in QUADS:
            row[QUADS[quad]] += n
        row["goldstein_sum"] += float(gsum or 0.0)
        if plover:
            row["plover"][plover] = row["plover"].get(plover, 0) + n
    if fill and (periods or (since and until)):
        first = _start(since, by) if since else min(periods)
        last = _start(until, by) if until else max(periods)
        day = first
        while day <= last:
            periods.setdefault(day, _empty(day))
            day = _next(day, by)
    out = []
    for period in sorted(periods):
        row = periods[period]
        n = row["events"]
        row["goldstein_sum"] = round(row["goldstein_sum"], 3)
        row["goldstein_mean"] = round(row["goldstein_sum"] / n, 3) if n else None
        coop = row["verbal_coop"] + row["material_coop"]
        conflict = row["verbal_conflict"] + row["material_conflict"]
        row["cci"] = round((coop - conflict) / n, 3) if n else None
        row["plover"] = dict(sorted(row["plover"].items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(row)
    return DyadSeries(out, actor=actor, recipient=recipient, by=by, raw=raw, both_ways=both_ways)


def top_dyads(
    store,
    *,
    limit: int = 20,
    raw: bool = False,
    codes: bool = False,
    since: Date | None = None,
    until: Date | None = None,
) -> list[dict[str, Any]]:
    """The dyads with the most events: ``actor``, ``recipient``, ``events``, ``mentions``,
    ``goldstein_mean`` and ``cci``; by country, or by full actor code with ``codes``."""
    rows = store.dyad_ranking(limit=limit, raw=raw, by="code" if codes else "country", since=since, until=until)
    for row in rows:
        row["goldstein_mean"] = round(row["goldstein_mean"], 3) if row["goldstein_mean"] is not None else None
        row["cci"] = round(row["cci"], 3) if row["cci"] is not None else None
    return rows


def _empty(period: Date) -> dict[str, Any]:
    return {
        "period": period,
        "events": 0,
        "mentions": 0,
        **{name: 0 for name in QUADS.values()},
        "goldstein_sum": 0.0,
        "goldstein_mean": None,
        "cci": None,
        "plover": {},
    }


def _start(day: Date, by: str) -> Date:
    """The first day of the period ``day`` falls in (weeks start on Monday, as in DuckDB)."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def _next(day: Date, by: str) -> Date:
    if by == "day":
        return day + timedelta(days=1)
    if by == "week":
        return day + timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    m = day.month - 1 + months
    return day.replace(year=day.year + m // 12, month=m % 12 + 1, day=1)

