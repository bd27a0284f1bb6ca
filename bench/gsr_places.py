"""Event places on plover_gsr: the gold records that give an event location.

    .venv/bin/python bench/gsr_places.py [../shared/gold/plover_gsr_dev.jsonl] [--misses]

Each record with an ``event_loc`` is coded whole (``Pipeline.code_article``,
dated by the record). The event compared is the one of the gold PLOVER type
(else the first event with a place, else the first event). Scores, where the
gold states a place:

- country: the event's place is in the gold place's country (gold's ISO-2 code
  when it gives one, else the country the gazetteer gives the gold name); a gold
  place with neither ("the Europe Bridge" between two countries) cannot be
  scored at the country level and is left out of it, and counted apart;
- exact: the event's place is the gold place, counted only for a place read
  from the sentence: the same name or the toponym as written in the sentence
  (without feature words: "province of Herat" is Herat), or the gold name is
  another spelling of the same place ("Algers" for Algiers: the gazetteer,
  told the gold country, resolves it to the place dyad chose).

Gold names are the annotators' spellings; they are compared after the
gazetteer's normalisation. The file is read at run time and the
script stops with a message when it is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "gold" / "plover_gsr_dev.jsonl"
FEATURE_WORDS = {"province", "region", "state", "district", "city", "governorate", "oblast", "county", "of", "the"}


def bare(normalise, name: str) -> str:
    return " ".join(w for w in normalise(name).split() if w not in FEATURE_WORDS)


def gold_country(gazetteer, loc: dict) -> str | None:
    code = loc.get("country code")
    if code:
        country = gazetteer.country(code)
        return country.iso3 if country else None
    place = gazetteer.resolve(loc["name"])
    return place.country if place else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--misses", action="store_true", help="print every record not exactly right")
    args = ap.parse_args()
    if not args.path.exists():
        print(f"{args.path}: not found (the gold sets live in ../shared/gold)", file=sys.stderr)
        return 2

    from dyad.pipeline import Pipeline
    from dyad.places import load_gazetteer, normalise
    from dyad.records import Article

    gazetteer = load_gazetteer()
    pipeline = Pipeline()
    stated = country_ok = exact_ok = no_country = 0
    with args.path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            rec = json.loads(line)
            gold = rec["labels"].get("event_loc")
            if not gold or not gold.get("name"):
                continue
            stated += 1
            want_country = gold_country(gazetteer, gold)
            no_country += want_country is None
            article = Article(id=f"gsr{line_no}", text=rec["text"], date=dt.date.fromisoformat(rec["date"]))
            events = pipeline.code_article(article).events
            typed = [e for e in events if e.plover == rec["labels"]["event_type"]]
            pool = typed or events
            event = next((e for e in pool if e.location is not None), pool[0] if pool else None)
            loc = event.location if event else None
            ok_country = loc is not None and want_country is not None and loc.country == want_country
            surface = rec["text"][loc.span[0] : loc.span[1]] if loc and loc.span and loc.how == "sentence" else ""
            names = {bare(normalise, loc.name), bare(normalise, surface)} if loc and loc.how == "sentence" else set()
            same = gazetteer.resolve(gold["name"], prefer_countries=[want_country] if want_country else [])
            ok_exact = ok_country and loc.how == "sentence" and (
                bare(normalise, gold["name"]) in names or same is not None and same.name == loc.name
            )
            country_ok += ok_country
            exact_ok += ok_exact
            if args.misses and not ok_exact:
                got = f"{loc.name} ({loc.country}, {loc.how})" if loc else "none"
                print(f"{'country' if ok_country else 'MISS':7s} gold {gold['name']} ({want_country}) got {got}"
                      f" | {rec['text'][:110]}")
    scorable = stated - no_country
    print(f"plover_gsr event places: {stated} records with a gold place ({no_country} without a country); "
          f"country {country_ok}/{scorable} = {country_ok / max(1, scorable):.3f}, "
          f"exact {exact_ok}/{stated} = {exact_ok / max(1, stated):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
