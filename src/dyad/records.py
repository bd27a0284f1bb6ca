"""Typed records that flow between dyad's stages.

Every stage reads and returns these; nothing else crosses a stage boundary.
Spans are ``(start, end)`` character offsets into ``Article.text`` (the body,
without the ``date``/title line).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

Span = tuple[int, int]


@dataclass(slots=True)
class Article:
    """One dated news story. ``text`` is the body; spans index into it."""

    id: str
    date: Date
    text: str
    title: str = ""
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # file (and line) it was read from

    @property
    def content_hash(self) -> str:
        """Hash of the normalised title and body, for idempotent storage."""
        body = " ".join((self.title + "\n" + self.text).split()).lower()
        return hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Entity:
    """An actor or recipient: a mention resolved to country and sector.

    ``how`` says what resolved it: ``title`` (a title or office in the mention),
    ``name`` (a country, demonym or organisation name), ``metonym`` (a capital
    or seat standing for its government), ``coref`` (an earlier mention in the
    article), ``kb`` (the knowledge base of persons), ``context`` (the
    article's main parties) or ``none``.
    """

    text: str
    span: Span
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    how: str = "none"
    group: str | None = None  # CAMEO known-group code (UNO, NAT, HMS...), if any

    @property
    def code(self) -> str | None:
        """CAMEO actor code: country (or IGO) code, then sector, then known group."""
        if not (self.country or self.sector or self.group):
            return None
        return (self.country or "") + (self.sector or "") + (self.group or "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "code": self.code,
            "span": list(self.span),
            "how": self.how,
            "group": self.group,
        }


@dataclass(slots=True)
class Location:
    """Where an event happened, geocoded to the packaged gazetteer."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    span: Span | None = None
    admin1: str | None = None
    feature: str | None = None  # country | admin1 | city
    # sentence | dateline | actor | admin1-from-context | country-from-context (a toponym the
    # gazetteer lacks, placed in the division or country its context gives; span: the toponym)
    how: str = "sentence"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "span": list(self.span) if self.span else None,
            "admin1": self.admin1,
            "feature": self.feature,
            "how": self.how,
        }


@dataclass(slots=True)
class EventDate:
    """An event's date resolved against the publication date.

    ``precision`` is ``day``, ``month``, ``range`` or ``pub`` (no date in the
    text: the publication date stands in). ``end`` is set for ranges.
    """

    date: Date
    precision: str
    end: Date | None = None
    text: str | None = None
    span: Span | None = None


@dataclass(slots=True)
class Trigger:
    text: str
    span: Span
    lemma: str = ""


@dataclass(slots=True)
class Event:
    """One coded event, in the shape of DESIGN.md section 3."""

    article_id: str
    pub_date: Date
    cameo: str
    trigger: Trigger
    sentence: str
    sentence_span: Span
    actors: list[Entity] = field(default_factory=list)
    recipients: list[Entity] = field(default_factory=list)
    date: EventDate | None = None
    location: Location | None = None
    confidence: float = 0.5
    modality: str = "asserted"  # asserted | intended | reported
    coder_kind: str = "pattern"  # pattern | model | both
    coder_name: str = ""
    convention: str = "dyad"  # the coding convention (dyad.events.conventions) that coded it
    # filled from the ontology by events.ontology.fill_codes
    cameo_root: str = ""
    goldstein: float = 0.0
    quad_class: int = 0
    plover: str | None = None
    plover_mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    # what supported the event (pattern kind, resolved roles, modality...), read by the
    # confidence calibrator; not part of the record
    features: dict[str, float] = field(default_factory=dict, repr=False)
    # who reported the event, and with what verb ("X said Y attacked"): read by the
    # coding conventions; not part of the record
    speakers: list[Entity] = field(default_factory=list, repr=False)
    speech_verb: str | None = field(default=None, repr=False)

    @property
    def event_id(self) -> str:
        """Stable id: same article, trigger position and code give the same id."""
        key = f"{self.article_id}|{self.trigger.span[0]}|{self.trigger.span[1]}|{self.cameo}"
        key += "|" + ",".join(a.text for a in self.actors)
        key += "|" + ",".join(r.text for r in self.recipients)
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """The event record of DESIGN.md section 3, as plain JSON values."""
        d = self.date
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "pub_date": self.pub_date.isoformat(),
            "date": (d.date if d else self.pub_date).isoformat(),
            "date_precision": d.precision if d else "pub",
            "date_end": d.end.isoformat() if d and d.end else None,
            "date_text": d.text if d else None,
            "date_span": list(d.span) if d and d.span else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "contexts": list(self.contexts),
            "actors": [a.to_dict() for a in self.actors],
            "recipients": [r.to_dict() for r in self.recipients],
            "trigger": {"text": self.trigger.text, "span": list(self.trigger.span)},
            "location": self.location.to_dict() if self.location else None,
            "sentence": self.sentence,
            "sentence_span": list(self.sentence_span),
            "confidence": round(self.confidence, 3),
            "modality": self.modality,
            "coder": {"kind": self.coder_kind, "name": self.coder_name, "convention": self.convention},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)


def replace(record, **changes):
    """``dataclasses.replace`` re-exported so stages need not import dataclasses."""
    return dataclasses.replace(record, **changes)
