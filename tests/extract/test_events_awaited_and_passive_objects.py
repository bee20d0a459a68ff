"""What a future act waits for is not asserted ("will not end the strike until their demands are
met"), and a passive's subject is the object of a light verb ("demands were met": meet demand,
CONCEDE; "sanctions were lifted": CONCEDE). Issue 13, types. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def events(extractor: Any, text: str) -> list[Any]:
    from wardesk.records import Article

    return list(extractor(Article(text=text, published="2025-03-12")).events)


@pytest.mark.parametrize("text", [
    "Kenya's doctors said they will not end the strike until their demands are met.",
    "Hamas said it would keep the captives until Israel withdraws from Rafah.",
])
def test_what_a_future_act_waits_for_is_not_asserted(extractor: Any, text: str) -> None:
    found = events(extractor, text)
    assert not any(e.event in ("CONSULT", "RETREAT") for e in found), found


def test_what_a_past_act_waited_for_happened(extractor: Any) -> None:
    found = events(extractor, "The shelling did not stop until Russia withdrew its troops from the town.")
    assert any(e.event == "RETREAT" for e in found), found


@pytest.mark.parametrize(("text", "expected", "source"), [
    ("The protesters' demands were met by Iraq's government on Friday.", "CONCEDE", "IRQ"),
    ("The sanctions on Iran were lifted by the Security Council in January.", "CONCEDE", "IGO"),
    ("A ceasefire was declared by Sudan's army on Sunday.", "RETREAT", "SDN"),
])
def test_a_passive_subject_is_the_light_verbs_object(extractor: Any, text: str, expected: str,
                                                      source: str) -> None:
    found = [e for e in events(extractor, text) if e.event == expected]
    assert found and source in {r.code for r in found[0].source}, events(extractor, text)
