"""Read queries over the SQLite store: articles (with full-text search), events, actors,
statements, rejections and counts. Every user value is a bound parameter.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from wardesk.records import ArticleRecord, record_from_dict
from wardesk.store import lookups, search, totals
from wardesk.store.filters import (
    SORTS,
    EventFilter,
    Resolved,
    actor_match,
    as_country,
    day,
    event_where,
    like,
    order_and_page,
)
from wardesk.store.incident_queries import with_incidents
from wardesk.store.rows import flat_event
from wardesk.store.schema import rows

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

ARTICLE_FIELDS = (
    "id, source_id, title, url, publisher, published, author, language, words, origin,"
    " tone_score, saved"
)
_EVENT_FROM = " FROM events e JOIN articles a ON a.id = e.article_id"
_EVENT_COLUMNS = ("e.data, a.id, a.title, a.published, a.url, a.publisher, a.source_id,"
                  " e.background, e.incident")  # the last two: migration 14


def articles(conn: Connection, q: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    fields = ", ".join(f"a.{name.strip()}" for name in ARTICLE_FIELDS.split(","))
    counts = "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events"
    page = [max(0, limit), max(0, offset)]
    if q is None or not q.strip():
        sql = (f"SELECT {fields}, {counts} FROM articles a"
               " ORDER BY a.published IS NULL, a.published DESC, a.pk DESC LIMIT ? OFFSET ?")
        return [dict(r) for r in conn.execute(sql, page)]
    return search.search(conn, q, fields, counts, page)


def article(conn: Connection, article_id: str) -> dict[str, Any] | None:
    row = conn.execute(f"SELECT {ARTICLE_FIELDS}, text FROM articles WHERE id = ?", (article_id,))
    found = row.fetchone()
    return dict(found) if found else None


def has_article(conn: Connection, article_id: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def record(conn: Connection, article_id: str) -> ArticleRecord | None:
    row = conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
    return record_from_dict(with_incidents(conn, json.loads(row[0]))) if row else None


def record_json(conn: Connection, f: EventFilter | None) -> Iterator[str]:
    """Whole records as stored JSON text, in published order; with ``f``, those that have an
    event matching it."""
    if f is None:
        sql, params = "SELECT record FROM articles ORDER BY published, pk", list[Any]()
    else:
        where, params = event_where(f)
        sql = ("SELECT a.record FROM articles a WHERE a.id IN"
               f" (SELECT e.article_id{_EVENT_FROM}{where}) ORDER BY a.published, a.pk")
    for row in conn.execute(sql, params):
        yield row[0]


def records(conn: Connection, f: EventFilter | None) -> Iterator[ArticleRecord]:
    for text in record_json(conn, f):
        yield record_from_dict(with_incidents(conn, json.loads(text)))


def _event_from_row(row: Any) -> dict[str, Any]:
    meta = {"id": row[1], "title": row[2], "published": row[3], "url": row[4],
            "publisher": row[5], "source_id": row[6]}
    event = json.loads(row[0])
    event["background"], event["incident"] = bool(row[7]), row[8]  # kept by the store
    return flat_event(event, meta)


# A page of events for an actor or country with more matches than this walks the date index and
# probes each event (it soon finds a page); with fewer, the matches are looked up and sorted.
WALK_ABOVE = 5000


RESOLVE_AT_MOST = 200  # more matching ids or texts than this: the actor stays a subquery


def resolve_actor(conn: Connection, actor: str) -> Resolved | None:
    """The ids (``actor`` itself and those whose name contains it) and texts of ``actor``."""
    bound = [like(actor), RESOLVE_AT_MOST + 1]
    ids = [actor, *(r[0] for r in conn.execute(
        "SELECT id FROM actors WHERE name LIKE ? ESCAPE '\\' LIMIT ?", bound))]
    texts = [r[0] for r in conn.execute(
        "SELECT text FROM actor_texts WHERE text LIKE ? ESCAPE '\\' LIMIT ?", bound)]
    if len(ids) > RESOLVE_AT_MOST or len(texts) > RESOLVE_AT_MOST:
        return None
    return list(dict.fromkeys(ids)), texts


def _walk(conn: Connection, f: EventFilter, actors: Resolved | None) -> bool:
    """Whether a page for ``f`` should walk an index in its order, probing actor/country."""
    if f.limit is None or not (f.actor or f.country):
        return False
    checks = []
    if f.country:
        checks.append(("SELECT 1 FROM event_codes c WHERE c.code = ?", [f.country.strip().upper()]))
    if f.actor:
        match, params = actor_match(f.actor, actors)
        checks.append((f"SELECT 1 FROM event_actors ea WHERE {match}", params))
    bound = WALK_ABOVE + f.offset
    return all(
        conn.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT ?) m", [*params, bound]).fetchone()[0]
        >= bound for sql, params in checks)


def _page_sql(conn: Connection, f: EventFilter) -> tuple[str, list[Any]]:
    """The SELECT for a page of events matching ``f`` and its parameters."""
    actors = resolve_actor(conn, f.actor) if f.actor else None
    in_order = f.sort in lookups.ORDERS and f.limit is not None
    keys = lookups.actor_keys(conn, actors) if actors is not None else None
    if in_order and keys is not None and len(keys) == 1:  # walk the actor's one key
        return lookups.page(f, dataclasses.replace(f, actor=None), "event_keys", keys[0][0],
                            _EVENT_COLUMNS)
    if in_order and keys:  # gather the first events of each key
        return lookups.page_of_keys(conn, f, dataclasses.replace(f, actor=None), keys,
                                    _EVENT_COLUMNS, SORTS)
    walk = _walk(conn, f, actors)
    if f.country and in_order and (walk or not f.actor):
        if not (f.type and not f.actor and totals.type_rarer(conn, f.type, f.country)):
            return lookups.page(f, dataclasses.replace(f, country=None), "event_codes",
                                f.country.strip().upper(), _EVENT_COLUMNS, actors)
        walk = True  # walk the type's events in date order, probing the country
    page, page_params = order_and_page(f)
    where, params = event_where(f, walk, actors)
    if in_order and (f.since or f.until):  # a date range: no NULL dates, walk sort_date
        where += " AND (e.sort_date IS NULL) = FALSE"
        page = page.replace("e.sort_date IS NULL, ", "", 1)
    # events outer, each looking its article up by id (no filter reads the articles): SQLite
    # keeps a CROSS JOIN's left side outer, where statistics sampled on a large store once made
    # it join every article and sort (the page of all events: 1.7-2.7 s at 1M, then 6-14 ms)
    where = f"{where} AND a.id = e.article_id" if where else " WHERE a.id = e.article_id"
    return (f"SELECT {_EVENT_COLUMNS} FROM events e CROSS JOIN articles a{where}{page}",
            [*params, *page_params])


def iter_events(conn: Connection, f: EventFilter) -> Iterator[dict[str, Any]]:
    sql, params = _page_sql(conn, f)
    for row in rows(conn, sql, params, whole=f.limit is None):
        yield _event_from_row(row)


def count_events(conn: Connection, f: EventFilter) -> int:
    # no join to articles: no filter reads them, and every event has one (foreign key)
    if f.background is False:  # every report less the recaps (their own index, migration 18)
        return (count_events(conn, dataclasses.replace(f, background=None))
                - count_events(conn, dataclasses.replace(f, background=True)))
    actors = resolve_actor(conn, f.actor) if f.actor else None
    if totals.covers_days(f) and f != EventFilter(limit=f.limit, offset=f.offset, sort=f.sort):
        return _count_from_totals(conn, f)
    keys = lookups.actor_keys(conn, actors) if actors is not None else None
    if keys is not None:  # the actor's keys (none: no event names it)
        return lookups.count_keys(conn, f, dataclasses.replace(f, actor=None), keys) if keys else 0
    if f.country:  # count the country's rows of event_codes (one per event it touches)
        return lookups.count(conn, f, dataclasses.replace(f, country=None), "event_codes",
                             f.country.strip().upper(), actors)
    if f.actor and _only_actor(f):  # the distinct events among the actor's rows
        match, params = actor_match(f.actor, actors)
        sql = ("SELECT COUNT(*) FROM (SELECT DISTINCT ea.article_id, ea.event_id"
               f" FROM event_actors ea WHERE {match}) m")
        return int(conn.execute(sql, params).fetchone()[0])
    where, params = event_where(f, False, actors)
    return int(conn.execute(f"SELECT COUNT(*) FROM events e{where}", params).fetchone()[0])


def _count_from_totals(conn: Connection, f: EventFilter) -> int:
    """A count by country, type and dates only: the running totals (migrations 6, 8), plus
    the events without any date when no date range excludes them."""
    counted = sum(row["count"] for row in totals.per_day(conn, f))
    if f.since or f.until:
        return counted
    undated = dataclasses.replace(f, since=None, until=None, country=None)
    where, params = event_where(undated)
    where = f"{where} AND e.sort_date IS NULL" if where else " WHERE e.sort_date IS NULL"
    if f.country:
        where, params = lookups.narrow(where, params, f, "event_codes", f.country.strip().upper())
        sql = f"SELECT COUNT(*) FROM event_codes c CROSS JOIN events e{where} AND c.sort_date IS NULL"
    else:
        sql = f"SELECT COUNT(*) FROM events e{where}"
    return counted + int(conn.execute(sql, params).fetchone()[0])


def _only_actor(f: EventFilter) -> bool:
    return f == EventFilter(actor=f.actor, limit=f.limit, offset=f.offset, sort=f.sort)


_ACTOR_COUNTS = (
    "(SELECT COUNT(DISTINCT ea.article_id || ' ' || ea.event_id) FROM event_actors ea"
    " WHERE ea.actor_id = ac.id AND ea.role = 'source') AS events_as_source,"
    " (SELECT COUNT(DISTINCT ea.article_id || ' ' || ea.event_id) FROM event_actors ea"
    " WHERE ea.actor_id = ac.id AND ea.role = 'target') AS events_as_target,"
    " (SELECT COUNT(*) FROM statements s WHERE s.speaker = ac.id) AS statements,"
    " (SELECT COUNT(*) FROM article_actors aa WHERE aa.actor_id = ac.id) AS articles"
)


def _actor_dict(row: Any) -> dict[str, Any]:
    out = dict(row)
    out["aliases"] = json.loads(out["aliases"])
    out["members"] = json.loads(out["members"])
    return out


def actors(conn: Connection, country: str | None, sector: str | None, text: str | None,
           limit: int) -> list[dict[str, Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if country:
        clauses.append("ac.country = ?")
        params.append(country.strip().upper())
    if sector:
        clauses.append("ac.sector = ?")
        params.append(sector.strip().upper())
    if text:
        clauses.append("(ac.id = ? OR ac.name LIKE ? ESCAPE '\\' OR ac.aliases LIKE ? ESCAPE '\\')")
        params += [text, like(text), like(text)]
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    # a subquery: PostgreSQL cannot sort on an expression of output column names
    sql = (f"SELECT * FROM (SELECT ac.*, {_ACTOR_COUNTS} FROM actors ac{where}) ac"
           " ORDER BY ac.events_as_source + ac.events_as_target + ac.statements DESC, ac.name"
           " LIMIT ?")
    return [_actor_dict(r) for r in conn.execute(sql, [*params, max(0, limit)])]


def actor(conn: Connection, actor_id: str) -> dict[str, Any] | None:
    row = conn.execute(f"SELECT ac.*, {_ACTOR_COUNTS} FROM actors ac WHERE ac.id = ?", (actor_id,))
    found = row.fetchone()
    return _actor_dict(found) if found else None


def statements(conn: Connection, actor: str | None, text: str | None, since: str | None,
               until: str | None, limit: int) -> list[dict[str, Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if actor:  # an actor id, an ISO3 country (the speaker's), or a name substring
        clauses.append("(s.speaker = ? OR s.speaker_text LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1"
                       " FROM actors ac WHERE ac.id = s.speaker"
                       " AND (ac.name LIKE ? ESCAPE '\\' OR ac.country = ?)))")
        params += [actor, like(actor), like(actor), as_country(actor)]
    if text:
        clauses.append("s.content LIKE ? ESCAPE '\\'")
        params.append(like(text))
    if since:
        clauses.append("a.published >= ?")
        params.append(day(since, "since"))
    if until:
        clauses.append("a.published <= ?")
        params.append(day(until, "until"))
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = ("SELECT s.speaker, s.speaker_text AS \"speakerText\", s.cue, s.content, s.direct,"
           " s.certainty, s.start, s.\"end\", s.article_id, a.title AS article_title, a.published"
           f" FROM statements s JOIN articles a ON a.id = s.article_id{where}"
           " ORDER BY a.published IS NULL, a.published DESC, s.article_id, s.seq LIMIT ?")
    rows = [dict(r) for r in conn.execute(sql, [*params, max(0, limit)])]
    for r in rows:
        r["direct"] = bool(r["direct"])
    return rows


def rejections(conn: Connection, limit: int) -> list[dict[str, Any]]:
    sql = "SELECT source, reason, message, time FROM rejections ORDER BY id DESC LIMIT ?"
    return [dict(r) for r in conn.execute(sql, (max(0, limit),))]


COUNTED = ("articles", "events", "actors", "statements", "positions", "rejections")


def counts(conn: Connection) -> dict[str, int]:
    # table names come from the constant above, never from a caller
    return {t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in COUNTED}
