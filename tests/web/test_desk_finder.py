"""The statements page, the search across everything, the add-articles page, the error pages
and the offline API docs, driven in real Chromium at 1400 and 400 px (screenshots under
build/screenshots/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

WIDTHS = (1400, 400)
TOKEN = "desk-test-token"  # the conftest's token_desk


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def sized(watched_at: Any, request: pytest.FixtureRequest) -> tuple[Any, int]:
    return watched_at(request.param), request.param


def go(watched: Any, url: str) -> None:
    watched.goto(url)


def test_statements_filter_by_kind_and_open_the_words(desk: Any, sized: tuple[Any, int]) -> None:
    watched, width = sized
    page = watched.page
    go(watched, desk.url + "/statements")
    rows = page.locator("tr.statement-row")
    assert rows.count() == 2  # Zelenskyy's reported words, Peskov's quote
    page.get_by_label("Kind").select_option("quote")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**/statements?**kind=quote**")
    assert rows.count() == 1
    assert "Peskov" in rows.first.inner_text()
    assert page.locator(".chip", has_text="kind: quote").is_visible()
    assert page.locator("#st-total").inner_text().startswith("1 statement")
    watched.shot(f"statements-quote-{width}")
    rows.first.locator("a.words").click()
    page.wait_for_url("**/articles/**hl=**")
    evidence = page.locator(".article-text [data-evidence]")
    assert "".join(evidence.all_inner_texts()) == "ready for a ceasefire"
    assert evidence.first.is_visible()
    watched.shot(f"statements-words-{width}")
    # the chip removes its filter
    go(watched, desk.url + "/statements?kind=quote&country=RUS")
    page.locator(".chip", has_text="kind: quote").click()
    page.wait_for_url("**/statements?country=RUS")
    assert rows.count() == 1 and "Peskov" in rows.first.inner_text()
    watched.assert_clean()


def test_statements_empty_state_says_why(desk: Any, watched: Any) -> None:
    go(watched, desk.url + "/statements?country=FRA&certainty=confirmed")
    empty = watched.page.locator("td.empty").inner_text()
    assert "country = FRA" in empty and "certainty = confirmed" in empty
    watched.assert_clean()


def test_search_from_the_menu_box_marks_every_kind(desk: Any, sized: tuple[Any, int]) -> None:
    watched, width = sized
    page = watched.page
    go(watched, desk.url + "/events")
    box = page.get_by_label("Search everything")
    box.fill("ceasefire")
    box.press("Enter")
    page.wait_for_url("**/search?q=ceasefire")
    articles = page.locator("section[aria-labelledby='hits-articles'] li")
    statements = page.locator("section[aria-labelledby='hits-statements'] li")
    assert articles.count() == 2 and statements.count() == 1
    marks = page.locator("main mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} == {"ceasefire"}
    assert "Peskov" in statements.first.inner_text()
    go(watched, desk.url + "/search?q=peskov")
    actor = page.locator("section[aria-labelledby='hits-actors'] li")
    assert actor.count() == 1 and actor.locator("mark").inner_text() == "Peskov"
    watched.shot(f"search-{width}")
    go(watched, desk.url + "/search?q=zzzxq")
    assert "Nothing found" in page.locator("#search-summary").inner_text()
    watched.assert_clean()


def _outcomes(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#add-outcomes li").all_inner_texts()]


def test_add_page_sends_a_batch_and_shows_rejections(token_desk: Any, sized: tuple[Any, int],
                                                     tmp_path: Path) -> None:
    watched, width = sized
    page = watched.page
    go(watched, token_desk.url + "/add")
    assert "WARDESK_TOKEN" in page.locator("main").inner_text()
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF-1.4\x00\x01\x02" * 200)
    empty = tmp_path / "empty.txt"
    empty.write_text("   ", encoding="utf-8")
    # no token yet: nothing is sent
    page.get_by_label("Text or HTML files").set_input_files([str(binary)])
    page.get_by_role("button", name="Add them").click()
    assert "token first" in page.locator("#add-progress").inner_text()
    # a wrong token is refused with the API's reason
    page.get_by_label("Token", exact=True).fill("wrong")
    page.get_by_role("button", name="Add them").click()
    page.wait_for_selector("#add-progress[data-done='1']")
    assert "refused" in _outcomes(page)[0] and "403" in _outcomes(page)[0]
    assert len(watched.errors) == 1 and "403" in watched.errors[0]  # Chromium logs the refusal
    watched.errors.clear()
    # the right token: two files and a URL to a loopback address, three outcomes in order
    page.get_by_label("Token", exact=True).fill(TOKEN)
    page.get_by_label("Text or HTML files").set_input_files([str(binary), str(empty)])
    page.get_by_label("URLs, one a line").fill("http://127.0.0.1:9/secret")
    page.get_by_role("button", name="Add them").click()
    page.wait_for_selector("#add-progress[data-done='3']", timeout=60_000)
    shown = _outcomes(page)[1:]
    assert len(shown) == 3, shown
    assert all("rejected" in line for line in shown), shown
    assert shown[0].startswith("scan.pdf") and shown[2].startswith("http://127.0.0.1:9/secret")
    assert "blocked_address" in shown[2]
    assert page.locator("#add-progress").inner_text() == "Done: 3 of 3 sent."
    watched.shot(f"add-batch-{width}")
    go(watched, token_desk.url + "/rejections")
    assert "scan.pdf" in page.locator("table.grid").inner_text()
    watched.assert_clean()


@pytest.mark.slow
def test_add_page_pasted_text_becomes_an_article(token_desk: Any, watched: Any) -> None:
    page = watched.page
    go(watched, token_desk.url + "/add")
    page.get_by_label("Token", exact=True).fill(TOKEN)
    page.get_by_label("Title").fill("Shelling near a river town")
    page.get_by_label("Published").first.fill("2025-04-02")
    page.get_by_label("Text", exact=True).fill(
        "Artillery shelled the river town of Berislav on Tuesday, killing two civilians, the "
        "regional governor said. Officials in Kyiv said talks with mediators would resume.")
    page.get_by_role("button", name="Add the text").click()
    page.wait_for_selector("#add-progress[data-done='1']", timeout=240_000)
    line = _outcomes(page)[0]
    assert "new" in line, line
    page.locator("#add-outcomes a").click()
    page.wait_for_url("**/articles/**")
    assert page.locator("main > h1").inner_text() == "Shelling near a river town"
    watched.shot("add-pasted-article")
    watched.assert_clean()


def test_error_pages_keep_the_menu(desk: Any, sized: tuple[Any, int]) -> None:
    watched, width = sized
    page = watched.page
    for path, status, words in (("/events/no-such-event", 404, "not found"),
                                ("/no/such/page", 404, "no page at /no/such/page"),
                                ("/events?since=2025-02-30", 422, "must be a real date"),
                                ("/statements?until=2025-02-30", 422, "must be a real date"),
                                ("/events?type=NOPE", 400, "unknown event type")):
        response = page.goto(desk.url + path)
        assert response is not None and response.status == status, path
        assert words in page.locator(".error-message").inner_text(), path
        assert page.locator("nav#menu a").count() >= 9
        assert page.get_by_label("Search everything").count() == 1
    watched.shot(f"error-400-{width}")
    api = page.request.get(desk.url + "/api/events?since=2025-02-30")
    assert api.status == 422
    assert api.json() == {"detail": "since: must be a real date as YYYY-MM-DD, got '2025-02-30'"}


def test_docs_are_served_offline(desk: Any, watched: Any) -> None:
    page = watched.page
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url)
            if not r.url.startswith((desk.url, "data:")) else None)
    go(watched, desk.url + "/docs")
    page.wait_for_selector("#swagger-ui[data-ready='1']")
    assert page.locator(".opblock-summary-path", has_text="/api/statements").count() >= 1
    assert page.locator(".opblock-summary-path", has_text="/api/search").count() == 1
    assert not outside, outside
    watched.shot("docs")
    watched.assert_clean()
