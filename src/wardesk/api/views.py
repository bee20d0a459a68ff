"""What each page of the desk shows, as plain JSON-ready data.

The JSON routes return these and the pages render them, so a page and its JSON twin can never
disagree.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from wardesk.records import QUAD_CLASS, to_dict
from wardesk.store import EventFilter, Store, stats
from wardesk.web.highlight import Mark, marks_from_record, segments


def record_dict(store: Store, article_id: str) -> dict[str, Any] | None:
    record = store.record(article_id)
    if record is None:
        return None
    data: dict[str, Any] = to_dict(record)
    return data


def article_view(store: Store, article_id: str) -> dict[str, Any] | None:
    """An article's metadata and text beside its record."""
    article = store.article(article_id)
    if article is None:
        return None
    return {"article": article, "record": record_dict(store, article_id)}


def article_segments(
    text: str, record: dict[str, Any] | None, evidence: tuple[int, int] | None = None
) -> list[Any]:
    marks = marks_from_record(record or {})
    if evidence is not None:
        marks.append(Mark(evidence[0], evidence[1], "evidence", "evidence"))
    return segments(text, marks)


def find_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event (flat, as /api/events gives it) by id."""
    article_id = stats.event_article(store, event_id)
    if article_id is None:
        return None
    events = store.iter_events(EventFilter(article_id=article_id, limit=None))
    return next((e for e in events if e.get("id") == event_id), None)


def event_view(store: Store, event_id: str) -> dict[str, Any] | None:
    """An event with the article it came from (text and record), for the evidence view."""
    event = find_event(store, event_id)
    if event is None:
        return None
    article = store.article(event["article_id"]) if event.get("article_id") else None
    return {"event": event, "article": article}


def counterpart_ids(event: dict[str, Any], side: str) -> list[str]:
    return [r["actor"] for r in event.get(side) or [] if isinstance(r, dict) and r.get("actor")]


def timeline(as_source: list[dict[str, Any]],
             as_target: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events per month, as source and as target, oldest month first."""
    months: dict[str, Counter[str]] = {}
    for side, events in (("source", as_source), ("target", as_target)):
        for e in events:
            day = stats.event_day(e)
            if day:
                months.setdefault(day[:7], Counter())[side] += 1
    return [{"month": m, "source": c["source"], "target": c["target"]}
            for m, c in sorted(months.items())]


ACTOR_EVENTS = 1000  # events an actor page reads (newest first) for its lists and timeline
ACTOR_POSITIONS = 200  # stances an actor page shows (date order); /api/positions pages the rest


def actor_view(store: Store, actor_id: str) -> dict[str, Any] | None:
    """An actor, its events as source and target, statements, positions and closest contacts."""
    actor = store.actor(actor_id)
    if actor is None:
        return None
    # the newest ACTOR_EVENTS events (a frequent actor has hundreds of thousands at scale);
    # the total is the store's count
    events = list(store.iter_events(EventFilter(actor=actor_id, limit=ACTOR_EVENTS)))
    as_source = [e for e in events if actor_id in counterpart_ids(e, "source")]
    as_target = [e for e in events if actor_id in counterpart_ids(e, "target")]
    partners: Counter[str] = Counter()
    names: dict[str, str] = {}
    for e in events:
        for ref in [*(e.get("source") or []), *(e.get("target") or [])]:
            if isinstance(ref, dict) and ref.get("actor"):
                names.setdefault(ref["actor"], ref.get("actorText") or ref["actor"])
        for other in {*counterpart_ids(e, "source"), *counterpart_ids(e, "target")} - {actor_id}:
            partners[other] += 1
    return {
        "actor": actor,
        "as_source": as_source[:200], "as_target": as_target[:200],
        "statements": store.statements(actor=actor_id, limit=200),
        "events_total": store.count_events(EventFilter(actor=actor_id)),
        "positions": store.positions(actor=actor_id, limit=ACTOR_POSITIONS),
        "timeline": timeline(as_source, as_target),
        "partners": [{"actor": a, "name": names.get(a, a), "events": n}
                     for a, n in partners.most_common(15)],
    }


def party_of(position: dict[str, Any]) -> str:
    """The party a stance belongs to: the holder's country, else the holder (as the store's
    position_changes groups them)."""
    return str(position.get("holder_country") or position.get("holder") or "unknown")


def _cell_key(position: dict[str, Any]) -> tuple[str, str]:
    return (position.get("issue") or "?", party_of(position))


def _position_date(position: dict[str, Any]) -> str:
    return str(position.get("sort_date") or position.get("date") or position.get("published") or "")


def position_board(store: Store, issue: str | None = None) -> dict[str, Any]:
    """Issues × parties: the latest stance in each cell, with its date, source and history."""
    cells: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for p in store.positions(issue=issue):
        cells.setdefault(_cell_key(p), []).append(p)
    issues = sorted({k[0] for k in cells})
    parties = sorted({k[1] for k in cells})
    board = []
    for (iss, holder), history in sorted(cells.items()):
        history.sort(key=_position_date)
        latest = history[-1]
        board.append({"issue": iss, "party": holder, "stance": latest.get("stance"),
                      "date": latest.get("date") or latest.get("published"), "latest": latest,
                      "history": history})
    return {"issues": issues, "parties": parties, "cells": board}


def board_matrix(board: dict[str, Any]) -> list[dict[str, Any]]:
    """The board as rows (one per issue) with one cell (or None) per party, for the page."""
    index = {(c["issue"], c["party"]): c for c in board["cells"]}
    return [{"issue": i, "cells": [index.get((i, p)) for p in board["parties"]]}
            for i in board["issues"]]


def quad_of(event_type: str | None) -> str | None:
    return QUAD_CLASS.get(event_type or "")


