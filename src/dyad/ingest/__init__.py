"""Ingest: articles from text files, folders and JSON Lines; batch coding.

- :func:`read_articles` reads inputs into :class:`~dyad.records.Article`
  records, reporting what it cannot read and going on;
- :func:`code_inputs` runs a batch: read, code, write JSONL, store.
"""

from __future__ import annotations

from dyad.ingest.batch import BatchReport, Coder, code_inputs
from dyad.ingest.readers import count_articles, normalise_text, read_articles

__all__ = ["BatchReport", "Coder", "code_inputs", "count_articles", "normalise_text", "read_articles"]
