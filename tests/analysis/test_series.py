"""dyad_series and top_dyads over a store with known events."""

from __future__ import annotations

from datetime import date
from xml.etree import ElementTree

import pytest

from dyad.analysis import dyad_series, svg, top_dyads, write_plot
from dyad.errors import DyadError


def by_period(series):
    return {row["period"].isoformat(): row for row in series}


def test_series_monthly_clusters(dyad_store):
    series = dyad_series(dyad_store, "RUS", "UKR")
    rows = by_period(series)
    assert list(rows) == ["2024-01-01", "2024-02-01", "2024-03-01"]  # February filled in, empty
    jan = rows["2024-01-01"]
    assert (jan["events"], jan["mentions"]) == (2, 3)  # the assault counts once, reported twice
    assert (jan["verbal_coop"], jan["material_coop"], jan["verbal_conflict"], jan["material_conflict"]) == (0, 0, 1, 1)
    assert jan["plover"] == {"ACCUSE": 1, "ASSAULT": 1}
    assert (jan["goldstein_sum"], jan["goldstein_mean"], jan["cci"]) == (-12.0, -6.0, -1.0)
    feb = rows["2024-02-01"]
    assert (feb["events"], feb["goldstein_mean"], feb["cci"], feb["plover"]) == (0, None, None, {})
    mar = rows["2024-03-01"]
    assert (mar["events"], mar["verbal_coop"], mar["goldstein_sum"], mar["cci"]) == (1, 1, 1.9, 1.0)


def test_series_raw_counts_every_report(dyad_store):
    jan = by_period(dyad_series(dyad_store, "RUS", "UKR", raw=True))["2024-01-01"]
    assert (jan["events"], jan["material_conflict"], jan["goldstein_sum"]) == (3, 2, -22.0)


def test_series_directions_codes_and_ranges(dyad_store):
    assert by_period(dyad_series(dyad_store, "UKR", "RUS"))["2024-01-01"]["events"] == 1
    both = dyad_series(dyad_store, "rus", "ukr", both_ways=True)
    assert by_period(both)["2024-01-01"]["events"] == 3 and both.title == "RUS <-> UKR: events per month"
    assert sum(r["events"] for r in dyad_series(dyad_store, "RUSGOV", "UKR")) == 3  # a full code, as a prefix
    assert dyad_series(dyad_store, "RUSMIL", "UKR") == []
    weeks = dyad_series(dyad_store, "RUS", "UKR", by="week", since=date(2024, 1, 1), until=date(2024, 1, 31))
    assert [r["period"].isoformat() for r in weeks] == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"]
    assert [r["events"] for r in weeks] == [0, 1, 1, 0, 0]
    assert dyad_series(dyad_store, "CHN", "USA") == []
    with pytest.raises(ValueError):
        dyad_series(dyad_store, "RUS", "UKR", by="fortnight")


def test_series_records_and_dataframes(dyad_store):
    series = dyad_series(dyad_store, "RUS", "UKR")
    flat = series.records()
    assert flat[0]["plover_ASSAULT"] == 1 and flat[1]["plover_ASSAULT"] == 0 and "plover" not in flat[0]
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pip install pandas"):
            series.to_pandas()
    else:
        frame = series.to_pandas()
        assert list(frame["events"]) == [2, 0, 1]


def test_top_dyads(dyad_store):
    rows = top_dyads(dyad_store)
    assert [(r["actor"], r["recipient"], r["events"]) for r in rows] == [("RUS", "UKR", 3), ("FRA", "DEU", 1), ("UKR", "RUS", 1)]
    assert rows[0]["mentions"] == 4 and rows[0]["cci"] == pytest.approx(-1 / 3, abs=1e-3)
    raw = top_dyads(dyad_store, raw=True, limit=1)
    assert [(r["actor"], r["events"]) for r in raw] == [("RUS", 4)]
    assert top_dyads(dyad_store, codes=True)[0]["actor"] == "RUSGOV"


def test_series_svg_is_valid(dyad_store, tmp_path):
    series = dyad_series(dyad_store, "RUS", "UKR")
    text = svg(series)
    root = ElementTree.fromstring(text)
    assert root.tag.endswith("svg")
    assert len([e for e in root.iter() if e.tag.endswith("rect")]) >= 4  # background, bars, legend
    path = write_plot(series, tmp_path / "s.svg")
    assert path.read_text(encoding="utf-8") == text
    with pytest.raises(DyadError, match=".svg or .png"):
        write_plot(series, tmp_path / "s.pdf")


def test_series_png_needs_matplotlib(dyad_store, tmp_path):
    series = dyad_series(dyad_store, "RUS", "UKR")
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        with pytest.raises(DyadError, match="matplotlib"):
            write_plot(series, tmp_path / "s.png")
    else:
        assert write_plot(series, tmp_path / "s.png").read_bytes()[:4] == b"\x89PNG"
