"""POST /api/ingest: pasted text, an uploaded file, or a URL, behind the bearer token.

401 without a token, 403 with a wrong one, and no writes at all when the desk has no token.
The spaCy pipeline is loaded on the first ingest, not when the server starts.
"""

from __future__ import annotations

import hmac
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from wardesk.records import Article, Rejection
from wardesk.settings import Settings
from wardesk.store import Store

router = APIRouter(prefix="/api", tags=["ingest"])
_extractor_lock = threading.Lock()

class IngestText(BaseModel):
    """Pasted text (with its title and date), or a URL to fetch instead."""

    text: str | None = Field(None, description="The article text")
    title: str | None = None
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="YYYY-MM-DD")
    url: str | None = Field(None, description="Fetched with ingest's safety rules when no text")


class IngestResult(BaseModel):
    outcome: str = Field(description="new | unchanged | rejected")
    article_id: str | None = None
    events: int = 0
    reason: str | None = None
    message: str | None = None


INGEST_BODY = {  # documents the two request shapes that the handler reads itself
    "required": True,
    "content": {
        "application/json": {"schema": IngestText.model_json_schema()},
        "multipart/form-data": {"schema": {
            "type": "object", "required": ["file"],
            "properties": {
                "file": {"type": "string", "format": "binary", "description": "A text/HTML file"},
                "title": {"type": "string"}, "published": {"type": "string"},
            },
        }},
    },
}



def require_token(request: Request) -> None:
    """Bearer-token check for every write; refuses all writes when no token is configured."""
    expected = request.app.state.settings.token
    if not expected:
        raise HTTPException(403, "writes are disabled: start the desk with WARDESK_TOKEN set")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "bearer token required", headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(403, "wrong token")


def _extractor(request: Request, store: Store) -> Any:
    with _extractor_lock:
        if request.app.state.extractor is None:
            from wardesk.pipeline import Extractor

            request.app.state.extractor = Extractor(request.app.state.settings)
        return request.app.state.extractor


async def _read_item(request: Request, settings: Settings) -> Article | Rejection:
    """The article a request carries, or the Rejection that says why it cannot be used."""
    from wardesk.errors import SourceError

    try:
        return await _read_source(request, settings)
    except SourceError as exc:
        return Rejection(_label(request), exc.reason, str(exc))


def _label(request: Request) -> str:
    return f"api:{request.client.host if request.client else 'unknown'}"


async def _read_source(request: Request, settings: Settings) -> Article:
    from wardesk.ingest import read_one

    kind = request.headers.get("content-type", "")
    if kind.startswith("multipart/form-data"):
        return await _read_upload(request, settings)
    try:
        body = IngestText.model_validate(await request.json())
    except ValueError as exc:
        raise HTTPException(422, f"bad ingest body: {exc}") from exc
    if body.text:
        article = read_one(_label(request), settings, text=body.text, published=body.published)
        return _titled(article, body.title, body.url)
    if body.url:
        # only http(s): a path or file: URL must never make the server read its own disk
        if not body.url.lower().startswith(("http://", "https://")):
            raise HTTPException(422, "url must be http(s)")
        # fetching blocks: run it off the event loop so the server keeps answering
        return await run_in_threadpool(read_one, body.url, settings, published=body.published)
    raise HTTPException(422, "give text, a url, or a multipart file")


async def _read_upload(request: Request, settings: Settings) -> Article:
    from wardesk.ingest import read_one

    form = await request.form()
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise HTTPException(422, "multipart ingest needs a 'file' part")
    data = await upload.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        raise HTTPException(413, "upload too large")
    published, title = form.get("published"), form.get("title")
    name = Path(upload.filename or "upload").name  # a label only: never opened as a path
    # the raw bytes get the same binary/encoding checks as a file on disk
    article = read_one(f"upload:{name}", settings, data=data,
                       published=published if isinstance(published, str) and published else None)
    return _titled(article, title if isinstance(title, str) and title else None)


def _titled(article: Article, title: str | None, url: str | None = None) -> Article:
    return replace(article, title=title or article.title, url=url or article.url)


@router.post("/ingest", summary="Extract and store one article (pasted, uploaded or by URL)",
             dependencies=[Depends(require_token)], response_model=IngestResult,
             openapi_extra={"requestBody": INGEST_BODY})
async def ingest(request: Request) -> IngestResult:
    settings: Settings = request.app.state.settings
    item = await _read_item(request, settings)
    return await run_in_threadpool(_store_item, request, item)


def _store_item(request: Request, item: Article | Rejection) -> IngestResult:
    """Extract and save in a worker thread: parsing must not block the event loop."""
    with Store(request.app.state.store_path) as store:
        if isinstance(item, Rejection):
            store.reject(item)
            return IngestResult(outcome="rejected", reason=item.reason, message=item.message)
        if store.has_article(item.id):
            return IngestResult(outcome="unchanged", article_id=item.id)
        extractor = _extractor(request, store)
        record = extractor.with_known(store.known_people())(item)
        outcome = store.save(item, record)
    return IngestResult(outcome=str(outcome), article_id=item.id, events=len(record.events))

