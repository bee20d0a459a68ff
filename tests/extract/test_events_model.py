"""Event coding through the real pipeline on sentences written for these tests (not from any
gold file): predicate kinds, roles, modality and the intent/refusal conventions of PLOVER."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article

pytestmark = pytest.mark.model


def coded(extractor: Any, text: str) -> list[tuple[str, list[str | None], list[str | None], str]]:
    record = extractor(Article(text=text, published="2024-05-06"))
    return [(e.event, [r.code for r in e.source], [r.code for r in e.target], e.status) for e in record.events]


def test_light_verb_talks_between_two_countries(extractor: Any) -> None:
    (ev,) = coded(extractor, "Turkish and Greek officials held talks in Ankara.")
    assert ev[0] == "CONSULT" and {*ev[1], *ev[2]} == {"TUR", "GRC"}


def test_sanctions_on_a_country(extractor: Any) -> None:
    events = coded(extractor, "Canada imposed new sanctions on Iran.")
    assert ("SANCTION", ["CAN"], ["IRN"], "occurred") in events


def test_refusal_and_intent_are_coded_the_plover_way(extractor: Any) -> None:
    assert [e[0] for e in coded(extractor, "Egypt will not accept the proposal.")] == ["REJECT"]
    assert [e[0] for e in coded(extractor, "Japan said it will release the detained sailors.")] == ["AGREE"]
    assert [e[0] for e in coded(extractor, "Chile threatened to expel the Peruvian ambassador.")] == ["THREATEN"]


def test_scheduled_meeting_stays_consult_and_is_planned(extractor: Any) -> None:
    events = coded(extractor, "The French president will visit Kenya next week.")
    assert [(e[0], e[3]) for e in events] == [("CONSULT", "planned")]


def test_speech_alone_is_not_an_event(extractor: Any) -> None:
    assert coded(extractor, "The minister said the weather was fine.") == []
