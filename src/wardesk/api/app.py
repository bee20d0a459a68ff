"""Builds the FastAPI app: security headers, the request-size cap, the answer cache, static
files, the routers; ``serve`` runs it with one uvicorn worker process per core.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from wardesk.api import desk, downloads, finder, incidents, ingest, read
from wardesk.api.cache import AnswerCache, SecurityHeaders
from wardesk.api.deps import StorePool
from wardesk.errors import StoreError, UsageError
from wardesk.settings import Settings, load_settings
from wardesk.web import assets, desk_pages, docs, errors, finder_pages, incident_page, pages


async def _usage_error(request: Request, exc: Exception) -> Response:
    """A bad filter value (unknown event type, malformed date) is the caller's error."""
    return JSONResponse({"detail": str(exc)}, status_code=400)


async def _store_error(request: Request, exc: Exception) -> Response:
    return JSONResponse({"detail": str(exc)}, status_code=503)


def create_app(store_path: str, settings: Settings, cache: bool = True) -> FastAPI:
    """The desk over the store at ``store_path`` (JSON API under /api, pages at /); ``cache``
    keeps GET answers until the store changes."""
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
    app.state.store_pool = StorePool(store_path)
    app.router.on_shutdown.append(app.state.store_pool.close)
    # the last added runs first: headers and size cap outside, so cached answers get them too
    if cache:
        app.add_middleware(AnswerCache, store_path=store_path)  # type: ignore[arg-type]
    app.add_middleware(SecurityHeaders, max_body=settings.max_bytes + 64 * 1024)  # type: ignore[arg-type]
    static = Path(__file__).resolve().parent.parent / "web" / "static"
    app.mount("/static/app", StaticFiles(directory=static), name="static")
    app.add_exception_handler(UsageError, _usage_error)
    app.add_exception_handler(StoreError, _store_error)
    errors.install(app)  # pages: HTML with the menu; API: one clear sentence
    app.include_router(assets.router)
    app.include_router(read.router)
    app.include_router(incidents.router)
    app.include_router(finder.router)  # /api/search
    app.include_router(downloads.router)
    app.include_router(ingest.router)
    app.include_router(desk.router)
    app.include_router(desk_pages.router)  # before pages: its /positions is the board v2
    app.include_router(pages.router)
    app.include_router(incident_page.router)  # /incidents/{id}
    app.include_router(docs.router)  # /docs from swagger-ui-dist, no CDN
    app.include_router(finder_pages.router)  # /statements, /search, /add
    from wardesk.api import process as process_api
    from wardesk.web import process_pages

    app.include_router(process_api.router)  # /api/proposals, /api/coalitions, /api/story
    app.include_router(process_pages.router)  # /proposals, /coalitions, /story
    return app


def app_from_env() -> FastAPI:
    """The app factory each uvicorn worker process calls: settings come from WARDESK_* variables."""
    settings = load_settings()
    return create_app(settings.db, settings, cache=_cache_wanted())


def _cache_wanted() -> bool:
    """WARDESK_SERVE_CACHE=0 turns the answer cache off (to measure or debug without it)."""
    return os.environ.get("WARDESK_SERVE_CACHE", "1").strip() != "0"


def _settings_env(settings: Settings) -> dict[str, str]:
    """``settings`` as WARDESK_* variables, so worker processes rebuild the same Settings."""
    env = {}
    for f in dataclasses.fields(Settings):
        value = getattr(settings, f.name)
        if value is not None:
            env[f"WARDESK_{f.name.upper()}"] = "1" if value is True else "0" if value is False \
                else str(value)
    return env


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8765,
          workers: int | None = None) -> None:
    """Run the desk with uvicorn over ``settings.db`` (loopback unless told otherwise), one worker
    process per core by default (WARDESK_SERVE_WORKERS or ``workers`` to change it)."""
    import uvicorn

    count = workers or int(os.environ.get("WARDESK_SERVE_WORKERS", "0")) or os.cpu_count() or 1
    if count == 1:
        app = create_app(settings.db, settings, cache=_cache_wanted())
        uvicorn.run(app, host=host, port=port, log_level="info")
        return
    os.environ.update(_settings_env(settings))  # read by app_from_env in each worker
    uvicorn.run("wardesk.api.app:app_from_env", factory=True, workers=count, host=host,
                port=port, log_level="info")
