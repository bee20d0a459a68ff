"""Pages and counts driven by a lookup table with one row per (value, event) and a date-ordered
index: event_codes (the countries an event touches) and event_keys (the actor keys it names).

A page of one value's events walks its rows in date order and stops when the page is full; the
other filters are probed on the way. A count reads the value's rows or its running total.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from wardesk.store.filters import EventFilter, Resolved, day, event_where

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

# table → the column holding the value
COLUMNS = {"event_codes": "code", "event_keys": "actor_key"}
# Same orders as filters.SORTS ("date", "-date"): c.sort_date is the event's sort_date. With a
# date range no date is NULL: the WHERE pins (sort_date IS NULL) and the order walks sort_date.
ORDERS = {
    "date": "c.sort_date IS NULL, c.sort_date, a.published, e.article_id, e.seq",
    "-date": "c.sort_date IS NULL, c.sort_date DESC, a.published DESC, e.article_id, e.seq",
}
DATED_ORDERS = {
    "date": "c.sort_date, a.published, e.article_id, e.seq",
    "-date": "c.sort_date DESC, a.published DESC, e.article_id, e.seq",
}
# CROSS JOIN: SQLite then keeps the lookup table as the outer loop (its planner otherwise
# sometimes starts from a date range of all events); PostgreSQL reads it as a plain join.
_FROM = " FROM {table} c CROSS JOIN events e"
Key = tuple[int, int]  # an actor key's id and its number of events


def actor_keys(conn: Connection, actors: Resolved) -> list[Key]:
    """The keys of the (actor id, text) pairs an actor filter matches: those with one of the
    resolved ids or texts (migration 10), with their running counts."""
    ids, texts = [i for i in actors[0] if i], actors[1]
    parts, params = [], []
    for column, values in (("actor_id", ids), ("actor_text", texts)):
        if values:
            parts.append(f"{column} IN ({', '.join('?' * len(values))})")
            params += values
    if not parts:
        return []
    sql = f"SELECT id, n FROM actor_keys WHERE {' OR '.join(parts)} ORDER BY id"
    return [(int(r[0]), int(r[1])) for r in conn.execute(sql, params)]


def narrow(where: str, params: list[Any], f: EventFilter, table: str, value: Any,
           joined: bool = True) -> tuple[str, list[Any]]:
    """``where`` (over e) narrowed to the rows c of ``table`` for ``value`` (FROM says
    ``c CROSS JOIN e`` when ``joined``), f's date range said on c, so that the walk of c's
    date index starts and stops at the range."""
    clauses = ["e.article_id = c.article_id", "e.id = c.event_id"] if joined else []
    clauses.append(f"c.{COLUMNS[table]} = ?")
    values: list[Any] = [value]
    if f.since or f.until:
        clauses.append("(c.sort_date IS NULL) = FALSE")
    if f.since:
        clauses.append("c.sort_date >= ?")
        values.append(str(day(f.since, "since")))
    if f.until:
        clauses.append("c.sort_date <= ?")
        values.append(f"{day(f.until, 'until')}~")
    extra = " AND ".join(clauses)
    return (f"{where} AND {extra}" if where else f" WHERE {extra}"), [*params, *values]


def _undated(rest: EventFilter) -> EventFilter:
    return dataclasses.replace(rest, since=None, until=None)  # said on c by narrow()


def page(f: EventFilter, rest: EventFilter, table: str, value: Any, columns: str,
         actors: Resolved | None = None) -> tuple[str, list[Any]]:
    """A page of events in f's date order walked in ``table``'s rows for ``value``; ``rest`` is
    f without the filter ``value`` stands for, its others probed event by event."""
    where, params = event_where(_undated(rest), True, actors)
    where, params = narrow(where, params, f, table, value)
    orders = DATED_ORDERS if (f.since or f.until) else ORDERS
    sql = (f"SELECT {columns}{_FROM.format(table=table)} JOIN articles a ON a.id = e.article_id"
           f"{where} ORDER BY {orders[f.sort]} LIMIT ? OFFSET ?")
    return sql, [*params, f.limit, max(0, int(f.offset))]


def count(conn: Connection, f: EventFilter, rest: EventFilter, table: str, value: Any,
          actors: Resolved | None = None) -> int:
    """How many events match ``f``, read from ``table``'s rows for ``value``."""
    where, params = event_where(_undated(rest), False, actors)
    if not where:  # no filter but the value and dates: its rows alone
        where, params = narrow("", [], f, table, value, joined=False)
        return int(conn.execute(f"SELECT COUNT(*) FROM {table} c{where}", params).fetchone()[0])
    where, params = narrow(where, params, f, table, value)
    sql = f"SELECT COUNT(*){_FROM.format(table=table)}{where}"
    return int(conn.execute(sql, params).fetchone()[0])
