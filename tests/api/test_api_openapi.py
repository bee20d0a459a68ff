"""The OpenAPI spec is complete: every JSON route is in it with a summary and documented
parameters, and every listed GET path answers over the demo store."""

from __future__ import annotations

import re
from typing import Any

from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from wardesk.api import downloads, ingest, read

SAMPLE_PATH_VALUES = {"article_id": "strike", "event_id": "ev-strike",
                      "actor_id": "ukr/gov/volodymyr-zelenskyy", "issue": "ceasefire"}


EXPECTED = {  # the routes the desk promises (README, pages)
    "/api/articles", "/api/articles/{article_id}", "/api/events", "/api/events/{event_id}",
    "/api/actors", "/api/actors/{actor_id:path}", "/api/statements", "/api/positions",
    "/api/positions/changes", "/api/positions/board", "/api/brief", "/api/stats",
    "/api/rejections", "/api/events.csv", "/api/events.plover.jsonl", "/api/events.geojson",
    "/api/ingest",
}


def spec(client: TestClient) -> dict[str, Any]:
    answer = client.get("/openapi.json")
    assert answer.status_code == 200
    data: dict[str, Any] = answer.json()
    return data


def test_every_api_route_is_documented(client: TestClient) -> None:
    paths = spec(client)["paths"]
    routers = (read.router, downloads.router, ingest.router)
    routes = [r for router in routers for r in router.routes if isinstance(r, APIRoute)]
    assert {r.path for r in routes} >= EXPECTED
    for route in routes:
        assert route.path.startswith("/api/")
        path = route.path.replace(":path}", "}")
        assert path in paths, f"{route.path} missing from the OpenAPI spec"
        for method in route.methods:
            operation = paths[path][method.lower()]
            assert operation.get("summary"), f"{method} {path} has no summary"
            for param in operation.get("parameters", []):
                if param["in"] == "query" and param["name"] not in ("limit", "offset"):
                    assert param.get("description"), f"{path}?{param['name']} is undocumented"


def test_ingest_documents_both_body_shapes(client: TestClient) -> None:
    body = spec(client)["paths"]["/api/ingest"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert "text" in body["application/json"]["schema"]["properties"]


def test_every_listed_get_path_answers(client: TestClient, ids: dict[str, str]) -> None:
    incident = client.get("/api/events/ev-strike").json()["event"]["incident"]
    values = {**SAMPLE_PATH_VALUES, "article_id": ids["strike"], "incident_id": incident}
    for path, methods in spec(client)["paths"].items():
        if "get" not in methods:
            continue
        url = re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)
        answer = client.get(url)
        assert answer.status_code == 200, f"GET {url}: {answer.status_code} {answer.text[:200]}"
