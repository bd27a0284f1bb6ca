"""Actor resolution on our own case file, tests/actors/cases.csv (see docs/actors.md).

Each row is (sentence, pub_date, mention) -> (expected_country, expected_sector). A case is
scored on the resolver itself, not on the event coder: the text is parsed, the LAST
whole-word occurrence of ``mention`` is found, and ``ActorResolver.resolve_span`` resolves
the phrase headed by that span (earlier mentions in the text are read by the resolver's own
coreference). A participant left with a sector and no country takes
``ActorResolver.context_country`` (the country its sentence names, else the text's main
one), as the pipeline's context step does. The case is right when one of the returned
entities has exactly the expected country and sector (an empty cell means none).

Run as a script to see the score and every miss:

    .venv/bin/python tests/actors/test_resolve_cases.py [-v]
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import date
from pathlib import Path

import pytest

CASES = Path(__file__).with_name("cases.csv")
FLOOR = 0.98  # share of cases right (issue #4 asks for 0.95; reached 0.995); only ever raised


def load_cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def resolve_case(nlp, kb, row: dict[str, str]):
    """The entities dyad gives the case's mention, each as (country, sector, how)."""
    from dyad.actors.resolve import ActorResolver

    text = row["sentence"]
    doc = nlp(text)
    resolver = ActorResolver(doc, kb, date.fromisoformat(row["pub_date"]))
    found = list(re.finditer(r"(?<!\w)" + re.escape(row["mention"]) + r"(?!\w)", text))
    if not found:
        raise ValueError(f"mention {row['mention']!r} not in {text!r}")
    m = found[-1]
    out = []
    for ent in resolver.resolve_span(m.start(), m.end()):
        country, how = ent.country, ent.how
        if not country and ent.sector:
            span = doc.char_span(*ent.span, alignment_mode="expand")
            country = resolver.context_country(span.root) if span is not None else None
            how += "+context"
        out.append((country or "", ent.sector or "", how))
    return out


def score(nlp, kb, rows):
    misses = []
    for row in rows:
        got = resolve_case(nlp, kb, row)
        want = (row["expected_country"], row["expected_sector"])
        if want not in [(c, s) for c, s, _ in got]:
            misses.append((row, got))
    return 1 - len(misses) / len(rows), misses


def test_cases_file_is_well_formed():
    rows = load_cases()
    assert len(rows) >= 300
    for row in rows:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["pub_date"]), row
        assert re.search(r"(?<!\w)" + re.escape(row["mention"]) + r"(?!\w)", row["sentence"]), row
        assert row["expected_country"] == "" or re.fullmatch(r"[A-Z]{3}", row["expected_country"]), row
        assert row["expected_sector"] == "" or re.fullmatch(r"[A-Z]{3}", row["expected_sector"]), row
        assert row["note"], row


@pytest.mark.slow
def test_cases_accuracy_floor(nlp):
    from dyad.actors.kb import load_kb

    accuracy, misses = score(nlp, load_kb(), load_cases())
    shown = "\n".join(f"  {r['mention']!r} {r['pub_date']}: want {r['expected_country']}/{r['expected_sector']}, "
                      f"got {got}" for r, got in misses[:25])
    assert accuracy >= FLOOR, f"{accuracy:.3f} < {FLOOR}; misses:\n{shown}"


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
    from dyad.actors.kb import load_kb
    from dyad.parse import load_nlp

    rows = load_cases()
    accuracy, misses = score(load_nlp(), load_kb(), rows)
    print(f"{len(rows)} cases, {len(rows) - len(misses)} right: {accuracy:.3f}")
    if "-v" in sys.argv:
        for row, got in misses:
            print(f"- {row['note']}: {row['mention']!r} ({row['pub_date']}) want "
                  f"{row['expected_country']}/{row['expected_sector']} got {got}\n    {row['sentence']}")
