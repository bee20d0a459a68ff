"""Plain ASGI middleware of the desk: security headers with the request-size cap, and a cache of
GET answers (JSON and pages) keyed by the URL and the store's change marker.

A cached answer is served only while the store is unchanged: the marker (SQLite ``data_version``
on one held connection) moves as soon as an ingest in any other connection commits.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from wardesk.store import Store
from wardesk.store.marker import change_marker
from wardesk.web.assets import map_available

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# 'self' only: every script, style and image is served by the desk itself (no CDN, no inline JS).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
CACHED_TYPES = (b"application/json", b"text/html")  # not downloads, not static files


async def _send_json(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every answer, and refuses oversized (or
    unsized) request bodies before the app reads them."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        sized = length is not None and length.isdigit()
        if scope["method"] in ("POST", "PUT", "PATCH") and not sized:
            # a body of unknown length could not be capped before it is read
            await _send_json(send, 411, b'{"detail":"Content-Length required"}')
            return
        if sized and int(length or 0) > self.max_body:
            await _send_json(send, 413, b'{"detail":"request body too large"}')
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _page_inputs(path: str) -> str:
    """What a page shows besides the store: whether the map's vendor files are installed (they
    can appear or vanish while the desk runs). The JSON answers depend on the store alone."""
    if path.startswith("/api/"):
        return ""
    return "|map" if map_available() else "|nomap"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


@dataclass(frozen=True, slots=True)
class Answer:
    """One cached answer: what the app sent, to be sent again."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class AnswerCache:
    """Caches 200 JSON/HTML answers to GET requests, LRU with a count and a byte cap. Concurrent
    misses of one URL wait for the first (a commit must not make every client recompute)."""

    def __init__(self, app: ASGIApp, store_path: str, max_entries: int = 512,
                 max_bytes: int = 64 * 1024 * 1024, max_answer: int = 4 * 1024 * 1024) -> None:
        self.app = app
        self.store_path = store_path
        self.max_entries, self.max_bytes, self.max_answer = max_entries, max_bytes, max_answer
        self.entries: OrderedDict[tuple[str, int, str], Answer] = OrderedDict()
        self.size = 0
        self.pending: dict[tuple[str, int, str], asyncio.Future[Answer | None]] = {}
        self._marker_store: Store | None = None
        self.hits = self.misses = 0

    def marker(self) -> int | None:
        """The store's change marker, read on this process's one held connection (the event loop
        is the only caller, so the connection is never shared between threads)."""
        if self._marker_store is None:
            self._marker_store = Store(self.store_path)
        return change_marker(self._marker_store.connection)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        marker = self.marker()
        if marker is None:
            await self.app(scope, receive, send)
            return
        # the routes reuse work done for this store state (the brief) under the same marker
        scope.setdefault("state", {})["store_marker"] = marker
        url = scope["path"] + "?" + bytes(scope.get("query_string", b"")).decode("latin-1")
        # the day too (a default window such as "the last week" moves at midnight), and for
        # pages whether the map can be shown
        key = (url, marker, dt.date.today().isoformat() + _page_inputs(scope["path"]))
        answer = self.entries.get(key)
        if answer is None and key in self.pending:
            answer = await asyncio.shield(self.pending[key])
        if answer is not None:
            self.hits += 1
            if key in self.entries:  # a waiter's answer may already be dropped as stale
                self.entries.move_to_end(key)
            await _replay(answer, send)
            return
        self.misses += 1
        await self._compute(key, scope, receive, send)

    async def _compute(self, key: tuple[str, int, str], scope: Scope, receive: Receive,
                       send: Send) -> None:
        future: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self.pending[key] = future
        capture = _Capture(send, self.max_answer)
        try:
            await self.app(scope, receive, capture.send)
        finally:
            answer = capture.answer()
            future.set_result(answer)
            del self.pending[key]
        if answer is not None:
            self._keep(key, answer)
            await _replay(answer, send)

    def _keep(self, key: tuple[str, int, str], answer: Answer) -> None:
        self._drop_stale(key[1])
        self.entries[key] = answer
        self.size += len(answer.body)
        while self.entries and (len(self.entries) > self.max_entries or self.size > self.max_bytes):
            _, old = self.entries.popitem(last=False)
            self.size -= len(old.body)

    def _drop_stale(self, marker: int) -> None:
        """Answers of an older marker can never be served again: free them now."""
        stale = [k for k in self.entries if k[1] != marker]
        for k in stale:
            self.size -= len(self.entries.pop(k).body)


async def _replay(answer: Answer, send: Send) -> None:
    await send({"type": "http.response.start", "status": answer.status,
                "headers": list(answer.headers)})
    await send({"type": "http.response.body", "body": answer.body})


class _Capture:
    """Holds back a cacheable answer until it is complete; anything else (errors, downloads,
    static files, answers over the size cap) goes straight through."""

    def __init__(self, send: Send, limit: int) -> None:
        self.downstream = send
        self.limit = limit
        self.start: Message | None = None
        self.chunks: list[bytes] = []
        self.held = 0
        self.passing = False
        self.complete = False

    async def send(self, message: Message) -> None:
        if self.passing:
            await self.downstream(message)
        elif message["type"] == "http.response.start":
            self.start = message
            if not self._cacheable(message):
                await self._pass_through()
        elif message["type"] == "http.response.body":
            self.chunks.append(bytes(message.get("body", b"")))
            self.held += len(self.chunks[-1])
            if not message.get("more_body", False):
                self.complete = True
            elif self.held > self.limit:
                await self._pass_through(more_body=True)
        else:
            await self.downstream(message)

    @staticmethod
    def _cacheable(start: Message) -> bool:
        if start.get("status") != 200:
            return False
        headers = dict((bytes(k).lower(), bytes(v)) for k, v in start.get("headers", []))
        if b"set-cookie" in headers:
            return False
        return headers.get(b"content-type", b"").startswith(CACHED_TYPES)

    async def _pass_through(self, more_body: bool = False) -> None:
        self.passing = True
        if self.start is not None:
            await self.downstream(self.start)
        if self.chunks:
            await self.downstream({"type": "http.response.body", "body": b"".join(self.chunks),
                                   "more_body": more_body})
            self.chunks = []

    def answer(self) -> Answer | None:
        if self.passing or not self.complete or self.start is None:
            return None
        headers = [(bytes(k), bytes(v)) for k, v in self.start.get("headers", [])]
        return Answer(int(self.start["status"]), headers, b"".join(self.chunks))
