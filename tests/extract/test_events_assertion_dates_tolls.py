"""Extraction accuracy on the real model (issue 13 classes 4, 6, 7 and the incident scorer's
extraction errors): events never asserted, an event's date from its own clause, toll updates,
routes, weapons, quoted pronouns, named operations and headline agreements. Sentences are
written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, Event

pytestmark = pytest.mark.model

PUBLISHED = "2025-06-11"  # a Wednesday


def _events(extractor: Any, text: str) -> list[Event]:
    return list(extractor(Article(text=text, published=PUBLISHED)).events)


def _only(extractor: Any, text: str, kind: str) -> Event:
    found = [e for e in _events(extractor, text) if e.event == kind]
    assert len(found) == 1, found
    return found[0]


# --- class 4: never asserted ---------------------------------------------------------------

def test_a_perfect_modal_says_what_did_not_happen(extractor: Any) -> None:
    text = "Russian drones might have killed dozens of people in Sumy, the regional governor said."
    assert not [e for e in _events(extractor, text) if e.event == "ASSAULT"]


def test_an_inverted_condition_reports_nothing(extractor: Any) -> None:
    text = "Egyptian troops would have left Sinai had Hamas released the Israeli captives."
    assert not [e for e in _events(extractor, text) if e.event == "RETREAT"]


def test_a_killing_of_no_one_is_no_attack_with_zero_dead(extractor: Any) -> None:
    text = "Police said no civilians were killed in the clash near Kherson."
    assert not [e for e in _events(extractor, text) if e.event == "ASSAULT"]


def test_the_timetable_of_a_withdrawal_is_no_withdrawal(extractor: Any) -> None:
    text = "US and Iraqi officials set out the timetable for the withdrawal of American troops from Iraq."
    assert not [e for e in _events(extractor, text) if e.event == "RETREAT"]
    done = "Russian forces withdrew from Kherson on Tuesday."
    assert [e for e in _events(extractor, done) if e.event == "RETREAT"]


def test_the_details_of_an_exchange_are_no_exchange(extractor: Any) -> None:
    text = "The delegations argued over the details of the prisoner exchange between Russia and Ukraine."
    assert not [e for e in _events(extractor, text) if e.event == "RETREAT"]


# --- class 6: dates from the event's own clause ----------------------------------------------

def test_a_toll_takes_the_day_of_the_bombing_it_belongs_to(extractor: Any) -> None:
    text = "Kenya's interior ministry said on Tuesday that nine people were killed in Sunday's bombing in Mandera."
    event = _only(extractor, text, "ASSAULT")
    assert event.date is not None and event.date.value == "2025-06-08"


def test_the_day_of_saying_does_not_date_a_later_injury_report(extractor: Any) -> None:
    text = ("Russian missiles struck Dnipro overnight, killing four people. "
            "Twelve other people were injured, the regional governor said on Tuesday morning.")
    injured = [e for e in _events(extractor, text) if e.injured == 12]
    assert injured and injured[0].date is not None and injured[0].date.text == "overnight"


def test_a_date_on_the_vehicle_under_attack_dates_the_attack(extractor: Any) -> None:
    text = "Six passengers were shot dead when gunmen ambushed a van travelling from Peshawar to Lahore on Monday night."
    event = _only(extractor, text, "ASSAULT")
    assert event.date is not None and event.date.value == "2025-06-09"


# --- the incident scorer's extraction errors --------------------------------------------------

def test_a_toll_that_rose_gives_the_new_dead(extractor: Any) -> None:
    text = "The number of people killed in Monday's Russian strike on Sumy has risen to 14, rescuers said."
    assert _only(extractor, text, "ASSAULT").dead == 14


def test_a_toll_brought_to_a_figure_gives_that_figure(extractor: Any) -> None:
    text = "Rescuers pulled two more bodies from the rubble, raising the toll from the Russian strike on Poltava to 17."
    assert _only(extractor, text, "ASSAULT").dead == 17


def test_the_number_of_injured_is_an_injured_count(extractor: Any) -> None:
    text = "The number of wounded in the shelling of Kherson rose to 23 on Tuesday."
    assert _only(extractor, text, "ASSAULT").injured == 23


def test_shot_dead_victims_are_dead(extractor: Any) -> None:
    text = "Five soldiers were shot dead when militants attacked a checkpoint in North Waziristan."
    assert _only(extractor, text, "ASSAULT").dead == 5


def test_a_routes_endpoints_are_not_where_it_happened(extractor: Any) -> None:
    text = "Militants ambushed a convoy travelling from Peshawar to Islamabad in Kohat, killing two soldiers."
    event = _only(extractor, text, "ASSAULT")
    assert event.eventLoc is not None and event.eventLoc.name == "Kohat"


def test_the_missiles_fired_are_not_the_target(extractor: Any) -> None:
    text = "Russian forces fired Kalibr missiles at Mykolaiv on Tuesday."
    event = _only(extractor, text, "ASSAULT")
    assert [r.code for r in event.target] == ["UKR"] and "Kalibr" not in event.target[0].actorText


def test_they_in_a_quote_are_not_the_speaker(extractor: Any) -> None:
    text = '"They shelled the school while the children were inside," the Kharkiv governor Oleh Syniehubov said.'
    assert not [e for e in _events(extractor, text) if e.event == "ASSAULT" and any(
        "Syniehubov" in r.actorText for r in e.source)]


# --- class 7: headline events -----------------------------------------------------------------

def test_a_prisoner_exchange_agreed_carries_its_numbers(extractor: Any) -> None:
    text = "Armenia and Azerbaijan agreed on a prisoner exchange of 200 each."
    event = _only(extractor, text, "AGREE")
    assert {(q.value, q.unit) for q in event.quantities} == {(200, "prisoner")}
    assert {r.code for r in event.source} | {r.code for r in event.target} == {"ARM", "AZE"}


def test_a_text_initialled_is_an_agreement(extractor: Any) -> None:
    text = "Serbian and Kosovar negotiators initialled a draft accord in Brussels on Tuesday."
    assert [e for e in _events(extractor, text) if e.event == "AGREE"]


def test_a_proposal_put_to_both_parties_is_an_offer(extractor: Any) -> None:
    text = "Egypt put a new truce proposal to Israel and Hamas on Tuesday."
    event = _only(extractor, text, "AGREE")
    assert {r.code for r in event.source} == {"EGY"}


def test_a_prisoner_swap_carried_out_is_a_release_not_an_attack(extractor: Any) -> None:
    text = "Russia and Ukraine carried out a prisoner swap on Tuesday."
    assert {e.event for e in _events(extractor, text)} == {"RETREAT"}


def test_a_named_operation_strikes_for_the_army_that_reports_it(extractor: Any) -> None:
    text = "Operation Desert Hawk struck six depots in Syria on Tuesday, the Turkish army said."
    event = _only(extractor, text, "ASSAULT")
    assert {r.code for r in event.source} == {"TUR"} and "roles.operation-owner" in event.trace


def test_a_named_operation_strikes_for_whoever_launched_it(extractor: Any) -> None:
    text = "Israel launched Operation Northern Gate on Monday. Operation Northern Gate hit eleven sites in Lebanon."
    events = [e for e in _events(extractor, text) if e.event == "ASSAULT" and "hit" in e.eventText]
    assert events and {r.code for r in events[0].source} == {"ISR"}


def test_a_past_perfect_under_a_dated_saying_is_by_that_day_not_on_it(extractor: Any) -> None:
    text = "M23 said on Monday that its fighters had ambushed a Congolese army convoy near Goma."
    event = _only(extractor, text, "ASSAULT")
    assert event.date is not None and event.date.value == "2025-06-09" and event.date.resolution == "approximate"
    simple = "M23 said on Monday that its fighters ambushed a Congolese army convoy near Goma."
    event = _only(extractor, simple, "ASSAULT")  # the day dates the saying: the ambush was by then
    assert event.date is not None and event.date.value == "2025-06-09" and event.date.resolution == "approximate"


def test_a_weekday_before_a_calendar_date_is_that_date(extractor: Any) -> None:
    text = "Rescuers search the rubble after a Russian drone strike in Sumy, Ukraine, Sunday, June 8, 2025."
    event = _only(extractor, text, "ASSAULT")
    assert event.date is not None and event.date.value == "2025-06-08" and event.status == "occurred"


def test_no_soldiers_dying_in_a_shelling_leaves_the_shelling_reported(extractor: Any) -> None:
    text = "The Ukrainian army said no soldiers died in the shelling of Kherson."
    event = _only(extractor, text, "ASSAULT")
    assert not event.negated and event.dead is None
    nobody = _only(extractor, "Officials said no one died in the shelling of Kherson.", "ASSAULT")
    assert not nobody.negated and nobody.dead == 0
