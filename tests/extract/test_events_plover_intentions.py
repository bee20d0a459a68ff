"""How PLOVER codes what is offered, planned or lifted (issue 13, types): an offer to meet is
AGREE with mode meet, lifting or easing sanctions is CONCEDE, and a future retreat or aid stays
AGREE (CAMEO's "express intent to …"). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def events(extractor: Any, text: str) -> list[Any]:
    from wardesk.records import Article

    return list(extractor(Article(text=text, published="2025-03-12")).events)


def types(extractor: Any, text: str) -> set[str]:
    return {e.event for e in events(extractor, text)}


@pytest.mark.parametrize("text", [
    "Pakistan's prime minister said he was ready to meet the Indian leader.",
    "Kenya's president said he would meet Somalia's leader if the raids stopped.",
])
def test_an_offer_to_meet_is_an_agreement_that_says_it_is_a_meeting(extractor: Any, text: str) -> None:
    agree = [e for e in events(extractor, text) if e.event == "AGREE"]
    assert agree and agree[0].mode == "meet", events(extractor, text)


def test_a_meeting_that_happened_stays_a_consultation(extractor: Any) -> None:
    assert "CONSULT" in types(extractor, "Putin and Merkel met in Sochi on Tuesday.")


@pytest.mark.parametrize("text", [
    "Canada lifted its sanctions on Venezuela's oil sector on Friday.",
    "The United Nations lifted its arms embargo on Somalia.",
    "The EU suspended sanctions against Belarus last week.",
])
def test_lifting_or_easing_sanctions_is_a_concession(extractor: Any, text: str) -> None:
    found = types(extractor, text)
    assert "CONCEDE" in found and "RETREAT" not in found, found


def test_an_announced_retreat_stays_an_intent_to_cooperate(extractor: Any) -> None:
    found = types(extractor, "Russia will withdraw its troops from the border.")
    assert "AGREE" in found and "RETREAT" not in found, found


def test_a_future_aid_delivery_stays_an_agreement(extractor: Any) -> None:
    found = types(extractor, "Japan will send food aid to Sudan next month.")
    assert "AGREE" in found and "AID" not in found, found


def test_a_retreat_that_happened_stays_a_retreat(extractor: Any) -> None:
    assert "RETREAT" in types(extractor, "Russia withdrew its troops from the border on Monday.")
