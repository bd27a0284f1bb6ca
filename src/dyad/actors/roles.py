"""Roles the coder left empty, filled after it from the event's own clause and place.

The coder reads an event's actors and recipients from the arguments its pattern
names (subject, object, the object of a given preposition). Many sentences name
the other party deeper in the clause: "halted economic aid *to Serbia*", "threatened
to break relations *with Russia*", "rejected a *U.S.* request", "blockades *in the
West Bank*". The pipeline calls these functions on each event (``dyad.pipeline``):

- :func:`fill_recipients` (before geocoding): an event whose recipients name no actor
  (none, or only things: "a call", "air links", "Thursday") takes the first actor its
  trigger's clause names, beyond its own actors; a place where something is done
  ("reimposed blockades in the West Bank") counts after any other, and not in a
  statement, an appeal or a meeting (a meeting's town is no party);
- :func:`fill_located_attack` (after geocoding): an attack, killing or other violence
  (CAMEO 18-20) with no identified attacker has the attackers of the place where it
  happened, unidentified (UAF with the place's country: "a roadside bombing near
  Samarra"), and unnamed victims are the place's people;
- :func:`fill_actors`: an event with no actor whose trigger describes a document or
  statement ("issued a declaration *demanding* ...") has the issuer as its actor.

A role found here has ``+clause`` (or ``place``) in its ``how``.
"""

from __future__ import annotations

from dyad.actors.resolve import _LOCATIVE, _PLACE_KINDS, _WHERE, ActorResolver
from dyad.records import Entity, Event

# Dependency labels of noun phrases that can be a party to the event.
_ARG_DEPS = frozenset({"dobj", "pobj", "dative", "conj", "appos", "nsubj", "nsubjpass", "attr", "agent",
                       "oprd", "poss"})
# Clauses that are not the event's own: who said it, and asides.
_OUTSIDE = frozenset({"parataxis"})
# Clauses inside the event's clause that speak of something else: found there, a party
# counts only when the clause proper names none ("threatened to ... unless Baghdad accepted").
_ASIDE = frozenset({"advcl", "acl", "relcl", "ccomp", "csubj"})
# Prepositions of circumstance: what follows is when or why, not who ("following the deaths of").
_CIRCUMSTANCE = frozenset({"after", "before", "following", "since", "during", "despite", "amid", "amidst",
                           "until", "because", "ahead", "pending"})
_SAYING = frozenset({"say", "tell", "report", "announce", "add", "quote", "accord", "claim"})
# Event roots with no place as a party: statements, appeals, meetings.
_NO_PLACE_ROOTS = frozenset({"01", "02", "04"})
_VIOLENT_ROOTS = frozenset({"18", "19", "20"})


def _named(ent: Entity) -> bool:
    return bool(ent.country or ent.group)


def _resolved(ent: Entity) -> bool:
    return bool(ent.country or ent.sector or ent.group)


_POSSESSIVES = frozenset({"its", "their", "his", "her"})


def _own_thing(ent: Entity, taken: set[str]) -> bool:
    """What the actor's own possessive names ("suspended *its* development aid", "withdraw
    *its* troops"): no other party."""
    if not ent.how.startswith("coref") or ent.group or ent.country not in taken:
        return False
    return not ent.sector or ent.text.split(" ", 1)[0].lower() in _POSSESSIVES


def _scope(trigger, skip: set[int]) -> dict[int, tuple[int, int]]:
    """Token index -> (aside, depth) of the tokens that belong to the event of ``trigger``:
    its subtree, and, for a noun that is the subject of a verb ("a roadside bombing killed
    one soldier"), that verb's objects; ``aside`` is 1 inside a clause of its own ("unless
    Baghdad accepted") or a phrase of circumstance ("following the deaths of"), ``depth``
    the number of arcs from the trigger. Tokens in ``skip``
    (the actors' phrases) are left out with what hangs from them."""
    out: dict[int, tuple[int, int]] = {}
    stack = [(trigger, 0, 0)]
    if (trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass")
            or trigger.tag_ == "VBG" and trigger.dep_ == "advcl") and trigger.head.pos_ in ("VERB", "AUX"):
        # "a roadside bombing killed one soldier"; "fired on the camps, killing 50"
        stack += [(c, 0, 1) for c in trigger.head.children if c.dep_ in ("dobj", "prep", "dative", "agent")]
    while stack:
        tok, pen, depth = stack.pop()
        if tok.i in out or tok.i in skip:
            continue
        out[tok.i] = (pen, depth)
        for c in tok.children:
            if c.dep_ in _OUTSIDE or (c.pos_ == "VERB" and c.lemma_.lower() in _SAYING and c.i != trigger.i):
                continue
            if c.dep_ == "prep" and c.lower_ == "according":
                continue
            aside = c.dep_ in _ASIDE or (c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE)
            stack.append((c, max(pen, 1) if aside else pen, depth + 1))
    return out


def _actor_tokens(event: Event, trigger) -> set[int]:
    """The tokens of the actors' phrases, with everything that hangs from their heads
    ("Demonstrators *in Baghdad*"); not the trigger (an actor implied by it: "rioting")."""
    out: set[int] = set()
    for a in event.actors:
        span = trigger.doc.char_span(a.span[0], a.span[1], alignment_mode="expand")
        if span is None or not len(span) or span.root.i == trigger.i:
            continue
        out.update(range(span.start, span.end))
        out.update(t.i for t in span.root.subtree)
    out.discard(trigger.i)
    return out


def _candidate(tok, resolver: ActorResolver) -> bool:
    """Could the noun phrase headed by ``tok`` name a party? (Cheap: something in it is a name.)"""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in _ARG_DEPS:
        return False
    idx = resolver.index
    lo, hi = tok.left_edge.i, min(tok.right_edge.i, tok.i + 6)  # "forces *in east Bosnia*"
    return any(i in idx.names or i in idx.places or i in idx.persons for i in range(lo, hi + 1))


def _is_place(tok, resolver: ActorResolver) -> bool:
    """A country, region or town named as where something is done ("in the West Bank")."""
    idx = resolver.index
    m = idx.names.get(tok.i) or idx.places.get(tok.i)
    return bool(m is not None and m.ref.kind in _PLACE_KINDS and tok.dep_ == "pobj"
                and tok.head.lower_ in _WHERE)


def fill_recipients(event: Event, trigger, resolver: ActorResolver) -> bool:
    """Give an event whose recipients name no actor the first party its clause names.

    Returns whether it found one. The parties of the clause proper come first, then
    those of an aside ("unless Baghdad accepted"); within each, the nearest to the trigger
    in the parse (a place where something is done, or a word that is no actor and names one
    in its phrase, counts one arc further), then text order. A party already among the
    actors is skipped, and so is a thing of the actor's own country ("its labour market").
    """
    root = event.cameo[:2]
    taken = {a.country for a in event.actors if a.country}
    if root == "01" or any(_resolved(r) and not _own_thing(r, taken) for r in event.recipients):
        return False
    spans = [a.span for a in event.actors]
    doc = trigger.doc
    skip = _actor_tokens(event, trigger)
    scope = _scope(trigger, skip)
    found: list[tuple[tuple[int, int, int], list[Entity]]] = []
    for i, (pen, depth) in scope.items():
        tok = doc[i]
        if i == trigger.i or not _candidate(tok, resolver):
            continue
        place = _is_place(tok, resolver)
        if place and root in _NO_PLACE_ROOTS:
            continue
        ents = [e for e in resolver.resolve(tok) if _named(e)
                and not any(s[0] < e.span[1] and e.span[0] < s[1] for s in spans)]
        ents = [e for e in ents if place or e.sector or e.group or e.country not in taken]
        if ents:
            # a place, or a word that is no actor ("the deaths *of two Israelis*"), is one arc further
            further = place or not resolver._names_actor(i)
            found.append(((pen, depth + int(further), i), ents))
    if not found:
        return False
    found.sort(key=lambda f: f[0])
    best = found[0][1]
    head = doc[found[0][0][2]]
    # "the United States and Britain": the conjuncts come along
    for key, ents in found[1:]:
        tok = doc[key[2]]
        if tok.dep_ == "conj" and tok.head.i == head.i and key[0] == found[0][0][0]:
            best = best + ents
    for e in best:
        e.how = e.how + "+clause" if e.how != "none" else "clause"
    event.recipients = best
    return True


def fill_located_attack(event: Event, trigger, resolver: ActorResolver) -> None:
    """An attack (CAMEO 18-20) in a place the sentence names, by attackers nobody named:
    the place's unidentified armed actors (UAF, its country); victims the sentence does
    not name are its people (CVL)."""
    loc = event.location
    if event.cameo[:2] not in _VIOLENT_ROOTS or loc is None or loc.how != "sentence" or not loc.country:
        return
    country = resolver.kb.country_on(loc.country, resolver._day)
    where = tuple(loc.span) if loc.span else (trigger.idx, trigger.idx + len(trigger.text))
    where_text = resolver.text[where[0]:where[1]]
    if not any(_named(a) for a in event.actors):
        unnamed = [a for a in event.actors if not a.sector or a.sector == "UAF"]
        if unnamed or not event.actors:
            if not unnamed:
                unnamed = [Entity(where_text, where)]  # nobody named: the place's attackers
                event.actors = unnamed + event.actors
            for a in unnamed:
                a.country, a.sector = country, "UAF"
                a.how = a.how + "+place" if a.how != "none" else "place"
    if not any(_resolved(r) for r in event.recipients):
        event.recipients = [Entity(where_text, where, country=country, sector="CVL", how="place")]


# Nouns for what an actor issues, whose participle says what the actor does.
_ISSUED = frozenset({"statement", "declaration", "communique", "communiqué", "letter", "report", "resolution",
                     "message", "appeal", "ultimatum", "decree", "order", "note", "memorandum", "document",
                     "warning", "notice", "proclamation", "manifesto", "petition", "motion", "bill"})


def fill_actors(event: Event, trigger, resolver: ActorResolver) -> bool:
    """An event with no actor whose trigger qualifies something issued ("X issued a
    declaration demanding ...", "X sent a letter accusing ..."): X. Returns whether it found one."""
    if any(_resolved(a) for a in event.actors):
        return False
    host = trigger.head
    if trigger.dep_ != "acl" or host.lemma_.lower() not in _ISSUED or host.dep_ != "dobj":
        return False
    subjects = [c for c in host.head.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    spans = [r.span for r in event.recipients]
    found = [e for e in resolver.resolve(subjects[0]) if _resolved(e)
             and not any(s[0] < e.span[1] and e.span[0] < s[1] for s in spans)]
    if not found:
        return False
    for e in found:
        e.how = e.how + "+clause" if e.how != "none" else "clause"
    event.actors = found
    return True
