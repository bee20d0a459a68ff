"""How the desk answers a bad request: a page with the menu for page routes, and JSON with one
clear sentence for the API (never pydantic's raw list of errors).

A request's mistakes are 400 (a bad filter value the store refused), 404 (no such page or
record) and 422 (a parameter of the wrong shape, e.g. an impossible date).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from wardesk.errors import UsageError

TITLES = {400: "Bad request", 401: "Token required", 403: "Not allowed", 404: "Not found",
          405: "Method not allowed", 413: "Too large", 422: "Invalid value"}
API_PREFIXES = ("/api/", "/openapi.json", "/static/")


def wants_json(request: Request) -> bool:
    """API routes (and files) answer JSON; every other path is a page of the desk."""
    path = request.url.path
    return path == "/api" or path.startswith(API_PREFIXES)


def validation_message(errors: Sequence[Any]) -> str:
    """Pydantic's errors as one line: 'since: must be a real date as YYYY-MM-DD, got …'."""
    parts = []
    for error in errors:
        loc = [str(x) for x in error.get("loc", ()) if x not in ("query", "path", "body")]
        message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{'.'.join(loc)}: {message}" if loc else message)
    return "; ".join(dict.fromkeys(parts)) or "invalid request"


def _answer(request: Request, status: int, message: str,
            headers: dict[str, str] | None = None) -> Response:
    if wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    return error_page(request, status, message, headers)


def error_page(request: Request, status: int, message: str,
               headers: dict[str, str] | None = None) -> HTMLResponse:
    from wardesk.web.pages import templates  # the pages' own environment and base layout

    context = {"status": status, "title": TITLES.get(status, "Error"), "message": message,
               "twin": None}
    return templates.TemplateResponse(request, "error.html", context, status_code=status,
                                      headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "error")
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"There is no page at {request.url.path[:200]}."
    return _answer(request, exc.status_code, detail, getattr(exc, "headers", None))


async def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return _answer(request, 422, validation_message(exc.errors()))


async def _usage(request: Request, exc: Exception) -> Response:
    """A value the store refused (an unknown event type or country code): the caller's error."""
    return _answer(request, 400, str(exc))


ERROR_SCHEMA = {"title": "Error", "type": "object", "required": ["detail"],
                "properties": {"detail": {"type": "string", "title": "Detail",
                                          "description": "What was wrong, in one sentence"}}}


def install(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(UsageError, _usage)
    spec = app.openapi

    def openapi() -> dict[str, Any]:
        """The spec, its 422 answer documented as it is sent: one sentence, not a list."""
        schema = spec()
        schemas = schema.get("components", {}).get("schemas", {})
        if "HTTPValidationError" in schemas:
            schemas["HTTPValidationError"] = ERROR_SCHEMA
            schemas.pop("ValidationError", None)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
