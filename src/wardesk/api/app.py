"""Builds the FastAPI app: security headers, the request-size cap, static files, the routers.

The app holds only the store path and the settings; each request opens its own store handle,
so SQLite connections never cross threads.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from wardesk.api import downloads, ingest, read
from wardesk.errors import StoreError, UsageError
from wardesk.settings import Settings
from wardesk.web import assets, pages

# 'self' only: every script, style and image is served by the desk itself (no CDN, no inline JS).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


class SecurityHeaders(BaseHTTPMiddleware):
    """Adds the Content-Security-Policy and friends, and refuses oversized request bodies."""

    def __init__(self, app: object, max_body: int) -> None:
        super().__init__(app)  # type: ignore[arg-type]  # Starlette's ASGIApp protocol
        self.max_body = max_body

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        length = request.headers.get("content-length")
        if request.method in ("POST", "PUT", "PATCH") and not (length and length.isdigit()):
            # a body of unknown length could not be capped before it is read
            return JSONResponse({"detail": "Content-Length required"}, status_code=411)
        if length and length.isdigit() and int(length) > self.max_body:
            return JSONResponse({"detail": "request body too large"}, status_code=413)
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response


async def _usage_error(request: Request, exc: Exception) -> Response:
    """A bad filter value (unknown event type, malformed date) is the caller's error."""
    return JSONResponse({"detail": str(exc)}, status_code=400)


async def _store_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"detail": str(exc)}, status_code=503)


def create_app(store_path: str, settings: Settings) -> FastAPI:
    """The desk over the store at ``store_path`` (JSON API under /api, pages at /)."""
    app = FastAPI(
        title="wardesk",
        version="0.1.0",
        docs_url=None, redoc_url=None,  # both load their assets from a CDN: the spec is enough
        description="Source-attributed events, actors, statements and positions from news "
        "about wars and peace talks. Every page of the desk has a JSON twin here.",
    )
    app.state.store_path = store_path
    app.state.settings = settings
    app.state.extractor = None
    app.add_middleware(SecurityHeaders, max_body=settings.max_bytes + 64 * 1024)
    static = Path(__file__).resolve().parent.parent / "web" / "static"
    app.mount("/static/app", StaticFiles(directory=static), name="static")
    app.add_exception_handler(UsageError, _usage_error)
    app.add_exception_handler(StoreError, _store_error)
    app.include_router(assets.router)
    app.include_router(read.router)
    app.include_router(downloads.router)
    app.include_router(ingest.router)
    app.include_router(pages.router)
    return app


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Run the desk with uvicorn over ``settings.db`` (loopback unless told otherwise)."""
    import uvicorn

    uvicorn.run(create_app(settings.db, settings), host=host, port=port, log_level="info")
