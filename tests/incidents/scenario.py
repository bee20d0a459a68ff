"""A fictional multi-outlet news week, written for these tests: one drone attack told by three
outlets (one a day later, one naming "Moscow" instead of the forces), talks told by two, and
look-alikes (the same city three days later, another city the same day, the next round of talks
two weeks later), plus recaps. Loaded by path (tests import nothing from each other)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from wardesk.records import (
    ActorRef,
    Article,
    ArticleMeta,
    ArticleRecord,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Place,
)

KYIV = Place("Kyiv", "UKR", "Kyiv City", 50.4501, 30.5234, 703448)
DARNYTSKYI = Place("Darnytskyi district", "UKR", "Kyiv City", 50.4356, 30.6180, 710791)
KHARKIV = Place("Kharkiv", "UKR", "Kharkivska Oblast", 49.9808, 36.2527, 706483)
RIYADH = Place("Riyadh", "SAU", "Riyadh Region", 24.6877, 46.7219, 108410)
UKRAINE = Place("Ukraine", "UKR", None, 49.0, 32.0, 690791)

RUS_FORCES = ActorRef("rus/mil/russian-forces", "Russian forces", "RUS", "MIL")
MOSCOW = ActorRef("rus", "Moscow", "RUS", "GOV")
KYIV_CIVILIANS = ActorRef(None, "residents", "UKR", "CVL")
UKRAINE_GOV = ActorRef("ukr", "Ukraine", "UKR", "GOV")
US_TEAM = ActorRef("usa/gov/marco-rubio", "Marco Rubio", "USA", "GOV")
UKR_TEAM = ActorRef("ukr/gov/andriy-yermak", "Andriy Yermak", "UKR", "GOV")


def event(eid: str, etype: str, sentence: str, day: str | None, place: Place | None,
          source: tuple[ActorRef, ...] = (RUS_FORCES,),
          target: tuple[ActorRef, ...] = (KYIV_CIVILIANS,), granularity: str = "day",
          **kw: object) -> Event:
    date = EventDate(day or "", day, granularity=granularity, resolution="exact") if day else None
    return Event(id=eid, event=etype, source=source, target=target, eventText=sentence.split()[1],
                 evidence=Evidence(sentence, 10, 10 + len(sentence)), date=date, eventLoc=place,
                 **kw)  # type: ignore[arg-type]


def article(slug: str, publisher: str, published: str,
            *events: Event) -> tuple[Article, ArticleRecord]:
    text = f"{slug}. " + " ".join(e.evidence.text for e in events)
    art = Article(text=text, title=slug, published=published, publisher=publisher,
                  source_id=slug, url=f"https://example.org/{slug}")
    meta = ArticleMeta(id=art.id, source_id=slug, title=slug, url=art.url, publisher=publisher,
                       published=published)
    return art, ArticleRecord(meta, (), events)


def week() -> list[tuple[Article, ArticleRecord]]:
    """The articles of the week, in publication order."""
    return [
        article("north-wire-kyiv", "North Wire", "2025-03-11",
                event("a1", "ASSAULT", "Russian drones struck Kyiv overnight, killing two people"
                      " and wounding nine, city officials said.", "2025-03-11", KYIV,
                      dead=2, injured=9),
                event("a2", "ASSAULT", "Drone debris set fire to a residential building in the"
                      " Darnytskyi district of Kyiv.", "2025-03-11", DARNYTSKYI, source=(),
                      target=())),
        article("harbour-times-kyiv", "Harbour Times", "2025-03-11",
                event("b1", "ASSAULT", "At least three people were killed when Russian drones hit"
                      " residential buildings in Kyiv early on Tuesday.", "2025-03-11", KYIV,
                      dead=3, certainty="reported")),
        article("east-daily-kyiv", "East Daily", "2025-03-12",
                event("c1", "ASSAULT", "Moscow's overnight drone attack on Kyiv killed three"
                      " people and wounded residential buildings, Ukrainian officials said.",
                      "2025-03-10", KYIV, source=(MOSCOW,), dead=3, injured=10,
                      attribution=Attribution("Ukrainian officials"))),
        article("north-wire-kharkiv", "North Wire", "2025-03-11",
                event("k1", "ASSAULT", "A Russian glide bomb hit an industrial site in Kharkiv,"
                      " injuring four workers.", "2025-03-11", KHARKIV, injured=4)),
        article("north-wire-kyiv-again", "North Wire", "2025-03-14",
                event("d1", "ASSAULT", "Russian drones struck Kyiv again, wounding a teenager in"
                      " the Obolon district.", "2025-03-14", KYIV, injured=1)),
        article("harbour-times-kyiv-next-day", "Harbour Times", "2025-03-12",
                event("e1", "ASSAULT", "A missile hit a shopping centre in the Podilskyi district"
                      " on Wednesday afternoon, injuring five shoppers.", "2025-03-12",
                      KYIV, injured=5)),
        article("harbour-times-talks", "Harbour Times", "2025-03-11",
                event("t1", "CONSULT", "Marco Rubio met Andriy Yermak in Riyadh for talks on a"
                      " ceasefire.", "2025-03-11", RIYADH, source=(US_TEAM,),
                      target=(UKR_TEAM,))),
        article("east-daily-talks", "East Daily", "2025-03-11",
                event("t2", "CONSULT", "In Riyadh, the US secretary of state Rubio held ceasefire"
                      " talks with Yermak, Kyiv's chief negotiator.", "2025-03-11", RIYADH,
                      source=(US_TEAM,), target=(UKR_TEAM,))),
        article("east-daily-talks-round-two", "East Daily", "2025-03-25",
                event("t3", "CONSULT", "Rubio and Yermak met again in Riyadh for a second round"
                      " of ceasefire talks.", "2025-03-25", RIYADH, source=(US_TEAM,),
                      target=(UKR_TEAM,))),
        article("harbour-times-recap", "Harbour Times", "2025-03-12",
                event("r1", "ASSAULT", "The attack came a day after Russian drones killed three"
                      " people in Kyiv.", "2025-03-11", KYIV, dead=3, background=True),
                event("r2", "ASSAULT", "Russian forces launched their full-scale invasion of"
                      " Ukraine in February 2022.", "2022-02-24", UKRAINE,
                      target=(UKRAINE_GOV,), background=True)),
    ]


# which events tell one incident (by event id); every other event is an incident of its own
SAME = [{"a1", "a2", "b1", "c1", "r1"}, {"t1", "t2"}]
LOOK_ALIKES = {"k1", "d1", "e1", "t3"}
BACKGROUND_ONLY = {"r2"}


def load(path: str | Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("wardesk_incident_scenario", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
