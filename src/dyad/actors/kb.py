"""The actor knowledge base: countries, organisations, the sector lexicon and office holders.

Built once from the packaged CSV files (and any user files given with
``--kb``) into lookup indexes keyed by lower-cased token sequences, so the
resolver can match phrases in one left-to-right pass over a Doc.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from dyad.data import read_csv
from dyad.errors import DataError


def split_multi(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def phrase_key(text: str) -> tuple[str, ...]:
    """The lookup key of a phrase: lower-cased tokens, split the way spaCy mostly splits."""
    text = text.lower().replace("’", "'")
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
    return {k for k in keys if k}


@dataclass(frozen=True, slots=True)
class NameRef:
    """What a name in the text refers to."""

    country: str | None
    sector: str | None = None
    group: str | None = None
    kind: str = "country"  # country | demonym | capital | organisation | person
    name: str = ""


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str
    sector: str
    office: str
    start: Date | None
    end: Date | None

    def holds_on(self, day: Date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def parse_partial_date(value: str, *, end: bool = False) -> Date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD; a partial end date takes the last day it covers."""
    value = (value or "").strip()
    if not value:
        return None
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
    sectors: dict[tuple[str, ...], str] = field(default_factory=dict)
    persons: dict[tuple[str, ...], list[Person]] = field(default_factory=lambda: defaultdict(list))
    country_names: dict[str, str] = field(default_factory=dict)  # code -> preferred name
    max_len: int = 1

    def _index(self, table: dict, phrase: str, value, *, overwrite: bool = False) -> None:
        for key in _variants(phrase):
            if overwrite or key not in table:
                table[key] = value
            self.max_len = max(self.max_len, len(key))

    def person(self, key: tuple[str, ...], day: Date) -> Person | None:
        """The office holder a name denotes on ``day`` (the latest office held by then)."""
        rows = self.persons.get(key)
        if not rows:
            return None
        current = [p for p in rows if p.holds_on(day)]
        if current:
            # Prefer military/government offices over others only by order in the file.
            return current[0]
        # Out of office on that day: the person is still known; a former office-holder is ELI.
        past = [p for p in rows if p.end and p.end < day]
        if past:
            last = max(past, key=lambda p: p.end)
            return Person(last.name, last.country, "ELI", "former " + last.office, last.start, last.end)
        # not yet in office: the country is known, the role on that day is not
        first = min(rows, key=lambda p: p.start or day)
        return Person(first.name, first.country, "", "", None, first.start)


def _add_countries(kb: KnowledgeBase, rows: Iterable[dict[str, str]], overwrite: bool) -> None:
    for row in rows:
        code = row["code"]
        kb.country_names.setdefault(code, row["name"])
        for name in [row["name"], *split_multi(row.get("aliases", ""))]:
            kb._index(kb.names, name, NameRef(code, kind="country", name=row["name"]), overwrite=overwrite)
        for dem in split_multi(row.get("demonyms", "")):
            kb._index(kb.names, dem, NameRef(code, kind="demonym", name=row["name"]), overwrite=overwrite)
        for cap in split_multi(row.get("capitals", "")):
            kb._index(kb.names, cap, NameRef(code, "GOV", kind="capital", name=cap), overwrite=overwrite)


def _add_organisations(kb: KnowledgeBase, rows: Iterable[dict[str, str]], overwrite: bool) -> None:
    for row in rows:
        ref = NameRef(
            row.get("country") or None,
            row.get("sector") or None,
            row.get("group") or None,
            kind="organisation",
            name=row["name"],
        )
        names = [row["name"], *split_multi(row.get("aliases", ""))]
        if row["name"].endswith(")") and " (" in row["name"]:
            names.append(row["name"].split(" (")[0])  # "National Liberation Army (Colombia)"
        for name in names:
            kb._index(kb.names, name, ref, overwrite=overwrite)


def _add_sectors(kb: KnowledgeBase, rows: Iterable[dict[str, str]], overwrite: bool) -> None:
    for row in rows:
        kb._index(kb.sectors, row["phrase"], row["sector"], overwrite=overwrite)


def _add_persons(kb: KnowledgeBase, rows: Iterable[dict[str, str]], where: str) -> None:
    for n, row in enumerate(rows, start=2):
        try:
            person = Person(
                name=row["name"],
                country=row["country"],
                sector=row["sector"],
                office=row.get("office", ""),
                start=parse_partial_date(row.get("start", "")),
                end=parse_partial_date(row.get("end", ""), end=True),
            )
        except DataError as exc:
            raise DataError(f"{where}:{n}: {exc}") from None
        names = [row["name"], *split_multi(row.get("aliases", ""))]
        for name in names:
            for key in _variants(name):
                if person not in kb.persons[key]:
                    kb.persons[key].append(person)


_PACKAGED = {
    "countries.csv": _add_countries,
    "organisations.csv": _add_organisations,
    "sectors.csv": _add_sectors,
}


@lru_cache(maxsize=4)
def load_kb(extra: tuple[str, ...] = ()) -> KnowledgeBase:
    """The packaged knowledge base, extended (and overridden) by user CSV files.

    A user file's kind is told by its header: ``phrase,sector`` (sector lexicon),
    ``name,...,start,end`` (persons), ``code,...,demonyms`` (countries) or
    ``name,aliases,country,sector`` (organisations).
    """
    kb = KnowledgeBase()
    for fname, add in _PACKAGED.items():
        try:
            add(kb, read_csv(fname), False)
        except DataError:
            continue  # a table not (yet) shipped
    try:
        _add_persons(kb, read_csv("persons.csv"), "persons.csv")
    except DataError:
        pass
    for path in extra:
        rows = list(read_csv(Path(path)))
        if not rows:
            continue
        cols = set(rows[0])
        if {"phrase", "sector"} <= cols:
            _add_sectors(kb, rows, True)
        elif {"start", "end", "name", "country"} <= cols:
            _add_persons(kb, rows, str(path))
        elif "demonyms" in cols:
            _add_countries(kb, rows, True)
        elif {"name", "country"} <= cols:
            _add_organisations(kb, rows, True)
        else:
            raise DataError(f"{path}: unknown knowledge-base file (header: {', '.join(rows[0])})")
    return kb
