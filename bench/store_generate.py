"""Fill a wardesk store with synthetic records, to measure the store at scale (no spaCy).

    python bench/store_generate.py --db build/bench/store.db --events 1000000 [--articles N]

Records are built directly as ArticleRecords with skewed, news-like distributions: a few
countries and actors take most events (Zipf), event types as in conflict news (many ASSAULT and
CONSULT, few RETREAT), dates over two years with busier months, a place for most events, 1-3
statements and 0-2 positions per article. Written with Store.load (the bulk path: one
transaction, --batch articles per INSERT, indexes rebuilt at the end). The same --seed gives the
same store. Works for SQLite paths and postgresql:// URLs.

Incidents: the generator knows them. Each new event is an incident of its own, and --retell
makes some events another outlet's report of a recent one (the same type, day, place and
parties in other words). The world is built so that the merge rule keeps apart what the
generator keeps apart: towns of a country lie more than the rule's 30 km apart, a town is the
scene of one event of a type within the rule's reach of days, and an event without a town
names a village of its own ("near Kavirotasoli"), which tells it from every other. So the
incidents are written as they are made (Store.load ``given``), in the store's own rows, and not
found again by clustering a million reports (tests/store/test_store_generated_incidents.py:
the same rows as Store.rebuild_incidents).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import math
import multiprocessing
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from wardesk.incidents import Report, report_from_event
from wardesk.incidents.report import Key
from wardesk.incidents.rule import default_rule
from wardesk.incidents.story import anchors
from wardesk.records import (
    Actor,
    ActorRef,
    Article,
    ArticleMeta,
    ArticleRecord,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Place,
    Position,
    Span,
    Statement,
    Tone,
    content_id,
)
from wardesk.store import Store

START = date(2024, 1, 1)
DAYS = 730
# Country codes in rough order of how much conflict news names them (heavier first).
def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


COUNTRIES = _words(
    "UKR RUS USA ISR PSE SYR SDN IRN LBN YEM CHN GBR FRA DEU TUR EGY QAT SAU IRQ AFG PAK IND MMR"
    " ETH SOM COD MLI NER BFA NGA LBY HTI VEN COL MEX KOR PRK JPN TWN ARM AZE GEO BLR POL HUN"
    " ROU MDA SRB XKX BIH KEN UGA RWA SSD CAF MOZ TCD CMR DZA MAR TUN JOR ARE OMN KWT")
# (type, weight): conflict news has many attacks and meetings, few concessions.
TYPES = (
    ("ASSAULT", 24), ("CONSULT", 14), ("ACCUSE", 9), ("SUPPORT", 7), ("THREATEN", 6),
    ("REQUEST", 6), ("AGREE", 5), ("SANCTION", 4), ("AID", 4), ("REJECT", 4), ("PROTEST", 4),
    ("MOBILIZE", 4), ("COERCE", 3), ("COOPERATE", 3), ("CONCEDE", 2), ("RETREAT", 1),
)
# (no preposition before the target: the merge rule reads a capitalised run after "near",
# "from", ... as a place's name)
VERBS = {"ASSAULT": "struck", "CONSULT": "met", "ACCUSE": "accused", "SUPPORT": "backed",
         "THREATEN": "threatened", "REQUEST": "urged", "AGREE": "agreed with",
         "SANCTION": "sanctioned", "AID": "sent aid to", "REJECT": "rejected",
         "PROTEST": "protested against", "MOBILIZE": "massed troops facing",
         "COERCE": "detained", "COOPERATE": "worked with", "CONCEDE": "yielded to",
         "RETREAT": "pulled back before"}
TOWNS = 10_000  # towns in all, shared out by how much news names each country
REACH = default_rule().reach  # days apart two reports of one incident can lie
STATUSES = (("occurred", 70), ("ongoing", 10), ("planned", 12), ("hypothetical", 5),
            ("denied", 3))
CERTAINTIES = (("confirmed", 35), ("reported", 35), ("claimed", 20), ("hedged", 7),
               ("speculative", 3))
ISSUES = ("ceasefire", "territory", "nato_membership", "prisoners", "sanctions", "elections",
          "humanitarian_access", "security_guarantees", "hostages", "reconstruction")
STANCES = ("demand", "offer", "support", "oppose", "reject", "accept", "condition")
SYLLABLES = _words("ka lo mi ra ne to vi sa de ko ri mu ta le po an el ov in ur ya ze ba go")
FILLER = _words(
    "the a of in on and to said officials forces talks city region border near after since amid"
    " week day night government ministry army troops peace war ceasefire aid drone missile strike"
    " shelling village convoy hospital power grid port grain")


def _name(rng: random.Random, parts: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class World:
    """The actors and places the synthetic news is about, with Zipf-like popularity, and the
    incidents told so far (which reports retell which)."""

    def __init__(self, rng: random.Random, people_per_country: int = 40,
                 retell: float = 0.0) -> None:
        self.rng = rng
        self.retell = retell  # the share of events that retell a recent one (incidents)
        # the last 500 new events, those that can be retold: (event, its day, its incident)
        self.told: list[tuple[Event, date, int]] = []
        self.started = itertools.count()  # incidents, numbered as they start
        self.evicted: list[int] = []  # incidents that can no longer be retold
        self.by_id: dict[str, Actor] = {}
        weights = [1 / (rank + 1) ** 1.1 for rank in range(len(COUNTRIES))]
        self.country_weights = list(itertools.accumulate(weights))
        self.actors: dict[str, list[Actor]] = {}
        self.towns: dict[str, list[Place]] = {}
        self.centres: dict[str, Place] = {}
        self.busy: dict[tuple[str, int], list[int]] = {}  # (type, town) → days it is a scene
        self.villages = itertools.count()
        for code, weight in zip(COUNTRIES, weights, strict=True):
            self.actors[code] = self._actors_of(code, people_per_country)
            self._places_of(code, max(40, round(TOWNS * weight / sum(weights))))
        self.words = [_name(rng, rng.choice((2, 3, 4))).lower() for _ in range(20_000)]
        self.word_weights = list(itertools.accumulate(
            1 / (rank + 1) for rank in range(len(self.words))))
        self.incidents = Incidents()

    def _places_of(self, code: str, towns: int) -> None:
        """The country's centre (a country-level place) and its towns on a grid 0.5° of
        latitude by 0.75° of longitude apart: at least 48 km below 55°, so no two towns are one
        place to the merge rule. Town names have three syllables, villages more."""
        rng = self.rng
        lat, lon = rng.uniform(-40, 30), rng.uniform(-100, 140)
        side = math.ceil(math.sqrt(towns))
        self.centres[code] = Place(f"Land {code}", code, None, round(lat, 4), round(lon, 4))
        self.towns[code] = [
            Place(_name(rng), code, f"{code}.{k % 12 + 1:02d}", round(lat + 0.5 * (k // side), 4),
                  round(lon + 0.75 * (k % side), 4), 1_000_000 + 10_000 * len(self.towns) + k)
            for k in range(towns)]

    def _actors_of(self, code: str, people: int) -> list[Actor]:
        c = code.lower()
        out = [Actor(c, f"Country {code}", "country", code)]
        for sector, kind in (("GOV", "organization"), ("MIL", "organization"),
                             ("REB", "group"), ("GOV", "person"), ("MIL", "person")):
            for _ in range(people // 5 if kind == "person" else 2):
                first, last = _name(self.rng, 2), _name(self.rng)
                name = f"{first} {last}" if kind == "person" else f"{last} {sector.title()}"
                out.append(Actor(f"{c}/{sector.lower()}/{name.lower().replace(' ', '-')}", name,
                                 kind, code, sector, "minister" if kind == "person" else None,
                                 (last,) if kind == "person" else ()))
        return out

    def country(self) -> str:
        return self.rng.choices(COUNTRIES, cum_weights=self.country_weights)[0]

    def actor(self, code: str) -> Actor:
        pool = self.actors[code]
        return pool[min(int(self.rng.paretovariate(1.2)) - 1, len(pool) - 1)]

    def town(self, code: str, etype: str, day: date) -> Place | None:
        """A town of the country that no other event of this type has for its scene within
        the merge rule's reach of ``day`` (None when twenty draws find none)."""
        n = day.toordinal()
        for _ in range(20):
            town = self.rng.choice(self.towns[code])
            days = self.busy.setdefault((etype, town.geonameid or 0), [])
            if all(abs(n - d) > REACH for d in days):
                days.append(n)
                return town
        return None

    def village(self) -> str:
        """A village name no other event gives: two syllables and a running number spelt in
        syllables."""
        n, spelt = next(self.villages), ""
        for _ in range(5):
            n, digit = divmod(n, len(SYLLABLES))
            spelt += SYLLABLES[digit]
        return (_name(self.rng, 2) + spelt).capitalize()

    def filler(self, n: int) -> str:
        picks = self.rng.choices(self.words, cum_weights=self.word_weights, k=n // 2)
        picks += self.rng.choices(FILLER, k=n - len(picks))
        self.rng.shuffle(picks)
        return " ".join(picks)


class Incidents:
    """The incidents as the generator makes them: a group of reports per incident, keyed by
    the event that started it, complete once that event can no longer be retold."""

    def __init__(self) -> None:
        self.open: dict[int, list[Report]] = {}
        self.of_event: dict[Key, int] = {}  # an open incident's reports → its number
        self.done: list[list[Report]] = []

    def add(self, number: int, report: Report) -> None:
        self.of_event[report.key] = number
        self.open.setdefault(number, []).append(report)

    def close(self, number: int) -> None:
        group = self.open.pop(number, None)
        if group:
            for r in group:
                self.of_event.pop(r.key, None)
            self.done.append(group)

    def close_all(self) -> None:
        for first in list(self.open):
            self.close(first)

    def given(self) -> list[list[Report]]:
        """The incidents complete since the last call (Store.load's ``given``)."""
        done, self.done = self.done, []
        return done


def _day(rng: random.Random) -> date:
    # busier months: a slow sine over the two years plus noise
    while True:
        offset = rng.randrange(DAYS)
        if rng.random() < 0.55 + 0.45 * abs(((offset / 91) % 2) - 1):
            return START + timedelta(days=offset)


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _ref(a: Actor) -> ActorRef:
    return ActorRef(a.id, a.aliases[0] if a.aliases else a.name, a.country, a.sector)


def _retold(world: World, n: int, published: date) -> tuple[Event, int] | None:
    """Now and then (--retell) another outlet's report of a recent event: the same type, day,
    place and parties in other words, its toll a little off (one incident, several reports),
    with the number of its incident. Its date is the first report's day, given."""
    rng = world.rng
    if not world.retell or not world.told or rng.random() >= world.retell:
        return None
    base, day, number = rng.choice(world.told)
    sentence = f"Reports said that {base.evidence.text}"
    dead = base.dead + rng.randrange(0, 3) if base.dead is not None else None
    told = dataclasses.replace(
        base, id=content_id(published, n, sentence, "retold"),
        evidence=Evidence(sentence, 0, len(sentence)), dead=dead,
        date=base.date or EventDate("on " + day.strftime("%A"), day.isoformat(),
                                    resolution="exact"))
    return told, number


def _event(world: World, n: int, published: date) -> tuple[Event, str, list[Actor], int]:
    """An event, its sentence, its parties and the number of the incident it tells."""
    retold = _retold(world, n, published)
    if retold is not None:
        event, first = retold
        parties = [world.by_id[ref.actor] for ref in (*event.source, *event.target)
                   if ref.actor in world.by_id]
        return event, event.evidence.text, parties, first
    event, sentence, parties = _new_event(world, n, published)
    number = next(world.started)
    if world.retell:
        day = date.fromisoformat(event.date.value) if event.date and event.date.value \
            else published
        world.told.append((event, day, number))
        if len(world.told) > 500:  # the oldest can no longer be retold: its incident is
            world.evicted.append(world.told.pop(0)[2])  # done once this article is told
        world.by_id.update((a.id, a) for a in parties)
    return event, sentence, parties, number


def _new_event(world: World, n: int, published: date) -> tuple[Event, str, list[Actor]]:
    rng = world.rng
    etype = _pick(rng, TYPES)
    home = world.country()
    away = world.country() if rng.random() < 0.6 else home
    source, target = world.actor(home), world.actor(away)
    when = None
    if rng.random() < 0.8:
        day = published - timedelta(days=min(int(rng.expovariate(0.7)), 20))
        when = EventDate("on " + day.strftime("%A"), day.isoformat(), resolution="exact")
    scene = rng.choice((home, away))
    roll = rng.random()
    town = world.town(scene, etype, date.fromisoformat(when.value) if when and when.value
                      else published) if roll < 0.6 else None
    place: Place | None = town
    if town is not None:
        where = f" in {town.name}"
    else:  # a village the gazetteer does not know: in the country (now and then) or nowhere
        place = world.centres[scene] if roll < 0.7 else None
        where = f" near {world.village()}"
    sentence = f"{source.name} {VERBS[etype]} {target.name}{where}."
    event = Event(
        id=content_id(published, n, sentence), event=etype, source=(_ref(source),),
        target=(_ref(target),), eventText=VERBS[etype].split()[0],
        evidence=Evidence(sentence, 0, len(sentence)), date=when, eventLoc=place,
        dead=rng.randrange(1, 40) if etype == "ASSAULT" and rng.random() < 0.3 else None,
        status=_pick(rng, STATUSES), certainty=_pick(rng, CERTAINTIES),
        attribution=Attribution("officials said") if rng.random() < 0.3 else None,
    )
    return event, sentence, [source, target]


def article(world: World, number: int, events: int) -> tuple[Article, ArticleRecord]:
    """One synthetic article with ``events`` events, its text made of their sentences."""
    rng = world.rng
    published = _day(rng)
    sentences: list[str] = []
    made: list[Event] = []
    firsts: list[int] = []
    actors: dict[str, Actor] = {}
    for n in range(events):
        event, sentence, parties, first = _event(world, n, published)
        made.append(event)
        firsts.append(first)
        sentences += [sentence, world.filler(rng.randrange(15, 40)) + "."]
        actors.update((a.id, a) for a in parties)
    title = f"{sentences[0][:60]} ({number})" if sentences else f"Briefing {number}"
    text = " ".join(sentences) or world.filler(60)
    people = [a for a in actors.values() if a.kind == "person"] or list(actors.values())
    statements = tuple(
        Statement(s.id, s.name, "said", world.filler(12), rng.random() < 0.4, 0, 10)
        for s in rng.sample(people, min(len(people), rng.randint(1, 3))))
    positions = tuple(
        Position(p.id, rng.choice(ISSUES), rng.choice(STANCES), world.filler(10), Span(0, 10))
        for p in rng.sample(list(actors.values()), min(len(actors), rng.randint(0, 2))))
    source = Article(text=text, title=title, published=published.isoformat(),
                     url=f"https://news.example/{number}", publisher=f"Outlet {number % 40}",
                     source_id=str(number))
    meta = ArticleMeta(source.id, source.source_id, title, source.url, source.publisher,
                       source.published, words=len(text.split()), tone=Tone(rng.gauss(0, 2)))
    record = ArticleRecord(meta, tuple(actors.values()), tuple(made), statements, (), positions)
    _tell(world, record, firsts)
    for number in world.evicted:
        world.incidents.close(number)
    world.evicted.clear()
    return source, record


def event_view(e: Event) -> dict[str, Any]:
    """The fields of ``to_dict(e)`` that report_from_event reads, built directly (to_dict is
    generic and a third of the generator's time at 1M)."""
    return {"id": e.id, "event": e.event, "date": _plain(e.date), "eventLoc": _plain(e.eventLoc),
            "source": [_plain(r) for r in e.source], "target": [_plain(r) for r in e.target],
            "dead": e.dead, "injured": e.injured, "evidence": _plain(e.evidence),
            "status": e.status, "certainty": e.certainty, "negated": e.negated,
            "background": e.background, "attribution": _plain(e.attribution)}


def _plain(value: Any) -> dict[str, Any] | None:
    return None if value is None else {f: getattr(value, f) for f in value.__slots__}


def _tell(world: World, record: ArticleRecord, firsts: list[int]) -> None:
    """The article's events as the store's reports, with their anchors (story.py), added to
    their incidents; an incident nobody can retell is done at once."""
    meta = record.article
    row = {"id": meta.id, "published": meta.published, "publisher": meta.publisher,
           "source_id": meta.source_id}
    seen: set[str] = set()
    reports: list[tuple[Report, int]] = []
    for event, first in zip(record.events, firsts, strict=True):
        if event.id not in seen:  # the store keeps one row per content id
            seen.add(event.id)
            reports.append((report_from_event(event_view(event), row), first))
    found = anchors([r for r, _ in reports])
    for r, first in reports:
        lead = found.get(r.key)
        if lead is not None:
            r = dataclasses.replace(r, anchor=lead[1])
            if world.incidents.of_event.get(lead, first) != first:
                raise AssertionError(f"{r.key} hangs on {lead}, of another incident")
        world.incidents.add(first, r)
        if not world.retell:
            world.incidents.close(first)


def articles(total_events: int, total_articles: int, seed: int,
             retell: float = 0.0, incidents: Incidents | None = None
             ) -> Iterator[tuple[Article, ArticleRecord]]:
    """``total_articles`` articles holding ``total_events`` events between them (a Poisson-ish
    spread around the mean, some articles with none); ``incidents`` keeps their incidents."""
    rng = random.Random(seed)
    world = World(rng, retell=retell)
    if incidents is not None:
        world.incidents = incidents
    mean = total_events / total_articles
    left = total_events
    for number in range(total_articles):
        remaining = total_articles - number
        n = left if remaining == 1 else min(left, max(0, round(rng.gauss(mean, mean / 2))))
        left -= n
        yield article(world, number, n)
    world.incidents.close_all()


def produced(total_events: int, total_articles: int, seed: int, retell: float,
             made: Incidents, chunk: int = 500) -> Iterator[tuple[Article, ArticleRecord]]:
    """``articles`` made in a child process (a second core makes the records while this one
    writes them), passed in chunks through a queue: the same records in the same order. A
    chunk's complete incidents reach ``made`` only once the whole chunk has been handed on,
    so Store.load never gets an incident before its events."""
    context = multiprocessing.get_context("fork")
    queue: Any = context.Queue(maxsize=6)

    def child() -> None:
        mine = Incidents()
        stream = articles(total_events, total_articles, seed, retell, mine)
        while batch := list(itertools.islice(stream, chunk)):
            queue.put((batch, mine.given()))
        queue.put((None, mine.given()))

    process = context.Process(target=child, daemon=True)
    process.start()
    while True:
        batch, done = queue.get()
        if batch is not None:
            yield from batch
        made.done += done
        if batch is None:
            break
    process.join()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="store path or postgresql:// URL")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=None, help="default: events / 5")
    parser.add_argument("--batch", type=int, default=2000, help="articles per INSERT")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--retell", type=float, default=0.0,
                        help="share of events that retell a recent event (incidents of several"
                             " reports); 0 keeps the store of earlier runs")
    parser.add_argument("--jobs", type=int, choices=(1, 2), default=2,
                        help="2: the records are made in a second process")
    args = parser.parse_args(argv)
    total_articles = args.articles or max(1, args.events // 5)
    started = time.monotonic()

    def progress(counted: dict[str, int]) -> None:
        rate = counted["new"] / (time.monotonic() - started)
        print(f"\r{counted['new']:,} articles ({rate:,.0f}/s)", end="", file=sys.stderr,
              flush=True)

    made = Incidents()
    with Store(args.db) as store:
        make = produced if args.jobs == 2 else articles
        store.load(make(args.events, total_articles, args.seed, args.retell, made),
                   args.batch, progress, given=made.given)
        counts = store.counts()
    print(file=sys.stderr)
    print(f"{counts} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
