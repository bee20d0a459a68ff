"""Reading incidents (migration 14): a page newest first with the filters of events, one
incident with its reports, and each event's incident for records read back.

The filters on the incident itself (type, dates) read the incidents table; those on what its
reports say (country, actor, text, status, certainty, place) keep the incidents one of whose
events matches, as ``wardesk events`` would find it.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from wardesk.records import EVENT_TYPES
from wardesk.store.filters import NO_LIMIT, EventFilter, day, event_where, one_of
from wardesk.store.incidents import INCIDENT_COLUMNS
from wardesk.store.rows import canonical_type
from wardesk.store.schema import rows

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

_ORDER = " ORDER BY i.sort_date IS NULL, i.sort_date DESC, i.id"
_REPORTS = (
    "SELECT e.incident, e.id, e.article_id, a.source_id, a.publisher, a.published, e.evidence,"
    " e.evidence_start, e.evidence_end, e.dead, e.injured, e.status, e.certainty, e.background,"
    " e.date_value, e.place_name, e.attribution"
    " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.incident IN ({marks})"
    " ORDER BY e.incident, a.published IS NULL, a.published, e.article_id, e.seq"
)
_CHUNK = 200


def _where(f: EventFilter, background: bool) -> tuple[str, list[Any]]:
    clauses: list[str] = [] if background else ["i.is_current = 1"]
    params: list[Any] = []
    if f.type:
        clauses.append("i.type = ?")
        params.append(one_of(canonical_type(f.type), EVENT_TYPES, "event type"))
    if f.since:
        clauses.append("i.sort_date >= ?")
        params.append(day(f.since, "since"))
    if f.until:
        clauses.append("i.sort_date <= ?")
        params.append(f"{day(f.until, 'until')}~")
    said = dataclasses.replace(f, type=None, since=None, until=None, limit=None, offset=0,
                               sort="date")
    where, more = event_where(said)
    if where:
        clauses.append(f"i.id IN (SELECT e.incident FROM events e{where})")
        params += more
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def iter_incidents(conn: Connection, f: EventFilter, background: bool = False
                   ) -> Iterator[dict[str, Any]]:
    """Incidents matching ``f``, newest first, each with its reports (limit None: all of
    them, read a chunk at a time)."""
    columns = ", ".join("i." + c for c in INCIDENT_COLUMNS)
    limit = NO_LIMIT if f.limit is None else max(0, int(f.limit))
    if f.country:  # the country's incidents walked in date order (incident_codes)
        where, params = _by_country(f, background)
        sql = (f"SELECT {columns} FROM incident_codes c CROSS JOIN incidents i{where}"
               " ORDER BY c.sort_date IS NULL, c.sort_date DESC, c.incident LIMIT ? OFFSET ?")
    else:
        where, params = _where(f, background)
        sql = f"SELECT {columns} FROM incidents i{where}{_ORDER} LIMIT ? OFFSET ?"
    stream = rows(conn, sql, [*params, limit, max(0, int(f.offset))], whole=f.limit is None)
    while chunk := list(itertools.islice(stream, _CHUNK)):
        found = [_incident(r) for r in chunk]
        reports = _reports_of(conn, [i["id"] for i in found])
        for incident in found:
            incident["reports"] = reports.get(incident["id"], [])
            yield incident


def count_incidents(conn: Connection, f: EventFilter, background: bool = False) -> int:
    if f.country:
        where, params = _by_country(f, background)
        if dataclasses.replace(f, country=None, limit=None, offset=0) == EventFilter(limit=None):
            where = where.replace(" AND i.id = c.incident", "")  # the codes alone
            sql = f"SELECT COUNT(*) FROM incident_codes c{where}"
        else:
            sql = f"SELECT COUNT(*) FROM incident_codes c CROSS JOIN incidents i{where}"
        return int(conn.execute(sql, params).fetchone()[0])
    if not background and dataclasses.replace(
            f, limit=None, offset=0, sort=EventFilter().sort) == EventFilter(limit=None):
        return _current(conn)
    where, params = _where(f, background)
    return int(conn.execute(f"SELECT COUNT(*) FROM incidents i{where}", params).fetchone()[0])


def _current(conn: Connection) -> int:
    """Every current incident: the dated ones from their running totals (migration 21), the
    undated ones (few) counted (counting 750,000 incidents took 80 ms at 1M events)."""
    dated = conn.execute("SELECT COALESCE(SUM(n), 0) FROM incident_day_totals WHERE code = ''"
                         ).fetchone()[0]
    undated = conn.execute("SELECT COUNT(*) FROM incidents i WHERE i.is_current = 1"
                           " AND (i.sort_date IS NULL) = TRUE").fetchone()[0]
    return int(dated) + int(undated)


def _by_country(f: EventFilter, background: bool) -> tuple[str, list[Any]]:
    """The WHERE over ``incident_codes c CROSS JOIN incidents i`` for a filter with a country."""
    rest, params = _where(dataclasses.replace(f, country=None), True)
    clauses = ["c.code = ?"] + ([] if background else ["c.is_current = 1"])
    clauses.append("i.id = c.incident")
    code = (f.country or "").strip().upper()
    return " WHERE " + " AND ".join(clauses) + rest.replace(" WHERE ", " AND ", 1), [code, *params]


def incident(conn: Connection, incident_id: str) -> dict[str, Any] | None:
    row = conn.execute(f"SELECT {', '.join(INCIDENT_COLUMNS)} FROM incidents WHERE id = ?",
                       [incident_id]).fetchone()
    if row is None:
        return None
    found = _incident(row)
    found["reports"] = _reports_of(conn, [incident_id]).get(incident_id, [])
    return found


def _incident(row: Any) -> dict[str, Any]:
    r = dict(zip(INCIDENT_COLUMNS, row, strict=True))
    return {
        "id": r["id"], "type": r["type"],
        "date": {"value": r["date_value"], "granularity": r["date_granularity"]}
        if r["date_value"] else None,
        "place": json.loads(r["place"]) if r["place"] else None,
        "source": json.loads(r["source"]), "target": json.loads(r["target"]),
        "dead": _range(r["dead_min"], r["dead_max"]),
        "injured": _range(r["injured_min"], r["injured_max"]),
        "status": r["status"], "certainty": r["certainty"],
        "first_reported": r["first_reported"], "last_reported": r["last_reported"],
        "report_count": int(r["reports"]), "articles": int(r["articles"]),
        "publishers": int(r["publishers"]), "background": not r["is_current"],
    }


def _range(low: int | None, high: int | None) -> dict[str, int] | None:
    return None if low is None else {"min": int(low), "max": int(high if high is not None else low)}


def _reports_of(conn: Connection, ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start:start + _CHUNK])
        for r in conn.execute(_REPORTS.format(marks=", ".join("?" * len(chunk))), chunk):
            found.setdefault(r[0], []).append({
                "event": r[1], "article": r[2], "source_id": r[3], "publisher": r[4],
                "published": r[5], "evidence": {"text": r[6], "start": r[7], "end": r[8]},
                "dead": r[9], "injured": r[10], "status": r[11], "certainty": r[12],
                "background": bool(r[13]), "date": r[14], "place": r[15], "attribution": r[16],
            })
    return found


def event_incidents(conn: Connection, article_id: str) -> dict[str, tuple[str | None, bool]]:
    """Each event of an article: its incident and whether it is background."""
    return {r[0]: (r[1], bool(r[2])) for r in conn.execute(
        "SELECT id, incident, background FROM events WHERE article_id = ?", [article_id])}


def with_incidents(conn: Connection, record: dict[str, Any]) -> dict[str, Any]:
    """A stored record (its JSON as a dict) with each event's incident and background."""
    known = event_incidents(conn, record.get("article", {}).get("id", ""))
    for event in record.get("events") or ():
        incident, background = known.get(event.get("id"), (None, bool(event.get("background"))))
        event["incident"] = incident
        event["background"] = background
    return record


def headline(incident: dict[str, Any]) -> str:
    """One line for an incident: type, date, place, toll, how many reported it."""
    parts = [incident["type"]]
    if incident.get("date"):
        parts.append(incident["date"]["value"])
    if incident.get("place"):
        parts.append(incident["place"]["name"])
    dead = incident.get("dead")
    if dead:
        toll = str(dead["min"]) if dead["min"] == dead["max"] else f"{dead['min']}–{dead['max']}"
        parts.append(f"{toll} dead")
    reports = incident.get("report_count", len(incident.get("reports") or []))
    parts.append(f"{reports} reports, {incident['publishers']} publishers")
    return " · ".join(parts)


def search_incidents(conn: Connection, text: str, limit: int) -> list[dict[str, Any]]:
    """Incidents one of whose reports says ``text``, newest first, each with a headline."""
    found = iter_incidents(conn, EventFilter(text=text, limit=limit))
    return [{**i, "summary": headline(i)} for i in found]
