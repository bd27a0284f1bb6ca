"""Gold files: recognise their format and read them into :class:`GoldItem`.

One reader per format of ``../shared/gold/`` (see its README). Each reader
turns the raw JSON records into items that carry the text to code, its date
and a small ``gold`` dict, the only part the scorers look at:

=================  ===============================================================
format             ``gold`` keys
=================  ===============================================================
zsp_plv            type (PLOVER, YIELD = CONCEDE+RETREAT), actor_text, recipient_text
conflibert_cameo   penta (0..4), actor_spans, recipient_spans (lists of strings)
plover_gsr         type (current PLOVER name), type_v05, actors, recipients
                   (each ``{text, country, sector}``)
petrarch           suite, expect, triples (``[source, target, code]`` lists)
ecola_gdelt        codes (GDELT's CAMEO codes), roots (sorted, unique)
case2021_task2     acled (ACLED event type, or None for the CASE "unseen" types), subtype
glocon_sample      label (0 no protest, 1 protest, 2 planned/announced), level
=================  ===============================================================
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any, Callable, Iterable

from dyad.errors import GoldFormatError

# petrarch suites whose actors and codes are real CAMEO; the others use toy
# countries and WEIS-style codes (see the gold README) and are not scored.
PETRARCH_CODED_SUITES = ("udp_gsr", "petr2_pytest")


@dataclass(slots=True)
class GoldItem:
    """One unit to code and score: a sentence or a document."""

    id: str
    text: str
    date: Date | None
    gold: dict[str, Any]
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class GoldSet:
    """The items of one gold file, with what the reader left out and why."""

    dataset: str
    path: str
    items: list[GoldItem]
    notes: list[str] = field(default_factory=list)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file; blank lines are skipped."""
    path = Path(path)
    records = []
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise GoldFormatError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    with fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"{path}:{lineno}: not JSON: {exc.msg}") from exc
            if not isinstance(rec, dict):
                raise GoldFormatError(f"{path}:{lineno}: expected a JSON object")
            records.append(rec)
    return records


def _parse_date(value: Any) -> Date | None:
    if not value:
        return None
    try:
        return Date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _labels(rec: dict[str, Any]) -> dict[str, Any]:
    labels = rec.get("labels")
    return labels if isinstance(labels, dict) else {}


def format_of_record(rec: dict[str, Any]) -> str | None:
    """The gold format a single record is in, judged by its keys; None if unknown."""
    labels = _labels(rec)
    ontology = str(labels.get("ontology") or "")
    if "actor_text" in labels and "event_type" in labels:
        return "zsp_plv"
    if "event_type_plover_current" in labels or ontology.startswith("PLOVER-"):
        return "plover_gsr"
    if "penta_code" in labels:
        return "conflibert_cameo"
    if "acled_event_type" in labels:
        return "case2021_task2"
    if "protest_label" in labels:
        return "glocon_sample"
    events = rec.get("events")
    if isinstance(events, list):
        if "suite" in rec:
            return "petrarch"
        if events and isinstance(events[0], dict) and "relation" in events[0]:
            return "ecola_gdelt"
    return None


def detect_format(path: str | Path, records: Iterable[dict[str, Any]] = ()) -> str:
    """The gold format of a file: from its records' keys, else from its name.

    Raises :class:`GoldFormatError` when neither tells.
    """
    for rec in records:
        found = format_of_record(rec)
        if found:
            return found
        break  # judge by the first record only; the rest must agree (checked by the reader)
    name = Path(path).name.lower()
    for fmt in READERS:
        if name.startswith(fmt):
            return fmt
    raise GoldFormatError(
        f"{path}: unknown gold format; expected one of {', '.join(READERS)} "
        "(named by the file name's start or recognised from the records' labels)"
    )


def _require(rec: dict[str, Any], key: str, path: str, fmt: str) -> Any:
    if key not in rec:
        raise GoldFormatError(f"{path}: record {rec.get('id', '?')!r} has no {key!r}, not {fmt} format")
    return rec[key]


def _item(rec: dict[str, Any], gold: dict[str, Any], path: str, fmt: str, **meta: Any) -> GoldItem:
    text = _require(rec, "text", path, fmt)
    return GoldItem(
        id=str(rec.get("id", "")),
        text=str(text or ""),
        date=_parse_date(rec.get("date")),
        gold=gold,
        meta={k: v for k, v in meta.items() if v is not None},
    )


def _labels_of(rec: dict[str, Any], path: str, fmt: str) -> dict[str, Any]:
    labels = _labels(rec)
    if not labels:
        raise GoldFormatError(f"{path}: record {rec.get('id', '?')!r} has no labels, not {fmt} format")
    return labels


def read_zsp_plv(records: list[dict], path: str) -> GoldSet:
    items = []
    for rec in records:
        lab = _labels_of(rec, path, "zsp_plv")
        gold = {
            "type": str(_require(lab, "event_type", path, "zsp_plv")).upper(),
            "actor_text": lab.get("actor_text") or "",
            "recipient_text": lab.get("recipient_text") or "",
        }
        items.append(_item(rec, gold, path, "zsp_plv"))
    return GoldSet("zsp_plv", path, items)


def read_conflibert_cameo(records: list[dict], path: str) -> GoldSet:
    items = []
    for rec in records:
        lab = _labels_of(rec, path, "conflibert_cameo")
        gold = {
            "penta": int(_require(lab, "penta_code", path, "conflibert_cameo")),
            "actor_spans": list(lab.get("actor_spans") or []),
            "recipient_spans": list(lab.get("recipient_spans") or []),
        }
        items.append(_item(rec, gold, path, "conflibert_cameo"))
    return GoldSet("conflibert_cameo", path, items)


def _gsr_entities(entries: list[dict] | None) -> list[dict[str, Any]]:
    out = []
    for e in entries or []:
        if not isinstance(e, dict) or not (e.get("code") or e.get("actorText")):
            continue  # e.g. {"raw": "diplomatic"}: a context word, not an actor
        out.append({"text": e.get("actorText"), "country": e.get("code"), "sector": e.get("sector")})
    return out


def read_plover_gsr(records: list[dict], path: str) -> GoldSet:
    items = []
    for rec in records:
        lab = _labels_of(rec, path, "plover_gsr")
        v05 = lab.get("event_type")
        current = lab.get("event_type_plover_current") or v05
        if not current:
            raise GoldFormatError(f"{path}: record {rec.get('id', '?')!r} has no event type")
        gold = {
            "type": str(current).upper(),
            "type_v05": v05,
            "actors": _gsr_entities(lab.get("actor")),
            "recipients": _gsr_entities(lab.get("recipient")),
        }
        items.append(_item(rec, gold, path, "plover_gsr", mode=lab.get("mode")))
    return GoldSet("plover_gsr", path, items)


def read_petrarch(records: list[dict], path: str) -> GoldSet:
    items = []
    skipped: dict[str, int] = {}
    for rec in records:
        suite = str(_require(rec, "suite", path, "petrarch"))
        if suite not in PETRARCH_CODED_SUITES:
            skipped[suite] = skipped.get(suite, 0) + 1
            continue
        expect = rec.get("expect", "events")
        if expect not in ("events", "noevents"):
            skipped[f"{suite} ({expect})"] = skipped.get(f"{suite} ({expect})", 0) + 1
            continue
        triples = [
            [str(e.get("source") or "---"), str(e.get("target") or "---"), str(e.get("code") or "")]
            for e in rec.get("events") or []
        ]
        gold = {"suite": suite, "expect": expect, "triples": triples}
        items.append(_item(rec, gold, path, "petrarch", suite=suite))
    notes = []
    if skipped:
        parts = ", ".join(f"{k}: {v}" for k, v in sorted(skipped.items()))
        notes.append(
            f"not scored ({parts}): toy-dictionary suites use invented countries and "
            "WEIS-style codes; only udp_gsr and petr2_pytest carry CAMEO triples"
        )
    return GoldSet("petrarch", path, items, notes)


def read_ecola_gdelt(records: list[dict], path: str) -> GoldSet:
    items = []
    for rec in records:
        events = _require(rec, "events", path, "ecola_gdelt")
        codes = [str(e.get("code") or "") for e in events if e.get("code")]
        gold = {"codes": codes, "roots": sorted({c[:2] for c in codes})}
        items.append(_item(rec, gold, path, "ecola_gdelt"))
    return GoldSet("ecola_gdelt", path, items)


def read_case2021_task2(records: list[dict], path: str) -> GoldSet:
    items = []
    for rec in records:
        lab = _labels_of(rec, path, "case2021_task2")
        if "acled_event_type" not in lab:
            raise GoldFormatError(f"{path}: record {rec.get('id', '?')!r} has no acled_event_type")
        gold = {"acled": lab.get("acled_event_type"), "subtype": lab.get("event_subtype")}
        items.append(_item(rec, gold, path, "case2021_task2"))
    return GoldSet("case2021_task2", path, items)


def read_glocon_sample(records: list[dict], path: str) -> GoldSet:
    items = []
    for rec in records:
        lab = _labels_of(rec, path, "glocon_sample")
        gold = {
            "label": int(_require(lab, "protest_label", path, "glocon_sample")),
            "level": lab.get("level") or "document",
        }
        items.append(_item(rec, gold, path, "glocon_sample"))
    return GoldSet("glocon_sample", path, items)


READERS: dict[str, Callable[[list[dict], str], GoldSet]] = {
    "zsp_plv": read_zsp_plv,
    "conflibert_cameo": read_conflibert_cameo,
    "plover_gsr": read_plover_gsr,
    "petrarch": read_petrarch,
    "ecola_gdelt": read_ecola_gdelt,
    "case2021_task2": read_case2021_task2,
    "glocon_sample": read_glocon_sample,
}


def read_gold(path: str | Path, fmt: str | None = None) -> GoldSet:
    """Read a gold file in any known format (detected unless ``fmt`` is given)."""
    records = read_jsonl(path)
    if not records:
        raise GoldFormatError(f"{path}: no records")
    fmt = fmt or detect_format(path, records)
    if fmt not in READERS:
        raise GoldFormatError(f"{path}: unknown gold format {fmt!r}; expected one of {', '.join(READERS)}")
    return READERS[fmt](records, str(path))
