"""How completely the office-holder table covers the offices that matter, country by country.

The knowledge base resolves a name "as of the event date", so a missing term is a wrong or
missing actor on every event of those years. :func:`coverage` measures, for each country and
each of five offices (head of state, head of government, foreign minister, defence minister,
armed-forces chief), the share of days from ``since`` to ``until`` on which somebody is known
to hold it. ``dyad kb coverage`` prints it; the test suite holds it to a floor.

Offices are grouped by what they are, not by their local titles ("chief of army staff",
"chairman of the joint chiefs of staff" and "commander of the Indonesian National Armed Forces"
are all the armed-forces chief); see :func:`office_family`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from typing import Iterable

from dyad.actors.kb import Person

FAMILIES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "military_chief")

# The date up to which the packaged table is kept: an empty end means "in office then".
KB_AS_OF = Date(2025, 10, 1)

# The countries whose office holders the table promises from 2000: the G20 states, the
# permanent members of the Security Council, the rest of Europe's larger states, and the
# states at the centre of the wars, crises and diplomacy that fill the news of 2000-2025.
NEWSWORTHY = (
    # Americas
    "USA CAN MEX BRA ARG COL VEN CUB CHL PER "
    # Western Europe and Oceania
    "GBR IRL FRA DEU ITA ESP PRT NLD BEL CHE AUT SWE NOR FIN DNK GRC AUS "
    # Central and Eastern Europe, the Caucasus and Central Asia
    "RUS UKR BLR POL CZE HUN ROU SRB GEO ARM AZE KAZ "
    # Middle East
    "ISR PSE IRN IRQ SYR LBN JOR EGY YEM SAU ARE QAT KWT OMN TUR "
    # Asia
    "CHN JPN KOR PRK TWN IND PAK AFG BGD LKA NPL MMR THA PHL VNM MYS SGP IDN "
    # Africa
    "NGA ETH SDN SSD SOM KEN COD MLI UGA RWA ZWE ERI ZAF LBY DZA MAR TUN"
).split()

# Where the head of state also heads the government (presidential systems, ruling monarchs),
# with the years it held: there the head of government is covered by the head of state.
# (start, end); None for open.
STATE_HEADS_GOVERNMENT: dict[str, tuple[tuple[Date | None, Date | None], ...]] = {
    **{c: ((None, None),) for c in (
        "USA MEX BRA ARG COL VEN CHL PER IDN PHL NGA ZAF IRN ERI SSD CYP AFG OMN"
    ).split()},
    # Switzerland's Federal Council governs as a body, chaired by the President of the Confederation
    "CHE": ((None, None),),
    "PSE": ((None, Date(2003, 4, 30)),),  # Arafat, before the first prime minister
    "SYR": ((Date(2025, 3, 29), None),),  # the transitional constitution has no prime minister
    "MMR": ((Date(2011, 3, 30), Date(2021, 2, 1)),),  # the 2008 constitution's president heads the government
    "CUB": ((None, Date(2019, 12, 21)),),
    "KEN": ((None, Date(2008, 4, 17)), (Date(2013, 4, 9), None)),
    "ZWE": ((None, Date(2009, 2, 11)), (Date(2013, 8, 22), None)),
    "TUR": ((Date(2018, 7, 9), None),),
    "SAU": ((None, Date(2022, 9, 27)),),
    "SDN": ((None, Date(2017, 3, 2)),),
    "COD": ((None, Date(2007, 2, 5)),),
}

_HOS_EXACT = {
    "president", "king", "queen", "emir", "emperor", "sultan", "monarch", "head of state",
    "supreme leader", "grand duke", "leader of the revolution", "president of the presidency",
    "chairman of the presidential council", "chairman of the presidential leadership council",
    "chairman of the sovereignty council", "chairman of the state peace and development council",
    "chairman of the state administration council", "chairman of the national transitional council",
    "chairman of the supreme council of the armed forces", "chairman of the national defence commission",
    "president of the presidium of the supreme people's assembly", "supreme leader of the islamic emirate",
    "president of the palestinian authority", "military head of state", "military ruler",
    "president of the state affairs commission", "chairman of the state affairs commission",
    "governor-general", "chairman of the state council", "president of the council of state",
}
_HOG_EXACT = {"prime minister", "premier", "chancellor", "taoiseach", "chief adviser", "chief executive",
              "president of the government", "chairman of the council of ministers",
              "secretary of the general people's committee"}
_QUALIFIERS = ("acting ", "interim ", "transitional ", "caretaker ")


def office_family(office: str) -> str | None:
    """Which of :data:`FAMILIES` an office belongs to, or None ("deputy" offices belong to none)."""
    o = " ".join(office.lower().replace("defense", "defence").split())
    if not o or any(w in o for w in ("deputy", "vice ", "spokes", "former", "shadow", "assistant", "intelligence",
                                         "civil service")):
        return None
    for q in _QUALIFIERS:
        if o.startswith(q):
            o = o[len(q):]
    if o in _HOS_EXACT or o.startswith("president of the palestinian"):
        return "head_of_state"
    if o in _HOG_EXACT or o.startswith("prime minister of the government"):
        return "head_of_government"
    if ("foreign minister" in o or "foreign secretary" in o or o == "secretary of state"
            or "foreign affairs" in o and ("minister" in o or "secretary" in o)
            or "external affairs minister" in o or "external relations" in o) and "high representative" not in o:
        return "foreign_minister"
    if ("defence minister" in o or "defence secretary" in o or "secretary of defence" in o
            or o in ("minister of defence", "minister of the armed forces", "secretary of national defence",
                     "minister of national defence", "people's armed forces minister",
                     "minister of the people's armed forces", "minister of armed forces")
            or "minister" in o and "defence affairs" in o):
        return "defence_minister"
    if (o.startswith(("chief of the general staff", "chief of general staff", "chief of the defence",
                      "chief of defence", "chairman of the joint chiefs", "chairman joint chiefs",
                      "chief of staff of the armed forces", "chief of the joint staff",
                      "chief of staff of the joint staff", "chief of army staff", "chief of the army staff",
                      "chief of the armed forces", "armed forces chief", "chief of staff of the defence",
                      "chief of staff of the general staff", "chief of the joint staff department",
                      "chief of defence forces", "supreme commander of the royal thai armed forces",
                      "commander-in-chief of the royal thai army", "commander-in-chief of defence services",
                      "commander-in-chief of the armed forces", "commander of the armed forces",
                      "chief of staff of the israel defense forces", "chief of staff of the idf",
                      "chairman of the central military commission", "chairman of the joint staff council",
                      "chief of the joint command", "commander of the joint command"))
            or o.startswith("commander of the") and ("armed forces" in o or "defence forces" in o)
            or o.startswith("commander-in-chief of the") and ("armed forces" in o or "army" in o)
            or o.startswith("chief of staff of the") and ("armed forces" in o or "army" in o)):
        return "military_chief"
    return None


@dataclass(slots=True)
class Coverage:
    country: str
    family: str
    share: float  # of days covered, 0..1
    gaps: list[tuple[Date, Date]]  # uncovered periods, first and last day
    holders: int  # terms found


def _merge(spans: Iterable[tuple[Date, Date]]) -> list[tuple[Date, Date]]:
    out: list[tuple[Date, Date]] = []
    for lo, hi in sorted(spans):
        if out and lo.toordinal() <= out[-1][1].toordinal() + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def vacant_periods() -> dict[tuple[str, str], list[tuple[Date, Date]]]:
    """``(country, family) -> [(first, last day)]`` when the office did not exist or stood vacant
    (package data ``offices_vacant.csv``; an open start or end is unbounded)."""
    from dyad.actors.kb import read_rows
    from dyad.data import DATA_DIR

    out: dict[tuple[str, str], list[tuple[Date, Date]]] = {}
    for _, row in read_rows(DATA_DIR / "offices_vacant.csv"):
        lo = Date.fromisoformat(row["start"]) if row["start"] else Date.min
        hi = Date.fromisoformat(row["end"]) if row["end"] else Date.max
        out.setdefault((row["country"], row["family"]), []).append((lo, hi))
    return out


def coverage(persons: Iterable[Person], *, since: Date = Date(2000, 1, 1), until: Date = KB_AS_OF,
             countries: Iterable[str] = NEWSWORTHY,
             vacant: dict[tuple[str, str], list[tuple[Date, Date]]] | None = None) -> list[Coverage]:
    """The :class:`Coverage` of each country and office family (unknown start dates count as
    uncovered, an empty end as in office until ``until``). Days on which the office did not
    exist or stood vacant (``vacant``, default :func:`vacant_periods`) are left out of the count."""
    wanted = list(countries)
    if vacant is None:
        vacant = vacant_periods()
    spans: dict[tuple[str, str], list[tuple[Date, Date]]] = {}
    seen: set[tuple] = set()
    for p in persons:
        fam = office_family(p.office)
        if fam is None or p.country not in wanted or p.start is None:
            continue
        ident = (p.name, p.country, p.office, p.start, p.end)
        if ident in seen:
            continue
        seen.add(ident)
        lo, hi = max(p.start, since), min(p.end or until, until)
        if lo > hi:
            continue
        spans.setdefault((p.country, fam), []).append((lo, hi))
        if fam == "head_of_state":
            for a, b in STATE_HEADS_GOVERNMENT.get(p.country, ()):
                glo, ghi = max(lo, a or Date.min), min(hi, b or Date.max)
                if glo <= ghi:
                    spans.setdefault((p.country, "head_of_government"), []).append((glo, ghi))
    def days(merged: list[tuple[Date, Date]]) -> int:
        return sum((b - a).days + 1 for a, b in merged)

    out = []
    for country in wanted:
        for fam in FAMILIES:
            raw = spans.get((country, fam), [])
            off = _merge((max(a, since), min(b, until)) for a, b in vacant.get((country, fam), ())
                         if max(a, since) <= min(b, until))
            merged = _merge(raw + off)
            total = (until - since).days + 1 - days(off)
            covered = days(merged) - days(off)
            gaps, cursor = [], since
            for a, b in merged:
                if a > cursor:
                    gaps.append((cursor, Date.fromordinal(a.toordinal() - 1)))
                cursor = max(cursor, Date.fromordinal(b.toordinal() + 1))
            if cursor <= until:
                gaps.append((cursor, until))
            out.append(Coverage(country, fam, covered / total if total > 0 else 1.0, gaps, len(raw)))
    return out


def packaged_persons(extra: tuple[str, ...] = ()) -> list[Person]:
    """Every term in the knowledge base (each once), packaged and from ``extra`` files."""
    from dyad.actors.kb import load_kb

    kb = load_kb(extra)
    seen, out = set(), []
    for rows in kb.persons.values():
        for p in rows:
            ident = (p.name, p.country, p.office, p.start, p.end)
            if ident not in seen:
                seen.add(ident)
                out.append(p)
    return out
