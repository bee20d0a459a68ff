"""The desk's process pages: /proposals, /coalitions, /story — each renders the view of its
JSON twin under /api (wardesk.api.process)."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wardesk.api.deps import Day, StoreDep
from wardesk.api.process import Parties, coalitions_view, proposals_view, story_view
from wardesk.web.pages import page

router = APIRouter(include_in_schema=False)


def _query(**params: str | None) -> str:
    return urlencode({k: v for k, v in params.items() if v})


@router.get("/proposals", response_class=HTMLResponse)
def proposals_page(request: Request, store: StoreDep, party: Parties = None, since: Day = None,
                   until: Day = None) -> HTMLResponse:
    query = _query(party=party, since=since, until=until)
    return page(request, "proposals.html", "/api/proposals?" + query,
                view=proposals_view(store, party, since, until))


@router.get("/coalitions", response_class=HTMLResponse)
def coalitions_page(request: Request, store: StoreDep, party: Parties = None, since: Day = None,
                    until: Day = None) -> HTMLResponse:
    query = _query(party=party, since=since, until=until)
    return page(request, "coalitions.html", "/api/coalitions?" + query,
                view=coalitions_view(store, party, since, until))


@router.get("/story", response_class=HTMLResponse)
def story_page(request: Request, store: StoreDep, actors: Parties = None, since: Day = None,
               until: Day = None) -> HTMLResponse:
    query = _query(actors=actors, since=since, until=until)
    return page(request, "story.html", "/api/story?" + query,
                view=story_view(store, actors, since, until), actors=actors or "")
