"""Read-only aggregates for the desk's overview: events per day by type, by country, the
located events for the map, and the facet counts of the events page.

They read through the store's public event iterator, so they follow the store's schema as it
changes; none of them writes.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wardesk.store import EventFilter, Store

FACETS = ("type", "country", "status", "certainty")


def event_day(event: dict[str, Any]) -> str | None:
    """The day an event happened (its resolved date), else the day its article was published."""
    date = event.get("date")
    value = date.get("value") if isinstance(date, dict) else event.get("date_value") or date
    day = value or event.get("published")
    return str(day)[:10] if day else None


def event_place(event: dict[str, Any]) -> dict[str, Any] | None:
    place = event.get("eventLoc")
    if isinstance(place, dict):
        return place
    if event.get("lat") is not None and event.get("lon") is not None:
        return {"name": event.get("place") or event.get("place_name"), "lat": event["lat"],
                "lon": event["lon"], "country": event.get("place_country")}
    return None


def event_countries(event: dict[str, Any]) -> set[str]:
    """Countries an event touches: its actors' codes and its place's country."""
    codes = {*(event.get("source_codes") or []), *(event.get("target_codes") or [])}
    for side in ("source", "target"):
        for ref in event.get(side) or []:
            if isinstance(ref, dict) and ref.get("code"):
                codes.add(ref["code"])
    place = event_place(event)
    if place and place.get("country"):
        codes.add(place["country"])
    return {c for c in codes if isinstance(c, str) and c}


def _scan(store: Store, f: EventFilter) -> Iterator[dict[str, Any]]:
    unpaged = dataclasses.replace(f, limit=None, offset=0)
    yield from store.iter_events(unpaged)


def per_day(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter((day, e.get("event")) for e in events if (day := event_day(e)))
    return [{"date": d, "type": t, "count": n} for (d, t), n in sorted(counts.items())]


def by_country(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter(c for e in events for c in event_countries(e))
    return [{"country": c, "count": n} for c, n in counts.most_common()]


def located(events: Iterable[dict[str, Any]], limit: int = 2000) -> list[dict[str, Any]]:
    points = []
    for e in events:
        place = event_place(e)
        if not place or place.get("lat") is None or place.get("lon") is None:
            continue
        points.append({"id": e.get("id"), "event": e.get("event"), "status": e.get("status"),
                       "date": event_day(e), "place": place.get("name"),
                       "lat": float(place["lat"]), "lon": float(place["lon"])})
        if len(points) >= limit:
            break
    return points


def facet_counts(events: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    counters: dict[str, Counter[str]] = {k: Counter() for k in FACETS}
    for e in events:
        for key in ("status", "certainty"):
            if e.get(key):
                counters[key][e[key]] += 1
        if e.get("event"):
            counters["type"][e["event"]] += 1
        counters["country"].update(event_countries(e))
    return {k: [{"value": v, "count": n} for v, n in c.most_common()] for k, c in counters.items()}


def overview(store: Store, f: EventFilter) -> dict[str, Any]:
    """Everything the overview charts need, from one pass over the filtered events."""
    events = list(_scan(store, f))
    return {"per_day": per_day(events), "by_country": by_country(events),
            "located": located(events)}


def facets(store: Store, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    return facet_counts(_scan(store, f))
