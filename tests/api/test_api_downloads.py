"""Downloads of the current filter: CSV, PLOVER JSON Lines and GeoJSON hold exactly the
filtered events (all pages of them)."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient


def test_csv_download_follows_the_filter(client: TestClient) -> None:
    answer = client.get("/api/events.csv", params={"type": "ASSAULT", "limit": 1})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == 2  # the filter without its paging


def test_plover_download(client: TestClient) -> None:
    answer = client.get("/api/events.plover.jsonl", params={"status": "planned"})
    lines = [json.loads(line) for line in answer.text.splitlines() if line.strip()]
    assert [line["event"] for line in lines] == ["CONSULT"]


def test_geojson_download_has_located_points(client: TestClient) -> None:
    data = client.get("/api/events.geojson").json()
    assert data["type"] == "FeatureCollection"
    coords = sorted(tuple(f["geometry"]["coordinates"]) for f in data["features"])
    assert (30.73, 46.48) in coords  # GeoJSON order: lon, lat (Odesa)
    assert len(coords) == 4
