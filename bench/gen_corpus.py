"""A generated news corpus with known duplicates and known events, for dedup tests and benchmarks.

    .venv/bin/python bench/gen_corpus.py --events 2000 --out /tmp/corpus   # articles.jsonl, events.jsonl, truth.json

Every article and sentence here is invented by this script. The world: true
events (a type, an actor and a recipient with sectors, a day, maybe a place)
on a skewed set of dyads, with deliberate hard cases: the same dyad and type
on the next days ("daily shelling"), the same day in another town, another
sector of the same country. Outlets write original articles about a main event
(sometimes recalling an earlier one) in their own words with shared quotes and
their own boilerplate; wire copies republish them exactly or lightly rewritten
(a dateline prefix, a dropped or added sentence, a few words swapped, the
story cut short), a day later at most.

Each article comes with the events a good coder would emit, with realistic
noise: the date is explicit (sometimes a day off), missing (the publication
date stands in) or vague (a month, a range); the actor's sector is sometimes
dropped ("Russia" for "Russian forces"); the place is a town, the country, or
missing. The truth says which article copies which, and which real-world event
(one per actor x recipient dyad) each report is about.

Library use (tests, bench_dedup.py, bench_series.py)::

    corpus = generate(n_events=500, seed=1)
    corpus.coded          # [(Article, [Event, ...]), ...]
    corpus.original_of    # {article_id: original article_id} for copies
    corpus.report_truth   # {(event_id, actor_pos, recipient_pos): true dyad event id}
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator

from dyad.data import load_ontology
from dyad.records import Article, Entity, Event, EventDate, Location, Trigger

# -- the world --------------------------------------------------------------------

# iso3, name, demonym, towns (all facts of public geography)
COUNTRIES = [
    ("RUS", "Russia", "Russian", ["Belgorod", "Kursk", "Rostov", "Bryansk"]),
    ("UKR", "Ukraine", "Ukrainian", ["Kharkiv", "Odesa", "Dnipro", "Kherson", "Zaporizhzhia", "Sumy"]),
    ("PAK", "Pakistan", "Pakistani", ["Peshawar", "Quetta", "Lahore", "Karachi"]),
    ("IND", "India", "Indian", ["Srinagar", "Amritsar", "Jammu", "Delhi"]),
    ("AFG", "Afghanistan", "Afghan", ["Kandahar", "Jalalabad", "Herat"]),
    ("ISR", "Israel", "Israeli", ["Sderot", "Haifa", "Ashkelon"]),
    ("PSE", "Palestine", "Palestinian", ["Gaza City", "Rafah", "Khan Younis", "Jenin"]),
    ("LBN", "Lebanon", "Lebanese", ["Tyre", "Sidon", "Nabatieh"]),
    ("IRN", "Iran", "Iranian", ["Isfahan", "Tabriz", "Shiraz"]),
    ("USA", "the United States", "American", ["Washington", "New York"]),
    ("CHN", "China", "Chinese", ["Beijing", "Shanghai", "Xiamen"]),
    ("TWN", "Taiwan", "Taiwanese", ["Kaohsiung", "Taichung"]),
    ("SDN", "Sudan", "Sudanese", ["El Fasher", "Omdurman", "Nyala", "Wad Madani"]),
    ("ETH", "Ethiopia", "Ethiopian", ["Mekelle", "Gondar", "Bahir Dar"]),
    ("FRA", "France", "French", ["Paris", "Marseille"]),
    ("DEU", "Germany", "German", ["Berlin", "Munich"]),
    ("TUR", "Turkey", "Turkish", ["Ankara", "Gaziantep", "Diyarbakir"]),
    ("SYR", "Syria", "Syrian", ["Aleppo", "Idlib", "Deir ez-Zor", "Homs"]),
    ("MMR", "Myanmar", "Myanmar", ["Mandalay", "Lashio", "Sittwe"]),
    ("VEN", "Venezuela", "Venezuelan", ["Maracaibo", "Valencia"]),
]
COUNTRY = {c[0]: c for c in COUNTRIES}

# sector code, phrase ("{dem} forces")
SECTORS = {
    None: None,
    "GOV": "the {dem} government",
    "MIL": "{dem} forces",
    "COP": "{dem} police",
    "OPP": "the {dem} opposition",
    "REB": "{dem} rebels",
}

# CAMEO code, sectors that do it, verb phrases (actor VERB recipient)
ACTIONS = [
    ("190", ("MIL", "REB"), ["attacked", "shelled", "struck", "launched an assault on", "fired rockets at"]),
    ("195", ("MIL",), ["bombed", "carried out air strikes against", "shelled positions held by"]),
    ("112", ("GOV", "OPP"), ["accused", "blamed", "denounced"]),
    ("111", ("GOV",), ["criticised", "condemned"]),
    ("042", ("GOV",), ["held talks with", "met officials from", "visited"]),
    ("036", ("GOV",), ["agreed to meet", "offered to negotiate with"]),
    ("057", ("GOV",), ["signed an agreement with", "signed a deal with"]),
    ("073", ("GOV",), ["sent humanitarian aid to", "delivered relief supplies to"]),
    ("138", ("GOV", "MIL"), ["threatened", "warned of military action against"]),
    ("141", ("OPP",), ["staged protests against", "rallied against"]),
    ("163", ("GOV",), ["imposed an embargo on", "cut trade with"]),
    ("100", ("GOV",), ["demanded concessions from", "issued demands to"]),
    ("120", ("GOV",), ["rejected a proposal from", "turned down an offer from"]),
    ("150", ("MIL",), ["massed troops near", "mobilised forces against"]),
    ("173", ("COP",), ["arrested activists from", "detained members of"]),
]

OUTLETS = [f"outlet{i:02d}" for i in range(40)]
WIRES = ["wire-ap", "wire-rt", "wire-af"]  # whose stories get republished most

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

# filler vocabulary: independent articles share words, rarely four in a row
_ADJ = ("senior regional local former interim provincial rival western eastern northern southern central "
        "independent official unnamed military civilian economic diplomatic security humanitarian political "
        "growing fragile fresh renewed heavy sporadic broader limited urgent careful public private").split()
_NOUN = ("officials residents analysts diplomats observers lawmakers commanders negotiators witnesses "
         "agencies ministers envoys experts traders farmers doctors volunteers journalists students "
         "workers families leaders governors mediators monitors inspectors donors bankers engineers").split()
_THING = ("talks tensions prices supplies routes elections sanctions reforms shortages convoys "
          "ceasefire negotiations budget infrastructure markets harvest exports border crossings hospitals "
          "schools pipelines power grid water supply airspace shipping lanes aid corridors").split()
_VERB = ("said expected warned noted questioned welcomed predicted described urged cautioned "
         "acknowledged estimated reported suggested insisted argued confirmed denied doubted stressed").split()
_CLAUSE = ("could worsen in the coming weeks|remained uncertain|would be discussed later this month|"
           "had eased slightly|were likely to continue|was not immediately clear|would need outside support|"
           "depended on the next round of meetings|had been delayed again|drew sharp reactions|"
           "were under review|had reached a new high|had fallen for a third month|"
           "were being monitored closely|had little effect so far").split("|")


@dataclass
class TrueEvent:
    id: str
    cameo: str
    actors: list[tuple[str, str | None]]  # (country, sector)
    recipient: tuple[str, str | None]
    day: date
    town: str | None
    town_country: str | None
    verb: str


@dataclass
class Sentence:
    text: str
    event: TrueEvent | None = None
    noise: dict = field(default_factory=dict)
    filler: bool = True


@dataclass
class Corpus:
    articles: list[Article]
    coded: list[tuple[Article, list[Event]]]
    original_of: dict[str, str]  # copy -> original (originals are absent)
    report_truth: dict[tuple[str, int, int], str]  # (event_id, actor_pos, recipient_pos) -> true dyad event
    true_events: dict[str, TrueEvent]

    @property
    def n_events(self) -> int:
        return sum(len(events) for _, events in self.coded)


# -- generation ---------------------------------------------------------------------


class _Gen:
    def __init__(self, seed: int, start: date, days: int, lean: bool = False):
        self.rng = random.Random(seed)
        self.lean = lean
        self.start, self.days = start, days
        self.onto = load_ontology()
        # a skewed dyad distribution: a few hot pairs carry most events
        rng = self.rng
        pairs = [(a[0], b[0]) for a in COUNTRIES for b in COUNTRIES if a[0] != b[0]]
        rng.shuffle(pairs)
        self.dyads = pairs
        self.dyad_weights = list(itertools.accumulate(1.0 / (i + 1) ** 0.9 for i in range(len(pairs))))
        self.quotes: dict[str, str] = {}

    # the world

    def true_events(self, n: int, twin_rate: float) -> list[TrueEvent]:
        rng = self.rng
        events: list[TrueEvent] = []
        while len(events) < n:
            a, b = rng.choices(self.dyads, cum_weights=self.dyad_weights)[0]
            cameo, sectors, verbs = rng.choice(ACTIONS)
            sector = rng.choice(sectors)
            day = self.start + timedelta(days=rng.randrange(self.days))
            town_country = rng.choice((b, b, a)) if cameo[:2] in ("19", "15", "14", "17", "07") else rng.choice((a, b))
            town = rng.choice(COUNTRY[town_country][3]) if rng.random() < 0.75 else None
            actors = [(a, sector)]
            if rng.random() < 0.05:  # "Russian and Belarusian forces": a second actor
                other = rng.choice([c[0] for c in COUNTRIES if c[0] not in (a, b)])
                actors.append((other, sector))
            rsector = rng.choice((None, None, "GOV", "MIL"))
            ev = TrueEvent(f"T{len(events):07d}", cameo, actors, (b, rsector), day, town,
                           town_country if town else None, rng.choice(verbs))
            events.append(ev)
            # hard cases: the same dyad and type again soon (fighting, protests), elsewhere, or by another sector
            r = rng.random()
            violent = cameo[:2] in ("14", "15", "17", "18", "19", "20")
            if r < twin_rate and violent and len(events) < n:
                step = rng.choice((1, 1, 2))
                twin = TrueEvent(f"T{len(events):07d}", cameo, actors, ev.recipient, day + timedelta(days=step),
                                 rng.choice(COUNTRY[town_country][3]) if town else None, ev.town_country,
                                 rng.choice(verbs))
                events.append(twin)
            elif r < 1.5 * twin_rate and violent and len(events) < n and town:
                towns = [t for t in COUNTRY[town_country][3] if t != town]
                twin = TrueEvent(f"T{len(events):07d}", cameo, actors, ev.recipient, day, rng.choice(towns),
                                 town_country, rng.choice(verbs))
                events.append(twin)
            elif r < 1.5 * twin_rate + 0.03 and len(events) < n and len(sectors) > 1:
                other_sector = rng.choice([s for s in sectors if s != sector])
                twin = TrueEvent(f"T{len(events):07d}", cameo, [(c, other_sector) for c, _ in actors], ev.recipient,
                                 day, ev.town, ev.town_country, rng.choice(verbs))
                events.append(twin)
        return events

    # writing

    def actor_phrase(self, country: str, sector: str | None, bare: bool) -> str:
        name, dem = COUNTRY[country][1], COUNTRY[country][2]
        if bare or sector is None:
            return name
        return SECTORS[sector].format(dem=dem)

    def filler(self) -> str:
        rng = self.rng
        shape = rng.randrange(5)
        if shape == 0:
            return (f"{rng.choice(_ADJ).capitalize()} {rng.choice(_NOUN)} {rng.choice(_VERB)} that "
                    f"{rng.choice(_ADJ)} {rng.choice(_THING)} {rng.choice(_CLAUSE)}.")
        if shape == 1:
            return (f"The {rng.choice(_THING)} {rng.choice(_CLAUSE)}, {rng.choice(_ADJ)} {rng.choice(_NOUN)} "
                    f"{rng.choice(_VERB)}.")
        if shape == 2:
            return (f"According to {rng.choice(_ADJ)} {rng.choice(_NOUN)}, {rng.randrange(2, 900)} "
                    f"{rng.choice(_NOUN)} were affected and {rng.choice(_THING)} {rng.choice(_CLAUSE)}.")
        if shape == 3:
            return (f"{rng.choice(_NOUN).capitalize()} and {rng.choice(_NOUN)} {rng.choice(_VERB)} "
                    f"{rng.choice(_ADJ)} {rng.choice(_THING)} and {rng.choice(_ADJ)} {rng.choice(_THING)}.")
        return (f"It was the {rng.choice(('first', 'second', 'third', 'latest'))} such {rng.choice(_THING)} "
                f"since {rng.choice(MONTHS)}, {rng.choice(_ADJ)} {rng.choice(_NOUN)} {rng.choice(_VERB)}.")

    def quote(self, ev: TrueEvent) -> str:
        """A spokesman's words that every outlet covering the event repeats."""
        if ev.id not in self.quotes:
            rng = self.rng
            self.quotes[ev.id] = (f"\"We will respond to this {rng.choice(_ADJ)} provocation,\" a spokesman "
                                  f"for the {COUNTRY[ev.recipient[0]][2]} {rng.choice(('ministry', 'army', 'presidency'))} said.")
        return self.quotes[ev.id]

    def event_sentence(self, ev: TrueEvent, pub: date, *, recap: bool = False) -> Sentence:
        rng = self.rng
        noise = {
            "bare_actor": rng.random() < 0.3,
            "bare_recipient": rng.random() < 0.3,
            "confidence": round(rng.uniform(0.45, 0.95), 3),
        }
        r = rng.random()
        if recap and (pub - ev.day).days > self.rng.choice((1, 2)):
            r = 0.0  # an older event is recalled with its date ("on Tuesday", "on March 3")
        if r < 0.55:
            noise["precision"] = "day"
            off = 0
            if rng.random() < 0.04:
                off = rng.choice((-1, 1))  # a time-zone or "overnight" slip...
                if ev.day + timedelta(days=off) > pub:
                    off = -1  # ...never to a day after publication
            noise["date"] = ev.day + timedelta(days=off)
        elif r < 0.9:
            noise["precision"] = "pub"
            noise["date"] = pub
        elif r < 0.95:
            noise["precision"] = "month"
            noise["date"] = ev.day.replace(day=1)
        else:
            noise["precision"] = "range"
            noise["date"] = ev.day - timedelta(days=1)
            noise["date_end"] = ev.day + timedelta(days=1)
        p = rng.random()
        noise["place"] = ("town" if p < 0.55 else "country" if p < 0.75 else None) if ev.town else (
            "country" if p < 0.3 else None)
        actors = [self.actor_phrase(c, s, noise["bare_actor"]) for c, s in ev.actors]
        subject = " and ".join(actors)
        obj = self.actor_phrase(ev.recipient[0], ev.recipient[1], noise["bare_recipient"])
        when = {
            "day": f" on {WEEKDAYS[noise['date'].weekday()]}",
            "pub": "",
            "month": f" in {MONTHS[ev.day.month - 1]}",
            "range": " over the weekend",
        }[noise["precision"]]
        where = ""
        if noise["place"] == "town":
            where = f" in {ev.town}"
        elif noise["place"] == "country":
            where = f" in {COUNTRY[ev.town_country or ev.recipient[0]][1]}"
        lead = rng.choice(("", "", "Officials said ", "Witnesses said ")) if not recap else "Earlier, "
        text = f"{lead}{subject} {ev.verb} {obj}{where}{when}."
        text = text[0].upper() + text[1:]
        noise["actor_texts"] = actors
        noise["recipient_text"] = obj
        return Sentence(text, ev, noise, filler=False)

    def original(self, aid: str, outlet: str, main: TrueEvent, background: TrueEvent | None) -> tuple[Article, list[Sentence]]:
        rng = self.rng
        pub = main.day + timedelta(days=rng.choices((0, 1, 2), weights=(45, 40, 15))[0])
        sents = [self.event_sentence(main, pub)]
        for _ in range(1 if self.lean else rng.randrange(3, 9)):
            sents.append(Sentence(self.filler()))
        if rng.random() < 0.5:
            sents.insert(rng.randrange(1, len(sents) + 1), Sentence(self.quote(main)))
        if rng.random() < 0.2:
            sents.insert(rng.randrange(2, len(sents) + 1), self.event_sentence(main, pub, recap=True))
        if background is not None and background.day <= pub:
            sents.insert(rng.randrange(1, len(sents) + 1), self.event_sentence(background, pub, recap=True))
        if outlet.endswith(("3", "7")):
            sents.append(Sentence(f"Reporting by {outlet} staff; editing by the {outlet} desk."))
        title = f"{COUNTRY[main.actors[0][0]][1]} and {COUNTRY[main.recipient[0]][1]}: {rng.choice(_THING)} {rng.choice(_CLAUSE)}"
        return self.render(aid, pub, title, outlet, sents), sents

    def copy(self, aid: str, outlet: str, original: Article, sents: list[Sentence]) -> tuple[Article, list[Sentence]]:
        rng = self.rng
        pub = original.date + timedelta(days=rng.choice((0, 0, 1)))
        if rng.random() < 0.3:  # verbatim
            return self.render(aid, pub, original.title, outlet, list(sents)), list(sents)
        new = list(sents)
        ops = rng.sample(("dateline", "drop", "add", "words", "cut", "boiler"), rng.randrange(1, 4))
        if "drop" in ops and len(new) > 3:
            del new[rng.randrange(1, len(new))]
        if "add" in ops:
            new.insert(rng.randrange(1, len(new) + 1), Sentence(self.filler()))
        if "words" in ops:  # an editor's touch: a word here and there
            new = [self.swap_words(s) if s.filler and rng.random() < 0.5 else s for s in new]
        if "cut" in ops and len(new) > 4:
            new = new[: max(3, int(len(new) * rng.uniform(0.6, 0.85)))]
        if "boiler" in ops:
            new.append(Sentence(f"This story was republished by {outlet}."))
        if "dateline" in ops:
            first = new[0]
            new[0] = Sentence(f"({outlet}) - " + first.text, first.event, first.noise, first.filler)
        return self.render(aid, pub, original.title + (" - update" if "dateline" in ops else ""), outlet, new), new

    def swap_words(self, s: Sentence) -> Sentence:
        rng = self.rng
        words = s.text.split(" ")
        for _ in range(1 + len(words) // 25):
            i = rng.randrange(len(words))
            pool = _ADJ if words[i] in _ADJ else _NOUN if words[i] in _NOUN else _VERB if words[i] in _VERB else None
            if pool:
                words[i] = rng.choice(pool)
        return Sentence(" ".join(words))

    def render(self, aid: str, pub: date, title: str, outlet: str, sents: list[Sentence]) -> Article:
        text = " ".join(s.text for s in sents)
        return Article(id=aid, date=pub, text=text, title=title, source=outlet, url=f"https://{outlet}.example/{aid}")

    def events_of(self, article: Article, sents: list[Sentence], truth: dict) -> list[Event]:
        out: list[Event] = []
        offset = 0
        for s in sents:
            start = offset
            offset += len(s.text) + 1
            if s.event is None:
                continue
            ev, noise = s.event, s.noise
            text = s.text
            actors = []
            cursor = 0
            for (country, sector), phrase in zip(ev.actors, noise["actor_texts"]):
                i = text.lower().find(phrase.lower(), cursor)
                cursor = i + len(phrase)
                bare = noise["bare_actor"] or sector is None
                actors.append(Entity(text=phrase, span=(start + i, start + i + len(phrase)), name=COUNTRY[country][1],
                                     country=country, sector=None if bare else sector, how="name"))
            t = text.find(ev.verb, cursor)
            trigger = Trigger(ev.verb, (start + t, start + t + len(ev.verb)))
            rphrase = noise["recipient_text"]
            ri = text.find(rphrase, t + len(ev.verb))
            rc, rs = ev.recipient
            rbare = noise["bare_recipient"] or rs is None
            recipient = Entity(text=rphrase, span=(start + ri, start + ri + len(rphrase)), name=COUNTRY[rc][1],
                               country=rc, sector=None if rbare else rs, how="name")
            location = None
            if noise["place"] == "town":
                location = Location(name=ev.town, country=ev.town_country, feature="city")
            elif noise["place"] == "country":
                cc = ev.town_country or rc
                location = Location(name=COUNTRY[cc][1], country=cc, feature="country")
            code = self.onto.codes[ev.cameo]
            event = Event(
                article_id=article.id,
                pub_date=article.date,
                cameo=ev.cameo,
                trigger=trigger,
                sentence=text,
                sentence_span=(start, start + len(text)),
                actors=actors,
                recipients=[recipient],
                date=EventDate(noise["date"], noise["precision"], end=noise.get("date_end")),
                location=location,
                confidence=noise["confidence"],
                coder_name="generated",
                cameo_root=code.root,
                goldstein=code.goldstein,
                quad_class=code.quad_class,
                plover=code.plover,
                plover_mode=code.plover_mode,
                contexts=list(code.contexts),
            )
            out.append(event)
            for pos, (country, _) in enumerate(ev.actors):
                truth[(event.event_id, pos, 0)] = f"{ev.id}:{country}"
        return out


def iter_corpus(
    n_events: int = 1000,
    *,
    seed: int = 6,
    start: date = date(2024, 1, 1),
    days: int = 365,
    coverage: float = 2.5,
    copy_rate: float = 0.35,
    twin_rate: float = 0.1,
    truth: dict | None = None,
    lean: bool = False,
    prefix: str = "A",
) -> Iterator[tuple[Article, list[Event], str | None]]:
    """``(article, its events, the id of the article it copies or None)``, one article at a time.

    ``truth``, when given, receives ``{(event_id, actor_pos, recipient_pos): true dyad event}``.
    ``lean`` writes short articles (the event sentences and one more), for big stores;
    article ids are ``prefix`` and a number.
    See ``generate`` for the other parameters.
    """
    g = _Gen(seed, start, days, lean)
    rng = g.rng
    events = g.true_events(n_events, twin_rate)
    by_dyad: dict[tuple, list[TrueEvent]] = {}
    for ev in sorted(events, key=lambda e: (e.day, e.id)):
        by_dyad.setdefault((ev.actors[0][0], ev.recipient[0]), []).append(ev)
    days_of = {k: [e.day for e in v] for k, v in by_dyad.items()}
    truth = {} if truth is None else truth
    n = 0
    for ev in events:
        k = 1 + min(12, int(rng.expovariate(1 / max(0.01, coverage - 1))))
        outlets = rng.sample(OUTLETS + WIRES, k)
        for outlet in outlets:
            # an earlier event of the same dyad (within 60 days) that the article recalls
            key = (ev.actors[0][0], ev.recipient[0])
            i = bisect.bisect_left(days_of[key], ev.day)
            j = bisect.bisect_left(days_of[key], ev.day - timedelta(days=60))
            background = by_dyad[key][rng.randrange(j, i)] if i > j and rng.random() < 0.3 else None
            aid = f"{prefix}{n:08d}"
            n += 1
            article, sents = g.original(aid, outlet, ev, background)
            yield article, g.events_of(article, sents, truth), None
            rate = copy_rate * (2.0 if outlet in WIRES else 1.0)
            if rng.random() < rate:
                for other in rng.sample([o for o in OUTLETS if o != outlet], rng.randrange(1, 4)):
                    cid = f"{prefix}{n:08d}"
                    n += 1
                    copy, csents = g.copy(cid, other, article, sents)
                    yield copy, g.events_of(copy, csents, truth), aid
    g.quotes.clear()


def generate(
    n_events: int = 1000,
    *,
    seed: int = 6,
    start: date = date(2024, 1, 1),
    days: int = 365,
    coverage: float = 2.5,
    copy_rate: float = 0.35,
    twin_rate: float = 0.1,
) -> Corpus:
    """A corpus about ``n_events`` true events (each covered by about ``coverage`` originals).

    ``copy_rate``: the chance an original is republished (1 to 3 copies; twice
    as likely for wire services). ``twin_rate``: the share of violent events
    (fighting, mobilising, protests, arrests) followed by another event of the
    same type and dyad one or two days later; half as many get a same-day twin
    in another town; 3% of all events one by another sector of the same
    country. Reports that do not say the day, the town or the sector cannot
    tell such twins apart.
    """
    truth: dict[tuple[str, int, int], str] = {}
    articles, coded, original_of = [], [], {}
    g = _Gen(seed, start, days)  # only to rebuild the true events for the record
    true_events = {e.id: e for e in g.true_events(n_events, twin_rate)}
    for article, events, original in iter_corpus(
        n_events, seed=seed, start=start, days=days, coverage=coverage, copy_rate=copy_rate,
        twin_rate=twin_rate, truth=truth,
    ):
        articles.append(article)
        coded.append((article, events))
        if original is not None:
            original_of[article.id] = original
    return Corpus(articles, coded, original_of, truth, true_events)


def events_for_target(n_reports: int) -> int:
    """How many true events give about ``n_reports`` coded events (measured: 5.3 each)."""
    return max(1, int(n_reports / 5.3))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1000, help="true events to write about")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--twin-rate", type=float, default=0.1, help="share of violent events with a look-alike soon after")
    ap.add_argument("--out", type=Path, required=True, help="folder for articles.jsonl, events.jsonl, truth.json")
    args = ap.parse_args()
    corpus = generate(args.events, seed=args.seed, twin_rate=args.twin_rate)
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for a in corpus.articles:
            fh.write(json.dumps({"id": a.id, "date": a.date.isoformat(), "title": a.title, "text": a.text,
                                 "url": a.url, "source": a.source}) + "\n")
    with (args.out / "events.jsonl").open("w", encoding="utf-8") as fh:
        for _, events in corpus.coded:
            for e in events:
                fh.write(e.to_json() + "\n")
    (args.out / "truth.json").write_text(json.dumps({
        "original_of": corpus.original_of,
        "reports": {f"{k[0]}|{k[1]}|{k[2]}": v for k, v in corpus.report_truth.items()},
    }), encoding="utf-8")
    print(f"{len(corpus.articles)} articles ({len(corpus.original_of)} copies), {corpus.n_events} events "
          f"about {len(corpus.true_events)} true events -> {args.out}")


if __name__ == "__main__":
    main()
