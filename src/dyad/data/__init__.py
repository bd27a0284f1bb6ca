"""Package data: the ontology and the knowledge base, as CSV files, with one loader.

Each fact lives in exactly one file here; stages receive the loaded
:class:`Tables` as an argument and never read files themselves.

Files:
    cameo_event_codes.csv   CAMEO code, name, root, Goldstein, QuadClass
    cameo_to_plover.csv     CAMEO code -> PLOVER event, mode, context
    cameo_actor_types.csv   3-letter sector/role codes
    cameo_known_groups.csv  known-group codes
    cameo_countries.csv     CAMEO country and region codes
    countries.csv           our country table: names, demonyms, capitals, seats
    organisations.csv       international organisations and named groups
    sectors.csv             agent nouns and titles -> sector
    persons.csv             office holders with dates
    verbs.csv, nouns.csv    event patterns (see dyad.events.patterns)
    instruments.csv         weapons that make a generic attack specific (dyad.events.instruments)
    type_model.npz          the learned event-type model (dyad.events.learned, docs/model_card.md)
    calibration.json        the confidence models (dyad.events.confidence)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator

from dyad.errors import DataError

DATA_DIR = Path(str(resources.files("dyad") / "data"))


def read_csv(name_or_path: str | Path) -> Iterator[dict[str, str]]:
    """Rows of a packaged CSV (by file name) or of a user file (by path).

    Lines starting with ``#`` are comments. Every value is stripped.
    """
    path = Path(name_or_path)
    if not path.is_absolute() and not path.exists():
        path = DATA_DIR / str(name_or_path)
    if not path.exists():
        raise DataError(f"{path}: no such data file")
    with path.open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.lstrip().startswith("#"))
        for lineno, row in enumerate(csv.DictReader(lines), start=2):
            if None in row:
                raise DataError(f"{path}:{lineno}: more fields than the header names")
            yield {k.strip(): (v or "").strip() for k, v in row.items()}


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    contexts: tuple[str, ...]


@dataclass(slots=True)
class Ontology:
    """CAMEO codes with their Goldstein value, QuadClass and PLOVER mapping."""

    codes: dict[str, CameoCode] = field(default_factory=dict)
    actor_types: dict[str, str] = field(default_factory=dict)
    known_groups: dict[str, str] = field(default_factory=dict)
    country_codes: dict[str, str] = field(default_factory=dict)

    def __getitem__(self, code: str) -> CameoCode:
        return self.codes[code]

    def __contains__(self, code: str) -> bool:
        return code in self.codes

    def plover_for(self, code: str) -> tuple[str | None, str | None, tuple[str, ...]]:
        c = self.codes.get(code)
        return (c.plover, c.plover_mode, c.contexts) if c else (None, None, ())


def _plover_for(code: str, table: dict[str, dict[str, str]]) -> dict[str, str] | None:
    """The PLOVER row for a code, falling back to its 3-digit parent and its root."""
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


APPEAL_ROOT, DEMAND_ROOT = "02", "10"


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Load the CAMEO/PLOVER tables once per process."""
    plover_rows = {r["cameo_code"]: r for r in read_csv("cameo_to_plover.csv")}
    onto = Ontology()
    for row in read_csv("cameo_event_codes.csv"):
        code = row["code"]
        # Appeals (root 02) have no row in PLOVER's conversion table, but PLOVER's gold records
        # and the PLV data code them REQUEST. CAMEO's appeals parallel its demands (021 ~ 101,
        # ..., 028 ~ 108), so an appeal takes the PLOVER row of its parallel demand.
        key = DEMAND_ROOT + code[2:] if code[:2] == APPEAL_ROOT else code
        p = _plover_for(key, plover_rows)
        # The exact row decides the context; a parent's row supplies event and mode.
        exact = plover_rows.get(key)
        contexts = tuple(
            c.strip() for c in (exact or p or {}).get("plover_context", "").split(";") if c.strip()
        )
        onto.codes[code] = CameoCode(
            code=code,
            name=row["name"],
            root=row["root"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=(p or {}).get("plover_event") or None,
            plover_mode=(exact or {}).get("plover_mode") or None,
            contexts=contexts,
        )
    onto.actor_types = {r["code"]: r["name"] for r in read_csv("cameo_actor_types.csv")}
    onto.known_groups = {r["code"]: r["name"] for r in read_csv("cameo_known_groups.csv")}
    onto.country_codes = {r["code"]: r["name"] for r in read_csv("cameo_countries.csv")}
    return onto
