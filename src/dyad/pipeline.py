"""The in-process driver: an Article in, its Events out.

``Pipeline`` loads the spaCy model, the ontology, the patterns and the
knowledge base once, then runs the stages in order for each article:
parse -> actors -> events -> dates and places -> ontology codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date
from typing import Iterable, Iterator

from dyad.actors.kb import load_kb
from dyad.actors.resolve import ActorResolver
from dyad.data import load_ontology
from dyad.events.code import Dropped, SentenceCoder
from dyad.events.confidence import heuristic_confidence, load_calibrator
from dyad.events.patterns import load_patterns
from dyad.parse import DEFAULT_MODEL, load_nlp, mask_dateline
from dyad.records import Article, Event, EventDate


@dataclass(slots=True)
class Coded:
    """One article's result, with what was dropped and why (for ``dyad explain``)."""

    article: Article
    events: list[Event]
    dropped: list[Dropped] = field(default_factory=list)
    doc: object = None


def fill_codes(event: Event, onto) -> Event:
    """Set the ontology fields (root, Goldstein, QuadClass, PLOVER) from the CAMEO code."""
    c = onto[event.cameo]
    event.cameo_root = c.root
    event.goldstein = c.goldstein
    event.quad_class = c.quad_class
    event.plover = c.plover
    event.plover_mode = c.plover_mode
    event.contexts = list(c.contexts)
    return event


def fill_countries_from_context(event: Event, main_countries: list[str], resolver: ActorResolver | None = None) -> None:
    """Give a country to a participant that has a sector but none ("police", "the army").

    The place the sentence names comes first (police in an attack in Bogota are
    Colombian); in diplomacy, the article's other main country (the general who
    meets a Russian general in a Russia-Pakistan story); else the article's
    main country. Such countries are marked ``+context`` in ``how``.
    """
    located = event.location.country if event.location and event.location.how == "sentence" else None
    sides = ((event.actors, event.recipients), (event.recipients, event.actors))
    for group, other in sides:
        for ent in group:
            if ent.country or not ent.sector or ent.group:
                continue  # a named transnational group (al-Qaeda) has no country to guess
            taken = {e.country for e in other if e.country}
            if located:
                pick = located
            elif event.cameo[:2] in DIPLOMATIC_ROOTS and taken:
                pick = next((c for c in main_countries if c not in taken), None)
            elif resolver is not None:
                span = resolver.doc.char_span(ent.span[0], ent.span[1], alignment_mode="expand")
                pick = resolver.context_country(span.root) if span is not None else None
            else:
                pick = main_countries[0] if main_countries else None
            if pick:
                ent.country = pick
                ent.how = ent.how + "+context" if ent.how != "none" else "context"


DIPLOMATIC_ROOTS = {"03", "04", "05", "06", "07", "08"}


class Pipeline:
    """Codes articles into events. Construct once; call many times.

    >>> pipe = Pipeline()
    >>> events = pipe.code(article)
    """

    def __init__(self, *, model: str | None = None, kb_paths: Iterable[str] = ()):
        self.nlp = load_nlp(model or DEFAULT_MODEL)
        self.onto = load_ontology()
        self.patterns = load_patterns()
        self.kb = load_kb(tuple(str(p) for p in kb_paths))
        self._places = None

    # -- stages after the coder ------------------------------------------------------
    def _gazetteer(self):
        if self._places is None:
            from dyad.places import load_gazetteer

            self._places = load_gazetteer()
        return self._places

    def _finish(self, event: Event, sent, trigger, dateline, resolver: ActorResolver) -> Event:
        from dyad.dates import resolve_event_date
        from dyad.places import locate_event

        event.date = resolve_event_date(
            sent.text, event.pub_date, offset=sent.start_char, anchor=trigger.idx - sent.start_char,
        )
        if event.date.date > event.pub_date and event.modality != "intended":
            # a date after publication belongs to something planned, not to this event
            event.date = EventDate(event.pub_date, "pub")
        prefer = [e.country for e in event.actors + event.recipients if e.country]
        prefer += resolver.main_countries()
        event.location = locate_event(sent, trigger, gazetteer=self._gazetteer(), dateline=dateline,
                                      prefer_countries=tuple(dict.fromkeys(prefer)))
        fill_countries_from_context(event, resolver.main_countries(), resolver)
        event.features["context"] = float(any("context" in e.how for e in event.actors + event.recipients))
        event.features["located"] = float(event.location is not None and event.location.how == "sentence")
        event.features["dated"] = float(event.date.precision != "pub")
        calibrator = load_calibrator()
        event.confidence = calibrator(event.features) if calibrator else heuristic_confidence(event.features)
        return fill_codes(event, self.onto)

    # -- public ----------------------------------------------------------------------
    def code_doc(self, article: Article, doc, dateline=None) -> Coded:
        resolver = ActorResolver(doc, self.kb, article.date)
        coder = SentenceCoder(self.patterns, resolver, article.id, article.date)
        events: list[Event] = []
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            for ev in coder.code_sentence(sent):
                trigger = doc.char_span(ev.trigger.span[0], ev.trigger.span[1], alignment_mode="expand")
                head = trigger.root if trigger is not None else sent.root
                events.append(self._finish(ev, sent, head, dateline, resolver))
        return Coded(article, events, coder.dropped, doc)

    def code_article(self, article: Article) -> Coded:
        text, dateline = mask_dateline(article.text)
        return self.code_doc(article, self.nlp(text), dateline)

    def code(self, article: Article) -> list[Event]:
        """All events of one article, in text order."""
        return self.code_article(article).events

    def code_many(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[tuple[Article, list[Event]]]:
        """(article, events) pairs; spaCy parses in batches for speed."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                yield from self._code_batch(batch)
                batch = []
        if batch:
            yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> Iterator[tuple[Article, list[Event]]]:
        masked = [mask_dateline(a.text) for a in batch]
        for article, (text, dateline), doc in zip(batch, masked, self.nlp.pipe(t for t, _ in masked)):
            yield article, self.code_doc(article, doc, dateline).events

    def code_text(self, text: str, pub_date: Date | None = None, *, article_id: str = "text") -> list[Event]:
        """Code a bare text (a sentence or a story body)."""
        return self.code(Article(id=article_id, date=pub_date or Date.today(), text=text))


# -- a local pool of worker processes ---------------------------------------------------

_WORKER: Pipeline | None = None


def _init_worker(model: str | None, kb_paths: tuple[str, ...]) -> None:
    global _WORKER  # one pipeline per worker process, built once
    _WORKER = Pipeline(model=model, kb_paths=kb_paths)


def _code_in_worker(article: Article) -> tuple[Article, list[Event]]:
    assert _WORKER is not None
    return article, _WORKER.code(article)


class PooledPipeline:
    """``Pipeline``'s interface over N worker processes, each with its own model.

    For big batches on a machine with several cores; results come back in input
    order. Use as a context manager (or call ``close``) to stop the workers.
    """

    def __init__(self, workers: int, *, model: str | None = None, kb_paths: Iterable[str] = ()):
        import multiprocessing

        self.workers = workers
        self._local = Pipeline(model=model, kb_paths=kb_paths)  # for single articles
        ctx = multiprocessing.get_context("spawn")
        self._pool = ctx.Pool(workers, initializer=_init_worker, initargs=(model, tuple(str(p) for p in kb_paths)))

    def code(self, article: Article) -> list[Event]:
        return self._local.code(article)

    def code_many(self, articles: Iterable[Article], *, batch_size: int = 4) -> Iterator[tuple[Article, list[Event]]]:
        yield from self._pool.imap(_code_in_worker, articles, chunksize=batch_size)

    def close(self) -> None:
        self._pool.close()
        self._pool.join()

    def __enter__(self) -> "PooledPipeline":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
