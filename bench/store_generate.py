"""Fill a wardesk store with synthetic records, to measure the store at scale (no spaCy).

    python bench/store_generate.py --db build/bench/store.db --events 1000000 [--articles N]

Records are built directly as ArticleRecords with skewed, news-like distributions: a few
countries and actors take most events (Zipf), event types as in conflict news (many ASSAULT and
CONSULT, few RETREAT), dates over two years with busier months, a place for most events, 1-3
statements and 0-2 positions per article. Written with Store.load (the bulk path: one
transaction, --batch articles per INSERT, indexes rebuilt at the end). The same --seed gives the
same store. Works for SQLite paths and postgresql:// URLs.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import random
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta

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
VERBS = {"ASSAULT": "struck", "CONSULT": "met", "ACCUSE": "accused", "SUPPORT": "backed",
         "THREATEN": "threatened", "REQUEST": "urged", "AGREE": "agreed with",
         "SANCTION": "sanctioned", "AID": "sent aid to", "REJECT": "rejected",
         "PROTEST": "protested against", "MOBILIZE": "massed troops near", "COERCE": "detained",
         "COOPERATE": "worked with", "CONCEDE": "yielded to", "RETREAT": "withdrew from"}
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
    """The actors and places the synthetic news is about, with Zipf-like popularity."""

    def __init__(self, rng: random.Random, people_per_country: int = 40,
                 retell: float = 0.0) -> None:
        self.rng = rng
        self.retell = retell  # the share of events that retell a recent one (incidents)
        self.told: list[Event] = []
        self.by_id: dict[str, Actor] = {}
        self.country_weights = list(itertools.accumulate(
            1 / (rank + 1) ** 1.1 for rank in range(len(COUNTRIES))))
        self.actors: dict[str, list[Actor]] = {}
        self.places: dict[str, list[Place]] = {}
        for code in COUNTRIES:
            self.actors[code] = self._actors_of(code, people_per_country)
            lat, lon = rng.uniform(-35, 60), rng.uniform(-100, 140)
            self.places[code] = [
                Place(_name(rng), code, None, round(lat + rng.gauss(0, 2), 4),
                      round(lon + rng.gauss(0, 2), 4), rng.randrange(100_000, 9_999_999))
                for _ in range(25)]
        self.words = [_name(rng, rng.choice((2, 3, 4))).lower() for _ in range(20_000)]
        self.word_weights = list(itertools.accumulate(
            1 / (rank + 1) for rank in range(len(self.words))))

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

    def filler(self, n: int) -> str:
        picks = self.rng.choices(self.words, cum_weights=self.word_weights, k=n // 2)
        picks += self.rng.choices(FILLER, k=n - len(picks))
        self.rng.shuffle(picks)
        return " ".join(picks)


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


def _retold(world: World, n: int, published: date) -> Event | None:
    """Now and then (--retell) another outlet's report of a recent event: the same type, day,
    place and parties in other words, its toll a little off (one incident, several reports)."""
    rng = world.rng
    if not world.retell or not world.told or rng.random() >= world.retell:
        return None
    base = rng.choice(world.told)
    sentence = f"Reports said that {base.evidence.text}"
    dead = base.dead + rng.randrange(0, 3) if base.dead is not None else None
    return dataclasses.replace(base, id=content_id(published, n, sentence, "retold"),
                               evidence=Evidence(sentence, 0, len(sentence)), dead=dead)


def _event(world: World, n: int, published: date) -> tuple[Event, str, list[Actor]]:
    retold = _retold(world, n, published)
    if retold is not None:
        parties = [world.by_id[ref.actor] for ref in (*retold.source, *retold.target)
                   if ref.actor in world.by_id]
        return retold, retold.evidence.text, parties
    event, sentence, parties = _new_event(world, n, published)
    if world.retell:
        world.told = [*world.told[-499:], event]  # the last 500 events can be retold
        world.by_id.update((a.id, a) for a in parties)
    return event, sentence, parties


def _new_event(world: World, n: int, published: date) -> tuple[Event, str, list[Actor]]:
    rng = world.rng
    etype = _pick(rng, TYPES)
    home = world.country()
    away = world.country() if rng.random() < 0.6 else home
    source, target = world.actor(home), world.actor(away)
    place = rng.choice(world.places[rng.choice((home, away))]) if rng.random() < 0.65 else None
    where = f" in {place.name}" if place else ""
    sentence = f"{source.name} {VERBS[etype]} {target.name}{where}."
    when = None
    if rng.random() < 0.8:
        day = published - timedelta(days=min(int(rng.expovariate(0.7)), 20))
        when = EventDate("on " + day.strftime("%A"), day.isoformat(), resolution="exact")
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
    actors: dict[str, Actor] = {}
    for n in range(events):
        event, sentence, parties = _event(world, n, published)
        made.append(event)
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
    return source, record


def articles(total_events: int, total_articles: int, seed: int,
             retell: float = 0.0) -> Iterator[tuple[Article, ArticleRecord]]:
    """``total_articles`` articles holding ``total_events`` events between them (a Poisson-ish
    spread around the mean, some articles with none)."""
    rng = random.Random(seed)
    world = World(rng, retell=retell)
    mean = total_events / total_articles
    left = total_events
    for number in range(total_articles):
        remaining = total_articles - number
        n = left if remaining == 1 else min(left, max(0, round(rng.gauss(mean, mean / 2))))
        left -= n
        yield article(world, number, n)


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
    args = parser.parse_args(argv)
    total_articles = args.articles or max(1, args.events // 5)
    started = time.monotonic()

    def progress(counted: dict[str, int]) -> None:
        rate = counted["new"] / (time.monotonic() - started)
        print(f"\r{counted['new']:,} articles ({rate:,.0f}/s)", end="", file=sys.stderr,
              flush=True)

    with Store(args.db) as store:
        store.load(articles(args.events, total_articles, args.seed, args.retell), args.batch,
                   progress)
        counts = store.counts()
    print(file=sys.stderr)
    print(f"{counts} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
