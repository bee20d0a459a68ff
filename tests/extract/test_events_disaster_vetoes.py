"""A killing with no attacker in a sentence about a storm, quake or accident is a disaster, not an
attack; but "storm" as a verb is an assault, so gunmen who stormed a building keep their attack
(issue 12: the lead of a siege was lost, and the brief listed the siege twice). Sentences written
for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def attacks(extractor: Any, text: str) -> list[Any]:
    from wardesk.records import Article

    return [e for e in extractor(Article(text=text, published="2025-03-12")).events if e.event == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "Gunmen stormed a guesthouse in the port town on Friday, killing at least six people.",
    "Fighters stormed the police post overnight and killed two officers.",
])
def test_storming_a_place_is_an_attack_not_a_disaster(extractor: Any, text: str) -> None:
    found = attacks(extractor, text)
    assert found and found[0].dead, found


@pytest.mark.parametrize("text", [
    "A storm killed 14 people along the coast on Sunday.",
    "Severe storms swept the northern provinces, killing five.",
    "An earthquake killed 30 people in the mountain villages.",
])
def test_a_killing_in_a_storm_or_quake_is_no_attack(extractor: Any, text: str) -> None:
    assert not attacks(extractor, text)
