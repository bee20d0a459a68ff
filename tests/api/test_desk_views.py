"""The JSON twins of the map, trends, events list, negotiations board and brief download, over a
store of fictional reports (tests/web/desk_many.py): each answer checked against the store's own
counts, never against numbers written here by hand where the store can say them."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

from wardesk.api import create_app
from wardesk.settings import Settings
from wardesk.store import EventFilter, Store


def load_many() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "web" / "desk_many.py"
    spec = importlib.util.spec_from_file_location("wardesk_desk_many_api", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def many() -> Iterator[tuple[TestClient, str, ModuleType]]:
    import tempfile

    module = load_many()
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "many.db")
        module.fill(path)
        with TestClient(create_app(path, Settings(db=path))) as client:
            yield client, path, module


def _count(path: str, **kw: Any) -> int:
    with Store(path) as store:
        return store.count_events(EventFilter(**kw))


def test_map_gives_every_located_event_newest_first_with_its_place_kind(many: Any) -> None:
    client, path, module = many
    points = client.get("/api/map", params={"of": "reports"}).json()["points"]
    assert len(points) == _count(path)  # every event of this store has coordinates
    dates = [p["date"] for p in points]
    assert dates == sorted(dates, reverse=True)
    kinds = {p["place"]: p["kind"] for p in points}
    assert {name for name, *_ in module.COUNTRIES} == {n for n, k in kinds.items() if k == "country"}
    assert kinds["Kharkiv"] == "point" and kinds["El Fasher"] == "point"
    coerce = client.get("/api/map", params={"type": "COERCE", "of": "reports"}).json()["points"]
    assert coerce and {p["event"] for p in coerce} == {"COERCE"}
    assert len(coerce) == _count(path, type="COERCE")


def test_map_of_incidents_has_one_point_per_incident_with_its_deaths_range(many: Any) -> None:
    client, path, _ = many
    points = client.get("/api/map").json()["points"]
    with Store(path) as store:
        assert len(points) == store.count_incidents(EventFilter())
        assert len(client.get("/api/map", params={"background": True}).json()["points"]) == \
            store.count_incidents(EventFilter(), background=True)
        for code in ("SDN", "UKR"):
            country = client.get("/api/map", params={"country": code}).json()["points"]
            assert len(country) == store.count_incidents(EventFilter(country=code)) > 0
        told_twice = [p for p in points if p["reports"] > 1]
        assert told_twice
        incident = store.incident(told_twice[0]["id"])
    assert incident is not None
    deads = [r["dead"] for r in incident["reports"] if r["dead"] is not None]
    assert told_twice[0]["dead"] == {"min": min(deads), "max": max(deads)}
    popup = client.get(f"/api/map/incidents/{told_twice[0]['id']}").json()
    assert all(r["url"].startswith("https://example.org/") for r in popup["reports"])
    assert client.get("/api/map/incidents/inc-nothing").status_code == 404


def test_incidents_list_hides_recaps_unless_asked_and_sums_tolls(many: Any) -> None:
    client = many[0]
    shown = client.get("/api/desk/incidents", params={"limit": 1000}).json()
    every = client.get("/api/desk/incidents", params={"limit": 1000, "background": True}).json()
    assert every["total"] == shown["total"] + 1
    recap = [i for i in every["incidents"] if i["background"]]
    assert len(recap) == 1 and recap[0]["date"]["value"] == "2024-06-10"
    tolls = [i["dead"] for i in shown["incidents"] if i["dead"]]
    assert shown["deaths"] == {"incidents": len(tolls), "min": sum(t["min"] for t in tolls),
                               "max": sum(t["max"] for t in tolls)}
    both = client.get("/api/desk/incidents?type=ASSAULT&type=COERCE&limit=1000").json()
    assert both["total"] == shown["total"]  # every incident here is one of the two types
    assert [i["id"] for i in both["incidents"]] == [i["id"] for i in shown["incidents"]]
    assert client.get("/api/desk/incidents?status=occurred&status=planned").status_code == 400
    empty = client.get("/api/desk/incidents", params={"country": "XYZ"}).json()
    assert any("not a country code" in r for r in empty["empty_because"])


def test_map_places_name_capitals_and_big_cities_offline(many: Any) -> None:
    client = many[0]
    places = {p["name"]: p for p in client.get("/api/map/places").json()["places"]}
    assert places["Kyiv"]["rank"] == 1 and places["Kyiv"]["country"] == "UKR"
    assert places["Khartoum"]["rank"] == 1
    assert places["Kharkiv"]["rank"] == 2  # over a million people
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places.values())


def test_weekly_trend_has_every_week_and_each_bar_counts_the_events_it_links_to(many: Any) -> None:
    client, _path, _ = many
    data = client.get("/api/trends", params={"unit": "week", "by": "type", "count": "reports"}).json()
    starts = [dt.date.fromisoformat(b["start"]) for b in data["buckets"]]
    assert all((b - a).days == 7 for a, b in itertools.pairwise(starts))
    assert len(starts) == 26
    quiet = [b for b in data["buckets"] if b["total"] == 0 and b["start"] >= "2025-01-06"]
    assert [b["start"] for b in quiet] == ["2025-03-03", "2025-03-10", "2025-03-17"]
    assert data["cells"]
    for cell in data["cells"]:
        linked = client.get("/api/events" + cell["href"][len("/events"):]).json()["total"]
        assert linked == cell["count"], cell


def test_trends_of_incidents_count_each_incident_once_and_link_to_them(many: Any) -> None:
    client = many[0]
    for params in ({"by": "type"}, {"by": "country", "unit": "month"}, {"by": "type", "country": "UKR"}):
        data = client.get("/api/trends", params=params).json()
        assert data["count"] == "incidents" and data["cells"]
        for cell in data["cells"]:
            assert cell["href"].startswith("/incidents?")
            linked = client.get("/api/incidents" + cell["href"][len("/incidents"):]).json()["total"]
            assert linked == cell["count"], (params, cell)
    reports = client.get("/api/trends", params={"count": "reports"}).json()
    incidents = client.get("/api/trends").json()
    assert sum(c["count"] for c in incidents["cells"]) < sum(c["count"] for c in reports["cells"])


def test_trends_by_month_country_and_actor(many: Any) -> None:
    client, path, _ = many
    months = client.get("/api/trends", params={"unit": "month", "by": "country",
                                                "count": "reports"}).json()
    assert all(b["start"].endswith("-01") for b in months["buckets"])
    names = {s["key"]: s["name"] for s in months["series"]}
    assert names["UKR"] == "Ukraine" and names["SDN"] == "Sudan"
    ukr = sum(c["count"] for c in months["cells"] if c["series"] == "UKR")
    assert ukr == _count(path, country="UKR", since=months["since"], until=months["until"])
    actors = client.get("/api/trends", params={"by": "actor"}).json()
    assert actors["series"][0]["name"] == "Russian forces"
    old = client.get("/api/trends", params={"unit": "month", "since": "1960-01-01"}).json()
    assert old["buckets"][0]["start"] == "1960-01-01" and old["cells"][0]["start"] == "1960-05-01"
    assert client.get("/api/trends", params={"since": "2025-05-01", "until": "2025-01-01"}).status_code == 400
    assert client.get("/api/trends", params={"unit": "day"}).status_code == 422


def test_what_changed_flags_the_sudden_rise_against_the_four_weeks_before(many: Any) -> None:
    client, path, _ = many
    data = client.get("/api/trends/changes", params={"count": "reports"}).json()
    week, end = data["week"], data["end"]
    rows = {(r["country"], r["type"]): r for r in data["rows"]}
    ukr = rows[("UKR", "ASSAULT")]
    assert ukr["flag"] == "rise"
    assert ukr["this_week"] == _count(path, country="UKR", type="ASSAULT", since=week, until=end)
    first, last = data["compared_with"]
    before = _count(path, country="UKR", type="ASSAULT", since=first, until=last)
    assert ukr["previous_mean"] == round(before / 4, 2)
    assert all(r["flag"] == "" for r in data["rows"] if r["this_week"] < 3)


def test_events_list_is_newest_first_and_sums_several_values_of_a_filter(many: Any) -> None:
    client, path, _ = many
    one = client.get("/api/desk/events", params={"limit": 10}).json()
    days = [e["date"]["value"] for e in one["events"]]
    assert days == sorted(days, reverse=True)
    both = client.get("/api/desk/events?type=ASSAULT&type=COERCE&country=UKR&limit=1000").json()
    assert both["total"] == _count(path, type="ASSAULT", country="UKR") + _count(
        path, type="COERCE", country="UKR")
    assert len(both["events"]) == both["total"]
    merged = [e["date"]["value"] for e in both["events"]]
    assert merged == sorted(merged, reverse=True)
    page = client.get("/api/desk/events?type=ASSAULT,COERCE&country=UKR&limit=5&offset=5").json()
    assert [e["id"] for e in page["events"]] == [e["id"] for e in both["events"][5:10]]
    deads = [e["dead"] for e in both["events"] if e.get("dead") is not None]
    assert both["deaths"] == {"reports": len(deads), "at_least": max(deads), "at_most": sum(deads)}
    removes = {(c["key"], c["value"]): c["remove"] for c in both["chips"]}
    assert removes[("type", "COERCE")] == "/events?type=ASSAULT&country=UKR"


def test_empty_events_list_says_why(many: Any) -> None:
    client = many[0]
    data = client.get("/api/desk/events", params={"country": "XYZ"}).json()
    assert data["total"] == 0
    assert any("not a country code" in r for r in data["empty_because"])
    data = client.get("/api/desk/events", params={"actor": "Nobody Such", "type": "AID"}).json()
    assert any("no actor" in r for r in data["empty_because"])
    assert any("type “AID”" in r for r in data["empty_because"])
    data = client.get("/api/desk/events", params={"country": "SYR", "type": "COERCE",
                                                   "since": "2025-05-19"}).json()
    assert data["total"] == 0 and data["empty_because"] == [
        "each filter matches events on its own, but no event matches them all"]
    assert client.get("/api/desk/events", params={"since": "2025-02-30"}).status_code == 422


def test_board_puts_the_most_active_parties_first_with_readable_names(many: Any) -> None:
    client = many[0]
    board = client.get("/api/negotiations/board").json()
    ids = [p["id"] for p in board["parties"]]
    assert ids[:3] == ["RUS", "UKR", "USA"]
    names = [p["name"] for p in board["parties"]]
    assert "the Western allies" in names and not any("/" in n for n in names)
    pinned = client.get("/api/negotiations/board", params={"pin": "TUR"}).json()
    assert pinned["parties"][0]["id"] == "TUR" and pinned["parties"][0]["pinned"]
    cells = {(c["issue"], c["party"]): c for r in board["rows"] for c in r["cells"] if c}
    rus = cells[("ceasefire", "RUS")]
    assert rus["stance"] == "accept" and [c["to"] for c in rus["changes"]] == ["condition", "accept"]
    assert cells[("troop_withdrawal", "UKR")]["target_name"] == "Government of RUS"
    history = client.get("/api/negotiations/issues/ceasefire").json()["positions"]
    assert [p["stance"] for p in history if p["party"] == "RUS"] == ["reject", "condition", "accept"]
    assert client.get("/api/negotiations/moved").json()["changes"]


def test_brief_downloads_as_markdown_for_its_window(many: Any) -> None:
    client = many[0]
    answer = client.get("/api/brief.md", params={"since": "2025-05-17", "until": "2025-05-24"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/markdown")
    assert 'filename="brief-2025-05-17-2025-05-24.md"' in answer.headers["content-disposition"]
    assert answer.text.startswith("# Situation brief, 2025-05-17 to 2025-05-24")
    page = client.get("/brief", params={"since": "2025-05-17", "until": "2025-05-24"}).text
    assert 'href="/brief?since=2025-05-17&amp;until=2025-05-24"' in page  # the permalink


@pytest.fixture
def hostile_client(tmp_path: Path) -> Iterator[tuple[TestClient, ModuleType]]:
    path = Path(__file__).with_name("desk_records.py")
    spec = importlib.util.spec_from_file_location("wardesk_desk_records_d", path)
    assert spec and spec.loader
    demo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(demo)
    db = str(tmp_path / "hostile.db")
    demo.fill(db, hostile=True)
    with TestClient(create_app(db, Settings(db=db))) as client:
        yield client, demo


HOSTILE_PAGES = ["/events", "/events?country=UKR&type=ASSAULT", "/events?text=%3Cscript%3E",
                 "/map", "/trends?by=actor", "/trends?by=country", "/positions",
                 "/positions/moved", "/positions/issues/ceasefire", "/brief?since=2025-03-01"]


def test_desk_pages_escape_hostile_text(hostile_client: Any) -> None:
    client, demo = hostile_client
    for path in HOSTILE_PAGES:
        html = client.get(path).text
        assert "<script>window.__pwned" not in html, path
        assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", ""), path
    board = client.get("/positions").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in client.get(
        "/positions/issues/ceasefire").text
    assert "unk/" not in board
    points = client.get("/api/map").json()["points"]
    assert any(demo.HOSTILE in p["place"] for p in points)  # data, drawn with textContent only


def test_what_moved_reads_lightly_but_says_what_position_changes_says(many: Any) -> None:
    from wardesk.store import desk

    _, path, _ = many
    with Store(path) as store:
        for since in (None, "2025-01-01", "2025-04-01"):
            assert desk.position_moves(store, since) == store.position_changes(since=since)


def test_what_changed_counts_incidents_unless_reports_are_asked_for(many: Any) -> None:
    client, path, _ = many
    data = client.get("/api/trends/changes").json()
    assert data["count"] == "incidents" and "incidents" in data["rule"]
    with Store(path) as store:
        for r in data["rows"]:
            f = EventFilter(country=r["country"], type=r["type"], since=data["week"],
                            until=data["end"])
            assert r["this_week"] == store.count_incidents(f), r
    assert client.get("/api/trends/changes", params={"count": "x"}).status_code == 422


def test_events_list_shows_every_report_but_can_leave_recaps_out(many: Any) -> None:
    client, path, _ = many
    every = client.get("/api/desk/events", params={"limit": 1000}).json()
    news = client.get("/api/desk/events", params={"limit": 1000, "background": False}).json()
    recaps = client.get("/api/desk/events", params={"limit": 1000, "background": True}).json()
    assert recaps["total"] == len(recaps["events"]) >= 1
    assert all(e["background"] for e in recaps["events"])
    assert not any(e["background"] for e in news["events"])
    assert news["total"] + recaps["total"] == every["total"] == _count(path)
    assert sorted(e["id"] for e in every["events"]) == sorted(
        e["id"] for e in news["events"] + recaps["events"])
