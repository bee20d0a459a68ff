"""The incident page in real Chromium at 1400 and 400 px: every report side by side (publisher,
date, its highlighted sentence, its figure), the range and the certainty across sources, links to
each event and article; nothing scrolls sideways on a phone; hostile text stays text."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wardesk.api import create_app
from wardesk.records import (
    Actor,
    ActorRef,
    Article,
    ArticleMeta,
    ArticleRecord,
    Attribution,
    Event,
    EventDate,
    Evidence,
    Mention,
    Place,
)
from wardesk.settings import Settings
from wardesk.store import Store

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
RUS = ActorRef("rus/mil/russian-armed-forces", "Russian forces", "RUS", "MIL")
KYIV = Place("Kyiv", "UKR", "Kyiv City", 50.45, 30.52, 703448)
OUTLETS = [  # publisher, published, sentence, dead
    ("Northwire", "2025-05-07", "Russian forces struck Kyiv with missiles overnight, killing eight.", 8),
    ("Valley Herald", "2025-05-07", "Russian forces hit Kyiv with missiles overnight; nine died.", 9),
    ("Continental", "2025-05-08", "The toll of the Russian forces' missile strike on Kyiv rose to 11.", 11),
    (f"Gazette {HOSTILE}", "2025-05-07", f"Russian forces struck Kyiv overnight {HOSTILE}.", None),
]


def _pair(publisher: str, published: str, sentence: str, dead: int | None,
          n: int) -> tuple[Article, ArticleRecord]:
    text = f"Intro paragraph number {n}.\n\n{sentence} More follows."
    start = text.index(sentence)
    article = Article(text=text, published=published, title=f"{publisher}: the strike",
                      publisher=publisher, url=f"javascript:window.__pwned={n}")
    event = Event(f"ev-{n}", "ASSAULT", (RUS,), (), "struck",
                  Evidence(sentence, start, start + len(sentence)), mode="aerial",
                  date=EventDate("overnight", "2025-05-07", resolution="exact"), eventLoc=KYIV,
                  dead=dead, certainty="reported", attribution=Attribution("officials"))
    mention = Mention(start, start + len("Russian forces"), "Russian forces")
    actor = Actor(RUS.actor or "", "Russian forces", "group", "RUS", "MIL", mentions=(mention,))
    meta = ArticleMeta(article.id, f"s{n}", article.title, article.url, publisher, published)
    return article, ArticleRecord(meta, (actor,), (event,))


def _serve(path: Path) -> Iterator[str]:
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(str(path), Settings(db=str(path)))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def incident_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    path = tmp_path_factory.mktemp("incident") / "desk.db"
    with Store(str(path)) as store:
        for n, outlet in enumerate(OUTLETS):
            store.save(*_pair(*outlet, n))
        incidents = {e["incident"] for e in store.iter_events()}
    assert len(incidents) == 1, incidents  # the store made one incident of the four reports
    for url in _serve(path):
        yield url, incidents.pop()


def _open(browser: Any, width: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    def dialog(d: Any) -> None:
        errors.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.errors = errors
    return page


@pytest.mark.parametrize("width", [1400, 400])
def test_reports_side_by_side_with_range_and_certainty(incident_desk: tuple[str, str],
                                                       browser: Any, width: int) -> None:
    url, incident = incident_desk
    page = _open(browser, width)
    response = page.goto(f"{url}/incidents/{incident}", wait_until="networkidle")
    assert response is not None and response.ok
    assert "8–11 dead" in page.locator(".incident-summary").inner_text()
    assert "corroborated" in page.locator(".incident-summary").inner_text()
    assert "reports give 8 to 11 dead" in page.locator(".disagree").inner_text()
    cards = page.locator(".report-card")
    assert cards.count() == 4
    texts = cards.all_inner_texts()
    for publisher, _, _, dead in OUTLETS[:3]:
        card = next(t for t in texts if t.startswith(publisher))
        assert f"{dead} dead" in card
    assert any("no figure" in t for t in texts)
    # the sentence is highlighted: the actor inside it is marked
    assert page.locator(".report-card .hl-actor").count() >= 4
    tops = sorted({round(b["y"]) for b in (c.bounding_box() for c in cards.all()) if b})
    if width == 1400:
        assert len(tops) < 4  # several cards share a row
    else:
        assert len(tops) == 4  # one column on a phone
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    links = page.locator(".report-card .links a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert sum(1 for h in hrefs if h and h.startswith("/events/ev-")) == 4
    assert sum(1 for h in hrefs if h and h.startswith("/articles/") and "?hl=" in h) == 4
    page.locator(".report-card .links a[href^='/events/']").first.click()
    page.wait_for_load_state("networkidle")
    assert "/events/ev-" in page.url
    assert page.locator(f"a[href='/incidents/{incident}']").count() == 1  # and back
    page.context.close()


def test_hostile_text_stays_text(incident_desk: tuple[str, str], browser: Any) -> None:
    url, incident = incident_desk
    page = _open(browser, 1400)
    page.goto(f"{url}/incidents/{incident}", wait_until="networkidle")
    page.locator("a, span, p").evaluate_all(
        "nodes => nodes.forEach(n => n.dispatchEvent(new MouseEvent('mouseover')))")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("main script, main img, [onerror]").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert HOSTILE in page.locator(".report-grid").inner_text()
    assert not page.errors, page.errors
    page.context.close()


def test_unknown_incident_is_404_and_page_is_accessible(incident_desk: tuple[str, str],
                                                        browser: Any) -> None:
    url, incident = incident_desk
    page = _open(browser, 400)
    missing = page.goto(f"{url}/incidents/inc-nope", wait_until="networkidle")
    assert missing is not None and missing.status == 404
    page.goto(f"{url}/incidents/{incident}", wait_until="networkidle")
    if not AXE.is_file():
        pytest.skip("axe-core is absent: run `npm ci --prefix frontend`")
    page.add_script_tag(path=str(AXE))
    serious = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id)")
    assert serious == []
    page.context.close()
