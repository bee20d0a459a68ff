"""A conviction is PLOVER SANCTION (mode convict); a prison sentence stays COERCE arrest (issue 13,
types; PLOVER manual, SANCTION modes). Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def events(extractor: Any, text: str) -> list[Any]:
    from wardesk.records import Article

    return list(extractor(Article(text=text, published="2025-03-12")).events)


def test_a_conviction_is_a_sanction_that_convicts(extractor: Any) -> None:
    found = events(extractor, "A Nigerian court convicted 45 Boko Haram members on Monday.")
    assert [(e.event, e.mode) for e in found] == [("SANCTION", "convict")], found
    assert {r.code for r in found[0].target} == {"NGA"}


def test_a_prison_sentence_stays_an_arrest(extractor: Any) -> None:
    found = events(extractor, "Turkey's court sentenced the opposition leader to five years in prison.")
    assert any(e.event == "COERCE" and e.mode == "arrest" for e in found), found
