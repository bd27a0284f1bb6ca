"""Coding conventions: the choices on which event coders differ, made explicit.

Event coders agree on most sentences and differ, on purpose, on a few kinds:
is "Germany will supply tanks to Poland" an act (072) or an intention
(033)? Is "Ukraine said Russian troops shelled a village" an attack or an
accusation? A :class:`Convention` names those choices, so that a user can pick
the one their data must follow and every record says which one coded it.

``dyad`` (the default) codes what the text asserts and keeps the reported act:

* a future or scheduled act is an intention (03x) or nothing yet;
* "A said B attacked C" is B's attack on C, reported by A;
* an event is kept when one side is unknown ("gunmen killed five");
* "A and B met" is A meeting B;
* what a clause describing a noun tells ("the group that has seized parts of
  Iraq") is coded too.

``petrarch`` follows PETRARCH2, for users who extend or compare with series it
coded (Phoenix and its successors). Each switch is one of its documented habits:

* ``future_acts``: tense is not coded, so "will supply tanks" is the supply (072)
  and "is scheduled to attend a summit" the meeting (04x);
* ``said_attacks``: its verb transformations: "A said B attacked C" is A accusing
  B (112); "A said A attacked B" is A claiming the attack on B (015);
* ``complete_only``: only complete (source, target, code) triples are events;
* ``place_targets``: a target is any coded noun in the verb's phrases, places
  included, so "met in Madrid" is a meeting with Spain;
* ``modifier_clauses`` off: events are read from the verb phrases of the
  sentence, not from clauses inside noun phrases;
* ``reciprocal_pairs`` off: the coordinated subjects of a reciprocal verb are
  all sources, each acting on the verb's target ("A and B met in Madrid": A and
  B each meet Spain), where dyad pairs them (A meets B).

A convention changes which events come out and how they are coded, never the
actors, dates or places found; the record's ``coder.convention`` names it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from dyad.errors import DyadError
from dyad.records import Entity, Event

# the roots of attacks: "A said B attacked C" is an accusation under ``said_attacks``
ATTACK_ROOTS = frozenset({"18", "19", "20"})
# the verbs of saying the transformations apply to ("reported" is a news report, not a claim)
SAY_VERBS = frozenset({"say", "claim", "allege", "state", "insist", "maintain", "assert", "announce"})


@dataclass(frozen=True, slots=True)
class Convention:
    """One set of answers to the questions coders differ on (see the module docstring)."""

    name: str
    description: str
    future_acts: bool = False
    said_attacks: bool = False
    complete_only: bool = False
    place_targets: bool = False
    modifier_clauses: bool = True
    reciprocal_pairs: bool = True


DYAD = Convention("dyad", "dyad's own: code what the text asserts; future acts are intentions")
PETRARCH = Convention(
    "petrarch",
    "PETRARCH2's: future acts coded as acts, reported attacks as accusations, complete triples only",
    future_acts=True,
    said_attacks=True,
    complete_only=True,
    place_targets=True,
    modifier_clauses=False,
    reciprocal_pairs=False,
)
CONVENTIONS = {c.name: c for c in (DYAD, PETRARCH)}


def get_convention(convention: "str | Convention | None") -> Convention:
    """A convention by name (``dyad``, ``petrarch``); ``None`` is dyad's own."""
    if convention is None:
        return DYAD
    if isinstance(convention, Convention):
        return convention
    try:
        return CONVENTIONS[convention.strip().lower()]
    except KeyError:
        names = ", ".join(CONVENTIONS)
        raise DyadError(f"unknown coding convention {convention!r}: choose one of {names}") from None


def _coded(entities: list[Entity]) -> bool:
    return any(e.code for e in entities)


def _place_entity(event: Event) -> Entity | None:
    """The country of the place the sentence puts the event in, as a participant."""
    loc = event.location
    if loc is None or loc.how != "sentence" or not loc.country:
        return None
    span = loc.span or event.trigger.span
    return Entity(text=loc.name, span=span, name=loc.name, country=loc.country, how="place")


def _said_attack(event: Event) -> Event | None:
    """PETRARCH2's transformation of an attack reported by a coded speaker, else None.

    "Ukraine said Russian troops shelled a village": Ukraine accuses the
    attackers (112). "The rebels said they had attacked the base": the speakers
    claim the attack (015), on its target.
    """
    speakers = [e for e in event.speakers if e.code]  # PETRARCH2 transforms only for a coded speaker
    if not speakers or event.cameo[:2] not in ATTACK_ROOTS or event.speech_verb not in SAY_VERBS:
        return None
    if any(a.span == s.span or a.country and a.country == s.country for a in event.actors for s in speakers):
        # the speakers did it: a claim, by the attackers as the sentence resolved them
        code, actors, recipients = "015", list(event.actors), list(event.recipients)
    elif _coded(event.actors):
        code, actors, recipients = "112", speakers, list(event.actors)  # someone else did it: an accusation
    else:
        return None
    return replace(event, cameo=code, actors=actors, recipients=recipients, modality="asserted",
                   coder_name=event.coder_name + ">said:" + code)


def apply(events: list[Event], convention: Convention) -> list[Event]:
    """The convention's rewriting of one sentence's finished events (places and countries known).

    The coding choices made inside the coder (``future_acts``, ``modifier_clauses``)
    are already in ``events``; this applies the ones that need the finished event.
    """
    out = []
    for ev in events:
        if convention.said_attacks:
            ev = _said_attack(ev) or ev
        if convention.place_targets and not _coded(ev.recipients):
            place = _place_entity(ev)
            if place is not None:
                ev.recipients = [place]
        if convention.complete_only and not (_coded(ev.actors) and _coded(ev.recipients)):
            continue
        ev.convention = convention.name
        out.append(ev)
    return out
