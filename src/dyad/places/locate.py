"""Where an event happened: the toponym of a parsed sentence that locates its trigger.

Reads a spaCy sentence ``Span`` (dependency parse and entities) and the
trigger ``Token``; sets nothing on the Doc. The only table it needs is the
:class:`~dyad.places.gazetteer.Gazetteer` (with its word cues).

A toponym locates the event when it is:

* the object of a locative preposition ("met in Moscow", "clashes near
  Aleppo", "in the northern city of Mosul", "an attack in Helmand province");
* a destination after a motion word ("his visit to Pakistan", "flew to Kabul");
* the object or passive subject of a verb that acts on a place ("visited
  Pakistan", "Kabul was hit", "the siege of Mariupol").

Toponyms that describe an actor are never chosen: subjects, possessives
("Pakistan's army"), noun modifiers ("the Moscow-based group", "the Kabul
government") and "of" after a person ("the mayor of Nablus").

The small English model often tags a town as a person or an organisation;
such proper names are candidates too when they sit in one of these roles, as
is a capitalised word misread after a locative preposition or a verb acting on
a place ("pounded Sana'a"). Hyphenated names the tokenizer cuts are joined
("Mazar-i-Sharif"); an entity holding a locative preposition is split
("Yangtse in Arunachal Pradesh"); a name owning the object of a locative
preposition locates it ("in Kabul's diplomatic quarter").

Demonyms (tagged or not) and the sentence's other places are hints for
ambiguous names, except a sponsor ("Moscow-backed", "Iran-funded").

Candidates rank by attachment (to the trigger itself, then to its clause, then
anywhere in the sentence), then by how specific the place is (town, division,
country: "in Kandahar in southern Afghanistan" is Kandahar), then by distance
to the trigger. A place inside a clause the trigger reports ("said Putin would
visit Beijing") is the reported event's, not the saying's. Bodies of water and
features at sea ("the Taiwan Strait", "Sabina Shoal") are no place.

A toponym in such a role that the gazetteer does not know ("the village of Um
Kadada", "Cité Soleil") still says where: the event is placed, less precisely,
in the division or country the context gives (``how="admin1-from-context"`` or
``"country-from-context"``; ``span`` holds the unknown name): the sentence's
other places, then its demonyms, then the article's countries, then the
dateline's. The dateline stands in only when the sentence names no place.
A known place that only qualifies such a name ("X, a town in Kaduna state",
"X, north of Dhaka") gives its division, flagged, not itself; a demonym on
"border" ("near the Turkish border") is no country for it.

Conventions: an actor's post ("its ambassador in Tokyo was summoned") and a
route ("resumed flights to Mekelle") are no place of the event, nor is the
place of what a verb of comment is about ("condemned the coup in Niger").

Namesakes the sentence itself rules out: a name "in" a division or country
("Amalfi in Antioquia", "Mafa, Borno state") is the town of that name inside
it, and when the gazetteer has none there ("Kani township in Sagaing
region"), a name it lacks, placed by the division; a small town "near"
another is not taken in a country far from that one's. A town found by
another of its names (Samara by "Samar") yields to a place of the context's
countries that bears the name as its own (the Philippine province), though a
world city yields to no town. A place the sentence calls a village is no
foreign town under 15,000 people. The demonym (or country) of a weapon or
strike ("Russian shelling", "U.S. airstrikes", "Israeli drone strikes") names
who fired, not where: it is no context (not when a force stands between:
"Nigerian military airstrikes", "Malian army drones"); nor is an operator
("Serbian-run", "Russian-held"). A named building or facility "in" a town
("an Aramco facility in Abqaiq", "the Corinthia hotel in Tripoli") is placed
in the town. "In the city" with no other place refers back to the town named
before it ("the mayor of Uruapan ... in the city"); "the streets of X" (or
its square, centre, outskirts) is a place as the object of any verb, and "to
the streets of X" too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from dyad.places.cues import Cues
from dyad.places.gazetteer import HAMLET_MAX_POPULATION, Gazetteer, Place, is_hamlet, is_world_city, normalise
from dyad.records import Location

if TYPE_CHECKING:  # spaCy is only needed by the caller
    from spacy.tokens import Span, Token

    from dyad.parse import Dateline

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels that are never places, even as the object of "in".
NOT_PLACE_LABELS = frozenset(
    "DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL NORP LAW LANGUAGE EVENT WORK_OF_ART".split()
)
CLAUSE_DEPS = frozenset("ROOT ccomp xcomp advcl relcl acl conj parataxis csubj csubjpass pcomp".split())
VERB_POS = frozenset({"VERB", "AUX"})
# Modifier relations through which a name describes the noun it hangs on.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "appos"})
SPECIFICITY = {"city": 0, "admin1": 1, "country": 2}
# Relations a misparsed object of a verb may get: "pounded Sana'a" (advmod).
MISREAD_OBJECT_DEPS = frozenset({"advmod", "npadvmod", "dep", "oprd", "attr"})
# What may follow "Paris, Texas" for the pair to be one qualified name.
_AFTER_QUALIFIER = frozenset({"ADP", "PUNCT", "CCONJ", "VERB", "AUX"})
# A proper noun the entity recogniser did not tag as a place must name a town this large
# (or a newsworthy town of places_towns.csv).
UNTAGGED_MIN_POPULATION = 15000
# Verbs whose object is a place taken, never an organisation: "recaptured Harardhere".
_TAKE = frozenset("capture recapture seize retake overrun liberate besiege encircle".split())
# Nouns after which a demonym names the country across the line: "near the Turkish border".
_BORDER_WORDS = frozenset({"border", "borders", "frontier", "boundary"})


@dataclass(slots=True)
class _Mention:
    start: int  # token indices in the Doc
    end: int
    head_end: int  # end of the name itself, before a ", Qualifier"
    ner: bool  # tagged GPE/LOC/FAC by the entity recogniser
    texts: tuple[str, ...]  # what to look up, best first
    spans: tuple[tuple[int, int], ...]  # character offsets in the Doc of each text


def locate_event(
    sent: Span,
    trigger: Token,
    *,
    gazetteer: Gazetteer,
    dateline: Dateline | None = None,
    prefer_countries: Iterable[str] = (),
) -> Location | None:
    """The place where the event of ``trigger`` happened, or None.

    ``prefer_countries`` (ISO-3) are the article's other places and actors:
    they break ties between towns of the same name. The other places and
    demonyms of the sentence are added to them. ``dateline`` (from
    :func:`dyad.parse.find_dateline`) is used only when the sentence names no
    place; its Location has ``how="dateline"``. ``Location.span`` holds the
    toponym's character offsets in the Doc (article offsets when the whole
    article was parsed).
    """
    cues = gazetteer.cues
    if cues is None:
        raise ValueError("locate_event needs a gazetteer with cues (use load_gazetteer())")
    mentions = _mentions(sent, cues, gazetteer)
    base = set(prefer_countries)
    told: list[tuple[int, str]] = []  # (token index, ISO-3) of the sentence's demonyms
    # demonyms, tagged NORP or not ("Mexican navy personnel"), but not a sponsor's ("Russian-backed")
    demonyms = [(e.text, e.end) for e in _sent_ents(sent) if e.label_ == "NORP"]
    demonyms += [(t.text, t.i + 1) for t in sent if t.text[:1].isupper()]
    demonyms += [
        (f"{t.text} {t.nbor().text}", t.i + 2)  # "Sri Lankan"
        for t in sent[:-1]
        if t.text[:1].isupper() and t.nbor().text[:1].isupper()
    ]
    for text, end in demonyms:
        country = gazetteer.demonym_country(text)
        if country and not _sponsor(sent.doc, end, cues) and not _attacker(sent.doc, end, cues):
            base.add(country)
            if sent.doc[end - 1].head.lower_ not in _BORDER_WORDS:
                # "near the Turkish border" says where in Syria, not that the place is Turkish
                told.append((end, country))

    # A first, context-free reading of the tagged places supplies context for the others;
    # a sponsor ("Moscow-backed separatists in Donetsk") does not.
    in_mention = {i for m in mentions for i in range(m.start, m.end)}
    doc = sent.doc
    anchors = [_anchor(doc, m, cues, in_mention) for m in mentions]
    # (an untagged name that a place noun frames, "the Donetsk region", counts as tagged)
    first: list[Place | None] = [
        _resolve(gazetteer, m, base, ())[0]
        if (m.ner or a[2]) and not _sponsor(doc, m.end, cues) and not _attacker(doc, m.end, cues)
        else None
        for m, a in zip(mentions, anchors)
    ]
    tclause = _clause(trigger)
    best: tuple[tuple[int, int, int, int], Place, tuple[int, int], Token] | None = None
    unknown: tuple[tuple[int, int, int, int], _Mention, Token] | None = None  # the best-placed name nobody knows
    named = False
    # the mention each one only says the whereabouts of: "Amalfi [in Antioquia]", "Mafa, [Borno state]"
    qualifier = [
        next(
            (
                n
                for n, o in enumerate(mentions)
                if n != k
                and (
                    _qualifies(anchors[k][0], anchors[n][0], o, cues, mentions[k].spans[0][0])
                    or _in_after(doc, o, mentions[k], cues)
                )
            ),
            None,
        )
        for k in range(len(mentions))
    ]
    roles = [_tier(a[0], trigger, tclause, cues, m.start) for a, m in zip(anchors, mentions)]
    for n, m in enumerate(mentions):
        anchor, outer, framed, modifier = anchors[n]
        role = roles[n]
        if role is None or _reported(anchor, trigger) or _topic(anchor, trigger, cues):
            # no role, or the place of an event the trigger reports ("said Putin would visit Beijing")
            # or comments on ("condemned the coup in Niger")
            continue
        tier, strong = role
        water = _water(doc, m, cues)
        named = named or m.ner and not water
        others = [p for k, p in enumerate(first) if k != n and p is not None]
        # the countries of the sentence's other places: of those in a place's role ("near
        # Aurora, Illinois") also let a small town beat a world city; an actor's ("U.S.
        # negotiators") only break ties
        hints = base | {p.country for p in others if p.country}
        places = {p.country for k, p in enumerate(first) if k != n and p is not None and p.country and roles[k]}
        admins = [p.admin1 for p in others if p.feature == "admin1" and p.admin1]
        if water:
            # "the Taiwan Strait", "the Jordan River": no place, unless a town bears the whole name
            place = gazetteer.resolve(m.texts[0], prefer_countries=hints, place_countries=places)
            if place is None or place.feature != "city":
                continue
            span = m.spans[0]
        else:
            place, span = _resolve(gazetteer, m, hints, admins, places)
            quals = [mentions[k] for k in range(len(mentions)) if k != n and qualifier[k] == n]
            if quals and (place is None or place.feature == "city"):
                place = _in_qualifier(gazetteer, m, place, quals[0], hints)
            elif place is not None and place.country not in hints and span in m.spans:
                place = _own_name_in_context(gazetteer, m.texts[m.spans.index(span)], place, hints)
            if place is None and framed and m.texts[-1][:1].isupper() and gazetteer.ignored(m.texts[-1]) == "common":
                # "the town of Sake" near Congolese troops: a place noun says the word is a town
                place = _own_name_in_context(gazetteer, m.texts[-1], None, hints)
                span = m.spans[-1]
            if (
                place is not None
                and place.feature == "city"
                and place.population < HAMLET_MAX_POPULATION
                and hints
                and place.country not in gazetteer.near(hints)
                and _called_village(doc, m, anchor)
            ):
                place = None  # "Soro, a village in ..." near Burkinabe soldiers: not the Danish town of 8,000
        key = (tier, SPECIFICITY.get(place.feature, 3) if place else 0, int(outer), abs(anchor.i - trigger.i))
        if place is None:
            # tagged as a place, framed by a place noun, or a proper name the tagger took for
            # an organisation after a locative preposition ("clashed in Sainte-Soline")
            told_place = m.ner or framed or tier == 0 and _proper_name(doc, m) and (strong or _is(anchor.head, _TAKE))
            if told_place and (unknown is None or key < unknown[0]) and _unknown_name(gazetteer, m):
                unknown = (key, m, anchor)
            continue
        if modifier and place.feature == "country" and _is(anchor, cues.facility):
            continue  # "a U.S. military base": the country owns the base, it does not locate it
        weak = not (m.ner or strong or framed)
        if weak and is_hamlet(place, UNTAGGED_MIN_POPULATION):
            continue  # "visited Merkel": a person the tagger missed, not a hamlet (Faya-Largeau is known abroad)
        if best is None or key < best[0]:
            best = (key, place, span, anchor)
    if unknown is not None and (
        best is None
        or unknown[0][0] < best[0][0]
        # not the town "near" which it is, nor the division it is "in" ("X, a town in Kaduna state")
        or _qualifies(best[3], unknown[2], unknown[1], cues, best[2][0])
        and (best[1].feature == "city" or _settlement(doc, unknown[1], unknown[2], cues))
        # but a facility's name is no town: "an Aramco facility in Abqaiq" is in Abqaiq
        and not (best[1].feature == "city" and (_is(unknown[2], cues.facility) or _is(unknown[2], cues.building)))
    ):
        # the event's own place is a name the gazetteer lacks: its division or country from the context
        context = _context_place(gazetteer, unknown[1], mentions, first, told, prefer_countries, dateline)
        if context is not None:
            how = "admin1-from-context" if context.feature == "admin1" else "country-from-context"
            return context.to_location(span=unknown[1].spans[-1], how=how)
    if best is not None:
        return best[1].to_location(span=best[2], how="sentence")
    if unknown is None:
        # "killed the mayor of Uruapan during a festival in the city": the city named before
        found = _the_city(gazetteer, sent, trigger, tclause, mentions, base)
        if found is not None:
            return found[0].to_location(span=found[1], how="sentence")
    if dateline is not None and not named:
        hints = base | {p.country for p in first if p is not None and p.country}
        place = gazetteer.resolve(dateline.place, prefer_countries=hints)
        if place is not None:
            return place.to_location(span=dateline.span, how="dateline")
    return None


def _the_city(
    gazetteer: Gazetteer, sent: Span, trigger: Token, tclause: Token, mentions: list[_Mention], hints: set[str]
) -> tuple[Place, tuple[int, int]] | None:
    """The town a bare "in the city" (or town, village) of the event refers back to.

    The nearest name before it that is a town, in any role ("the mayor of X"), when the
    sentence names no other place for the event.
    """
    cues = gazetteer.cues
    for t in sent:
        if not (t.lower_ in cues.city_word and t.dep_ == "pobj" and t.head.lower_ in cues.locative_prep):
            continue
        kids = list(t.children)
        if not (kids and kids[0].lower_ == "the" and all(c.dep_ in ("det", "amod") for c in kids)):
            continue  # "the city", "the northern city", not "the city of X" nor "a city"
        if _tier(t, trigger, tclause, cues, t.i) is None or _reported(t, trigger):
            continue
        for m in sorted((m for m in mentions if m.end <= t.i), key=lambda m: -m.end):
            root = sent.doc[m.start : m.end].root
            if _sponsor(sent.doc, m.end, cues) or root.dep_ in ("nsubj", "nsubjpass", "poss"):
                continue  # not an actor's name: "Kabul's envoy ... in the city"
            place, span = _resolve(gazetteer, m, hints, ())
            if place is not None and place.feature == "city":
                return place, span
        return None
    return None


_VILLAGE_WORDS = frozenset({"village", "villages", "hamlet", "community"})


def _called_village(doc, m: _Mention, anchor: Token) -> bool:
    """The sentence calls the place a village: "the village of X", "X village", "X, a village in ..."."""
    if anchor.lower_ in _VILLAGE_WORDS or m.end < len(doc) and doc[m.end].lower_ in _VILLAGE_WORDS:
        return True
    root = doc[m.start : m.end].root
    return any(c.dep_ == "appos" and c.lower_ in _VILLAGE_WORDS for c in root.children)


def _own_name_in_context(gazetteer: Gazetteer, text: str, place: Place | None, hints: set[str]) -> Place | None:
    """A place of the context's countries that bears ``text`` as its own name, over ``place`` abroad
    found by another of its names: "Philippine troops ... in Samar" is the Philippine province,
    not Samara, Russia. A place's own name ("Paris") is never displaced, nor a world city by a town."""
    key = _key(text)
    if place is not None and (place.feature != "city" or key == _key(place.name)):
        return place  # (a country or division by a curated alias stays: "Holland" near U.S. troops)
    for code in sorted(hints):
        own = gazetteer.named(text, country=code)
        if own is not None and _key(own.name) == key and not (place and own.feature == "city" and is_world_city(place)):
            return own  # (a world city still hides a town: "Geneva" near U.S. officials is Swiss)
    return place


def _key(name: str) -> str:
    return normalise(name).replace(" ", "").replace("-", "")


def _in_after(doc, m: _Mention, q: _Mention, cues: Cues) -> bool:
    """``q`` follows ``m`` as "m [township] in [the] [northern] q", however the parser attached the "in"."""
    i = m.end
    if i < q.start and doc[i].lower_ in cues.feature_word:
        i += 1
    if i >= q.start or doc[i].lower_ != "in":
        return False
    i += 1
    while i < q.start and (doc[i].lower_ == "the" or doc[i].lower_ in cues.direction):
        i += 1
    return i == q.start


# A town "near" another (or "north of" it) in a country not next to that one's is taken
# for an unknown namesake below this size.
_NEAR_TOWN_MAX_POPULATION = 50_000


def _in_qualifier(gazetteer: Gazetteer, m: _Mention, place: Place | None, q: _Mention, hints: set[str]) -> Place | None:
    """The town ``m`` names inside the division or country ``q`` that qualifies it, or None.

    "Amalfi in Antioquia" is the Colombian Amalfi (and Antioquia the Colombian
    department, not Antakya); "Kani township in Sagaing region" is no Japanese Kani
    but a township the gazetteer lacks (None: the division's context places it).
    A town qualifier ("X near Gao", "X, north of El Obeid") rules out only a small
    town in a country that is not Gao's nor next to it.
    """
    head = m.texts[-1]
    for qtext in q.texts:
        got = gazetteer.resolve(f"{head}, {qtext}", prefer_countries=hints)
        if got is not None and got.feature == "city" and _inside(gazetteer, got, q):
            return got
    if place is None or _inside(gazetteer, place, q):
        return place
    areas = [a for a in (gazetteer.resolve(t) for t in q.texts) if a is not None and a.country]
    if any(a.feature in ("admin1", "country") for a in areas):
        return None  # a namesake abroad: the division says where the place the gazetteer lacks is
    if (
        areas
        and place.population < _NEAR_TOWN_MAX_POPULATION
        and place.country not in gazetteer.near({areas[0].country})
    ):
        return None  # "X near Gao": no small town of a country far from Gao
    return place


def _inside(gazetteer: Gazetteer, place: Place, q: _Mention) -> bool:
    """``place`` lies in the country ``q`` names, or in a country where ``q`` names a place.

    (Not necessarily in its division: the gazetteer does not know every town's.)
    """
    if place.country is None:
        return False
    for qtext in q.texts:
        if gazetteer.named(qtext, country=place.country) is not None:
            return True
        c = gazetteer.resolve(qtext)
        if c is not None and c.country == place.country:
            return True
    return False


def _settlement(doc, m: _Mention, b: Token, cues: Cues) -> bool:
    """The unknown mention reads as a town or village: tagged GPE or framed by a place noun.

    Not "the Line of Control [in Kashmir]" (LOC), where the division is the place.
    """
    return doc[m.start].ent_type_ == "GPE" or b.i not in range(m.start, m.end) or any(
        c.dep_ == "appos" and _is(c, cues.place_noun) for c in doc[m.start : m.end].root.children
    )


def _qualifies(a: Token, b: Token, m: _Mention, cues: Cues, begin: int) -> bool:
    """The place at ``a`` only says where the mention ``m`` (anchored at ``b``) is.

    "the village of Beita [near Nablus]", "Burqa [near Ramallah]", "Um Kadada [in North
    Darfur]", "Kuriga, a town [in Kaduna state]", "Gazipur, north of [Dhaka]" (whose anchor
    climbed to Gazipur).
    """
    if m.start <= a.i < m.end and begin > a.doc[m.end - 1].idx:
        return True  # after it ("Gazipur, north of Dhaka"), not its owner ("Lahore's Zaman Park")
    if a.dep_ != "pobj" or a.head.dep_ != "prep":
        return False
    h = a.head.head
    if h.i == b.i or m.start <= h.i < m.end:
        return True
    # "X, a town in Y": the preposition hangs on a place noun in apposition to X
    return h.dep_ == "appos" and _is(h, cues.place_noun) and (h.head.i == b.i or m.start <= h.head.i < m.end)


def _context_place(
    gazetteer: Gazetteer,
    m: _Mention,
    mentions: list[_Mention],
    first: list[Place | None],
    told: list[tuple[int, str]],
    prefer_countries: Iterable[str],
    dateline: Dateline | None,
) -> Place | None:
    """The division or country an unknown toponym most likely lies in, or None.

    The sentence's nearest other place ("X in North Darfur": North Darfur; "X near
    Nablus": Nablus's division, else its country), else its nearest demonym ("Syrian
    troops", "the Yemeni port of X"), else the article's first country
    (``prefer_countries``), else the dateline's country.
    """
    near = sorted(
        (min(abs(o.start - m.end), abs(m.start - o.end)), k)
        for k, o in enumerate(mentions)
        if first[k] is not None and o is not m
    )
    for _, k in near:
        p = first[k]
        if p.feature == "admin1":
            return p
        if p.feature == "city" and p.admin1:
            region = gazetteer.named(p.admin1, country=p.country) if p.country else None
            if region is not None and region.feature == "admin1":
                return region
        if p.country:
            return gazetteer.country_place(p.country)
    codes = [c for _, c in sorted(told, key=lambda t: abs(t[0] - m.start))]
    codes += list(prefer_countries)
    if dateline is not None:
        place = gazetteer.resolve(dateline.place)
        if place is not None and place.country:
            codes.append(place.country)
    for code in codes:
        place = gazetteer.country_place(code)
        if place is not None:
            return place
    return None


def _proper_name(doc, m: _Mention) -> bool:
    """An untagged mention that reads like a toponym: proper nouns tagged ORG or nothing, not a person's name."""
    toks = doc[m.start : m.end]
    return all(t.pos_ == "PROPN" or t.text == "-" for t in toks) and all(t.ent_type_ in ("", "ORG") for t in toks)


def _unknown_name(gazetteer: Gazetteer, m: _Mention) -> bool:
    """The mention reads as a place name the gazetteer lacks, not as an ignored word or a lower-case phrase."""
    text = m.texts[0]
    article, dash, rest = text.partition("-")
    if dash and article in _ARTICLE_PARTICLES:
        text = rest  # "al-Hol camp"
    return text[:1].isupper() and not any(gazetteer.ignored(t) for t in m.texts)


def _water(doc, m: _Mention, cues: Cues) -> bool:
    """A body of water or a feature at sea: "the Taiwan Strait", "Sea of Japan", "Lake Chad", "Sabina Shoal"."""
    words = m.texts[0].lower().split()
    if words and (words[-1] in cues.water_word or words[0] in cues.water_word):
        return True
    return m.end < len(doc) and doc[m.end].lower_ in cues.water_word and doc[m.end - 1].head.i == m.end


def _finite(v: Token) -> bool:
    """A clause of its own tense ("would visit", "struck", "that ... attacked"), not "farmers harvesting"."""
    return v.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass", "mark") for c in v.children)


def _reported(a: Token, trigger: Token) -> bool:
    """``a`` sits in a clause the trigger reports: "[said] Putin would visit Beijing"."""
    crossed = False
    t = a
    for _ in range(50):
        if t.i == trigger.i:
            return crossed
        if t.head.i == t.i:
            return False
        if t.dep_ == "ccomp" and t.pos_ in VERB_POS and _finite(t):
            crossed = True
        t = t.head
    return False


# Words for a force between a demonym and its weapon: "Nigerian military airstrikes" are often at home.
_FORCE_WORDS = frozenset("military army government regime junta police naval security federal state".split())


def _attacker(doc, end: int, cues: Cues) -> bool:
    """The demonym before ``end`` names who fired a weapon: "Russian shelling", "an Israeli drone strike".

    Such strikes mostly land abroad, so the demonym says nothing of where. Not when a
    force stands between ("Sudanese army drones", "a Ukrainian sea drone"): those are
    often at home.
    """
    t = doc[end - 1]
    h = t.head
    if t.dep_ not in ("amod", "compound", "nmod") or h.i <= t.i or not _is(h, cues.weapon):
        return False
    return all(x.pos_ == "ADJ" and x.lower_ not in _FORCE_WORDS or _is(x, cues.weapon) for x in doc[end : h.i])


def _topic(a: Token, trigger: Token, cues: Cues) -> bool:
    """``a`` locates what a verb of comment is about: "condemned the coup [in Niger]",
    "accused of massacres [in Tigray]", not the comment ("criticized it at a briefing in Beijing")."""
    if not _is(trigger, cues.comment_verb) or a.dep_ != "pobj" or a.head.dep_ != "prep":
        return False
    t = a.head.head  # what the preposition hangs on
    if t.i == trigger.i or t.pos_ not in ("NOUN", "PROPN"):
        return False
    for _ in range(6):
        if t.dep_ == "prep" and t.lower_ in cues.locative_prep:
            return False  # "at a briefing in Beijing": where the comment was made
        if t.head.i == trigger.i:
            return t.dep_ in ("dobj", "nsubjpass", "prep")
        if t.dep_ not in ("pobj", "prep", "dobj", "compound", "conj"):
            return False
        t = t.head
    return False


def _sponsor(doc, end: int, cues: Cues) -> bool:
    """The name before ``end`` is glued to a sponsor word: "Moscow-backed", "Iranian-funded"."""
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and doc[end + 1].lower_ in cues.sponsor
    )


def _resolve(
    gazetteer: Gazetteer, m: _Mention, hints: Iterable[str], admins: Iterable[str], places: Iterable[str] = ()
) -> tuple[Place | None, tuple[int, int]]:
    for text, span in zip(m.texts, m.spans):
        place = gazetteer.resolve(text, prefer_countries=hints, prefer_admin1=admins, place_countries=places)
        if place is not None:
            return place, span
    return None, m.spans[-1]


# -- mentions -----------------------------------------------------------------------


def _sent_ents(sent: Span) -> list[Span]:
    """``sent.ents``, from a list kept on the Doc: ``Span.ents`` rebuilds every entity
    of the Doc on each call, and a long article asks once per event."""
    doc = sent.doc
    ents = doc.user_data.get("dyad_ents")
    if ents is None:
        ents = doc.user_data["dyad_ents"] = list(doc.ents)
    return [e for e in ents if e.start >= sent.start and e.end <= sent.end]


def _mentions(sent: Span, cues: Cues, gazetteer: Gazetteer) -> list[_Mention]:
    """Toponym candidates: GPE/LOC/FAC entities (``ner``), and other proper names.

    The entity recogniser often tags a small town as a person or an
    organisation ("in Kharkiv" as PERSON); such names are candidates too, but
    only count when they sit in a locative role and name a sizeable town.
    """
    doc = sent.doc
    spans: list[tuple[int, int, bool]] = []
    taken: set[int] = set()
    for e in _sent_ents(sent):
        for part_start, part_end in _parts(doc, e.start, e.end, cues):
            start = part_start
            # "Dera" + "Ismail Khan": a proper-noun compound the entity left out
            while start > sent.start and _leading_compound(doc[start - 1], part_start, part_end):
                start -= 1
            taken.update(range(start, part_end))
            if e.label_ in PLACE_LABELS:
                spans.append((start, part_end, True))
            elif e.label_ not in NOT_PLACE_LABELS or e.label_ == "NORP":
                if any(t.text[:1].isupper() for t in doc[start:part_end]):
                    spans.append((start, part_end, False))
            elif all(t.pos_ == "PROPN" for t in doc[start:part_end]):  # "near Manbij" tagged DATE
                spans.append((start, part_end, False))
    for tok in sent:
        if tok.i in taken or not tok.text[:1].isupper() or tok.i == sent.start:
            continue
        if tok.pos_ != "PROPN" and not (
            tok.pos_ in ("ADJ", "NOUN") and tok.dep_ in MODIFIER_DEPS and tok.head.lower_ in cues.feature_word
        ):
            # a proper noun, or "the Kyiv region" with Kyiv tagged as an adjective, or a
            # name the tagger misread right after a locative preposition or a verb acting
            # on a place ("pounded Sana'a" with Sana'a as an adverb)
            prev = doc[tok.i - 1]
            if tok.pos_ in ("PRON", "DET", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM"):
                continue
            if not (prev.lower_ in cues.locative_prep or prev.pos_ == "VERB" and _is(prev, cues.target_verb)):
                continue
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # part of its head's name
        start = tok.i
        while start > sent.start and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
            start -= 1
        if any(i in taken for i in range(start, tok.i)):
            start = tok.i
        spans.append((start, tok.i + 1, False))
        taken.update(range(start, tok.i + 1))
    spans = _hyphen_chains(doc, spans, sent.end, gazetteer)
    merged = _merge(doc, spans, gazetteer)
    return [_mention(doc, start, end, head_end, ner, cues) for start, end, head_end, ner in merged]


def _parts(doc, start: int, end: int, cues: Cues) -> list[tuple[int, int]]:
    """An entity split at a locative preposition inside it: "Yangtse in Arunachal Pradesh"."""
    out = []
    for i in range(start + 1, end - 1):
        if doc[i].pos_ == "ADP" and doc[i].lower_ in cues.locative_prep:
            out.append((start, i))
            start = i + 1
    out.append((start, end))
    return out


# Lower-case words inside hyphenated place names: "Mazar-i-Sharif", "Rostov-on-Don".
_HYPHEN_PARTICLES = frozenset("i e al el ul ur on upon na au aux de des du di da le la les sur am an im".split())
# Arabic articles that start the second word of a name: "Dayr az-Zawr", "Ras al-Ain", "Deir el-Balah".
_ARTICLE_PARTICLES = frozenset("al el az ez ad ed as es ash an ar at ul".split())


def _hyphen_chains(
    doc, spans: list[tuple[int, int, bool]], hi: int, gazetteer: Gazetteer
) -> list[tuple[int, int, bool]]:
    """Spans widened over a hyphenated name the tokenizer cut ("Mazar" "-" "i" "-" "Sharif").

    Sorted, with overlapping spans joined.
    """
    out: list[tuple[int, int, bool]] = []
    for start, end, ner in sorted(spans):
        while end + 1 < hi and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            nxt = doc[end + 1]
            if nxt.text[:1].isupper() and nxt.is_alpha and doc[start : end + 2].text in gazetteer:
                end += 2  # "Guinea-Bissau", but not "Moscow-Kyiv talks"
            elif (
                nxt.lower_ in _HYPHEN_PARTICLES
                and end + 3 < hi
                and doc[end + 2].text == "-"
                and not nxt.whitespace_
                and not doc[end + 2].whitespace_
                and doc[end + 3].is_alpha
                and doc[end + 3].text[:1].isupper()
            ):
                end += 4
            else:
                break
        if (
            end + 2 < hi
            and doc[end].lower_ in _ARTICLE_PARTICLES
            and doc[end - 1].whitespace_
            and not doc[end].whitespace_
            and doc[end + 1].text == "-"
            and not doc[end + 1].whitespace_
            and doc[end + 2].is_alpha
            and doc[end + 2].text[:1].isupper()
        ):
            end += 3  # "Dayr" + "az-Zawr", "Ras" + "al-Ain": the name goes on after an Arabic article
        if out and start < out[-1][1]:
            ps, pe, pn = out[-1]
            out[-1] = (ps, max(pe, end), pn or ner)
        else:
            out.append((start, end, ner))
    return out


def _leading_compound(t: Token, start: int, end: int) -> bool:
    """ "Dera" before the entity "Ismail Khan": a proper-noun compound the entity left out."""
    return t.pos_ == "PROPN" and t.dep_ == "compound" and start <= t.head.i < end and t.ent_iob_ == "O"


def _merge(doc, spans: list[tuple[int, int, bool]], gazetteer: Gazetteer) -> list[tuple[int, int, int, bool]]:
    """Join "Paris" "," "Texas" into one qualified mention, and "Jammu" "and" "Kashmir" when that is a name."""
    out: list[tuple[int, int, int, bool]] = []
    for start2, end2, ner2 in spans:
        if out:
            start, end, head_end, ner = out[-1]
            between = doc[end].text if start2 == end + 1 else None
            if between == "," and ner2 and (end2 >= len(doc) or doc[end2].pos_ in _AFTER_QUALIFIER):
                out[-1] = (start, end2, head_end, ner or ner2)
                continue
            if between == "and" and doc[start:end2].text in gazetteer:
                out[-1] = (start, end2, end2, ner or ner2)
                continue
        out.append((start2, end2, end2, ner2))
    return out


def _mention(doc, start: int, end: int, head_end: int, ner: bool, cues: Cues) -> _Mention:
    while start < end - 1 and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start + 1 and doc[end - 1].text in ("'s", "’s", "'", "’", ",", "."):
        end -= 1
    begin = doc[start].idx
    words = [t.text for t in doc[start:end]]
    ends = [t.idx + len(t.text) for t in doc[start:end]]
    texts = [doc[start:end].text]
    spans = [(begin, ends[-1])]
    # "Helmand province" where the entity stops before "province"
    if end < len(doc) and doc[end].lower_ in cues.feature_word and doc[end - 1].head.i == end:
        texts.insert(0, texts[0] + " " + doc[end].text)
        spans.insert(0, (begin, doc[end].idx + len(doc[end].text)))
    # "Zaporizhzhia nuclear plant" -> "Zaporizhzhia"
    while len(words) > 1 and (words[-1].lower() in cues.feature_word or words[-1].islower()):
        words.pop()
        ends.pop()
        texts.append(" ".join(words))
        spans.append((begin, ends[-1]))
    return _Mention(start, end, max(head_end, start + 1), ner, tuple(texts), tuple(spans))


# -- roles --------------------------------------------------------------------------


def _anchor(doc, m: _Mention, cues: Cues, in_mention: set[int]) -> tuple[Token, bool, bool, bool]:
    """The token whose place in the parse gives the mention its role, and three flags.

    Climbs from the mention's head through "X province", "the city of X" and
    "Syria's Idlib" to the phrase that hangs on the rest of the sentence.
    ``outer``: the mention only qualifies another place ("Baghdad's Green
    Zone", "the Paris suburb of Nanterre"). ``framed``: a place noun frames it
    ("the town of X", "X province"), so it is a place even if untagged.
    ``modifier``: the name modifies the noun that carries the role ("Kabul
    airport", "Pakistan's Swat Valley").
    """
    a = doc[m.start : m.head_end].root
    outer = framed = modifier = False
    if any(c.dep_ == "appos" and _is(c, cues.place_noun) for c in a.children):
        framed = True  # "Bentiu, the capital of Unity State"
    for step in range(6):
        h = a.head
        if h.i == a.i:
            break
        if a.dep_ in MODIFIER_DEPS and (
            h.lower_ in cues.feature_word or h.i in in_mention or step == 0 and _named_part(a, h, cues)
        ):
            if step == 0 and (h.i in in_mention or _has_of_place(h, in_mention) and h.lower_ not in cues.admin_word):
                outer = True  # "the Paris suburb of Nanterre", not "the Barmal district of Paktika"
            framed = framed or h.lower_ in cues.feature_word
            modifier = modifier or step == 0
            a = h
            continue
        if a.dep_ == "pobj" and h.lower_ == "of" and _is(h.head, cues.place_noun):
            framed = True
            a = h.head
            continue
        break
    return a, outer, framed, modifier


def _named_part(a: Token, h: Token, cues: Cues) -> bool:
    """ "in Kabul's diplomatic quarter", "at a Lagos market": a place's part, where something happened.

    The name owns a noun that is the object of a locative preposition; an actor
    noun there ("confidence in Moscow's leaders") is no place, but events rarely
    sit in such phrases.
    """
    return (
        a.dep_ in ("poss", "compound")
        and h.pos_ == "NOUN"
        and h.dep_ == "pobj"
        and h.head.lower_ in cues.locative_prep
        and a.ent_type_ in PLACE_LABELS
    )


def _has_of_place(h: Token, in_mention: set[int]) -> bool:
    """``h`` has an "of" naming a place: "suburb" in "the Paris suburb of Nanterre"."""
    return any(c.lower_ == "of" and any(g.i in in_mention for g in c.children) for c in h.children)


def _tier(a: Token, trigger: Token, tclause: Token, cues: Cues, first: int) -> tuple[int, bool] | None:
    """(tier, strong) for a mention's anchor, or None when it is no location.

    tier 0: locates the trigger itself; 1: its clause; 2: elsewhere in the
    sentence. strong: a locative preposition says it is a place. ``first``:
    where the mention starts.
    """
    for _ in range(6):  # "in Kabul and Kandahar", "in Kabul, the capital": the first conjunct's role
        if a.dep_ in ("conj", "appos") and a.head.i != a.i:
            a = a.head
        else:
            break
    dep = a.dep_
    head = a.head
    if dep == "pobj":
        word = head.lower_
        h = head.head
        for _ in range(3):  # "marched north from X", "pushed back from X": the verb
            if h.dep_ in ("advmod", "prt", "npadvmod") and h.pos_ in ("ADV", "ADP", "PART", "NOUN") and h.head.i != h.i:
                h = h.head
            else:
                break
        # "evacuated the wounded from X", "sent troops to X": the preposition may hang on the object
        v = h.head if h.dep_ == "dobj" and h.head.pos_ in VERB_POS else h
        # "outside of X", "the road out of X"
        outside_of = (
            word == "of" and head.dep_ == "prep" and (head.head.lower_ in cues.locative_prep or head.head.lower_ == "out")
        )
        if word in cues.locative_prep and _is(h, cues.post_noun) and h.dep_ in ("nsubj", "nsubjpass"):
            return None  # "its ambassador in Tokyo [was summoned]": the actor's post
        if word in cues.locative_prep or outside_of:
            return _attach(h, trigger, tclause), True  # "in X", "outside of X"
        if word in cues.destination_prep and (_moves(h, cues) or v.i != h.i and _moves(v, cues) or _town_part(a, cues)):
            return _attach(h, trigger, tclause), False
        if word == "on" and (
            _is(h, cues.on_head)
            or _is(a, cues.place_noun)
            or _light_verb(h, cues.on_head)
            or h.pos_ == "NOUN" and _is(h, cues.feature_word)  # "a camp on Lesbos", "a base on Okinawa"
        ):
            return _attach(h, trigger, tclause), False
        if word == "from" and (_is(h, cues.from_head) or _is(v, cues.from_head)):
            return _attach(h, trigger, tclause), False
        if word == "of" and (h.i == trigger.i or _is(h, cues.event_noun) or _light_verb(h, cues.event_noun)):
            return _attach(h, trigger, tclause), True
        return None
    if dep in ("dobj", "nsubjpass") and _is(head, cues.target_verb):
        return _attach(head, trigger, tclause), False
    if dep in ("dobj", "nsubjpass") and head.pos_ in VERB_POS and _town_part(a, cues):
        return _attach(head, trigger, tclause), False  # "roamed the streets of Bamako"
    if dep in ("npadvmod", "advmod") and _is(a, cues.place_noun):
        return _attach(head, trigger, tclause), True  # "repelled an advance north of N'Djamena"
    prev = a.doc[first - 1] if first > 0 else None
    if prev is not None and prev.lower_ in cues.locative_prep and prev.dep_ != "prep" and dep not in ("nsubj", "poss"):
        return _attach(head, trigger, tclause), True  # "around Bakhmut" parsed as two adverbs
    if prev is not None and prev.pos_ == "VERB" and dep in MISREAD_OBJECT_DEPS and _is(prev, cues.target_verb):
        return _attach(prev, trigger, tclause), False  # "pounded Sana'a" with Sana'a read as an adverb
    if (
        prev is not None
        and prev.pos_ == "VERB"
        and dep == "nsubj"
        and head.i > a.i
        and _is(prev, cues.target_verb)
        and not any(c.dep_ in ("dobj", "obj") for c in prev.children)
    ):
        return _attach(prev, trigger, tclause), False  # "pounded Avdiivka, Ukraine's military said": no subject
    return None


def _town_part(a: Token, cues: Cues) -> bool:
    """ "the streets of X", "the centre of X": a part of a named town."""
    return _is(a, cues.town_part) and any(c.lower_ == "of" for c in a.children)


def _light_verb(h: Token, nouns: frozenset[str]) -> bool:
    """ "launched an offensive on Tripoli", "took control of Kidal": the preposition hangs on the verb of the noun."""
    return h.pos_ in VERB_POS and any(c.dep_ == "dobj" and _is(c, nouns) for c in h.children)


def _is(t: Token, words: frozenset[str]) -> bool:
    """The token's lemma or its lower-case form is in ``words`` (the tagger misses some lemmas)."""
    return t.lower_ in words or t.lemma_.lower() in words


def _moves(h: Token, cues: Cues) -> bool:
    if not _is(h, cues.motion) or h.lower_ in cues.route_noun:
        return False  # "resumed flights to Mekelle": a route, not a trip
    if h.lemma_.lower() == "send":  # "sent troops to Mali", not "sent a letter to Ukraine"
        return not any(c.dep_ == "dobj" and c.lemma_.lower() in cues.message_noun for c in h.children)
    return True


def _clause(t: Token) -> Token:
    """The verb heading the clause ``t`` is in (or the sentence root)."""
    for _ in range(50):
        if t.head.i == t.i or (t.dep_ in CLAUSE_DEPS and t.pos_ in VERB_POS):
            break
        t = t.head
    return t


def _attach(h: Token, trigger: Token, tclause: Token) -> int:
    t = h
    for _ in range(50):
        if t.i == trigger.i:
            return 0
        if t.head.i == t.i or (t.dep_ in CLAUSE_DEPS and t.pos_ in VERB_POS):
            break
        t = t.head
    return 1 if t.i == tclause.i else 2
