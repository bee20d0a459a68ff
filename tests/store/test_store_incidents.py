"""Incidents in the store (migration 14), on SQLite and PostgreSQL: every event belongs to one
incident; the same articles in any order, in batches or rebuilt give the same incidents."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from wardesk.store import EventFilter, Store


@pytest.fixture(scope="module")
def week() -> ModuleType:
    path = Path(__file__).parent.parent / "incidents" / "scenario.py"
    spec = importlib.util.spec_from_file_location("wardesk_incident_scenario", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def grouping(store: Store) -> set[tuple[str, frozenset[str]]]:
    """Each incident (with background ones) as its id and its events' ids."""
    return {(i["id"], frozenset(r["event"] for r in i["reports"]))
            for i in store.iter_incidents(background=True)}


def snapshot(store: Store) -> list[dict[str, Any]]:
    return sorted(store.iter_incidents(background=True), key=lambda i: i["id"])


def test_every_event_belongs_to_one_incident(store: Store, week: ModuleType) -> None:
    for pair in week.week():
        store.save(*pair)
    events = store.events(EventFilter(limit=None))
    assert events and all(e["incident"] for e in events)
    groups = {frozenset(events) for _, events in grouping(store)}
    assert sorted(len(g) for g in groups) == sorted(
        [5, 2] + [1] * (len(week.LOOK_ALIKES) + len(week.BACKGROUND_ONLY)))
    for same in week.SAME:
        assert frozenset(same) in groups
    by_event = {e["id"]: e["incident"] for e in events}
    assert len({by_event[e] for e in week.LOOK_ALIKES}) == len(week.LOOK_ALIKES)
    assert not any(by_event[e] == by_event["a1"] for e in week.LOOK_ALIKES)
    assert by_event["t3"] != by_event["t1"]  # the next round of talks, two weeks on


def test_any_order_gives_the_same_incidents(store_url: str, week: ModuleType) -> None:
    articles = week.week()
    orders = [articles, articles[::-1]]
    shuffled = list(articles)
    random.Random(7).shuffle(shuffled)
    orders.append(shuffled)
    seen = []
    for order in orders:
        with Store(store_url) as store:
            for article_id in [a.id for a, _ in articles]:
                store.delete(article_id)
            for pair in order:
                store.save(*pair)
            seen.append(snapshot(store))
    assert seen[0] == seen[1] == seen[2]


def test_a_bulk_load_and_a_rebuild_give_the_incidents_of_one_by_one_saves(
        store_url: str, week: ModuleType) -> None:
    articles = week.week()
    with Store(store_url) as store:
        for pair in articles:
            store.save(*pair)
        one_by_one = snapshot(store)
        assert store.rebuild_incidents() == len(one_by_one)
        assert snapshot(store) == one_by_one
        for article, _ in articles:
            store.delete(article.id)
        assert snapshot(store) == []
        store.load(articles[::-1], batch=3)  # the bulk path (a first import, Ray shards)
        assert snapshot(store) == one_by_one


def test_a_bulk_load_into_a_filled_store_joins_the_stored_incidents(
        store: Store, week: ModuleType) -> None:
    articles = week.week()
    store.load(articles[:3])
    store.load(articles[3:], batch=2)
    merged = {frozenset(events) for _, events in grouping(store)}
    assert all(frozenset(same) in merged for same in week.SAME)


def test_reports_across_articles_join_with_deaths_as_a_range(store: Store,
                                                             week: ModuleType) -> None:
    for pair in week.week():
        store.save(*pair)
    attack = next(i for i in store.incidents(EventFilter(type="ASSAULT", limit=None))
                  if {r["event"] for r in i["reports"]} == week.SAME[0])
    assert attack["dead"] == {"min": 2, "max": 3}
    assert attack["injured"] == {"min": 9, "max": 10}
    assert attack["date"] == {"value": "2025-03-11", "granularity": "day"}
    assert attack["place"]["name"] == "Kyiv"
    assert attack["articles"] == 4 and attack["publishers"] == 3
    assert attack["certainty"] == "corroborated"
    assert attack["first_reported"] == "2025-03-11" and attack["last_reported"] == "2025-03-12"
    assert {s["actorText"] for s in attack["source"]} == {"Russian forces", "Moscow"}
    dead_by_report = {r["event"]: r["dead"] for r in attack["reports"]}
    assert dead_by_report == {"a1": 2, "a2": None, "b1": 3, "c1": 3, "r1": 3}
    b1 = next(r for r in attack["reports"] if r["event"] == "b1")
    assert b1["publisher"] == "Harbour Times" and b1["source_id"] == "harbour-times-kyiv"
    assert b1["evidence"]["text"].startswith("At least three people")
    assert store.incident(attack["id"]) == attack


def test_background_links_to_its_incident_but_makes_no_current_one(store: Store,
                                                                  week: ModuleType) -> None:
    for pair in week.week():
        store.save(*pair)
    events = {e["id"]: e for e in store.events(EventFilter(limit=None))}
    assert events["r1"]["background"] and events["r2"]["background"]
    assert not events["a1"]["background"]
    assert events["r1"]["incident"] == events["a1"]["incident"]  # a recap joins its incident
    shown = {i["id"] for i in store.incidents(EventFilter(limit=None))}
    assert events["a1"]["incident"] in shown
    assert events["r2"]["incident"] not in shown  # 2022, only recounted: not current
    everything = store.incidents(EventFilter(limit=None), background=True)
    recap = next(i for i in everything if i["id"] == events["r2"]["incident"])
    assert recap["background"] is True
    assert store.count_incidents() == len(shown) == len(everything) - 1


def test_deleting_an_article_splits_what_only_it_held_together(store: Store,
                                                               week: ModuleType) -> None:
    a = week.event("x1", "ASSAULT", "Shelling hit Kharkiv's market, killing four.",
                   "2025-04-01", week.KHARKIV, dead=4)
    bridge = week.event("x2", "ASSAULT", "Shelling hit Kharkiv's market and rockets struck the"
                        " railway station nearby, killing four.", "2025-04-01", None, source=(),
                        target=())
    b = week.event("x3", "ASSAULT", "Rockets struck the railway station.", "2025-04-01", None,
                   source=(), target=(), dead=1)
    first, middle, last = (week.article("m1", "P1", "2025-04-01", a),
                           week.article("m2", "P2", "2025-04-01", bridge),
                           week.article("m3", "P3", "2025-04-01", b))
    store.save(*first)
    store.save(*last)
    assert len(store.incidents()) == 2
    store.save(*middle)  # the bridging report merges the two
    assert [len(i["reports"]) for i in store.incidents()] == [3]
    store.delete(middle[0].id)
    assert sorted(len(i["reports"]) for i in store.incidents()) == [1, 1]


def test_incidents_take_the_filters_of_events(store: Store, week: ModuleType) -> None:
    for pair in week.week():
        store.save(*pair)

    def ids(**kw: Any) -> set[frozenset[str]]:
        return {frozenset(r["event"] for r in i["reports"])
                for i in store.incidents(EventFilter(limit=None, **kw))}

    assert ids(type="CONSULT") == {frozenset({"t1", "t2"}), frozenset({"t3"})}
    assert ids(country="SAU") == ids(type="consult")
    assert ids(actor="yermak", since="2025-03-20") == {frozenset({"t3"})}
    assert ids(text="glide bomb") == {frozenset({"k1"})}
    assert ids(until="2025-03-11", country="UKR") == {  # Yermak is Ukraine's
        frozenset(week.SAME[0]), frozenset({"k1"}), frozenset(week.SAME[1])}
    assert store.count_incidents(EventFilter(type="ASSAULT")) == 4
    for kw in ({"country": "ukr"}, {"country": "UKR", "type": "CONSULT"}, {"country": "SAU"}):
        assert store.count_incidents(EventFilter(**kw)) == len(  # type: ignore[arg-type]
            store.incidents(EventFilter(limit=None, **kw)))  # type: ignore[arg-type]
    page = store.incidents(EventFilter(limit=2, offset=1))
    assert [i["date"]["value"] for i in page] == ["2025-03-14", "2025-03-12"]  # newest first
    assert store.incident("inc-nope") is None


def test_a_rebuild_with_weeks_among_the_days_gives_the_same_incidents(
        store: Store, week: ModuleType) -> None:
    articles = week.week()
    for n in range(8):  # reports dated only by a week, read between the days' reports
        vague = week.event(f"w{n}", "ASSAULT", f"Strikes went on all week ({n}).", "2025-03-11",
                           week.KYIV, granularity="week")
        articles.append(week.article(f"weekly-{n}", "Weekly", "2025-03-15", vague))
    for pair in articles:
        store.save(*pair)
    saved = snapshot(store)
    store.rebuild_incidents()
    assert snapshot(store) == saved
