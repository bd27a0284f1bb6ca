"""Test helpers of the evaluation tests: hand-made events, fake coders, tiny gold records.

All texts here are invented for the tests; no gold text is copied. Fixtures
that hand these out live in ``conftest.py``.
"""

from __future__ import annotations

from datetime import date as Date

from dyad.records import Entity, Event, Trigger


def make_event(
    cameo: str,
    *,
    actors: tuple = (),
    recipients: tuple = (),
    confidence: float = 0.5,
    text: str = "",
    plover: str | None = None,
    fill: bool = True,
) -> Event:
    """An event with entities given as ``(text, country[, sector[, span]])`` tuples.

    Without an explicit span an entity's span is found in ``text``. ``fill``
    sets the root and PLOVER type from the ontology as the pipeline would.
    """

    def entity(spec) -> Entity:
        name, country, sector, span = (tuple(spec) + (None, None, None))[:4]
        if span is None:
            i = text.find(name) if text else -1
            span = (i, i + len(name)) if i >= 0 else (0, 0)
        return Entity(text=name, span=tuple(span), country=country, sector=sector)

    ev = Event(
        article_id="t",
        pub_date=Date(2020, 1, 1),
        cameo=cameo,
        trigger=Trigger(text="did", span=(0, 0)),
        sentence=text,
        sentence_span=(0, len(text)),
        actors=[entity(a) for a in actors],
        recipients=[entity(r) for r in recipients],
        confidence=confidence,
    )
    if fill:
        from dyad.data import load_ontology

        onto = load_ontology()
        ev.cameo_root = onto[cameo].root if cameo in onto else cameo[:2]
        ev.plover = plover or (onto.plover_for(cameo)[0] if cameo in onto else None)
    elif plover:
        ev.plover = plover
    return ev


def null_coder(text: str, pub_date=None) -> list[Event]:
    """Abstains everywhere."""
    return []


# One code per CAMEO root, each mapping to a different PLOVER type where it can.
ALL_ROOT_CODES = ["010", "020", "030", "040", "050", "060", "070", "080", "084", "090", "100", "110",
                  "120", "130", "141", "145", "150", "160", "173", "175", "180", "183", "190", "194",
                  "195", "200", "204"]


def spray_coder(text: str, pub_date=None) -> list[Event]:
    """Emits every class at once: one equally confident event per code above."""
    return [make_event(code, text=text) for code in ALL_ROOT_CODES]


# --- tiny hand-written records, one set per format ---------------------------------------


def zsp_record(i: int, text: str, etype: str, actor: str, recipient: str) -> dict:
    return {"id": f"zsp_plv:x:{i}", "date": None, "text": text,
            "labels": {"ontology": "PLOVER (ZSP root codes; YIELD = CONCEDE+RETREAT)", "event_type": etype,
                       "penta_code": 1, "actor_text": actor, "recipient_text": recipient}}


def conflibert_record(i: int, text: str, penta: int, actors=None, recipients=None) -> dict:
    labels = {"ontology": "CAMEO penta-class", "penta_code": penta, "has_actor_spans": actors is not None}
    if actors is not None:
        labels.update(actor_spans=actors, recipient_spans=recipients or [], reciprocal_spans=[])
    return {"id": f"conflibert_cameo:x:{i}", "date": None, "text": text, "labels": labels}


def gsr_record(i: int, text: str, etype: str, actors: list, recipients: list, v05: str | None = None) -> dict:
    def ents(specs):
        return [{"actorText": t, "code": c, **({"sector": s} if s else {})} for t, c, s in specs]

    return {"id": f"plover_gsr:x:{i}", "date": "2000-01-01", "text": text,
            "labels": {"ontology": "PLOVER-0.5b1", "event_type": v05 or etype, "event_type_plover_current": etype,
                       "actor": ents(actors), "recipient": ents(recipients)}}


def petrarch_record(i: int, text: str, suite: str, events: list, expect: str = "events") -> dict:
    return {"id": f"{suite}:{i}", "date": "2010-05-05", "text": text, "suite": suite, "expect": expect,
            "events": [{"source": s, "target": t, "code": c} for s, t, c in events]}


def ecola_record(i: int, text: str, codes: list[str]) -> dict:
    return {"id": f"ecola-{i}", "date": "2018-01-02", "title": "", "text": text,
            "events": [{"source": "a", "target": "b", "code": c, "relation": "r"} for c in codes]}


def case_record(i: int, text: str, acled: str | None, subtype: str) -> dict:
    return {"id": f"case2021_task2:x:{i}", "date": None, "text": text,
            "labels": {"ontology": "ACLED", "event_subtype": subtype, "acled_event_type": acled, "subtask": 1}}


def glocon_record(i: int, text: str, label: int, level: str = "sentence") -> dict:
    return {"id": f"glocon_sample:x:{i}", "date": None, "text": text,
            "labels": {"level": level, "protest_label": label, "protest_label_name": str(label)}}


def tiny_sets() -> dict[str, list[dict]]:
    """A few invented records per format, with several classes each."""
    return {
        "zsp_plv": [
            zsp_record(1, "Ruritania met Freedonia.", "CONSULT", "Ruritania", "Freedonia"),
            zsp_record(2, "Ruritania shelled Freedonia.", "ASSAULT", "Ruritania", "Freedonia"),
            zsp_record(3, "Ruritania freed Freedonian captives.", "YIELD", "Ruritania", "Freedonian captives"),
            zsp_record(4, "Ruritania denounced Freedonia.", "ACCUSE", "Ruritania", "Freedonia"),
        ],
        "conflibert_cameo": [
            conflibert_record(1, "The minister said the talks would go on.", 0),
            conflibert_record(2, "Ruritania agreed to meet Freedonia.", 1, ["Ruritania"], ["Freedonia"]),
            conflibert_record(3, "Ruritania sent food to Freedonia.", 2),
            conflibert_record(4, "Ruritania accused Freedonia of lying.", 3),
            conflibert_record(5, "Ruritania bombed Freedonia.", 4),
        ],
        "plover_gsr": [
            gsr_record(1, "Ruritania met Freedonia.", "CONSULT", [("Ruritania", "RUR", "GOV")], [("Freedonia", "FRE", None)]),
            gsr_record(2, "Ruritanian rebels shot villagers.", "ASSAULT", [("Ruritanian rebels", "RUR", "REB")], [], v05="FIGHT"),
            gsr_record(3, "The UN urged calm.", "REQUEST", [("The UN", "IGO", None)], [], v05="DEMAND"),
        ],
        "petrarch": [
            petrarch_record(1, "Ruritania invaded Freedonia.", "petr2_pytest", [("RUR", "FRE", "192")]),
            petrarch_record(2, "Ruritanian police arrested Freedonian traders.", "udp_gsr", [("RURCOP", "FREBUS", "173")]),
            petrarch_record(3, "Nothing of note happened in Ruritania.", "udp_gsr", [], expect="noevents"),
            petrarch_record(4, "Arnor praised Gondor.", "petr1_unittest", [("ARN", "GON", "051")]),
        ],
        "ecola_gdelt": [
            ecola_record(1, "ruritania met freedonia .", ["040", "043"]),
            ecola_record(2, "ruritania attacked freedonia and blamed it .", ["190", "112"]),
            ecola_record(3, "ruritania praised freedonia .", ["051"]),
        ],
        "case2021_task2": [
            case_record(1, "Troops clashed with rebels near the border.", "Battles", "ARMED_CLASH"),
            case_record(2, "Hundreds marched peacefully in the capital.", "Protests", "PEACE_PROTEST"),
            case_record(3, "A crowd set shops on fire.", "Riots", "VIOL_DEMONSTR"),
            case_record(4, "An air strike hit a depot.", "Explosions/Remote violence", "AIR_STRIKE"),
            case_record(5, "A flood washed away a bridge.", None, "NATURAL_DISASTER"),
        ],
        "glocon_sample": [
            glocon_record(1, "Workers marched on the ministry.", 1),
            glocon_record(2, "The ministry published figures.", 0),
            glocon_record(3, "Prices rose in May.", 0, level="document"),
            glocon_record(4, "Farmers plan to rally next week.", 2),
            glocon_record(5, "Students held a sit-in.", 1, level="document"),
            glocon_record(6, "The mayor opened a school.", 0),
        ],
    }
