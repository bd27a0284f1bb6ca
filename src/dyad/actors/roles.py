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


def host_states(event: Event, resolver: ActorResolver) -> None:
    """A place where a visit, a meeting or a statement is made to stands for its state, not
    its people: "arrived in Moscow" is a visit to Russia (RUS), though "a curfew in Algiers"
    is imposed on the people of Algiers (CVL)."""
    if event.cameo[:2] not in _STATE_ROOTS:
        return
    doc = resolver.doc
    for r in event.recipients:
        if r.sector != "CVL" or r.group:
            continue
        span = doc.char_span(r.span[0], r.span[1], alignment_mode="expand")
        if span is not None and len(span) and _is_place(span.root, resolver):
            r.sector = None


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
    if root in _VIOLENT_ROOTS:  # where an attack came from is the attackers' side, not its target
        skip |= {t.i for p in _from_preps(trigger) for t in p.subtree}
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
        if (_is_place(doc[_head_index(e, doc, head)], resolver) and not e.sector and not e.group
                and event.cameo[:2] not in _STATE_ROOTS):
            # "a blockade in Tigray": the people of the place where it is done (but "arrived in
            # Moscow for talks": a visit is to the state, not to its people)
            e.sector = "CVL"
    event.recipients = best
    return True


def _head_index(ent: Entity, doc, default) -> int:
    """The index of the head token of an entity's span (``default``'s when it has none)."""
    span = doc.char_span(ent.span[0], ent.span[1], alignment_mode="expand")
    return span.root.i if span is not None and len(span) else default.i


def _clause_place(trigger, resolver: ActorResolver) -> tuple[str, tuple[int, int]] | None:
    """(country, span) of a place the knowledge base knows but the gazetteer did not geocode,
    named by a preposition of place on the trigger or on the verb its phrase hangs from ("an
    attempt to assassinate ... was thwarted *in Khanty-Mansiysk*")."""
    hosts = [trigger]
    tok = trigger
    for _ in range(2):  # "an attempt to assassinate": attempt -> thwarted
        if tok.dep_ in ("acl", "xcomp", "nsubj", "nsubjpass", "dobj") and tok.head.i != tok.i:
            tok = tok.head
            hosts.append(tok)
        else:
            break
    idx = resolver.index
    for host in hosts:
        for prep in host.children:
            if prep.dep_ != "prep" or prep.lower_ not in _WHERE:
                continue
            for obj in prep.children:
                m = idx.places.get(obj.i) or idx.names.get(obj.i)
                if obj.dep_ == "pobj" and m is not None and m.ref.kind in _PLACE_KINDS and m.ref.country:
                    doc = trigger.doc
                    return m.ref.country, (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
    return None


def _event_place(event: Event, trigger, resolver: ActorResolver) -> tuple[str, tuple[int, int]] | None:
    """(country as of the event day, character span) of where the event happened, from the
    sentence: the geocoded location, else a place the clause names (:func:`_clause_place`)."""
    loc = event.location
    if loc is not None and loc.how == "sentence" and loc.country:
        where = tuple(loc.span) if loc.span else (trigger.idx, trigger.idx + len(trigger.text))
        return resolver.kb.country_on(loc.country, resolver._day), where
    found = _clause_place(trigger, resolver)
    if found is None:
        return None
    return resolver.kb.country_on(found[0], resolver._day), found[1]


def _from_preps(trigger) -> list:
    """The "from" phrases of an attack: on its verb, or on the weapon ("a rocket fired from Gaza hit")."""
    hosts = [trigger] + [a for s in trigger.children if s.dep_ in ("nsubj", "nsubjpass")
                         for a in s.children if a.dep_ == "acl"]
    return [p for h in hosts for p in h.children if p.dep_ == "prep" and p.lower_ == "from"]


def _origin(trigger, resolver: ActorResolver) -> tuple[str, tuple[int, int], str] | None:
    """(country, span, text) of the place an attack came from: "fired *from* Gaza", "launched
    from Lebanese territory"."""
    idx = resolver.index
    for prep in _from_preps(trigger):
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            m = next((x for x in (idx.places.get(t.i) or idx.names.get(t.i) for t in obj.subtree) if x), None)
            if m is not None and m.ref.country and m.ref.kind in _PLACE_KINDS:
                doc = trigger.doc
                span = (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text))
                return resolver.kb.country_on(m.ref.country, resolver._day), span, resolver.text[span[0]:span[1]]
    return None


# Coercion only a state's authorities carry out: administrative sanctions, arrest and
# detention, expulsion, repression (CAMEO 172-175); arrests are the police's.
_AUTHORITY_CODES = ("172", "173", "174", "175", "09")  # sanctions, arrests, expulsions, repression, inquiries
_NOT_STATES = frozenset({"IGO", "NGO", "NGM", "MNC", "IMG", "UIS"})  # CAMEO codes in the country slot that are no state
_STATE_ROOTS = frozenset({"01", "02", "03", "04", "05"})  # talk, appeals, intents, meetings, diplomacy


def fill_located_attack(event: Event, trigger, resolver: ActorResolver) -> None:
    """An attack (CAMEO 18-20) in a place the sentence names, by attackers nobody named:
    the place's unidentified armed actors (UAF, its country); victims the sentence does
    not name are its people (CVL). An arrest, expulsion or other coercion of a state's
    authorities (CAMEO 172-175) or an investigation (09) nobody is named for in a place ("a
    missionary was arrested in Lebanon", "a teacher was investigated in Sudan"): the place's
    authorities (COP for an arrest, else GOV)."""
    root = event.cameo[:2]
    authority = event.cameo.startswith(_AUTHORITY_CODES)
    if root not in _VIOLENT_ROOTS and not authority:
        return
    if authority:
        # "two journalists were expelled from Tanzania": a state that arrests or expels acts
        # through its authorities
        for a in event.actors:
            if a.country and not a.sector and not a.group and a.country not in _NOT_STATES:
                a.sector = "COP" if event.cameo.startswith("173") else "GOV"
    place = _event_place(event, trigger, resolver)
    origin = _origin(trigger, resolver) if not authority else None  # "fired at it *from the Gaza Strip*"
    if place is None:
        if origin is not None and not any(_named(a) for a in event.actors):
            for a in event.actors or []:
                if not a.sector or a.sector == "UAF":
                    a.country, a.sector = origin[0], "UAF"
                    a.how = a.how + "+place" if a.how != "none" else "place"
        return
    country, where = place
    where_text = resolver.text[where[0]:where[1]]
    if authority:
        if not any(_resolved(a) for a in event.actors):
            sector = "COP" if event.cameo.startswith("173") else "GOV"
            event.actors = [Entity(where_text, where, country=country, sector=sector, how="place")]
        return
    if not any(_named(a) for a in event.actors):
        unnamed = [a for a in event.actors if not a.sector or a.sector == "UAF"]
        if unnamed or not event.actors:
            if not unnamed:
                text, span = (origin[2], origin[1]) if origin else (where_text, where)
                unnamed = [Entity(text, span)]  # nobody named: the attackers of the place (of origin)
                event.actors = unnamed + event.actors
            for a in unnamed:
                a.country, a.sector = (origin[0] if origin else country), "UAF"
                a.how = a.how + "+place" if a.how != "none" else "place"
    if not any(_resolved(r) for r in event.recipients):
        event.recipients = [Entity(where_text, where, country=country, sector="CVL", how="place")]


# Nouns for what an actor issues, whose participle says what the actor does ("issued a statement
# demanding", "signed a decree granting"): the coder and the role filler both read them.
ISSUED_NOUNS = frozenset({"statement", "declaration", "communique", "communiqué", "letter", "report", "resolution",
                          "message", "appeal", "ultimatum", "decree", "order", "note", "memorandum", "document",
                          "warning", "notice", "proclamation", "manifesto", "petition", "motion", "bill",
                          "ordinance", "directive"})


def _issuer(event: Event, trigger, resolver: ActorResolver) -> list[Entity]:
    host = trigger.head
    if trigger.dep_ != "acl" or host.lemma_.lower() not in ISSUED_NOUNS or host.dep_ != "dobj":
        return []
    subjects = [c for c in host.head.children if c.dep_ == "nsubj"]
    if not subjects:
        return []
    spans = [r.span for r in event.recipients]
    return [e for e in resolver.resolve(subjects[0]) if _resolved(e)
            and not any(s[0] < e.span[1] and e.span[0] < s[1] for s in spans)]


def _passive(trigger) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)


def _by_agent(event: Event, trigger, resolver: ActorResolver) -> list[Entity]:
    """The agent of a passive trigger that the parser attached as a plain "by" phrase, to the
    trigger or, after it, to the verb its clause hangs from ("X has been accused of misusing
    funds, much of it believed embezzled, *by* government officials")."""
    if not _passive(trigger):
        return []
    hosts = [trigger]
    if trigger.dep_ in ("ccomp", "conj", "xcomp") and trigger.head.i != trigger.i:
        hosts.append(trigger.head)
    spans = [r.span for r in event.recipients]
    for host in hosts:
        for prep in host.children:
            if prep.dep_ not in ("prep", "agent") or prep.lower_ != "by" or prep.i < trigger.i:
                continue
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if not objs:
                continue
            found = [e for e in resolver.resolve(objs[0]) if _named(e)
                     and not any(s[0] < e.span[1] and e.span[0] < s[1] for s in spans)]
            if found:
                return found
    return []


def _root_noun(event: Event, trigger, resolver: ActorResolver) -> list[Entity]:
    """The subject of a sentence the parser read as a bare noun phrase, its verb as a modifier
    ("Doctors from two aid groups [ROOT] donated [acl] and delivered goods to ..."): a verb
    with an object of its own is no participle modifier, so the root noun is its actor."""
    verb = trigger.head if trigger.dep_ == "conj" else trigger  # "donated and delivered"
    if verb.dep_ != "acl" or trigger.pos_ != "VERB":
        return []
    active = any(c.dep_ == "dobj" for t in [verb, *(c for c in verb.children if c.dep_ == "conj")]
                 for c in t.children)
    root = trigger.sent.root
    if not active or root.pos_ not in ("NOUN", "PROPN") or root.i > verb.i \
            or not any(t.i == root.i for t in verb.ancestors):
        return []
    return [e for e in resolver.resolve(root) if _resolved(e)]


def _self_directed(event: Event, trigger) -> bool:
    """An intent or a de-escalation (CAMEO 03, 087) whose grammatical subject is the one who
    acts even in the passive ("Vietnam is committed to ...", "guerrillas were demobilized")."""
    if not (event.cameo.startswith("03") or event.cameo.startswith("087")):
        return False
    return _passive(trigger) and not any(
        c.dep_ in ("dobj", "dative", "agent") or (c.dep_ == "prep" and c.lower_ == "by") for c in trigger.children)


def fill_actors(event: Event, trigger, resolver: ActorResolver) -> bool:
    """An event with no actor: whoever issued the thing its trigger qualifies ("X issued a
    declaration demanding ...", "X sent a letter accusing ..."); the agent of a passive the
    parser left as a plain "by" phrase; or, in an intent or de-escalation, the passive subject
    the coder made the recipient ("guerrillas were demobilized"). Returns whether it found one."""
    if any(_resolved(a) for a in event.actors):
        return False
    found = _issuer(event, trigger, resolver) or _by_agent(event, trigger, resolver)
    if not found:
        found = _root_noun(event, trigger, resolver)
        if found:  # what the coder took from inside the actor's phrase is the actor's
            event.recipients = [r for r in event.recipients
                                if not any(a.span[0] <= r.span[0] and r.span[1] <= a.span[1] for a in found)]
    if not found and _self_directed(event, trigger):
        subjects = {c.i for c in trigger.children if c.dep_ == "nsubjpass"}
        doc = trigger.doc
        moved = [r for r in event.recipients if _resolved(r) and _head_index(r, doc, trigger) in subjects]
        if moved:
            event.recipients = [r for r in event.recipients if r not in moved]
            found = moved
    if not found:
        return False
    for e in found:
        e.how = e.how + "+clause" if e.how != "none" else "clause"
    event.actors = found
    return True
