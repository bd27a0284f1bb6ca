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
from dyad.actors.resolve import SETTLER_STATES, ActorResolver
from dyad.actors.roles import fill_actors, fill_located_attack, fill_recipients, host_states
from dyad.data import load_ontology
from dyad.dates import ArticleDates
from dyad.events.code import Dropped, SentenceCoder
from dyad.events.confidence import heuristic_confidence, load_calibrator, load_convention_calibrator, logit
from dyad.events.conventions import Convention, apply as apply_convention, get_convention
from dyad.events.learned import load_type_model, model_event
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
    main country (also when a diplomatic story names no other country: "Yoruba leaders"
    who back the Nigerian president are Nigerian). In diplomacy, a government, army,
    legislature or court never takes the country of a state the other side names as a whole
    ("the government thanked Japan" is no Japanese government). A bloc ("European leaders",
    "Western politicians") takes none. Settlers take the state that settled them
    (:data:`dyad.actors.resolve.SETTLER_STATES`). Such countries are marked ``+context`` in ``how``.
    """
    located = event.location.country if event.location and event.location.how == "sentence" else None
    sides = ((event.actors, event.recipients), (event.recipients, event.actors))
    for group, other in sides:
        for ent in group:
            if ent.country or not ent.sector or ent.group:
                continue  # a named transnational group (al-Qaeda) has no country to guess
            if BLOC_WORDS & set(ent.text.lower().split()):
                continue  # "Western politicians", "European leaders": of many countries, not the story's
            taken = {e.country for e in other if e.country}
            other_main = next((c for c in main_countries if c not in taken), None)
            if located:
                pick = located
            elif event.cameo[:2] in DIPLOMATIC_ROOTS and taken and other_main:
                pick = other_main
            elif resolver is not None:  # also a diplomatic event in a story of one country
                span = resolver.doc.char_span(ent.span[0], ent.span[1], alignment_mode="expand")
                pick = resolver.context_country(span.root) if span is not None else None
            else:
                pick = main_countries[0] if main_countries else None
            if (pick and event.cameo[:2] in DIPLOMATIC_ROOTS and ent.sector in STATE_SECTORS
                    and any(e.country == pick and not e.sector for e in other)):
                continue  # "the government thanked Japan": a state does not deal with itself
            if pick and ent.sector == "SET":
                pick = SETTLER_STATES.get(pick, pick)  # settlers near Nablus are Israel's
            if pick:
                ent.country = pick
                ent.how = ent.how + "+context" if ent.how != "none" else "context"


def _speaker_key(event: Event) -> str | None:
    """Who made a statement, as far as the record tells (the first actor's code and name)."""
    a = event.actors[0] if event.actors else None
    return f"{a.code}|{a.name or ''}" if a is not None and a.code else None


def _another_episode(verb) -> bool:
    """Does the verb's clause place its violence apart from what the article told before:
    another time ("killed *after* the attack") or another, indefinite act ("killed in *an*
    ambush near Sibi")?"""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in ("after", "before", "since", "following", "until"):
            return True
        if prep.lower_ in ("in", "during") and any(
                o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in o.children)
                for o in prep.children):
            return True
    return False


def other_clauses(sent, trigger, statement: bool = False) -> list[tuple[int, int]]:
    """Spans (sentence offsets) of the clauses of ``sent`` that tell of something other than
    the event of ``trigger``, so that their dates are not the event's: a relative clause that
    does not hold the trigger ("released the journalists, who were detained last Friday"),
    and, for a statement, what it says ("X says bodies have been found since the attacks began
    Tuesday": not when X said it)."""
    deps = {"relcl", "ccomp"} if statement else {"relcl"}
    out = []
    for tok in sent:
        if tok.dep_ not in deps or tok.left_edge.i <= trigger.i <= tok.right_edge.i:
            continue
        end = tok.right_edge
        out.append((tok.left_edge.idx - sent.start_char, end.idx + len(end) - sent.start_char))
    return out


STATE_SECTORS = {"GOV", "MIL", "LEG", "JUD"}
BLOC_WORDS = frozenset({"western", "european", "international", "regional", "african", "arab", "asian",
                        "latin", "gulf", "world", "global"})
DIPLOMATIC_ROOTS = {"03", "04", "05", "06", "07", "08"}


class Pipeline:
    """Codes articles into events. Construct once; call many times.

    >>> pipe = Pipeline()
    >>> events = pipe.code(article)
    """

    def __init__(self, *, model: str | None = None, kb_paths: Iterable[str] = (), learned: bool = True,
                 convention: str | Convention | None = None):
        self.convention = get_convention(convention)  # dyad's own unless named (dyad.events.conventions)
        self.nlp = load_nlp(model or DEFAULT_MODEL)
        self.onto = load_ontology()
        self.patterns = load_patterns()
        self.kb = load_kb(tuple(str(p) for p in kb_paths))
        self._places = None
        # the learned fallback for sentences the patterns miss (dyad.events.learned)
        self.type_model = load_type_model() if learned else None
        self.holdout_fold: int | None = None  # set by `dyad eval` on sets the model was trained on

    # -- stages after the coder ------------------------------------------------------
    def _gazetteer(self):
        if self._places is None:
            from dyad.places import load_gazetteer

            self._places = load_gazetteer()
        return self._places

    def _finish(self, event: Event, sent, trigger, dateline, resolver: ActorResolver, dates=None,
                coder=None) -> Event:
        from dyad.places import locate_event

        # ``dates`` carries the article's previous event date ("the next day", "two days later")
        dates = dates if dates is not None else ArticleDates(event.pub_date)
        event.date = dates.resolve(sent.text, offset=sent.start_char, anchor=trigger.idx - sent.start_char,
                                   skip=other_clauses(sent, trigger, statement=event.cameo[:2] == "01"))
        if event.date.date > event.pub_date and event.modality != "intended":
            # a date after publication belongs to something planned, not to this event
            event.date = EventDate(event.pub_date, "pub")
        # the sentence's own dating, for the confidence model (a date carried back is not read there)
        own_dated = event.date.precision != "pub"
        if coder is not None and not own_dated and event.modality != "intended":
            # "were also killed in the attack": the date of the attack the article told before
            refers = coder.referred_code(trigger, event.cameo)
            if (refers is None and event.cameo[:2] in ("18", "19", "20") and trigger.pos_ == "VERB"
                    and not _another_episode(trigger)):
                # "They opened fire on the convoy": more of the violence the article just dated
                refers = event.cameo
            if refers is not None:
                event.date = dates.carried(sent.text, refers) or event.date
            elif event.cameo[:2] == "01" and _speaker_key(event):
                # "X said on Tuesday ... . X also said ...": the same statement, the same day
                event.date = dates.carried(sent.text, event.cameo, _speaker_key(event)) or event.date
        fill_actors(event, trigger, resolver)  # "X issued a declaration demanding ...": X
        fill_recipients(event, trigger, resolver)  # "halted aid to Serbia": a party deeper in the clause
        host_states(event, resolver)  # "arrived in Moscow": Russia, not its people
        prefer = [e.country for e in event.actors + event.recipients if e.country]
        prefer += resolver.main_countries()
        event.location = locate_event(sent, trigger, gazetteer=self._gazetteer(), dateline=dateline,
                                      prefer_countries=tuple(dict.fromkeys(prefer)))
        fill_located_attack(event, trigger, resolver)  # "a roadside bombing near Samarra": UAF of the place
        fill_countries_from_context(event, resolver.main_countries(), resolver)
        event.features["context"] = float(any("context" in e.how for e in event.actors + event.recipients))
        event.features["located"] = float(event.location is not None and event.location.how == "sentence")
        event.features["dated"] = float(own_dated)
        if event.coder_kind == "model":
            # calibrated on the sentences where the model actually speaks (scripts/calibrate.py)
            calibrator = load_calibrator(self.holdout_fold, kind="model")
            event.confidence = (calibrator({"model": event.features["model"]}) if calibrator
                                else event.features["model_confidence"])
        else:
            calibrator = load_calibrator(self.holdout_fold)
            event.confidence = calibrator(event.features) if calibrator else heuristic_confidence(event.features)
        return event  # the ontology fields are filled once the convention has had its say (code_doc)

    def _convention_confidence(self, event: Event) -> Event:
        """Under another convention, confidence is recalibrated to agreement with that coder."""
        if self.convention.name != "dyad":
            calibrator = load_convention_calibrator(self.convention.name, self.holdout_fold)
            if calibrator is not None:
                event.confidence = calibrator({"logit": logit(event.confidence)})
        return event

    # -- public ----------------------------------------------------------------------
    def code_doc(self, article: Article, doc, dateline=None) -> Coded:
        resolver = ActorResolver(doc, self.kb, article.date)
        coder = SentenceCoder(self.patterns, resolver, article.id, article.date, self.convention)
        events: list[Event] = []
        dates = ArticleDates(article.date)  # the previous event's date, for "the next day"
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            first = len(events)
            found = coder.code_sentence(sent)
            if self.type_model is not None and all(ev.cameo.startswith("01") for ev in found):
                # nothing but a plain statement: ask the learned model
                extra = model_event(coder, sent, self.type_model, fold=self.holdout_fold)
                if extra is not None:
                    found = [extra]
            for ev in found:
                trigger = doc.char_span(ev.trigger.span[0], ev.trigger.span[1], alignment_mode="expand")
                head = trigger.root if trigger is not None else sent.root
                events.append(self._finish(ev, sent, head, dateline, resolver, dates,
                                           coder if trigger is not None else None))
            events[first:] = [fill_codes(self._convention_confidence(e), self.onto)
                              for e in apply_convention(events[first:], self.convention)]
            # once more with the countries the context filled in: one root for one dyad once
            events[first:] = coder.dedup(events[first:])
            for ev in events[first:]:
                dates.note(ev.cameo, ev.date, _speaker_key(ev))  # for "the attack" told again later
            dates.advance(sent.text, [e.date for e in events[first:]], offset=sent.start_char)
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


def _init_worker(model: str | None, kb_paths: tuple[str, ...], learned: bool = True,
                 convention: str = "dyad") -> None:
    global _WORKER  # one pipeline per worker process, built once
    _WORKER = Pipeline(model=model, kb_paths=kb_paths, learned=learned, convention=convention)


def _code_in_worker(article: Article) -> tuple[Article, list[Event]]:
    assert _WORKER is not None
    return article, _WORKER.code(article)


class PooledPipeline:
    """``Pipeline``'s interface over N worker processes, each with its own model.

    For big batches on a machine with several cores; results come back in input
    order. Use as a context manager (or call ``close``) to stop the workers.
    """

    def __init__(self, workers: int, *, model: str | None = None, kb_paths: Iterable[str] = (), learned: bool = True,
                 convention: str | Convention | None = None):
        import multiprocessing

        self.workers = workers
        kb_paths = tuple(str(p) for p in kb_paths)
        self._local = Pipeline(model=model, kb_paths=kb_paths, learned=learned, convention=convention)  # single articles
        self.convention = self._local.convention
        ctx = multiprocessing.get_context("spawn")
        self._pool = ctx.Pool(workers, initializer=_init_worker,
                              initargs=(model, kb_paths, learned, self.convention.name))

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
