"""The overview charts from the running totals of migration 6, when the filter allows it:
events per day and type (no filter but type and dates), events per country (no filter at all).
"""

from __future__ import annotations

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
    return _only(f, type=f.type, since=f.since, until=f.until)


def covers_countries(f: EventFilter) -> bool:
    return _only(f)


def per_day(conn: Connection, f: EventFilter) -> list[dict[str, Any]]:
    """As stats.per_day: a day is the first ten characters of the event's sort date; since and
    until compare as event_where compares sort dates."""
    clauses, params = ["n > 0"], list[Any]()
    if f.type:
        clauses.append("type = ?")
        params.append(one_of(canonical_type(f.type), EVENT_TYPES, "event type"))
    if f.since:
        clauses.append("day >= ?")
        params.append(day(f.since, "since"))
    if f.until:
        clauses.append("day <= ?")
        params.append(f"{day(f.until, 'until')}~")
    sql = f"SELECT day, type, n FROM event_day_totals WHERE {' AND '.join(clauses)} ORDER BY day, type"
    return [{"date": d, "type": t, "count": n} for d, t, n in conn.execute(sql, params)]


def by_country(conn: Connection) -> list[dict[str, Any]]:
    sql = "SELECT code, n FROM event_code_totals WHERE n > 0 ORDER BY n DESC, code"
    return [{"country": c, "count": n} for c, n in conn.execute(sql)]
