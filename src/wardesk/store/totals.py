"""The overview charts and the events page's facets from the running totals of migrations 6, 8
and 12, when the filter allows it: events per day and type (no filter but country, type and
dates), events per country, the facet counts, and the located events of one country.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from wardesk.records import EVENT_TYPES
from wardesk.store.filters import EventFilter, day, one_of
from wardesk.store.rows import canonical_type

if TYPE_CHECKING:
    from wardesk.store.schema import Connection


def _only(f: EventFilter, **kept: Any) -> bool:
    return f == EventFilter(limit=f.limit, offset=f.offset, sort=f.sort, **kept)


def covers_days(f: EventFilter) -> bool:
    """Whether events per day can be read from the totals for ``f``."""
    return _only(f, country=f.country, type=f.type, since=f.since, until=f.until)


def covers_facets(f: EventFilter) -> bool:
    """Whether the facet counts (and events per country) can be read from the totals for
    ``f``: no filter but a country and a type, or but a type and a date range."""
    return (_only(f, country=f.country, type=f.type)
            or _only(f, type=f.type, since=f.since, until=f.until))


def facets(conn: Connection, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """As stats.scan_facets, for a filter covers_facets accepts: counts by type, status and
    certainty (most first, then by value), countries as by_country."""
    if f.since or f.until:  # dated events only: the per-day totals
        table, clauses, params = "event_day_facet_totals", list[str](), list[Any]()
        _type_and_days(f, clauses, params)
    else:
        table, clauses, params = "event_facet_totals", ["code = ?"], [_code(f)]
        if f.type:
            clauses.append("type = ?")
            params.append(_type(f.type))
    where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
    counted: dict[str, Counter[str]] = {"type": Counter(), "status": Counter(),
                                        "certainty": Counter()}
    # one pass over the totals (table is a constant above); the three sums are made here
    sql = f"SELECT type, status, certainty, SUM(n) FROM {table}{where} GROUP BY type, status, certainty"
    for etype, status, certainty, n in conn.execute(sql, params):
        for facet, value in (("type", etype), ("status", status), ("certainty", certainty)):
            counted[facet][value] += int(n)
    countries = [{"value": r["country"], "count": r["count"]} for r in by_country(conn, f)]
    return {"type": _most_first(counted["type"]), "country": countries,
            "status": _most_first(counted["status"]),
            "certainty": _most_first(counted["certainty"])}


def _most_first(counted: Counter[str]) -> list[dict[str, Any]]:
    """As the scan's ORDER BY n DESC, value (byte order: PostgreSQL's columns are COLLATE "C",
    and UTF-8 bytes sort as code points), zero counts left out."""
    ordered = sorted((item for item in counted.items() if item[1] > 0),
                     key=lambda item: (-item[1], item[0]))
    return [{"value": v, "count": n} for v, n in ordered]


def _code(f: EventFilter) -> str:
    """The filter's country as event_codes holds it; '' (all events) without one."""
    return f.country.strip().upper() if f.country else ""


def _type(event_type: str) -> str:
    return one_of(canonical_type(event_type), EVENT_TYPES, "event type")


def per_day(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
    """As stats.per_day: a day is the first ten characters of the event's sort date; since and
    until compare as event_where compares sort dates."""
    table, clauses, params = "event_day_totals", ["n > 0"], list[Any]()
    if f.country:
        table = "event_code_day_totals"
        clauses.append("code = ?")
        params.append(_code(f))
    _type_and_days(f, clauses, params)
    # table is one of two constants above
    sql = f"SELECT day, type, n FROM {table} WHERE {' AND '.join(clauses)} ORDER BY day, type"
    return [{"date": d, "type": t, "count": n} for d, t, n in conn.execute(sql, params)]


def by_country(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
    """Events per country touched, for a filter covers_facets accepts. Of a type: the
    countries its events touch with the filter's country, or with themselves without one."""
    if f.since or f.until:
        rows = _by_country_days(conn, f)
    elif f.type:
        sql = ("SELECT other, n FROM event_code_pair_type_totals WHERE type = ? AND n > 0 AND "
               + ("code = ?" if f.country else "code = other") + " ORDER BY n DESC, other")
        rows = list(conn.execute(sql, [_type(f.type), *([_code(f)] if f.country else [])]))
    elif f.country:
        sql = ("SELECT other, n FROM event_code_pair_totals WHERE code = ? AND n > 0"
               " ORDER BY n DESC, other")
        rows = list(conn.execute(sql, [_code(f)]))
    else:
        rows = list(conn.execute(
            "SELECT code, n FROM event_code_totals WHERE n > 0 ORDER BY n DESC, code"))
    return [{"country": c, "count": int(n)} for c, n in rows]


def _by_country_days(conn: Connection, f: EventFilter) -> list[tuple[str, int]]:
    """Countries touched by the events of a date range (and type): the per-country day totals
    (a date range leaves out the undated events, as event_where does)."""
    clauses, params = ["n > 0"], list[Any]()
    _type_and_days(f, clauses, params)
    sql = (f"SELECT code, SUM(n) AS total FROM event_code_day_totals WHERE {' AND '.join(clauses)}"
           " GROUP BY code")
    counted = [(code, int(n)) for code, n in conn.execute(sql, params)]
    return sorted(counted, key=lambda item: (-item[1], item[0]))


def type_rarer(conn: Connection, event_type: str, country: str) -> bool:
    """Whether fewer dated events have ``event_type`` than touch ``country`` (which of the two
    a page should walk)."""
    etype = _type(event_type)
    typed = conn.execute("SELECT COALESCE(SUM(n), 0) FROM event_day_totals WHERE type = ?",
                         [etype]).fetchone()[0]
    touched = conn.execute("SELECT COALESCE(SUM(n), 0) FROM event_code_totals WHERE code = ?",
                           [country.strip().upper()]).fetchone()[0]
    return int(typed) < int(touched)


def covers_located(f: EventFilter) -> bool:
    return bool(f.country) and _only(f, country=f.country)


def located(conn: Connection, f: EventFilter, limit: int) -> list[dict[str, Any]]:
    """As stats.located for one country: its events newest first (SQLite's DESC puts NULL
    dates last, as "IS NULL, DESC" does), walked in event_codes' date index."""
    sql = ("SELECT e.id, e.type, e.status, substr(e.sort_date, 1, 10), e.place_name, e.lat, e.lon"
           " FROM event_codes c CROSS JOIN events e"
           " WHERE e.article_id = c.article_id AND e.id = c.event_id AND c.code = ? AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
           " ORDER BY c.sort_date IS NULL, c.sort_date DESC LIMIT ?")
    keys = ("id", "event", "status", "date", "place", "lat", "lon")
    return [dict(zip(keys, row, strict=True))
            for row in conn.execute(sql, [_code(f), limit])]


def _type_and_days(f: EventFilter, clauses: list[str], params: list[Any]) -> None:
    """The type and date-range conditions the running-total tables can answer."""
    if f.type:
        clauses.append("type = ?")
        params.append(_type(f.type))
    if f.since:
        clauses.append("day >= ?")
        params.append(day(f.since, "since"))
    if f.until:
        clauses.append("day <= ?")
        params.append(f"{day(f.until, 'until')}~")
