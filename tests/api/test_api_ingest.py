"""POST /api/ingest: the bearer token (401/403), no writes without a configured token, size
caps, uploads and pasted text through a fake extractor, and one run with the real model."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from wardesk.api import create_app
from wardesk.records import Article, ArticleMeta, ArticleRecord
from wardesk.settings import Settings
from wardesk.store import Store

TEXT = "Mediators in Doha said on Tuesday that both sides had agreed to a three-day truce."
AUTH = {"Authorization": "Bearer s3cret"}


class FakeExtractor:
    """Stands in for the spaCy pipeline: an empty record with the article's metadata."""

    def with_known(self, known: Any) -> FakeExtractor:
        return self

    def __call__(self, article: Article) -> ArticleRecord:
        return ArticleRecord(ArticleMeta(article.id, title=article.title, url=article.url,
                                         published=article.published, words=len(article.text.split())))


@pytest.fixture
def fake(client: TestClient) -> TestClient:
    client.app.state.extractor = FakeExtractor()  # type: ignore[attr-defined]
    return client


def test_ingest_needs_a_token(fake: TestClient) -> None:
    assert fake.post("/api/ingest", json={"text": TEXT}).status_code == 401
    wrong = fake.post("/api/ingest", json={"text": TEXT}, headers={"Authorization": "Bearer x"})
    assert wrong.status_code == 403
    basic = fake.post("/api/ingest", json={"text": TEXT}, headers={"Authorization": "Basic s3cret"})
    assert basic.status_code == 401


def test_no_configured_token_refuses_every_write(desk_db: tuple[str, dict[str, str]]) -> None:
    app = create_app(desk_db[0], Settings(db=desk_db[0], token=None))
    with TestClient(app) as c:
        refused = c.post("/api/ingest", json={"text": TEXT}, headers=AUTH)
        assert refused.status_code == 403
        assert "WARDESK_TOKEN" in refused.json()["detail"]


def test_pasted_text_is_stored_once(fake: TestClient, desk_db: tuple[str, dict[str, str]]) -> None:
    body = {"text": TEXT, "title": "Truce in Doha", "published": "2025-03-18",
            "url": "https://example.org/doha"}
    first = fake.post("/api/ingest", json=body, headers=AUTH)
    assert first.status_code == 200, first.text
    assert first.json()["outcome"] == "new"
    again = fake.post("/api/ingest", json=body, headers=AUTH).json()
    assert again == {**first.json(), "outcome": "unchanged", "events": 0}
    with Store(desk_db[0]) as store:
        stored = store.article(first.json()["article_id"])
    assert stored is not None and stored["title"] == "Truce in Doha"
    assert stored["published"] == "2025-03-18"


def test_uploaded_file(fake: TestClient, desk_db: tuple[str, dict[str, str]]) -> None:
    files = {"file": ("../../etc/report.txt", TEXT.encode(), "text/plain")}
    answer = fake.post("/api/ingest", files=files, data={"title": "Uploaded"}, headers=AUTH)
    assert answer.status_code == 200, answer.text
    with Store(desk_db[0]) as store:
        stored = store.article(answer.json()["article_id"])
    assert stored is not None and stored["title"] == "Uploaded"
    assert stored["origin"] == "upload:report.txt"  # the name is a label, never a path


def test_oversized_requests_are_refused(desk_db: tuple[str, dict[str, str]]) -> None:
    app = create_app(desk_db[0], Settings(db=desk_db[0], token="s3cret", max_bytes=1000))
    app.state.extractor = FakeExtractor()
    with TestClient(app) as c:
        big = "x " * 100_000
        assert c.post("/api/ingest", json={"text": big}, headers=AUTH).status_code == 413
        files = {"file": ("big.txt", b"word " * 300, "text/plain")}
        assert c.post("/api/ingest", files=files, headers=AUTH).status_code == 413
        chunks = iter([b'{"text": "', b"word " * 10, b'"}'])  # streamed: no Content-Length
        streamed = c.post("/api/ingest", content=chunks,
                          headers={**AUTH, "Content-Type": "application/json"})
        assert streamed.status_code == 411


def test_bad_bodies(fake: TestClient) -> None:
    assert fake.post("/api/ingest", json={}, headers=AUTH).status_code == 422
    local = fake.post("/api/ingest", json={"url": "file:///etc/passwd"}, headers=AUTH)
    assert local.status_code == 422
    path = fake.post("/api/ingest", json={"url": "/etc/passwd"}, headers=AUTH)
    assert path.status_code == 422


def test_unusable_text_becomes_a_rejection(fake: TestClient) -> None:
    answer = fake.post("/api/ingest", json={"text": "   "}, headers=AUTH)
    assert answer.status_code == 200
    assert answer.json()["outcome"] == "rejected" and answer.json()["reason"] == "empty"
    latest = fake.get("/api/rejections").json()["rejections"][0]
    assert latest["reason"] == "empty"


@pytest.mark.model
def test_ingest_with_the_real_model(client: TestClient) -> None:
    text = ("Russian forces shelled the city of Kharkiv on Monday, killing three civilians, "
            "regional governor Oleh Syniehubov said. Ukraine's foreign minister will meet "
            "his Turkish counterpart in Ankara next week.")
    answer = client.post("/api/ingest", json={"text": text, "published": "2025-03-11"},
                         headers=AUTH)
    assert answer.status_code == 200, answer.text
    assert answer.json()["outcome"] == "new" and answer.json()["events"] >= 1
    events = client.get("/api/events", params={"article_id": answer.json()["article_id"]})
    assert events.json()["total"] == answer.json()["events"]
