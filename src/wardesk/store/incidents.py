"""Keeping incidents (migration 14) as events are saved and deleted, and rebuilding them all.

An incident is a connected component of the merge rule (wardesk.incidents): a new event joins
every stored incident one of whose reports it matches (so a bridging report merges two), found
through the events of its type within a day of its date (index events_type_day), never by a
scan. Deleting an article splits what only its events held together. Since the components of
a symmetric pairwise rule do not depend on the order reports arrive in, saving in any order, in
batches, or rebuilding gives the same incidents with the same ids.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from wardesk.incidents import Report, cluster, report_from_event, same_incident, summarise
from wardesk.incidents.cluster import UnionFind
from wardesk.incidents.report import Key
from wardesk.incidents.rule import default_rule
from wardesk.incidents.story import anchors
from wardesk.store import incident_totals
from wardesk.store.schema import is_postgres

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

REPORT_COLUMNS = ("e.article_id, e.id, e.type, e.background, e.incident, e.data, a.published,"
                  " a.publisher, a.source_id, e.anchor")
_FROM = " FROM events e JOIN articles a ON a.id = e.article_id"
_LOCK = 0x1AC1DE  # PostgreSQL writers take turns at assigning incidents (advisory lock)
_CHUNK = 400
INCIDENT_COLUMNS = (
    "id", "type", "date_value", "date_granularity", "sort_date", "place", "place_country",
    "source", "target", "dead_min", "dead_max", "injured_min", "injured_max", "status",
    "certainty", "first_reported", "last_reported", "reports", "articles", "publishers",
    "is_current",
)


def report_of(row: Any) -> Report:
    """A stored event (REPORT_COLUMNS) as the merge rule's report."""
    event = json.loads(row[5])
    event["event"] = row[2]  # the canonical type
    event["background"] = bool(row[3])
    article = {"id": row[0], "published": row[6], "publisher": row[7], "source_id": row[8]}
    return report_from_event(event, article, row[4], row[9])


def _reports(conn: Connection, where: str, params: Sequence[Any]) -> list[Report]:
    sql = f"SELECT {REPORT_COLUMNS}{_FROM} WHERE {where} ORDER BY e.article_id, e.id"
    return [report_of(r) for r in conn.execute(sql, list(params))]


def _window(r: Report) -> tuple[str, str] | None:
    """The sort_date range where the rule's partners of ``r`` lie."""
    if r.period is not None:
        return r.period[1], r.period[1] + "~"
    if r.day is None:
        return None
    gap = dt.timedelta(days=default_rule().reach)
    return (r.day - gap).isoformat(), (r.day + gap).isoformat() + "~"


def candidates(conn: Connection, r: Report) -> list[Report]:
    """The stored events that could be one incident with ``r``: its type, within a day."""
    window = _window(r)
    if window is None:
        return []
    return _reports(conn, "e.type = ? AND e.sort_date >= ? AND e.sort_date <= ?",
                    [r.type, *window])


def _articles(conn: Connection, article_ids: Iterable[str]) -> list[Report]:
    """Every event of these articles (the primary key's first column)."""
    articles = sorted(set(article_ids))
    found: list[Report] = []
    for start in range(0, len(articles), _CHUNK):
        chunk = articles[start:start + _CHUNK]
        found += _reports(conn, f"e.article_id IN ({', '.join('?' * len(chunk))})", chunk)
    return found


def _anchored(conn: Connection, reports: list[Report]) -> list[Report]:
    """``reports`` (whole articles) with their anchors (story.py), the changed ones stored."""
    found = anchors(reports)
    out, changed = [], []
    for r in reports:
        anchor = found[r.key][1] if r.key in found else None
        if anchor != r.anchor:
            changed.append((anchor, *r.key))
            r = dataclasses.replace(r, anchor=anchor)
        out.append(r)
    conn.executemany("UPDATE events SET anchor = ? WHERE article_id = ? AND id = ?", changed)
    return out


def members(conn: Connection, incident_ids: Iterable[str]) -> list[Report]:
    ids = sorted(set(incident_ids))
    found: list[Report] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        found += _reports(conn, f"e.incident IN ({', '.join('?' * len(chunk))})", chunk)
    return found


def _lock(conn: Connection) -> None:
    if is_postgres(conn):
        conn.execute("SELECT pg_advisory_xact_lock(?)", (_LOCK,))


def assign(conn: Connection, keys: Iterable[Key]) -> None:
    """Give the new events ``keys`` (saved in the caller's transaction) their incidents: each
    joins its anchor's (an event of its article, story.py) and the incidents of the stored
    events it matches, which merge."""
    wanted = set(keys)
    article = _anchored(conn, _articles(conn, {aid for aid, _ in wanted}))
    new = [r for r in article if r.key in wanted]
    if not new:
        return
    _lock(conn)
    uf = UnionFind()
    reports = {r.key: r for r in article}
    for r in new:
        uf.add(r.key)
        if r.anchor is not None:
            uf.union(r.key, (r.key[0], r.anchor))
        for c in candidates(conn, r):
            if c.key != r.key and same_incident(r, c):
                uf.union(r.key, c.key)
                reports.setdefault(c.key, c)
    for r in article:  # an older event of the article an anchor reaches (a load in chunks)
        if r.key not in wanted and r.anchor is not None and (r.key[0], r.anchor) in wanted:
            uf.union(r.key, (r.key[0], r.anchor))
    linked = {k for k in uf.parent}
    touched = {str(reports[k].incident) for k in linked if reports[k].incident is not None}
    first: dict[str, Key] = {}
    for m in members(conn, touched):  # each stored incident is already one component
        reports[m.key] = m
        uf.union(m.key, first.setdefault(str(m.incident), m.key))
    groups = [[reports[k] for k in group] for group in uf.groups()]
    write(conn, groups, touched)


def write(conn: Connection, groups: Sequence[Sequence[Report]], old: Iterable[str]) -> None:
    """Replace the incidents ``old`` by those of ``groups`` and point their events at them."""
    old = sorted(set(old))
    delta: incident_totals.Delta = Counter()
    for start in range(0, len(old), _CHUNK):
        chunk = old[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        incident_totals.removed(conn, chunk, delta)
        conn.execute(f"DELETE FROM incidents WHERE id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM incident_codes WHERE incident IN ({marks})", chunk)
    rows, moves, codes = [], [], []
    for group in groups:
        summary = summarise(group)
        row = incident_row(summary)
        rows.append(row)
        moves += [(summary["id"], *r.key) for r in group if r.incident != summary["id"]]
        touched = sorted(touched_codes(group))
        codes += [(code, summary["id"], int(summary["current"]), row[4]) for code in touched]
        incident_totals.added(row[1], row[4], summary["current"], touched, delta)
    incident_totals.apply(conn, delta)
    names = ", ".join(INCIDENT_COLUMNS)
    conn.executemany(f"INSERT INTO incidents ({names}) VALUES"
                     f" ({', '.join('?' * len(INCIDENT_COLUMNS))})", sorted(rows))
    conn.executemany("UPDATE events SET incident = ? WHERE article_id = ? AND id = ?",
                     sorted(moves))
    conn.executemany("INSERT INTO incident_codes (code, incident, is_current, sort_date)"
                     " VALUES (?, ?, ?, ?)", sorted(codes))


def write_given(conn: Connection, groups: Iterable[Sequence[Report]]) -> None:
    """Incidents known in advance (a generator of synthetic records that knows which reports
    retell which incident): each group of stored events, with their anchors, written as
    ``assign`` and ``rebuild`` write the incidents they find; rows identical to theirs when the
    groups are the merge rule's components (tests/store/test_store_generated_incidents.py)."""
    batch: list[Sequence[Report]] = []
    anchored: list[tuple[str, str, str]] = []
    for group in groups:
        batch.append(group)
        anchored += [(r.anchor, *r.key) for r in group if r.anchor is not None]
        if len(batch) >= _CHUNK * 10:
            write(conn, batch, ())
            batch = []
    write(conn, batch, ())
    conn.executemany("UPDATE events SET anchor = ? WHERE article_id = ? AND id = ?",
                     sorted(anchored))


def touched_codes(group: Sequence[Report]) -> set[str]:
    """The countries an incident's reports touch: their actors' and places' (as event_codes)."""
    found = {p.code for r in group for p in (*r.source, *r.target) if p.code}
    return found | {r.place.country for r in group if r.place is not None and r.place.country}


def incident_row(s: dict[str, Any]) -> tuple[Any, ...]:
    """The incidents row of a summary (cluster.summarise)."""
    date, place = s["date"] or {}, s["place"]
    dead, injured = s["dead"] or {}, s["injured"] or {}
    return (
        s["id"], s["type"], date.get("value"), date.get("granularity"),
        date.get("value") or s["first_reported"],
        json.dumps(place, ensure_ascii=False) if place else None,
        place.get("country") if place else None,
        json.dumps(s["source"], ensure_ascii=False), json.dumps(s["target"], ensure_ascii=False),
        dead.get("min"), dead.get("max"), injured.get("min"), injured.get("max"),
        s["status"], s["certainty"], s["first_reported"], s["last_reported"],
        s["reports_count"], s["articles"], s["publishers"], int(s["current"]),
    )


def before_delete(conn: Connection, article_id: str) -> list[str]:
    """The incidents the article's events belong to (call before deleting it)."""
    return sorted({r[0] for r in conn.execute(
        "SELECT DISTINCT incident FROM events WHERE article_id = ? AND incident IS NOT NULL",
        [article_id])})


def after_delete(conn: Connection, incident_ids: list[str]) -> None:
    """Recompute ``incident_ids`` from the events they have left (components may split)."""
    if not incident_ids:
        return
    _lock(conn)
    write(conn, cluster(members(conn, incident_ids)), incident_ids)


def pending(conn: Connection) -> int:
    """How many events have no incident yet (stored before migration 14)."""
    return int(conn.execute("SELECT COUNT(*) FROM events WHERE incident IS NULL").fetchone()[0])


def rebuild(conn: Connection) -> int:
    """Every incident computed again from all events (after a change of the rule, or for a
    store upgraded to migration 14), in the caller's transaction; returns how many there are.
    Events are read in (type, date) order and compared within a day's window, so memory
    holds a few days of one type, not the store."""
    _lock(conn)
    _all_anchors(conn)
    conn.execute("DELETE FROM incidents")
    conn.execute("DELETE FROM incident_codes")
    incident_totals.clear(conn)
    conn.execute("UPDATE events SET incident = NULL WHERE incident IS NOT NULL")
    count = 0
    batch: list[list[Report]] = []
    for group in _components(_all_reports(conn)):
        batch.append(group)
        if len(batch) >= _CHUNK:
            write(conn, batch, ())
            count, batch = count + len(batch), []
    write(conn, batch, ())
    return count + len(batch)


def _all_anchors(conn: Connection) -> None:
    """Every article's anchors (story.py) computed again, article by article."""
    sql = f"SELECT {REPORT_COLUMNS}{_FROM} ORDER BY e.article_id, e.id"
    changed: list[tuple[str | None, str, str]] = []
    article: list[Report] = []
    cursor = conn.execute(sql)
    while rows := cursor.fetchmany(1000):
        for r in (report_of(row) for row in rows):
            if article and article[0].key[0] != r.key[0]:
                changed += _changed_anchors(article)
                article = []
            article.append(r)
    changed += _changed_anchors(article)
    conn.executemany("UPDATE events SET anchor = ? WHERE article_id = ? AND id = ?", changed)


def _changed_anchors(article: list[Report]) -> list[tuple[str | None, str, str]]:
    found = anchors(article)
    out = []
    for r in article:
        anchor = found[r.key][1] if r.key in found else None
        if anchor != r.anchor:
            out.append((anchor, *r.key))
    return out


def _all_reports(conn: Connection) -> Iterator[Report]:
    sql = f"SELECT {REPORT_COLUMNS}{_FROM} ORDER BY e.type, e.sort_date, e.article_id, e.id"
    cursor = conn.execute(sql)
    while rows := cursor.fetchmany(1000):
        yield from (report_of(r) for r in rows)


def _components(reports: Iterator[Report]) -> Iterator[list[Report]]:
    """The incidents of reports read in (type, sort_date) order: each is compared with the
    reports of its type within the rule's reach before it (and, for a week, month or year, of
    the same period) and linked to its anchor (the same article, within a day); a component is given out
    once no report in the window can reach it."""
    uf = UnionFind()
    window: list[tuple[str, Report]] = []  # (how far it reaches, the report)
    held: dict[Key, Report] = {}
    kind = None
    reach = dt.timedelta(days=default_rule().reach)
    for r in reports:
        if r.type != kind:
            yield from _flush(uf, held, window, None)
            uf, window, held, kind = UnionFind(), [], {}, r.type
        if r.day is not None and r.period is None:  # (a period report moves no horizon)
            yield from _flush(uf, held, window, r.day - reach)
        uf.add(r.key)
        held[r.key] = r
        if r.anchor is not None:  # within a day of it: seen already, or soon (story.py)
            uf.union(r.key, (r.key[0], r.anchor))
        for c in _partners(r, window):
            if uf.find(c.key) != uf.find(r.key) and same_incident(r, c):
                uf.union(r.key, c.key)
        window.append((_reach(r), r))
    yield from _flush(uf, held, window, None)


def _partners(r: Report, window: list[tuple[str, Report]]) -> Iterator[Report]:
    """The reports of the window the rule may pair with ``r``: places in two countries are a
    veto (rule.place_agreement), so those are not even compared."""
    country = r.place.country if r.place is not None else None
    for _, c in window:
        if country is None or c.place is None or c.place.country in (None, country):
            yield c


def _reach(r: Report) -> str:
    """How far in sort_date order a report in the window can still meet another."""
    if r.period is not None:
        return r.period[1]
    return r.day.isoformat() if r.day is not None else ""


def _flush(uf: UnionFind, held: dict[Key, Report], window: list[tuple[str, Report]],
           horizon: dt.date | None) -> Iterator[list[Report]]:
    """Drop from ``window`` the reports before ``horizon`` (None: all of them) and give out
    the components none of the remaining reports belongs to."""
    if horizon is not None:
        edge = horizon.isoformat()
        keep = [(at, c) for at, c in window if at >= edge]
        if len(keep) == len(window):
            return
    else:
        keep = []
    window[:] = keep
    live = {uf.find(c.key) for _, c in keep}
    done: dict[Key, list[Report]] = {}
    for key in list(held):
        root = uf.find(key)
        if root not in live:
            done.setdefault(root, []).append(held.pop(key))
    for root in sorted(done):
        yield sorted(done[root], key=lambda r: r.key)


def has_events(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() is not None


def assign_pending(conn: Connection, rebuild_all: bool = False) -> None:
    """Incidents for the events that have none (after a bulk load): all rebuilt in one pass
    when ``rebuild_all`` (the store held no events before), else joined a chunk at a time."""
    if rebuild_all:
        rebuild(conn)
        return
    while keys := [(r[0], r[1]) for r in conn.execute(
            "SELECT article_id, id FROM events WHERE incident IS NULL"
            " ORDER BY article_id, id LIMIT ?", [_CHUNK])]:
        assign(conn, keys)
