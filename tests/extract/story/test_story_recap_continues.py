"""A recap goes on: a dateless sentence that counts its time from a recounted event ("days
later") or names its thing again ("the convoy") is background too; news after a recap is not
(real model; sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-13"


def _one(extractor: Any, text: str, words: str) -> Event:
    record = extractor(Article(text=text, published=PUBLISHED))
    found = [e for e in record.events if words in e.evidence.text]
    assert found, record.events
    return found[0]


RECAP = ("Russian missiles hit an apartment block in Dnipro on Thursday, killing four people. In"
         " April, gunmen ambushed a supply convoy near Belgorod and killed six drivers. ")


def test_an_attack_counted_from_a_recap_is_background(extractor: Any) -> None:
    ev = _one(extractor, RECAP + "A week later, a mine blast killed two soldiers on the same road.",
              "mine blast")
    assert ev.background and "story.background.recap_continues" in ev.trace


def test_the_recaps_own_thing_named_again_is_background(extractor: Any) -> None:
    ev = _one(extractor, RECAP + "Officials said militants fired rockets at the convoy near the"
              " town.", "rockets")
    assert ev.background and "story.background.recap_continues" in ev.trace


def test_news_after_a_recap_that_names_nothing_of_it_stays_news(extractor: Any) -> None:
    ev = _one(extractor, RECAP + "Officials said militants fired rockets at the apartment block"
              " an hour later.", "rockets")
    assert not ev.background, ev.trace  # the block is the news's, not the recap's
