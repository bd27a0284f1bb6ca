"""PLOVER's sector codes for an entity whose sector is a CAMEO code.

dyad resolves every actor to CAMEO's role codes (the knowledge base and the
``Entity.sector`` field stay CAMEO). PLOVER's specification (manual draft 0.7,
chapter "Actor and Sector Codes") has a shorter, partly different list:

- it drops CAMEO's INS (insurgents) and SEP (separatists): armed groups fighting a
  government are REB;
- its UAF is *unidentified* armed forces ("unknown gunmen"), where CAMEO's is
  *unaligned* armed forces (militias, paramilitaries, mercenaries): a named militia
  (Hezbollah, the Janjaweed) is an identified armed group, REB in PLOVER (its PRM,
  pro-government paramilitaries, needs an alignment the knowledge base does not
  record); unnamed "gunmen", "unknown attackers" and the attackers of an attack nobody
  claimed (``how`` ending ``place``) stay UAF, "paramilitaries" and
  "pro-government militias" are PRM, other unnamed armed groups REB;
- MED means health in PLOVER (CAMEO's HLH) and JRN means journalists and media
  (CAMEO's MED);
- civil-society organisations are SOC (CAMEO's HRI, ENV, DEV, and NGO used as a
  role of a national body);
- it has no settler, peacekeeper, moderate or radical codes: settlers are
  civilians (CVL), peacekeepers are troops (MIL), MOD and RAD are dropped;
- an international organisation's own officials and governing organs (its
  secretary-general, its council or commission) are the organisation's GOV, where
  CAMEO gives them the organisation's code and no role; a military alliance itself
  (NATO) is MIL.

Only :func:`plover_sector` and :func:`plover_sectors` are meant for use outside.
"""

from __future__ import annotations

from typing import Any, Mapping

from dyad.actors.kb import load_kb, phrase_key

# CAMEO role -> PLOVER sector, where they differ (None: no PLOVER sector).
CAMEO_TO_PLOVER: dict[str, str | None] = {
    "INS": "REB",
    "SEP": "REB",
    "MED": "JRN",
    "HLH": "MED",
    "HRI": "SOC",
    "ENV": "SOC",
    "DEV": "SOC",
    "NGO": "SOC",
    "NGM": "SOC",
    "SET": "CVL",
    "PKO": "MIL",
    "MOD": None,
    "RAD": None,
    "IGO": None,
    "IMG": None,
    "INT": None,
    "UIS": None,
    "MNC": "BUS",
    "AMN": None,
    "IRC": None,
    "GRP": None,
    "UNO": None,
}
# Words of armed men nobody has identified (PLOVER's UAF) and of pro-government armed groups (PRM).
UNIDENTIFIED = frozenset({"gunmen", "gunman", "assailants", "assailant", "attackers", "attacker", "unknown",
                          "unidentified", "masked", "bomb", "bombs", "device", "devices", "ied", "ieds"})
PRO_GOVERNMENT = frozenset({"paramilitary", "paramilitaries", "pro-government", "pro-regime", "loyalist",
                            "loyalists"})
# Military alliances (by CAMEO group code and by name): the body itself is MIL in PLOVER.
MILITARY_ALLIANCES = frozenset({"NAT", "north atlantic treaty organization", "warsaw pact",
                                "collective security treaty organization"})
# Words naming an international body's governing organ: its GOV in PLOVER.
GOVERNING_ORGANS = frozenset({"council", "commission", "secretariat", "presidency", "executive"})


def _field(entity: Any, name: str):
    if isinstance(entity, Mapping):
        return entity.get(name)
    return getattr(entity, name, None)


def _roles(sector: str | None) -> list[str]:
    s = (sector or "").upper()
    return [s[i : i + 3] for i in range(0, len(s) - 2, 3)]


def _official(text: str, name: str | None) -> str | None:
    """GOV or MIL where an IGO mention names an office, an office holder or a governing
    organ ("UN Secretary-General", "Kofi Annan", "the Security Council"), else None."""
    kb = load_kb()
    words = phrase_key(text or "")
    found: list[str] = []
    i = 0
    while i < len(words):  # longest phrase first: "secretary general" is no "general"
        for n in range(min(len(words) - i, kb.max_len), 0, -1):
            key = words[i : i + n]
            sector = kb.sectors.get(key)
            if sector:
                if sector in ("GOV", "MIL", "PKO") or kb.sector_kinds.get(key) == "title":
                    found.append(sector)
                i += n
                break
        else:
            i += 1
    if any(s in ("MIL", "PKO") for s in found):
        return "MIL"
    if found or GOVERNING_ORGANS & set(words):
        return "GOV"
    if name and kb.persons.get(phrase_key(name)):
        return "GOV"
    return None


def _armed_group(entity: Any) -> str:
    """PLOVER's code for what CAMEO calls unaligned armed forces: a named militia is an
    identified armed group (REB); "gunmen", "unknown attackers" are unidentified (UAF);
    "paramilitaries" and "pro-government militias" are PRM; other armed groups REB."""
    if _field(entity, "name") or _field(entity, "group"):
        return "REB"
    if (_field(entity, "how") or "").split("+")[-1] == "place":
        return "UAF"  # an attack nobody claimed: the place's unidentified attackers (dyad.actors.roles)
    words = set(phrase_key(_field(entity, "text") or ""))
    if words & UNIDENTIFIED or {"armed", "men"} <= words or {"armed", "man"} <= words:
        return "UAF"
    if words & PRO_GOVERNMENT:
        return "PRM"
    return "REB"


def plover_sectors(entity: Any) -> list[str]:
    """PLOVER sector codes of an entity (an ``Entity`` or its dict), CAMEO roles mapped
    in order ("INSxxx" -> ["REB"]); empty when PLOVER has none for it."""
    country = (_field(entity, "country") or "").upper()
    out: list[str] = []
    for role in _roles(_field(entity, "sector")):
        if role == "UAF":
            mapped = _armed_group(entity)
        elif role == "NGO" and country in ("NGO", "IGO"):
            mapped = None
        else:
            mapped = CAMEO_TO_PLOVER.get(role, role)
        if mapped and mapped not in out:
            out.append(mapped)
    if not out and country == "IGO":
        official = _official(_field(entity, "text") or "", _field(entity, "name"))
        if official:
            out.append(official)
        elif (_field(entity, "group") or "") in MILITARY_ALLIANCES \
                or " ".join(phrase_key(_field(entity, "name") or "")) in MILITARY_ALLIANCES:
            out.append("MIL")  # "NATO confirmed ...": a military alliance acts as a force
    return out


def plover_sector(entity: Any) -> str | None:
    """The PLOVER sector of an entity: its first role in PLOVER's vocabulary, or None."""
    roles = plover_sectors(entity)
    return roles[0] if roles else None


__all__ = ["CAMEO_TO_PLOVER", "GOVERNING_ORGANS", "MILITARY_ALLIANCES", "plover_sector", "plover_sectors"]
