"""The read-only JSON API over a store of hand-built records: filters, paging, lookups."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_events_filter_by_type_and_status(client: TestClient) -> None:
    body = client.get("/api/events", params={"type": "ASSAULT"}).json()
    assert {e["id"] for e in body["events"]} == {"ev-strike", "ev-claim"}
    assert body["total"] == 2
    planned = client.get("/api/events", params={"status": "planned"}).json()["events"]
    assert [e["id"] for e in planned] == ["ev-meet"]


def test_events_filter_by_certainty_country_and_quad(client: TestClient) -> None:
    claimed = client.get("/api/events", params={"certainty": "claimed"}).json()["events"]
    assert [e["id"] for e in claimed] == ["ev-claim"]
    turkey = client.get("/api/events", params={"country": "TUR"}).json()["events"]
    assert {e["id"] for e in turkey} == {"ev-meet", "ev-agree"}  # an actor's or the place's
    coop = client.get("/api/events", params={"quad": "verbal_cooperation"}).json()["events"]
    assert {e["event"] for e in coop} == {"CONSULT", "AGREE"}


def test_events_since_until_and_text(client: TestClient) -> None:
    window = client.get("/api/events", params={"since": "2025-03-12", "until": "2025-03-13"})
    assert {e["id"] for e in window.json()["events"]} == {"ev-agree", "ev-reject"}
    text = client.get("/api/events", params={"text": "prisoners"}).json()["events"]
    assert [e["id"] for e in text] == ["ev-agree"]


def test_events_paging_and_sort(client: TestClient) -> None:
    first = client.get("/api/events", params={"limit": 2, "sort": "date"}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2, "sort": "date"}).json()
    assert first["total"] == second["total"] == 5
    ids = [e["id"] for e in first["events"] + second["events"]]
    assert len(ids) == len(set(ids)) == 4
    newest = client.get("/api/events", params={"limit": 1, "sort": "-date"}).json()["events"]
    assert newest[0]["id"] == "ev-meet"  # planned for 2025-03-14, the latest date


def test_bad_filter_value_is_a_client_error(client: TestClient) -> None:
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"type": "NOT_A_TYPE"}).status_code == 400


def test_event_lookup_carries_its_article(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get("/api/events/ev-strike").json()
    assert body["event"]["dead"] == 4
    assert body["article"]["id"] == ids["strike"]
    ev = body["event"]["evidence"]
    assert body["article"]["text"][ev["start"]:ev["end"]] == ev["text"]
    assert client.get("/api/events/nope").status_code == 404


def test_articles_search_and_lookup(client: TestClient, ids: dict[str, str]) -> None:
    everything = client.get("/api/articles").json()["articles"]
    assert [a["published"] for a in everything] == ["2025-03-13", "2025-03-11"]
    found = client.get("/api/articles", params={"q": "Istanbul prisoners"}).json()["articles"]
    assert [a["id"] for a in found] == [ids["talks"]]
    one = client.get(f"/api/articles/{ids['strike']}").json()
    assert one["record"]["article"]["id"] == ids["strike"]
    assert "Odesa" in one["article"]["text"]
    assert client.get("/api/articles/0000").status_code == 404


def test_actor_view_with_slashed_id(client: TestClient) -> None:
    body = client.get("/api/actors/ukr/gov/volodymyr-zelenskyy").json()
    assert body["actor"]["role"] == "President"
    assert [e["id"] for e in body["as_source"]] == ["ev-meet"]
    assert body["partners"] == [{"actor": "tur/gov/recep-tayyip-erdogan",
                                 "name": "Recep Tayyip Erdogan", "events": 1}]
    assert body["statements"][0]["cue"] == "called"
    assert body["timeline"] == [{"month": "2025-03", "source": 1, "target": 0}]
    listed = client.get("/api/actors", params={"country": "RUS"}).json()["actors"]
    assert "rus/gov/dmitry-peskov" in {a["id"] for a in listed}


def test_positions_board_keeps_latest_stance_and_history(client: TestClient) -> None:
    board = client.get("/api/positions/board").json()
    cells = {(c["issue"], c["party"]): c for c in board["cells"]}
    ukraine_ceasefire = cells[("ceasefire", "UKR")]
    assert ukraine_ceasefire["stance"] == "reject"  # 03-13 replaces the 03-11 condition
    assert [h["stance"] for h in ukraine_ceasefire["history"]] == ["condition", "reject"]
    assert "troop_withdrawal" in board["issues"] and "RUS" in board["parties"]


def test_statements_positions_changes_rejections(client: TestClient) -> None:
    said = client.get("/api/statements", params={"actor": "rus/gov/dmitry-peskov"}).json()
    assert said["statements"][0]["content"] == "ready for a ceasefire"
    held = client.get("/api/positions", params={"issue": "military_aid"}).json()["positions"]
    assert [p["stance"] for p in held] == ["oppose"]
    changes = client.get("/api/positions/changes", params={"since": "2025-03-12"}).json()
    kinds = {(c["party"], c["issue"], c["kind"]) for c in changes["changes"]}
    assert ("UKR", "ceasefire", "changed") in kinds
    rejected = client.get("/api/rejections").json()["rejections"]
    assert rejected[0]["reason"] == "not_english"


def test_stats_counts_days_and_located_events(client: TestClient) -> None:
    body = client.get("/api/stats").json()
    assert body["counts"]["events"] == 5 and body["counts"]["articles"] == 2
    per_day = {(r["date"], r["type"]): r["count"] for r in body["per_day"]}
    assert per_day[("2025-03-10", "ASSAULT")] == 2
    located = {p["id"] for p in body["located"]}
    assert located == {"ev-strike", "ev-claim", "ev-meet", "ev-agree"}
    by_country = {r["country"]: r["count"] for r in body["by_country"]}
    assert by_country["TUR"] == 2  # the Ankara meeting and the Istanbul agreement


def test_facets_count_the_filtered_events(client: TestClient) -> None:
    facets = client.get("/api/events/facets", params={"type": "ASSAULT"}).json()
    assert {f["value"]: f["count"] for f in facets["certainty"]} == {"reported": 1, "claimed": 1}


def test_brief_json(client: TestClient) -> None:
    brief = client.get("/api/brief", params={"since": "2025-03-09", "until": "2025-03-13"}).json()
    first = brief["key_events"][0]  # casualties rank first: the strike, one incident
    assert sorted(first["events"]) == ["ev-claim", "ev-strike"]
    assert first["href"] == f"/incidents/{first['incident']}"
    assert [c["dead"] for c in brief["casualties"]] == [{"min": 4, "max": 4}]
    assert brief["casualties"][0]["figures"][0]["attribution"] == "the regional governor"
    assert [m["id"] for m in brief["meetings_ahead"]] == ["ev-meet"]
    assert client.get("/api/brief", params={"since": "yesterday"}).status_code == 422


def test_security_headers_on_every_answer(client: TestClient) -> None:
    for url in ("/", "/api/events", "/events"):
        csp = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_positions_page_through_the_history(client: TestClient) -> None:
    whole = client.get("/api/positions").json()["positions"]
    assert len(whole) >= 2
    pages = [client.get("/api/positions", params={"limit": 1, "offset": k}).json()["positions"]
             for k in range(len(whole))]
    assert [p[0] for p in pages] == whole
    assert client.get("/api/positions", params={"limit": 0}).status_code == 422
