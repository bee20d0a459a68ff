"""The merge rule over two reports (wardesk.incidents): ACLED's same day, place, actors and type,
made to hold on how outlets really report, and look-alikes kept apart."""

from __future__ import annotations

import dataclasses
import itertools
import random
from types import ModuleType
from typing import Any

from wardesk.incidents import (
    Party,
    Report,
    cluster,
    incident_id,
    report_from_event,
    same_incident,
    summarise,
)
from wardesk.records import to_dict


def reports(scenario: ModuleType) -> dict[str, Report]:
    found = {}
    for article, record in scenario.week():
        meta = {"id": article.id, "published": article.published,
                "publisher": article.publisher, "source_id": article.source_id}
        for event in record.events:
            found[event.id] = report_from_event(to_dict(event), meta)
    return found


def one(scenario: ModuleType, eid: str, **changes: Any) -> Report:
    return dataclasses.replace(reports(scenario)[eid], **changes)


def test_the_rule_is_symmetric_on_every_pair(scenario: ModuleType) -> None:
    found = list(reports(scenario).values())
    for a, b in itertools.permutations(found, 2):
        assert same_incident(a, b) == same_incident(b, a)


def test_a_district_and_its_city_are_one_place(scenario: ModuleType) -> None:
    found = reports(scenario)
    assert same_incident(found["a1"], found["a2"])  # Darnytskyi district, Kyiv


def test_a_day_apart_with_the_same_story_is_one_incident(scenario: ModuleType) -> None:
    found = reports(scenario)
    assert found["c1"].day is not None and found["b1"].day is not None
    assert (found["b1"].day - found["c1"].day).days == 1  # "overnight", another time zone
    assert same_incident(found["b1"], found["c1"])  # and "Moscow" for "Russian forces"


def test_look_alikes_stay_apart(scenario: ModuleType) -> None:
    found = reports(scenario)
    for look_alike in scenario.LOOK_ALIKES:
        for same in scenario.SAME:
            for eid in same:
                assert not same_incident(found[look_alike], found[eid]), (look_alike, eid)


def test_another_day_in_the_same_city_with_other_words_stays_apart(scenario: ModuleType) -> None:
    found = reports(scenario)
    assert found["e1"].place == found["a1"].place
    assert not same_incident(found["e1"], found["a1"])  # next afternoon, a missile, a mall


def test_a_report_without_attacker_or_place_joins_one_that_says_the_same(
        scenario: ModuleType) -> None:
    vague = one(scenario, "b1", key=("other", "v1"), source=(), place=None)
    assert same_incident(vague, reports(scenario)["a1"])
    unrelated = one(scenario, "k1", key=("other", "v2"), source=(), place=None)
    assert not same_incident(unrelated, reports(scenario)["a1"])  # a vague place needs the words


def test_named_sides_with_nothing_in_common_stay_apart(scenario: ModuleType) -> None:
    found = reports(scenario)
    rubio = Party("usa/gov/marco-rubio", "Marco Rubio", "USA", "GOV")
    other = one(scenario, "b1", key=("other", "v3"), source=(rubio,))
    assert not same_incident(other, found["a1"])


def test_places_in_other_countries_or_regions_stay_apart(scenario: ModuleType) -> None:
    found = reports(scenario)
    elsewhere = one(scenario, "b1", key=("other", "v4"), place=scenario.RIYADH)
    assert not same_incident(elsewhere, found["a1"])
    region = one(scenario, "b1", key=("other", "v5"),
                 place=dataclasses.replace(found["k1"].place, name="Kharkivska Oblast"))
    assert not same_incident(region, found["a1"])


def test_incidents_and_their_ids_do_not_depend_on_order(scenario: ModuleType) -> None:
    found = list(reports(scenario).values())
    first = [[r.key for r in group] for group in cluster(found)]
    for seed in range(5):
        shuffled = list(found)
        random.Random(seed).shuffle(shuffled)
        assert [[r.key for r in group] for group in cluster(shuffled)] == first
    ids = {incident_id(r.key for r in group) for group in cluster(found)}
    assert len(ids) == len(first)


def test_an_incident_sums_up_its_reports(scenario: ModuleType) -> None:
    found = reports(scenario)
    attack = summarise([found[e] for e in sorted(scenario.SAME[0])])
    assert attack["dead"] == {"min": 2, "max": 3} and attack["injured"] == {"min": 9, "max": 10}
    assert attack["date"] == {"value": "2025-03-11", "granularity": "day"}
    assert attack["certainty"] == "corroborated" and attack["current"] is True
    recap = summarise([found["r2"]])
    assert recap["current"] is False and recap["date"]["value"] == "2022-02-24"


def test_certainty_across_reports(scenario: ModuleType) -> None:
    found = reports(scenario)
    claim = one(scenario, "b1", certainty="claimed", attribution="rus/mil/defence-ministry")
    assert summarise([claim])["certainty"] == "claimed"
    assert summarise([found["b1"]])["certainty"] == "reported"
    denial = one(scenario, "c1", status="denied")
    assert summarise([found["b1"], denial])["certainty"] == "disputed"
    other_claim = one(scenario, "c1", certainty="claimed", attribution="ukr/mil/air-force",
                      dead=7)
    assert summarise([claim, other_claim])["certainty"] == "disputed"


def test_a_follow_up_without_a_place_hangs_on_the_lead_it_continues(scenario: ModuleType) -> None:
    from wardesk.incidents.story import anchors

    odesa = scenario.Place("Odesa", "UKR", "Odesa Oblast", 46.48, 30.72, 698740)
    izmail = scenario.Place("Izmail", "UKR", "Odesa Oblast", 45.35, 28.84, 707292)
    lead = scenario.event("o1", "ASSAULT", "A Russian missile strike on the port of Odesa killed"
                          " three dock workers.", "2025-05-09", odesa)
    other = scenario.event("o2", "ASSAULT", "Hours later a drone hit the Danube port of Izmail,"
                           " killing a truck driver.", "2025-05-09", izmail)
    funerals = scenario.event("o3", "ASSAULT", "Funerals were held for the three dock workers"
                              " killed by the missile.", "2025-05-09", None, source=(),
                              target=())
    rescue = scenario.event("o4", "ASSAULT", "Rescuers worked through the night.", "2025-05-09",
                            None, source=(), target=())
    article, record = scenario.article("odesa-day", "Wire", "2025-05-09", lead, other, funerals,
                                       rescue)
    meta = {"id": article.id, "published": article.published, "publisher": article.publisher}
    found = [dataclasses.replace(report_from_event(to_dict(e), meta), evidence_start=100 * i)
             for i, e in enumerate(record.events)]  # one paragraph after another
    hung = {k[1]: v[1] for k, v in anchors(found).items()}
    assert hung == {"o3": "o1", "o4": "o3"}  # the words it shares, else the nearest before it
    recap = dataclasses.replace(found[2], background=True)
    assert recap.key not in anchors([found[0], found[1], recap])  # a recap is not the news


def test_talks_named_either_way_round_are_one_incident(scenario: ModuleType) -> None:
    found = reports(scenario)
    swapped = one(scenario, "t2", key=("other", "v6"), source=found["t2"].target,
                  target=found["t2"].source)
    assert same_incident(found["t1"], swapped)


def test_a_report_without_a_place_that_names_the_city_counts_it(scenario: ModuleType) -> None:
    found = reports(scenario)
    unplaced = one(scenario, "b1", key=("other", "v7"), place=None, source=(), target=())
    assert "kyiv" in unplaced.words and same_incident(unplaced, found["a1"])
    kharkiv = dataclasses.replace(found["k1"], place=None, key=("other", "v8"))
    assert not same_incident(kharkiv, found["a1"])  # its words name Kharkiv, not Kyiv


def test_an_undated_account_published_days_later_joins_but_a_dated_one_does_not(
        scenario: ModuleType) -> None:
    import datetime as dt

    found = reports(scenario)
    later = found["b1"].day + dt.timedelta(days=2)  # type: ignore[operator]
    account = one(scenario, "b1", key=("other", "v9"), day=later, dated=False,
                  published=later.isoformat())
    assert same_incident(account, found["a1"])  # no date of its own: the event may be earlier
    assert not same_incident(dataclasses.replace(account, dated=True), found["a1"])
    elsewhere = dataclasses.replace(account, place=found["k1"].place)
    assert not same_incident(elsewhere, found["a1"])


def test_a_date_the_article_could_not_resolve_hangs_on_no_lead(scenario: ModuleType) -> None:
    from wardesk.incidents.story import anchors

    article, record = scenario.week()[0]
    meta = {"id": article.id, "published": article.published}
    lead, follow = (to_dict(e) for e in record.events)
    follow["eventLoc"] = None  # "Drone debris set fire to a residential building."
    assert {k[1]: v[1] for k, v in anchors(
        [report_from_event(lead, meta), report_from_event(follow, meta)]).items()} == {"a2": "a1"}
    follow["date"] = {"text": "days later", "value": None, "granularity": "day",
                      "resolution": "unresolved"}
    later = report_from_event(follow, meta)
    assert later.unresolved and not anchors([report_from_event(lead, meta), later])
