"""Stored XSS: an article whose title, text, URL, actors, places and rejection carry <script>,
event-handler attributes and javascript: links renders as inert text on every page."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def hostile_pages(desk: Any) -> list[str]:
    article = desk.ids["hostile"]
    return ["/", "/events", "/events/ev-%3Cscript%3E", "/actors", "/positions", "/articles",
            f"/articles/{article}", "/brief?since=2025-03-01&until=2025-03-20", "/rejections",
            "/actors/ukr/reb/%3Cscript%3Ex%3C/script%3E", "/articles?q=Kherson",
            "/statements", "/statements?text=script&speaker=%3Cscript%3E", "/search?q=Kherson",
            "/search?q=script+pwned", "/search?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E", "/add",
            "/docs", f"/articles/{article}?hl=0-200", *ERROR_PATHS, *DESK_D_PATHS]


# the incidents list, map, trends and board pages (engineer D)
DESK_D_PATHS = ["/incidents?background=true", "/map", "/map?of=reports", "/trends?by=actor",
                "/positions/issues/ceasefire", "/positions/moved", "/events?text=%3Cscript%3E"]


ERROR_PATHS = ["/events/%3Cscript%3Ewindow.__pwned%3D9%3C%2Fscript%3E",  # 404 echoing nothing raw
               "/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
               "/events?since=%3Cscript%3Ewindow.__pwned%3D8%3C/script%3E",  # 422 with the value
               "/events?type=%3Cscript%3Ewindow.__pwned%3D7%3C/script%3E"]  # 400 with the value


def test_no_script_runs_and_payload_shows_as_text(hostile_desk: Any, watched: Any) -> None:
    page = watched.page
    payload = hostile_desk.demo.HOSTILE
    for path in hostile_pages(hostile_desk):
        if path in ERROR_PATHS:
            page.goto(hostile_desk.url + path, wait_until="networkidle")
            watched.errors[:] = [e for e in watched.errors if "Failed to load resource" not in e]
        else:
            watched.goto(hostile_desk.url + path)
        page.wait_for_timeout(100)
        # Fire every mouse handler an attacker could have planted, without following links.
        page.evaluate("() => document.addEventListener('click', e => e.preventDefault(), true)")
        for selector in ("a", "span", "td", "div", "p", "li", "b", "i"):
            page.locator(selector).evaluate_all(
                "nodes => nodes.forEach(n => { n.dispatchEvent(new MouseEvent('mouseover'));"
                " n.dispatchEvent(new MouseEvent('click', {cancelable: true})); })")
        assert page.evaluate("() => window.__pwned") is None, path
        assert page.locator("script:not([src])").count() == 0, path
        assert page.locator("[onerror], [onclick], [onmouseover]").count() == 0, path
        assert page.locator("a[href^='javascript:' i]").count() == 0, path
    watched.goto(hostile_desk.url + f"/articles/{hostile_desk.ids['hostile']}")
    assert payload in page.locator(".article-text").inner_text()
    assert payload in page.locator("main h1").inner_text()
    watched.shot("xss-article")
    # search snippets: the hostile text escaped, then only the matched words marked
    watched.goto(hostile_desk.url + "/search?q=script")
    hits = page.locator("section[aria-labelledby='hits-articles'] li")
    assert "<script>window.__pwned=1</script>" in hits.first.inner_text()
    assert {m.lower() for m in hits.first.locator("mark").all_inner_texts()} == {"script"}
    assert page.locator("main mark").count() >= 2
    watched.goto(hostile_desk.url + "/rejections")
    assert payload in page.locator("table.grid").inner_text()
    watched.assert_clean()
