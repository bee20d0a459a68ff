"""Downloads of the current filter: CSV, PLOVER JSON Lines and GeoJSON hold exactly the
filtered events (all pages of them)."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient


def test_csv_download_follows_the_filter(client: TestClient) -> None:
    answer = client.get("/api/events.csv", params={"type": "ASSAULT", "limit": 1, "by": "report"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == 2  # the filter without its paging


def test_csv_download_is_by_incident_unless_by_report(client: TestClient) -> None:
    """The Odesa strike and the ministry's claim about it are one incident: one row, its
    4 dead counted once."""
    answer = client.get("/api/events.csv", params={"type": "ASSAULT"})
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == 1
    assert sorted(rows[0]["event_ids"].split("; ")) == ["ev-claim", "ev-strike"]
    assert (rows[0]["dead_min"], rows[0]["dead_max"]) == ("4", "4")
    assert client.get("/api/events.csv", params={"by": "article"}).status_code == 422


def test_plover_download(client: TestClient) -> None:
    answer = client.get("/api/events.plover.jsonl", params={"status": "planned"})
    lines = [json.loads(line) for line in answer.text.splitlines() if line.strip()]
    assert [line["event"] for line in lines] == ["CONSULT"]


def test_geojson_download_has_located_points(client: TestClient) -> None:
    data = client.get("/api/events.geojson", params={"by": "report"}).json()
    assert data["type"] == "FeatureCollection"
    coords = sorted(tuple(f["geometry"]["coordinates"]) for f in data["features"])
    assert (30.73, 46.48) in coords  # GeoJSON order: lon, lat (Odesa)
    assert len(coords) == 4
    incidents = client.get("/api/events.geojson").json()["features"]
    assert len(incidents) == 3  # the strike and the claim about it: one point
    odesa = next(f for f in incidents if f["geometry"]["coordinates"] == [30.73, 46.48])
    assert odesa["properties"]["reports"] == 2
