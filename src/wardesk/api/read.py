"""The read-only JSON API: articles, events, actors, statements, positions, brief, stats,
rejections. Open on loopback; every page of the desk renders one of these answers.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from wardesk.api.briefs import current_brief
from wardesk.api.deps import MAX_LIMIT, MAX_OFFSET, Day, FilterDep, StoreDep
from wardesk.api.finder import StatementDep, statements_view
from wardesk.api.views import actor_view, article_view, event_view, position_board
from wardesk.store import stats

router = APIRouter(prefix="/api", tags=["read"])

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")]


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no such {what}")
    return value


@router.get("/articles", summary="Articles, newest first, optionally by full-text search")
def list_articles(
    store: StoreDep,
    q: Annotated[str | None, Query(description="Full-text query over title and text")] = None,
    limit: Limit = 50, offset: Offset = 0,
) -> dict[str, Any]:
    rows = store.articles(q=q or None, limit=limit, offset=offset)
    return {"q": q, "limit": limit, "offset": offset, "articles": rows}


@router.get("/articles/{article_id}", summary="One article: metadata, text and its record")
def get_article(store: StoreDep, article_id: str) -> dict[str, Any]:
    view: dict[str, Any] = _found(article_view(store, article_id), "article")
    return view


@router.get("/events", summary="Events matching the filter, with paging and sort")
def list_events(store: StoreDep, f: FilterDep) -> dict[str, Any]:
    return {"total": store.count_events(f), "limit": f.limit, "offset": f.offset,
            "events": store.events(f)}


@router.get("/events/facets", summary="Counts by type, country, status and certainty")
def event_facets(store: StoreDep, f: FilterDep) -> dict[str, Any]:
    return stats.facets(store, f)


@router.get("/events/{event_id}", summary="One event and the article it came from")
def get_event(store: StoreDep, event_id: str) -> dict[str, Any]:
    view: dict[str, Any] = _found(event_view(store, event_id), "event")
    return view


@router.get("/actors", summary="Actors by country, sector or name")
def list_actors(
    store: StoreDep,
    country: Annotated[str | None, Query(description="ISO alpha-3 code")] = None,
    sector: Annotated[str | None, Query(description="PLOVER sector code, e.g. GOV")] = None,
    text: Annotated[str | None, Query(description="Words in the name or aliases")] = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    rows = store.actors(country=country or None, sector=sector or None, text=text or None,
                        limit=limit)
    return {"actors": rows}


@router.get("/actors/{actor_id:path}", summary="One actor: events, statements, positions")
def get_actor(store: StoreDep, actor_id: str) -> dict[str, Any]:
    view: dict[str, Any] = _found(actor_view(store, actor_id), "actor")
    return view


@router.get("/statements", summary="Who said what: quotes and reported speech")
def list_statements(store: StoreDep, f: StatementDep) -> dict[str, Any]:
    """By speaker, country, date, certainty, words and kind (quote or reported), newest first;
    each with the link to its words in the article (the /statements page shows this)."""
    return statements_view(store, f)


@router.get("/positions", summary="Stated stances on the issues of a negotiation")
def list_positions(
    store: StoreDep,
    actor: Annotated[str | None, Query(description="Holder actor id")] = None,
    issue: Annotated[str | None, Query(description="Issue, e.g. ceasefire")] = None,
    since: Day = None, until: Day = None,
    limit: Annotated[int | None, Query(ge=1, le=5000, description="A page of this many (date order)")] = None,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> dict[str, Any]:
    rows = store.positions(actor=actor or None, issue=issue or None, since=since, until=until,
                           limit=limit, offset=offset)
    return {"positions": rows}


@router.get("/positions/changes", summary="Where a party's stance on an issue changed")
def list_position_changes(store: StoreDep, since: Day = None) -> dict[str, Any]:
    return {"since": since, "changes": store.position_changes(since=since)}


@router.get("/positions/board", summary="Issues × parties: latest stance per cell and history")
def get_position_board(
    store: StoreDep,
    issue: Annotated[str | None, Query(description="Only this issue")] = None,
) -> dict[str, Any]:
    return position_board(store, issue=issue or None)


@router.get("/brief", summary="The situation brief over a window of days")
def get_brief(request: Request, store: StoreDep, since: Day = None,
              until: Day = None) -> dict[str, Any]:
    return current_brief(request, store, since=since, until=until).to_dict()


@router.get("/stats", summary="Counts, events per day by type, by country, located events")
def get_stats(store: StoreDep, f: FilterDep) -> dict[str, Any]:
    return {"counts": store.counts(), **stats.overview(store, f)}


@router.get("/rejections", summary="Documents that were not used, with their reasons")
def list_rejections(store: StoreDep, limit: Limit = 100) -> dict[str, Any]:
    return {"rejections": store.rejections(limit=limit)}
