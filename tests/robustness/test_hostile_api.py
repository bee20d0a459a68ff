"""Hostile requests to the API and the desk's pages: SQL-injection and FTS-syntax strings in
every query and path parameter of every GET route answer 200 or 4xx (never 5xx), match
nothing they should not, and leave the store intact; writes stay behind the token; the
ingest endpoint reads uploads only, never a path on the server."""

from __future__ import annotations

import importlib.util
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from wardesk.api import create_app
from wardesk.settings import Settings
from wardesk.store import Store

ATTACKS = [
    "' OR 1=1 --", "\" OR \"1\"=\"1", "1; DROP TABLE articles; --", "') OR ('a'='a",
    "' UNION SELECT sql, sql, sql FROM sqlite_master --", "%' OR '%'='", "%", "_", "*",
    "\\", "\x00", "NEAR(", "\"", "a OR", "^x", "title:x", "x AND (", "-x", "1e999", "-1",
    "9" * 40, "2025-13-45", "../../etc/passwd", "<script>alert(1)</script>", "ø" * 3000,
]
EXACT = ("type", "quad", "country", "status", "certainty", "article_id")  # matched whole
SUBSTRING = ("actor", "place", "text")  # matched inside names: only literally, never as a wildcard
AUTH = {"Authorization": "Bearer s3cret"}


def _demo() -> Any:
    path = Path(__file__).resolve().parents[1] / "api" / "desk_records.py"
    spec = importlib.util.spec_from_file_location("wardesk_robust_desk_records", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[TestClient, str]]:
    db = str(tmp_path / "desk.db")
    _demo().fill(db, hostile=True)
    app = create_app(db, Settings(db=db, token="s3cret"))
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, db


def _get_routes(client: TestClient) -> list[tuple[str, list[str]]]:
    """(path template, query parameter names) of every GET route of the API (from its OpenAPI
    document) and of every page linked from the desk's front page (given the event filter)."""
    found = []
    for path, item in client.get("/openapi.json").json()["paths"].items():
        if "get" in item:
            params = item["get"].get("parameters", [])
            found.append((path, [q["name"] for q in params if q["in"] == "query"]))
    event_params = next(names for path, names in found if path == "/api/events")
    links = re.findall(r'href="(/[^"#?]*)', client.get("/").text)
    pages = sorted({x for x in links if not x.startswith(("/api", "/static"))})
    found += [(page, event_params) for page in pages]
    return found


def _fill(path: str, value: str) -> str:
    while "{" in path:
        start, end = path.index("{"), path.index("}")
        path = path[:start] + quote(value, safe="") + path[end + 1:]
    return path


def _snapshot(db: str) -> dict[str, Any]:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store(db) as store:
        return {"counts": store.counts(), "articles": [a["id"] for a in store.articles(limit=100)]}


@pytest.mark.slow
def test_injection_strings_in_every_parameter(desk: tuple[TestClient, str]) -> None:
    client, db = desk
    before = _snapshot(db)
    routes = _get_routes(client)
    assert len(routes) >= 15, routes  # the walk found the API and the pages
    sent = 0
    for path, params in routes:
        # pages render the same store queries as the API: a sample of the attacks keeps it quick
        for attack in ATTACKS if path.startswith("/api") else ATTACKS[::3]:
            targets: list[tuple[str, dict[str, str]]] = (
                [(_fill(path, attack), {})] if "{" in path else [])
            targets += [(_fill(path, "x"), {name: attack}) for name in params]
            for url, query in targets:
                answer = client.get(url, params=query)
                sent += 1
                assert answer.status_code < 500, f"{url} {query}: {answer.status_code}"
                if path == "/api/events" and answer.status_code == 200 and (
                    set(query) & set(EXACT) or (set(query) & set(SUBSTRING) and attack == "%")
                ):
                    assert answer.json()["total"] == 0, f"{query} matched events"
    assert sent > 1000
    print(f"\n{sent} hostile GET requests over {len(routes)} routes: none answered 5xx")
    assert _snapshot(db) == before


def test_writes_need_the_token_whatever_the_body(desk: tuple[TestClient, str]) -> None:
    client, db = desk
    before = _snapshot(db)
    for headers in ({}, {"Authorization": "Bearer ' OR 1=1 --"}, {"Authorization": "Bearer "},
                    {"Authorization": "bearer s3cret2"}, {"Authorization": "Token s3cret"}):
        answer = client.post("/api/ingest", json={"text": "Talks resumed."}, headers=headers)
        assert answer.status_code in (401, 403), headers
    for method in ("put", "delete", "patch"):
        answer = client.request(method.upper(), "/api/articles", headers=AUTH)
        assert answer.status_code in (404, 405)
    assert _snapshot(db) == before


@pytest.mark.parametrize("body", [
    {"path": "/etc/passwd"}, {"file": "/etc/passwd"}, {"url": "file:///etc/passwd"},
    {"url": "/etc/passwd"}, {"url": "FILE:///etc/passwd"}, {"url": "gopher://127.0.0.1/"},
    {"url": "http://127.0.0.1:1/"}, {"url": "http://169.254.169.254/latest/meta-data/"},
])
def test_ingest_reads_uploads_never_server_paths(desk: tuple[TestClient, str],
                                                 body: dict[str, str]) -> None:
    client, db = desk
    answer = client.post("/api/ingest", json=body, headers=AUTH)
    assert answer.status_code in (200, 422), answer.text
    if answer.status_code == 200:
        assert answer.json()["outcome"] == "rejected"
        assert answer.json()["reason"] in ("blocked_address", "unsupported"), answer.json()
    with Store(db) as store:
        for meta in store.articles(limit=100):
            article = store.article(meta["id"])
            assert article is not None and "root:" not in str(article.get("text"))
