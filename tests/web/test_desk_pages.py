"""The desk's pages in real headless Chromium: every page loads without a console or page
error, the overview draws its chart and map, a facet filters the events table, and an event
opens with its evidence highlighted in the article."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "overview": "/", "events": "/events", "actors": "/actors", "positions": "/positions",
    "articles": "/articles", "brief": "/brief", "rejections": "/rejections",
    "actor": "/actors/ukr/gov/volodymyr-zelenskyy", "event": "/events/ev-strike",
}


def test_every_page_loads_clean(desk: Any, watched: Any) -> None:
    pages = {**PAGES, "article": f"/articles/{desk.ids['strike']}"}
    for name, path in pages.items():
        watched.goto(desk.url + path)
        assert watched.page.locator("main h1").count() == 1, name
        watched.shot(name)
    watched.assert_clean()


def test_overview_draws_chart_and_map(desk: Any, watched: Any) -> None:
    watched.goto(desk.url + "/")
    watched.page.wait_for_selector("body[data-ready='1']")
    assert watched.page.locator("#per-day svg rect").count() >= 4  # one bar part per day/type
    assert watched.page.locator("#map").get_attribute("data-ready") == "4"
    countries = watched.page.locator("#map path.leaflet-interactive")
    assert countries.count() > 100  # the world basemap's countries plus the event markers
    assert watched.page.locator("#by-country li").first.inner_text().startswith(("UKR", "RUS", "TUR"))
    watched.shot("overview-map")
    watched.assert_clean()


def test_facet_filters_then_event_shows_highlighted_evidence(desk: Any, watched: Any) -> None:
    page = watched.page
    watched.goto(desk.url + "/events")
    assert page.locator("tr.event-row").count() == 5
    page.locator("ul[data-facet='type'] a", has_text="ASSAULT").click()
    page.wait_for_url("**/events?type=ASSAULT")
    assert page.locator("tr.event-row").count() == 2
    assert set(page.locator("tr.event-row a.type").all_inner_texts()) == {"ASSAULT"}
    page.locator("tr.event-row", has_text="hit the port").locator("td").nth(4).click()
    page.wait_for_url("**/events/ev-strike")
    evidence = page.locator(".article-text [data-evidence]")
    assert evidence.count() >= 1
    shown = "".join(evidence.all_inner_texts())
    assert shown == "Drones hit the port of Odesa on Monday, killing 4 people, the regional governor said."
    assert evidence.first.is_visible()
    assert "rgb(255, 217, 102)" in evidence.first.evaluate("n => getComputedStyle(n).backgroundColor")
    assert page.locator(".attribution").inner_text() == "the regional governor"
    assert page.locator(".tag.certainty-reported").count() == 1
    watched.shot("event-evidence")
    watched.assert_clean()


def test_positions_board_cell_opens_the_issue_history(desk: Any, watched: Any) -> None:
    page = watched.page
    watched.goto(desk.url + "/positions")
    cell = page.locator("td.cell a.cell-link", has_text="reject").first
    assert cell.locator(".marks").inner_text() == "◆"  # condition, then reject: one change
    cell.click()
    page.wait_for_url("**/positions/issues/ceasefire#p-UKR")
    parties = page.locator("tr.stance-row td:nth-child(2)").all_inner_texts()
    assert parties.count("Ukraine") == 2  # condition, then reject, each with its words
    assert "rejected the condition" in page.locator("tr#p-UKR").inner_text()
    watched.shot("positions-issue-history")
    watched.assert_clean()


def test_pages_work_without_vendor_files(desk: Any, watched: Any, tmp_path: Any,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARDESK_ASSETS", str(tmp_path))  # an empty folder: no leaflet
    watched.goto(desk.url + "/")
    watched.page.wait_for_selector("body[data-ready='1']")
    assert watched.page.locator("#map").count() == 0
    assert watched.page.locator("#per-day svg rect").count() >= 4
    watched.assert_clean()
