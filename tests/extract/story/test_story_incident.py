"""The story of one article: a sentence that continues an incident takes what it does not say
from the report before it; a figure goes to the incident it describes (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-13"


def _assaults(extractor: Any, text: str) -> list[Event]:
    record = extractor(Article(text=text, published=PUBLISHED))
    return [e for e in record.events if e.event == "ASSAULT"]


def test_a_toll_sentence_takes_the_attacker_of_the_lead(extractor: Any) -> None:
    found = _assaults(extractor, "Russian missiles and drones hit the capital overnight. "
                                 "Two people were killed in the Darnytskyi district, the mayor said.")
    toll = [e for e in found if e.dead == 2]
    assert toll and {r.code for r in toll[0].source} == {"RUS"}
    assert "story.fill_source_from_lead" in toll[0].trace
    assert toll[0].date == found[0].date  # the overnight of the lead, not the published day


def test_two_sides_fighting_leave_an_unnamed_killing_unsourced(extractor: Any) -> None:
    found = _assaults(extractor, "Somali soldiers killed four al-Shabab fighters who stormed a hotel in Beledweyne. "
                                 "Al-Shabab fighters shelled an army base in Baidoa. Seven civilians were killed.")
    seven = [e for e in found if e.dead == 7]
    assert seven and not any("story.fill_source_from_lead" in e.trace for e in seven), seven


def test_a_killing_elsewhere_is_not_the_leads(extractor: Any) -> None:
    found = _assaults(extractor, "Gunmen from the ISWAP faction attacked a village near Maiduguri on Thursday. "
                                 "Separately, two people were killed elsewhere in Borno state.")
    two = [e for e in found if e.dead == 2]
    assert two and not any(r.code for r in two[0].source), two


def test_an_armed_groups_own_dead_do_not_take_the_group_as_attacker(extractor: Any) -> None:
    found = _assaults(extractor, "Al-Shabab fighters attacked an army base in Baidoa on Thursday. "
                                 "Sixteen militants were killed, the army said.")
    dead = [e for e in found if e.dead == 16]
    assert dead and "story.fill_source_from_lead" not in dead[0].trace, dead


def test_an_armies_dead_soldiers_may_be_the_other_sides(extractor: Any) -> None:
    found = _assaults(extractor, "Russian forces shelled Kherson on Thursday. Nine soldiers were killed.")
    nine = [e for e in found if e.dead == 9]
    assert nine and {r.code for r in nine[0].source} == {"RUS"}, nine


def test_a_raids_dead_are_not_the_retaliations(extractor: Any) -> None:
    found = _assaults(extractor, "Al-Shabab said it shelled the base in Baidoa after an army raid on Monday killed 12 civilians.")
    shelling = [e for e in found if e.eventText.startswith("shell")]
    raid = [e for e in found if e.dead == 12]
    assert shelling and shelling[0].dead is None
    assert raid and raid[0] is not shelling[0] and raid[0].background
    assert shelling[0].date is None or shelling[0].date.value == PUBLISHED  # Monday is the raid's
