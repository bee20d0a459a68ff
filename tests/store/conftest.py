"""Hand-built articles and records for the store tests (no model), and the ``store`` fixture:
a SQLite store, and a PostgreSQL one in a fresh schema when WARDESK_TEST_PG is a server's URL
(scripts/pg_test_server.sh start prints one)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import quote

import pytest

from wardesk.records import (
    Actor,
    ActorRef,
    Article,
    ArticleMeta,
    ArticleRecord,
    Attribution,
    DateMention,
    Event,
    EventDate,
    Evidence,
    LoadedTerm,
    Mention,
    Place,
    Position,
    Quantity,
    Span,
    Statement,
    Tone,
)
from wardesk.store import Store

PUTIN = Actor("rus/gov/vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV", "President",
              ("Putin",), (), (Mention(0, 14, "Vladimir Putin"),))
LAVROV = Actor("rus/gov/sergey-lavrov", "Sergey Lavrov", "person", "RUS", "GOV", "foreign minister")
ZELENSKY = Actor("ukr/gov/volodymyr-zelensky", "Volodymyr Zelensky", "person", "UKR", "GOV",
                 "President", ("Zelensky",))
UKRAINE = Actor("ukr", "Ukraine", "country", "UKR", None)


def ref(actor: Actor) -> ActorRef:
    return ActorRef(actor.id, actor.name, actor.country, actor.sector)


def event(
    eid: str, etype: str, source: Actor, target: Actor, sentence: str, *, day: str | None = None,
    place: Place | None = None, **kw: Any,
) -> Event:
    return Event(
        id=eid, event=etype, source=(ref(source),), target=(ref(target),),
        eventText=sentence.split()[1], evidence=Evidence(sentence, 0, len(sentence)),
        date=EventDate(day, day, resolution="exact") if day else None, eventLoc=place, **kw,
    )


MakeRecord = Callable[..., tuple[Article, ArticleRecord]]


def _make(
    text: str, published: str | None = "2025-03-11", *, title: str | None = "Talks",
    actors: tuple[Actor, ...] = (PUTIN, ZELENSKY), events: tuple[Event, ...] = (),
    statements: tuple[Statement, ...] = (), positions: tuple[Position, ...] = (),
    dates: tuple[DateMention, ...] = (), terms: tuple[LoadedTerm, ...] = (),
) -> tuple[Article, ArticleRecord]:
    article = Article(text=text, title=title, published=published, url="https://example.org/a",
                      publisher="Example News", source_id="42")
    meta = ArticleMeta(id=article.id, source_id="42", title=title, url=article.url,
                       publisher=article.publisher, published=published, words=len(text.split()),
                       tone=Tone(-1.5, terms))
    return article, ArticleRecord(meta, actors, events, statements, dates, positions)


@pytest.fixture
def make_record() -> MakeRecord:
    return _make


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """Where a fresh, empty store lives, for each backend."""
    if request.param == "sqlite":
        yield ":memory:"
        return
    yield from postgres_schema()


def postgres_schema() -> Iterator[str]:
    """A URL whose connections work in a new schema of the test server; dropped afterwards."""
    server = os.environ.get("WARDESK_TEST_PG")
    if not server:
        pytest.skip("no PostgreSQL test server: export WARDESK_TEST_PG (scripts/pg_test_server.sh)")
    psycopg = pytest.importorskip("psycopg")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f"CREATE SCHEMA {schema}")
        try:
            joiner = "&" if "?" in server else "?"
            yield f"{server}{joiner}options={quote(f'-csearch_path={schema}')}"
        finally:
            admin.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store(store_url) as s:
        yield s


def position(holder: Actor, issue: str, stance: str, when: str | None = None) -> Position:
    return Position(holder.id, issue, stance, f"{holder.name} on {issue}", Span(0, 5),
                    date=when, attribution=Attribution("Reuters"))


def full_record(make: MakeRecord) -> tuple[Article, ArticleRecord]:
    """One article with something in every part of the record."""
    text = "Vladimir Putin ordered strikes on Kyiv. Zelensky said Ukraine is ready for peace."
    kyiv = Place("Kyiv", "UKR", "Kyiv City", 50.45, 30.52, 703448)
    strike = event("e-strike", "ASSAULT", PUTIN, UKRAINE, "Putin ordered strikes on Kyiv.",
                   day="2025-03-10", place=kyiv, dead=2, injured=5, mode="aerial",
                   quantities=(Quantity(337, "drones", "337 drones", "at_least"),),
                   attribution=Attribution("Ukraine's air force", "ukr/mil/air-force"),
                   certainty="claimed", context=("military",))
    talks = event("e-talks", "CONSULT", ZELENSKY, PUTIN, "Zelensky proposed talks with Russia.",
                  status="planned", certainty="reported")
    said = Statement(ZELENSKY.id, "Zelensky", "said", "Ukraine is ready for peace", False, 55, 81)
    when = DateMention("Monday", 30, 36, "2025-03-10", resolution="exact")
    term = LoadedTerm("tyrant", 0, 6, "pejorative", quoted=True)
    return make(text, actors=(PUTIN, ZELENSKY, UKRAINE), events=(strike, talks),
                statements=(said,), positions=(position(PUTIN, "nato_membership", "demand"),),
                dates=(when,), terms=(term,))


@pytest.fixture
def kit() -> Any:
    """This module's builders (tests import nothing from conftest under importlib mode)."""
    import sys

    return sys.modules[__name__]
