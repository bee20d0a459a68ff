"""The desk's map, trends and negotiations pages. Each renders the view its JSON twin under /api
returns (the page's script draws from that twin); Jinja autoescapes everything.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from wardesk.api import eventlist, incidentlist
from wardesk.api.board import board_view, issue_view, moved_view
from wardesk.api.deps import MAX_OFFSET, FilterDep, FormDay, StoreDep, filter_params
from wardesk.api.trends import changes_view, trends_view
from wardesk.records import CERTAINTIES, EVENT_TYPES, STATUSES
from wardesk.web.assets import map_available
from wardesk.web.pages import page

router = APIRouter(include_in_schema=False)

Unit = Annotated[str, Query(pattern="^(week|month)$")]
By = Annotated[str, Query(pattern="^(type|country|actor)$")]
PAGE = 50
CHOICES = {"type": EVENT_TYPES, "status": STATUSES, "certainty": CERTAINTIES}


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, since: FormDay = None, until: FormDay = None,
                sort: Annotated[str, Query(pattern="^-?(date|type)$")] = "-date",
                offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
                background: bool = False) -> HTMLResponse:
    """Newest first; several values per filter; chips; totals; why a list is empty; recaps
    (reports told as background) left out unless asked for."""
    values = eventlist.query_values(request.query_params)
    if background:  # kept by every link of the page (chips, sorts, facets, pager)
        values["background"] = ["1"]
    view = eventlist.list_view(store, values, sort=sort, limit=PAGE, offset=offset,
                               background=None if background else False)
    shown = values if background else {**values, "background": ["false"]}
    twin_query = eventlist.list_link(shown, sort, offset=offset or None)[len("/events"):]
    single = {k: v[0] for k, v in values.items() if len(v) == 1}
    return page(request, "events.html", "/api/desk/events" + twin_query, view=view,
                values=values, params=single, sort=sort, choices=CHOICES, recaps=background,
                facets=eventlist.facet_links(store, values, sort,
                                             None if background else False),
                link=eventlist.list_link, downloads=urlencode(single))


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(request: Request, store: StoreDep, since: FormDay = None,
                   until: FormDay = None, background: bool = False,
                   offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> HTMLResponse:
    """One row per incident, newest first; recaps only when asked for."""
    values = eventlist.query_values(request.query_params)
    view = incidentlist.list_view(store, values, background=background, limit=PAGE,
                                  offset=offset)
    shown = {**values, **({"background": ["1"]} if background else {})}
    twin = "/api/desk" + eventlist.list_link(shown, None, "/incidents", offset=offset or None)
    single = {k: v[0] for k, v in values.items() if len(v) == 1}
    return page(request, "incidents.html", twin, view=view, values=values, shown=shown,
                params=single, choices=CHOICES, link=eventlist.list_link,
                downloads=urlencode(single))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, f: FilterDep,
             of: Annotated[str, Query(pattern="^(incidents|reports)$")] = "incidents",
             background: bool = False) -> HTMLResponse:
    params = filter_params(f)
    params.pop("sort", None)
    shown = {**params, "of": of, **({"background": "1"} if background else {})}
    return page(request, "map.html", "/api/map?" + urlencode(shown), params=params, of=of,
                background=background, map=map_available(), choices=CHOICES)


@router.get("/trends", response_class=HTMLResponse)
def trends_page(request: Request, store: StoreDep, unit: Unit = "week", by: By = "type",
                since: FormDay = None, until: FormDay = None,
                country: Annotated[str | None, Query()] = None,
                type: Annotated[str | None, Query()] = None,
                count: Annotated[str, Query(pattern="^(incidents|reports)$")] = "incidents",
                ) -> HTMLResponse:
    asked = {"unit": unit, "by": by, "count": count, "since": since or "", "until": until or "",
             "country": country or "", "type": type or ""}
    query = urlencode({k: v for k, v in asked.items() if v})
    view = trends_view(store, unit=unit, by=by, since=since or None, until=until or None,
                       country=country or None, event_type=type or None, count=count)
    return page(request, "trends.html", "/api/trends?" + query, trends=view, asked=asked,
                changes=changes_view(store, count="reports" if count == "reports" else "incidents"),
                types=EVENT_TYPES)


@router.get("/positions", response_class=HTMLResponse)
def board_page(request: Request, store: StoreDep,
               pin: Annotated[str | None, Query()] = None) -> HTMLResponse:
    board = board_view(store, pin=pin)
    twin = "/api/negotiations/board" + ("?" + urlencode({"pin": pin}) if pin else "")
    return page(request, "board.html", twin, board=board, pin=pin or "")


@router.get("/positions/moved", response_class=HTMLResponse)
def moved_page(request: Request, store: StoreDep, since: FormDay = None) -> HTMLResponse:
    twin = "/api/negotiations/moved" + ("?" + urlencode({"since": since}) if since else "")
    return page(request, "moved.html", twin, moved=moved_view(store, since or None),
                since=since or "")


@router.get("/positions/issues/{issue}", response_class=HTMLResponse)
def issue_page(request: Request, store: StoreDep, issue: str) -> HTMLResponse:
    view: dict[str, Any] = issue_view(store, issue)
    return page(request, "issue.html", f"/api/negotiations/issues/{issue}", **view)
