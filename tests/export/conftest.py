"""Two hand-built records for the export tests: a strike with a place, talks without one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

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
    Quantity,
)
from wardesk.store import Store

RUS = ActorRef("rus", "Russia", "RUS", None)
UKR = ActorRef("ukr", "Ukraine", "UKR", None)
GBR = ActorRef("gbr/gov/keir-starmer", "Starmer, Keir", "GBR", "GOV")  # a comma for csv


def _pair(text: str, published: str, events: tuple[Event, ...]) -> tuple[Article, ArticleRecord]:
    article = Article(text=text, published=published, title=f"On {published}", source_id="7",
                      url="https://example.org/x", publisher="Example")
    meta = ArticleMeta(article.id, "7", article.title, article.url, "Example", published)
    actors = (Actor("rus", "Russia", "country", "RUS"), Actor("ukr", "Ukraine", "country", "UKR"))
    return article, ArticleRecord(meta, actors, events)


@pytest.fixture
def pairs() -> list[tuple[Article, ArticleRecord]]:
    strike = Event(
        "ev-strike", "ASSAULT", (RUS,), (UKR,), "struck",
        Evidence('Russia struck Kharkiv, "killing 2"', 0, 34), mode="aerial",
        context=("military",), date=EventDate("Monday", "2025-03-10", resolution="exact"),
        eventLoc=Place("Kharkiv", "UKR", "Kharkiv Oblast", 49.99, 36.23, 706483),
        dead=2, injured=11, quantities=(Quantity(40, "drones", "40 drones", "about"),),
        attribution=Attribution("Ukraine's air force", "ukr/mil/air-force"), certainty="claimed",
    )
    talks = Event("ev-talks", "CONSULT", (UKR, GBR), (RUS,), "talks",
                  Evidence("Talks are planned.", 0, 18), status="planned", certainty="reported")
    return [_pair("Russia struck Kharkiv.", "2025-03-11", (strike,)),
            _pair("Talks are planned.", "2025-03-12", (talks,))]


@pytest.fixture
def records(pairs: list[tuple[Article, ArticleRecord]]) -> list[ArticleRecord]:
    return [r for _, r in pairs]


@pytest.fixture
def store(pairs: list[tuple[Article, ArticleRecord]]) -> Iterator[Store]:
    with Store(":memory:") as s:
        for article, record in pairs:
            s.save(article, record)
        yield s
