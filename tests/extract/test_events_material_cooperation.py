"""Material cooperation that the coder missed or mistyped (issue 13, types): peacekeepers sent are
AID, refugees taken in are asylum (AID), goods handed over are AID, captives let free are a
RETREAT, a cessation of hostilities declared is a RETREAT, and cutting tariffs is CONCEDE, never
a SANCTION. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def types(extractor: Any, text: str) -> set[str]:
    from wardesk.records import Article

    return {e.event for e in extractor(Article(text=text, published="2025-03-12")).events}


@pytest.mark.parametrize("text", [
    "Ghana is sending 400 soldiers to the UN peacekeeping mission in Lebanon.",
    "About 1,500 Russian peacekeepers were deployed along the corridor on Tuesday.",
    "Nigeria announced the deployment of 230 troops to Liberia on a peacekeeping mission.",
])
def test_troops_sent_as_peacekeepers_are_aid(extractor: Any, text: str) -> None:
    found = types(extractor, text)
    assert "AID" in found and "MOBILIZE" not in found, found


def test_troops_sent_to_a_border_stay_a_mobilisation(extractor: Any) -> None:
    assert "MOBILIZE" in types(extractor, "Russia deployed 10,000 troops to the border with Ukraine.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Canada accepted 2,000 Syrian refugees in May.", "AID"),
    ("Britain gave 50 armoured vehicles to Kenya's police.", "AID"),
    ("Egypt let the jailed activists free on Monday.", "RETREAT"),
    ("The Sudanese government declared a cessation of hostilities in all war zones.", "RETREAT"),
])
def test_material_cooperation_is_found(extractor: Any, text: str, expected: str) -> None:
    assert expected in types(extractor, text)


@pytest.mark.parametrize("text", [
    "Vietnam cut tariffs on American farm goods last year.",
    "Mexico lowered tariffs on Chinese steel in March.",
])
def test_cutting_tariffs_is_a_concession_not_a_sanction(extractor: Any, text: str) -> None:
    found = types(extractor, text)
    assert "CONCEDE" in found and "SANCTION" not in found, found


def test_funds_mobilised_for_someone_are_aid(extractor: Any) -> None:
    found = types(extractor, "The European Union is mobilising additional funds for Colombia's peace process.")
    assert "AID" in found and "MOBILIZE" not in found, found
