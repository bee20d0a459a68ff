"""A police raid or storming that kills no one is law enforcement, PLOVER COERCE seize, not an
ASSAULT; troops raiding, or a raid that kills, stays an ASSAULT (issue 13, types). Sentences
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def types(extractor: Any, text: str) -> set[str]:
    from wardesk.records import Article

    return {e.event for e in extractor(Article(text=text, published="2025-03-12")).events}


@pytest.mark.parametrize("text", [
    "French police raided a migrant camp near Dunkirk on Tuesday.",
    "Kenyan police stormed the opposition leader's home in Nairobi.",
])
def test_a_police_raid_is_coercion(extractor: Any, text: str) -> None:
    found = types(extractor, text)
    assert "COERCE" in found and "ASSAULT" not in found, found


@pytest.mark.parametrize("text", [
    "Israeli troops raided the Jenin camp on Monday.",
    "Police raided the compound in Lagos, killing three suspects.",
])
def test_a_military_or_deadly_raid_stays_an_assault(extractor: Any, text: str) -> None:
    assert "ASSAULT" in types(extractor, text)
