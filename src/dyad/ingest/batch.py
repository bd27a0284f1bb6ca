"""Batch coding: inputs in, events to a JSONL stream and a store.

``code_inputs`` is what ``dyad code`` runs. It reads the inputs in chunks,
skips articles already coded with the same content (their stored events are
still written to ``out``), codes the rest with the pipeline, and stores each
chunk's articles and events in one transaction, so a run that stops half way
keeps what it finished and a re-run stores nothing twice.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Protocol

from dyad.errors import InputError
from dyad.ingest.readers import OnError, read_articles, split_origin
from dyad.records import Article, Event
from dyad.store import Store

log = logging.getLogger(__name__)

SAMPLE_SIZE = 10


class Coder(Protocol):
    """What ``code_inputs`` needs of a pipeline (``dyad.pipeline.Pipeline`` fits)."""

    def code(self, article: Article) -> list[Event]: ...

    def code_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]: ...


@dataclass
class BatchReport:
    """What a batch did. ``read`` counts articles read without error."""

    read: int = 0
    coded: int = 0  # coded in this run
    skipped: int = 0  # already stored with the same content; not coded again
    input_errors: int = 0  # inputs (files, lines) that could not be read
    coder_errors: int = 0  # articles the pipeline failed on
    events: int = 0  # events written, coded now or stored before
    stored_events: int = 0  # of those, taken from the store (skipped articles)
    by_plover: Counter = field(default_factory=Counter)  # events by PLOVER type ("" for none)
    sample: list[dict[str, Any]] = field(default_factory=list)  # the first event records

    @property
    def failed(self) -> int:
        return self.input_errors + self.coder_errors

    @property
    def ok(self) -> bool:
        """False when there were errors and nothing was coded or found stored."""
        return self.failed == 0 or self.coded + self.skipped > 0

    def count(self, record: dict[str, Any], *, stored: bool) -> None:
        """Count one event record written by the batch."""
        self.events += 1
        self.stored_events += stored
        self.by_plover[record.get("plover") or ""] += 1
        if len(self.sample) < SAMPLE_SIZE:
            self.sample.append(record)


def code_inputs(
    paths: Iterable[str | Path],
    *,
    pipeline: Coder,
    store: Store,
    out: IO[str] | None = None,
    on_error: OnError,
    progress: Callable[[Article], None] | None = None,
    force: bool = False,
    chunk_size: int = 64,
    stdin: IO[bytes] | None = None,
) -> BatchReport:
    """Code every article in ``paths`` into ``store`` (and ``out``, as JSON Lines).

    ``on_error`` receives each unreadable input and each article the pipeline
    fails on; the batch goes on. ``progress`` is called once per article read,
    when it is coded, skipped or has failed. ``force`` codes again articles already coded.
    """
    report = BatchReport()

    def input_error(error: InputError) -> None:
        report.input_errors += 1
        on_error(error)

    articles = read_articles(paths, on_error=input_error, stdin=stdin)
    for chunk in _chunks(articles, chunk_size):
        report.read += len(chunk)
        done = {} if force else store.coded_hashes(a.id for a in chunk)
        skip = [a for a in chunk if done.get(a.id) == a.content_hash]
        todo = [a for a in chunk if done.get(a.id) != a.content_hash]
        if progress is not None:
            for article in skip:
                progress(article)
        coded = _code_chunk(pipeline, todo, on_error=on_error, progress=progress, report=report)
        records = {id_: [e.to_dict() for e in events] for id_, (_, events) in coded.items()}
        store.add_coded((article, records[article.id]) for article, _ in coded.values())
        if skip:
            records.update(_group_by_article(store.events(article_id=[a.id for a in skip])))
        report.coded += len(coded)
        report.skipped += len(skip)
        for article in chunk:  # in input order
            for record in records.get(article.id, ()):
                if out is not None:
                    out.write(to_json_line(record))
                report.count(record, stored=article.id not in coded)
        if out is not None:
            out.flush()
    return report


def _code_chunk(
    pipeline: Coder,
    articles: list[Article],
    *,
    on_error: OnError,
    progress: Callable[[Article], None] | None,
    report: BatchReport,
) -> dict[str, tuple[Article, list[Event]]]:
    """Events by article id; an article the pipeline fails on is reported and left out.

    The chunk goes through ``code_many`` (batched, fast); if that fails, the
    articles it had not finished are coded one by one to find the culprit.
    """
    coded: dict[str, tuple[Article, list[Event]]] = {}
    if not articles:
        return coded
    try:
        for article, events in pipeline.code_many(articles):
            coded[article.id] = (article, list(events))
            if progress is not None:
                progress(article)
        return coded
    except Exception:  # noqa: BLE001 - one bad article must not stop the batch
        log.debug("code_many failed; coding the rest of the chunk one by one", exc_info=True)
    for article in articles:
        if article.id in coded:
            continue
        try:
            coded[article.id] = (article, list(pipeline.code(article)))
        except Exception as exc:  # noqa: BLE001
            log.debug("coding %s failed", article.id, exc_info=True)
            report.coder_errors += 1
            path, line = split_origin(article.origin or article.id)
            on_error(InputError(path, line, f"could not code article {article.id!r}: {type(exc).__name__}: {exc}"))
        if progress is not None:
            progress(article)
    return {a.id: coded[a.id] for a in articles if a.id in coded}


def _group_by_article(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        grouped.setdefault(record["article_id"], []).append(record)
    return grouped


def to_json_line(record: dict[str, Any]) -> str:
    """An event record as one line of JSON: the serialisation of ``Event.to_json``."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, max(1, size))):
        yield chunk
