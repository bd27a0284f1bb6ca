"""CSV and Parquet exports of events and clusters, read back with DuckDB."""

from __future__ import annotations

import duckdb
import pytest

from dyad.errors import DyadError
from dyad.export import export


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_tables_events_and_clusters(clustered, tmp_path, fmt):
    events, clusters = tmp_path / f"events.{fmt}", tmp_path / f"clusters.{fmt}"
    assert export(clustered, fmt, events) == 3
    assert export(clustered, fmt, clusters, "clusters") == 3
    reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
    reader_args = ", all_varchar = true" if fmt == "csv" else ""
    rows = duckdb.sql(f"SELECT event_id, cameo, cluster_id, url FROM {reader}($p{reader_args}) ORDER BY cameo", params={"p": str(events)}).fetchall()
    assert [r[1] for r in rows] == ["112", "195", "195"]
    assert rows[1][2] == rows[2][2] is not None  # the two shelling reports, one cluster
    got = duckdb.sql(
        f"SELECT num_mentions::INT, num_sources::INT, first_url FROM {reader}($p{reader_args}) WHERE cameo = '195'", params={"p": str(clusters)}
    ).fetchall()
    assert got == [(2, 1, "https://apnews.com/a1")]


def test_tables_unknown_format(clustered, tmp_path):
    with pytest.raises(DyadError, match="unknown export format"):
        export(clustered, "xml", tmp_path / "x")
    with pytest.raises(DyadError, match="events or clusters"):
        export(clustered, "csv", tmp_path / "x", "articles")
