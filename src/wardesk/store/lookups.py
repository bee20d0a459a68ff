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
    """``where`` (over e) narrowed to the rows c of ``table`` for ``value`` (or one of a list of
    values; FROM says ``c CROSS JOIN e`` when ``joined``), f's date range said on c, so that the
    walk of c's date index starts and stops at the range."""
    clauses = ["e.article_id = c.article_id", "e.id = c.event_id"] if joined else []
    values: list[Any] = value if isinstance(value, list) else [value]
    marks = ", ".join("?" * len(values))
    clauses.append(f"c.{COLUMNS[table]} IN ({marks})" if isinstance(value, list)
                   else f"c.{COLUMNS[table]} = ?")
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


# --- an actor filter that matches several keys ---------------------------------------------


def page_of_keys(conn: Connection, f: EventFilter, rest: EventFilter, keys: list[Key],
                 columns: str, orders: dict[str, str]) -> tuple[str, list[Any]]:
    """A page of the events of several actor keys in f's date order. The first offset+limit
    events of the union lie at or before the tightest of the keys' own (offset+limit)-th
    events (that key alone has that many there), so only the rows up to that bound are
    gathered and sorted: at most about offset+limit per key, however frequent the keys."""
    wanted = max(0, int(f.offset)) + int(f.limit or 0)
    bounds = [_bound(conn, f, rest, key, wanted) for key, n in keys if n >= wanted > 0]
    found = [b for b in bounds if b is not None]
    where, params = narrow("", [], f, "event_keys", [key for key, _ in keys], joined=False)
    if found:
        null, date = min(found, key=lambda b: (b[0], _Reverse(b[1]) if f.sort == "-date"
                                               else b[1]))
        if not null:  # (pinning "IS NULL" lets the bound seek in the date index)
            where += " AND (c.sort_date IS NULL) = FALSE" if not (f.since or f.until) else ""
            where += " AND c.sort_date <= ?" if f.sort == "date" else " AND c.sort_date >= ?"
            params.append(date)
    rest_where, rest_params = event_where(_undated(rest), True)
    rest_where = rest_where.replace(" WHERE ", " AND ", 1)
    sql = (f"SELECT {columns} FROM (SELECT DISTINCT c.article_id, c.event_id FROM event_keys c"
           f"{where}) m CROSS JOIN events e JOIN articles a ON a.id = e.article_id"
           f" WHERE e.article_id = m.article_id AND e.id = m.event_id{rest_where}"
           f" ORDER BY {orders[f.sort]} LIMIT ? OFFSET ?")
    return sql, [*params, *rest_params, f.limit, max(0, int(f.offset))]


class _Reverse:
    """Orders strings backwards (for the newest-first bound)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __lt__(self, other: _Reverse) -> bool:
        return self.text > other.text


def _bound(conn: Connection, f: EventFilter, rest: EventFilter, key: int,
           wanted: int) -> tuple[bool, str] | None:
    """(date is NULL, date) of the ``wanted``-th event of ``key`` matching f in f's date order;
    None when fewer match."""
    where, params = event_where(_undated(rest), True)
    joined = bool(where)
    where, params = narrow(where, params, f, "event_keys", key, joined)
    order = "c.sort_date" if f.sort == "date" else "c.sort_date DESC"
    if not (f.since or f.until):
        order = f"c.sort_date IS NULL, {order}"
    tables = "event_keys c CROSS JOIN events e" if joined else "event_keys c"
    sql = f"SELECT c.sort_date IS NULL, c.sort_date FROM {tables}{where} ORDER BY {order} LIMIT 1 OFFSET ?"
    row = conn.execute(sql, [*params, wanted - 1]).fetchone()
    return None if row is None else (bool(row[0]), row[1] or "")


def count_keys(conn: Connection, f: EventFilter, rest: EventFilter, keys: list[Key]) -> int:
    """How many events of several actor keys match f: those of the most frequent key, plus
    those of the others that it does not name (each probed in its index)."""
    (big, n), *others = sorted(keys, key=lambda k: (-k[1], k[0]))
    alone = not event_where(_undated(rest))[0] and not (f.since or f.until)
    total = n if alone else count(conn, f, rest, "event_keys", big)
    if not others:
        return total
    where, params = event_where(_undated(rest), True)
    joined = bool(where)
    where, params = narrow(where, params, f, "event_keys", [k for k, _ in others], joined)
    tables = "event_keys c CROSS JOIN events e" if joined else "event_keys c"
    sql = (f"SELECT COUNT(*) FROM (SELECT DISTINCT c.article_id, c.event_id FROM {tables}{where}"
           " AND NOT EXISTS (SELECT 1 FROM event_keys b WHERE b.actor_key = ?"
           " AND b.article_id = c.article_id AND b.event_id = c.event_id)) m")
    return total + int(conn.execute(sql, [*params, big]).fetchone()[0])
