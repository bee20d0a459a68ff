"""The incidents list: one row per real-world event (however many reports tell it), newest
first, with the events list's filters (several types at once), chips, the deaths range summed
over incidents, and recaps (incidents only background passages tell) hidden unless asked for.
The page /incidents and its twin /api/desk/incidents render this view.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from wardesk.api import eventlist
from wardesk.errors import UsageError
from wardesk.store import EventFilter, Store, desk

PATH = "/incidents"


def _check(values: dict[str, list[str]]) -> None:
    """Only types split incidents into disjoint sets; other filters take one value here."""
    for key in eventlist.MULTI:
        if key != "type" and len(values.get(key, [])) > 1:
            raise UsageError(f"incidents take one {key} at a time (several types are fine)")


def _day(incident: dict[str, Any]) -> str:
    date = incident.get("date") or {}
    return str(date.get("value") or incident.get("first_reported") or "")


def page_of(store: Store, filters: list[EventFilter], f: EventFilter,
            background: bool) -> tuple[list[dict[str, Any]], int]:
    if len(filters) == 1:
        one = filters[0]
        return store.incidents(one, background=background), store.count_incidents(one, background)
    if f.offset > eventlist.MAX_MERGED_OFFSET:
        raise UsageError("offset too deep with several types: narrow the filter")
    rows: list[dict[str, Any]] = []
    for one in filters:
        wider = dataclasses.replace(one, limit=(f.limit or 50) + f.offset, offset=0)
        rows += store.incidents(wider, background=background)
    rows.sort(key=lambda i: i["id"])  # the store's order: newest first, ties by id, undated last
    rows.sort(key=_day, reverse=True)
    rows.sort(key=lambda i: _day(i) == "")
    total = sum(store.count_incidents(one, background) for one in filters)
    return rows[f.offset:f.offset + (f.limit or 50)], total


def list_view(store: Store, values: dict[str, list[str]], background: bool = False,
              limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of incidents matching ``values``, their total, deaths range and chips."""
    _check(values)
    f = eventlist.base_filter(values, "-date", limit, offset)
    filters = eventlist.combinations(f, values)
    incidents, total = page_of(store, filters, f, background)
    toll = None
    if 0 < total <= eventlist.DEATHS_UP_TO:
        parts = [desk.incident_deaths(store, one, background) for one in filters]
        toll = {"incidents": sum(p["incidents"] for p in parts),
                "min": sum(p["min"] for p in parts), "max": sum(p["max"] for p in parts)}
    shown = {**values, **({"background": ["1"]} if background else {})}
    return {
        "total": total, "limit": limit, "offset": offset, "background": background,
        "filters": values, "chips": eventlist.chips(shown, "-date", PATH), "deaths": toll,
        "empty_because": eventlist.why_empty(
            store, values, lambda one: store.count_incidents(one, background), "incident")
        if total == 0 and values else [],
        "incidents": incidents,
    }
