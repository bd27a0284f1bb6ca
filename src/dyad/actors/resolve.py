"""Actor resolution: a mention in a parsed article -> an Entity with country and sector.

Context first: the mention's own words (titles, offices, demonyms, country and
organisation names, capitals as metonyms, a place it is "in"), then the article
(surnames, "the ministry", "the general", pronouns, "the two sides"), then the
knowledge base of office holders as of the event date.

Reads: a spaCy ``Doc`` of the whole article and the loaded ``KnowledgeBase``.
Sets: nothing on the Doc; returns ``Entity`` records.

Coreference is positional: a mention that refers back ("he", "the ministry",
"Shoigu") is resolved against the article's earlier noun phrases, which the
resolver reads (and resolves, once each) in text order when first needed, and
against what the caller has ``note``-d.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date

from dyad.actors.kb import KnowledgeBase, NameRef, Person, fold, phrase_key
from dyad.records import Entity

# Dependents that do not belong to an actor mention.
_CUT_DEPS = {"relcl", "acl", "advcl", "conj", "cc", "punct", "prep", "parataxis", "dep", "mark"}
# Prepositions whose phrase still describes the actor ("the minister of defence",
# "officials from Kenya"); "for" only after a word that speaks for someone else.
_KEEP_PREPS = {"of", "from"}
_SPEAKS_FOR = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople",
               "representative", "representatives", "envoy", "negotiator", "adviser", "advisor", "aide",
               "official", "officials", "coordinator", "commissioner", "rapporteur", "ambassador"}
_TITLES = {
    "gen", "gen.", "general", "col", "col.", "colonel", "col-gen", "lt", "lt.", "lieutenant",
    "maj", "maj.", "major", "adm", "adm.", "admiral", "capt", "capt.", "captain", "brig", "brig.",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "minister", "prime",
    "sen", "sen.", "senator", "rep", "rep.", "gov", "gov.", "governor", "king", "queen",
    "prince", "sheikh", "ayatollah", "pope", "chancellor", "premier", "ambassador", "secretary",
    "marshal", "sgt", "sgt.", "cmdr", "commander", "chief", "deputy", "vice", "foreign", "defence",
    "defense", "chairman", "chair", "director", "mayor", "judge", "justice", "lt-gen", "lt.-gen.",
    "maj-gen", "col.-gen.", "army", "state", "interior", "former", "ex", "late",
}
RELATIVES = {"who", "whom", "which", "that"}
PRONOUNS_PERSON = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
PRONOUNS_THING = {"it", "its", "itself"}
PRONOUNS_PLURAL = {"they", "them", "their", "theirs", "themselves"}
PRONOUNS = PRONOUNS_PERSON | PRONOUNS_THING | PRONOUNS_PLURAL
PAIR_HEADS = {"side", "sides", "party", "parties", "two", "both", "countries", "nations", "leaders",
              "governments", "ministers", "delegations", "military", "militaries", "armies"}
# Words that make an office a former one: "former president", "ousted leader", "ex-minister".
ELI_MARKERS = {"former", "ex", "ousted", "deposed", "late", "retired", "erstwhile", "onetime", "one-time",
               "toppled", "overthrown"}
# Heads that only count or group the actors they govern: "thousands of Nigerians".
QUANTITY_HEADS = {"thousands", "hundreds", "dozens", "scores", "millions", "tens", "some", "many",
                  "several", "members", "member", "crowds", "crowd", "handful", "number", "group",
                  "groups", "most", "all", "few", "majority", "hundred", "thousand", "dozen"}
# Heads whose "of" phrase says whose they are: "leaders of the opposition coalition".
_HEADS_OF = {"leader", "leaders", "head", "heads", "chief", "chiefs", "representative", "representatives",
             "delegation", "delegations", "officials", "official", "part", "wing"}
# A sector noun "in" or "at" a place belongs to it: "rebels in eastern Congo", "police in Nairobi".
_PLACE_PREPS = {"in", "at", "from", "of", "inside", "across"}
# Prepositions whose object is where something happens, not who takes part ("met in Moscow").
_LOCATIVE = {"in", "at", "near", "into", "across", "around", "outside", "inside", "on", "over",
             "through", "throughout", "within", "toward", "towards", "along", "to", "off", "via"}
# Prepositions that make a capital a place rather than its government ("a curfew in Algiers";
# but "sanctions on Moscow", "a message to Beijing").
_WHERE = {"in", "at", "near", "inside", "outside", "around", "across", "throughout", "within", "into",
          "through"}
# What a bare definite description can refer back to, beyond its own head word.
_KIND_WORDS = {
    "country": {"country", "nation", "kingdom", "republic", "island", "emirate", "state"},
    "capital": {"government", "capital"},
    "seat": {"government"},
    "ministry": {"ministry", "department", "office"},
    "military": {"army", "military", "forces", "force", "navy", "troops"},
    "police": {"police", "force", "forces"},
    "intelligence": {"agency", "service", "services"},
    "party": {"party"},
    "legislature": {"parliament", "assembly", "legislature", "house", "chamber"},
    "court": {"court"},
    "media": {"broadcaster", "agency", "newspaper", "channel", "network", "outlet"},
    "company": {"company", "firm", "group"},
    "igo": {"organisation", "organization", "body", "alliance", "bloc", "union", "agency", "group"},
    "ngo": {"organisation", "organization", "group", "charity", "agency"},
    "armed_group": {"group", "militants", "rebels", "insurgents", "fighters", "movement", "militia",
                    "organisation", "organization", "jihadists", "guerrillas", "outfit"},
}
# Words that end the name of a body: "Forum", "Association" (an organisation the knowledge base
# may not know). Not "Front", "Movement", "Party", "Alliance", "League": those are often armed or
# political, and their country is not told by the name.
ORG_HEADS = frozenset({"association", "associations", "forum", "federation", "foundation", "institute",
                       "society", "network", "committee", "centre", "center", "watch", "trust", "union",
                       "syndicate", "confederation", "organisation", "organization"})
# Heads that stand for a body's people: its officials, members, staff.
_MEMBERS = frozenset({"officials", "official", "members", "member", "leaders", "leader", "staff", "spokesman",
                      "spokeswoman", "spokesperson", "representatives", "representative", "activists",
                      "delegates", "head", "chief", "chairman", "president", "director"})
# Sectors of a state institution: a name holding one is no NGO ("Senate ... Committee").
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
_STATE_BODIES = frozenset({"committee", "centre", "center"})  # a state's own, with a state word in the name
# Participles that say where a body sits: "a group based in Trinidad".
_BASED = frozenset({"base", "based", "operate", "operating", "station", "stationed", "headquarter",
                    "headquartered", "locate", "located"})
# Heads that, after a demonym, name an ethnic group where it lives: "the Albanian population".
_COMMUNITY_HEADS = frozenset({"population", "populations", "minority", "minorities", "community",
                              "communities"})
# Heads that say "the other one of a pair" and take the sector of the person they pair with.
# the envoys a state sends to an international body: "Iran's U.N. ambassador" is Iran's
ENVOY_HEADS = {"ambassador", "envoy", "mission", "representative", "delegation", "delegate", "emissary",
               "diplomat", "observer"}
# settlers (SET) in a territory another state occupies are that state's people: "Jewish
# settlers in Hebron" are Israeli (CAMEO ISRSET), not Palestinian
SETTLER_STATES = {"PSE": "ISR"}
_COUNTERPARTS = {"counterpart", "counterparts", "opposite", "equivalent"}
# Modifiers a bare description may carry and still refer back ("the former president").
_DESCRIPTION_MODS = {"the", "this", "that", "these", "those", "former", "same", "latter", "two", "both"}
# Where a noun phrase that may be referred back to stands.
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "attr", "agent", "ROOT", "conj", "npadvmod"}
_GEO_KINDS = ("country", "demonym", "capital")
_PLACE_KINDS = ("country", "capital", "region", "town")


@dataclass(slots=True)
class Match:
    start: int  # token index
    end: int  # exclusive
    ref: NameRef | str | tuple  # NameRef for names; a sector code for sectors; a key for persons
    kind: str = ""  # sector phrases: title | noun | group


@dataclass(slots=True)
class DocIndex:
    """Phrase matches over one Doc, computed once per article."""

    names: dict[int, Match] = field(default_factory=dict)  # token index -> covering name match
    places: dict[int, Match] = field(default_factory=dict)  # regions and towns ("Darfur", "Lagos")
    sectors: dict[int, Match] = field(default_factory=dict)
    persons: dict[int, Match] = field(default_factory=dict)  # known office holders' names
    country_counts: Counter = field(default_factory=Counter)
    cased: bool = True  # the text has capitals (names are told by them)


def _scan(lowers, table: dict, starts: dict[str, int], accept) -> list[Match]:
    """Greedy longest matches of ``table`` keys over the token keys ``lowers``."""
    out: list[Match] = []
    n = len(lowers)
    i = 0
    while i < n:
        longest = starts.get(lowers[i], 0)
        hit = None
        for length in range(min(longest, n - i), 0, -1):
            key = tuple(lowers[i : i + length])
            ref = table.get(key)
            if ref is not None and accept(i, length, key, ref):
                hit = Match(i, i + length, ref)
                break
        if hit:
            out.append(hit)
            i = hit.end
        else:
            i += 1
    return out


def _leaning(doc, i: int) -> bool:
    """Is token ``i`` the second half of "pro-X" or "anti-X"?"""
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("pro", "anti"):
        return True
    return i >= 1 and doc[i - 1].lower_ in ("pro-", "anti-")


def index_doc(doc, kb: KnowledgeBase) -> DocIndex:
    """Greedy longest-match passes over the Doc for sector phrases, names and office holders.

    A name inside an office holder's name is no name ("Israel Katz", "Jordan Bardella");
    an organisation inside a longer title is no organisation ("Labour Minister"); a sector
    word inside a name is no sector ("European Union", "Qin Gang").
    """
    idx = DocIndex()
    lowers = [fold(t.lower_.replace("’", "'")) for t in doc]
    cased = idx.cased = any(c.isupper() for t in doc[:400] for c in t.text)

    def sector_ok(i, length, key, ref):
        last = doc[i + length - 1]
        # A sector phrase ends in a noun ("general election" is no general); a title of
        # several words is one whatever the tagger says ("UN secretary-general").
        return last.pos_ in ("NOUN", "PROPN") or (length == 1 and last.lower_ in _TITLES) or (
            length > 1 and kb.sector_kinds.get(key) == "title")

    def person_ok(i, length, key, ref):
        toks = doc[i : i + length]
        if not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in toks):
            return False
        return not cased or all(t.is_title or t.is_upper or not t.is_alpha or t.is_lower and length > 1
                                for t in toks) and (toks[0].is_title or toks[0].is_upper or length > 1)

    def name_ok(i, length, key, ref):
        toks = doc[i : i + length]
        if not cased:
            return True
        # Names are proper nouns in cased text ("china" the dish is not China).
        if not any(c.isupper() for t in toks for c in t.text):
            return False
        if key in kb.acronyms and not all(t.is_upper or not t.is_alpha for t in toks):
            # "Nato" is NATO, but "Isis Ortega" and "Tran Xuan Gia" are people
            for j in (i - 1, i + length):
                if 0 <= j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].is_title \
                        and j not in sectors:
                    return False
        return True

    sectors: dict[int, Match] = {}
    for m in _scan(lowers, kb.sectors, kb.starts.get("sectors", {}), sector_ok):
        m.kind = kb.sector_kinds.get(tuple(lowers[m.start : m.end]), "")
        for j in range(m.start, m.end):
            sectors[j] = m
    persons: dict[int, Match] = {}
    for m in _scan(lowers, kb.persons, kb.starts.get("persons", {}), person_ok):
        m.ref = tuple(lowers[m.start : m.end])
        for j in range(m.start, m.end):
            persons[j] = m
    person_ents = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
    for m in _scan(lowers, kb.names, kb.starts.get("names", {}), name_ok):
        covering = [persons[j] for j in range(m.start, m.end) if j in persons]
        if any(p.end - p.start >= m.end - m.start for p in covering):
            continue  # "Israel" in "Israel Katz"
        for p in covering:  # "Hayat" (a general's name) in "Hayat Tahrir al-Sham"
            for j in range(p.start, p.end):
                persons.pop(j, None)
        ref = m.ref
        if ref.kind in ("country", "demonym") and _leaning(doc, m.start):
            continue  # "pro-Iranian", "anti-American": a leaning, not a nationality
        if ref.kind == "country" and any(e.start == m.start and m.end < e.end for e in person_ents) \
                and doc[m.end].pos_ == "PROPN" and m.end not in sectors:
            continue  # a given name: "Jordan Bardella", "Chad Wolf"
        sec = sectors.get(m.start)
        if ref.kind == "organisation" and sec and sec.kind == "title" and sec.start <= m.start \
                and m.end <= sec.end and sec.end - sec.start > m.end - m.start:
            continue  # "Labour" in "Labour Minister"
        for j in range(m.start, m.end):
            idx.names[j] = m
        if ref.country:
            idx.country_counts[ref.country] += 1
    for m in _scan(lowers, kb.places, kb.starts.get("places", {}), name_ok):
        toks = doc[m.start : m.end]
        if any(j in idx.names or j in persons for j in range(m.start, m.end)):
            continue
        if m.ref.kind == "town" and not all(t.ent_type_ in ("GPE", "LOC", "FAC") for t in toks):
            continue  # a town's name counts where the parser sees a place ("Austin" may be a man)
        if any(t.ent_type_ == "PERSON" for t in toks):
            continue
        for j in range(m.start, m.end):
            idx.places[j] = m
    for j, m in sectors.items():
        name = idx.names.get(j) or idx.places.get(j)
        if name and name.start <= m.start and m.end <= name.end and name.end - name.start > m.end - m.start:
            continue  # "Union" in "European Union", "Bank" in "West Bank"
        if j in persons:
            continue  # "Gang" in "Qin Gang"
        idx.sectors[j] = m
    idx.persons = persons
    return idx


_BRIDGES = {",", "-", "–", "—", "(", ")"}  # punctuation that may sit inside a mention


def _body_names(doc, known) -> list:
    """Names of bodies the NER missed: a run of capitalised proper nouns ending in a word for
    a body ("the Global Water Justice Forum"), with an "of" phrase of proper nouns after it."""
    taken = {i for e in known for i in range(e.start, e.end)}
    out = []
    for t in doc:
        if t.lower_ not in ORG_HEADS or t.pos_ != "PROPN" or not t.text[:1].isupper() or t.i in taken:
            continue
        lo = t.i
        while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].text[:1].isupper():
            lo -= 1
        hi = t.i + 1
        if hi + 1 < len(doc) and doc[hi].lower_ in ("of", "for") and doc[hi + 1].pos_ == "PROPN":
            hi += 1
            while hi < len(doc) and doc[hi].pos_ == "PROPN" and doc[hi].text[:1].isupper():
                hi += 1
        if hi - lo >= 2:
            out.append(doc[lo:hi])
            taken.update(range(lo, hi))
    return out


def mention_tokens(head) -> list:
    """The tokens of the noun phrase headed by ``head``, without clauses and its own conjuncts.

    Coordinated modifiers stay ("French and German officials"); so does an appositive
    set off by commas ("Sergei Lavrov, Russia's foreign minister").
    """
    keep = {head.i}
    stack = list(head.children)
    while stack:
        tok = stack.pop()
        cut = tok.dep_ in _CUT_DEPS and not (tok.dep_ == "prep" and tok.lower_ in _KEEP_PREPS) \
            and tok.tag_ != "HYPH"
        if cut and tok.dep_ == "prep" and tok.lower_ == "for" and tok.head.lower_ in _SPEAKS_FOR:
            cut = False  # "a spokesman for the Defence Ministry"
        if cut and tok.dep_ in ("conj", "cc") and tok.head.i != head.i \
                and tok.head.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod", "conj"):
            cut = False  # "French and German" inside the phrase
        if cut:
            continue
        keep.add(tok.i)
        stack.extend(tok.children)
    doc = head.doc
    # The mention is the contiguous run around the head; a comma or dash may sit inside it.
    lo = hi = head.i
    while lo - 1 in keep or (lo - 2 in keep and doc[lo - 1].is_punct and doc[lo - 1].text in _BRIDGES):
        lo -= 1
    while hi + 1 in keep or (hi + 2 in keep and doc[hi + 1].is_punct and doc[hi + 1].text in _BRIDGES):
        hi += 1
    while lo < hi and doc[hi].is_punct:
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return [doc[i] for i in range(lo, hi + 1)]


@dataclass(slots=True)
class Mention:
    """An earlier mention in the article, as coreference sees it."""

    i: int  # head token
    start: int  # first token
    sent: int  # first token of its sentence
    ent: Entity
    words: frozenset[str]  # what a description may call it: "minister", "foreign minister", "group"
    names: tuple[str, ...] = ()  # lower-cased name tokens, for surnames
    person: bool = False
    plural: bool = False
    collective: bool = False  # a named body: "it" or "they" ("the Revolutionary Guards")
    subject: bool = False
    place: bool = False  # a country or capital where something happened, not a party
    country_only: bool = False  # a bare country name


class Registry:
    """The article's mentions so far, for coreference (kept for the coder: ``pair()``)."""

    def __init__(self, resolver: "ActorResolver"):
        self._resolver = resolver

    @property
    def entities(self) -> list[Entity]:
        return [m.ent for m in self._resolver._ordered()]

    def pair(self) -> tuple[Entity, Entity] | None:
        """The two most recent parties of different countries ("the two sides"),
        in the order the article first named them."""
        return self._resolver._pair(None)


class ActorResolver:
    """Resolves mentions of one article. Build one per article, call in text order."""

    def __init__(self, doc, kb: KnowledgeBase, pub_date: Date):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.kb = kb
        self.pub_date = pub_date
        self.index = index_doc(doc, kb)
        self.registry = Registry(self)
        ents = doc.ents
        self.persons = [e for e in ents if e.label_ == "PERSON"]  # the NER's person names, once
        # the NER's organisation names with a word for a body ("Forum", "Association"):
        # candidates for an organisation the knowledge base does not know
        self._orgs = [e for e in ents if e.label_ == "ORG" and self.index.cased
                      and any(t.lower_ in ORG_HEADS and t.text[:1].isupper() for t in e)]
        if self.index.cased:
            self._orgs += _body_names(doc, self._orgs)
        self._merged: dict[int, tuple[int, int]] = {}  # head token -> merged mention (first, last)
        # head token -> its mentions (two for "French and German officials"), resolved or noted
        self._mentions: dict[int, list[Mention]] = {}
        self._heads: list[int] = []  # sorted keys of _mentions
        self._noted: set[int] = set()  # heads the caller has noted (they replace what was read)
        self._cands: list | None = None  # candidate antecedent heads, in text order
        self._next_cand = 0
        self._last: dict[int, list[Mention]] = {}  # head -> what its last resolution knew
        self._day = pub_date
        self._sents: list[tuple[int, int]] | None = None
        self._sent_starts: list[int] = []

    # -- public -------------------------------------------------------------------
    def _mention(self, head) -> list:
        merged = self._merged.get(head.i)
        if merged:
            return [self.doc[i] for i in range(merged[0], merged[1] + 1)]
        return mention_tokens(head)

    def resolve(self, head, *, day: Date | None = None) -> list[Entity]:
        """Entities for the noun phrase headed by ``head`` (more than one for "the two sides"
        and for coordinated nationalities, "French and German officials")."""
        if head.lower_ in RELATIVES and head.head.dep_ == "relcl":
            head = head.head.head  # "soldiers who were freed": the soldiers
        return self._resolve_head(head, day or self.pub_date)

    def resolve_span(self, start_char: int, end_char: int, *, day: Date | None = None) -> list[Entity]:
        """Entities for the text between two character offsets (the span's syntactic head).

        A span that is only a modifier ("British" in "the British government") is
        resolved as the phrase it modifies.
        """
        span = self.doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or not len(span):
            return []
        head = span.root
        outside = {t.head.i for t in span if not (span.start <= t.head.i < span.end)}
        attached = [t for t in span if t.head.i in outside]
        if len(outside) == 1 and len(attached) > 1 and head.dep_ == "poss":
            head = head.head  # "X's al-Qaeda" in "X's al-Qaeda network"
        # a modifier stands for the phrase it modifies: "British" in "the British government",
        # "Romanian" in "Hungarian and Romanian officials"
        while (head.dep_ in ("amod", "compound", "nmod") or
               (head.dep_ == "conj" and head.head.dep_ in ("amod", "compound", "nmod"))) \
                and head.head.pos_ in ("NOUN", "PROPN", "ADJ") and not (span.start <= head.head.i < span.end):
            head = head.head
        return self.resolve(head, day=day)

    def merge_adjacent(self, heads: list) -> list:
        """Undo a parse that split one actor into conjuncts with nothing between them.

        "Chief of the General Staff Gen Valery Gerasimov and ..." is sometimes parsed as
        two conjuncts, "Chief of the ... Gen" and "Valery Gerasimov", though no "and" or
        comma separates them. Such neighbours are one actor; the later head (the name) leads.
        """
        if len(heads) < 2:
            return heads
        out = [heads[0]]
        for h in heads[1:]:
            prev = out[-1]
            a, b = mention_tokens(prev), mention_tokens(h)
            if a and b and b[0].i == a[-1].i + 1 and not any(t.dep_ == "cc" for t in a + b):
                self._merged[h.i] = (a[0].i, b[-1].i)
                out[-1] = h
            else:
                out.append(h)
        return out

    def note(self, ent: Entity, head) -> None:
        """Record a resolved mention for later coreference (it replaces what the resolver
        read there itself: the caller may know better, e.g. "it" is the speaker)."""
        if not (ent.country or ent.sector or ent.group):
            return
        known = next((k for k in self._last.get(head.i, ()) if k.ent.span == ent.span), None)
        if known is not None:
            m = Mention(known.i, known.start, known.sent, ent, known.words, known.names, known.person,
                        known.plural, known.collective, known.subject, known.place, known.country_only)
        else:
            m = self._make_mention(head, self._mention(head), ent, None, None)
        if head.i not in self._noted:
            self._noted.add(head.i)
            self._mentions.pop(head.i, None)
        self._add(m)

    def main_countries(self) -> list[str]:
        return [c for c, _ in self.index.country_counts.most_common(3)]

    def context_country(self, head, taken: tuple[str, ...] = ()) -> str | None:
        """A country for a participant that has a sector but none: the one its sentence
        names most (not one of ``taken``), else the article's main one."""
        lo, hi = self._sentence(head.i)
        own = {t.i for t in self._mention(head)}
        counts: Counter = Counter()
        seen: set[int] = set()
        for i in range(lo, hi):
            if i in own:
                continue  # not the mention's own words ("ethnic Uzbeks")
            m = self.index.names.get(i) or self.index.places.get(i)
            if m is None or id(m) in seen:
                continue
            seen.add(id(m))
            c = m.ref.country
            if c and c not in ("IGO", "NGO") and c not in taken:
                # a place where things happen ("prisoners in Iraq") counts double
                tok = self.doc[m.end - 1]
                where = tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE
                counts[c] += 2 if where else 1
        if counts:
            return self.kb.country_on(counts.most_common(1)[0][0], self._day)
        found = next((c for c in self.main_countries() if c not in taken and c not in ("IGO", "NGO")), None)
        return self.kb.country_on(found, self._day)

    def _sentence(self, i: int) -> tuple[int, int]:
        """The first token and the end of the sentence of token ``i`` (Token.sent scans the Doc)."""
        if self._sents is None:
            self._sents = [(s.start, s.end) for s in self.doc.sents]
            self._sent_starts = [s for s, _ in self._sents]
        return self._sents[bisect_right(self._sent_starts, i) - 1]

    # -- resolution ---------------------------------------------------------------
    def _resolve_head(self, head, day: Date) -> list[Entity]:
        self._last[head.i] = []
        toks = self._mention(head)
        if not toks:
            return []
        low = head.lower_
        if low in PRONOUNS:
            ref = self._pronoun(head)
            if ref is not None:
                return [self._copy(ref.ent, toks, "coref")]
            start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
            return [Entity(self.text[start:end], (start, end))]
        if low in ("you", "your"):
            # an interview printed as questions and answers ("VOA: You met the president ...",
            # "Armitage: ..."): the interviewer's "you" is the one who answers
            ref = self._interviewee(head)
            if ref:
                return [self._copy(e, toks, "coref") for e in ref]
        text_lows = {t.lower_ for t in toks}
        # "the two sides", "both countries", "the parties"
        if (low in PAIR_HEADS and (text_lows & {"two", "both", "sides", "parties", "the"})
                and not self._has_country(toks)):
            if low in ("two", "both") or text_lows & {"two", "both"} or low in ("sides", "parties"):
                pair = self._pair(toks[0].i)
                if pair:
                    return [self._copy(e, toks, "coref") for e in pair]
        found = self._resolve_tokens(toks, head, day)
        if (head.tag_ in ("NNS", "NNPS") and toks[0].lower_ == "the" and len(found) == 1
                and found[0].sector and not found[0].group
                and (not found[0].country or found[0].how.startswith("coref"))  # not one of the two
                and not self._has_country(toks)):
            # "the prime ministers", "the foreign ministers": the two office holders of the pair
            # the article just named, when both hold that kind of office
            pair = self._pair(toks[0].i)
            if pair and all(e.sector == found[0].sector for e in pair):
                return [self._copy(e, toks, "coref") for e in pair]
        return found

    @staticmethod
    def _turn_label(sent) -> tuple[str, list] | None:
        """The speaker label that opens a question or answer ("VOA:", "Q:", "Richard Armitage,
        former deputy secretary of state:"): its text and tokens, or None."""
        toks = list(sent)
        for n, t in enumerate(toks[:14]):
            if t.text == ":":
                label = [x for x in toks[:n] if not x.is_space]
                if not label or any(x.pos_ in ("VERB", "AUX") and x.dep_ != "amod" for x in label) \
                        or not label[0].text[:1].isupper():
                    return None
                return " ".join(x.text for x in label), label
            if t.is_punct and t.text not in (",", "-", ".", "’", "'"):
                return None
        return None

    def _interviewee(self, head) -> list[Entity]:
        """Whoever answers in a question-and-answer interview, for a "you" in a question: the
        person who labels the answers (a label other than the question's own, with a name)."""
        here = self._turn_label(head.sent)
        if here is None:
            return []
        for sent in self.doc.sents:
            other = self._turn_label(sent)
            if other is None or other[0] == here[0]:
                continue
            names = [t for t in other[1] if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"]
            if not names:
                continue
            # the name's last word heads it ("Richard Armitage"), whatever follows ("former ...")
            last = names[0]
            while last.i + 1 < len(self.doc) and self.doc[last.i + 1].ent_type_ == "PERSON" \
                    and self.doc[last.i + 1].pos_ == "PROPN":
                last = self.doc[last.i + 1]
            return [e for e in self.resolve(last) if e.country or e.sector or e.group]
        return []

    def _copy(self, ent: Entity, toks, how: str) -> Entity:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        return Entity(
            text=self.text[start:end], span=(start, end), name=ent.name,
            country=ent.country, sector=ent.sector, how=how, group=ent.group,
        )

    def _has_country(self, toks) -> bool:
        return any(t.i in self.index.names for t in toks)

    def _hits(self, table: dict[int, Match], toks) -> list[Match]:
        seen: set[int] = set()
        out = []
        for t in toks:
            m = table.get(t.i)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out

    def _core(self, head):
        """The word the mention is about: "Nigerians" in "thousands of Nigerians", "coalition"
        in "leaders of the opposition coalition"."""
        low = head.lower_
        if low in QUANTITY_HEADS or head.pos_ == "NUM" or low in _HEADS_OF:
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is None:
                        continue
                    if low in _HEADS_OF and not (pobj.i in self.index.sectors or pobj.i in self.index.names):
                        continue  # "leaders of the world": the leaders
                    return pobj
        elif head.pos_ == "NOUN" and not self._names_actor(head.i):
            # a word that is no actor, of people who are: "the welfare of 2,000 Libyans"
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is None:
                        continue
                    sec = self.index.sectors.get(pobj.i)
                    name = self.index.names.get(pobj.i)
                    if (sec is not None and sec.kind != "group") or (
                            name is not None and name.ref.kind == "demonym" and pobj.tag_ in ("NNS", "NNPS")):
                        return pobj
        return head

    def _names_actor(self, i: int) -> bool:
        idx = self.index
        return i in idx.sectors or i in idx.names or i in idx.persons or i in idx.places

    def _resolve_tokens(self, toks, head, day: Date) -> list[Entity]:
        doc = self.doc
        idx = self.index
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        text = self.text[start:end]
        core = self._core(head)
        country = sector = group = None
        how = "none"
        words: set[str] = set()
        # 1. names: organisations, countries, demonyms, capitals
        name_hits = self._hits(idx.names, toks)
        at_core = next((m for m in name_hits if m.start <= core.i < m.end), None)
        org = None
        if at_core is not None and at_core.ref.kind == "organisation":
            org = at_core
        elif at_core is None:
            org = next((m for m in name_hits if m.ref.kind == "organisation"), None)
        org_ref = self.kb.as_of(org.ref, day) if org else None
        if org_ref:
            country, sector, group = org_ref.country, org_ref.sector, org_ref.group
            how = "name"
            other = next((m for m in name_hits if m.ref.kind in _GEO_KINDS and m.end <= org.start
                          and m.ref.country != org_ref.country), None)
            if other is not None and org.end - org.start == 1 and org_ref.country not in ("IGO", "NGO", None):
                # a one-word name another country also uses: "the Philippine Congress"
                country, group = other.ref.country, None
            envoy_of = next((m for m in name_hits if m.ref.kind in _GEO_KINDS and m.end <= org.start), None)
            if (country == "IGO" and envoy_of is not None and org.end <= core.i
                    and core.lemma_.lower() in ENVOY_HEADS):
                # "Iran's U.N. ambassador", "the Russian UN mission": a state's envoy to the body
                country, sector, group = envoy_of.ref.country, "GOV", None
            words |= _KIND_WORDS.get(org_ref.org_kind, set())
            words.add(phrase_key(org_ref.name)[-1] if org_ref.name else "")
        if org is None and self._orgs:
            unknown = self._unknown_org(toks, core)
            if unknown is not None:
                ent = self._unknown_org_entity(unknown, text, (start, end), words)
                if ent is not None:
                    return [self._record(head, toks, ent, words)]
        geos = [m for m in name_hits if m.ref.kind in _GEO_KINDS]
        geo = None
        people = False  # "Nigerians", "Bosnian Serbs": the people of a country
        ethnic = False
        if geos:
            geo = at_core if at_core is not None and at_core.ref.kind in _GEO_KINDS else geos[0]
            if geo is at_core and geo.ref.kind == "demonym" and core.pos_ in ("NOUN", "PROPN") \
                    and (core.tag_ in ("NNS", "NNPS") or core.lower_.endswith("s")):
                people = True
                before = [m for m in geos if m.end <= geo.start]
                if before:
                    geo = before[-1]  # "Bosnian Serbs": where they live
            if geo.start > 0 and doc[geo.start - 1].lower_ == "ethnic":
                ethnic = True  # "ethnic Albanians": an ethnicity, not a nationality
            elif geo.ref.kind == "demonym" and geo.end == core.i and core.lower_ in _COMMUNITY_HEADS:
                ethnic = True  # "the Albanian population of the province", "the Russian minority"
        if geo is None and not country:
            # a region or town in the mention: "Darfur rebels", "Gaza's health ministry"
            geo = next(iter(self._hits(idx.places, toks)), None)
        if geo and not country and not ethnic:
            country = geo.ref.country
            how = "name"
            if geo.ref.kind == "capital" and len(toks) <= 2 and geo is at_core \
                    and self.kb.country_on(country, day) != country:
                sector = "CVL"  # the capital of a state not yet founded is a town ("Juba" in 1992)
            elif geo.ref.kind == "capital" and len(toks) <= 2 and geo is at_core \
                    and not (head.dep_ == "pobj" and head.head.lower_ in _WHERE):
                sector, how = "GOV", "metonym"  # "Moscow said"; "a curfew in Algiers" is a place
            if geo.ref.kind == "country" and geo is at_core:
                words |= _KIND_WORDS["country"]
        # 2. sector phrases: the one nearest before (or at) the head wins
        sec_hits = [m for m in self._hits(idx.sectors, toks) if not (org and org.start <= m.start and m.end <= org.end)]
        title_hit = None
        if sec_hits:
            before = [m for m in sec_hits if m.start <= core.i] or sec_hits
            best = max(before, key=lambda m: (m.end, m.end - m.start))
            title_hit = best
            for m in sec_hits:
                key = tuple(fold(t.lower_) for t in doc[m.start : m.end])
                words.add(" ".join(key))
                words.add(doc[m.end - 1].lemma_.lower())
            if not sector:
                sector = best.ref  # a named organisation keeps its own sector ("... Army (ELN)")
                how = "title" if how == "none" else how
            if self._former(toks, best):
                sector = "ELI"
        if people and not sector and not self._definite(toks, core):
            sector = "CVL"
        if people:
            home = self._place_of(core, ("of",))
            if home:
                country = home  # "the Albanians of southern Serbia": where they live
                sector = sector or "CVL"
        if not sector and not org and self._inhabited(core, head, at_core):
            sector = "CVL"  # "shelled the town of X", "a curfew in Algiers": its people
        if ethnic and not sector:
            sector = "CVL"
        # 3. a place the mention is in: "rebels in eastern Congo", "police in Nairobi"
        if sector == "PKO" and not country:
            country = "IGO"  # peacekeepers named by no country are an international force
        if not country and not ethnic and (sector or org):
            place = self._place_of(core) or (self._place_of(head) if head is not core else None)
            if place:
                country, how = place, ("name" if how == "none" else how)
                if sector == "SET":
                    country = SETTLER_STATES.get(country, country)  # "settlers in Hebron" are Israel's
        # 4. who "his" or "the country's" is
        if not country:
            poss = next((c for c in core.children if c.dep_ == "poss"), None)
            if poss is not None and (poss.lower_ in PRONOUNS or self._is_description(poss)):
                ref = self._pronoun(poss) if poss.lower_ in PRONOUNS else self._described(poss, [poss])
                if ref is not None and ref.ent.country:
                    country = ref.ent.country
                    how = "coref" if how == "none" else how
        # 5. "his Chinese counterpart": the office of the one it pairs with
        if core.lower_ in _COUNTERPARTS and not sector:
            ref = self._counterpart_of(core)
            if ref is not None and ref.ent.sector:
                sector = ref.ent.sector
                how = "coref" if how == "none" else how
        # 6. a definite description that refers back: "the ministry", "the general"
        pair_head = core.lower_ in PAIR_HEADS and core.tag_ in ("NNS", "NNPS")  # "the parties": a pair or none
        if not country and not org and not pair_head and self._is_description(core, toks):
            ref = self._described(core, toks)
            if ref is not None:
                keep = sector if sector == "ELI" else (ref.ent.sector or sector)
                return [self._record(head, toks, Entity(text, (start, end), ref.ent.name, ref.ent.country,
                                                        keep, "coref", ref.ent.group), words)]
        # 7. a person's name
        person: Person | None = None
        name = None
        pm = self._person_match(toks, core)
        if pm is not None:
            name = doc[pm.start : pm.end].text
            if not (country or sector) and pm.end - pm.start == 1:
                ref = self._by_surname(name, toks[0].i)
                if ref is not None:
                    return [self._record(head, toks, Entity(text, (start, end), ref.ent.name, ref.ent.country,
                                                            ref.ent.sector, "coref", ref.ent.group), words)]
            person = self.kb.person(pm.ref, day)
        else:
            name = self._person_name(toks, core)
            if name:
                if not (country or sector or org):
                    ref = self._by_surname(name, toks[0].i)
                    if ref is not None:
                        return [self._record(head, toks, Entity(text, (start, end), ref.ent.name,
                                                                ref.ent.country, ref.ent.sector, "coref",
                                                                ref.ent.group), words)]
                person = self._lookup_person(name, day)
        if person:
            # an institution's name ("Joint Chiefs of Staff") exists in many countries;
            # the office holder the article names settles it
            if not country or (org and not geo):
                country, how = person.country, ("kb" if how in ("none", "title") else how)
            if not sector:
                sector = person.sector or None
                how = "kb" if how in ("none", "kb") else how
            if person.office:
                office = person.office.replace("former ", "")
                words.add(office)
                words.add(office.split()[-1])
            name = person.name
        if country == "IGO" and sector and not (org_ref and org_ref.sector) and title_hit is not None \
                and sector == title_hit.ref and (title_hit.kind == "title" or sector == "GOV") \
                and not self._former(toks, title_hit):
            # an international organisation's officials are the organisation ("UN chief", "IAEA
            # director"); its troops and peacekeepers keep theirs
            sector = None
        if not (country or sector or group) and not pair_head:
            ref = self._refer_back(toks, core)
            if ref is not None:
                return [self._record(head, toks, Entity(text, (start, end), ref.ent.name, ref.ent.country,
                                                        ref.ent.sector, "coref", ref.ent.group), words)]
            if head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
                return []
            # unresolved, but still the actor the text names: kept, with no codes
        country = self.kb.country_on(country, day)
        ent = Entity(text, (start, end), name or (org_ref.name if org_ref else None), country, sector, how, group)
        split = self._split(toks, core, geos, ent) if geo and not org and not ethnic else None
        if split:
            for e in split:
                self._record(head, toks, e, words, person=bool(name))
            return split
        return [self._record(head, toks, ent, words, person=bool(name))]

    # -- pieces of resolution -----------------------------------------------------
    def _unknown_org(self, toks, core):
        """An organisation the knowledge base does not know, named in the mention: the NER's
        organisation name ending in a word for a body ("the Third World Water Forum"), which the
        mention is about or whose officials or members it counts ("Association officials")."""
        lo, hi = toks[0].i, toks[-1].i
        for e in self._orgs:
            if e.start < lo or e.end - 1 > hi:
                continue
            if not (e.start <= core.i < e.end
                    or (e.root.head.i == core.i and core.lower_ in _MEMBERS)):
                continue
            if any(t.i in self.index.persons for t in e):
                continue
            if any(m.ref.kind == "organisation" for m in self._hits(self.index.names, e)):
                continue
            return e
        return None

    def _unknown_org_entity(self, span, text: str, where: tuple[int, int], words: set[str]) -> Entity | None:
        """The entity of an unknown organisation: the country its name holds ("Nigerian Union of
        Teachers"), else an international NGO; the sector of the people it gathers ("Teachers"
        EDU, "Jurists" JUD), else NGO for a national body. A name holding a state institution
        without a country ("the Police Federation"), or a committee holding one ("the Senate
        Armed Services Committee"), is no NGO: None, and the mention is read as usual."""
        hits = self._hits(self.index.sectors, span)
        geo = next((m for m in self._hits(self.index.names, span) + self._hits(self.index.places, span)
                    if m.ref.country and m.ref.kind in _GEO_KINDS + _PLACE_KINDS), None)
        body = next(t for t in reversed(span) if t.lower_ in ORG_HEADS)
        if any(m.kind == "group" and m.ref in STATE_SECTORS for m in hits) \
                and (geo is None or body.lower_ in _STATE_BODIES):
            return None  # "the Senate Armed Services Committee", "the Police Federation"
        country = geo.ref.country if geo is not None else "NGO"
        nouns = [m.ref for m in hits if m.kind != "group"]
        groups = [m.ref for m in hits if m.kind == "group" and m.ref not in STATE_SECTORS]
        sector = (nouns or groups or [None])[0] or (None if country == "NGO" else "NGO")
        words |= {body.lower_, body.lemma_.lower(), "organisation", "organization", "group", "body"}
        name = self.text[span[0].idx if span[0].lower_ != "the" else span[1].idx : span[-1].idx + len(span[-1])]
        return Entity(text, where, name, country, sector, "name")

    @staticmethod
    def _former(toks, title: Match) -> bool:
        """Is the title a former one: "former president", "ex-President", "the late king"?"""
        if title.kind == "group":
            return False
        for t in toks:
            if t.i >= title.start:
                break
            low = t.lower_
            if low in ELI_MARKERS or low.startswith("ex-"):
                return True
        return False

    @staticmethod
    def _definite(toks, core) -> bool:
        """"The Russians" is the side; "Russians", "two Russians" are people."""
        return any(c.dep_ == "det" and c.lower_ == "the" for c in core.children) and not any(
            c.dep_ in ("nummod", "amod") for c in core.children)

    def _inhabited(self, core, head, at_core) -> bool:
        """A town, or a capital where something happens, as a participant: its inhabitants."""
        town = self.index.places.get(core.i)
        if town is not None and town.ref.kind == "town":
            return True
        return bool(at_core is not None and at_core.ref.kind == "capital" and head.dep_ == "pobj"
                    and head.head.lower_ in _WHERE)

    def _place_of(self, tok, preps=_PLACE_PREPS) -> str | None:
        for verb in tok.children:  # "a group based in Trinidad", "the Red Cross operating in Iraq"
            if verb.dep_ == "acl" and verb.lemma_.lower() in _BASED and verb.i > tok.i:
                found = self._place_of(verb, ("in", "at", "inside"))
                if found:
                    return found
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for t in (pobj, *pobj.children):
                    if t is not pobj and t.dep_ not in ("compound", "amod", "nmod", "poss"):
                        continue
                    m = self.index.names.get(t.i) or self.index.places.get(t.i)
                    if m is not None and m.ref.kind in _GEO_KINDS + _PLACE_KINDS and m.ref.country:
                        return m.ref.country
                    if m is not None and m.ref.kind == "organisation" and m.ref.country \
                            and m.ref.country not in ("IGO", "NGO"):
                        return m.ref.country
        return None

    def _split(self, toks, core, geos: list[Match], ent: Entity) -> list[Entity] | None:
        """"French and German officials": one entity per coordinated nationality."""
        mods = [m for m in geos if m.end <= core.i]
        countries = list(dict.fromkeys(m.ref.country for m in mods if m.ref.country))
        if len(countries) < 2:
            return None
        first, last = mods[0], mods[-1]
        if not any(self.doc[i].dep_ == "cc" or self.doc[i].text == "," for i in range(first.end, last.start)):
            return None
        out = []
        end = toks[-1].idx + len(toks[-1])
        for c in countries:
            m = next(m for m in mods if m.ref.country == c)
            start = self.doc[m.start].idx
            out.append(Entity(self.text[start:end], (start, end), ent.name, c, ent.sector, ent.how, ent.group))
        return out

    def _person_match(self, toks, core) -> Match | None:
        hits = self._hits(self.index.persons, toks)
        if not hits:
            return None
        at = next((m for m in hits if m.start <= core.i < m.end), None)
        m = at or hits[-1]
        if m.end - m.start == 1 and m.start > 0:
            prev = self.doc[m.start - 1]
            # a bare surname after another given name is someone else ("Rahul Gandhi")
            if prev.pos_ == "PROPN" and prev.i not in self.index.names and prev.i not in self.index.sectors \
                    and prev.lower_ not in _TITLES and prev.is_title:
                rows = self.kb.persons.get(m.ref) or []
                if rows and all(fold(p.name)[0].lower() != fold(prev.text)[0].lower() for p in rows):
                    return None
        return m

    def _person_name(self, toks, head) -> str | None:
        ents = [e for e in self.persons if e.start <= head.i < e.end]
        if not ents:
            ents = [e for e in self.persons if toks[0].i <= e.start and e.end <= toks[-1].i + 1]
        if ents:
            words = [t for t in ents[0]]
        elif toks[-1].pos_ == "PROPN" and toks[-1].i not in self.index.names:
            # the run of proper nouns closing the mention: "... Committee Gen Zubair Hayat"
            run = []
            for t in reversed(toks):
                if t.tag_ == "HYPH" and run:
                    run.append(t)  # "Okonkwo-Lind"
                    continue
                if t.pos_ != "PROPN" or t.i in self.index.names or t.i in self.index.sectors \
                        or t.lower_ in _TITLES:
                    break
                run.append(t)
            while run and run[-1].tag_ == "HYPH":
                run.pop()
            words = list(reversed(run))
            if len(words) == 1 and head.i != words[0].i and head.pos_ != "PROPN":
                return None
        else:
            return None
        while words and (words[0].lower_ in _TITLES or words[0].i in self.index.sectors or words[0].is_punct):
            words = words[1:]
        while words and words[-1].is_punct or (words and words[-1].lower_.replace("\u2019", "'") in ("'s", "'")):
            words = words[:-1]
        if not words:
            return None
        return self.text[words[0].idx : words[-1].idx + len(words[-1])]

    def _lookup_person(self, name: str, day: Date):
        key = phrase_key(name)
        for k in (key, key[-2:], key[-1:]):
            if not k:
                continue
            hit = self.kb.person(k, day)
            if hit:
                if k == key[-1:] and len(key) > 1:
                    # a bare surname hit must agree with the given name's initial
                    if fold(hit.name).split()[0][0].lower() != key[0][0]:
                        continue
                return hit
        return None

    # -- coreference --------------------------------------------------------------
    def _record(self, head, toks, ent: Entity, words: set[str], *, person: bool = False) -> Entity:
        self._last.setdefault(head.i, []).append(self._make_mention(head, toks, ent, words, person))
        return ent

    def _make_mention(self, head, toks, ent: Entity, words, person) -> Mention:
        doc = self.doc
        core = self._core(head)
        if words is None:
            words = {core.lemma_.lower()}
            for m in self._hits(self.index.sectors, toks):
                words.add(" ".join(t.lower_ for t in doc[m.start : m.end]))
                words.add(doc[m.end - 1].lemma_.lower())
        words = set(words)
        words.add(core.lemma_.lower())
        words.add(core.lower_)
        names: tuple[str, ...] = ()
        if ent.name:
            names = phrase_key(ent.name)
        elif core.pos_ == "PROPN":
            names = (fold(core.lower_),)
        title = self.index.sectors.get(core.i)
        is_person = bool(person or (ent.name and (self._hits(self.index.persons, toks) or
                                                   any(e.start <= core.i < e.end for e in self.persons))))
        if not is_person and title is not None and title.kind == "title" and core.tag_ in ("NN", "NNP"):
            is_person = True
        if core.lower_ in PRONOUNS_PERSON:
            is_person = True
        plural = core.tag_ in ("NNS", "NNPS") or core.lower_ in PRONOUNS_PLURAL
        geo = self.index.names.get(core.i) or self.index.places.get(core.i)
        place = False
        if geo is not None and geo.ref.kind in _PLACE_KINDS and head.dep_ == "pobj" \
                and head.head.lower_ in _LOCATIVE:
            place = True
        country_only = bool(geo is not None and geo.ref.kind == "country" and not ent.sector)
        collective = bool(geo is not None and (geo.ref.kind == "organisation" or country_only))
        return Mention(head.i, toks[0].i, self._sentence(head.i)[0], ent, frozenset(w for w in words if w), names,
                       is_person, plural, collective, head.dep_ in ("nsubj", "nsubjpass"), place, country_only)

    def _add(self, m: Mention) -> None:
        held = self._mentions.get(m.i)
        if held is None:
            insort(self._heads, m.i)
            self._mentions[m.i] = [m]
        elif all(h.ent.span != m.ent.span or h.ent.code != m.ent.code for h in held):
            held.append(m)

    def _ordered(self, upto: int | None = None) -> list[Mention]:
        heads = self._heads if upto is None else self._heads[: bisect_left(self._heads, upto)]
        return [m for i in heads for m in self._mentions[i]]

    def _candidates(self) -> list:
        if self._cands is None:
            # the heads of noun phrases in argument positions (cheaper than Doc.noun_chunks)
            heads = {t.i: t for t in self.doc if t.dep_ in _ARGUMENTS and t.pos_ in ("NOUN", "PROPN", "PRON")}
            for m in self.index.names.values():
                tok = self.doc[m.end - 1]
                if tok.dep_ == "poss" or (tok.dep_ in ("compound", "amod") and m.ref.kind == "organisation"):
                    heads.setdefault(tok.i, tok)
            for m in self.index.persons.values():
                tok = self.doc[m.end - 1]
                heads.setdefault(tok.i, tok)
            self._cands = [heads[i] for i in sorted(heads)]
        return self._cands

    def _before(self, pos: int) -> list[Mention]:
        """Mentions whose head comes before token ``pos``, reading the article up to there."""
        cands = self._candidates()
        while self._next_cand < len(cands) and cands[self._next_cand].i < pos:
            tok = cands[self._next_cand]
            self._next_cand += 1
            if tok.i in self._mentions or not self._may_refer(tok):
                continue
            for ent in self._resolve_head(tok, self._day):
                if ent.country or ent.sector or ent.group:
                    known = next((k for k in self._last.get(tok.i, ()) if k.ent is ent), None)
                    self._add(known or self._make_mention(tok, self._mention(tok), ent, None, False))
        return self._ordered(pos)

    def _may_refer(self, tok) -> bool:
        """Can a later mention refer back to this one? Not a pronoun (its own antecedent is
        nearer), and something in it names or describes an actor (or it is a proper name)."""
        if tok.pos_ == "PRON":
            return False
        if tok.pos_ == "PROPN":
            return True
        idx = self.index
        for i in range(tok.left_edge.i, tok.right_edge.i + 1):
            if i in idx.sectors or i in idx.names or i in idx.persons or i in idx.places:
                return True
        return False

    def _nearest(self, mentions: list[Mention], sent: int) -> Mention | None:
        """The nearest fitting mention: in this sentence the nearest subject, else the nearest;
        else, in the latest earlier sentence that has one, its subject, else its first."""
        if not mentions:
            return None
        same = [m for m in mentions if m.sent == sent]
        if same:
            subj = [m for m in same if m.subject]
            return (subj or same)[-1]
        last_sent = mentions[-1].sent
        prev = [m for m in mentions if m.sent == last_sent]
        subj = [m for m in prev if m.subject]
        return (subj or prev)[0]

    def _pronoun(self, tok) -> Mention | None:
        low = tok.lower_
        ants = [m for m in self._before(tok.i) if m.i < tok.i and (m.ent.country or m.ent.sector)]
        sent = self._sentence(tok.i)[0]
        if low in PRONOUNS_PERSON:
            return self._nearest([m for m in ants if m.person and not m.plural], sent)
        things = [m for m in ants if not m.person and not m.place]
        if low in PRONOUNS_PLURAL:
            return self._nearest([m for m in things if m.plural or m.collective], sent) \
                or self._nearest(things, sent)
        return self._nearest([m for m in things if not m.plural or m.collective], sent) \
            or self._nearest(things, sent)

    def _is_description(self, core, toks=None) -> bool:
        """A definite noun phrase with nothing but its head: "the ministry", "the former president"."""
        if core.pos_ != "NOUN":
            return False
        toks = toks or [core]
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                   for c in core.children):
            return False
        title = self.index.sectors.get(core.i)
        lo = title.start if title is not None else core.i
        return all(lo <= t.i or t.lower_ in _DESCRIPTION_MODS or t.dep_ in ("case", "punct")
                   for t in toks if t.i <= core.i)

    def _described(self, core, toks) -> Mention | None:
        """The last earlier mention a description fits: same title or head word."""
        first = toks[0].i
        ants = [m for m in self._before(first) if m.i < first]
        if not ants:
            return None
        m = self.index.sectors.get(core.i)
        keys = []
        if m is not None:
            keys.append(" ".join(fold(t.lower_) for t in self.doc[m.start : m.end] if t.lower_ not in ELI_MARKERS))
        keys += [core.lemma_.lower(), core.lower_]
        for key in keys:
            for ant in reversed(ants):
                if key in ant.words and not ant.place:
                    return ant
        return None

    def _by_surname(self, name: str, before: int) -> Mention | None:
        key = phrase_key(name)
        if not key:
            return None
        for ant in reversed(self._before(before)):
            if ant.i < before and ant.person and ant.names and key[-1] in ant.names and (
                    ant.names != key or ant.ent.country):
                return ant  # a surname, or the full name again ("Chanda Mwape's lawyer") of a described person
        return None

    def _counterpart_of(self, core) -> Mention | None:
        poss = next((c for c in core.children if c.dep_ == "poss"), None)
        if poss is not None and poss.lower_ in PRONOUNS:
            return self._pronoun(poss)
        ants = [m for m in self._before(core.i) if m.person and m.ent.sector]
        return self._nearest(ants, self._sentence(core.i)[0])

    def _refer_back(self, toks, core) -> Mention | None:
        """A bare word with nothing of its own: "the group", "the country", "the kingdom"."""
        if not self._is_description(core, toks):
            return None
        return self._described(core, toks)

    def _pair(self, before: int | None) -> tuple[Entity, Entity] | None:
        """The two sides: the parties of different countries named in the latest sentence
        that names two (a coordinated pair first: "talks between Israel and Hamas hosted by
        Qatar"), so that a mediator or host named since is no side; else the two most recent
        parties of different countries."""
        ants = self._ordered() if before is None else self._before(before)
        parties = [m for m in ants if not m.place and m.ent.country]
        by_sent: dict[int, list[Mention]] = {}
        for m in parties:
            by_sent.setdefault(m.sent, []).append(m)
        for sent in sorted(by_sent, reverse=True):
            ms = by_sent[sent]
            distinct: dict[str, Mention] = {}
            for m in ms:
                distinct.setdefault(m.ent.country, m)
            if len(distinct) < 2:
                continue
            doc = self.doc
            for a in ms:
                for b in ms:
                    if a.ent.country == b.ent.country or a.ent.span[0] >= b.ent.span[0]:
                        continue
                    if (a.i == b.i) or (doc[b.i].dep_ == "conj" and doc[b.i].head.i == a.i):
                        return a.ent, b.ent  # "Israel and Hamas", "French and German officials"
            a, b = sorted(list(distinct.values())[:2], key=lambda m: m.ent.span[0])
            return a.ent, b.ent
        seen: list[Mention] = []
        for m in reversed(ants):
            if m.place or not m.ent.country:
                continue
            if all(m.ent.country != s.ent.country for s in seen):
                seen.append(m)
            if len(seen) == 2:
                first: dict[str, int] = {}
                for a in ants:
                    if a.ent.country:
                        first.setdefault(a.ent.country, a.start)
                a, b = sorted(seen, key=lambda x: first[x.ent.country])
                return a.ent, b.ent
        return None
