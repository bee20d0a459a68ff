"""The story stage's pure rules on hand-built records: the news window, related-link lines,
and when one report can continue another's incident."""

from __future__ import annotations

import datetime as dt

from wardesk.extract.story.background import before_window, period_end, related_sentence
from wardesk.extract.story.fill import continues, fill_story, one_attacker
from wardesk.extract.story.grammar import related_ranges
from wardesk.records import ActorRef, Event, EventDate, Evidence, Place

PUB = dt.date(2025, 6, 13)


def _event(start: int, source: tuple[ActorRef, ...] = (), place: Place | None = None,
           date: str = "2025-06-13", resolution: str = "exact", **kw: object) -> Event:
    return Event(id=f"e{start}", event="ASSAULT", source=source, target=(), eventText="hit",
                 evidence=Evidence("…", start, start + 1), eventLoc=place,
                 date=EventDate(date, date, resolution=resolution), **kw)  # type: ignore[arg-type]


RUSSIA = (ActorRef("rus/mil", "Russian forces", "RUS", "MIL"),)
KYIV = Place("Kyiv", "UKR")
BELGOROD = Place("Belgorod", "RUS")


def test_period_end_is_the_last_day_of_a_month_or_year() -> None:
    assert period_end("2024") == dt.date(2024, 12, 31)
    assert period_end("2025-02") == dt.date(2025, 2, 28)
    assert period_end("2025-06-09") == dt.date(2025, 6, 9)


def test_the_news_window_is_three_days() -> None:
    assert not before_window("2025-06-10", None, PUB)
    assert before_window("2025-06-09", None, PUB)
    assert not before_window("2025-06", None, PUB)
    assert before_window("2025-05", None, PUB)


def test_related_lines_and_the_lines_under_a_related_header() -> None:
    text = "Lead.\nAlso read: Drones hit Kharkiv\nBody.\n\nRelated stories\nOne\nTwo\n\nEnd."
    ranges = related_ranges(text)
    assert [text[a:b] for a, b in ranges] == ["Also read: Drones hit Kharkiv", "Related stories", "One", "Two"]


def test_a_word_that_only_starts_like_a_prefix_is_no_related_line() -> None:
    assert related_ranges("Relatedly, the talks failed.\nWatchdogs said so.") == []


def test_a_report_in_the_attackers_own_country_does_not_continue_its_attack() -> None:
    lead = _event(0, RUSSIA, KYIV)
    assert continues(lead, _event(10, (), KYIV))
    assert not continues(lead, _event(10, (), BELGOROD))


def test_reports_days_apart_are_different_incidents() -> None:
    lead = _event(0, RUSSIA, KYIV, date="2025-06-12")
    assert continues(lead, _event(10, (), KYIV, date="2025-06-13"))
    assert not continues(lead, _event(10, (), KYIV, date="2025-06-07"))
    assert continues(lead, _event(10, (), KYIV, date="2025-06-13", resolution="publication_date"))


def test_two_sides_named_as_attackers_is_not_one_attacker() -> None:
    ukraine = (ActorRef("ukr/mil", "Ukrainian drones", "UKR", "MIL"),)
    assert one_attacker([_event(0, RUSSIA), _event(5, ())])
    assert not one_attacker([_event(0, RUSSIA), _event(5, ukraine)])


def test_fill_needs_the_trigger_of_the_later_report() -> None:
    lead, later = _event(0, RUSSIA, KYIV), _event(10, (), None)
    assert fill_story([lead, later], {}) == [lead, later]


def test_a_related_link_run_into_the_text_is_a_related_sentence() -> None:
    assert related_sentence("Read also: Drone debris sets a warehouse on fire")
    assert related_sentence("RELATED: Talks stall in Istanbul")
    assert not related_sentence("Related talks were held in Doha on Monday.")
