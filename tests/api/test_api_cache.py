"""The answer cache and the store pool: cached answers change as soon as another connection
commits, errors and writes are never cached, security headers are on every answer."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from wardesk.api.cache import AnswerCache, Message, Receive, Scope, SecurityHeaders, Send
from wardesk.api.deps import StorePool
from wardesk.records import Article, ArticleMeta
from wardesk.store import Store


class Counting:
    """A tiny ASGI app that answers with a counter, so a test can tell a cached answer apart."""

    def __init__(self, status: int = 200, kind: bytes = b"application/json") -> None:
        self.calls = 0
        self.status, self.kind = status, kind

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        body = str(self.calls).encode()
        start: Message = {"type": "http.response.start", "status": self.status,
                          "headers": [(b"content-type", self.kind)]}
        await send(start)
        await send({"type": "http.response.body", "body": body})


def wrapped(app: Counting, db: str) -> TestClient:
    return TestClient(SecurityHeaders(AnswerCache(app, db), max_body=1000))  # type: ignore[arg-type]


def test_same_url_is_answered_from_the_cache_with_security_headers(tmp_path: Path) -> None:
    app = Counting()
    http = wrapped(app, str(tmp_path / "c.db"))
    first, second = http.get("/api/x?a=1"), http.get("/api/x?a=1")
    assert first.text == second.text == "1" and app.calls == 1
    assert "default-src 'self'" in second.headers["content-security-policy"]
    assert second.headers["x-frame-options"] == "DENY"
    assert http.get("/api/x?a=2").text == "2"  # another query is another answer


def test_errors_writes_and_downloads_are_not_cached(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    missing = Counting(status=404)
    http = wrapped(missing, db)
    assert [http.get("/api/nothing").text for _ in range(2)] == ["1", "2"]
    csv = Counting(kind=b"text/csv")
    http = wrapped(csv, db)
    assert [http.get("/api/events.csv").text for _ in range(2)] == ["1", "2"]
    posted = Counting()
    http = wrapped(posted, db)
    assert [http.post("/api/ingest", content=b"{}").text for _ in range(2)] == ["1", "2"]


def test_a_commit_elsewhere_ends_the_cached_answer(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    app = Counting()
    http = wrapped(app, db)
    assert http.get("/api/stats").text == http.get("/api/stats").text == "1"
    with Store(db) as other:
        other.reject(_rejection())
    assert http.get("/api/stats").text == "2"


def _rejection() -> Any:
    from wardesk.records import Rejection

    return Rejection("feed.xml#9", "not_english", "not English")


def test_next_get_shows_an_article_saved_through_another_store(
    client: TestClient, desk_db: tuple[str, dict[str, str]], demo: Any
) -> None:
    before = client.get("/api/articles").json()["articles"]
    assert client.get("/api/articles").json()["articles"] == before  # cached, same answer
    page_before = client.get("/articles").text
    article, record = _another_article(demo)
    with Store(desk_db[0]) as other:
        assert other.save(article, record) == "new"
    after = client.get("/api/articles").json()["articles"]
    assert len(after) == len(before) + 1
    assert article.id in {a["id"] for a in after}
    page_after = client.get("/articles").text
    assert page_after != page_before and "A different strike" in page_after


def _another_article(demo: Any) -> tuple[Article, Any]:
    """The demo strike article with other words (hence another id), title and record."""
    article, record = demo.strike_record()
    text = article.text + " Officials gave no further details."
    fresh = Article(text=text, title="A different strike", published=article.published)
    meta: ArticleMeta = dataclasses.replace(record.article, id=fresh.id, title=fresh.title)
    return fresh, dataclasses.replace(record, article=meta)


def test_a_pooled_store_sees_commits_made_after_it_was_opened(
    desk_db: tuple[str, dict[str, str]]
) -> None:
    pool = StorePool(desk_db[0])
    store = pool.take()
    rejected = len(store.rejections())
    pool.give_back(store)
    with Store(desk_db[0]) as other:
        other.reject(_rejection())
    again = pool.take()
    assert again is store  # the same handle, kept open
    assert len(again.rejections()) == rejected + 1
    pool.give_back(again)
    pool.close()


def test_the_desk_still_refuses_unsized_and_oversized_bodies(client: TestClient) -> None:
    big = client.post("/api/ingest", content=b"x" * 100, headers={"content-length": "999999999999"})
    assert big.status_code == 413 and "content-security-policy" in big.headers


def test_worker_processes_rebuild_the_same_settings(tmp_path: Path) -> None:
    from wardesk.api.app import _settings_env
    from wardesk.settings import Settings, load_settings

    given = Settings(db=str(tmp_path / "w.db"), token="t0k", allow_private=True, max_bytes=1234,
                     doc_timeout=2.5)
    assert load_settings(env=_settings_env(given)) == given


def test_a_waiter_gets_the_answer_even_when_it_was_dropped_meanwhile(tmp_path: Path) -> None:
    """Concurrent misses of one URL share one computation; the shared answer may already have
    left the cache (a newer store state) by the time a waiter resumes."""
    import asyncio

    async def scenario() -> list[bytes]:
        gate = asyncio.Event()
        calls: list[int] = []

        async def slow(scope: Scope, receive: Receive, send: Send) -> None:
            calls.append(1)
            await gate.wait()
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-type", b"application/json")]})
            await send({"type": "http.response.body", "body": b"42"})

        cache = AnswerCache(slow, str(tmp_path / "w.db"))  # type: ignore[arg-type]
        got: list[bytes] = []

        async def leader_send(message: Message) -> None:
            cache.entries.clear()  # as if a commit's new answers had pushed it out

        async def waiter_send(message: Message) -> None:
            if message["type"] == "http.response.body":
                got.append(message["body"])

        async def receive() -> Message:
            return {"type": "http.request", "body": b""}

        scope: Scope = {"type": "http", "method": "GET", "path": "/api/stats",
                        "query_string": b"", "headers": []}
        leader = asyncio.create_task(cache(dict(scope), receive, leader_send))
        await asyncio.sleep(0.01)
        waiter = asyncio.create_task(cache(dict(scope), receive, waiter_send))
        await asyncio.sleep(0.01)
        gate.set()
        await asyncio.gather(leader, waiter)
        assert len(calls) == 1  # computed once for both
        return got

    assert asyncio.run(scenario()) == [b"42"]
