"""The events list: newest first, several values per filter (type, quad, status, certainty),
removable filter chips, totals (events, deaths at least–at most) and an empty state that says
why nothing matched. The page /events and its twin /api/desk/events render this view.

Several values of one filter are disjoint sets of events (an event has one type, status...), so
a page of them is the merge of one store query per combination of values, and the total is the
sum of their counts: every query keeps the store's indexes and running totals.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

from wardesk.errors import UsageError
from wardesk.store import EventFilter, Store, desk
from wardesk.store.stats import event_day

MULTI = ("type", "quad", "status", "certainty")
SINGLE = ("country", "actor", "since", "until", "place", "text", "article_id")
MAX_COMBINATIONS = 24
MAX_MERGED_OFFSET = 10_000  # deeper pages of several values: narrow the filter instead
DEATHS_UP_TO = 1000  # events; above, the deaths total would read too many rows


def chosen(query: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The values asked for each filter: repeated keys or comma-separated, blanks dropped."""
    out: dict[str, list[str]] = {}
    for key in (*MULTI, *SINGLE):
        values = [v.strip() for raw in query.get(key, []) for v in
                  (raw.split(",") if key in MULTI else [raw]) if v.strip()]
        if values:
            out[key] = list(dict.fromkeys(values)) if key in MULTI else values[-1:]
    return out


def query_values(request_query: Any) -> dict[str, list[str]]:
    """chosen() over a request's query parameters (a multi-dict: repeated keys kept)."""
    return chosen({k: request_query.getlist(k) for k in (*MULTI, *SINGLE)})


def base_filter(values: dict[str, list[str]], sort: str, limit: int, offset: int) -> EventFilter:
    single: dict[str, Any] = {k: v[0] for k, v in values.items() if k in SINGLE}
    return EventFilter(**single, sort=sort, limit=limit, offset=offset)


def combinations(f: EventFilter, values: dict[str, list[str]]) -> list[EventFilter]:
    keys = [k for k in MULTI if values.get(k)]
    combos = list(itertools.product(*(values[k] for k in keys)))
    if len(combos) > MAX_COMBINATIONS:
        raise UsageError(f"{len(combos)} combinations of filter values: choose at most "
                         f"{MAX_COMBINATIONS}")
    out = []
    for combo in combos:
        chosen_values: dict[str, Any] = dict(zip(keys, combo, strict=True))
        out.append(dataclasses.replace(f, **chosen_values))
    return out


def _ordered(rows: list[dict[str, Any]], sort: str) -> list[dict[str, Any]]:
    """Rows of several queries in the store's order (filters.SORTS): by day, newest or oldest
    first, then by the article's date the same way, then by article; undated last. (Each query
    already comes in that order; stable sorts keep it within ties.)"""
    if sort == "type":
        return sorted(rows, key=lambda e: (e.get("event") or "", event_day(e) or "~"))
    newest = sort == "-date"
    rows = sorted(rows, key=lambda e: str(e.get("article_id") or ""))
    rows.sort(key=lambda e: str(e.get("published") or ""), reverse=newest)
    rows.sort(key=lambda e: event_day(e) or "", reverse=newest)
    return sorted(rows, key=lambda e: event_day(e) is None)


def page_of(store: Store, filters: list[EventFilter], f: EventFilter) -> tuple[list[dict[str, Any]], int]:
    if len(filters) == 1:
        return store.events(filters[0]), store.count_events(filters[0])
    if f.offset > MAX_MERGED_OFFSET:
        raise UsageError(f"offset above {MAX_MERGED_OFFSET} with several values of a filter: "
                         "narrow the filter")
    rows: list[dict[str, Any]] = []
    for one in filters:
        rows += store.events(dataclasses.replace(one, limit=(f.limit or 100) + f.offset, offset=0))
    total = sum(store.count_events(one) for one in filters)
    return _ordered(rows, f.sort)[f.offset:f.offset + (f.limit or 100)], total


def chips(values: dict[str, list[str]], sort: str, path: str = "/events") -> list[dict[str, str]]:
    """One chip per chosen value, with the link that removes just that value."""
    out = []
    for key, chosen_values in values.items():
        for value in chosen_values:
            rest = {k: [x for x in v if not (k == key and x == value)] for k, v in values.items()}
            out.append({"key": key, "value": value, "remove": list_link(rest, sort, path)})
    return out


def list_link(values: dict[str, list[str]], sort: str | None = None, path: str = "/events",
              **extra: Any) -> str:
    query: list[tuple[str, Any]] = [(k, v) for k, vs in values.items() for v in vs if vs]
    if sort and sort != "-date":
        query.append(("sort", sort))
    query += [(k, v) for k, v in extra.items() if v is not None]
    return path + ("?" + urlencode(query) if query else "")


def _first(values: dict[str, list[str]], key: str) -> str | None:
    found = values.get(key)
    return found[0] if found else None


def why_empty(store: Store, values: dict[str, list[str]],
              count: Callable[[EventFilter], int] | None = None, what: str = "event") -> list[str]:
    """Why nothing matched: each filter value that alone matches nothing, else the combination
    (``count``: how many a filter matches, by default the store's events)."""
    count = count or store.count_events
    reasons = []
    since, until = _first(values, "since"), _first(values, "until")
    if since and until and since > until:
        reasons.append(f"the start date {since} is after the end date {until}")
    country = _first(values, "country")
    if country and country.strip().upper() not in desk.country_names():
        reasons.append(f"“{country}” is not a country code wardesk knows (use ISO3, e.g. UKR)")
    elif country and not count(EventFilter(country=country)):
        reasons.append(f"no {what} touches {country.strip().upper()}")
    actor = _first(values, "actor")
    if actor and not desk.known_actor(store, actor):
        reasons.append(f"no actor is named or matches “{actor}”")
    for key in ("type", "quad", "status", "certainty", "place", "text"):
        for value in values.get(key, []):
            alone: dict[str, Any] = {key: value}
            if not count(EventFilter(**alone)):
                reasons.append(f"no {what} has {key} “{value}”")
    if not reasons:
        reasons.append(f"each filter matches {what}s on its own, but no {what} matches them all")
    return reasons


def list_view(store: Store, values: dict[str, list[str]], sort: str = "-date", limit: int = 50,
              offset: int = 0, background: bool | None = None) -> dict[str, Any]:
    """A page of the events matching ``values``, their total, deaths range and chips;
    ``background``: None every report, False recaps left out, True recaps only."""
    f = dataclasses.replace(base_filter(values, sort, limit, offset), background=background)
    filters = combinations(f, values)
    events, total = page_of(store, filters, f)
    toll = None
    if 0 < total <= DEATHS_UP_TO:
        parts = [desk.deaths(store, one, DEATHS_UP_TO) for one in filters]
        toll = None if None in parts else {
            "reports": sum(p["reports"] for p in parts if p),
            "at_least": max((p["largest"] for p in parts if p), default=0),
            "at_most": sum(p["sum"] for p in parts if p)}
    return {
        "total": total, "limit": limit, "offset": offset, "sort": sort, "background": background,
        "filters": values, "chips": chips(values, sort), "deaths": toll,
        "empty_because": why_empty(store, values) if total == 0 and values else [],
        "events": events,
    }


def facet_links(store: Store, values: dict[str, list[str]], sort: str,
                background: bool | None = None) -> dict[str, list[Any]]:
    """Counts by type, country, status and certainty (of the events matching the filters, a
    filter with several values left out; ``background`` as the list's: False leaves recaps
    out), each value with the link that adds or removes it."""
    from wardesk.store import stats

    counted = {k: v for k, v in values.items() if k in SINGLE or len(v) == 1}
    f = base_filter(counted, sort, 1, 0) if not any(k in MULTI for k in counted) \
        else combinations(base_filter(counted, sort, 1, 0), counted)[0]
    facets = stats.facets(store, dataclasses.replace(f, background=background))
    links: dict[str, list[Any]] = {}
    for key, items in facets.items():
        links[key] = []
        for item in items[:20]:
            value = str(item["value"])
            now = values.get(key, [])
            on = value in now
            new = [v for v in now if v != value] if on else (
                [*now, value] if key in MULTI else [value])
            links[key].append({**item, "chosen": on,
                               "href": list_link({**values, key: new}, sort)})
    return links
