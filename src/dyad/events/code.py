"""The event coder: patterns over the dependency parse -> coded events.

Reads a parsed sentence (spaCy ``Span``), the compiled ``Patterns`` and an
``ActorResolver`` for the article; returns ``Event`` records with CAMEO codes,
roles, modality, trigger and evidence. Dates, places and the ontology fields
are filled by later stages (see ``dyad.pipeline``).

Every decision not to emit an event is recorded as a ``Dropped`` note so that
``dyad explain`` can say why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from dyad.actors.resolve import ActorResolver
from dyad.actors.roles import ISSUED_NOUNS
from dyad.events.confidence import heuristic_confidence
from dyad.events.conventions import DYAD, Convention
from dyad.events.instruments import refine as refine_by_instrument
from dyad.events.patterns import NounPattern, Patterns, VerbPattern
from dyad.records import Entity, Event, Trigger

HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must", "can", "ought"}
HYPOTHETICAL_MARK = {"if", "unless", "whether", "lest"}
FUTURE_AUX = {"will", "shall", "'ll"}
NEGATORS = {"not", "n't", "never", "no"}
# Governors under which the embedded event does not happen ("failed to", "unlikely to").
FAILURE_VERBS = {"fail", "cancel", "postpone", "delay", "avoid", "stop", "cease",
                 "unlikely", "unable", "reluctant", "unwilling"}
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJ = {"nsubjpass", "csubjpass"}
OBJECT_CONTROL = {"appeal", "demand"}  # "urged Iran to talk": Iran is the embedded subject
SPEAKER_PRONOUNS = {"it", "they", "we"}
# What is only possible, allowed or wished for did not happen: "the possibility of talks",
# "no chance of a truce", "a decree that permits shooting"; readiness is an intention.
POSSIBILITY_NOUNS = {"possibility", "prospect", "prospects", "likelihood", "chance", "chances", "option",
                     "scenario", "risk", "danger", "threat", "fear", "fears", "hope", "hopes"}
NO_ROOM_NOUNS = {"room", "need", "plan", "plans", "intention", "sign", "evidence", "question", "point", "way",
                 "time", "reason", "basis"}
POSSIBLE_ADJS = {"possible", "potential", "likely", "planned", "proposed", "expected", "prospective", "mooted",
                 "threatened", "looming", "imminent", "impending", "hypothetical", "would-be"}
RELUCTANCE_NOUNS = {"reluctance", "unwillingness", "refusal", "hesitance", "hesitancy", "hesitation", "failure"}
WILLINGNESS_NOUNS = {"willingness", "readiness", "availability", "preparedness", "eagerness", "desire",
                     "determination", "commitment", "intention", "intent", "offer", "pledge", "promise", "vow"}
# What has paused or ended is not happening: "a pause in the shelling", "an end to the
# fighting", "the suspension of talks" (the pause itself may be an event of its own).
STOP_NOUNS = {"pause", "halt", "lull", "end", "suspension", "cessation", "stop", "respite", "letup", "let-up"}
PERMIT_VERBS = {"authorize", "authorise", "permit", "empower", "entitle", "license", "licence"}
# Nominal events whose possessor, without an "of" object, undergoes them: "the activist's
# arrest", "their abduction" (but "the rebels' abduction of ten girls": the rebels did it).
PATIENT_NOUNS = {"arrest", "detention", "release", "abduction", "kidnapping", "kidnap", "killing", "murder",
                 "assassination", "execution", "expulsion", "deportation", "extradition", "ouster", "overthrow",
                 "imprisonment", "jailing", "conviction", "sentencing", "capture", "torture", "disappearance",
                 "eviction", "dismissal", "removal", "impeachment", "indictment", "prosecution", "rescue"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "tomorrow", "week", "month", "year", "weekend", "day", "night", "morning", "evening", "decade",
              "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december"}
VIOLENT_ROOTS = {"17", "18", "19", "20"}
# Sectors of armed groups that are no state's forces (insurgents, rebels, separatists, unidentified)
ARMED_SECTORS = frozenset({"INS", "REB", "SEP", "UAF"})
STATE_FORCES = frozenset({"MIL", "COP", "GOV", "SPY"})
# Comments, praise, criticism and rejection: their recipient is the author of what they judge
JUDGING_ROOTS = frozenset({"01", "05", "11", "12"})
# Event nouns of words (statements, demands, accusations, threats): a possessor is their author
SAYING_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their", "my", "our", "your"})
OBJECT_PRONOUNS = {"them", "him", "her", "it"}
# "the alliance poses a threat to stability", "the gangs remain a danger": a judgement about
# someone, not a threat that someone made
THREAT_NOUNS = {"threat", "menace", "danger"}
DESCRIBING_VERBS = {"be", "pose", "represent", "constitute", "remain", "become", "present"}
FIRST_PERSON = {"i", "we", "my", "our"}  # in a direct quote: the speaker
FIRST_PERSON_OBJ = {"me", "us"}
QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb")
# measures and texts: what they "target" or "hit" is aimed at, not attacked
MEASURE_NOUNS = {"legislation", "law", "sanction", "measure", "tariff", "bill", "rule", "policy", "regulation",
                 "restriction", "ban", "embargo", "campaign", "probe", "investigation", "inquiry", "lawsuit",
                 "reform", "tax", "levy", "duty", "curb", "control", "penalty", "fine"}
ADDRESS_VERBS = {"tell", "brief", "inform", "assure", "reassure", "notify", "address"}  # "told the council"
FORECAST_VERBS = {"warn", "caution"}
THREAT_CONTENT = {"consequence", "retaliation", "response", "action", "reprisal", "measure", "force", "sanction",
                  "war", "attack", "strike", "punishment", "step"}  # "warned of consequences": a threat
STATE_VERBS = {"be", "remain", "become", "grow", "worsen", "deteriorate", "loom", "spread", "rise", "collapse"}
GATHERING_VERBS = {"arrive", "return", "travel", "fly", "go", "come", "gather", "head", "convene", "assemble",
                   "meet", "sit", "reconvene", "resume"}  # "... returned to Geneva for talks"
TRAVEL_NOUNS = {"visit", "trip", "tour", "stay", "stopover"}
# Nouns that carry the event of their modifier: "a mediation effort", "a peace mission".
CARRIER_NOUNS = {"effort", "mission", "bid", "campaign", "operation", "initiative", "process", "round",
                 "session", "attempt", "plan", "deal", "message", "visit", "raid"}
# An authority's order that the recipient suffer a coercive act is that act ("ordered the
# newspaper to suspend publication" 1721, "ordered them jailed" 173), not a demand (10x).
COMMAND_VERBS = {"order", "instruct", "direct", "command"}
COMMAND_CODES = {"17", "16"}
# Prepositions whose nominal object is another event's reason or time, and nouns that
# introduce a reason ("in retaliation for"): such an event is background, not reported anew.
BACKGROUND_MARKS = {"after", "since", "before", "because", "once", "until", "till"}
BACKGROUND_PREPS = {"over", "against", "about", "after", "following", "amid", "despite", "since", "for", "before",
                    "until"}
TIME_PREPS = {"after", "following", "since", "before", "until"}  # "imposed a curfew after a demonstration"
NOT_EVENT_COMPOUNDS = {"press release", "news release"}  # "according to a press release": no one was freed
FORCE_NOUNS = {"troop", "troops", "force", "forces", "soldier", "reservist", "reserve", "army", "unit", "personnel",
               "contingent", "battalion", "brigade", "division", "military", "police", "policeman", "militia",
               "guard", "conscript", "recruit", "warship", "ship", "jet", "plane", "tank"}
PLACE_PREPS = {"against", "from", "to", "into", "in", "on", "toward", "towards", "near", "along"}
COMPLAIN_VERBS = {"complain", "protest"}
REASON_NOUNS = {"retaliation", "response", "reprisal", "revenge", "protest", "reaction", "connection"}
TOPIC_ROOTS = {"01", "02", "03", "04", "05", "06"}
DISAPPROVAL_ROOTS = {"11", "12"}  # what is criticised or rejected is no second event
VERBAL_ATTACK = {"scathing", "verbal", "blistering", "stinging", "withering", "sharp", "bitter", "personal",
                 "rhetorical", "fierce", "vitriolic", "scorching"}
ABSTRACT_TARGETS = {"proceeding", "proceedings", "law", "bill", "policy", "decision", "plan", "ruling", "report",
                    "record", "claim", "inquiry", "investigation", "impeachment", "budget", "reform", "proposal",
                    "idea", "industry", "media", "press", "judiciary", "democracy", "constitution", "deal"}
TOPIC_NOUNS = ABSTRACT_TARGETS | {
    "wisdom", "effectiveness", "issue", "matter", "situation", "spending", "price", "future", "fate", "question",
    "argument", "charge", "allegation", "accusation", "agreement", "cooperation", "relation", "tie", "case",
    "program", "programme", "project", "system", "measure", "step"}  # what an unresolved recipient may be about
HELP_VERBS = {"help", "assist"}  # "helped rebuild the school": the rebuilding
CAUSE_NOUNS = {"result", "consequence", "effect", "cause"}
CLAIM_VERBS = {"claim", "admit", "acknowledge", "boast"}
GOVERNING = {"intent", "appeal", "demand", "threat", "refuse", "attempt"}
OBLIGATION_AUX = {"must", "should", "ought"}
RESPONSIBLE_WORDS = {"responsible", "culpable", "guilty"}
LINK_DEPS = {"xcomp", "ccomp", "conj", "advcl", "pcomp", "dobj", "pobj", "prep", "acl", "relcl", "acomp",
             "parataxis", "npadvmod", "attr", "oprd", "amod"}


RECIPROCAL_NOUNS = frozenset({"tie", "ties", "relation", "relations", "relationship", "partnership", "friendship",
                              "cooperation", "co-operation", "alliance", "bond", "link"})


def _reciprocal(tok) -> bool:
    """An object that names the subjects' bond with each other: "their ties", "bilateral
    relations", "each other", "one another"."""
    if tok.lower_ in ("other", "another") and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("each", "one"):
        return True
    if any(c.dep_ == "poss" and c.lower_ in ("other", "another") and _reciprocal(c) for c in tok.children):
        return True  # "each other's handling of the crisis"
    return (tok.lemma_.lower() in RECIPROCAL_NOUNS or tok.lower_ in RECIPROCAL_NOUNS) and any(
        c.lower_ in ("their", "bilateral", "mutual") for c in tok.children)


ALLIED_WORDS = frozenset({"allies", "partners", "coalition"})


def _together(ev, sent) -> bool:
    """A show of force that is an exercise with others: actors of two countries ("Jordan and
    the US"), "joint" drills, allies as actors, or a partner after "with" ("drills with Japan")."""
    mine = {a.country for a in ev.actors if a.country}
    if len(mine) >= 2:
        return True
    if any(a.text and a.text.lower().split()[-1] in ALLIED_WORDS for a in ev.actors):
        return True
    if any(t.lower_ in ("joint", "combined", "multinational") and t.dep_ == "amod" for t in sent):
        return True
    return any(r.country and r.country not in mine and _after_with(r, sent) for r in ev.recipients)


def _after_with(entity, sent) -> bool:
    """Whether the entity's first token hangs (within a few steps) on the preposition "with"."""
    tok = next((t for t in sent if t.idx <= entity.span[0] < t.idx + len(t.text)), None)
    for _ in range(4):
        if tok is None or tok.head is tok:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ == "with":
            return True
        tok = tok.head
    return False


@dataclass(slots=True)
class Candidate:
    token: object  # the trigger's head token
    tokens: list  # all trigger tokens (light verb + noun)
    code: str | None
    pattern: VerbPattern | NounPattern
    kind: str  # verb | noun | light
    actor_heads: list = field(default_factory=list)
    recipient_heads: list = field(default_factory=list)
    modality: str = "asserted"
    dropped: str | None = None
    governed_by: "Candidate | None" = None
    embedded: "Candidate | None" = None
    speaker: "Candidate | None" = None  # the speech verb that reports this event
    recode_as: str | None = None  # "intent" or "refuse" when modality recodes it
    condition: object = None  # the "until"/"unless"/"if" clause a stated refusal or warning hangs on
    via_prep: str | None = None  # the pattern's object nouns were this preposition's object
    as_class: str | None = None  # the class the sentence gives the verb ("wants X to go": an appeal)

    @property
    def cls(self) -> str | None:
        if self.as_class:
            return self.as_class
        return self.pattern.cls if isinstance(self.pattern, VerbPattern) else None

    @property
    def sym(self) -> bool:
        return "sym" in self.pattern.flags


@dataclass(slots=True)
class Dropped:
    trigger: str
    code: str | None
    reason: str


# -- small parse helpers ------------------------------------------------------------

def _conjuncts(tok) -> list:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
            out.extend(_conjuncts(c))
    return out


def _verb_like(tok) -> bool:
    """A root tagged as a noun that has a subject and a particle or object: "EU and UN hand over supplies"."""
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and bool(deps & {"prt", "dobj"})


# Weapons that can be a clause's subject ("a bomb exploded") but are no actor.
WEAPON_WORDS = {"bomb", "grenade", "device", "ied", "mine", "landmine", "explosive", "shell", "round", "rocket",
                "missile", "mortar", "projectile", "airstrike", "munition", "explosion", "blast", "bombing"}


AIM_VERBS = {"target", "aim", "hit", "affect", "cover"}


def _aimed_at(noun) -> list:
    """What a measure or strike is aimed at, by the participle that describes it: "sanctions
    targeting Russian banks", "airstrikes aimed at militant positions"."""
    for clause in noun.children:
        if clause.dep_ in ("acl", "relcl") and clause.lemma_.lower() in AIM_VERBS:
            obj = _direct_object(clause)
            if obj is None:
                obj = next((o for pp in clause.children if pp.dep_ == "prep" and pp.lower_ in ("at", "against")
                            for o in pp.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return _conjuncts(obj)
    return []


CONSULT_CODES = {"040", "041", "043", "046"}


def _press(ev) -> bool:
    """Is one side of a meeting or call only the press (an interview)?"""
    sides = [ev.actors, ev.recipients]
    return any(side and all((e.sector or "").startswith("MED") for e in side) for side in sides)


def _plural(tok) -> bool:
    """A plural or coordinated subject ("the two leaders", "Kenya and Uganda")."""
    return tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children)


def _wielders(weapon) -> list:
    """Who used a weapon, by the clause that describes it: "a missile fired by rebels",
    "a missile believed to have been fired by rebels", "the rocket that militants launched"."""
    for clause in weapon.children:
        if clause.dep_ not in ("acl", "relcl"):
            continue
        for t in clause.subtree:
            if t.dep_ == "agent":
                return [o for p in t.children if p.dep_ == "pobj" for o in _conjuncts(p)]
        if clause.dep_ == "relcl":
            subj = [x for x in clause.children if x.dep_ == "nsubj" and x.lower_ not in ("that", "which", "who")]
            if subj:
                return _conjuncts(subj[0])
    return []


FIRE_WORDS = {"artillery", "fire", "gunfire", "tank", "sniper", "airstrike", "strike", "raid"}


def _weapon(tok) -> bool:
    """ "a roadside bomb", "mortar rounds", "a grenade attack": a weapon or an explosion."""
    if tok.lemma_.lower() in WEAPON_WORDS or tok.lower_ in WEAPON_WORDS:
        return True
    return tok.lemma_.lower() in ("attack", "strike", "bombing") and any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in WEAPON_WORDS | {"suicide"} for c in tok.children)


MILITARY_STRIKE = frozenset({"air", "airstrike", "missile", "drone", "military", "rocket", "artillery", "aerial",
                             "preemptive", "pre-emptive", "retaliatory", "precision", "naval", "nuclear", "surgical",
                             "punitive", "coalition"})
LABOUR_STRIKE = frozenset({"general", "open-ended", "indefinite", "hunger", "nationwide", "national", "labour",
                           "labor", "wildcat", "sit-down", "one-day", "two-day", "24-hour", "48-hour", "72-hour",
                           "warning", "teacher", "worker", "doctor", "nurse", "union", "transport", "public"})


def _strike_noun(c) -> object:
    """The noun "strike(s)" a candidate is about ("launched an air strike", "an open-ended strike"), or None."""
    noun = c.tokens[-1] if c.kind != "verb" else _direct_object(c.token)
    if noun is None or noun.lemma_.lower() != "strike":
        return None
    return noun


def _strike_sense(c, code: str) -> str:
    """A strike is a walkout (143) or an attack (190) by its words, not by the pattern's guess:
    "launched an air strike against a base" is force; "began an open-ended strike" is a protest."""
    noun = _strike_noun(c)
    if noun is None or not code:
        return code
    mods = {m.lemma_.lower() for m in noun.children if m.dep_ in ("compound", "amod", "nmod", "poss")}
    mods |= {m.lower_ for m in noun.children if m.dep_ in ("compound", "amod", "nmod", "poss")}
    mods |= {noun.doc[m.left_edge.i:m.i + 1].text.lower().replace(" ", "")  # "open-ended" split in three
             for m in noun.children if m.dep_ in ("compound", "amod")}
    if code[:2] == "14" and mods & MILITARY_STRIKE:
        return "190"
    if code[:2] in ("18", "19") and mods & LABOUR_STRIKE:
        return "143"
    return code


def _relative_clause(tok):
    """The relative clause ``tok`` stands in ("X, which has sent troops", "damage which was
    caused by an attack"), or None."""
    for _ in range(8):
        if tok.dep_ == "relcl":
            return tok
        if tok.head.i == tok.i or tok.dep_ in ("ROOT", "ccomp", "parataxis"):
            return None
        tok = tok.head
    return None


def _children(tok, deps) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def _is_passive(tok) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in tok.children) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN"
    ) or _participle_clause(tok) or (
        # "were arrested and later released by the police": the second verb shares the first's voice
        tok.dep_ == "conj" and tok.tag_ == "VBN" and not _children(tok, SUBJECT_DEPS)
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.head.children)
    )


def _participle_clause(tok) -> bool:
    """A bare past participle that adds to its clause ("X is dead, *killed* in a strike"): passive,
    with the clause's subject as what it was done to."""
    return (tok.dep_ == "advcl" and tok.tag_ == "VBN" and tok.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "mark") for c in tok.children))


# Prepositions that act as a particle when another preposition hangs below them:
# "walked out of the talks", "were driven away from the square".
PARTICLE_PREPS = {"out", "away", "off", "back", "down", "up", "over"}
# Predicative words that complete a verb like a particle: "set free", "let the men go free".
PREDICATE_PARTICLES = {"free", "loose"}
COMPLEMENT_DEPS = ("ccomp", "xcomp", "oprd", "acomp", "advcl", "advmod")


def _particle_prep(tok):
    """A preposition used as a particle ("out" in "ordered out of the town"), or None."""
    for c in tok.children:
        if (c.dep_ == "prep" and c.lower_ in PARTICLE_PREPS and not any(o.dep_ == "pobj" for o in c.children)
                and any(o.dep_ == "prep" for o in c.children)):
            return c
    return None


def _predicate_particle(tok):
    """ "set free", "let free the prisoners", "let the men go free": the word "free"."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj"):  # "let free activists"
            for a in c.children:
                if a.dep_ == "amod" and a.i == tok.i + 1 and a.lower_ in PREDICATE_PARTICLES:
                    return a
        if c.dep_ in COMPLEMENT_DEPS or c.dep_ == "prt":
            if c.lower_ in PREDICATE_PARTICLES:
                return c
            if c.lemma_ == "go":
                for g in c.children:
                    if g.dep_ in COMPLEMENT_DEPS and g.lower_ in PREDICATE_PARTICLES:
                        return g
    return None


def _particle(tok) -> str | None:
    for c in tok.children:
        if c.dep_ == "prt":
            return c.lower_
    pp = _particle_prep(tok)
    if pp is not None:
        return pp.lower_
    free = _predicate_particle(tok)
    if free is not None:
        return free.lower_
    return None


def _small_clause(tok):
    """The predicate of a small-clause complement and its subject: "found [him guilty]",
    "held [Hamas responsible]" -> (guilty, him); "declared [the group] a terrorist
    organisation" -> (organisation, group). Else (None, None)."""
    for c in tok.children:
        if c.dep_ in ("ccomp", "xcomp", "oprd") and c.pos_ in ("ADJ", "NOUN"):
            subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None or c.dep_ == "oprd":
                return c, subj
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if len(objs) >= 2 and objs[-1].pos_ == "NOUN":  # "declared [the group] [a terrorist entity]"
        return objs[-1], objs[0]
    for c in objs:
        for a in c.children:
            if (a.dep_ in ("appos", "oprd") and a.pos_ == "NOUN" or a.dep_ == "amod" and a.pos_ == "ADJ"
                    and any(p.dep_ == "prep" for p in a.children)) and a.i > c.i:
                return a, c  # "held [Hamas] responsible for", "declared [X], a terrorist group"
    return None, None


QUANTIFIERS = {"number", "series", "round", "couple", "lot", "string", "wave", "spate", "host", "flurry", "set",
               "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "ten", "tens", "score",
               "scores", "batch", "shipment", "tranche", "tonne", "ton", "some", "handful", "barrage", "volley",
               "worth", "amount", "quantity", "consignment", "slate", "raft", "package", "day", "week", "month",
               # a share of the object is the object: "suspended part of its aid", "froze most of the assets"
               "part", "portion", "most", "much", "half", "all", "share", "bulk", "rest", "remainder"}


def _of_objects(tok) -> list:
    """The objects of ``tok``'s "of" phrases ("a number of [meetings]")."""
    return [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _direct_object(tok):
    """The direct object; through a quantifier ("held a number of meetings": meetings)."""
    for c in tok.children:
        if c.dep_ in ("dobj", "obj"):
            if c.lemma_.lower() in QUANTIFIERS:
                inner = _of_objects(c)
                if inner:
                    return inner[0]
            return c
    return None


def _prep_hosts(tok, with_dobj: bool = True) -> list:
    """Where a verb's prepositions hang: the verb, its particle-preposition, its direct object."""
    hosts = [tok]
    pp = _particle_prep(tok)
    if pp is not None:
        hosts.append(pp)
    if with_dobj:
        dobj = _direct_object(tok)
        if dobj is not None:
            hosts.append(dobj)
    return hosts


def _prep_objects(tok, preps) -> list:
    """Objects of the given prepositions attached to ``tok`` (and its direct object)."""
    out = []
    for host in _prep_hosts(tok):
        for c in host.children:
            if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        out.extend(_conjuncts(p))
    return out


def _pobj_lemmas(tok) -> dict[str, set[str]]:
    """Per preposition on the verb, the lemmas of its object and the object's modifiers
    ("went on [hunger] strike", "placed under [house] arrest")."""
    out: dict[str, set[str]] = {}
    for host in _prep_hosts(tok, with_dobj=False):
        for c in host.children:
            if c.dep_ == "prep":
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if not objs:  # "out of the question": the object of the inner "of"
                    objs = _of_objects(c)
                objs += [o2 for o in objs if o.lemma_.lower() in CAUSE_NOUNS  # "as a result of torture"
                         for o2 in _of_objects(o)]
                for o in objs:
                    lem = out.setdefault(c.lower_, set())
                    lem |= {o.lemma_.lower(), o.lower_}
                    lem |= {m.lemma_.lower() for m in o.children if m.dep_ in ("compound", "amod")}
    return out


def _is_time_pp(prep) -> bool:
    """ "on Tuesday", "in March": a preposition whose object is a date or time."""
    return any(o.dep_ == "pobj" and o.ent_type_ in ("DATE", "TIME") for o in prep.children)


def _for_clause(tok):
    """ "called for Burma to free the prisoners": the clause "Burma to free ..." (its mark is "for")."""
    for c in tok.children:
        if c.dep_ in ("advcl", "ccomp", "xcomp") and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            return c
    return None


def _preps_of(tok) -> set[str]:
    preps = {c.lower_ for host in _prep_hosts(tok) for c in host.children
             if c.dep_ in ("prep", "dative", "agent") and not _is_time_pp(c)}
    if _for_clause(tok) is not None:
        preps.add("for")
    return preps


def _object_lemmas(tok) -> set[str]:
    obj = _direct_object(tok)
    if obj is None and _is_passive(tok):
        obj = next((c for c in tok.children if c.dep_ in PASSIVE_SUBJ), None)
    lemmas: set[str] = set()
    if obj is not None:
        lemmas = {obj.lemma_.lower(), obj.lower_}
        # a measure ("a 30-day state of siege") is no object noun: no day of mourning
        lemmas |= {c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod")
                   and not (c.i > 0 and c.doc[c.i - 1].text == "-" and c.doc[c.left_edge.i].like_num)}
        # "the carrier's Airbus, flight 204": the apposition says what the object is
        lemmas |= {c.lemma_.lower() for c in obj.children if c.dep_ == "appos" and c.pos_ == "NOUN"}
    pred, _ = _small_clause(tok)
    if pred is not None:  # "found him guilty", "declared the group a terrorist organisation"
        lemmas |= {pred.lemma_.lower(), pred.lower_}
        lemmas |= {c.lemma_.lower() for c in pred.children if c.dep_ in ("compound", "amod")}
    return lemmas


def _quoted(tok, speaker) -> bool:
    """Is ``tok`` inside a direct quote that ``speaker`` (the verb of saying) reports: is
    there a quotation mark between them ('"...," he said', 'he said: "..."')?"""
    lo, hi = sorted((tok.i, speaker.i))
    return any(ch in t.text for t in tok.doc[lo + 1:hi] for ch in QUOTE_MARKS)


def _negated(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in NEGATORS):
            return True
        if c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(
                n.lower_ == "no" for n in c.children):
            return True  # "will no longer allow inspections"
    return False


def _potential(tok) -> str | None:
    """Is the event only a possibility ("the possibility of resuming trade", "no chance
    of a truce", "a decree that permits shooting": ``hypothetical``) or a readiness
    ("her readiness to mediate": ``intent``)? Climbs the noun phrase and its prepositions
    up to the first verb."""
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in POSSIBLE_ADJS for c in tok.children):
        return "hypothetical"  # "the possible eviction of Bedouin families", "a planned summit"
    node = tok
    for _ in range(4):
        if node.dep_ not in ("pobj", "prep", "pcomp", "dobj", "acl", "xcomp", "compound"):
            return None
        head = node.head
        if head.i == node.i:
            return None
        lemma = head.lemma_.lower()
        if head.pos_ == "NOUN":
            if lemma in WILLINGNESS_NOUNS:
                return "intent"
            if lemma in POSSIBILITY_NOUNS or lemma in RELUCTANCE_NOUNS:
                return "hypothetical"  # "the possibility of a truce"; "its reluctance to endorse"
            if lemma in NO_ROOM_NOUNS and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                return "hypothetical"
            if lemma in STOP_NOUNS and node.dep_ == "prep" and node.lower_ in ("in", "to", "of", "on"):
                return "stopped"
        elif head.pos_ in ("VERB", "AUX"):
            if lemma in PERMIT_VERBS and node.dep_ == "xcomp":
                return "hypothetical"
            if node.dep_ == "prep" and node.lower_ == "to" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in STOP_NOUNS for c in head.children):
                return "stopped"  # "put an end to the fighting", "brought a halt to the raids"
            if head.tag_ != "VBG" or head.dep_ not in ("pcomp", "acl", "xcomp") or any(
                    c.dep_ in SUBJECT_DEPS for c in head.children):
                return None  # a clause of its own; a gerund ("of restoring ties") goes on
        node = head
    return None


def _named(ent: Entity, doc) -> bool:
    """Is an (unresolved) mention at least a proper name, not a common noun or pronoun?"""
    span = doc.char_span(ent.span[0], ent.span[1], alignment_mode="expand")
    return span is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                    for t in span)


# Words of forecasting: a conditional they govern is someone's prediction, nobody's threat
PREDICTION_WORDS = frozenset({"predict", "prediction", "expect", "expectation", "forecast", "foresee", "anticipate",
                              "suspect", "guess", "bet", "prophecy", "projection"})


def _predicted(tok) -> bool:
    """Is ``tok`` the content of a prediction ("my prediction is that ...", "analysts expect that ...")?"""
    for anc in tok.ancestors:
        if anc.lemma_.lower() in PREDICTION_WORDS:
            return True
        if anc.pos_ in ("VERB", "AUX"):
            if any(ch.lemma_.lower() in PREDICTION_WORDS and ch.dep_ in ("nsubj", "nsubjpass") for ch in anc.children):
                return True  # "my prediction is that ...": the prediction is the subject of "is"
    return False


def _family(code: str) -> str:
    """The kind of act a code names, for matching a noun to an earlier event: attacks, fights
    and mass violence (18-20) are one kind (a 190 "attack" may refer back to a 180 one); else
    the three-digit code (an accusation, 112, is no criticism, 111)."""
    return "force" if code[:2] in ("18", "19", "20") else code[:3]


def _definite(tok) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _has_mark(tok, words) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in words for c in tok.children)


def _has_aux(tok, words) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in words for c in tok.children)


def _hypothetical(tok) -> bool:
    node = tok
    for _ in range(6):
        for c in node.children:
            if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX:
                return True
            if c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARK:
                return True
        if node.dep_ in ("advcl",) and any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARK
                                          for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "acl", "relcl"):
            break
        node = node.head
    return False


SCHEDULE_VERBS = {"schedule", "expect"}  # "is scheduled to attend": future under a convention that codes it
MODIFIER_CLAUSES = {"relcl", "acl"}


def _described(tok):
    """The noun whose describing clause (relative or participle) holds ``tok``, or None.

    "the militia that has seized parts of Yemen": "seized" describes "militia"; so does
    "fled" in "the group that has seized towns and fled".
    """
    node = tok
    while node.dep_ in ("conj", "xcomp", "ccomp", "advcl") and node.head.i != node.i:
        node = node.head
    noun = node.head
    if node.dep_ not in MODIFIER_CLAUSES or noun.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return None
    if any(ch.dep_ == "expl" for ch in noun.head.children):
        return None  # "there were ten soldiers killed": the clause is what the sentence says
    return noun


def _future_governed(tok) -> bool:
    """Is the act told inside a future one, without a clause of its own? "the chancellor's agenda
    will include meeting Lula", "the next step will be for the president to fly to Paris to sign"."""
    node = tok
    for _ in range(4):
        if node.dep_ not in ("xcomp", "advcl", "pcomp", "pobj", "prep", "dobj", "acl") or node.head.i == node.i:
            return False
        marks = {c.lower_ for c in node.children if c.dep_ == "mark"}
        if node is not tok and (marks - {"for"} or "for" not in marks and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in node.children)):
            return False  # a clause of its own ("when he will ..."); "for X to come" is not
        node = node.head
        if node.pos_ in ("VERB", "AUX") and _has_aux(node, FUTURE_AUX):
            return True
    return False


def _future(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "aux" and c.lower_ in FUTURE_AUX:
            return True
    # "is going to meet", "is due to visit", "is set to sign", "plans to"
    head = tok.head
    if tok.dep_ == "xcomp" and head.lemma_ in ("go", "due", "set", "schedule", "expect", "plan"):
        return any(c.dep_ in ("aux", "auxpass") for c in head.children) or head.lemma_ in ("due",)
    return False


# A future act made to hang on a condition. A harmful one is a threat: "will suspend aid
# unless the rebels withdraw". A refusal stays a refusal ("will not end the strike until
# their demands are met": the gold sets mostly call it REJECT, at times REQUEST or THREATEN).
# What the condition says does not happen: "until compensation is paid" is no payment.
CONDITION_MARKS = {"until": "demand", "unless": "threat", "if": "threat"}
# Participles that state the subject's own stance, not something done to it.
STATE_PASSIVES = {"opposed", "engaged", "involved"}  # "the troops were engaged in heavy fighting"
UNIT_NOUNS = {"police", "policeman", "officer", "squad", "gear", "shield", "unit", "force", "van", "truck"}
# Who protests when the text names no organisation: "Thousands marched", "Farmers blocked roads".
CROWD_NOUNS = {"thousands", "hundreds", "dozens", "scores", "tens", "crowd", "crowds", "people", "residents",
               "villagers", "workers", "students", "farmers", "traders", "women", "youths", "locals", "citizens",
               "supporters", "protesters", "demonstrators", "members", "teachers", "doctors", "nurses",
               "drivers", "employees", "miners", "activists", "vendors", "parents", "pensioners", "retirees"}


def _crowd(tok) -> bool:
    """ "Thousands", "residents", "hundreds of workers" (but not "thousands of fans")."""
    if tok.lower_ not in CROWD_NOUNS:
        return False
    kind = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return all(o.lower_ in CROWD_NOUNS for o in kind)


# Crowds whose fighting is a violent protest (145), not armed combat.
CROWD_WORDS = {"protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators", "rioter",
               "rioters", "mob", "mobs", "crowd", "crowds", "marchers"}
CROWD_VIOLENCE = {"180", "190", "193", "182"}
# Marks of a clause that is no purpose of its head: "were killed when gunmen ambushed the convoy".
CLAUSE_MARKS = {"when", "after", "as", "while", "because", "since", "before", "once", "whereas"}


def _condition(tok):
    """The conditional clause of a verb ("until X pays", "unless Y withdraws"), or None."""
    for c in tok.children:
        if c.dep_ == "advcl":
            for m in c.children:
                if m.dep_ == "mark" and m.lower_ in CONDITION_MARKS:
                    return c
    return None


def _condition_kind(cond) -> str:
    return next(CONDITION_MARKS[m.lower_] for m in cond.children if m.dep_ == "mark" and m.lower_ in CONDITION_MARKS)


class SentenceCoder:
    """Codes the sentences of one article, in order."""

    def __init__(self, patterns: Patterns, resolver: ActorResolver, article_id: str, pub_date: Date,
                 convention: Convention = DYAD):
        self.patterns = patterns
        self.convention = convention
        self.resolver = resolver
        self.article_id = article_id
        self.pub_date = pub_date
        self.dropped: list[Dropped] = []
        self.history: list[Event] = []  # events of earlier sentences of the article
        self._weak: set[int] = set()  # object heads that count only if they name an actor

    # -- candidates ----------------------------------------------------------------
    def _match_verb(self, tok) -> VerbPattern | None:
        return self._match_verb_via(tok)[0]

    def _match_verb_via(self, tok) -> tuple[VerbPattern | None, str | None]:
        """The best pattern for a verb, and the preposition whose object matched the
        pattern's object nouns when the verb has none of its own ("went on strike")."""
        plist = self.patterns.verbs.get(tok.lemma_.lower()) or self.patterns.verbs.get(tok.lower_)
        if not plist:
            return None, None
        prt = _particle(tok)
        if prt and not any(p.particle == prt for p in plist):
            prt_ok = lambda p: p.particle is None  # noqa: E731
        else:
            prt_ok = lambda p: p.particle == prt  # noqa: E731
        preps = _preps_of(tok)
        objs = _object_lemmas(tok)
        passive = _is_passive(tok)
        pobjs = None
        best, best_score, best_via = None, -1, None
        for p in plist:
            if not prt_ok(p):
                continue
            prep_hit = bool(p.preps & preps)
            if "needprep" in p.flags and not prep_hit:
                continue
            via = None
            if p.objects:
                if "-" in p.objects:
                    if objs:
                        continue
                elif not (p.objects & objs):
                    if not prep_hit:
                        continue
                    if pobjs is None:
                        pobjs = _pobj_lemmas(tok)
                    via = next((w for w in sorted(p.preps & preps) if p.objects & pobjs.get(w, set())), None)
                    if via is None:
                        continue
            if "passive" in p.flags and not passive:
                continue
            score = p.specificity * 2 + prep_hit
            if score > best_score:
                best, best_score, best_via = p, score, via
        return best, best_via

    def candidates(self, sent) -> list[Candidate]:
        found: dict[int, Candidate] = {}
        consumed: set[int] = set()
        for tok in sent:
            if tok.i in consumed:
                continue
            if tok.pos_ in ("VERB", "AUX", "ADJ") or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and (
                    tok.tag_.startswith("VB") or _verb_like(tok))):
                p, via = self._match_verb_via(tok)
                if p is None:
                    continue
                if p.code and not p.objects and tok.dep_ == "acl" and tok.tag_ == "VBN" and any(
                        not q.code and q.cls is None and tok.head.lemma_.lower() in q.objects
                        for q in self.patterns.verbs.get(tok.lemma_.lower(), ())):
                    continue  # "a report released by the institute": the report is released, no one freed
                if (p.code == "040" and tok.lemma_.lower() in ("speak", "talk") and not (p.preps & _preps_of(tok))
                        and not any(_plural(x) for x in _children(tok, SUBJECT_DEPS))):
                    continue  # "speaking ahead of the hearing, the lawyer said": no one to speak with
                if p.code and tok.lemma_.lower() == "call" and _small_clause(tok)[0] is not None:
                    continue  # "called the death an achievement", "what he called a meeting": naming
                if (p.code and p.code[:2] in ("18", "19", "20") and tok.dep_ in ("acl", "relcl")
                        and (tok.head.lemma_.lower() in MEASURE_NOUNS or tok.head.lemma_.lower() in ISSUED_NOUNS)):
                    continue  # "legislation targeting Venezuelan officials", "sanctions that hit its banks": no attack
                if p.particle in PREDICATE_PARTICLES:
                    free = _predicate_particle(tok)
                    if free is not None:  # "let free the prisoners": "free" is no event of its own
                        consumed.update((free.i, free.head.i) if free.head.lemma_ == "go" else (free.i,))
                if tok.pos_ == "ADJ" and p.cls != "intent" and not (
                        "adj" in p.flags and tok.dep_ in ("ROOT", "acomp", "ccomp", "conj")):
                    continue  # adjectives govern ("willing to", "ready to") or predicate ("is skeptical")
                if p.cls == "light":
                    obj = _direct_object(tok)
                    if obj is None and _is_passive(tok):
                        obj = next((c for c in tok.children if c.dep_ in PASSIVE_SUBJ), None)
                    np = self._noun_pattern(obj) if obj is not None else None
                    if np is None:
                        continue
                    found[tok.i] = Candidate(tok, [tok, obj], np.code, np, "light")
                    consumed.add(obj.i)
                    continue
                found[tok.i] = Candidate(tok, [tok], p.code, p, "verb", via_prep=via)
        for tok in sent:
            if tok.i in consumed or tok.i in found or tok.pos_ != "NOUN" or tok.ent_type_ in ("DATE", "TIME"):
                continue
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in UNIT_NOUNS:
                continue  # "riot police", "protest squad": a kind of unit, no event
            np = self._noun_pattern(tok)
            if np is None:
                continue
            head = found.get(tok.head.i)
            if head is not None and tok.dep_ == "nsubj" and ("weapon" in head.pattern.flags or head.code
                                                             and head.code[:2] in ("18", "19", "20") and _weapon(tok)):
                if head.code and np.code.startswith(head.code):  # "a roadside bomb exploded": 1833
                    head.code = np.code
                continue
            if (head is not None and tok.dep_ in ("dobj", "nsubjpass") and head.kind == "verb"
                    and head.cls not in GOVERNING and head.cls != "speech"):
                continue  # "condemned the attack": the verb carries the event
            found[tok.i] = Candidate(tok, [tok], np.code, np, "noun")
        return [found[i] for i in sorted(found)]

    def _noun_pattern(self, tok) -> NounPattern | None:
        """The event noun pattern of ``tok``, or of its compound ("mediation effort")."""
        if tok is None:
            return None
        nouns = self.patterns.nouns
        for c in tok.children:  # "hunger strike", "car bomb", "phone call" first
            if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
                if f"{c.lower_} {tok.lemma_.lower()}" in NOT_EVENT_COMPOUNDS:
                    return None
                hit = nouns.get(f"{c.lemma_.lower()} {tok.lemma_.lower()}")
                if hit is not None:
                    return hit
        hit = nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)
        if hit is None and tok.lemma_.lower() in CARRIER_NOUNS:
            for c in tok.children:
                if c.dep_ in ("compound", "amod") and (c.lemma_.lower() in nouns or c.lower_ in nouns):
                    return nouns.get(c.lemma_.lower()) or nouns.get(c.lower_)
        return hit

    # -- roles -----------------------------------------------------------------------
    def _subjects(self, tok, cands: dict[int, Candidate]) -> list:
        if tok.lower_ in STATE_PASSIVES and tok.dep_ != "acl":
            subj = _children(tok, PASSIVE_SUBJ)
            if subj:  # "Israel is opposed to the plan": Israel opposes
                return _conjuncts(subj[0])
        if _is_passive(tok):
            agents = []
            for c in tok.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            agents.extend(_conjuncts(p))
            if not agents:  # "a truce was agreed between X and Y"
                agents = _prep_objects(tok, frozenset({"between"}))
            return agents
        subj = _children(tok, SUBJECT_DEPS)
        if subj:
            s = subj[0]
            if s.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
                return _conjuncts(tok.head)
            return _conjuncts(s)
        # inherit from the governing clause
        head = tok.head
        if head.i == tok.i:
            return []
        if tok.dep_ == "xcomp":
            gov = cands.get(head.i)
            if gov is not None and gov.cls in OBJECT_CONTROL:
                dobj = _direct_object(head)
                if dobj is not None:
                    return _conjuncts(dobj)
            raised = _children(head, PASSIVE_SUBJ) if _is_passive(head) and not _children(head, ("agent",)) else []
            if raised:  # "Obama is scheduled to attend", "the envoy was asked to mediate": the subject does it
                return _conjuncts(raised[0])
            return self._subjects(head, cands)
        if tok.dep_ == "acomp":
            return self._subjects(head, cands)
        if tok.dep_ == "acl" and head.lemma_.lower() in WILLINGNESS_NOUNS:
            # "repeated her readiness to mediate": she mediates; "Iran's readiness to talk"
            poss = [c for c in head.children if c.dep_ == "poss"]
            if poss:
                return _conjuncts(poss[0])
            if head.dep_ in ("dobj", "conj") and head.head.pos_ in ("VERB", "AUX", "NOUN"):
                return self._subjects(head.head if head.dep_ == "dobj" else head.head.head, cands)
        if (tok.dep_ == "acl" and tok.tag_ == "VBG" and head.lemma_.lower() in ISSUED_NOUNS
                and head.dep_ == "dobj" and head.head.pos_ in ("VERB", "AUX")):
            return self._subjects(head.head, cands)  # "signed a decree granting citizenship": the signer grants
        if tok.dep_ in ("conj", "advcl", "ccomp") and head.pos_ in ("VERB", "AUX"):
            if tok.dep_ == "ccomp":
                return []
            return self._subjects(head, cands)
        if tok.dep_ == "relcl":
            return _conjuncts(head)
        if (tok.dep_ == "pcomp" and head.lower_ in ("by", "after", "before", "while", "through", "without")
                and head.head.pos_ in ("VERB", "AUX") and head.dep_ == "prep"):
            return self._subjects(head.head, cands)  # "helped Chad by donating food": China donates
        if tok.dep_ == "pcomp" and head.lower_ == "of" and head.head.pos_ == "ADJ" and head.dep_ == "prep":
            return self._subjects(head.head, cands)  # "X was guilty of violating the truce": X violated
        return []

    def _objects(self, cand: Candidate) -> list:
        tok = cand.token
        p = cand.pattern
        if cand.kind == "noun" or cand.kind == "light":
            noun = cand.tokens[-1]
            targets = []
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ in p.preps and c.lower_ != "between":
                    for o in c.children:
                        if o.dep_ == "pobj":
                            targets.extend(_conjuncts(o))
            if not targets and cand.kind == "light":
                targets = _prep_objects(tok, p.preps - {"between"})
            if not targets:
                targets = _aimed_at(noun)  # "sanctions targeting Russian banks"
            return targets
        preps = p.preps - {cand.via_prep} if cand.via_prep else p.preps
        if preps:
            targets = _prep_objects(tok, preps)
            if targets:
                return targets
            clause = _for_clause(tok) if "for" in preps else None
            if clause is not None:  # "called for Burma to free ...": Burma is appealed to
                subj = _children(clause, SUBJECT_DEPS)
                if subj:
                    return _conjuncts(subj[0])
        if tok.lower_ in STATE_PASSIVES:
            return _prep_objects(tok, frozenset({"to"}))
        if _is_passive(tok):
            subj = _children(tok, PASSIVE_SUBJ)
            if subj:
                if p.objects and subj[0].lemma_.lower() in p.objects:
                    self._weak.update(t.i for t in _conjuncts(subj[0]))  # "an accord was signed"
                return _conjuncts(subj[0])
            if tok.dep_ == "acl":
                return _conjuncts(tok.head)
            if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
                subj = _children(tok.head, SUBJECT_DEPS | PASSIVE_SUBJ)
                if subj:  # "were arrested and later released by the police": the arrested were released
                    return _conjuncts(subj[0])
            if _participle_clause(tok):
                subj = _children(tok.head, SUBJECT_DEPS | PASSIVE_SUBJ)
                return _conjuncts(subj[0]) if subj else []
        dobj = _direct_object(tok)
        dative = [c for c in tok.children if c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        if dative:
            return _conjuncts(dative[0])
        if dobj is not None:
            if p.objects and dobj.lemma_.lower() in p.objects:
                # the pattern's object ("banned opposition candidates", "rejected an Indian
                # proposal") is the recipient only if it names an actor
                self._weak.update(t.i for t in _conjuncts(dobj))
            return _conjuncts(dobj)
        _, subj = _small_clause(tok)
        if subj is not None:  # "found the minister guilty", "held Hamas responsible"
            return _conjuncts(subj)
        free = _predicate_particle(tok) if p.particle in PREDICATE_PARTICLES else None
        if free is not None:  # "let free the prisoners", "let the men go free"
            for host in (free, free.head):
                for c in host.children:
                    if c.dep_ in ("dobj", "nsubj"):
                        return _conjuncts(c)
        return []

    def _embedded_objects(self, tok) -> list:
        """Targets inside what a governing verb embeds ("threatened to cut power to X")."""
        for x in tok.children:
            if x.dep_ in ("xcomp", "ccomp"):
                heads = _prep_objects(x, frozenset({"to", "against", "on", "with", "into", "from"}))
                dobj = _direct_object(x)
                if dobj is not None:
                    heads = _conjuncts(dobj) + heads
                self._weak.update(h.i for h in heads)
                return heads
        return []

    def _noun_actors(self, cand: Candidate) -> tuple[list, list]:
        """Actors of a nominal event: possessor, "by" agent, "between X and Y", demonym modifiers."""
        noun = cand.tokens[-1]
        actors, recips, modifiers = [], [], []
        # "the signing of a pact between X and Y": the "of" object's "between" counts too
        hosts = [noun] + [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in c.children if o.dep_ == "pobj"]
        kids = [c for h in hosts for c in h.children if h.i == noun.i or (c.dep_ == "prep" and c.lower_ == "between")]
        patient = noun.lemma_.lower() in PATIENT_NOUNS and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        for c in kids:
            if c.dep_ == "poss":
                if c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in TIME_WORDS:
                    continue  # "Friday's meeting", "last year's talks": a time, no actor
                if patient:  # "the activist's arrest", "his release": the one arrested, released
                    recips.extend(_conjuncts(c))
                else:
                    actors.extend(_conjuncts(c))
            elif c.dep_ == "prep" and c.lower_ == "by":
                actors.extend(o for p in c.children if p.dep_ == "pobj" for o in _conjuncts(p))
            elif c.dep_ == "prep" and c.lower_ == "between":
                objs = [o for p in c.children if p.dep_ == "pobj" for o in _conjuncts(p)]
                if objs:
                    actors.append(objs[0])
                    recips.extend(objs[1:])
            elif c.dep_ in ("amod", "compound", "nmod") and c.i in self.resolver.index.names:
                modifiers.append(c)
        # "its Security Council veto": the possessor vetoes; the name only says which veto (but
        # "his White House meeting" is a meeting with the White House)
        actors += [] if actors and not cand.sym and any(c.dep_ == "poss" for c in kids) else modifiers
        if cand.kind == "noun" and len(actors) >= 2 and cand.sym and not recips:
            actors, recips = actors[:1], actors[1:]
        if not actors:
            actors = self._responsible(noun)
        if not actors and noun.lemma_.lower() in TRAVEL_NOUNS and noun.dep_ == "pobj":
            # "During the visit, Fomin held talks": the traveller is the clause's subject
            verb = noun.head.head
            if verb.pos_ in ("VERB", "AUX"):
                actors = self._subjects(verb, {})
        if (not actors and cand.sym and noun.dep_ == "pobj" and noun.head.lower_ == "for"
                and noun.head.head.lemma_.lower() in GATHERING_VERBS):
            # "negotiators from both sides returned to Geneva for talks": those who came hold them
            actors = self._subjects(noun.head.head, {})
        return actors, recips

    def _blamed_in(self, c: Candidate) -> list:
        """ "X said Y was responsible (for ...)": Y, whom the speaker blames."""
        for x in c.token.children:
            if x.dep_ == "ccomp" and x.lemma_ == "be" and not _negated(x):
                if any(a.dep_ in ("acomp", "attr") and a.lemma_.lower() in RESPONSIBLE_WORDS for a in x.children):
                    return _conjuncts(next((s for s in x.children if s.dep_ == "nsubj"), x))
                if any(a.dep_ == "prep" and a.lower_ == "behind" for a in x.children):
                    return _conjuncts(next((s for s in x.children if s.dep_ == "nsubj"), x))
        return []

    def _responsible(self, noun) -> list:
        """ "Hamas was responsible for the killings", "the group behind the attack": who did it."""
        if noun.dep_ != "pobj":
            return []
        prep = noun.head
        word = prep.head
        if prep.lower_ == "for" and word.lemma_.lower() in RESPONSIBLE_WORDS:
            if word.dep_ in ("acomp", "attr") and word.head.pos_ in ("AUX", "VERB"):
                return self._subjects(word.head, {})
            if word.dep_ == "amod" and word.head.pos_ in ("NOUN", "PROPN"):
                return _conjuncts(word.head)  # "the group responsible for the attack"
        if prep.lower_ == "behind" and word.pos_ in ("NOUN", "PROPN"):
            return _conjuncts(word)
        return []

    # -- governing verbs -----------------------------------------------------------
    def _parent(self, c: Candidate, by_tok: dict[int, Candidate]):
        """The nearest candidate above ``c`` in the tree and the dependency it hangs by.

        Returns ``(gov, dep)`` where ``dep`` is the relation of the path's last step
        below ``gov``; ``gov`` is the string "fail" under a verb like "failed to".
        """
        tok = c.token
        for _ in range(10):
            parent = tok.head
            if parent.i == tok.i:
                return None, None
            dep = tok.dep_
            if parent.lemma_.lower() in FAILURE_VERBS and dep in ("xcomp", "dobj"):
                return "fail:" + parent.lemma_.lower(), dep
            gov = by_tok.get(parent.i)
            if gov is not None and gov is not c:
                return gov, dep
            if dep not in LINK_DEPS:
                return None, None
            tok = parent
        return None, None

    def _link(self, cands: list[Candidate]) -> None:
        """Attach each candidate to what governs it: intent/appeal/... verbs recode it,
        speech verbs make it reported, denial and failure drop it."""
        by_tok = {c.token.i: c for c in cands}
        # ancestors first, so a consumed governor passes its state down
        for c in sorted(cands, key=lambda c: sum(1 for _ in c.token.ancestors)):
            gov, dep = self._parent(c, by_tok)
            if gov is None:
                continue
            if isinstance(gov, str):
                if gov == "fail:fail" and c.code and c.code[:2] in ("03", "05") and c.kind == "verb":
                    c.recode_as = "refuse"  # "failed to reach a deal": no agreement, a rejection (12)
                else:
                    c.dropped = "governed by a verb of failure"
                continue
            cls = gov.cls
            if (dep == "advcl" and c.token.head.i == gov.token.i and _has_aux(c.token, {"to"})
                    and not any(m.dep_ == "mark" for m in c.token.children)):
                obj = _direct_object(gov.token)
                if obj is not None and (obj.i in by_tok and by_tok[obj.i].kind == "noun"
                                        or gov.kind == "verb" and gov.pattern.objects and self._is_event_noun(obj)):
                    c.dropped = f"content of '{obj.text}'"  # "rejected appeals to release him"
                    continue
            if dep == "advcl" and cls in GOVERNING and c.token.head.i == gov.token.i and (
                    _has_aux(c.token, {"to"}) and not any(m.dep_ in ("mark", "dobj") for m in c.token.children)
                    and _direct_object(gov.token) is None or _has_mark(c.token, {"for"})):
                dep = "xcomp"  # "vowed to fight" parsed as a clause of purpose; "called for X to go"
            elif (dep == "advcl" and cls in OBJECT_CONTROL and c.token.head.i == gov.token.i
                  and _has_aux(c.token, {"to"}) and not any(m.dep_ == "mark" for m in c.token.children)
                  and _direct_object(gov.token) is not None and not gov.pattern.objects):
                dep = "xcomp"  # "demanded the factions to allow aid": what the factions are to do
            if (cls == "intent" and dep == "ccomp" and _has_aux(c.token, {"to"})
                    and any(ch.dep_ == "nsubj" for ch in c.token.children)):
                gov.as_class = cls = "appeal"  # "Chile wants Bolivia to open its border": an appeal to Bolivia
            if cls in GOVERNING and dep in ("xcomp", "ccomp", "dobj", "prep", "pcomp", "pobj", "csubj"):
                if gov.embedded is None:
                    gov.embedded = c
                c.governed_by = gov
            elif cls == "deny" and dep in ("ccomp", "xcomp", "dobj", "pcomp", "prep"):
                if not (self.convention.future_acts and dep in ("xcomp", "ccomp")
                        and gov.token.lemma_.lower() in SCHEDULE_VERBS):
                    c.dropped = f"denied by '{gov.token.text}'"  # (a convention may code what is scheduled)
            elif cls == "accuse" and dep in ("ccomp", "xcomp", "dobj", "pcomp", "prep"):
                c.dropped = f"alleged by '{gov.token.text}'"  # "accused X of shelling": the accusation
            elif cls == "speech" and dep in ("ccomp", "parataxis", "xcomp", "dobj", "advcl"):
                c.modality = "reported"
                c.speaker = gov
                if _has_aux(c.token, OBLIGATION_AUX) or (
                        c.token.dep_ in ("acomp", "attr") and c.token.head.dep_ == "ccomp"
                        and _has_aux(c.token.head, OBLIGATION_AUX)):
                    gov.embedded = c  # "X said Y must stop", "Y must be ready to talk": X demands
                    c.governed_by = gov
            elif (gov.kind == "noun" and dep == "acl" and c.token.head.i == gov.token.i
                  and _has_aux(c.token, {"to"})):
                c.dropped = f"content of '{gov.token.text}'"  # "appeals to release him": no release
            elif (gov.cls is None and gov.code and c.code and gov.code[:2] == c.code[:2]
                  and dep in ("advcl", "xcomp") and c.kind == "verb"
                  and not any(m.dep_ in ("mark", "advmod") and m.lower_ in CLAUSE_MARKS for m in c.token.children)):  # "killed when gunmen ambushed": two reports
                c.dropped = f"purpose of '{gov.token.text}'"  # "met to discuss": one meeting
            elif (gov.cls is None and gov.code and c.code and gov.code[:2] >= "18" and c.code[:2] >= "18"
                  and dep == "advcl" and c.token.tag_ == "VBG"):
                c.dropped = f"result of '{gov.token.text}'"  # "stormed a church, killing nine"
            elif gov.governed_by is not None and dep in ("advcl", "xcomp", "conj", "ccomp"):
                c.governed_by = gov.governed_by  # "agreed to send troops to help": one intent
            elif gov.modality == "reported" and dep in ("conj", "advcl", "xcomp", "ccomp"):
                c.modality = "reported"
                c.speaker = gov.speaker

    def _background(self, cands: list[Candidate]) -> None:
        """One event told once: drop what only sets the scene for another event of the sentence.

        A nominal event that is the reason, topic or setting of another ("complained over the
        air raids", "in retaliation for the attack", "talks on a pullback", "killed in an
        attack", "in protest of the arrest") and a demand that is a protest's purpose
        ("blocked roads to press their demands") are not counted a second time.
        """
        by_tok = {t.i: c for c in cands for t in c.tokens}
        for c in cands:
            if c.dropped or c.governed_by is not None:
                continue
            tok = c.token
            if c.kind == "noun" and tok.dep_ == "poss":
                c.dropped = "describes another noun"  # "the meeting's co-chairman said"
                continue
            host = self._objecting_host(c, by_tok)
            if host is not None:
                c.dropped = f"what '{host.token.text}' objects to"  # "denounced the crackdown": one criticism
                continue
            if c.kind == "noun" and tok.dep_ == "pobj" and tok.head.dep_ == "agent":
                host = by_tok.get(tok.head.head.i)  # "was blown up by a bomb": one bombing
                if host is not None and host.code and c.code and host.code[:2] >= "18" and c.code[:2] >= "18":
                    c.dropped = f"means of '{host.token.text}'"
                continue
            if c.kind == "noun" and tok.dep_ == "pobj" and tok.head.dep_ == "prep":
                prep = tok.head
                word = prep.lower_
                host_tok = prep.head
                if host_tok.lemma_.lower() in RESPONSIBLE_WORDS:
                    continue  # "responsible for the attack": the accusation needs it
                if (host_tok.lemma_.lower() in REASON_NOUNS and host_tok.i not in by_tok
                        and host_tok.dep_ == "pobj"):
                    host_tok, word = host_tok.head.head, "over"  # "in retaliation for", "in response to"
                host = by_tok.get(host_tok.i)
                if host is None and host_tok.dep_ in ("dobj", "nsubjpass"):
                    host = by_tok.get(host_tok.head.i)  # "announced a suspension of links after ..."
                if host is None and word in TIME_PREPS:
                    # "holed up in a residence since the invasion": the time of the sentence's event
                    host = next((o for o in cands if o is not c and o.code and not o.dropped
                                 and o.token.i not in {t.i for t in tok.subtree}), None)
                if host is None or host is c or not host.code or not c.code:
                    continue
                root, hroot = c.code[:2], host.code[:2]
                why = None
                if word in BACKGROUND_PREPS and (root != "14" or word in TIME_PREPS):  # a strike "over pay" is still a strike
                    why = "reason or time of"
                elif word == "in" and (root == hroot or root >= "18" and hroot >= "18"):
                    why = "means of"  # "killed 46 civilians in an attack", "marched in protest"
                elif word in ("on", "about") and hroot in TOPIC_ROOTS or word == "into" and hroot == "09":
                    why = "topic of"  # "talks on a troop pullback"
                elif word == "of" and hroot == "14":
                    why = "object of"  # "a protest of the arrest"
                elif (word in ("during", "at") and root == "04" and not self._own_actors(c)
                      and tok.lemma_.lower() not in TRAVEL_NOUNS):  # "during his visit to X" is a visit
                    why = "setting of"  # "rioting during a summit"
                if why:
                    c.dropped = f"{why} '{host.token.text}'"
                continue
            if ((c.cls in ("appeal", "demand") or c.code and c.code[:2] == "10")
                    and tok.dep_ in ("advcl", "xcomp", "acl")
                    and not any(m.dep_ == "mark" and m.lower_ != "to" for m in tok.children)):
                host = by_tok.get(tok.head.i)
                if host is None and tok.head.dep_ in ("dobj", "pobj"):
                    host = by_tok.get(tok.head.head.i)  # "began a hunger strike to demand"
                if host is not None and host.code and host.code[:2] == "14" and host.cls is None:
                    c.dropped = f"purpose of '{host.token.text}'"  # "blocked roads to press their demands"
        self._told_again(cands)
        self._words_not_force(cands)
        self._purpose_not_means(cands)
        self._background_clauses(cands)

    @staticmethod
    def _objecting_host(c: Candidate, by_tok: dict):
        """The criticism or rejection whose object ``c`` is ("condemned the crackdown",
        "denounced as a crime X's suppression of ...", "would not meet demands to free
        prisoners"), or None: what is objected to is no second event."""
        tok = c.token
        if (c.kind == "noun" or tok.tag_ == "VBG") and tok.dep_ in ("dobj", "nsubjpass"):
            host = by_tok.get(tok.head.i)  # "vetoed a resolution censuring X" parsed with the gerund as object
        elif c.kind == "noun" and tok.dep_ == "pobj" and tok.head.lower_ == "as":
            host = by_tok.get(tok.head.head.i)
        elif c.kind == "verb" and tok.dep_ == "acl" and _has_aux(tok, {"to"}) and tok.head.dep_ == "dobj":
            host = by_tok.get(tok.head.head.i)
        elif (c.kind == "noun" and tok.dep_ == "pobj" and (h := by_tok.get(tok.head.head.i)) is not None
              and h.via_prep == tok.head.lower_):
            host = h  # "is opposed to French mediation": the pattern's object through its preposition
        else:
            host = None
            up = tok
            for _ in range(6):  # "vetoed a resolution censuring X", "rejected an appeal for deploying troops"
                if up.dep_ not in ("acl", "pcomp", "pobj", "prep") or up.head.i == up.i:
                    break
                up = up.head
                if up.dep_ == "dobj":
                    host = by_tok.get(up.head.i)
                    break
            if host is None or not (host.code and host.code[:2] == "12" or host.cls == "refuse"
                                    or host.recode_as == "refuse"):
                return None
        if host is None or host is c:
            return None
        if host.code and host.code[:2] in DISAPPROVAL_ROOTS or host.cls == "refuse" or host.recode_as == "refuse":
            return host
        if (host.code and _negated(host.token) and (_future(host.token) or _has_aux(host.token, {"would"}))
                and host.cls is None):
            return host  # "would not meet demands to free prisoners": a refusal (see _why_dropped)
        return None

    def _told_again(self, cands: list[Candidate]) -> None:
        """"Youths threw stones during demonstrations", "the first deployment of troops arrived":
        a nominal event without actors of its own, of the same CAMEO root as a verb event of
        the sentence, is that event told again."""
        verbs = [o for o in cands if o.kind in ("verb", "light") and o.code and o.cls is None and not o.dropped
                 and o.governed_by is None and not o.recode_as]
        for c in cands:
            if (c.kind != "noun" or c.dropped or c.governed_by is not None or not c.code or self._own_actors(c)
                    or any(p.dep_ == "prep" and p.lower_ in ("between", "with") for p in c.tokens[-1].children)):
                continue
            root = _strike_sense(c, c.code)[:2]
            same = next((o for o in verbs if _strike_sense(o, o.code)[:2] == root and c.token not in o.tokens), None)
            if same is not None:
                c.dropped = f"told again by '{same.token.text}'"

    @staticmethod
    def _words_not_force(cands: list[Candidate]) -> None:
        """"A scathing attack on the government", "the attack on the impeachment proceedings":
        words, not force (111)."""
        for c in cands:
            noun = c.tokens[-1]
            if (c.kind not in ("noun", "light") or not c.code or c.code[:2] not in ("18", "19")
                    or noun.lemma_.lower() != "attack"):
                continue
            said = any(m.dep_ == "amod" and m.lower_ in VERBAL_ATTACK for m in noun.children)
            on = [o for p in noun.children if p.dep_ == "prep" and p.lower_ == "on"
                  for o in p.children if o.dep_ == "pobj"]
            if said or (on and all(o.lemma_.lower() in ABSTRACT_TARGETS for o in on)):
                c.code = "111"

    @staticmethod
    def _purpose_not_means(cands: list[Candidate]) -> None:
        """"Sent a team to investigate", "flew to Kabul to sign the accord": a trip or call
        made for a purpose is that purpose, told once."""
        for c in cands:
            if (c.kind != "verb" or not c.code or c.code[:3] not in ("041", "042") or c.dropped
                    or c.governed_by is not None):
                continue
            purpose = next((o for o in cands if o is not c and o.kind == "verb" and o.code and o.code[:2] != "04"
                            and o.token.head.i == c.token.i and o.token.dep_ in ("advcl", "xcomp")
                            and _has_aux(o.token, {"to"}) and not o.dropped), None)
            if purpose is not None:
                c.dropped = f"means of '{purpose.token.text}'"
        for c in cands:  # "mobilized groups to help support the rights of X": the support, told once
            if (c.kind != "verb" or c.token.lemma_.lower() not in HELP_VERBS or c.dropped or c.governed_by is not None
                    or not c.code or c.code[:2] != "07"):
                continue
            helped = next((o for o in cands if o is not c and o.kind == "verb" and o.code and not o.dropped
                           and o.token.head.i == c.token.i and o.token.dep_ in ("xcomp", "ccomp")), None)
            if helped is not None:
                c.dropped = f"means of '{helped.token.text}'"

    def _background_clauses(self, cands: list[Candidate]) -> None:
        """Clauses that only set the scene for another event of the sentence: a strike's
        effect, "in protest of", a participle describing another event's argument, what had
        been done before, and "after", "since", "because" clauses."""
        coded = [c for c in cands if (c.code or c.cls in GOVERNING) and not c.dropped and c.governed_by is None]
        for c in cands:
            if c.dropped or c.governed_by is not None or not (c.code or c.cls in GOVERNING):
                continue
            tok = c.token
            others = [o for o in coded if o is not c]
            if not others:
                continue
            if (c.kind == "noun" and tok.lemma_.lower() == "protest" and tok.dep_ == "pobj"
                    and tok.head.lower_ == "in"):
                c.dropped = "manner of another event"  # "a strike ... in protest of the arrests"
            elif (c.kind == "verb" and tok.dep_ == "relcl" and self._is_event_noun(tok.head)
                    and any(ch.dep_ == "nsubj" and ch.lower_ in ("that", "which") for ch in tok.children)):
                c.dropped = f"effect of '{tok.head.text}'"  # "a general strike that shut down the city"
            elif (c.kind == "verb" and tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG")
                    and any(o.token.i != tok.head.i and tok.head in o.token.subtree for o in others)):
                c.dropped = "describes an argument of another event"  # "the return of property seized by ..."
            elif (c.kind == "verb" and tok.dep_ == "relcl" and _has_aux(tok, {"had"})
                    and any(not (tok.left_edge.i <= o.token.i <= tok.right_edge.i) for o in others)):
                c.dropped = f"earlier, describes '{tok.head.text}'"  # "the hostages, whom they had taken before"
            elif (rel := _relative_clause(tok)) is not None and not self._is_event_noun(rel.head) and any(
                    o.cls != "speech" and o.token.i != rel.head.i
                    and not (rel.left_edge.i <= o.token.i <= rel.right_edge.i)
                    and rel.head in o.token.subtree for o in others):
                c.dropped = f"describes '{rel.head.text}'"  # "praised Kenya, which has sent troops to Somalia"
            elif (c.kind == "verb" and tok.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in BACKGROUND_MARKS for m in tok.children)
                    and tok.head.i in {o.token.i for o in others}):
                c.dropped = f"time or reason of '{tok.head.text}'"  # "suspended aid after its vehicles were hit"
            elif (c.kind == "verb" and tok.dep_ == "pcomp" and tok.head.dep_ == "prep"
                  and (host := next((o for o in others if o.token.i == tok.head.head.i), None)) is not None
                  and (tok.head.lower_ in BACKGROUND_MARKS | TIME_PREPS | {"over", "about", "despite", "amid"}
                       or tok.head.lower_ == "for" and host.code and host.code[:2] >= "11")):
                c.dropped = f"time or reason of '{host.token.text}'"  # "arrested for spying", "before allowing"

    # -- main ------------------------------------------------------------------------
    def code_sentence(self, sent) -> list[Event]:
        cands = self.candidates(sent)
        if not cands:
            return []
        for c in cands:
            if (c.kind == "noun" and c.token.lemma_.lower() in THREAT_NOUNS and c.token.dep_ in ("attr", "dobj")
                    and c.token.head.lemma_.lower() in DESCRIBING_VERBS):
                c.dropped = "a description, not a threat"  # "X poses a threat to Y", "X is a threat"
        self._link(cands)
        self._background(cands)
        by_tok = {c.token.i: c for c in cands}
        for c in cands:
            if c.cls == "speech":
                self._entities(self._subjects(c.token, by_tok))  # speakers feed coreference
        events: list[Event] = []
        text = self.resolver.text  # Doc.text joins every token: use the copy read once
        question = sent.text.rstrip().endswith("?")
        whys = [self._why_dropped(c, question) for c in cands]
        inside = {t.i: c for c in cands if c.condition is not None for t in c.condition.subtree}
        for c, why in zip(cands, whys):  # "vowed to fight until they take the town": the town is not taken
            cond = _condition(c.token) if not why and (c.cls in GOVERNING or c.recode_as) else None
            if cond is not None:
                inside.update((t.i, c) for t in cond.subtree)
        for n, c in enumerate(cands):
            if not whys[n] and c.token.i in inside:  # "until compensation is paid": not paid
                whys[n] = f"condition of '{inside[c.token.i].token.text}'"
        for c, why in zip(cands, whys):
            recip_heads = None
            if why:
                self.dropped.append(Dropped(c.token.text, c.code, why))
                continue
            code = c.code
            modality = c.modality
            name = c.pattern.name
            command = False
            if c.cls in GOVERNING:
                emb = c.embedded
                emb_code = emb.code if emb is not None and not emb.dropped else None
                ordered = c.cls in OBJECT_CONTROL and any(x.dep_ == "xcomp" and x.pos_ == "VERB"
                                                          for x in c.token.children)  # "ordered X to appear"
                code = self.patterns.recode(c.cls, emb_code) if (emb_code or c.code or ordered) else None
                if c.cls == "threat" and emb_code is None and self._forecast(c.token):
                    code = "012"  # "the UN warned that famine is imminent": a dire forecast, no threat
                if c.cls == "attempt":  # "tried to kill the president": 185; else the attempted act
                    code = code or emb_code
                elif (c.cls == "demand" and emb_code and emb_code[:2] in COMMAND_CODES
                      and c.token.lemma_.lower() in COMMAND_VERBS and emb.kind == "verb"):
                    code = emb_code  # "ordered the paper to suspend publication": the order coerces (1721)
                    command = True
                if c.cls == "intent":
                    modality = "intended"
                if emb is not None:
                    name += ">" + emb.pattern.name
            elif c.condition is not None:
                kind = _condition_kind(c.condition)
                inner = by_tok.get(c.condition.i)
                if kind == "demand":  # the condition is what is demanded
                    code = self.patterns.recode("demand", inner.code if inner is not None else None)
                else:
                    code = self.patterns.recode("threat", None if _negated(c.token) else c.code)
                modality = "asserted"
                name += ">" + kind + ":" + next(m.lower_ for m in c.condition.children if m.dep_ == "mark")
                recip_heads = [h for h in self._subjects(c.condition, by_tok) if h.pos_ != "PRON"
                               or h.lower_ not in SPEAKER_PRONOUNS] or None
            elif c.recode_as:
                code = self.patterns.recode(c.recode_as, c.code)
                modality = "intended" if c.recode_as == "intent" else modality
                name += ">" + c.recode_as
            elif c.kind != "noun" and _future(c.token):
                modality = "intended"  # scheduled, not yet happened; the code stays
            if not code:
                continue
            code = _strike_sense(c, code)
            blamed = self._blamed_in(c) if c.cls == "speech" else None
            if blamed:
                # "the government said the Taliban were responsible": an accusation
                ev = self._build(c, "112", "asserted", name + ">responsible", by_tok, sent, recip_heads=blamed)
                if ev is not None:
                    events.append(ev)
                continue
            if c.cls == "speech":
                # "X said Y must stop": X demands that Y stop
                obliged = c.embedded.token if c.embedded is not None else next(
                    (ch for ch in c.token.children if ch.dep_ == "ccomp" and _has_aux(ch, OBLIGATION_AUX)), None)
                if obliged is None:
                    continue  # a plain statement is coded only when nothing else is (below)
                code = self.patterns.recode("demand", c.embedded.code if c.embedded is not None else None)
                name += ">must"
                recip_heads = self._subjects(obliged, by_tok)
            ev = self._build(c, code, modality, name, by_tok, sent, recip_heads=recip_heads)
            if ev is not None and command and self._foreign(ev):
                # an order to another country's people is only a demand: it has no power there
                ev.cameo = self.patterns.recode("demand", code) or "100"
            if ev is not None:
                events.append(ev)
        for c, why in zip(cands, whys):
            # "the rebels claimed they had attacked the base": besides the attack, a claim of
            # responsibility (015) by the claimers, when the attackers are the claimers themselves
            if why or c.cls != "speech" or c.token.lemma_.lower() not in CLAIM_VERBS:
                continue
            done = [o for o in cands if o.speaker is c and o.code and o.code[:2] >= "18" and not o.dropped
                    and o.governed_by is None and any(s.lower_ in SPEAKER_PRONOUNS
                                                      for s in _children(o.token, SUBJECT_DEPS))]
            if done:
                ev = self._build(c, "015", "asserted", c.pattern.name + ">responsibility", by_tok, sent,
                                 recip_heads=self._objects(done[0]))
                if ev is not None:
                    events.append(ev)
        if not events:
            ev = self._statement(cands, sent, question, by_tok)
            if ev is not None:
                events.append(ev)
        for ev in events:
            if ev.cameo in CONSULT_CODES and _press(ev):
                ev.cameo = "010"  # "speaking to a news channel", "VOA spoke with him": an interview, a statement
            if len(ev.recipients) > 1:
                own = {a.code for a in ev.actors if a.code}
                ev.recipients = [r for r in ev.recipients if r.code not in own] or ev.recipients
            ev.cameo = refine_by_instrument(ev.cameo, sent)  # "killed ... in an airstrike": 195
            if ev.cameo == "150" and _together(ev, sent):
                ev.cameo = "062"  # "Jordan and the US began military exercises": exercising together
            if ev.cameo in CROWD_VIOLENCE and any(a.text.lower().split()[-1] in CROWD_WORDS for a in ev.actors if a.text):
                ev.cameo = "145"  # "protesters clashed with police": a violent protest, a riot
        events = self.dedup(events)
        self.history.extend(events)
        return events

    def _why_dropped(self, c: Candidate, question: bool) -> str | None:
        if c.dropped:
            return c.dropped
        if c.governed_by is not None:
            return f"recoded by '{c.governed_by.token.text}'"
        tok = c.token
        described = _described(tok) if not self.convention.modifier_clauses and c.kind != "noun" else None
        if described is not None:
            return f"describes '{described.text}' (the {self.convention.name} convention codes no such clause)"
        potential = _potential(tok)
        if potential == "hypothetical":
            return "only possible"
        if potential == "stopped":
            return "paused or ended"
        if potential == "intent" and c.code and c.cls is None and not c.recode_as:
            c.recode_as = "intent"  # "repeated her readiness to mediate": an intention
        if c.kind == "noun":
            if any(ch.lower_ in ("no",) and ch.dep_ == "det" for ch in tok.children):
                return "negated"
            host = tok.head if tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "attr") else None
            if host is not None and host.pos_ in ("VERB", "AUX") and (_negated(host) or _hypothetical(host)):
                return "negated or hypothetical"
            return None
        if c.code and c.cls is None and (_future(tok) or _has_aux(tok, {"would"}) and c.speaker is not None):
            cond = _condition(tok)
            if cond is not None:
                if _condition_kind(cond) == "threat" and not _negated(tok) and c.code[:2] >= "10":
                    if _predicted(tok):
                        return "a prediction, not a threat"  # "my prediction is that if X, they will rise up"
                    c.condition = cond  # "will suspend aid unless ...": a threat
                    return None
        if _negated(tok):
            if c.code and (_future(tok) or _has_aux(tok, {"would"})) and c.cls is None:
                c.recode_as = "refuse"  # "will not lift the ban": a refusal
                return None
            return "negated"
        if _hypothetical(tok):
            if (c.code and c.cls is None and c.speaker is not None and _has_aux(tok, {"would"})
                    and not _has_mark(tok, HYPOTHETICAL_MARK)):
                c.recode_as = "intent"  # "said it would release": a stated intention
                return None
            return "hypothetical"
        if question:
            return "question"
        if c.code and c.cls is None and (c.kind != "noun" and _has_aux(tok, FUTURE_AUX) or _future_governed(tok)):
            if self.convention.future_acts:
                c.modality = "intended"  # the convention codes the act itself, still marked as future
            else:
                c.recode_as = "intent"  # "the rebels will release the hostages": a stated intention
        return None

    @staticmethod
    def _topic(ent: Entity, doc) -> bool:
        """Is an unresolved recipient a topic, not a party ("proposed increasing defense
        spending", "questioning the wisdom of punishing")? Its head is an act or a thing."""
        span = doc.char_span(ent.span[0], ent.span[1], alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        return root.pos_ == "VERB" or root.lemma_.lower() in TOPIC_NOUNS

    def _forecast(self, tok) -> bool:
        """A warning that tells of a state of things, not of what anyone will do: "warned that
        famine is imminent", "warned of a humanitarian catastrophe", "warn it is too big to put
        out". A warning to someone ("warned Iran"), against something, or of what the speaker
        will or would do stays a threat."""
        if tok.lemma_.lower() not in FORECAST_VERBS:
            return False
        if any(c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ == "against" for c in tok.children):
            return False
        if _condition(tok) is not None:
            return False  # "warned of consequences if the protests continue": a threat
        idx = self.resolver.index
        for c in tok.children:
            if c.dep_ == "ccomp":
                if _has_aux(c, FUTURE_AUX | HYPOTHETICAL_AUX):
                    return False
                return c.lemma_.lower() in STATE_VERBS
            if c.dep_ == "prep" and c.lower_ in ("of", "about"):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                return bool(objs) and all(o.pos_ == "NOUN" and o.i not in idx.names and o.i not in idx.sectors
                                          and o.lemma_.lower() not in THREAT_CONTENT for o in objs)
        return False

    def _entities(self, heads) -> list[Entity]:
        out: list[Entity] = []
        for h in self.resolver.merge_adjacent(heads):
            for ent in self.resolver.resolve(h):
                if all(ent.span != o.span or ent.code != o.code for o in out):
                    out.append(ent)
                    self.resolver.note(ent, h)
        return out

    def _build(self, c: Candidate, code: str, modality: str, name: str, by_tok, sent,
               recip_heads: list | None = None) -> Event | None:
        if c.kind == "noun":
            actor_heads, noun_recips = self._noun_actors(c)
            if recip_heads is None:
                recip_heads = noun_recips + self._objects(c)
            blamed = self._responsible(c.token) if c.speaker is not None else []
            if blamed and code[:2] >= "14":
                # "X said Y was responsible for the attack": X accuses Y
                actor_heads, recip_heads = self._subjects(c.speaker.token, by_tok), blamed
                code, modality, name = "112", "asserted", name + ">responsible"
        else:
            actor_heads = self._subjects(c.token, by_tok)
            if not actor_heads and c.kind == "verb" and _is_passive(c.token) and code[:2] not in VIOLENT_ROOTS:
                # "UN sanctions against Iran were lifted": the sanctions' owner acted (but "three
                # RSF fighters were killed": the owner's people suffered it)
                subj = next((x for x in c.token.children if x.dep_ in PASSIVE_SUBJ), None)
                # (but "a British teacher was investigated": a person's nationality is no owner)
                idx = self.resolver.index
                owners = [m for m in subj.children if m.dep_ in ("poss", "compound", "amod", "nmod")
                          and m.i in idx.names] if (subj is not None and subj.pos_ == "NOUN"
                                                   and subj.i not in idx.sectors) else []
                if owners:
                    actor_heads = owners
                    if recip_heads is None:
                        recip_heads = [o for x in subj.children if x.dep_ == "prep" and x.lower_ in ("against", "on", "to")
                                       for p in x.children if p.dep_ == "pobj" for o in _conjuncts(p)]
            if not actor_heads and c.kind == "verb" and _is_passive(c.token) and code[:2] in ("18", "19", "20"):
                # "civilians were killed in Russian shelling": the means names who attacked
                actor_heads = [m for p in c.token.children if p.dep_ == "prep" and p.lower_ == "in"
                               for o in p.children if o.dep_ == "pobj" and (self._is_event_noun(o) or _weapon(o)
                                                                             or o.lemma_.lower() in FIRE_WORDS)
                               for m in o.children if m.dep_ in ("amod", "compound", "poss", "nmod")
                               and m.i in self.resolver.index.names]
            if c.kind == "light" and not actor_heads:
                # "talks were held between X and Y", "Iran's talks were held in Oman"
                actor_heads, noun_recips = self._noun_actors(c)
                if recip_heads is None and noun_recips:
                    recip_heads = noun_recips
            if recip_heads is None and c.as_class == "appeal":
                # "wants Putin to act": the appeal is to the embedded clause's subject
                recip_heads = [h for x in c.token.children if x.dep_ == "ccomp"
                               for h in _conjuncts(next((s for s in x.children if s.dep_ == "nsubj"), x))
                               if h.i != x.i] or None
            if recip_heads is None:
                recip_heads = [h for h in self._objects(c) if not self._is_event_noun(h)]
                emb = c.embedded
                if emb is not None and not recip_heads and (c.cls not in OBJECT_CONTROL or emb.kind == "noun"):
                    recip_heads = (self._objects(emb) if emb.kind != "noun"
                                   else self._noun_actors(emb)[1] + self._objects(emb))
                if not recip_heads and c.cls in GOVERNING:
                    recip_heads = self._embedded_objects(c.token)
        weapon = None  # the weapon's token, when a weapon stands where the attacker would
        if code[:2] in ("18", "19", "20"):
            # "a grenade exploded", "mortar shells hit the base", "grenades were thrown": the
            # weapon is no actor; the perpetrator is unnamed (an unidentified armed force)
            if c.kind != "noun" and actor_heads and all(_weapon(h) for h in actor_heads):
                # "destroyed by a missile fired by rebels": the rebels, if the text says who fired it;
                # "Israeli airstrikes killed three people": whose strikes they were
                wielders = [w for h in actor_heads for w in _wielders(h)] or [
                    m for h in actor_heads for m in h.children
                    if m.dep_ in ("amod", "compound", "poss", "nmod") and m.i in self.resolver.index.names]
                actor_heads, weapon = wielders, actor_heads[0]
            elif c.kind == "noun" and not actor_heads and _weapon(c.tokens[-1]):
                weapon = c.tokens[-1]
            if c.kind != "noun" and not actor_heads and recip_heads and any(_weapon(h) for h in recip_heads):
                # "a mortar bomb was fired at the town": the bomb is no recipient, the town is
                weapon = next(h for h in recip_heads if _weapon(h))
                recip_heads = [h for h in recip_heads if not _weapon(h)]
            elif c.kind != "noun" and not actor_heads and any(_weapon(h) for h in _children(c.token, PASSIVE_SUBJ)):
                # "a shell was fired at the town": fired by someone unnamed
                weapon = next(h for h in _children(c.token, PASSIVE_SUBJ) if _weapon(h))
        if "victim" in c.pattern.flags and c.kind == "verb":
            # "a prisoner died under torture": the subject suffered it; who did it is not named
            actor_heads, recip_heads = [], actor_heads
        if "inverse" in c.pattern.flags and c.kind == "verb":
            # "received aid from X": X gives; "received aid": the giver is not named
            givers = _prep_objects(c.token, frozenset({"from"}))
            actor_heads, recip_heads = givers, actor_heads
        if c.speaker is not None and actor_heads and all(h.dep_ == "csubj" for h in actor_heads):
            actor_heads = self._subjects(c.speaker.token, by_tok)  # "X said lifting the ban is out of the question"
        speaker = c.speaker
        if ((speaker is None or not _quoted(c.token, speaker.token))
                and (any(h.lower_ in FIRST_PERSON for h in actor_heads)
                     or any(h.lower_ in FIRST_PERSON_OBJ for h in recip_heads or ()))):
            # '"I urge ... and reiterate my willingness to travel," he said': the verb of saying
            # is clauses away (or the nearer one is the quote's own "reiterate"), but the quote is
            # still its speaker's
            speaker = next((s for s in by_tok.values() if s.cls == "speech" and s is not c
                            and _quoted(c.token, s.token)
                            and not any(h.lower_ in FIRST_PERSON for h in _children(s.token, SUBJECT_DEPS))),
                           speaker)
        quoted = speaker is not None and _quoted(c.token, speaker.token)
        if quoted:
            # a direct quote speaks in the first person: '"I call on the junta to ...," the envoy
            # said' has the speaker as actor ("me", "us": as recipient), while '"They dragged
            # them out," a driver said' is about others: "they" is not the speaker
            if actor_heads and all(h.lower_ in FIRST_PERSON for h in actor_heads):
                actor_heads = self._subjects(speaker.token, by_tok) or actor_heads
            if recip_heads and any(h.lower_ in FIRST_PERSON_OBJ for h in recip_heads):
                me = self._subjects(speaker.token, by_tok)
                recip_heads = [x for h in recip_heads for x in (me if h.lower_ in FIRST_PERSON_OBJ else [h])]
        elif c.speaker is not None and actor_heads and all(h.lower_ in SPEAKER_PRONOUNS for h in actor_heads):
            # "Russia said it would ...": "it" is the speaker
            actor_heads = self._subjects(c.speaker.token, by_tok) or actor_heads
        recip_heads = [h for h in recip_heads if not self._is_event_noun(h)]
        mutual = any(_reciprocal(h) for h in recip_heads)
        if mutual:  # "India and Mauritius upgraded their ties": each acts on the other
            recip_heads = [h for h in recip_heads if not _reciprocal(h)]
        actors = self._entities(actor_heads)
        strong = [h for h in recip_heads if h.i not in self._weak]
        weak = [h for h in recip_heads if h.i in self._weak]
        recips = self._entities(strong) + [e for e in self._entities(weak) if e.country or e.sector or e.group]
        recips = [r for r in recips if all(r.span != a.span for a in actors)]
        if (c.kind == "verb" and code[:2] in JUDGING_ROOTS and actors
                and not any(r.country or r.sector or r.group for r in recips)):
            # "condemned the attack", "rejected the allegations made by Pakistan": the party
            # whose act is judged
            recips = self._author_of_topic(c, actors, sent) or recips
        if actors:
            # "they beat them": an object pronoun is not its own clause's subject, so it does not
            # take the antecedent the subject took
            recips = [r for r in recips if not (r.how.startswith("coref") and r.text.lower() in OBJECT_PRONOUNS
                                                and any(a.code == r.code for a in actors))]
        if c.kind == "verb" and actors:
            recips = self._other_party(c, actors, recips, recip_heads)
        recips = [r for r in recips if r.code or not self._topic(r, sent.doc)]
        how_pair = False
        if (c.sym or mutual) and not recips and len(actors) >= 2 and self.convention.reciprocal_pairs:
            actors, recips = actors[:1], actors[1:]
        if not actors and "pair" in c.pattern.flags:
            pair = self.resolver.registry.pair()
            if pair:
                a, b = pair
                actors = [Entity(a.text, a.span, a.name, a.country, a.sector, "context", a.group)]
                recips = recips or [Entity(b.text, b.span, b.name, b.country, b.sector, "context", b.group)]
                how_pair = True
        if "weapon" in c.pattern.flags and weapon is None:
            self.dropped.append(Dropped(c.token.text, code, "subject is no weapon"))  # "protesters exploded"
            return None
        if not actors and weapon is not None:
            # the evidence is the weapon's phrase ("A roadside bomb"): whoever used it is unnamed
            first = weapon.doc[weapon.left_edge.i]
            span = (first.idx, weapon.idx + len(weapon))
            actors = [Entity(self.resolver.text[span[0]:span[1]], span, None, None, "UAF", "implied")]
        if not actors and code[:2] == "14":
            # "the ongoing protest", "a strike began": protesters are civilians unless the
            # text says who; their country comes later from the place or the article
            t = c.tokens[-1]
            actors = [Entity(t.text, (t.idx, t.idx + len(t)), None, None, "CVL", "implied")]
        if (not actors and c.kind == "noun" and code[:2] in ("18", "19", "20")
                and any(ch.dep_ == "poss" and (ch.ent_type_ in ("DATE", "TIME") or ch.lemma_.lower() in TIME_WORDS)
                        for ch in c.tokens[-1].children)):
            # "Tuesday's attack": an attack of that day by someone the sentence does not name
            # (the place's unidentified armed actors, filled in by dyad.actors.roles)
            t = c.tokens[-1]
            actors = [Entity(t.text, (t.idx, t.idx + len(t)), None, None, "UAF", "implied")]
        if (code[:2] in ("18", "19", "20") and all(a.how == "implied" for a in actors)
                and (c.kind == "noun" and not c.sym or "victim" in c.pattern.flags
                     or c.kind == "verb" and _is_passive(c.token) and not _children(c.token, ("agent",)))):
            # "soldiers were killed in the attack": who attacked, where the article says it
            actors = self._context_attackers(c, sent, recips, by_tok) or actors
        if not actors and not recips:
            self.dropped.append(Dropped(c.token.text, code, "no actor"))
            return None
        if (c.kind == "verb" and actors and _children(c.token, SUBJECT_DEPS)
                and not any(e.country or e.sector or e.group or _named(e, sent.doc) for e in actors)
                and not any(h.pos_ == "PRON" for h in actor_heads)):
            if code[:2] == "14" and all(_crowd(h) for h in actor_heads):
                # "Thousands marched", "Residents protested": an unresolved crowd is civilians
                actors = [Entity(a.text, a.span, a.name, a.country, "CVL", "implied") for a in actors]
            else:
                # "A storm hit Cuba": the subject is no political actor
                self.dropped.append(Dropped(c.token.text, code, "subject is not an actor"))
                return None
        resolved = any(e.country or e.sector or e.group for e in actors + recips)
        if not resolved and not any(_named(e, sent.doc) for e in actors + recips):
            self.dropped.append(Dropped(c.token.text, code, "no actor resolved or named"))
            return None
        own = c.kind == "noun" and self._own_actors(c)
        if (c.kind == "noun" and not own and (how_pair or _definite(c.token))
                and self._refers_back(code, actors + recips)):
            self.dropped.append(Dropped(c.token.text, code, "refers back to an earlier event"))
            return None
        toks = sorted(c.tokens, key=lambda t: t.i)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        trig_text = self.resolver.text[start:end]
        features = self._features(c, code, actors, recips, modality, how_pair, resolved)
        conf = heuristic_confidence(features)
        speakers, speech_verb = [], None
        if (self.convention.said_attacks and c.speaker is not None and c.modality == "reported"
                and c.speaker.token.i < c.token.i):  # "A said B attacked", not "B attacked, A said"
            speakers = self._entities(self._subjects(c.speaker.token, by_tok))  # for "A said B attacked"
            speech_verb = c.speaker.token.lemma_.lower()
        return Event(
            article_id=self.article_id,
            pub_date=self.pub_date,
            cameo=code,
            trigger=Trigger(trig_text, (start, end), c.token.lemma_.lower()),
            sentence=sent.text.strip(),
            sentence_span=(sent.start_char, sent.start_char + len(sent.text.rstrip())),
            actors=actors,
            recipients=recips,
            confidence=conf,
            features=features,
            modality=modality,
            coder_kind="pattern",
            coder_name=name,
            speakers=speakers,
            speech_verb=speech_verb,
        )

    def _context_attackers(self, c: Candidate, sent, recips: list[Entity], by_tok) -> list[Entity]:
        """The attackers of a violent event whose clause names none, where the article does.

        In order: the opponent of the fight the event happened in ("died in the raid and the
        firefight that followed *with militants*", "in an ambush *by* rebels"); the speaker, when a
        military reports the death of fighters of an armed group or of another country's forces
        ("the Nigerian army said 20 Boko Haram fighters were killed in an airstrike"); the
        attackers of the violent event of the last two sentences that "the attack", "the
        gunfight" refers back to. Never a party of the victims' own side.
        """
        victims = {r.code for r in recips if r.code}
        victim_countries = {r.country for r in recips if r.country}

        def other_side(ents):
            return [e for e in ents if (e.country or e.group or e.sector) and e.how != "implied" and e.code not in victims
                    and all(e.span != r.span for r in recips)]

        def own_side(e):  # the victims' own state forces do not attack them
            return e.sector in STATE_FORCES and any(r.sector in STATE_FORCES and r.country in (None, e.country)
                                                    for r in recips)

        tok = c.token
        settings = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "during", "amid")
                    for o in _conjuncts(next((x for x in p.children if x.dep_ == "pobj"), p)) if o.dep_ in ("pobj", "conj")]
        if c.kind == "noun":
            settings = [tok] + settings
        idx = self.resolver.index
        opponents = [h for o in settings if o.pos_ == "NOUN" and o.i not in idx.names and o.i not in idx.places
                     for p in o.children if p.dep_ in ("prep", "agent") and p.lower_ in ("with", "by")
                     and not (o.i == tok.i and p.lower_ == "with")
                     for x in p.children if x.dep_ == "pobj" for h in _conjuncts(x)]
        found = other_side(self._entities(opponents)) if opponents else []
        if found:
            return [Entity(e.text, e.span, e.name, e.country, e.sector, e.how + "+clause", e.group) for e in found]
        if c.speaker is not None and recips and all(
                r.sector in ARMED_SECTORS or (r.group and not r.country) for r in recips):
            # a military reports the fighters it killed (not its own dead, nor civilians)
            speakers = [e for e in self._entities(self._subjects(c.speaker.token, by_tok))
                        if e.country and e.sector == "MIL"]
            if speakers:
                return [Entity(e.text, e.span, e.name, e.country, e.sector, "coref", e.group) for e in speakers]
        back = (c.kind == "noun" and _definite(tok)) or any(_definite(o) for o in settings if o.i != tok.i)
        if not back or not self.history:
            return []
        starts = [s.start_char for s in sent.doc.sents]
        here = sum(1 for x in starts if x <= sent.start_char)
        for old in reversed(self.history):
            if old.cameo[:2] not in ("18", "19", "20"):
                continue
            if here - sum(1 for x in starts if x <= old.sentence_span[0]) > 2:
                break
            found = [e for e in other_side(old.actors) if not own_side(e)]
            if not found and old.actors and all(own_side(e) for e in old.actors):
                # "soldiers killed five rebels ... two soldiers died in the clash": the other side
                found = [e for e in other_side(old.recipients) if not own_side(e)
                         and (e.sector in ARMED_SECTORS or e.group and not e.country)]
            if found:
                return [Entity(e.text, e.span, e.name, e.country, e.sector, "coref", e.group) for e in found]
        return []

    def _author_of_topic(self, c: Candidate, actors: list[Entity], sent) -> list[Entity]:
        """Who did what a comment, a criticism or a rejection is about, when the clause names
        nobody else: the author the event noun names ("the allegations *made by Pakistan*",
        "the claims *by* the rebels", "*Ethiopia's* allegations" for words and demands), else,
        for a definite noun ("condemned *the attack*", "welcomed *the release*"), the actors of
        the article's last event of that kind in the last three sentences."""
        own = {a.code for a in actors if a.code}
        own_countries = {a.country for a in actors if a.country}
        for o in (x for d in _children(c.token, ("dobj",)) for x in _conjuncts(d)):
            pattern = self._noun_pattern(o)
            if pattern is None or not pattern.code:
                continue
            heads = [x for a in o.children if a.dep_ == "acl"
                     for p in a.children if p.dep_ in ("agent", "prep") and p.lower_ == "by"
                     for x in p.children if x.dep_ == "pobj"]
            heads += [x for p in o.children if p.dep_ == "prep" and p.lower_ == "by"
                      for x in p.children if x.dep_ == "pobj"]
            if pattern.code[:2] in SAYING_ROOTS:  # "Ethiopia's allegations" (but "his release": the victim)
                heads += [x for x in o.children if x.dep_ == "poss" and x.lower_ not in POSSESSIVE_PRONOUNS]
            if heads:
                found = [e for e in self._entities(heads) if (e.country or e.group or e.sector) and e.code not in own]
                if found:
                    return found
                continue
            if not _definite(o) or not self.history:
                continue
            starts = [x.start_char for x in sent.doc.sents]
            here = sum(1 for x in starts if x <= sent.start_char)
            for old in reversed(self.history):
                if here - sum(1 for x in starts if x <= old.sentence_span[0]) > 3:
                    break
                if _family(old.cameo) != _family(pattern.code) or old.coder_kind != "pattern":
                    continue
                found = [e for e in old.actors if (e.country or e.group) and e.how != "implied"
                         and e.code not in own and not (e.country in own_countries and not e.sector)]
                if found:
                    return [Entity(e.text, e.span, e.name, e.country, e.sector, "coref", e.group) for e in found]
                break
        return []

    def _other_party(self, c: Candidate, actors: list[Entity], recips: list[Entity], recip_heads: list) -> list[Entity]:
        """The party acted on, where the object is the actor's own forces or only the addressee.

        "Britain mobilized reservists for a war against Iraq", "willing to withdraw its troops
        from Lebanon": the recipient is the other party or place, not the actor's own troops;
        "complained to the UN over Israeli raids": the party complained about, not the addressee.
        """
        own = {a.country for a in actors if a.country}
        if not own:
            return recips
        tok = c.embedded.token if c.embedded is not None and c.embedded.kind == "verb" else c.token
        if tok.lemma_.lower() in COMPLAIN_VERBS:
            about = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("over", "about", "against")
                     for o in p.children if o.dep_ in ("pobj", "pcomp")]
            names = [m for o in about for m in [o, *o.children] if m.i in self.resolver.index.names
                     and (m is o or m.dep_ in ("amod", "compound", "poss", "nmod", "nsubj"))]
            found = [e for e in self._entities(names) if e.country and e.country not in own]
            return found or recips
        if not recips or not recip_heads:
            return recips
        if not all(h.lemma_.lower() in FORCE_NOUNS or h.lower_ in FORCE_NOUNS for h in recip_heads):
            return recips
        if any(r.country and r.country not in own for r in recips):
            return recips
        # the places and parties named by the clause's prepositions, nearest first
        todo, places = [tok], []
        while todo:
            t = todo.pop(0)
            for ch in t.children:
                if ch.dep_ in ("prep", "dobj", "pobj", "pcomp", "agent") and not (ch.dep_ == "prep" and _is_time_pp(ch)):
                    todo.append(ch)
                    if ch.dep_ == "pobj" and t.lower_ in PLACE_PREPS:
                        places.extend(_conjuncts(ch))
        for h in places:
            cands = [h] + [m for m in h.children if m.dep_ in ("amod", "compound", "poss", "nmod")]
            found = [e for e in self._entities([x for x in cands if x.i in self.resolver.index.names] or [h])
                     if e.country and e.country not in own]
            if found:
                return found
        return recips

    @staticmethod
    def _foreign(ev: Event) -> bool:
        """Do the actor's and the recipients' countries differ (both known)?"""
        mine = {a.country for a in ev.actors if a.country}
        theirs = {r.country for r in ev.recipients if r.country}
        return bool(mine and theirs and not mine & theirs)

    def _is_event_noun(self, tok) -> bool:
        """"suspended the talks": an event noun is what is acted on, not who."""
        return tok.pos_ == "NOUN" and self._noun_pattern(tok) is not None

    def _own_actors(self, cand: Candidate) -> bool:
        """Does a nominal event name its own actor ("his visit", "talks between X and Y")?"""
        noun = cand.tokens[-1]
        return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("by", "between"))
                   or (c.dep_ in ("amod", "compound", "nmod") and c.i in self.resolver.index.names)
                   for c in noun.children)

    def referred_code(self, tok, code: str | None = None) -> str | None:
        """The code of the definite event noun an event at ``tok`` refers back to, or None.

        The event's own noun ("*the hijacking* ended"), its subject ("*the attack* killed
        five"), or the setting it happened in ("died *in the raid* and *the firefight that
        followed*", "*during the gunfight*"): "the", "this" or "that" + an event noun; its object
        only when the event (``code``) is of the noun's own kind ("attended *the meeting*",
        not "condemned *the attack*"). The pipeline dates such an event by the article's
        earlier event of that kind (``ArticleDates.resolve``); "after the attack" is another
        time, no reference.
        """
        nouns = [tok] if tok.pos_ == "NOUN" else []
        nouns += [s for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") for s in _conjuncts(c)]
        nouns += [o for p in tok.children if p.dep_ == "prep" and p.lower_ in ("in", "during", "amid")
                  for x in p.children if x.dep_ == "pobj" for o in _conjuncts(x)]
        objects = [o for c in tok.children if c.dep_ == "dobj" for o in _conjuncts(c)] if code else []
        for n in nouns + objects:
            if n.pos_ != "NOUN" or not _definite(n):
                continue
            pattern = self._noun_pattern(n)
            if pattern is None or not pattern.code:
                continue
            if n in objects and n not in nouns and _family(pattern.code)[:2] != _family(code)[:2]:
                continue
            return pattern.code
        return None

    def _refers_back(self, code: str, ents: list[Entity]) -> bool:
        """"The meeting ..." after "X and Y met": the same event told again."""
        countries = {e.country for e in ents if e.country}
        for old in self.history:
            if old.cameo == code and countries <= {e.country for e in old.actors + old.recipients}:
                return True
        return False

    def _features(self, c: Candidate, code: str, actors, recips, modality: str, how_pair: bool,
                  resolved: bool) -> dict[str, float]:
        """What supports this event, as numbers for the confidence model (events.confidence)."""
        tok = c.token
        main = tok.dep_ == "ROOT" or (c.speaker is not None and c.speaker.token.dep_ == "ROOT")
        return {
            "noun": float(c.kind == "noun"),
            "light": float(c.kind == "light"),
            "specific": float(c.kind == "verb" and c.pattern.specificity > 0),
            "governed": float(c.cls in GOVERNING),
            "actor_country": float(any(a.country for a in actors)),
            "actor_sector": float(any(a.sector for a in actors)),
            "recipient": float(bool(recips)),
            "recipient_resolved": float(any(r.country or r.sector or r.group for r in recips)),
            "unresolved": float(not resolved),
            "pair": float(how_pair),
            "coref": float(any(e.how == "coref" for e in actors + recips)),
            "reported": float(modality == "reported"),
            "intended": float(modality == "intended"),
            "statement": float(code.startswith("01")),
            "conflict": float(code[:2] >= "10"),
            "main_clause": float(main),
        }

    def _statement(self, cands, sent, question: bool, by_tok) -> Event | None:
        """A plain statement ("X said ...") is coded 010 only when the sentence has no other event."""
        for c in cands:
            if c.cls == "speech" and c.code and not c.dropped and not question and not _negated(c.token):
                ev = self._build(c, c.code, "asserted", c.pattern.name, by_tok, sent)
                if ev is not None and any(a.country for a in ev.actors):
                    # "told the Security Council that ...": the one addressed hears it; the press,
                    # or what "said" found as its object, does not count
                    told = [r for r in ev.recipients if r.code and not (r.sector or "").startswith("MED")]
                    if c.token.lemma_.lower() in ADDRESS_VERBS and told and _direct_object(c.token) is not None:
                        ev.recipients = told
                    else:
                        ev.recipients = []
                        ev.features["recipient"] = ev.features["recipient_resolved"] = 0.0
                        ev.confidence = heuristic_confidence(ev.features)
                    return ev
        return None

    def dedup(self, events: list[Event]) -> list[Event]:
        seen: dict[tuple, Event] = {}
        for ev in events:
            # one root for one dyad once: "established ties with and opened an embassy in X"
            key = (ev.cameo[:2], tuple(sorted(a.code or "" for a in ev.actors)),
                   tuple(sorted(r.code or "" for r in ev.recipients)))
            old = seen.get(key)
            if old is None or ev.confidence > old.confidence:
                seen[key] = ev
        kept = set(id(e) for e in seen.values())
        # "the first deployment of troops arrived": a nominal event without actors, beside an
        # event of the same root that has them, is that event told again
        for ev in events:
            if (not ev.actors and ev.coder_name.startswith("noun:")
                    and any(o is not ev and o.actors and o.cameo[:2] == ev.cameo[:2] and id(o) in kept for o in events)):
                kept.discard(id(ev))
        return [e for e in events if id(e) in kept]
