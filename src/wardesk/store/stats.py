"""Read-only aggregates for the desk's overview: events per day by type, by country, the
located events for the map, the facet counts of the events page, and event lookup by id.

Each is one SELECT over the store's tables with the same WHERE clause as ``Store.events``, so a
chart always counts exactly the events the table lists. None of them writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wardesk.store.filters import EventFilter, event_where

if TYPE_CHECKING:
    from wardesk.store import Store

_FROM = " FROM events e JOIN articles a ON a.id = e.article_id"
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
    where, params = _where(f, "e.sort_date IS NOT NULL")
    sql = (f"SELECT substr(e.sort_date, 1, 10) AS day, e.type, COUNT(*){_FROM}{where}"
           " GROUP BY day, e.type ORDER BY day, e.type")
    return [{"date": d, "type": t, "count": n} for d, t, n in store.connection.execute(sql, params)]


def by_country(store: Store, f: EventFilter) -> list[dict[str, Any]]:
    """Events per country they touch: a source's or target's code, or the place's country."""
    actors, p1 = _where(f, "ea.code IS NOT NULL")
    places, p2 = _where(f, "e.place_country IS NOT NULL")
    key = "e.article_id || ' ' || e.id"
    sql = (f"SELECT code, COUNT(*) AS n FROM (SELECT {key} AS k, ea.code AS code{_FROM}"
           " JOIN event_actors ea ON ea.article_id = e.article_id AND ea.event_id = e.id"
           f"{actors} UNION SELECT {key}, e.place_country{_FROM}{places})"
           " GROUP BY code ORDER BY n DESC, code")
    return [{"country": c, "count": n} for c, n in store.connection.execute(sql, [*p1, *p2])]


def located(store: Store, f: EventFilter, limit: int = MAX_POINTS) -> list[dict[str, Any]]:
    where, params = _where(f, "e.lat IS NOT NULL AND e.lon IS NOT NULL")
    sql = (f"SELECT e.id, e.type, e.status, substr(e.sort_date, 1, 10), e.place_name, e.lat, e.lon"
           f"{_FROM}{where} ORDER BY e.sort_date DESC LIMIT ?")
    keys = ("id", "event", "status", "date", "place", "lat", "lon")
    return [dict(zip(keys, row, strict=True))
            for row in store.connection.execute(sql, [*params, limit])]


def _counts(store: Store, f: EventFilter, column: str) -> list[dict[str, Any]]:
    # column comes from the fixed tuple in facets(), never from a caller
    where, params = _where(f)
    sql = f"SELECT {column}, COUNT(*) AS n{_FROM}{where} GROUP BY {column} ORDER BY n DESC, 1"
    return [{"value": v, "count": n} for v, n in store.connection.execute(sql, params)]


def facets(store: Store, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """Counts by type, country, status and certainty of the events matching ``f``."""
    countries = [{"value": r["country"], "count": r["count"]} for r in by_country(store, f)]
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
