"""Checks on knowledge-base files: the packaged tables and users' ``--kb`` files.

``check_files(paths)`` reads each file the way :func:`dyad.actors.kb.load_kb`
would and returns every problem it finds, with the file and line:

- a header that names no known table, or lacks a column that table needs;
- unknown codes: countries (not in countries.csv, nor IGO/NGO), sectors (not in
  cameo_actor_types.csv), known groups, organisation and sector-phrase kinds;
- dates that do not parse (YYYY, YYYY-MM or YYYY-MM-DD), that end before they
  start, or lie far in the future;
- overlapping terms: the same person's same office twice at once, two people of
  one country sharing a name in overlapping terms, an organisation's dated roles
  overlapping;
- duplicate names with clashing countries (or sectors): one surface string that
  two rows give to different countries, within the files checked and against the
  packaged tables (an override of a packaged row is reported as a warning).

Errors make ``dyad kb check`` exit 1; warnings do not.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from dyad.actors.kb import HEADERS, file_kind, packaged_paths, parse_partial_date, read_rows, split_multi
from dyad.actors.kbyaml import is_yaml, read_yaml_tables
from dyad.data import read_csv
from dyad.errors import DataError

ORG_KINDS = frozenset({
    "seat", "ministry", "legislature", "court", "intelligence", "police", "military", "party",
    "media", "company", "igo", "ngo", "armed_group",
})
SECTOR_KINDS = frozenset({"title", "noun", "group"})
INTERNATIONAL = frozenset({"IGO", "NGO"})
# REL (clergy, religious bodies) is CAMEO's religion code, used as a sector by the knowledge base.
EXTRA_SECTORS = frozenset({"REL"})
# columns a file of each kind cannot do without
REQUIRED = {
    "countries": ("code", "name"),
    "organisations": ("name", "country"),
    "sectors": ("phrase", "sector"),
    "persons": ("name", "country", "start", "end"),
}
LATEST_YEAR = Date.today().year + 2


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    level: str  # error | warning
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.level}: {self.message}"


@lru_cache(maxsize=1)
def _codes() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    countries = frozenset(r["code"] for r in read_csv("countries.csv"))
    sectors = frozenset(r["code"] for r in read_csv("cameo_actor_types.csv")) | EXTRA_SECTORS
    groups = frozenset(r["code"] for r in read_csv("cameo_known_groups.csv"))
    return countries, sectors, groups


@dataclass(slots=True)
class _Claim:
    """Who gave a surface string which country/sector: for clash detection."""

    path: str
    line: int
    owner: str  # the row's name (a person, an organisation, a country code, a phrase)
    country: str | None
    sector: str | None
    start: Date
    end: Date
    packaged: bool


def check_files(paths: Iterable[str | Path] = (), *, packaged: bool | None = None) -> list[Problem]:
    """Problems in ``paths`` (the packaged files when none are given).

    User files are also checked against the packaged tables (``packaged`` decides
    whether the packaged files' own problems are listed: by default only when no
    user file is given).
    """
    user = [Path(p) for p in paths]
    if packaged is None:
        packaged = not user
    problems: list[Problem] = []
    claims: dict[tuple[str, str], list[_Claim]] = defaultdict(list)  # (table, surface) -> claims
    files = [(p, True) for p in packaged_paths() if p.exists()] + [(p, False) for p in user]
    for path, is_packaged in files:
        found = _check_file(path, is_packaged, claims)
        if packaged or not is_packaged:
            problems += found
    problems += _clashes(claims, include_packaged=packaged)
    problems.sort(key=lambda p: (p.path, p.line, p.level, p.message))
    return problems


def _check_file(path: Path, is_packaged: bool, claims) -> list[Problem]:
    where = f"dyad/data/{path.name}" if is_packaged else str(path)
    out: list[Problem] = []

    def err(line: int, msg: str) -> None:
        out.append(Problem(where, line, "error", msg))

    def warn(line: int, msg: str) -> None:
        out.append(Problem(where, line, "warning", msg))

    if is_yaml(path):
        try:
            tables = read_yaml_tables(path)
        except DataError as exc:
            err(*_line_and_message(exc))
            return out
        if not tables:
            warn(1, "no entries")
        for kind, rows in tables.items():
            # an entry may leave out any column (empty); keys no table has are reported
            keys = dict.fromkeys(c for _, row in rows for c in row)
            columns = list(HEADERS[f"{kind}.csv"]) + [c for c in keys if c not in HEADERS[f"{kind}.csv"]]
            _check_table(kind, columns, rows, rows[0][0] if rows else 1, where, False, claims, err, warn)
        return out
    try:
        rows = list(read_rows(path))
        header_line = _header_line(path)
    except FileNotFoundError:
        err(0, "no such file")
        return out
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        err(0, f"cannot read: {exc}")
        return out
    except DataError as exc:
        err(*_line_and_message(exc))
        return out
    if not rows:
        warn(header_line, "no rows")
        return out
    columns = list(rows[0][1])
    kind = file_kind(columns)
    if kind is None:
        err(header_line, f"unknown knowledge-base file: header {', '.join(columns)} names no table "
                         f"(countries, organisations, sectors, persons; see docs/actors.md)")
        return out
    if is_packaged and tuple(columns) != HEADERS[path.name]:
        err(header_line, f"header is {', '.join(columns)}; expected {', '.join(HEADERS[path.name])}")
    _check_table(kind, columns, rows, header_line, where, is_packaged, claims, err, warn)
    return out


def _check_table(kind, columns, rows, header_line, where, is_packaged, claims, err, warn) -> None:
    """The checks of one table's rows, from a CSV file or a YAML section."""
    missing = [c for c in REQUIRED[kind] if c not in columns]
    if missing:
        err(header_line, f"{kind} lacks column(s): {', '.join(missing)}")
        return
    unknown = [c for c in columns if c not in HEADERS[f"{kind}.csv"]]
    if unknown:
        warn(header_line, f"column(s) {', '.join(unknown)} are not read for {kind}")
    check = {"countries": _check_country, "organisations": _check_org, "sectors": _check_sector,
             "persons": _check_person}[kind]
    terms: dict[tuple, list[tuple[Date, Date, int, str]]] = defaultdict(list)
    for line, row in rows:
        if not row.get("provenance") and "provenance" in columns:
            warn(line, "no provenance: say where the fact comes from")
        for value in row.values():
            if "||" in value or value.startswith("|") or value.endswith("|"):
                err(line, f"empty item in the list {value!r}")
        check(row, line, err, warn, where, is_packaged, claims, terms)
    _overlaps(kind, terms, err)


def _line_and_message(exc: DataError) -> tuple[int, str]:
    """``(line, message)`` of a ``"FILE:LINE: message"`` error (line 0 when it names none)."""
    text = str(exc)
    parts = text.split(":")
    line = int(parts[1]) if len(parts) >= 3 and parts[1].isdigit() else 0
    return line, text.split(": ", 1)[-1]


def _header_line(path: Path) -> int:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if line.strip() and not line.lstrip().startswith("#"):
                return n
    return 1


def _dates(row, line, err) -> tuple[Date | None, Date | None, bool]:
    ok = True
    start = end = None
    for col in ("start", "end"):
        value = row.get(col, "")
        try:
            d = parse_partial_date(value, end=(col == "end"))
        except DataError:
            err(line, f"bad {col} date {value!r} (YYYY, YYYY-MM or YYYY-MM-DD)")
            ok = False
            continue
        if d and d.year > LATEST_YEAR:
            err(line, f"{col} date {value} is in the future")
            ok = False
        if col == "start":
            start = d
        else:
            end = d
    if start and end and end < start:
        err(line, f"ends ({row.get('end')}) before it starts ({row.get('start')})")
        ok = False
    return start, end, ok


def _check_codes(row, line, err, *, country_ok=INTERNATIONAL, need_country=True) -> None:
    countries, sectors, groups = _codes()
    c = row.get("country", "")
    if c and c not in countries and c not in country_ok:
        err(line, f"unknown country code {c!r} (ISO-3 from countries.csv, or {'/'.join(sorted(country_ok))})")
    elif not c and need_country:
        err(line, "no country")
    s = row.get("sector", "")
    if s and s not in sectors:
        err(line, f"unknown sector code {s!r} (see cameo_actor_types.csv)")
    g = row.get("group", "")
    if g and g not in groups:
        err(line, f"unknown group code {g!r} (see cameo_known_groups.csv)")


def _claim(claims, table, surface, owner, country, sector, where, line, packaged, start=None, end=None):
    claims[(table, surface.lower())].append(
        _Claim(where, line, owner, country, sector, start or Date.min, end or Date.max, packaged))


def _check_country(row, line, err, warn, where, packaged, claims, terms) -> None:
    code = row.get("code", "")
    if len(code) != 3 or not code.isupper():
        err(line, f"country code {code!r} is not three capital letters")
    cameo = row.get("cameo", "")
    if cameo and (len(cameo) != 3 or not cameo.isupper()):
        err(line, f"CAMEO code {cameo!r} is not three capital letters")
    if not row.get("name"):
        err(line, "no name")
    for col in ("name", "aliases", "demonyms", "capitals"):
        for v in split_multi(row.get(col, "")) if col != "name" else [row.get("name", "")]:
            if v:
                _claim(claims, "names", v, code, code, "GOV" if col == "capitals" else None, where, line, packaged)


def _check_org(row, line, err, warn, where, packaged, claims, terms) -> None:
    _check_codes(row, line, err, need_country=False)
    kind = row.get("kind", "")
    if "kind" in row and kind not in ORG_KINDS:
        err(line, f"unknown organisation kind {kind!r} ({', '.join(sorted(ORG_KINDS))})")
    if kind == "igo" and row.get("country") not in ("IGO", ""):
        err(line, f"an intergovernmental body has country IGO, not {row.get('country')!r}")
    start, end, ok = _dates(row, line, err)
    if not row.get("name"):
        err(line, "no name")
        return
    if start or end:
        terms[("org", row["name"])].append((start or Date.min, end or Date.max, line, row.get("sector", "")))
    for v in [row["name"], *split_multi(row.get("aliases", ""))]:
        _claim(claims, "names", v, row["name"], row.get("country") or None, row.get("sector") or None,
               where, line, packaged, start, end)


def _check_sector(row, line, err, warn, where, packaged, claims, terms) -> None:
    _, sectors, _ = _codes()
    phrase = row.get("phrase", "")
    if not phrase:
        err(line, "no phrase")
        return
    if phrase != " ".join(phrase.lower().split()):
        warn(line, f"phrase {phrase!r} should be lower case with single spaces")
    s = row.get("sector", "")
    if s not in sectors:
        err(line, f"unknown sector code {s!r} (see cameo_actor_types.csv)")
    kind = row.get("kind", "")
    if "kind" in row and kind not in SECTOR_KINDS:
        err(line, f"unknown phrase kind {kind!r} (title, noun or group)")
    _claim(claims, "sectors", phrase, phrase, None, s, where, line, packaged)


def _check_person(row, line, err, warn, where, packaged, claims, terms) -> None:
    _check_codes(row, line, err, country_ok=frozenset({"IGO"}))
    if not row.get("name"):
        err(line, "no name")
        return
    if "office" in row and not row.get("office"):
        warn(line, "no office")
    start, end, ok = _dates(row, line, err)
    if not ok:
        return
    s, e = start or Date.min, end or Date.max
    terms[("office", row["name"], row.get("office", "").lower())].append((s, e, line, row.get("sector", "")))
    for v in {row["name"], *split_multi(row.get("aliases", ""))}:
        terms[("alias", row.get("country", ""), v.lower())].append((s, e, line, row["name"]))
        _claim(claims, "persons", v, row["name"], row.get("country"), row.get("sector"), where, line, packaged, s, e)


def _overlaps(kind: str, terms, err) -> None:
    for key, spans in terms.items():
        spans = sorted(spans)
        if key[0] == "alias":
            for i, (s1, e1, l1, n1) in enumerate(spans):
                for s2, e2, l2, n2 in spans[i + 1 :]:
                    if n1 != n2 and s2 < e1:
                        err(l2, f"{key[2]!r} names both {n1} (line {l1}) and {n2} of {key[1]} in overlapping terms")
            continue
        for (s1, e1, l1, _), (s2, e2, l2, _) in zip(spans, spans[1:]):
            if s2 < e1:
                what = f"{key[1]}'s {key[2]}" if key[0] == "office" else f"{key[1]}'s roles"
                err(l2, f"overlapping terms: {what} (line {l1}) runs into this one")


def _clashes(claims, *, include_packaged: bool) -> list[Problem]:
    """One surface string given two countries (or sectors): within the files, or against the
    packaged tables (an override: a warning)."""
    out = []
    told: set[tuple] = set()
    for (table, surface), held in claims.items():
        for i, a in enumerate(held):
            for b in held[i + 1 :]:
                if a.packaged and b.packaged and not include_packaged:
                    continue
                if table == "persons":
                    if a.owner == b.owner and a.packaged != b.packaged and a.country != b.country:
                        if (b.path, b.line, a.owner) not in told:
                            told.add((b.path, b.line, a.owner))
                            out.append(Problem(b.path, b.line, "warning",
                                               f"{a.owner} overrides the packaged person ({a.path}:{a.line}): "
                                               f"country {a.country} vs {b.country}"))
                        continue
                    # namesakes in different countries clash only when both hold office at once
                    if a.owner != b.owner and a.country != b.country and a.start < b.end and b.start < a.end:
                        out.append(Problem(b.path, b.line, "warning",
                                           f"{surface!r} names {a.owner} ({a.country}, {a.path}:{a.line}) and "
                                           f"{b.owner} ({b.country}) in overlapping terms"))
                    continue
                if a.owner == b.owner and table == "names" and a.packaged == b.packaged:
                    continue  # one body listed for several periods
                same = (a.country, a.sector) == (b.country, b.sector) if table == "names" else a.sector == b.sector
                what = (f"country {a.country or '-'} vs {b.country or '-'}" if a.country != b.country
                        else f"sector {a.sector or '-'} vs {b.sector or '-'}")
                if a.packaged and not b.packaged:
                    if not same:
                        out.append(Problem(b.path, b.line, "warning",
                                           f"{surface!r} overrides the packaged entry ({a.path}:{a.line}): {what}"))
                elif same:
                    out.append(Problem(b.path, b.line, "warning",
                                       f"{surface!r} is listed twice (also {a.path}:{a.line})"))
                else:
                    out.append(Problem(b.path, b.line, "error",
                                       f"{surface!r} has clashing entries: {what} (also {a.path}:{a.line})"))
    return out
