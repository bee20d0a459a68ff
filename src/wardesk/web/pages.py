"""The desk's pages. Each renders the same view function that its JSON twin under /api returns,
and links to that twin; Jinja autoescapes everything, and URLs become links only when http(s).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from wardesk.api.briefs import current_brief
from wardesk.api.deps import MAX_OFFSET, FormDay, StoreDep
from wardesk.api.views import (
    actor_view,
    article_segments,
    article_view,
    event_view,
)
from wardesk.web.assets import map_available
from wardesk.web.templating import environment

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(env=environment())


def page(request: Request, name: str, twin: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"twin": twin, **context})


def _found(value: Any) -> Any:
    if value is None:
        raise HTTPException(404, "not found")
    return value


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    return page(request, "overview.html", "/api/stats", counts=store.counts(),
                brief=current_brief(request, store), map=map_available())


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, store: StoreDep, event_id: str) -> HTMLResponse:
    view = _found(event_view(store, event_id))
    article = view["article"] or {}
    evidence = view["event"].get("evidence") or {}
    span = (evidence["start"], evidence["end"]) if "start" in evidence else None
    record = store.record(article["id"]) if article.get("id") else None
    from wardesk.records import to_dict

    parts = article_segments(article.get("text") or "", to_dict(record) if record else None, span)
    return page(request, "event.html", f"/api/events/{event_id}", event=view["event"],
                article=article, segments=parts)


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, store: StoreDep,
                text: Annotated[str | None, Query()] = None,
                country: Annotated[str | None, Query()] = None) -> HTMLResponse:
    rows = store.actors(country=country or None, text=text or None, limit=500)
    return page(request, "actors.html", "/api/actors", actors=rows, text=text or "",
                country=country or "")


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, actor_id: str) -> HTMLResponse:
    view = _found(actor_view(store, actor_id))
    return page(request, "actor.html", f"/api/actors/{actor_id}", **view)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep,
                  q: Annotated[str | None, Query()] = None,
                  offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> HTMLResponse:
    rows = store.articles(q=q or None, limit=50, offset=offset)
    return page(request, "articles.html", "/api/articles?" + urlencode({"q": q or ""}),
                articles=rows, q=q or "", offset=offset)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, store: StoreDep, article_id: str,
                 hl: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$")] = None,
                 ) -> HTMLResponse:
    """The article with its record; ``hl=start-end`` highlights those words (a statement's)."""
    view = _found(article_view(store, article_id))
    span = tuple(int(x) for x in hl.split("-")) if hl else None
    parts = article_segments(view["article"].get("text") or "", view["record"],
                             (span[0], span[1]) if span else None)
    return page(request, "article.html", f"/api/articles/{article_id}", segments=parts,
                hl=bool(span), **view)


@router.get("/rejections", response_class=HTMLResponse)
def rejections_page(request: Request, store: StoreDep) -> HTMLResponse:
    return page(request, "rejections.html", "/api/rejections",
                rejections=store.rejections(limit=500))


@router.get("/brief", response_class=HTMLResponse)
def brief_page(request: Request, store: StoreDep,
               since: FormDay = None, until: FormDay = None) -> HTMLResponse:
    brief = current_brief(request, store, since=since or None, until=until or None)
    twin = "/api/brief?" + urlencode({k: v for k, v in (("since", since), ("until", until)) if v})
    return page(request, "brief.html", twin, brief=brief)
