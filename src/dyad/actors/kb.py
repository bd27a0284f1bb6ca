"""The actor knowledge base: countries, organisations, the sector lexicon and office holders.

Built once from the packaged CSV files (and any user files given with
``--kb``) into lookup indexes keyed by lower-cased token sequences, so the
resolver can match phrases in one left-to-right pass over a Doc.

Which table a user file extends is told by its header (see :func:`file_kind`);
a user row overrides a packaged one with the same name or phrase.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from dyad.actors.kbyaml import is_yaml, read_yaml_tables
from dyad.data import DATA_DIR
from dyad.errors import DataError

# The packaged tables, in the order they are loaded, and the header each has.
HEADERS = {
    "countries.csv": ("code", "cameo", "iso2", "name", "aliases", "demonyms", "capitals", "provenance"),
    "organisations.csv": ("name", "aliases", "country", "sector", "group", "kind", "start", "end", "provenance"),
    "sectors.csv": ("phrase", "sector", "kind", "provenance"),
    "persons.csv": ("name", "aliases", "country", "sector", "office", "start", "end", "provenance"),
}

# States that seceded, with the state their places belonged to before and the day they left:
# a place (or an office) of the new state is coded as the old one before that day.
SUCCESSIONS: dict[str, tuple[str, Date]] = {
    "SSD": ("SDN", Date(2011, 7, 9)),  # South Sudan
}

# Arabic articles written joined, apart or not at all: al-Bashir, el Bashir, Bashir.
_ARTICLE = re.compile(r"\b(?:al|el|ul)[- ](?=\w)", re.IGNORECASE)


def split_multi(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def fold(text: str) -> str:
    """``text`` without accents ("Erdoğan" -> "Erdogan"); ASCII text is returned as is."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def phrase_key(text: str) -> tuple[str, ...]:
    """The lookup key of a phrase: lower-cased, accent-free tokens, split the way spaCy mostly splits."""
    text = fold(text.lower().replace("’", "'"))
    for ch in ",()\"":
        text = text.replace(ch, " ")
    # spaCy splits a possessive 's and hyphens are kept inside tokens only sometimes;
    # we index hyphenated words both ways at build time.
    return tuple(text.split())


def _variants(phrase: str) -> set[tuple[str, ...]]:
    """The keys a phrase may appear under, however the tokenizer split its hyphens and dots."""
    keys = {phrase_key(phrase)}
    if "-" in phrase:
        keys.add(phrase_key(phrase.replace("-", " ")))
        keys.add(phrase_key(phrase.replace("-", " - ")))
    if "." in phrase:
        keys.add(phrase_key(phrase.replace(".", "")))
        keys.add(phrase_key(phrase.replace(".", ". ")))
    if "'" in phrase or "’" in phrase:  # spaCy splits a possessive: "People 's", "Workers '"
        keys |= {tuple(w for part in k for w in _split_possessive(part)) for k in list(keys)}
    return {k for k in keys if k}


def _split_possessive(word: str) -> tuple[str, ...]:
    if word.endswith("'s") and len(word) > 2:
        return word[:-2], "'s"
    if word.endswith("s'") and len(word) > 2:
        return word[:-1], "'"
    return (word,)


def _person_variants(name: str) -> set[tuple[str, ...]]:
    """Keys of a person's name, with its Arabic articles joined, apart or dropped."""
    keys = _variants(name)
    if _ARTICLE.search(name):
        for repl in ("al-", "el-", ""):
            keys |= _variants(_ARTICLE.sub(repl, name))
    return keys


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in alias.strip()


@dataclass(frozen=True, slots=True)
class NameRef:
    """What a name in the text refers to."""

    country: str | None
    sector: str | None = None
    group: str | None = None
    kind: str = "country"  # country | demonym | capital | organisation (+ its org kind below)
    name: str = ""
    org_kind: str = ""  # seat, ministry, military, party, igo, armed_group...
    start: Date | None = None  # an organisation's role can change (the Taliban in 2021)
    end: Date | None = None

    def holds_on(self, day: Date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str
    sector: str
    office: str
    start: Date | None
    end: Date | None
    head: bool = False  # head of state or government: that office counts when several are held at once

    def holds_on(self, day: Date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def parse_partial_date(value: str, *, end: bool = False) -> Date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial end date takes the last day it covers."""
    value = (value or "").strip()
    if not value:
        return None
    if not re.fullmatch(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", value):
        raise DataError(f"bad date {value!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = value.split("-")
    try:
        y = int(parts[0])
        if len(parts) == 1:
            return Date(y, 12, 31) if end else Date(y, 1, 1)
        m = int(parts[1])
        if len(parts) == 2:
            if end:
                nxt = Date(y + (m == 12), m % 12 + 1, 1)
                return Date.fromordinal(nxt.toordinal() - 1)
            return Date(y, m, 1)
        return Date(y, m, int(parts[2]))
    except (ValueError, IndexError) as exc:
        raise DataError(f"bad date {value!r}") from exc


@dataclass(slots=True)
class KnowledgeBase:
    names: dict[tuple[str, ...], NameRef] = field(default_factory=dict)
    places: dict[tuple[str, ...], NameRef] = field(default_factory=dict)  # regions and towns -> country
    sectors: dict[tuple[str, ...], str] = field(default_factory=dict)
    sector_kinds: dict[tuple[str, ...], str] = field(default_factory=dict)  # title | noun | group
    persons: dict[tuple[str, ...], list[Person]] = field(default_factory=lambda: defaultdict(list))
    country_names: dict[str, str] = field(default_factory=dict)  # code -> preferred name
    acronyms: set[tuple[str, ...]] = field(default_factory=set)  # names written in capitals only
    periods: dict[str, list[NameRef]] = field(default_factory=dict)  # organisation -> dated roles
    # first token -> longest key starting with it, per table: the matcher tries only those
    starts: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    max_len: int = 1

    def _index(self, table: dict, phrase: str, value, *, overwrite: bool = False, name: str = "") -> None:
        for key in _variants(phrase):
            if overwrite or key not in table:
                table[key] = value
            self._start(name, key)

    def _start(self, table: str, key: tuple[str, ...]) -> None:
        first = self.starts[table]
        if len(key) > first.get(key[0], 0):
            first[key[0]] = len(key)
        self.max_len = max(self.max_len, len(key))

    def person(self, key: tuple[str, ...], day: Date) -> Person | None:
        """The office holder a name denotes on ``day`` (the latest office taken by then)."""
        rows = self.persons.get(key)
        if not rows:
            return None
        current = [p for p in rows if p.holds_on(day)]
        if current:
            # a head of state or government who also holds a ministry is the head; otherwise, and
            # on the day one office ends and the next begins, the newest office counts
            return max(current, key=lambda p: (p.head, p.start or Date.min))
        # Out of office on that day: the person is still known; a former office-holder is ELI.
        past = [p for p in rows if p.end and p.end < day]
        if past:
            last = max(past, key=lambda p: p.end)
            return Person(last.name, last.country, "ELI", "former " + last.office, last.start, last.end)
        # not yet in office: the country is known, the role on that day is not
        first = min(rows, key=lambda p: p.start or day)
        return Person(first.name, first.country, "", "", None, first.start)

    def country_on(self, code: str | None, day: Date) -> str | None:
        """The country a place of ``code`` belonged to on ``day`` (Juba before South Sudan's
        independence on 9 July 2011 is in Sudan); ``code`` when it has not changed since."""
        then = SUCCESSIONS.get(code or "")
        if then is not None and day < then[1]:
            return then[0]
        return code

    def as_of(self, ref: NameRef, day: Date) -> NameRef:
        """An organisation's role on ``day`` ("Taliban": INS until 15 August 2021, then GOV)."""
        dated = self.periods.get(ref.name)
        if not dated:
            return ref
        return next((r for r in dated if r.holds_on(day)), ref)


# -- loading ------------------------------------------------------------------------


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """``(line number, row)`` for each data line of a CSV file; ``#`` lines are comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        numbered = ((n, line) for n, line in enumerate(fh, start=1)
                    if line.strip() and not line.lstrip().startswith("#"))
        header: list[str] | None = None
        for n, line in numbered:
            values = next(csv.reader([line]))
            if header is None:
                header = [h.strip() for h in values]
                continue
            if len(values) > len(header):
                raise DataError(f"{path}:{n}: more fields than the header names")
            values += [""] * (len(header) - len(values))
            yield n, {k: v.strip() for k, v in zip(header, values)}


def file_kind(columns: Iterable[str]) -> str | None:
    """Which table a file with these columns extends: countries, organisations, sectors, persons."""
    cols = set(columns)
    if {"phrase", "sector"} <= cols:
        return "sectors"
    if "demonyms" in cols or ({"code", "name"} <= cols and "country" not in cols):
        return "countries"
    if {"name", "country"} <= cols and ("office" in cols or ({"start", "end"} <= cols and "kind" not in cols)):
        return "persons"
    if {"name", "country"} <= cols:
        return "organisations"
    return None


def _add_countries(kb: KnowledgeBase, rows, where: str, overwrite: bool) -> None:
    for _, row in rows:
        emitted = row["code"]  # ISO-3; evaluation maps CAMEO's spellings (ROM, MTN...) onto it
        kb.country_names.setdefault(emitted, row["name"])
        for name in [row["name"], *split_multi(row.get("aliases", ""))]:
            ref = NameRef(emitted, kind="country", name=row["name"])
            kb._index(kb.names, name, ref, overwrite=overwrite, name="names")
        for dem in split_multi(row.get("demonyms", "")):
            kb._index(kb.names, dem, NameRef(emitted, kind="demonym", name=row["name"]),
                      overwrite=overwrite, name="names")
        for cap in split_multi(row.get("capitals", "")):
            kb._index(kb.names, cap, NameRef(emitted, "GOV", kind="capital", name=cap),
                      overwrite=overwrite, name="names")
        for name in [row["name"], *split_multi(row.get("aliases", ""))]:
            if _is_acronym(name):
                kb.acronyms |= _variants(name)


def _add_organisations(kb: KnowledgeBase, rows, where: str, overwrite: bool) -> None:
    for n, row in rows:
        try:
            start = parse_partial_date(row.get("start", ""))
            end = parse_partial_date(row.get("end", ""))
        except DataError as exc:
            raise DataError(f"{where}:{n}: {exc}") from None
        ref = NameRef(
            row.get("country") or None,
            row.get("sector") or None,
            row.get("group") or None,
            kind="organisation",
            name=row["name"],
            org_kind=row.get("kind", ""),
            start=start,
            end=end,
        )
        if start or end:
            dated = kb.periods.setdefault(row["name"], [])
            if overwrite:
                dated[:] = [r for r in dated if not (r.start == start and r.end == end)]
            dated.append(ref)
        names = [row["name"], *split_multi(row.get("aliases", ""))]
        if row["name"].endswith(")") and " (" in row["name"]:
            names.append(row["name"].split(" (")[0])  # "National Liberation Army (Colombia)"
        for name in names:
            if _is_acronym(name):
                kb.acronyms |= _variants(name)
            kb._index(kb.names, name, ref, overwrite=overwrite, name="names")


def _add_sectors(kb: KnowledgeBase, rows, where: str, overwrite: bool) -> None:
    for _, row in rows:
        kb._index(kb.sectors, row["phrase"], row["sector"], overwrite=overwrite, name="sectors")
        kb._index(kb.sector_kinds, row["phrase"], row.get("kind", "") or "noun", overwrite=overwrite,
                  name="sectors")


def _add_persons(kb: KnowledgeBase, rows, where: str, overwrite: bool) -> None:
    from dyad.actors.coverage import office_family

    def same_office(a: Person, b: Person) -> bool:
        fa, fb = office_family(a.office), office_family(b.office)
        return fa == fb if fa or fb else a.office.lower() == b.office.lower()

    added: set[int] = set()  # this file's own rows never replace each other
    for n, row in rows:
        try:
            person = Person(
                name=row["name"],
                country=row["country"],
                sector=row.get("sector", ""),
                office=row.get("office", ""),
                start=parse_partial_date(row.get("start", "")),
                end=parse_partial_date(row.get("end", ""), end=True),
                head=office_family(row.get("office", "")) in ("head_of_state", "head_of_government"),
            )
        except DataError as exc:
            raise DataError(f"{where}:{n}: {exc}") from None
        names = [row["name"], *split_multi(row.get("aliases", ""))]
        keys = set().union(*(_person_variants(name) for name in names))
        for key in keys:
            held = kb.persons[key]
            if overwrite:
                # a user row replaces the earlier terms of the same person in the same office
                # that it overlaps (a corrected date); the person's other offices stay
                held[:] = [p for p in held if id(p) in added or p.name != person.name
                           or not same_office(p, person) or not _overlap(p, person)]
            if person not in held:
                held.append(person)
                added.add(id(person))
            kb._start("persons", key)


def _overlap(a: Person, b: Person) -> bool:
    lo = max(a.start or Date.min, b.start or Date.min)
    hi = min(a.end or Date.max, b.end or Date.max)
    return lo < hi


_ADD = {
    "countries": _add_countries,
    "organisations": _add_organisations,
    "sectors": _add_sectors,
    "persons": _add_persons,
}


def _rows(path: Path):
    try:
        return list(read_rows(path))
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: not a CSV file: {exc}") from None


@lru_cache(maxsize=4)
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The packaged knowledge base, extended (and overridden) by user CSV or YAML files.

    A YAML file has one section per table (:mod:`dyad.actors.kbyaml`).

    A user file's kind is told by its header (:func:`file_kind`): ``phrase,sector``
    (sector lexicon), ``name,...,office,start,end`` (persons), ``code,...,demonyms``
    (countries) or ``name,aliases,country,sector`` (organisations).
    """
    kb = KnowledgeBase()
    for fname in HEADERS:
        path = DATA_DIR / fname
        if path.exists():
            _ADD[fname[:-4]](kb, _rows(path), fname, False)
    _add_places(kb)
    for extra_path in extra:
        path = Path(extra_path)
        if not path.exists():
            raise DataError(f"{path}: no such knowledge-base file")
        if is_yaml(path):
            for kind, rows in read_yaml_tables(path).items():
                if rows:
                    header = HEADERS[f"{kind}.csv"]
                    _ADD[kind](kb, [(n, {c: row.get(c, "") for c in header}) for n, row in rows], str(path), True)
            continue
        rows = _rows(path)
        if not rows:
            continue
        kind = file_kind(rows[0][1])
        if kind is None:
            raise DataError(f"{path}: unknown knowledge-base file (header: {', '.join(rows[0][1])})")
        _ADD[kind](kb, rows, str(path), True)
    return kb


def _add_places(kb: KnowledgeBase) -> None:
    """Regions and towns that tell a country ("Darfur", "Sindh", "Lagos"), from the places
    tables (admin1.csv, places_towns.csv). A name two countries share, or that is already a
    country, capital or organisation, is left out."""
    from dyad.data import read_csv

    found: dict[tuple[str, ...], set[str]] = defaultdict(set)
    refs: dict[tuple[str, ...], NameRef] = {}

    def add(name: str, country: str, kind: str) -> None:
        for key in _variants(name):
            if key in kb.names:
                continue
            found[key].add(country)
            if key not in refs or (kind == "region" and refs[key].kind == "town"):
                refs[key] = NameRef(country, kind=kind, name=name)

    try:
        for row in read_csv("admin1.csv"):
            for name in [row["name"], *(a for a in row.get("aliases", "").split(";") if a.strip())]:
                add(name.strip(), row["country"], "region")
            if row.get("capital"):
                add(row["capital"], row["country"], "town")
        for row in read_csv("places_towns.csv"):
            for name in [row["name"], *(a for a in row.get("aliases", "").split(";") if a.strip())]:
                add(name.strip(), row["country"], "town")
    except DataError:
        return  # the places tables are not shipped
    for key, countries in found.items():
        if len(countries) == 1 and not (len(key) == 1 and len(key[0]) <= 2):
            kb.places[key] = refs[key]
            kb._start("places", key)


def packaged_paths() -> list[Path]:
    """The packaged knowledge-base files, in load order."""
    return [DATA_DIR / name for name in HEADERS]


__all__ = [
    "HEADERS", "KnowledgeBase", "NameRef", "Person", "file_kind", "fold", "load_kb",
    "packaged_paths", "parse_partial_date", "phrase_key", "read_rows", "split_multi",
]
