"""A toll update gives the toll, not the increment ("two more died, bringing the number killed to
seven": seven); a count of the wounded brought to a total leaves the dead alone (real model;
sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, Event

pytestmark = pytest.mark.model


def _events(extractor: Any, text: str) -> list[Event]:
    return list(extractor(Article(text=text, published="2025-08-16")).events)


def test_an_increment_that_brings_the_toll_to_a_total_gives_the_total(extractor: Any) -> None:
    found = _events(extractor, "Three more miners died in hospital from wounds suffered in"
                    " Thursday's attack on a mine near Zhob, bringing the number killed to"
                    " eleven, officials said.")
    assert found and all(e.dead == 11 for e in found if e.dead is not None), found
    assert any("story.cumulative_toll" in e.trace for e in found)


def test_a_total_of_the_wounded_does_not_touch_the_dead(extractor: Any) -> None:
    found = _events(extractor, "Gunmen killed three people in Zhob on Friday, bringing the"
                    " number of wounded to 40.")
    assert any(e.dead == 3 for e in found), found
    assert not any("story.cumulative_toll" in e.trace for e in found)


def test_an_increment_without_a_toll_fills_no_dead(extractor: Any) -> None:
    found = _events(extractor, "Three more miners died in hospital from wounds suffered in"
                    " Thursday's attack on a mine near Zhob, officials said.")
    assert found and all(e.dead is None for e in found), found
    assert any("story.increment_not_toll" in e.trace for e in found)
    plain = _events(extractor, "Gunmen killed three miners near Zhob on Thursday.")
    assert any(e.dead == 3 for e in plain), plain
