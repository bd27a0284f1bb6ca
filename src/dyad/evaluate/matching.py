"""How dyad's events are read against gold labels: types, roots, actors.

Pure functions over :class:`dyad.records.Event`; the scorers build on them.
The CAMEO -> PLOVER facts come from the ontology tables in ``dyad.data``;
the CAMEO -> ACLED mapping (for CASE 2021 only) is ``dyad/data/acled_types.csv`` beside
this module.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Sequence

from dyad.data import load_ontology, read_csv
from dyad.records import Entity, Event

Span = tuple[int, int]

# PLOVER types the ZSP PLV set merges: it labels both as YIELD.
ZSP_MERGED_TYPES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}

# Country spellings of the PLOVER gold records that differ from ISO-3.
COUNTRY_ALIASES = {"ITL": "ITA", "JAP": "JPN", "VTN": "VNM"}
# Sector spellings of the gold records that differ from CAMEO's.
SECTOR_ALIASES = {"CIV": "CVL"}

# Every international organisation or transnational group compares equal:
# gold sets label Amnesty, the UN and NATO alike as "IGO", and al-Qaeda "IMG".
TRANSNATIONAL = "INT*"
_EXTRA_TRANSNATIONAL = frozenset({"ISM"})  # older gold spelling for a transnational Islamist actor

ACLED_TABLE = "acled_types.csv"  # in dyad/data

# Penta classes of the ConfliBERT CAMEO set, by CAMEO root: 01-02, 03-05, 06-08, 09-13, 14-20,
# except root 16 (reduce relations), which the set's labels put with verbal conflict: of the
# 56 dev sentences dyad codes 16 (aid suspended, ties cut, mediation ended), 55 are labelled 3.
PENTA_ROOTS = {0: (1, 2), 1: (3, 4, 5), 2: (6, 7, 8), 3: (9, 10, 11, 12, 13, 16), 4: (14, 15, 17, 18, 19, 20)}


# --- event codes ---------------------------------------------------------------


def event_root(event: Event) -> str:
    """The CAMEO root ("05") of an event, from its code when not filled in."""
    return event.cameo_root or (event.cameo or "")[:2]


def event_plover(event: Event) -> str | None:
    """The PLOVER type of an event, from the ontology when not filled in."""
    if event.plover:
        return event.plover.upper()
    found = load_ontology().plover_for(event.cameo)[0] if event.cameo else None
    return found.upper() if found else None


def zsp_type(event: Event) -> str | None:
    """The PLOVER type as the ZSP PLV set spells it (CONCEDE, RETREAT -> YIELD).

    Appeals (CAMEO 02) are REQUEST already in dyad's ontology (see ``dyad.data``).
    """
    t = event_plover(event)
    return ZSP_MERGED_TYPES.get(t, t) if t else None


def penta_class(root: str) -> int | None:
    """ConfliBERT penta class (0..4) of a CAMEO root, None if not a root 01-20."""
    try:
        n = int(root[:2])
    except (TypeError, ValueError):
        return None
    for cls, roots in PENTA_ROOTS.items():
        if n in roots:
            return cls
    return None


@lru_cache(maxsize=1)
def acled_table() -> dict[str, str]:
    """CAMEO prefix -> ACLED event type, from ``acled_types.csv``."""
    return {row["cameo_prefix"]: row["acled_event_type"] for row in read_csv(ACLED_TABLE)}


def acled_type(cameo: str) -> str | None:
    """The ACLED event type of a CAMEO code (longest prefix in the table), or None."""
    table = acled_table()
    for n in range(len(cameo), 1, -1):
        hit = table.get(cameo[:n])
        if hit:
            return hit
    return None


# --- spans and picking the event that answers the question ------------------------


def find_span(text: str, needle: str) -> Span | None:
    """Where ``needle`` first occurs in ``text`` (exact, then ignoring case)."""
    if not needle:
        return None
    i = text.find(needle)
    if i < 0:
        i = text.casefold().find(needle.casefold())
    return (i, i + len(needle)) if i >= 0 else None


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def mentions(entities: Sequence[Entity], spans: Sequence[Span], texts: Sequence[str]) -> bool:
    """Whether any entity overlaps a gold span (or, lacking spans, shares text with it)."""
    for ent in entities:
        if any(_overlaps(tuple(ent.span), s) for s in spans):
            return True
        if not spans and ent.text:
            low = ent.text.casefold()
            if any(t and (low in t.casefold() or t.casefold() in low) for t in texts):
                return True
    return False


def best_event(
    events: Iterable[Event],
    text: str = "",
    actor_texts: Sequence[str] = (),
    recipient_texts: Sequence[str] = (),
    usable: Callable[[Event], bool] = lambda ev: True,
) -> Event | None:
    """dyad's answer for one unit: the usable event that best fits the given roles.

    Events whose actors overlap the gold actor text and whose recipients overlap
    the gold recipient text come first (one point for each role), then higher
    confidence, then text order. With no role texts this is the most confident
    usable event.
    """
    a_spans = [s for s in (find_span(text, t) for t in actor_texts) if s]
    r_spans = [s for s in (find_span(text, t) for t in recipient_texts) if s]
    best, best_key = None, None
    for ev in events:
        if not usable(ev):
            continue
        fit = 0
        if actor_texts and mentions(ev.actors, a_spans, actor_texts):
            fit += 1
        if recipient_texts and mentions(ev.recipients, r_spans, recipient_texts):
            fit += 1
        key = (fit, ev.confidence)
        if best_key is None or key > best_key:
            best, best_key = ev, key
    return best


# --- actors ------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _transnational_codes() -> frozenset[str]:
    onto = load_ontology()
    generic = {"IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS"} & set(onto.actor_types)
    groups = set(onto.known_groups) - set(onto.country_codes)  # PSE is both: keep it a country
    return frozenset(generic | groups | _EXTRA_TRANSNATIONAL)


def country_key(code: str | None) -> str | None:
    """A gold or predicted actor code reduced to what country comparison uses.

    The first three letters, with old spellings mended and every international
    organisation or transnational group folded into one key. "---" (petrarch's
    "any") and empty codes give None.
    """
    head = (code or "").strip().upper()[:3]
    if not head or head == "---":
        return None
    head = COUNTRY_ALIASES.get(head, head)
    return TRANSNATIONAL if head in _transnational_codes() else head


def entity_country(ent: Entity) -> str | None:
    """The country key of a predicted entity (see :func:`country_key`)."""
    if ent.country:
        return country_key(ent.country)
    if ent.group:
        return TRANSNATIONAL
    # no country: only a transnational role ("IGO", "NGO"...) says anything about it
    if country_key(ent.sector) == TRANSNATIONAL:
        return TRANSNATIONAL
    return None


def countries(entities: Iterable[Entity]) -> set[str]:
    return {k for k in (entity_country(e) for e in entities) if k}


def sector_key(sector: str | None) -> str | None:
    """A gold sector reduced to its CAMEO role ("CVLalb" -> "CVL"); "***" and empty -> None."""
    s = (sector or "").strip()
    if not s or s.startswith("*"):
        return None
    s = s[:3].upper()
    return SECTOR_ALIASES.get(s, s)


def entity_sectors(ent: Entity) -> set[str]:
    """The 3-letter roles in a predicted entity's sector ("GOVMIL" -> {GOV, MIL})."""
    s = (ent.sector or "").upper()
    return {SECTOR_ALIASES.get(s[i : i + 3], s[i : i + 3]) for i in range(0, len(s) - 2, 3)}


def entity_plover_sectors(ent: Entity) -> set[str]:
    """A predicted entity's sectors in PLOVER's vocabulary (dyad's are CAMEO's: INS and SEP
    are PLOVER's REB, HLH its MED...; see :mod:`dyad.actors.plover`)."""
    from dyad.actors.plover import plover_sectors

    return set(plover_sectors(ent))


def code_matches(gold_code: str, entities: Sequence[Entity]) -> bool:
    """Petrarch rule: the gold actor's country prefix ("---" = any) against predicted entities."""
    want = country_key(gold_code)
    if want is None:
        return True
    return any(entity_country(e) == want for e in entities)
