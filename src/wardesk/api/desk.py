"""JSON twins of the desk's map, trends, board and brief download: what those pages draw.

Each answer is plain data from a view function the page renders too, so they cannot disagree.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse

from wardesk.api import eventlist, incidentlist
from wardesk.api.board import board_view, issue_view, moved_view
from wardesk.api.briefs import current_brief
from wardesk.api.deps import MAX_LIMIT, MAX_OFFSET, Day, FilterDep, StoreDep
from wardesk.api.trends import changes_view, trends_view
from wardesk.store import EventFilter, Store, desk
from wardesk.web.places import map_places

router = APIRouter(prefix="/api", tags=["desk"])
MAX_POPUP_REPORTS = 8

Unit = Annotated[str, Query(pattern="^(week|month)$", description="week or month")]
By = Annotated[str, Query(pattern="^(type|country|actor)$", description="type, country or actor")]
Count = Annotated[str, Query(pattern="^(incidents|reports)$",
                             description="incidents (recaps left out) or reports; by actor: reports")]


Of = Annotated[str, Query(pattern="^(incidents|reports)$",
                          description="incidents (one point per real-world event) or reports")]


def map_view(store: Store, f: EventFilter, of: str = "incidents",
             background: bool = False) -> dict[str, Any]:
    """The located incidents (or reports) matching ``f`` (paging ignored), newest first, with
    their place kind."""
    points = (desk.incident_points(store, f, background) if of == "incidents"
              else desk.map_points(store, f))
    return {"of": of, "limit": desk.MAX_POINTS, "truncated": len(points) >= desk.MAX_POINTS,
            "points": points}


@router.get("/map", summary="Located incidents (or reports) for the map, newest first")
def get_map(store: StoreDep, f: FilterDep, of: Of = "incidents",
            background: Annotated[bool, Query(description="Also incidents only recaps tell")] = False,
            ) -> dict[str, Any]:
    return map_view(store, f, of, background)


@router.get("/map/incidents/{incident_id}", summary="One incident for a map popup, with its reports' links")
def get_map_incident(store: StoreDep, incident_id: str) -> dict[str, Any]:
    found: dict[str, Any] | None = store.incident(incident_id)
    if found is None:
        raise HTTPException(status_code=404, detail="no such incident")
    for report in found["reports"][:MAX_POPUP_REPORTS]:
        article = store.article(report["article"]) or {}
        report["url"], report["title"] = article.get("url"), article.get("title")
    found["reports"] = found["reports"][:MAX_POPUP_REPORTS]
    return found


Many = Annotated[list[str] | None, Query(description="One or more values (repeat the key)")]
Sort = Annotated[str, Query(pattern="^-?(date|type)$", description="-date (newest first), date or type")]


@router.get("/desk/events", summary="The events list: several values per filter, chips, deaths, why empty")
def get_event_list(
    request: Request, store: StoreDep, type: Many = None, quad: Many = None, status: Many = None,
    certainty: Many = None, country: Annotated[str | None, Query()] = None,
    actor: Annotated[str | None, Query()] = None, since: Day = None, until: Day = None,
    place: Annotated[str | None, Query()] = None, text: Annotated[str | None, Query()] = None,
    sort: Sort = "-date", limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    background: Annotated[bool | None, Query(
        description="Recaps (told as background): absent every report, false left out, true only")] = None,
) -> dict[str, Any]:
    values = eventlist.query_values(request.query_params)
    return eventlist.list_view(store, values, sort=sort, limit=limit, offset=offset,
                               background=background)


@router.get("/desk/incidents", summary="The incidents list: several types, chips, deaths range, why empty")
def get_incident_list(
    request: Request, store: StoreDep, type: Many = None,
    status: Annotated[str | None, Query()] = None, certainty: Annotated[str | None, Query()] = None,
    country: Annotated[str | None, Query()] = None, actor: Annotated[str | None, Query()] = None,
    since: Day = None, until: Day = None, place: Annotated[str | None, Query()] = None,
    text: Annotated[str | None, Query()] = None,
    background: Annotated[bool, Query(description="Also incidents only recaps tell")] = False,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> dict[str, Any]:
    values = eventlist.query_values(request.query_params)
    return incidentlist.list_view(store, values, background=background, limit=limit,
                                  offset=offset)


@router.get("/map/places", summary="Place names of the offline basemap (capitals, big cities)")
def get_map_places() -> JSONResponse:
    return JSONResponse({"places": list(map_places())},
                        headers={"Cache-Control": "public, max-age=86400"})


@router.get("/trends", summary="Events per week or month by type, country or actor")
def get_trends(store: StoreDep, unit: Unit = "week", by: By = "type", since: Day = None,
               until: Day = None,
               country: Annotated[str | None, Query(description="ISO3 country")] = None,
               type: Annotated[str | None, Query(description="PLOVER event type")] = None,
               count: Count = "incidents") -> dict[str, Any]:
    return trends_view(store, unit=unit, by=by, since=since, until=until,
                       country=country or None, event_type=type or None, count=count)


@router.get("/trends/changes", summary="This week against the four before, per country and type (incidents or reports)")
def get_changes(store: StoreDep, week: Day = None, count: Count = "incidents") -> dict[str, Any]:
    return changes_view(store, week, count)


@router.get("/negotiations/board", summary="Issues × parties: most active parties first, names")
def get_board(store: StoreDep,
              pin: Annotated[str | None, Query(description="Parties to put first, comma-separated")] = None,
              issue: Annotated[str | None, Query(description="Only this issue")] = None,
              ) -> dict[str, Any]:
    return board_view(store, pin=pin, issue=issue or None)


@router.get("/negotiations/moved", summary="What moved: stances new, changed or dropped")
def get_moved(store: StoreDep, since: Day = None) -> dict[str, Any]:
    return moved_view(store, since)


@router.get("/negotiations/issues/{issue}", summary="One issue's history with the quoted words")
def get_issue(store: StoreDep, issue: str) -> dict[str, Any]:
    return issue_view(store, issue)


@router.get("/brief.md", summary="The situation brief as a Markdown file",
            response_class=PlainTextResponse)
def get_brief_markdown(request: Request, store: StoreDep, since: Day = None,
                       until: Day = None) -> PlainTextResponse:
    from wardesk.brief import render_markdown

    brief = current_brief(request, store, since=since, until=until)
    name = f"brief-{brief.since}-{brief.until}.md"
    return PlainTextResponse(render_markdown(brief), media_type="text/markdown; charset=utf-8",
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})
