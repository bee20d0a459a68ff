"""EventFilter, the one way to ask for events, and its translation into a bound SQL WHERE clause.

User strings only ever reach SQL as bound parameters; LIKE patterns escape % and _.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from wardesk.errors import UsageError
from wardesk.records import CERTAINTIES, EVENT_TYPES, QUAD_CLASS, STATUSES
from wardesk.store.rows import canonical_type

QUADS: tuple[str, ...] = tuple(dict.fromkeys(QUAD_CLASS.values()))
# PLOVER numbers its quad classes 1-4 in this order.
QUAD_NUMBERS = {"1": "verbal_cooperation", "2": "material_cooperation",
                "3": "verbal_conflict", "4": "material_conflict"}
SORTS = {
    "date": "e.sort_date IS NULL, e.sort_date, a.published, e.article_id, e.seq",
    "-date": "e.sort_date IS NULL, e.sort_date DESC, a.published DESC, e.article_id, e.seq",
    "type": "e.type, e.sort_date, e.article_id, e.seq",
}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NO_LIMIT = 2**62  # "all rows" in a LIMIT both SQLite and PostgreSQL accept (-1 is SQLite's only)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field is optional and they combine with AND.

    actor: an actor id, or a substring of an actor's name; country: ISO3 code of an actor on
    either side or of the place;
    since/until: YYYY-MM-DD on the event's date (the article's published date when it has none);
    place: a substring of the place name or its ISO3 country; text: substring of the evidence or
    eventText; limit None: no limit (exports); background: None every report, False only
    reports told as news, True only recaps (told as background in their article).
    """

    actor: str | None = None
    country: str | None = None
    type: str | None = None
    quad: str | None = None
    status: str | None = None
    certainty: str | None = None
    since: str | None = None
    until: str | None = None
    place: str | None = None
    text: str | None = None
    article_id: str | None = None
    limit: int | None = 100
    offset: int = 0
    sort: str = "date"
    background: bool | None = None


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (with ESCAPE '\\'); SQLite's LIKE ignores
    ASCII case."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def as_country(text: str) -> str | None:
    """``text`` as an ISO3 country code when it looks like one ("rus" → "RUS"), else None."""
    text = text.strip()
    return text.upper() if len(text) == 3 and text.isalpha() else None


def day_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a day (YYYY-MM-DD and a real date: 2025-02-30 is none),
    or None; the one date check of the store, the API and the pages, so all say the same."""
    if DAY.match(value):
        try:
            date.fromisoformat(value)
            return None
        except ValueError:
            pass
    return f"must be a real date as YYYY-MM-DD, got {value[:40]!r}"


def day(value: str | None, name: str) -> str | None:
    problem = day_problem(value) if value is not None else None
    if problem:
        raise UsageError(f"{name}: {problem}")
    return value


def one_of(value: str, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise UsageError(f"unknown {name} {value!r}: use one of {', '.join(allowed)}")
    return value


def quad_name(value: str) -> str:
    value = QUAD_NUMBERS.get(value.strip(), value.strip().lower())
    return one_of(value, QUADS, "quad")


# The actor and country filters come in two forms with the same meaning. The probe checks an
# event's own rows (EXISTS), best while walking an index in date order for a page of a frequent
# value (see queries.iter_events). The set form first narrows to the articles that have a
# match (through event_codes / actor_texts, migration 4), then probes only their events: best
# for counts, aggregates and rare values. (A row-value IN over (article_id, id) would say it
# more directly, but SQLite re-runs such a subquery per row.)
_ACTOR_MATCH = ("(ea.actor_id = ? OR ea.actor_id IN (SELECT ac.id FROM actors ac"
                " WHERE ac.name LIKE ? ESCAPE '\\') OR ea.actor_text IN (SELECT t.text"
                " FROM actor_texts t WHERE t.text LIKE ? ESCAPE '\\'))")
_COUNTRY_PROBE = ("EXISTS (SELECT 1 FROM event_codes c WHERE c.article_id = e.article_id"
                  " AND c.event_id = e.id AND c.code = ?)")
_COUNTRY_SET = (f"e.article_id IN (SELECT c.article_id FROM event_codes c WHERE c.code = ?)"
                f" AND {_COUNTRY_PROBE}")
# The actor's ids and texts, looked up before the query (queries.resolve_actor): lists of
# values let a planner use its statistics, where a subquery leaves it guessing.
Resolved = tuple[list[str], list[str]]


def actor_params(actor: str) -> list[str]:
    return [actor, like(actor), like(actor)]


def actor_match(actor: str, resolved: Resolved | None = None) -> tuple[str, list[Any]]:
    """The condition on event_actors ea for ``actor``, and its parameters."""
    if resolved is None:
        return _ACTOR_MATCH, actor_params(actor)
    parts, params = [], []
    for column, values in (("ea.actor_id", resolved[0]), ("ea.actor_text", resolved[1])):
        if values:
            parts.append(f"{column} IN ({', '.join('?' * len(values))})")
            params += values
    return (f"({' OR '.join(parts)})" if parts else "(1 = 0)"), params


def _actor_clause(actor: str, probe: bool, resolved: Resolved | None) -> tuple[str, list[Any]]:
    match, params = actor_match(actor, resolved)
    exists = ("EXISTS (SELECT 1 FROM event_actors ea WHERE ea.article_id = e.article_id"
              f" AND ea.event_id = e.id AND {match})")
    if probe:
        return exists, params
    return (f"e.article_id IN (SELECT ea.article_id FROM event_actors ea WHERE {match})"
            f" AND {exists}", [*params, *params])


def event_where(f: EventFilter, probe: bool = False,
                actors: Resolved | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause (over events e JOIN articles a) and its parameters for ``f``; ``probe``:
    actor and country checked event by event (for walking an index in order) instead of as a
    set looked up first; ``actors``: f.actor already resolved. All select the same events."""
    clauses: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        clauses.append(sql)
        params.extend(values)

    if f.actor:
        sql, values = _actor_clause(f.actor, probe, actors)
        add(sql, *values)
    if f.country:
        country = f.country.strip().upper()
        add(*((_COUNTRY_PROBE, country) if probe else (_COUNTRY_SET, country, country)))
    if f.type:
        add("e.type = ?", one_of(canonical_type(f.type), EVENT_TYPES, "event type"))
    if f.quad:
        add("e.quad = ?", quad_name(f.quad))
    if f.status:
        add("e.status = ?", one_of(f.status, STATUSES, "status"))
    if f.certainty:
        add("e.certainty = ?", one_of(f.certainty, CERTAINTIES, "certainty"))
    if f.since:
        add("e.sort_date >= ?", day(f.since, "since"))
    if f.until:
        # a bare day compares below its own timestamps/longer forms; "~" sorts after them
        add("e.sort_date <= ?", f"{day(f.until, 'until')}~")
    if f.place:
        add("(e.place_name LIKE ? ESCAPE '\\' OR e.place_country = ?)",
            like(f.place), f.place.strip().upper())
    if f.text:
        add("(e.evidence LIKE ? ESCAPE '\\' OR e.event_text LIKE ? ESCAPE '\\')",
            like(f.text), like(f.text))
    if f.article_id:
        add("e.article_id = ?", f.article_id)
    if f.background is not None:  # a literal: the recaps' partial index needs to see it
        add("e.background = 1" if f.background else "e.background = 0")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def order_and_page(f: EventFilter) -> tuple[str, list[Any]]:
    """ORDER BY / LIMIT / OFFSET for ``f`` (limit None: all rows)."""
    order = SORTS[one_of(f.sort, tuple(SORTS), "sort")]
    limit = NO_LIMIT if f.limit is None else max(0, int(f.limit))
    return f" ORDER BY {order} LIMIT ? OFFSET ?", [limit, max(0, int(f.offset))]
