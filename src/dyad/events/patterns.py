"""Event patterns as data (verbs.csv, nouns.csv, embedding.csv), compiled once.

A verb pattern names a lemma and optionally a particle, the preposition that
introduces the target, and the object nouns it requires. The most specific
pattern that matches a verb wins (more conditions = more specific).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from dyad.data import load_ontology, read_csv
from dyad.errors import DataError

CLASSES = {"intent", "appeal", "demand", "threat", "refuse", "speech", "light", "deny", "attempt", "accuse"}
FLAGS = CLASSES | {"sym", "passive", "pair", "needprep", "inverse", "weapon", "adj", "victim"}


def _multi(value: str) -> frozenset[str]:
    return frozenset(v.strip().lower() for v in value.split("|") if v.strip())


@dataclass(frozen=True, slots=True)
class VerbPattern:
    lemma: str
    particle: str | None
    preps: frozenset[str]
    objects: frozenset[str]  # empty = any; {"-"} = none allowed
    code: str | None  # None: the verb only governs (intent, speech, light)
    flags: frozenset[str]
    name: str  # "verb:agree+with" for evidence

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + bool(self.particle) * 2 + ("needprep" in self.flags) + ("passive" in self.flags)

    @property
    def cls(self) -> str | None:
        return next((f for f in self.flags if f in CLASSES), None)


@dataclass(frozen=True, slots=True)
class NounPattern:
    lemma: str
    preps: frozenset[str]
    code: str
    flags: frozenset[str]
    name: str


@dataclass(slots=True)
class Patterns:
    verbs: dict[str, list[VerbPattern]]
    nouns: dict[str, NounPattern]
    embedding: dict[str, dict[str, str]]  # class -> embedded code prefix -> code

    def recode(self, cls: str, embedded: str | None) -> str | None:
        """The code a governing verb of class ``cls`` gives to an embedded event."""
        table = self.embedding.get(cls)
        if not table:
            return None
        if embedded:
            for n in range(len(embedded), 1, -1):
                if embedded[:n] in table:
                    return table[embedded[:n]]
        return table.get("*")


@lru_cache(maxsize=1)
def load_patterns() -> Patterns:
    onto = load_ontology()
    verbs: dict[str, list[VerbPattern]] = defaultdict(list)
    for n, row in enumerate(read_csv("verbs.csv"), start=2):
        flags = _multi(row["flags"])
        if flags - FLAGS:
            raise DataError(f"verbs.csv:{n}: unknown flags {sorted(flags - FLAGS)}")
        code = row["code"] or None
        if code and code not in onto:
            raise DataError(f"verbs.csv:{n}: unknown CAMEO code {code!r}")
        name = "verb:" + row["lemma"] + (" " + row["particle"] if row["particle"] else "")
        if row["object"]:
            name += "+" + row["object"].split("|")[0]
        pattern = VerbPattern(row["lemma"].lower(), row["particle"].lower() or None, _multi(row["prep"]),
                              _multi(row["object"]), code, flags, name)
        same = [p for p in verbs[pattern.lemma] if (p.particle, p.preps, p.objects, p.flags - CLASSES)
                == (pattern.particle, pattern.preps, pattern.objects, pattern.flags - CLASSES)]
        if same:
            raise DataError(f"verbs.csv:{n}: the same conditions as an earlier {pattern.lemma!r} row")
        verbs[pattern.lemma].append(pattern)
    for plist in verbs.values():
        plist.sort(key=lambda p: -p.specificity)
    nouns: dict[str, NounPattern] = {}
    for n, row in enumerate(read_csv("nouns.csv"), start=2):
        if row["code"] not in onto:
            raise DataError(f"nouns.csv:{n}: unknown CAMEO code {row['code']!r}")
        nouns[row["lemma"].lower()] = NounPattern(
            row["lemma"].lower(), _multi(row["prep"]), row["code"], _multi(row["flags"]), "noun:" + row["lemma"]
        )
    embedding: dict[str, dict[str, str]] = defaultdict(dict)
    for n, row in enumerate(read_csv("embedding.csv"), start=2):
        if row["code"] not in onto:
            raise DataError(f"embedding.csv:{n}: unknown CAMEO code {row['code']!r}")
        embedding[row["class"]][row["embedded"]] = row["code"]
    return Patterns(dict(verbs), nouns, dict(embedding))
