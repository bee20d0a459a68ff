"""News or background: an event the article recounts as past context carries background=True
and the id of the rule that said so (real model; sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-13"  # a Friday


def _events(extractor: Any, text: str, kind: str | None = None) -> list[Event]:
    record = extractor(Article(text=text, published=PUBLISHED))
    return [e for e in record.events if kind is None or e.event == kind]


def _one(extractor: Any, text: str, words: str) -> Event:
    found = [e for e in _events(extractor, text) if words in e.evidence.text]
    assert found, _events(extractor, text)
    return found[0]


def test_an_attack_dated_weeks_before_publication_is_background(extractor: Any) -> None:
    ev = _one(extractor, "On April 28, a Russian drone struck a hotel in the centre of Odesa.", "April 28")
    assert ev.background and "story.background.old_date" in ev.trace


def test_an_attack_of_yesterday_is_news(extractor: Any) -> None:
    ev = _one(extractor, "A Russian drone struck a hotel in the centre of Odesa on Thursday.", "Thursday")
    assert not ev.background, ev.trace


def test_last_week_on_the_clause_makes_a_recap(extractor: Any) -> None:
    ev = _one(extractor, "Last week, Ukrainian drones hit an oil depot in the Bryansk region of Russia.", "oil depot")
    assert ev.background


def test_earlier_this_month_on_the_main_clause_reaches_its_participle(extractor: Any) -> None:
    text = "Earlier this month, a suicide bomber detonated explosives near a convoy in Kalat, killing one soldier."
    ev = _one(extractor, text, "convoy")
    assert ev.background and "story.background.past_words" in ev.trace


def test_a_period_since_the_war_began_is_background(extractor: Any) -> None:
    ev = _one(extractor, "Russian forces have repeatedly shelled Kherson since the war began.", "Kherson")
    assert ev.background and "story.background.period" in ev.trace


def test_a_period_that_starts_inside_the_news_window_is_news(extractor: Any) -> None:
    ev = _one(extractor, "Russian forces have shelled Kherson since Thursday morning.", "Kherson")
    assert not ev.background, ev.trace


def test_a_ranking_since_phrase_is_no_period(extractor: Any) -> None:
    ev = _one(extractor, "The minister visited Cairo for the third time since taking office.", "Cairo")
    assert not ev.background, ev.trace


def test_the_event_a_news_event_came_after_is_background(extractor: Any) -> None:
    text = "The barrage came two weeks after Ukrainian drones hit an airbase in the Murmansk region of Russia."
    found = [e for e in _events(extractor, text, "ASSAULT") if any(r.code == "UKR" for r in e.source)]
    assert found and all(e.background for e in found), found
    assert "story.background.earlier_event" in found[0].trace


def test_an_earlier_event_with_its_own_fresh_date_is_news(extractor: Any) -> None:
    text = "Police arrested five men after gunmen killed three traders at a market in Maiduguri on Thursday."
    found = [e for e in _events(extractor, text, "ASSAULT") if e.dead == 3]
    assert found and not found[0].background, found


def test_a_dated_invasion_named_in_passing_is_background(extractor: Any) -> None:
    ev = _one(extractor, "Kyiv has been shelled often since Russia launched its invasion in February 2022.", "invasion")
    assert ev.background


def test_news_of_the_day_stays_news(extractor: Any) -> None:
    text = "Russian missiles hit Kyiv overnight, killing three people and wounding 12, the mayor said."
    assert [e.background for e in _events(extractor, text, "ASSAULT")] == [False]


def test_a_caption_after_a_strike_keeps_the_strike_as_news(extractor: Any) -> None:
    text = "Rescuers search the ruins of a building in Kharkiv after a Russian missile strike that killed nine people."
    found = [e for e in _events(extractor, text, "ASSAULT") if e.dead == 9]
    assert found and not found[0].background, found


def test_their_first_talks_in_three_years_are_news(extractor: Any) -> None:
    ev = _one(extractor, "Armenian and Azerbaijani envoys held their first direct talks in three years in Abu Dhabi on Thursday.",
              "Abu Dhabi")
    assert not ev.background, ev.trace
