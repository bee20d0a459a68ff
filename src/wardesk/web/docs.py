"""/docs: the API's interactive reference (Swagger UI) served from the npm package
swagger-ui-dist under /static/vendor/, never from a CDN.

FastAPI's own get_swagger_ui_html starts Swagger UI with an inline script, which the desk's
Content-Security-Policy (script-src 'self') forbids; this page loads the same bundle and starts
it from a static file instead.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wardesk.web.assets import docs_available

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    from wardesk.web.pages import templates

    return templates.TemplateResponse(request, "docs.html",
                                      {"twin": "/openapi.json", "ready": docs_available()})
