"""One date check for every route, clear error answers (JSON for the API, a page with the menu
for pages), the statements filters and the search across articles, statements and actors."""

from __future__ import annotations

from typing import Any

from fastapi.dependencies.utils import get_flat_params
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from wardesk.api.finder import find_marks, snippet
from wardesk.store import Store, finder
from wardesk.store.finder import StatementFilter

DATE_PARAMS = {"since", "until", "day", "date", "from", "to", "start", "end", "week", "at"}
IMPOSSIBLE = "2025-02-30"
MESSAGE = "{name}: must be a real date as YYYY-MM-DD, got '2025-02-30'"


def _all_routes(routes: list[Any]) -> list[Any]:
    """The app's routes, with those of included routers (newer FastAPI wraps each router)."""
    found = []
    for route in routes:
        inner = getattr(route, "original_router", None)
        found += _all_routes(inner.routes) if inner is not None else [route]
    return found


def _date_routes(client: TestClient) -> list[tuple[str, str]]:
    """(path, date parameter) of every GET route of the app, API and pages alike."""
    found = []
    for route in _all_routes(client.app.routes):  # type: ignore[attr-defined]
        if not isinstance(route, APIRoute) or "GET" not in route.methods:
            continue
        for param in get_flat_params(route.dependant):
            if param.name in DATE_PARAMS:
                found.append((route.path, param.name))
    return found


def _fill(path: str) -> str:
    return path.replace("{actor_id:path}", "x/y/z").replace("{", "").replace("}", "")


def test_an_impossible_date_is_refused_by_every_route_with_one_message(
        client: TestClient) -> None:
    routes = _date_routes(client)
    paths = {p for p, _ in routes}
    assert {"/api/events", "/api/statements", "/api/brief", "/events", "/statements",
            "/brief"} <= paths, paths
    for path, name in routes:
        answer = client.get(_fill(path), params={name: IMPOSSIBLE})
        assert answer.status_code == 422, (path, name, answer.status_code)
        expected = MESSAGE.format(name=name)
        if path.startswith("/api/"):
            assert answer.json() == {"detail": expected}, (path, answer.text[:300])
        else:
            assert answer.headers["content-type"].startswith("text/html")
            assert expected.replace("'", "&#39;") in answer.text, path
    # a good date and an empty form field pass
    assert client.get("/api/events", params={"since": "2024-02-29"}).status_code == 200
    assert client.get("/statements", params={"since": "", "until": ""}).status_code == 200


def test_the_store_refuses_the_same_date_with_the_same_words(tmp_path: Any) -> None:
    from wardesk.errors import UsageError
    from wardesk.store import EventFilter

    with Store(str(tmp_path / "s.db")) as store:
        for call in (lambda: store.count_events(EventFilter(until=IMPOSSIBLE)),
                     lambda: finder.statements(store, StatementFilter(until=IMPOSSIBLE))):
            try:
                call()
            except UsageError as exc:
                assert str(exc) == MESSAGE.format(name="until")
            else:
                raise AssertionError("an impossible date passed the store")


def test_api_errors_are_one_sentence_never_a_pydantic_dump(client: TestClient) -> None:
    for url, status, words in (("/api/events?limit=0", 422, "limit: Input should be greater"),
                               ("/api/events?offset=-1", 422, "offset:"),
                               ("/api/events?type=NOPE", 400, "unknown event type 'NOPE'"),
                               ("/api/articles/nope", 404, "no such article"),
                               ("/api/nowhere", 404, "no page at /api/nowhere")):
        answer = client.get(url)
        assert answer.status_code == status, url
        body = answer.json()
        assert set(body) == {"detail"} and isinstance(body["detail"], str), body
        assert words in body["detail"], body


def test_the_spec_documents_errors_as_they_are_sent(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert schemas["HTTPValidationError"]["properties"] == {
        "detail": {"type": "string", "title": "Detail",
                   "description": "What was wrong, in one sentence"}}
    assert "ValidationError" not in schemas


def test_page_errors_are_pages_with_the_menu(client: TestClient) -> None:
    for url, status in (("/events/nope", 404), ("/nowhere", 404), ("/events?type=NOPE", 400),
                        ("/articles?offset=-5", 422), ("/actors/nobody/at/all", 404)):
        answer = client.get(url)
        assert answer.status_code == status, url
        assert answer.headers["content-type"].startswith("text/html"), url
        assert 'id="menu"' in answer.text and 'class="error-message"' in answer.text, url
        assert "[{" not in answer.text  # no raw validation list


def test_statements_filter_by_speaker_country_kind_certainty_and_words(
        client: TestClient) -> None:
    def contents(**params: str) -> list[str]:
        body = client.get("/api/statements", params=params).json()
        assert body["total"] == len(body["statements"])
        return [s["content"] for s in body["statements"]]

    both = ["ready for a ceasefire", "the attack a cowardly act of terror"]
    assert contents() == both  # newest article first
    assert contents(kind="quote") == ["ready for a ceasefire"]
    assert contents(kind="reported") == ["the attack a cowardly act of terror"]
    assert contents(country="ukr") == ["the attack a cowardly act of terror"]
    assert contents(speaker="peskov") == ["ready for a ceasefire"]
    assert contents(speaker="rus/gov/dmitry-peskov") == ["ready for a ceasefire"]
    assert contents(actor="RUS") == ["ready for a ceasefire"]  # the older parameter
    assert contents(text="coward") == ["the attack a cowardly act of terror"]
    assert contents(since="2025-03-12") == ["ready for a ceasefire"]
    assert contents(until="2025-03-12") == ["the attack a cowardly act of terror"]
    assert contents(certainty="confirmed") == []
    assert contents(text="%") == [] and contents(speaker="_") == []
    assert client.get("/api/statements", params={"kind": "rumour"}).status_code == 422
    assert client.get("/api/statements", params={"certainty": "sure"}).status_code == 400
    one = client.get("/api/statements", params={"kind": "quote"}).json()["statements"][0]
    assert one["kind"] == "quote" and one["speaker_country"] == "RUS"
    assert one["href"] == f"/articles/{one['article_id']}?hl={one['start']}-{one['end']}"
    page = client.get(one["href"])
    assert page.status_code == 200
    assert 'data-evidence="1"' in page.text and "ready for a ceasefire</span>" in page.text


def test_search_finds_articles_statements_and_actors_with_marks(client: TestClient,
                                                               ids: dict[str, str]) -> None:
    body = client.get("/api/search", params={"q": "ceasefire"}).json()
    assert {a["id"] for a in body["articles"]} == {ids["strike"], ids["talks"]}
    for a in body["articles"]:
        text, marks = a["snippet"]["text"], a["snippet"]["marks"]
        assert marks and all(text[s:e].lower() == "ceasefire" for s, e in marks)
    assert [s["content"] for s in body["statements"]] == ["ready for a ceasefire"]
    assert body["actors"] == []
    assert len(body["incidents"]) == 1  # the meeting to discuss a ceasefire
    if body["incidents"]:
        meeting = body["incidents"][0]
        text, marks = meeting["snippet"]["text"], meeting["snippet"]["marks"]
        assert "Ankara" in meeting["summary"] and [text[s:e] for s, e in marks] == ["ceasefire"]
        assert meeting["href"] == f"/incidents/{meeting['id']}"
    people = client.get("/api/search", params={"q": "zelensk*"}).json()
    assert [a["id"] for a in people["actors"]] == ["ukr/gov/volodymyr-zelenskyy"]
    assert people["actors"][0]["name_marks"] == [[10, 19]]
    prefix = client.get("/api/search", params={"q": "negotiat*"}).json()
    assert [a["id"] for a in prefix["articles"]] == [ids["talks"]]
    assert [prefix["articles"][0]["snippet"]["text"][s:e] for s, e in
            prefix["articles"][0]["snippet"]["marks"]] == ["Negotiators"]
    assert client.get("/api/search", params={"q": "\" OR 1=1 --"}).status_code == 200
    assert client.get("/api/search", params={"q": ""}).json()["articles"] == []


def test_snippet_marks_whole_words_by_prefix_ignoring_case_and_accents() -> None:
    text = "Talks in Kyïv: KYIV officials met; Kyivstar was hit."
    assert [text[s:e] for s, e in find_marks(text, ["kyiv"])] == ["Kyïv", "KYIV", "Kyivstar"]
    long = "word " * 100 + "ceasefire now " + "more " * 100
    cut = snippet(long, ["ceasefire"], size=60)
    assert cut["cut_before"] and cut["cut_after"] and len(cut["text"]) <= 60
    assert [cut["text"][s:e] for s, e in cut["marks"]] == ["ceasefire"]
