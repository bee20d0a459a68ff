"""A larger hand-built store for the map, trends and board tests (no model): fictional reports
over twenty weeks of 2025 in several countries, some at a town (with a GeoNames id), some known
only as a country, a quiet gap of weeks, one sudden rise in the last week, an old 1960 event,
and stances of several parties on several issues that change over time."""

from __future__ import annotations

import datetime as dt

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
    Mention,
    Place,
    Position,
    Span,
    Tone,
)
from wardesk.store import Store

# (name, ISO3, lat, lon, geonameid): towns; a country's own id marks a country-level place
TOWNS = [("Kharkiv", "UKR", 49.98, 36.25, 706483), ("Odesa", "UKR", 46.48, 30.73, 698740),
         ("Kherson", "UKR", 46.64, 32.61, 706448), ("Belgorod", "RUS", 50.61, 36.58, 578072),
         ("Aleppo", "SYR", 36.2, 37.16, 170063), ("El Fasher", "SDN", 13.63, 25.35, 379555)]
COUNTRIES = [("Ukraine", "UKR", 49.0, 32.0, 690791), ("Sudan", "SDN", 15.0, 30.0, 366755)]
SIDES = {"UKR": ActorRef("rus/mil/russian-army", "Russian forces", "RUS", "MIL"),
         "RUS": ActorRef("ukr/mil/ukrainian-army", "Ukrainian forces", "UKR", "MIL"),
         "SYR": ActorRef("syr/reb/rebel-coalition", "the rebel coalition", "SYR", "REB"),
         "SDN": ActorRef("sdn/reb/rapid-support-forces", "the Rapid Support Forces", "SDN", "REB")}
START = dt.date(2025, 1, 6)  # a Monday
QUIET_WEEKS = (8, 9, 10)  # no events at all: the charts must show the gap
LAST_WEEK = 19


def _report(week: int, n: int, town: tuple[str, str, float, float, int],
            deaths: int) -> tuple[Article, ArticleRecord]:
    name, iso3, lat, lon, geonameid = town
    day = START + dt.timedelta(weeks=week, days=n % 5)
    source = SIDES[iso3]
    text = (f"{source.actorText} shelled {name} on {day:%A}, killing {deaths} people, local "
            f"officials said. Report number {week}-{n} was filed by a desk correspondent.")
    evidence_end = text.index(" Report")
    art = Article(text=text, title=f"Shelling in {name} ({week}-{n})",
                  url=f"https://example.org/{week}-{n}", publisher=f"Wire {n % 3}",
                  published=day.isoformat())
    start = text.index(source.actorText or "")
    actor = Actor(source.actor or "", source.actorText or "", "organization", iso3 if iso3 != "UKR"
                  else "RUS", source.sector, mentions=(Mention(start, start + len(source.actorText or ""),
                                                               source.actorText or ""),))
    event = Event(f"ev-{week}-{n}", "ASSAULT" if n % 4 else "COERCE", (source,), (),
                  "shelled", Evidence(text[:evidence_end], 0, evidence_end),
                  date=EventDate(f"on {day:%A}", day.isoformat(), None, "day", "exact"),
                  eventLoc=Place(name, iso3, None, lat, lon, geonameid), dead=deaths,
                  status="occurred", certainty="reported",
                  attribution=Attribution("local officials"))
    meta = ArticleMeta(art.id, None, art.title, art.url, art.publisher, art.published, "en",
                       len(text.split()), Tone())
    return art, ArticleRecord(meta, (actor,), (event,))


def reports() -> list[tuple[Article, ArticleRecord]]:
    out = []
    places = TOWNS + COUNTRIES
    for week in range(LAST_WEEK + 1):
        if week in QUIET_WEEKS:
            continue
        count = 9 if week == LAST_WEEK else 2
        for n in range(count):
            town = places[(week + n) % len(places)] if week != LAST_WEEK else TOWNS[2]
            out.append(_report(week, n, town, deaths=(week + n) % 5))
    out.append(_old_report())
    out.append(_recap())
    return out


def _recap() -> tuple[Article, ArticleRecord]:
    """A report in the last week that recalls, as background, a strike of a year before."""
    art, rec = _report(LAST_WEEK, 50, TOWNS[1], 20)
    from dataclasses import replace

    event = replace(rec.events[0], id="ev-recap", background=True,
                    date=EventDate("last June", "2024-06-10", None, "day", "exact"))
    return art, replace(rec, events=(event,))


def _old_report() -> tuple[Article, ArticleRecord]:
    art, rec = _report(0, 99, TOWNS[4], 2)
    old = dt.date(1960, 5, 2).isoformat()
    event = rec.events[0]
    from dataclasses import replace

    event = replace(event, id="ev-1960", date=EventDate("in May 1960", old, None, "day", "exact"))
    return art, replace(rec, events=(event,))


PARTIES = {"RUS": "rus/gov/government-of-russia", "UKR": "ukr/gov/government-of-ukraine",
           "USA": "usa/gov/government-of-the-united-states", "TUR": "tur/gov/government-of-turkey",
           "WEST": "unk/unk/the-western-allies"}
# (week, party, issue, stance, target party, words)
STANCES = [
    (1, "RUS", "ceasefire", "reject", None, "no truce while the offensive goes on"),
    (3, "RUS", "ceasefire", "condition", "UKR", "a truce only if arms deliveries stop"),
    (12, "RUS", "ceasefire", "accept", None, "ready to sign a thirty-day truce"),
    (2, "UKR", "ceasefire", "demand", "RUS", "an immediate and full ceasefire"),
    (4, "UKR", "troop_withdrawal", "demand", "RUS", "the withdrawal of all foreign troops"),
    (5, "USA", "ceasefire", "support", None, "backs a truce along the current line"),
    (6, "USA", "sanctions", "offer", "RUS", "to ease sanctions in return for a truce"),
    (7, "RUS", "sanctions", "demand", "USA", "the lifting of all sanctions first"),
    (11, "UKR", "security_guarantees", "demand", "USA", "binding security guarantees"),
    (13, "USA", "security_guarantees", "oppose", None, "no treaty-level guarantees"),
    (14, "TUR", "prisoner_exchange", "offer", None, "to host a prisoner exchange"),
    (15, "WEST", "sanctions", "support", None, "keeping the sanctions in place"),
    (16, "UKR", "prisoner_exchange", "accept", None, "agreed to the exchange in Istanbul"),
]


def _stance_record(i: int) -> tuple[Article, ArticleRecord]:
    week, party, issue, stance, target, words = STANCES[i]
    day = START + dt.timedelta(weeks=week, days=1)
    text = f"Officials stated the position on {issue}: {words}. Talks are expected to go on."
    art = Article(text=text, title=f"Talks: {party} on {issue}", url=f"https://example.org/talks-{i}",
                  publisher="Talks Wire", published=day.isoformat())
    holder = PARTIES[party]
    start = text.index(words)
    position = Position(holder, issue, stance, words, Span(start, start + len(words)),
                        PARTIES[target] if target else None, date=day.isoformat())
    country = None if party == "WEST" else party
    name = "the Western allies" if party == "WEST" else f"Government of {party}"
    actor = Actor(holder, name, "organization", country, "GOV")
    meta = ArticleMeta(art.id, None, art.title, art.url, art.publisher, art.published, "en",
                       len(text.split()), Tone())
    return art, ArticleRecord(meta, (actor,), positions=(position,))


def records() -> list[tuple[Article, ArticleRecord]]:
    """Every report and stance record of this store."""
    return [*reports(), *(_stance_record(i) for i in range(len(STANCES)))]


def fill(path: str) -> int:
    """Saves every report and stance into the store at ``path``; returns how many articles."""
    parts = records()
    with Store(path) as store:
        for art, rec in parts:
            store.save(art, rec)
    return len(parts)
