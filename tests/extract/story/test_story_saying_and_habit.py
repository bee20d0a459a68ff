"""The day of the saying is not the event's ("said on Sunday it had repelled an attack"), and an
adverb of habit on a present-tense verb tells no incident (real model; sentences written for
these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-05-11"  # a Sunday


def _one(extractor: Any, text: str, words: str) -> Event:
    record = extractor(Article(text=text, published=PUBLISHED))
    found = [e for e in record.events if words in e.evidence.text]
    assert found, record.events
    return found[0]


def test_a_date_right_after_the_saying_dates_the_saying_not_the_attack(extractor: Any) -> None:
    ev = _one(extractor, "The Congolese army said on Sunday it had repelled an M23 attack on"
              " its positions near Sake.", "repelled")
    assert ev.date is not None and ev.date.resolution == "approximate"  # by the saying's day
    assert "story.date_of_the_saying" in ev.trace


def test_a_date_inside_the_reported_clause_still_dates_the_attack(extractor: Any) -> None:
    ev = _one(extractor, "Ukraine's General Staff said on Sunday that its drones had struck a"
              " fuel depot in Engels on Saturday.", "fuel depot")
    assert ev.date is not None and ev.date.value == "2025-05-10"
    ev = _one(extractor, "Russian drones attacked the Engels airfield overnight, the regional"
              " governor said on Sunday.", "airfield")
    assert "story.date_of_the_saying" not in ev.trace


def test_an_adverb_of_habit_on_a_present_verb_is_background(extractor: Any) -> None:
    ev = _one(extractor, "Russian forces regularly shell the town of Nikopol across the river.",
              "Nikopol")
    assert ev.background and "story.background.habitual" in ev.trace
    news = _one(extractor, "Russian forces shelled the town of Nikopol on Saturday, killing two"
                " people.", "Nikopol")
    assert not news.background


def test_plural_attacks_said_to_come_daily_are_a_pattern_not_an_incident(extractor: Any) -> None:
    ev = _one(extractor, "Israel has kept up near-daily strikes on the south despite the truce.",
              "near-daily")
    assert ev.background and "story.background.habitual" in ev.trace


def test_an_old_year_in_the_events_own_clause_makes_it_background(extractor: Any) -> None:
    ev = _one(extractor, "Kupiansk was briefly occupied by Russian troops in the first weeks of"
              " the war in 2022.", "occupied")
    assert ev.background and "story.background.old_date_in_clause" in ev.trace


def test_an_old_year_after_since_or_in_a_side_clause_leaves_the_news_alone(extractor: Any) -> None:
    for text in ("Russia launched its largest drone attack since 2022 on Kyiv on Friday,"
                 " killing three.",
                 "Russian drones struck Kharkiv, which was shelled heavily in 2022, on Friday."):
        record = extractor(Article(text=text, published=PUBLISHED))
        assert record.events and not any(e.background for e in record.events), record.events


def test_a_statement_keeps_the_day_it_was_said_and_an_old_saying_stays_old(extractor: Any) -> None:
    ev = _one(extractor, "Russian President Vladimir Putin said Sunday that Russia supports the"
              " U.S. ceasefire proposal.", "supports")
    assert ev.date is not None and ev.date.value == "2025-05-11" and ev.date.text
    old = _one(extractor, "The Congolese army said in January that it had repelled an M23"
               " attack near Sake.", "repelled")
    assert "story.date_of_the_saying" not in old.trace and old.background


def test_an_old_month_on_the_clause_a_participle_hangs_from_makes_it_background(extractor: Any) -> None:
    record = extractor(Article(text="The protests started after a shopping mall roof fell in"
                               " Mardan in January, killing nine people.", published="2025-08-16"))
    killed = [e for e in record.events if e.dead == 9]
    assert killed and all(e.background for e in killed), record.events
    assert any("story.background.old_date_in_clause" in e.trace for e in killed)
