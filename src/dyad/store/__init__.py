"""The store: articles and coded events in DuckDB.

Only this package holds SQL: ``schema.sql``, numbered migrations beside it
(:mod:`dyad.store.migrations`) and the queries of :class:`Store`.
"""

from __future__ import annotations

from dyad.store.database import COUNTABLE, Store
from dyad.store.migrations import Migration, migrate

__all__ = ["COUNTABLE", "Migration", "Store", "migrate"]
