"""Totals are not incidents: a period total becomes a ReportedTotal and leaves no event
carrying its figure; vague amounts never fill dead/injured/size (real model)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, ArticleRecord

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-13"


def _record(extractor: Any, text: str) -> ArticleRecord:
    return extractor(Article(text=text, published=PUBLISHED))


def test_a_toll_since_the_war_began_is_a_reported_total(extractor: Any) -> None:
    rec = _record(extractor, "More than 40,000 people have been killed since the war began, the health ministry said.")
    assert [(t.what, t.value, t.qualifier, t.period) for t in rec.totals] == [
        ("dead", 40000, "at_least", "since the war began")]
    assert rec.totals[0].attribution is not None and "ministry" in rec.totals[0].attribution.text
    assert not any(e.dead == 40000 for e in rec.events)


def test_a_vague_total_keeps_its_words_and_a_lower_bound(extractor: Any) -> None:
    rec = _record(extractor, "Tens of thousands of people have been killed in Sudan since April 2023.")
    assert len(rec.totals) == 1
    total = rec.totals[0]
    assert (total.what, total.value, total.qualifier, total.since) == ("dead", 20000, "vague", "2023-04")
    assert total.text.lower().startswith("tens of thousands")
    assert not any(e.dead for e in rec.events)


def test_a_year_of_attacks_is_a_total(extractor: Any) -> None:
    rec = _record(extractor, "In 2024, separatist fighters killed nearly 400 people in more than 500 attacks.")
    assert [(t.value, t.qualifier, t.since, t.until) for t in rec.totals] == [(400, "about", "2024", "2024")]
    assert not any(e.dead == 400 for e in rec.events)


def test_a_war_that_killed_is_a_total(extractor: Any) -> None:
    rec = _record(extractor, "The accord ended a civil war that lasted five years and killed 60,000 people.")
    assert [(t.what, t.value) for t in rec.totals] == [("dead", 60000)]


def test_one_strike_toll_is_not_a_total(extractor: Any) -> None:
    rec = _record(extractor, "A missile strike on Odesa killed 12 people on Thursday, the governor said.")
    assert rec.totals == ()
    assert [e.dead for e in rec.events if e.event == "ASSAULT"] == [12]


def test_a_recap_of_one_ambush_keeps_its_toll_as_background(extractor: Any) -> None:
    rec = _record(extractor, "Last month, insurgents ambushed a bus near Kalat and killed 18 passengers.")
    assert rec.totals == ()
    assault = [e for e in rec.events if e.event == "ASSAULT"]
    assert assault and assault[0].dead == 18 and assault[0].background


def test_dozens_killed_is_a_quantity_not_a_death_count(extractor: Any) -> None:
    rec = _record(extractor, "Gunmen killed dozens of villagers in Zamfara state on Thursday.")
    assault = [e for e in rec.events if e.event == "ASSAULT"]
    assert assault and assault[0].dead is None
    assert [(q.value, q.unit, q.qualifier) for q in assault[0].quantities] == [(24, "dead", "at_least")]
    assert "dozens" in assault[0].quantities[0].text


def test_thousands_marching_is_no_crowd_size(extractor: Any) -> None:
    rec = _record(extractor, "Thousands of protesters marched through Tbilisi on Thursday.")
    protest = [e for e in rec.events if e.event == "PROTEST"]
    assert protest and protest[0].size is None
    assert [(q.value, q.qualifier) for q in protest[0].quantities] == [(2000, "at_least")]


def test_an_exact_count_still_fills_dead(extractor: Any) -> None:
    rec = _record(extractor, "At least 12 people were killed when shells hit a market in Kharkiv on Thursday.")
    assert [e.dead for e in rec.events if e.event == "ASSAULT"] == [12]
