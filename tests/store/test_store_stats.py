"""The overview aggregates (wardesk.store.stats) on every backend, checked against the same
counts computed in Python from the events the store lists."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from wardesk.records import Place
from wardesk.store import EventFilter, Store, stats


@pytest.fixture
def charted(store: Store, kit: Any) -> Store:
    kyiv = Place("Kyiv", "UKR", None, 50.45, 30.52)
    doha = Place("Doha", "QAT", None, 25.3, 51.5)
    store.save(*kit.full_record(kit._make))
    store.save(*kit._make("Talks in Doha.", "2025-03-15", actors=(kit.ZELENSKY, kit.PUTIN), events=(
        kit.event("d1", "CONSULT", kit.ZELENSKY, kit.PUTIN, "Envoys met in Doha.", place=doha),
        kit.event("d2", "ASSAULT", kit.PUTIN, kit.ZELENSKY, "Drones hit Kyiv.", day="2025-03-14",
                  place=kyiv))))
    return store


def touched(event: dict[str, Any]) -> set[str]:
    place = (event.get("eventLoc") or {}).get("country")
    places: set[str] = {place} if place else set()
    return set(event["source_codes"]) | set(event["target_codes"]) | places


@pytest.mark.parametrize("kw", [{}, {"country": "RUS"}, {"type": "ASSAULT"},
                                {"since": "2025-03-12"}, {"actor": "zelensky"},
                                {"type": "assault", "until": "2025-03-12"}, {"status": "planned"},
                                {"country": "UKR", "type": "ASSAULT", "since": "2025-03-10"},
                                {"country": "QAT"}, {"country": "NOR"}])
def test_overview_counts_what_the_event_list_lists(charted: Store, kw: dict[str, Any]) -> None:
    f = EventFilter(**kw)
    listed = charted.events(EventFilter(**kw, limit=None))
    countries = Counter(code for e in listed for code in touched(e))
    assert {r["country"]: r["count"] for r in stats.by_country(charted, f)} == countries
    days = Counter((stats.event_day(e), e["event"]) for e in listed)
    assert {(r["date"], r["type"]): r["count"] for r in stats.per_day(charted, f)} == days
    located = [e["id"] for e in listed if (e.get("eventLoc") or {}).get("lat") is not None]
    assert sorted(p["id"] for p in stats.located(charted, f)) == sorted(located)
    facets = stats.facets(charted, f)
    assert {r["value"]: r["count"] for r in facets["type"]} == Counter(e["event"] for e in listed)
    assert sum(r["count"] for r in facets["status"]) == len(listed)


def test_event_article(charted: Store) -> None:
    [event] = charted.events(EventFilter(type="CONSULT", place="Doha"))
    assert stats.event_article(charted, "d1") == event["article_id"]
    assert stats.event_article(charted, "nope") is None


@pytest.mark.parametrize("kw", [{"type": "ASSAULT"}, {"country": "UKR"}, {"country": "ukr", "type": "ASSAULT"},
                                {"type": "CONSULT"}, {"since": "2025-03-01"}])
def test_counts_from_totals_include_undated_events(charted: Store, kit: Any,
                                                   kw: dict[str, Any]) -> None:
    # no date and no published date: no day total holds it, the count still must
    undated = kit.event("u1", "ASSAULT", kit.PUTIN, kit.UKRAINE, "Shells fell on the city.")
    charted.save(*kit._make("Undated report.", None, events=(undated,)))
    listed = charted.events(EventFilter(**kw, limit=None))
    assert charted.count_events(EventFilter(**kw)) == len(listed)
    assert ("u1" in [e["id"] for e in listed]) == ("since" not in kw and kw.get("type") != "CONSULT")
