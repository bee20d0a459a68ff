"""Every page of the desk links only to pages and JSON twins that answer: a crawl from the
overview over the demo store (and over a store holding a hostile article)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from wardesk.api import create_app
from wardesk.settings import Settings

HREF = re.compile(r'(?:href|src)="(/[^"]*)"')


def crawl(client: TestClient, limit: int = 300) -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = ["/"]
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        answer = client.get(url)
        seen[url] = answer.status_code
        if answer.headers.get("content-type", "").startswith("text/html"):
            for link in HREF.findall(answer.text):
                queue.append(html.unescape(link))
    return seen


def test_every_link_answers(client: TestClient) -> None:
    seen = crawl(client)
    broken = {u: s for u, s in seen.items() if s != 200}
    assert not broken
    assert any(u.startswith("/events/") for u in seen)
    assert any(u.startswith("/actors/") for u in seen)
    assert any(u.startswith("/api/") for u in seen)  # the JSON twins


def test_hostile_store_crawls_clean(tmp_path: Path, demo: Any) -> None:
    path = str(tmp_path / "hostile.db")
    demo.fill(path, hostile=True)
    with TestClient(create_app(path, Settings(db=path))) as c:
        seen = crawl(c)
    assert {u: s for u, s in seen.items() if s != 200} == {}
