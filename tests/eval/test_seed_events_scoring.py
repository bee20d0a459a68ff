"""Seed-format scoring on hand-built records: matching by type and codes (symmetric, *_any,
null), per-field checks, misses in words, and the actor/date/place sections."""

from __future__ import annotations

from typing import Any

from wardesk.eval.seed_events import score_seed_events
from wardesk.records import (
    Actor,
    ActorRef,
    ArticleMeta,
    ArticleRecord,
    Attribution,
    DateMention,
    Event,
    EventDate,
    Evidence,
    Place,
    Quantity,
)


def r(code: str | None, sector: str = "GOV") -> ActorRef:
    return ActorRef(None, code or "someone", code, sector)


def ev(event: str, src: list[str | None], tgt: list[str | None], **kw: Any) -> Event:
    return Event(
        id=f"{event}-{src}-{tgt}", event=event, source=tuple(r(c) for c in src if c),
        target=tuple(r(c) for c in tgt if c), eventText="x", evidence=Evidence("x", 0, 1), **kw,
    )


def record(*events: Event, **kw: Any) -> ArticleRecord:
    return ArticleRecord(article=ArticleMeta(id="a"), events=events, **kw)


def test_symmetric_consult_matches_either_direction_and_checks_its_date() -> None:
    gold = {"events": [{"key": "talks", "required": True, "event": "CONSULT", "source": ["USA"],
                        "target": ["UKR"], "symmetric": True, "date": "2025-03-11", "date_tolerance_days": 1}]}
    rep = score_seed_events(gold, record(ev("CONSULT", ["UKR"], ["USA"], date=EventDate("", "2025-03-12"))))
    assert rep.score("events.required_recall").recall == 1.0
    assert rep.score("events.date").recall == 1.0
    rep = score_seed_events(gold, record(ev("CONSULT", ["UKR"], ["USA"], date=EventDate("", "2025-03-14"))))
    assert rep.score("events.date").recall == 0.0
    assert any("events.date: talks" in m for m in rep.misses)


def test_aliases_any_lists_and_null_targets() -> None:
    gold = {"events": [{"key": "d", "required": True, "event": "DEMAND", "source": ["RUS"], "target_any": ["EUR", None]}]}
    assert score_seed_events(gold, record(ev("REQUEST", ["RUS"], []))).score("events.required_recall").tp == 1
    assert score_seed_events(gold, record(ev("REQUEST", ["RUS"], ["CHN"]))).score("events.required_recall").tp == 0
    miss = score_seed_events(gold, record(ev("ACCUSE", ["RUS"], []))).misses
    assert miss and "not found" in miss[0]


def test_numbers_place_attribution_status_certainty() -> None:
    gold = {"events": [{"key": "drone", "required": True, "event": "ASSAULT", "source": ["UKR"], "target": ["RUS"],
                        "dead": 1, "injured": 3, "quantities": [{"value": 337, "unit": "drones"}],
                        "eventLoc": {"country": "RUS", "name_any": ["Ramensky", "Moscow region"]},
                        "attribution_any": ["Russia's defence ministry"], "status": ["occurred"],
                        "certainty": ["claimed"]}]}
    good = ev("ASSAULT", ["UKR"], ["RUS"], dead=1, injured=3,
              quantities=(Quantity(337, "drones", "337 drones"),), eventLoc=Place("Moscow Region", "RUS"),
              attribution=Attribution("Russia’s defence ministry"), certainty="claimed")
    rep = score_seed_events(gold, record(good))
    for field in ("numbers", "place", "attribution", "status", "certainty"):
        assert rep.score(f"events.{field}").recall == 1.0, field
    bad = ev("ASSAULT", ["UKR"], ["RUS"], dead=2, certainty="confirmed")
    rep = score_seed_events(gold, record(bad))
    assert rep.score("events.numbers").recall == 0.0 and rep.score("events.certainty").recall == 0.0
    assert rep.score("events.place").fn == 1 and rep.score("events.attribution").fn == 1


def test_actor_date_and_place_sections() -> None:
    gold = {"events": [],
            "actors": [{"name": "Vladimir Putin", "aliases": ["Putin"], "country": "RUS", "sector": "GOV"},
                       {"name": "NATO", "country": "IGO", "acceptable_countries": ["NATO"], "sector": "IGO"}],
            "dates": [{"text": "Monday", "value": "2025-03-10"}, {"text": "three years after", "value": "2022"}],
            "places": [{"name": "Ramensky", "country": "RUS"}, {"name": "Paris", "country": "FRA"}]}
    rec = record(
        ev("CONSULT", ["GBR"], [], eventLoc=Place("Ramenskoye", "RUS")),
        actors=(Actor("rus/gov/vladimir-putin", "Vladimir Putin", "person", "RUS", "GOV"),
                Actor("igo/igo/nato", "Nato", "organization", "NATO", "IGO")),
        dates=(DateMention("on Monday", 0, 9, "2025-03-10"), DateMention("three years after", 10, 20, "2022", granularity="year")),
    )
    rep = score_seed_events(gold, rec)
    assert (rep.score("actors.country_sector").tp, rep.score("actors.country_sector").fn) == (2, 0)
    assert rep.score("dates.value").recall == 1.0
    assert (rep.score("places.country").tp, rep.score("places.country").fn) == (1, 1)
