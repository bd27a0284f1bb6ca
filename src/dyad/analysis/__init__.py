"""Analysis of stored events: dyadic time series, the most active dyads, charts.

- :func:`dyad_series`: events from one actor to another per period (clusters,
  or raw reports), as a list of dicts with ``to_pandas()``/``to_polars()``.
- :func:`top_dyads`: the dyads with the most events.
- :func:`write_plot`: a chart of a series, SVG (built in) or PNG (matplotlib).
"""

from __future__ import annotations

from dyad.analysis.plot import svg, write_plot
from dyad.analysis.series import PERIODS, QUADS, DyadSeries, dyad_series, top_dyads

__all__ = ["PERIODS", "QUADS", "DyadSeries", "dyad_series", "svg", "top_dyads", "write_plot"]
