"""Read-only aggregates for the desk's overview: events per day by type, by country, the
located events for the map, the facet counts of the events page, and event lookup by id.

Each is one SELECT over the store's tables with the same WHERE clause as ``Store.events``, so a
chart always counts exactly the events the table lists. None of them writes.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from wardesk.store import totals
from wardesk.store.filters import EventFilter, event_where

if TYPE_CHECKING:
    from wardesk.store import Store

# no join to articles: no filter reads them and every event has one (foreign key); the join
# cost a lookup per event, most of the time of a chart over a large store
_FROM = " FROM events e"
MAX_POINTS = 5000  # the map shows at most this many located events


def event_day(event: dict[str, Any]) -> str | None:
    """The day an event happened (its resolved date), else the day its article was published."""
    date = event.get("date")
    value = date.get("value") if isinstance(date, dict) else None
    day = value or event.get("published")
    return str(day)[:10] if day else None


def _where(f: EventFilter, extra: str = "") -> tuple[str, list[Any]]:
    where, params = event_where(f)
    if extra:
        where = f"{where} AND {extra}" if where else f" WHERE {extra}"
    return where, params


def per_day(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    if totals.covers_days(f):  # running totals (migration 6): no scan of the events
        return totals.per_day(store.connection, f)
    where, params = _where(f, "e.sort_date IS NOT NULL")
    sql = (f"SELECT substr(e.sort_date, 1, 10) AS day, e.type, COUNT(*){_FROM}{where}"
           " GROUP BY day, e.type ORDER BY day, e.type")
    return [{"date": d, "type": t, "count": n} for d, t, n in store.connection.execute(sql, params)]


def by_country(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events per country they touch: a source's or target's code, or the place's country
    (event_codes holds exactly those pairs, one row each)."""
    if totals.covers_facets(f):  # running totals (migrations 6, 8, 12): no scan of the events
        return totals.by_country(store.connection, f)
    return scan_by_country(store, f)


def scan_by_country(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """by_country counted from the events themselves, for any filter."""
    if f.background:  # the recaps, few: walked first in their partial index (SQLite keeps
        # a CROSS JOIN's order; joined the other way it read every event_codes row, 1.9 s at 1M)
        where, params = _where(f, "ec.article_id = e.article_id AND ec.event_id = e.id")
        sql = f"SELECT ec.code, COUNT(*) AS n FROM events e CROSS JOIN event_codes ec{where} GROUP BY ec.code"
    else:
        where, params = _where(f)
        sql = ("SELECT ec.code, COUNT(*) AS n FROM event_codes ec JOIN events e"
               f" ON e.article_id = ec.article_id AND e.id = ec.event_id{where} GROUP BY ec.code")
    rows = store.connection.execute(f"{sql} ORDER BY n DESC, 1", params)
    return [{"country": c, "count": n} for c, n in rows]


def located(store: Store, f: EventFilter, limit: int = MAX_POINTS) -> list[dict[str, Any]]:
    if totals.covers_located(f):  # one country: walk its events in date order
        return totals.located(store.connection, f, limit)
    where, params = _where(f, "e.lat IS NOT NULL AND e.lon IS NOT NULL")
    sql = (f"SELECT e.id, e.type, e.status, substr(e.sort_date, 1, 10), e.place_name, e.lat, e.lon"
           f"{_FROM}{where} ORDER BY e.sort_date DESC LIMIT ?")
    keys = ("id", "event", "status", "date", "place", "lat", "lon")
    return [dict(zip(keys, row, strict=True))
            for row in store.connection.execute(sql, [*params, limit])]


def _counts(store: Store, f: EventFilter, column: str) -> list[dict[str, Any]]:
    # column comes from the fixed tuple in facets(), never from a caller
    where, params = _where(f)
    if f.background:  # the recaps, few: read in their partial index, not grouped by walking
        column = f"{column} || ''"  # an index of the column over every event (10 s at 1M)
    sql = f"SELECT {column}, COUNT(*) AS n{_FROM}{where} GROUP BY 1 ORDER BY n DESC, 1"
    return [{"value": v, "count": n} for v, n in store.connection.execute(sql, params)]


def facets(store: Store, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """Counts by type, country, status and certainty of the events matching ``f``, most first
    (ties by value)."""
    if totals.covers_facets(f):  # running totals (migration 12): no scan of the events
        return totals.facets(store.connection, f)
    every = dataclasses.replace(f, background=None)
    if f.background is False and totals.covers_facets(every):
        if not (f.country or f.since or f.until):  # news: every report less the recaps,
            return _less(totals.facets(store.connection, every),  # read in their index
                         scan_facets(store, dataclasses.replace(f, background=True)))
        # with a country or dates the recaps' own scan read every event of them (4-13 s at
        # 1M): these facets still count the recaps (docs/scaling.md)
        return totals.facets(store.connection, every)
    return scan_facets(store, f)


def _less(every: dict[str, list[dict[str, Any]]],
          some: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The facet counts of ``every`` less those of ``some`` (a part of them), ordered as the
    scan orders them (most first, then by value; none of zero)."""
    out = {}
    for facet, rows in every.items():
        less = {r["value"]: r["count"] for r in some.get(facet, [])}
        left = [(r["value"], r["count"] - less.get(r["value"], 0)) for r in rows]
        ordered = sorted((item for item in left if item[1] > 0), key=lambda i: (-i[1], i[0]))
        out[facet] = [{"value": v, "count": n} for v, n in ordered]
    return out


def scan_facets(store: Store, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """facets counted from the events themselves, for any filter."""
    countries = [{"value": r["country"], "count": r["count"]} for r in scan_by_country(store, f)]
    return {"type": _counts(store, f, "e.type"), "country": countries,
            "status": _counts(store, f, "e.status"),
            "certainty": _counts(store, f, "e.certainty")}


def overview(store: Store, f: EventFilter) -> dict[str, Any]:
    """Everything the overview charts need, for the events matching ``f`` (paging ignored)."""
    return {"per_day": per_day(store, f), "by_country": by_country(store, f),
            "located": located(store, f)}


def event_article(store: Store, event_id: str) -> str | None:
    """The id of the article an event belongs to (event ids are content ids)."""
    row = store.connection.execute(
        "SELECT article_id FROM events WHERE id = ? LIMIT 1", (event_id,)).fetchone()
    return str(row[0]) if row else None
