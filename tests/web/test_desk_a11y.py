"""Accessibility and small screens, in real Chromium at 1400 and 400 px: axe-core (from npm,
frontend/node_modules) finds no serious or critical violation on any page; no page scrolls
sideways; every page has the skip link and marks its menu entry with aria-current.

PAGES is the one list of the desk's pages: add yours there (path, and the menu entry it
belongs to, or None)."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (1400, 400)

# (name, path, menu entry the page belongs to). "{strike}" is the strike article's id,
# "{incident}" the strike's incident.
PAGES: list[tuple[str, str, str | None]] = [
    ("overview", "/", "/"),
    ("events", "/events", "/events"),
    ("events-filtered", "/events?type=ASSAULT&since=2025-03-01", "/events"),
    ("event", "/events/ev-strike", "/events"),
    ("actors", "/actors", "/actors"),
    ("actor", "/actors/ukr/gov/volodymyr-zelenskyy", "/actors"),
    ("statements", "/statements", "/statements"),
    ("statements-filtered", "/statements?kind=quote&country=RUS", "/statements"),
    ("positions", "/positions", "/positions"),
    ("articles", "/articles", "/articles"),
    ("article", "/articles/{strike}", "/articles"),
    ("article-span", "/articles/{strike}?hl=95-130", "/articles"),
    ("brief", "/brief", "/brief"),
    ("search", "/search?q=ceasefire", "/search"),
    ("search-empty", "/search", "/search"),
    ("add", "/add", "/add"),
    ("rejections", "/rejections", "/rejections"),
    ("proposals", "/proposals", "/proposals"),
    ("coalitions", "/coalitions", "/coalitions"),
    ("story", "/story?actors=RUS,UKR", "/story"),
    ("incidents", "/incidents", "/incidents"),
    ("incident", "/incidents/{incident}", "/incidents"),
    ("incidents-filtered", "/incidents?type=ASSAULT&type=CONSULT&background=true", "/incidents"),
    ("events-multi", "/events?type=ASSAULT&type=AGREE&country=UKR", "/events"),
    ("events-empty", "/events?country=XYZ", "/events"),
    ("map", "/map", "/map"),
    ("map-reports", "/map?of=reports&type=ASSAULT", "/map"),
    ("trends", "/trends", "/trends"),
    ("trends-actor", "/trends?unit=month&by=actor", "/trends"),
    ("positions-issue", "/positions/issues/ceasefire", "/positions"),
    ("positions-moved", "/positions/moved", "/positions"),
    ("positions-pinned", "/positions?pin=TUR", "/positions"),
    ("docs", "/docs", None),
    ("error-404", "/no-such-page", None),
    ("error-422", "/events?since=2025-02-30", "/events"),
]
ERROR_PAGES = {"error-404": 404, "error-422": 422}


def page_url(desk: Any, path: str) -> str:
    incident = ""
    if "{incident}" in path:  # the strike's incident, as the store numbered it
        with urllib.request.urlopen(desk.url + "/api/events/ev-strike") as answer:
            incident = json.load(answer)["event"]["incident"]
    return desk.url + path.format(strike=desk.ids["strike"], incident=incident)


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def sized(watched_at: Any, request: pytest.FixtureRequest) -> tuple[Any, int]:
    # the desk's CSP forbids injected scripts: the test context lets axe-core in
    return watched_at(request.param, bypass_csp=True), request.param


def open_page(watched: Any, url: str, status: int = 200) -> None:
    response = watched.page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == status, f"{url}: {response and response.status}"
    if status != 200:  # Chromium logs the page's own error status: expected here, nothing else
        said = f"status of {status}"
        mine = [e for e in watched.errors if said in e]
        assert len(mine) <= 1, watched.errors
        watched.errors[:] = [e for e in watched.errors if said not in e]


def axe_violations(page: Any) -> list[dict[str, Any]]:
    if not AXE.is_file():
        pytest.skip("axe-core is absent: run `npm ci --prefix frontend`")
    page.add_script_tag(path=str(AXE))
    found: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))")
    return found


def test_axe_finds_no_serious_violation_on_any_page(desk: Any,
                                                   sized: tuple[Any, int]) -> None:
    watched, width = sized
    problems = {}
    for name, path, _ in PAGES:
        open_page(watched, page_url(desk, path), ERROR_PAGES.get(name, 200))
        if name == "docs":
            watched.page.wait_for_selector("#swagger-ui[data-ready='1']")
        found = axe_violations(watched.page)
        if found:
            problems[name] = found
        watched.shot(f"a11y-{name}-{width}")
    assert not problems, problems
    assert not watched.errors, watched.errors


def test_no_page_scrolls_sideways(desk: Any, sized: tuple[Any, int]) -> None:
    watched, width = sized
    wide = {}
    for name, path, _ in PAGES:
        open_page(watched, page_url(desk, path), ERROR_PAGES.get(name, 200))
        scroll = watched.page.evaluate("() => document.documentElement.scrollWidth")
        if scroll > width:
            wide[name] = scroll
    assert not wide, f"pages wider than {width} px: {wide}"


def test_skip_link_and_current_menu_entry(desk: Any, watched: Any) -> None:
    page = watched.page
    for name, path, entry in PAGES:
        open_page(watched, page_url(desk, path), ERROR_PAGES.get(name, 200))
        current = page.locator("nav#menu a[aria-current='page']")
        if entry is None:
            assert current.count() == 0, name
        else:
            assert current.count() == 1 and current.get_attribute("href") == entry, name
        assert page.locator("main > h1").count() == 1, name
    # the skip link is the first thing the keyboard reaches, and it moves focus to the content
    open_page(watched, desk.url + "/events")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip"
    assert page.locator("a.skip").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == "#main"
    assert page.evaluate("() => document.activeElement.id") == "main"
    watched.assert_clean()


def test_narrow_menu_folds_behind_a_keyboard_button(desk: Any, watched_at: Any) -> None:
    watched = watched_at(400, 800)
    page = watched.page
    open_page(watched, desk.url + "/statements")
    button = page.locator("button.menu-toggle")
    menu = page.locator("nav#menu")
    assert button.is_visible() and not menu.is_visible()
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert menu.is_visible() and button.get_attribute("aria-expanded") == "true"
    watched.shot("menu-open-400")
    page.keyboard.press("Escape")
    assert not menu.is_visible() and button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.className") == "menu-toggle"
    page.keyboard.press("Space")
    page.locator("nav#menu a", has_text="Search").click()
    page.wait_for_url("**/search")
    # tables are cards: one column, each cell labelled with its column's name
    open_page(watched, desk.url + "/statements")
    cell = page.locator("tr.statement-row td").nth(1)
    assert cell.get_attribute("data-label") == "Speaker"
    assert page.locator("table.grid thead").is_visible() is False or \
        page.locator("table.grid thead").bounding_box()["height"] <= 1  # type: ignore[index]
    watched.assert_clean()


def test_wide_menu_shows_every_entry_without_button(desk: Any, watched: Any) -> None:
    open_page(watched, desk.url + "/")
    assert not watched.page.locator("button.menu-toggle").is_visible()
    entries = watched.page.locator("nav#menu a")
    assert entries.count() >= 9
    assert all(entries.nth(i).is_visible() for i in range(entries.count()))
