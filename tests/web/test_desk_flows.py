"""The map, trends, events list, negotiations board and brief in real headless Chromium, at 1400
and 400 px, over a store of fictional reports (desk_many.py); each flow saves screenshots under
build/screenshots/ and fails on any console error, page error or dialog, or on a page wider than
the screen."""

from __future__ import annotations

import importlib.util
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from playwright.sync_api import expect

from wardesk.api import create_app
from wardesk.settings import Settings

pytestmark = pytest.mark.browser
WIDTHS = (1400, 400)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _load_many() -> ModuleType:
    spec = importlib.util.spec_from_file_location("wardesk_desk_many_web",
                                                  Path(__file__).with_name("desk_many.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def many_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import socket

    import uvicorn

    path = str(tmp_path_factory.mktemp("many") / "many.db")
    _load_many().fill(path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(path, Settings(db=path)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the desk did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


class Tab:
    """A page at one width that records console errors, page errors and dialogs."""

    def __init__(self, browser: Any, width: int) -> None:
        self.width = width
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog {d.message}"), d.dismiss()))

    def goto(self, url: str) -> None:
        answer = self.page.goto(url, wait_until="networkidle")
        assert answer is not None and answer.ok, url

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}-{self.width}.png"), full_page=True)

    def check(self) -> None:
        assert not self.errors, self.errors
        wide = self.page.evaluate("document.documentElement.scrollWidth")
        assert wide <= self.width, f"the page scrolls sideways: {wide} px at {self.width}"


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def tab(browser: Any, request: pytest.FixtureRequest) -> Iterator[Tab]:
    t = Tab(browser, request.param)
    yield t
    t.context.close()


def test_map_draws_events_places_and_opens_a_popup_from_the_list(many_url: str, tab: Tab) -> None:
    page = tab.page
    tab.goto(many_url + "/map")
    page.wait_for_selector("body[data-ready='1']")
    located = page.request.get(many_url + "/api/map").json()["points"]
    assert page.locator("#map").get_attribute("data-ready") == str(len(located))
    assert page.locator("#map-list li").count() == len(located)
    assert page.locator(".place-label").count() > 50  # country names at the first zoom
    assert page.locator("path.event-country").count() >= 1  # a country's centre, drawn apart
    assert page.locator("path.event-point").count() + page.locator(".event-cluster").count() >= 3
    first = page.locator("#map-list button").first
    first.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup .map-popup")
    popup.locator("blockquote.evidence").wait_for()
    text = popup.inner_text()
    newest = located[0]
    assert newest["event"] in text and "Russian forces" in text and "dead" in text
    reports = page.request.get(many_url + f"/api/incidents/{newest['id']}").json()["reports"]
    assert popup.locator("ul.reports li").count() == len(reports)
    assert popup.locator("a[href^='https://example.org/']").count() == len(reports)  # sources
    tab.shot("map-popup")
    tab.check()


def test_map_time_slider_steps_through_weeks_and_filters_link_to_the_list(many_url: str, tab: Tab) -> None:
    page = tab.page
    tab.goto(many_url + "/map?type=ASSAULT")
    page.wait_for_selector("body[data-ready='1']")
    total = int(page.locator("#map").get_attribute("data-ready") or 0)
    assert total == page.request.get(many_url + "/api/incidents?type=ASSAULT").json()["total"]
    page.locator("#map-time").fill("0")
    page.locator("#map-time").dispatch_event("input")
    assert page.locator("#map-when").inner_text().startswith("week of 2025-01-06")
    shown = int(page.locator("#map").get_attribute("data-ready") or 0)
    assert 0 < shown < total
    page.locator("#map-play").click()
    expect(page.locator("#map-when")).to_have_text(re.compile(r"^week of 2025-01-13"))
    page.locator("#map-play").click()  # pause
    page.locator("#map-all").click()
    assert page.locator("#map").get_attribute("data-ready") == str(total)
    tab.shot("map-slider")
    tab.check()


def test_map_shows_reports_or_incidents_and_recaps_on_request(many_url: str, tab: Tab) -> None:
    page = tab.page
    counts = {}
    for query in ("", "?of=reports", "?background=1"):
        tab.goto(many_url + "/map" + query)
        page.wait_for_selector("body[data-ready='1']")
        counts[query] = int(page.locator("#map").get_attribute("data-ready") or 0)
    incidents = page.request.get(many_url + "/api/incidents").json()["total"]
    reports = page.request.get(many_url + "/api/events").json()["total"]
    assert counts == {"": incidents, "?of=reports": reports, "?background=1": incidents + 1}
    assert reports > incidents  # some incidents are told by two reports
    page.locator("#map-list button").first.click()
    popup = page.locator(".leaflet-popup .map-popup")
    popup.locator("blockquote.evidence").wait_for()
    assert popup.locator("a.type").get_attribute("href", timeout=5000).startswith("/incidents/")
    tab.shot("map-recaps")
    tab.check()


def test_trends_bars_link_to_their_events_and_flag_the_rise(many_url: str, tab: Tab) -> None:
    page = tab.page
    tab.goto(many_url + "/trends")
    page.wait_for_selector("body[data-ready='1']")
    data = page.request.get(many_url + "/api/trends").json()
    assert page.locator("#trend-chart a.bar-link rect").count() == len(data["cells"])
    assert "2025" in " ".join(page.locator("#trend-chart text.year").all_text_contents())
    assert page.locator("table.trend-table tbody tr").count() == len(data["buckets"])
    flagged = page.locator("table.changes tr.flagged", has_text="UKR")
    assert flagged.count() >= 1 and "large rise" in flagged.first.inner_text()
    tab.shot("trends")
    last = data["cells"][-1]
    page.locator("#trend-chart a.bar-link").last.click()
    page.wait_for_url("**/incidents?**")
    assert page.locator("main h1 .muted").inner_text() == str(last["count"])
    tab.check()


def test_trends_by_month_and_actor_label_years(many_url: str, tab: Tab) -> None:
    page = tab.page
    tab.goto(many_url + "/trends?unit=month&by=actor&since=2024-06-01")
    page.wait_for_selector("body[data-ready='1']")
    years = page.locator("#trend-chart text.year").all_text_contents()
    assert any("2024" in y for y in years) and any("2025" in y for y in years)
    assert "Russian forces" in page.locator("#trend-legend").inner_text()
    tab.shot("trends-actor-month")
    tab.check()


def test_events_list_filters_with_chips_and_says_why_it_is_empty(many_url: str, tab: Tab) -> None:
    page = tab.page
    tab.goto(many_url + "/events")
    dates = page.locator("tr.event-row td:first-child").all_inner_texts()
    assert dates[:5] == sorted(dates[:5], reverse=True)  # newest first
    page.locator("details.multi summary", has_text="Type").click()
    page.locator("label.check", has_text="COERCE").locator("input").check()
    page.locator("label.check", has_text="ASSAULT").locator("input").check()
    page.keyboard.press("Escape")  # closes the drop-down
    assert page.locator("details.multi[open]").count() == 0
    page.locator("input[name=country]").fill("UKR")
    page.locator("input[name=country]").press("Enter")
    page.wait_for_url("**/events?type=*")
    assert page.locator("li.chip").count() == 3
    assert "deaths reported" in page.locator("#totals").inner_text()
    both = int(page.locator("main h1 .muted").inner_text())
    tab.shot("events-chips")
    page.locator("li.chip", has_text="COERCE").locator("a").click()
    page.wait_for_load_state("networkidle")
    assert "COERCE" not in page.url and page.locator("li.chip").count() == 2
    assert set(page.locator("tr.event-row a.type").all_inner_texts()) == {"ASSAULT"}
    assert int(page.locator("main h1 .muted").inner_text()) < both
    tab.goto(many_url + "/events?country=XYZ")
    assert "not a country code" in page.locator(".empty-state").inner_text()
    tab.shot("events-empty")
    tab.check()


def test_actor_search_suggests_actors(many_url: str, tab: Tab) -> None:
    page = tab.page
    tab.goto(many_url + "/events")
    page.locator("input[name=actor]").press_sequentially("Russ", delay=30)
    expect(page.locator("#actor-suggestions option").first).to_be_attached()
    values = page.locator("#actor-suggestions option").evaluate_all("os => os.map(o => o.value)")
    assert "rus/mil/russian-army" in values
    tab.check()


def test_board_orders_parties_pins_and_keeps_the_issue_column(many_url: str, tab: Tab) -> None:
    page = tab.page
    tab.goto(many_url + "/positions")
    heads = page.locator("th.party").evaluate_all("hs => hs.map(h => h.dataset.party)")
    assert heads[:3] == ["RUS", "UKR", "USA"]
    names = page.locator("th.party > a:first-child").all_inner_texts()
    assert "the Western allies" in names and not any("unk/" in n for n in names)
    issue = page.locator("tbody th.issue-col").first
    assert issue.evaluate("n => getComputedStyle(n).position") == "sticky"
    page.locator("th.party[data-party='TUR'] a.pin").click()
    page.wait_for_url("**/positions?pin=TUR")
    assert page.locator("th.party").first.get_attribute("data-party") == "TUR"
    box = page.locator(".board-box")
    box.evaluate("n => n.scrollLeft = 400")
    if tab.width == 400:  # the issue column stays in view while the parties scroll
        assert issue.bounding_box()["x"] < 40
    tab.shot("board")
    page.locator("p.moved-link a").click()
    page.wait_for_url("**/positions/moved")
    assert page.locator("ul.moved-list li").count() >= 1
    tab.shot("board-moved")
    tab.check()


def test_brief_has_permalink_markdown_and_a_print_stylesheet(many_url: str, tab: Tab) -> None:
    page = tab.page
    tab.goto(many_url + "/brief?since=2025-05-10&until=2025-05-24")
    link = page.locator("#brief-permalink").get_attribute("href")
    assert link == "/brief?since=2025-05-10&until=2025-05-24"
    markdown = page.request.get(many_url + (page.locator("#brief-md").get_attribute("href") or ""))
    assert markdown.ok and markdown.text().startswith("# Situation brief, 2025-05-10 to 2025-05-24")
    page.emulate_media(media="print")
    assert page.locator("header.top").is_hidden()
    assert page.locator(".print-only").is_visible()
    pdf_ready = page.locator("section.brief").is_visible()
    assert pdf_ready
    page.emulate_media(media="screen")
    tab.shot("brief")
    tab.check()


def test_events_list_hides_recaps_until_asked_and_keeps_them_while_sorting(many_url: str,
                                                                        tab: Tab) -> None:
    page = tab.page
    tab.goto(many_url + "/events?until=2024-12-31")
    assert "recaps hidden" in page.locator("#totals").inner_text()
    hidden = page.locator("tr.event-row").count()
    assert page.locator("tr.event-row .tag", has_text="recap").count() == 0
    page.locator("label.check", has_text="include recaps").locator("input").check()
    page.locator("input[name=country]").press("Enter")
    page.wait_for_url("**background=1**")
    assert "recaps hidden" not in page.locator("#totals").inner_text()
    assert page.locator("tr.event-row").count() == hidden + 1
    assert page.locator("tr.event-row .tag", has_text="recap").count() == 1
    tab.shot("events-recaps")
    page.locator("p.sorts a", has_text="oldest first").click()
    page.wait_for_url("**sort=date**")
    assert "background=1" in page.url and page.locator("tr.event-row").count() == hidden + 1
    tab.check()
