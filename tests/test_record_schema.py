"""record.schema.json: a valid draft 2020-12 schema that accepts wardesk records and refuses
records that break SCHEMA.md's vocabularies or drop required keys."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from wardesk.records import (
    EVENT_TYPES,
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
    to_dict,
)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    text = resources.files("wardesk").joinpath("data/record.schema.json").read_text("utf-8")
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def full_record() -> dict[str, Any]:
    text = "Russia's Vladimir Putin demanded that Ukraine abandon NATO ambitions on Tuesday."
    meta = ArticleMeta(Article(text=text).id, "8011115", "Talks", "https://example.org/1",
                       "Example", "2025-03-11", "en", 12,
                       Tone(-4.2, (LoadedTerm("tyrant", 0, 6, "pejorative"),)))
    putin = Actor("rus/gov/vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV", "President",
                  ("Putin",), (), (Mention(9, 23, "Vladimir Putin"),))
    coalition = Actor("coalition-of-the-willing", "coalition of the willing", "coalition",
                      members=("GBR", "FRA"))
    event = Event(
        "e1", "REQUEST", (ActorRef(putin.id, "Vladimir Putin", "RUS", "GOV"),),
        (ActorRef("ukr", "Ukraine", "UKR", None),), "demanded", Evidence(text, 0, len(text)),
        context=("peace_process",), date=EventDate("on Tuesday", "2025-03-11", None, "day", "exact"),
        eventLoc=Place("Saudi Arabia", "SAU", None, 24.0, 45.0, 102358), dead=1, injured=None,
        quantities=(Quantity(337, "drones", "337 drones", "at_least"),), status="occurred",
        attribution=Attribution("Bloomberg"), certainty="reported",
    )
    return to_dict(ArticleRecord(
        meta, (putin, coalition), (event,),
        (Statement(putin.id, "Putin", "demanded", "that Ukraine abandon NATO", False, 30, 55),),
        (DateMention("on Tuesday", 70, 80, "2025-03-11", resolution="exact"),),
        (Position(putin.id, "nato_membership", "demand", "abandon NATO ambitions", Span(30, 70),
                  "ukr", Attribution("Bloomberg"), "2025-03-11"),),
    ))


def test_hand_built_records_are_valid(validator: Draft202012Validator) -> None:
    validator.validate(full_record())
    empty = to_dict(ArticleRecord(ArticleMeta(Article(text="x").id)))
    validator.validate(empty)


def test_the_schema_knows_every_event_type(validator: Draft202012Validator) -> None:
    record = full_record()
    for etype in EVENT_TYPES:
        record["events"][0]["event"] = etype
        validator.validate(record)


def _broken(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    record = full_record()
    node = record
    for key in path[:-1]:
        node = node[key]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return record


@pytest.mark.parametrize(("path", "value"), [
    (("events", 0, "event"), "DEMAND"),  # aliases are read, never written
    (("events", 0, "event"), "BOMB"),
    (("events", 0, "status"), "done"),
    (("events", 0, "certainty"), "sure"),
    (("events", 0, "date", "resolution"), "guess"),
    (("events", 0, "date", "granularity"), "hour"),
    (("events", 0, "dead"), -1),
    (("events", 0, "dead"), "one"),
    (("events", 0, "eventLoc", "lat"), 123.0),
    (("events", 0, "evidence"), KeyError),
    (("events", 0, "eventloc"), None),  # a misspelt field
    (("positions", 0, "stance"), "maybe"),
    (("dates", 0, "resolution"), "publication_date"),
    (("actors", 0, "kind"), "robot"),
    (("actors", 0, "country"), "Russia"),
    (("article", "published"), "11 March 2025"),
    (("article", "id"), "not-a-hash"),
    (("schema",), "wardesk/0"),
    (("positions",), KeyError),
])
def test_broken_records_are_refused(validator: Draft202012Validator, path: tuple[Any, ...],
                                    value: Any) -> None:
    assert not validator.is_valid(_broken(path, value))


@pytest.mark.model
def test_extracted_seed_record_is_valid(validator: Draft202012Validator, seed_text: str) -> None:
    # wardesk.extract is what the top-level `wardesk.extract` calls; the attribute itself is
    # shadowed by the wardesk.extract package once that is imported (reported to the integrator)
    from wardesk.pipeline import extract

    record = to_dict(extract(seed_text, published="2025-03-11"))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in validator.iter_errors(record)]
    assert errors == []
