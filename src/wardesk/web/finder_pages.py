"""The statements page, the search across everything, and the page that adds articles (paste,
upload, URL) through POST /api/ingest. Each renders its JSON twin's answer."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from wardesk.api.deps import StoreDep
from wardesk.api.finder import StatementDep, search_view, statements_view
from wardesk.records import CERTAINTIES
from wardesk.store.finder import StatementFilter

router = APIRouter(include_in_schema=False)


def _page(request: Request, name: str, twin: str, **context: Any) -> HTMLResponse:
    from wardesk.web.pages import page

    return page(request, name, twin, **context)


def statement_params(f: StatementFilter) -> dict[str, str]:
    """The filter as query parameters (for the twin, the pager and the chips)."""
    kind = {True: "quote", False: "reported"}.get(f.direct) if f.direct is not None else None
    values = {"speaker": f.speaker, "country": f.country, "since": f.since, "until": f.until,
              "certainty": f.certainty, "text": f.text, "kind": kind}
    return {k: str(v) for k, v in values.items() if v}


@router.get("/statements", response_class=HTMLResponse)
def statements_page(request: Request, store: StoreDep, f: StatementDep) -> HTMLResponse:
    params = statement_params(f)
    view = statements_view(store, f)
    pages = {"newer": f.offset > 0, "older": f.offset + f.limit < view["total"],
             "prev": urlencode({**params, "offset": max(0, f.offset - f.limit)}),
             "next": urlencode({**params, "offset": f.offset + f.limit})}
    chips = [{"label": f"{k}: {v}",
              "href": "/statements?" + urlencode({x: y for x, y in params.items() if x != k})}
             for k, v in params.items()]
    return _page(request, "statements.html", "/api/statements?" + urlencode(params),
                 view=view, f=params, pager=pages, certainties=CERTAINTIES, chips=chips)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep,
                q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    return _page(request, "search.html", "/api/search?" + urlencode({"q": q}),
                 view=search_view(store, q), q=q)


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request) -> HTMLResponse:
    writable = bool(request.app.state.settings.token)
    return _page(request, "add.html", "/openapi.json", writable=writable,
                 max_bytes=request.app.state.settings.max_bytes)
