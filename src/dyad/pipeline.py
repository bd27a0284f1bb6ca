"""The in-process driver: an Article in, its Events out.

``Pipeline`` loads the spaCy model and the package tables once, then runs the
stages in order: parse -> actors -> events -> dates/places -> ontology codes.
"""

from __future__ import annotations

from datetime import date as Date
from typing import Iterable, Iterator

from dyad.records import Article, Event


class Pipeline:
    """Codes articles into events. Construct once; call many times.

    >>> pipe = Pipeline()
    >>> events = pipe.code(article)
    """

    def __init__(self, *, model: str | None = None, kb_paths: Iterable[str] = ()):
        from dyad.parse import DEFAULT_MODEL, load_nlp

        self.nlp = load_nlp(model or DEFAULT_MODEL)
        self.kb_paths = tuple(kb_paths)

    def code(self, article: Article) -> list[Event]:
        """All events of one article, in text order."""
        raise NotImplementedError  # filled in by the coder (events stage)

    def code_many(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) pairs, parsing in batches for speed."""
        for article in articles:
            yield article, self.code(article)

    def code_text(self, text: str, pub_date: Date | None = None, *, article_id: str = "text") -> list[Event]:
        """Code a bare text (a sentence or a story body)."""
        return self.code(Article(id=article_id, date=pub_date or Date.today(), text=text))
