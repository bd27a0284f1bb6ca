"""Actor resolution: a mention in a parsed article -> an Entity with country and sector.

Context first: the mention's own words (titles, offices, demonyms, country and
organisation names, capitals as metonyms), then the article (surnames, "the
ministry", pronouns, "the two sides"), then the knowledge base of office
holders as of the event date, then the article's main parties.

Reads: a spaCy ``Doc`` of the whole article and the loaded ``KnowledgeBase``.
Sets: nothing on the Doc; returns ``Entity`` records.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date as Date

from dyad.actors.kb import KnowledgeBase, NameRef, phrase_key
from dyad.records import Entity

# Dependents that do not belong to an actor mention.
_CUT_DEPS = {"relcl", "acl", "advcl", "conj", "cc", "punct", "prep", "parataxis", "dep", "mark"}
# Prepositions whose phrase still describes the actor ("the minister of defence",
# "officials from Kenya").
_KEEP_PREPS = {"of", "from"}
_TITLES = {
    "gen", "gen.", "general", "col", "col.", "colonel", "col-gen", "lt", "lt.", "lieutenant",
    "maj", "maj.", "major", "adm", "adm.", "admiral", "capt", "capt.", "captain", "brig", "brig.",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "minister", "prime",
    "sen", "sen.", "senator", "rep", "rep.", "gov", "gov.", "governor", "king", "queen",
    "prince", "sheikh", "ayatollah", "pope", "chancellor", "premier", "ambassador", "secretary",
    "marshal", "sgt", "sgt.", "cmdr", "commander", "chief", "deputy", "vice", "foreign", "defence",
    "defense", "chairman", "chair", "director", "mayor", "judge", "justice", "lt-gen", "lt.-gen.",
    "maj-gen", "col.-gen.", "army", "state", "interior",
}
RELATIVES = {"who", "whom", "which", "that"}
PRONOUNS_PERSON = {"he", "him", "his", "she", "her", "hers"}
PAIR_HEADS = {"side", "sides", "party", "parties", "two", "both", "countries", "nations", "leaders",
              "governments", "ministers", "delegations", "military", "militaries", "armies"}


@dataclass(slots=True)
class Match:
    start: int  # token index
    end: int  # exclusive
    ref: NameRef | str  # NameRef for names; a sector code for the sector lexicon


@dataclass(slots=True)
class DocIndex:
    """Phrase matches over one Doc, computed once per article."""

    names: dict[int, Match] = field(default_factory=dict)  # token index -> covering name match
    sectors: dict[int, Match] = field(default_factory=dict)
    country_counts: Counter = field(default_factory=Counter)


def index_doc(doc, kb: KnowledgeBase) -> DocIndex:
    """Greedy longest-match pass over the Doc for names and sector phrases."""
    idx = DocIndex()
    lowers = [t.lower_.replace("’", "'") for t in doc]
    cased = any(c.isupper() for c in doc.text[:2000])
    n = len(doc)
    for table, target, kind in ((kb.names, idx.names, "name"), (kb.sectors, idx.sectors, "sector")):
        i = 0
        while i < n:
            hit = None
            for length in range(min(kb.max_len, n - i), 0, -1):
                key = tuple(lowers[i : i + length])
                ref = table.get(key)
                if ref is None:
                    continue
                first, last = doc[i], doc[i + length - 1]
                if kind == "name":
                    # Names are proper nouns in cased text ("china" the dish is not China).
                    if cased and not (first.is_title or first.is_upper or not first.is_alpha):
                        continue
                else:
                    # A sector phrase ends in a noun ("general election" is no general).
                    if last.pos_ not in ("NOUN", "PROPN") and not (length == 1 and last.lower_ in _TITLES):
                        continue
                hit = Match(i, i + length, ref)
                break
            if hit:
                for j in range(hit.start, hit.end):
                    target[j] = hit
                if kind == "name" and hit.ref.country:
                    idx.country_counts[hit.ref.country] += 1
                i = hit.end
            else:
                i += 1
    return idx


def mention_tokens(head) -> list:
    """The tokens of the noun phrase headed by ``head``, without clauses and conjuncts."""
    keep = [head]
    stack = [c for c in head.children]
    while stack:
        tok = stack.pop()
        if tok.dep_ in _CUT_DEPS and not (tok.dep_ == "prep" and tok.lower_ in _KEEP_PREPS) \
                and tok.tag_ != "HYPH":
            continue
        keep.append(tok)
        stack.extend(tok.children)
    keep.sort(key=lambda t: t.i)
    # The mention is the contiguous run around the head.
    lo = hi = head.i
    have = {t.i for t in keep}
    while lo - 1 in have:
        lo -= 1
    while hi + 1 in have:
        hi += 1
    doc = head.doc
    while lo < hi and doc[hi].is_punct:
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    return [doc[i] for i in range(lo, hi + 1)]


@dataclass(slots=True)
class Registry:
    """What the article has said about its actors so far, for coreference."""

    entities: list[Entity] = field(default_factory=list)
    by_surname: dict[str, Entity] = field(default_factory=dict)
    by_word: dict[str, Entity] = field(default_factory=dict)
    last_person: Entity | None = None

    def add(self, ent: Entity, words: set[str], surname: str | None) -> None:
        if not (ent.country or ent.sector):
            return
        self.entities.append(ent)
        for w in words:
            self.by_word[w] = ent
        if surname:
            self.by_surname[surname] = ent
            self.last_person = ent

    def pair(self) -> tuple[Entity, Entity] | None:
        """The two most recent parties of different countries ("the two sides"),
        in the order the article first named them."""
        seen: list[Entity] = []
        for ent in reversed(self.entities):
            if ent.country and all(ent.country != s.country for s in seen):
                seen.append(ent)
            if len(seen) == 2:
                first: dict[str, int] = {}
                for e in self.entities:
                    first[e.country] = min(first.get(e.country, e.span[0]), e.span[0])
                a, b = sorted(seen, key=lambda e: first[e.country])
                return a, b
        return None


class ActorResolver:
    """Resolves mentions of one article. Build one per article, call in text order."""

    def __init__(self, doc, kb: KnowledgeBase, pub_date: Date):
        self.doc = doc
        self.kb = kb
        self.pub_date = pub_date
        self.index = index_doc(doc, kb)
        self.registry = Registry()
        self.persons = [e for e in doc.ents if e.label_ == "PERSON"]  # the NER's person names, once
        self._merged: dict[int, tuple[int, int]] = {}  # head token -> merged mention (first, last)

    # -- public -------------------------------------------------------------------
    def _mention(self, head) -> list:
        merged = self._merged.get(head.i)
        if merged:
            return [self.doc[i] for i in range(merged[0], merged[1] + 1)]
        return mention_tokens(head)

    def resolve(self, head, *, day: Date | None = None) -> list[Entity]:
        """Entities for the noun phrase headed by ``head`` (more than one for "the two sides")."""
        if head.lower_ in RELATIVES and head.head.dep_ == "relcl":
            head = head.head.head  # "soldiers who were freed": the soldiers
        toks = self._mention(head)
        if not toks:
            return []
        low = head.lower_
        text_lows = {t.lower_ for t in toks}
        # "the two sides", "both countries", "the parties"
        if (low in PAIR_HEADS and (text_lows & {"two", "both", "sides", "parties", "the"})
                and not self._has_country(toks)):
            if low in ("two", "both") or text_lows & {"two", "both"} or low in ("sides", "parties"):
                pair = self.registry.pair()
                if pair:
                    return [self._copy(e, toks, "coref") for e in pair]
        ent = self._resolve_tokens(toks, head, day or self.pub_date)
        return [ent] if ent else []

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
        """Record a resolved mention for later coreference."""
        toks = self._mention(head)
        words = {self.doc[m.start : m.end][-1].lower_ for i in range(len(toks))
                 if (m := self.index.sectors.get(toks[i].i))}
        words.add(head.lemma_.lower())
        surname = None
        if ent.name and " " in ent.name.strip():
            surname = ent.name.split()[-1].lower()
        elif ent.name and head.pos_ == "PROPN":
            surname = ent.name.lower()
        self.registry.add(ent, words, surname)

    def main_countries(self) -> list[str]:
        return [c for c, _ in self.index.country_counts.most_common(3)]

    # -- internals ----------------------------------------------------------------
    def _has_country(self, toks) -> bool:
        return any(t.i in self.index.names for t in toks)

    def _copy(self, ent: Entity, toks, how: str) -> Entity:
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        return Entity(
            text=self.doc.text[start:end], span=(start, end), name=ent.name,
            country=ent.country, sector=ent.sector, how=how, group=ent.group,
        )

    def _resolve_tokens(self, toks, head, day: Date) -> Entity | None:
        doc = self.doc
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
        text = doc.text[start:end]
        country = sector = group = None
        how = "none"
        # 1. names: countries, demonyms, capitals, organisations (first in text order)
        seen: set[int] = set()
        name_hits = []
        for t in toks:
            m = self.index.names.get(t.i)
            if m and id(m) not in seen:
                seen.add(id(m))
                name_hits.append(m)
        # the name that is the head itself ("NATO-member Norway") comes first
        name_hits.sort(key=lambda m: not (m.start <= head.i < m.end))
        org = next((m for m in name_hits if m.ref.kind == "organisation"), None)
        if org and name_hits[0] is not org and name_hits[0].start <= head.i < name_hits[0].end:
            org = None
        if org:
            country, sector, group = org.ref.country, org.ref.sector, org.ref.group
            how = "name"
        geo = next((m for m in name_hits if m.ref.kind in ("country", "demonym", "capital")), None)
        if geo and not country:
            country = geo.ref.country
            how = "name"
            if geo.ref.kind == "capital" and len(toks) <= 2 and geo.start <= head.i < geo.end:
                sector, how = "GOV", "metonym"
            elif geo.ref.kind == "country" and len(toks) <= 2 and geo.start <= head.i < geo.end:
                pass  # the country itself
        # 2. sector phrases: the one nearest before (or at) the head wins
        sec_hits = []
        seen.clear()
        for t in toks:
            m = self.index.sectors.get(t.i)
            if m and id(m) not in seen:
                seen.add(id(m))
                sec_hits.append(m)
        if sec_hits:
            before = [m for m in sec_hits if m.start <= head.i] or sec_hits
            best = max(before, key=lambda m: (m.end, m.end - m.start))
            if not sector or (best.start <= head.i < best.end and not org):
                sector = best.ref  # a named organisation keeps its own sector ("... Army (ELN)")
                how = "title" if how == "none" else how
        # 3. a person's name
        if how == "title" and not country and self._bare_description(toks, head):
            # "the ministry", "the general": the article's earlier mention, whatever its sector
            ref = self._coref(toks, head)
            if ref:
                return Entity(text, (start, end), ref.name, ref.country, ref.sector, "coref", ref.group)
        name = self._person_name(toks, head)
        if name:
            person = self._lookup_person(name, day)
            if person:
                # an institution's name ("Joint Chiefs of Staff") exists in many countries;
                # the office holder the article names settles it
                if not country or (org and not geo):
                    country, how = person.country, "kb"
                if not sector:
                    sector = person.sector or None
                    how = "kb" if how in ("none", "kb") else how
                name = person.name
            elif not (country or sector):
                # 4. coreference by surname
                ref = self.registry.by_surname.get(name.split()[-1].lower())
                if ref:
                    return Entity(text, (start, end), ref.name, ref.country, ref.sector, "coref", ref.group)
        if not (country or sector or group):
            ref = self._coref(toks, head)
            if ref:
                return Entity(text, (start, end), ref.name, ref.country, ref.sector, "coref", ref.group)
            if head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
                return None
            # unresolved, but still the actor the text names: kept, with no codes
        elif how == "title" and not country:
            ref = self._coref(toks, head)
            if ref and ref.sector == sector:
                return Entity(text, (start, end), ref.name, ref.country, ref.sector, "coref", ref.group)
        return Entity(text, (start, end), name or (org.ref.name if org else None), country, sector, how, group)

    @staticmethod
    def _bare_description(toks, head) -> bool:
        """A definite noun phrase with nothing but its head: "the ministry", "the general"."""
        return len(toks) == 2 and toks[0].lower_ in ("the", "this", "that") and toks[1].i == head.i

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
        while words and words[-1].is_punct or (words and words[-1].lower_ in ("'s", "'")):
            words = words[:-1]
        if not words:
            return None
        return self.doc.text[words[0].idx : words[-1].idx + len(words[-1])]

    def _lookup_person(self, name: str, day: Date):
        key = phrase_key(name)
        for k in (key, key[-2:], key[-1:]):
            if not k:
                continue
            hit = self.kb.person(k, day)
            if hit:
                if k == key[-1:] and len(key) > 1:
                    # a bare surname hit must agree with the given name's initial
                    if hit.name.split()[0][0].lower() != key[0][0]:
                        continue
                return hit
        return None

    def _coref(self, toks, head):
        low = head.lower_
        if low in PRONOUNS_PERSON:
            return self.registry.last_person
        if head.pos_ in ("NOUN", "PROPN"):
            m = self.index.sectors.get(head.i)
            word = self.doc[m.end - 1].lower_ if m else head.lemma_.lower()
            return self.registry.by_word.get(word) or self.registry.by_word.get(head.lemma_.lower())
        return None
