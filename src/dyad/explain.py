"""Explanations for ``dyad explain``: what the coder saw and decided for a text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from dyad.events.code import Dropped
from dyad.records import Article, Event


@dataclass(slots=True)
class Explanation:
    tokens: list[tuple] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    code_names: dict[str, str] = field(default_factory=dict)


def explain(text: str, pub_date: Date, *, pipeline=None) -> Explanation:
    """Code ``text`` and collect the parse, the name/sector matches and dropped triggers."""
    from dyad.actors.resolve import index_doc
    from dyad.pipeline import Pipeline

    pipe = pipeline or Pipeline()
    coded = pipe.code_article(Article(id="explain", date=pub_date, text=text))
    doc = coded.doc
    idx = index_doc(doc, pipe.kb)
    rows = []
    for tok in doc:
        if tok.is_space:
            continue
        name = idx.names.get(tok.i)
        sector = idx.sectors.get(tok.i)
        rows.append((
            tok.i, tok.text, tok.lemma_, tok.pos_, tok.dep_, f"{tok.head.i}:{tok.head.text}",
            tok.ent_type_ or "",
            (name.ref.country or name.ref.group or "") + f" ({name.ref.kind})" if name else "",
            sector.ref if sector else "",
        ))
    names = {code: c.name for code, c in pipe.onto.codes.items()}
    return Explanation(rows, coded.events, coded.dropped, names)
