"""`wardesk incidents` and /api/incidents as a person uses them: a store of the fictional week,
the CLI in every format (machine formats print every row), and the desk's server on loopback."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from click.testing import CliRunner

from wardesk.cli import cli
from wardesk.store import Store

CONTRACT = {"id", "type", "date", "place", "source", "target", "dead", "injured", "status",
            "certainty", "articles", "publishers", "reports"}
REPORT = {"event", "article", "source_id", "publisher", "published", "evidence"}


def run(db: str, *args: str) -> Any:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


@pytest.fixture
def week_db(tmp_path: Path, scenario: ModuleType) -> str:
    path = str(tmp_path / "week.db")
    with Store(path) as store:
        for pair in scenario.week():
            store.save(*pair)
    return path


def test_incidents_jsonl_gives_the_contract_fields(week_db: str, scenario: ModuleType) -> None:
    result = run(week_db, "incidents", "--format", "jsonl")
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 6  # 2 incidents told several times, 4 look-alikes (not the recap)
    for incident in lines:
        assert set(incident) >= CONTRACT
        assert set(incident["date"]) == {"value", "granularity"}
        for report in incident["reports"]:
            assert set(report) >= REPORT and set(report["evidence"]) == {"text", "start", "end"}
    attack = next(i for i in lines if {r["event"] for r in i["reports"]} == scenario.SAME[0])
    assert attack["dead"] == {"min": 2, "max": 3}
    everything = run(week_db, "incidents", "--format", "jsonl", "--background").output
    assert len(everything.splitlines()) == 7


def test_incidents_filters_and_table_and_csv(week_db: str) -> None:
    table = run(week_db, "incidents", "--type", "CONSULT", "--since", "2025-03-01")
    assert table.exit_code == 0 and "Riyadh" in table.output and "Kyiv" not in table.output
    rows = list(csv.DictReader(io.StringIO(
        run(week_db, "incidents", "--format", "csv", "--country", "UKR",
            "--until", "2025-03-11").output)))
    assert {r["place"] for r in rows} == {"Kyiv", "Kharkiv", "Riyadh"}
    assert next(r for r in rows if r["place"] == "Kyiv")["dead"] == "2-3"
    texts = run(week_db, "incidents", "--format", "json", "--text", "glide bomb",
                "--actor", "russian").output
    assert [i["place"]["name"] for i in json.loads(texts)] == ["Kharkiv"]
    assert run(week_db, "incidents", "--type", "NOPE").exit_code == 2


def test_machine_formats_print_every_row_of_events_and_incidents(tmp_path: Path,
                                                                 scenario: ModuleType) -> None:
    path = str(tmp_path / "many.db")
    with Store(path) as store:
        for n in range(130):  # 130 attacks on 130 days: 130 events, 130 incidents
            day = f"2024-{1 + n // 28:02d}-{1 + n % 28:02d}"
            attack = scenario.event(f"n{n}", "ASSAULT", f"Shelling number {n} hit Kharkiv.", day,
                                    scenario.KHARKIV)
            store.save(*scenario.article(f"story-{n}", "North Wire", day, attack))
    for command in ("events", "incidents"):
        jsonl = run(path, command, "--format", "jsonl").output.splitlines()
        assert len(jsonl) == 130
        assert all(json.loads(line).get("incident" if command == "events" else "id")
                   for line in jsonl)
        assert len(list(csv.reader(io.StringIO(run(path, command, "--format", "csv").output)))) == 131
        assert len(json.loads(run(path, command, "--format", "json").output)) == 130
        assert len(run(path, command, "--format", "jsonl", "--limit", "5").output.splitlines()) == 5
    event = json.loads(run(path, "events", "--format", "jsonl", "--limit", "1").output)
    assert event["background"] is False and event["incident"].startswith("inc-")


def test_rebuild_gives_back_the_same_incidents(week_db: str) -> None:
    before = run(week_db, "incidents", "--format", "jsonl", "--background").output
    result = run(week_db, "incidents", "--rebuild")
    assert result.exit_code == 0 and "rebuilt 7 incidents" in result.output
    assert run(week_db, "incidents", "--format", "jsonl", "--background").output == before


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(week_db: str) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "WARDESK_SERVE_WORKERS": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "wardesk.cli", "--db", week_db, "serve",
                             "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/api/stats", timeout=2).close()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_api_lists_incidents_and_gives_one_with_its_reports(server: str,
                                                           scenario: ModuleType) -> None:
    status, page = _get(f"{server}/api/incidents?type=ASSAULT&limit=2")
    assert status == 200 and page["total"] == 4 and len(page["incidents"]) == 2
    status, listed = _get(f"{server}/api/incidents?country=UKR&until=2025-03-11")
    attack = next(i for i in listed["incidents"]
                  if {r["event"] for r in i["reports"]} == scenario.SAME[0])
    status, one = _get(f"{server}/api/incidents/{attack['id']}")
    assert status == 200 and one == attack and set(one) >= CONTRACT
    assert _get(f"{server}/api/incidents/inc-0000")[0] == 404
    assert _get(f"{server}/api/incidents?since=2025-02-30")[0] in (400, 422)
    status, background = _get(f"{server}/api/incidents?background=true&limit=100")
    assert background["total"] == 7
    status, events = _get(f"{server}/api/events?limit=100")
    assert all(e["incident"] for e in events["events"])
    assert {e["id"] for e in events["events"] if e["background"]} == {"r1", "r2"}
