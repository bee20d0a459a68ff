"""URLs and feeds through an injected transport (no network): redirects, caps, feeds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from wardesk.errors import SourceError
from wardesk.ingest import read_one, read_sources
from wardesk.records import Article, Rejection
from wardesk.settings import Settings

from .helpers import ENGLISH, articles, rejections

SETTINGS = Settings()
PAGE = (
    "<html><head><title>Envoys meet</title><meta property='og:site_name' content='Example Post'>"
    "<meta name='date' content='2025-03-13'></head>"
    f"<body><article><p>{ENGLISH}</p><p>{ENGLISH}</p></article></body></html>"
)


def transport(routes: dict[str, Callable[[httpx.Request], httpx.Response]]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        route = routes.get(str(request.url))
        return route(request) if route else httpx.Response(404, text="no such page")

    return httpx.MockTransport(handle)


def html(body: str) -> Callable[[httpx.Request], httpx.Response]:
    return lambda _: httpx.Response(200, text=body, headers={"content-type": "text/html"})


def redirect(to: str) -> Callable[[httpx.Request], httpx.Response]:
    return lambda _: httpx.Response(302, headers={"location": to})


def run(
    url: str,
    routes: dict[str, Callable[[httpx.Request], httpx.Response]],
    settings: Settings = SETTINGS,
) -> list[Article | Rejection]:
    return list(read_sources([url], settings, transport=transport(routes)))


def test_html_page_by_url_keeps_its_metadata() -> None:
    [item] = run("https://news.example/a", {"https://news.example/a": html(PAGE)})
    assert isinstance(item, Article)
    assert (item.title, item.publisher, item.published) == (
        "Envoys meet",
        "Example Post",
        "2025-03-13",
    )
    assert item.url == item.origin == "https://news.example/a"


def test_redirects_are_followed_up_to_five() -> None:
    routes = {f"https://news.example/{i}": redirect(f"/{i + 1}") for i in range(5)}
    routes["https://news.example/5"] = html(PAGE)
    [item] = run("https://news.example/0", routes)
    assert isinstance(item, Article) and item.url == "https://news.example/5"
    routes["https://news.example/0"] = redirect("https://news.example/-1")
    routes["https://news.example/-1"] = redirect("https://news.example/1")
    [item] = run("https://news.example/0", routes)  # six hops now
    assert isinstance(item, Rejection) and item.reason == "too_many_redirects"


def test_redirect_loop_is_too_many_redirects() -> None:
    [item] = run("https://news.example/loop", {"https://news.example/loop": redirect("/loop")})
    assert isinstance(item, Rejection) and item.reason == "too_many_redirects"


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost:8080/",
        "http://10.1.2.3/",
        "http://[::1]/",
        "http://0.0.0.0/",
        "http://2130706433/",
        "http://224.0.0.1/",
    ],
)
def test_redirect_to_an_internal_address_is_refused(target: str) -> None:
    seen: list[str] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return redirect(target)(request)

    [item] = run("https://news.example/r", {"https://news.example/r": record})
    assert isinstance(item, Rejection) and item.reason == "blocked_address"
    assert seen == ["https://news.example/r"]  # the internal hop was never requested


@pytest.mark.parametrize(
    ("status", "code"),
    [(404, "not_found"), (410, "not_found"), (500, "fetch_failed"), (403, "fetch_failed")],
)
def test_http_errors(status: int, code: str) -> None:
    [item] = run(
        "https://news.example/x", {"https://news.example/x": lambda _: httpx.Response(status)}
    )
    assert isinstance(item, Rejection) and item.reason == code


def test_download_over_max_bytes_is_too_large_with_or_without_length() -> None:
    big = b"x" * 5000
    streamed = httpx.Response(200, content=iter([big[:2500], big[2500:]]))  # no content-length
    routes = {
        "https://news.example/declared": lambda _: httpx.Response(200, content=big),
        "https://news.example/streamed": lambda _: streamed,
    }
    small = Settings(max_bytes=1000)
    for url in routes:
        [item] = run(url, routes, small)
        assert isinstance(item, Rejection) and item.reason == "too_large", url


def test_network_errors_are_fetch_failed() -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectTimeout("timed out", request=request)

    [item] = run("https://news.example/slow", {"https://news.example/slow": fail})
    assert isinstance(item, Rejection) and item.reason == "fetch_failed"


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example/</link>
<item><title>Linked story</title><link>https://wire.example/one</link>
<guid>wire-1</guid><pubDate>Thu, 13 Mar 2025 10:00:00 GMT</pubDate>
<description>Short teaser only.</description></item>
<item><title>Dead link story</title><link>https://wire.example/gone</link>
<pubDate>Fri, 14 Mar 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;{text}&lt;/p&gt;</description></item>
<item><title>Nothing at all</title><link>https://wire.example/gone2</link></item>
</channel></rss>""".replace("{text}", ENGLISH)


def test_feed_entries_are_fetched_or_fall_back_to_their_summary() -> None:
    routes = {
        "https://wire.example/feed": lambda _: httpx.Response(
            200, text=FEED, headers={"content-type": "application/rss+xml"}
        ),
        "https://wire.example/one": html(
            PAGE.replace("<meta name='date' content='2025-03-13'>", "")
        ),
    }
    items = run("https://wire.example/feed", routes)
    linked, summary = articles(items)
    assert linked.text.startswith(ENGLISH) and linked.title == "Envoys meet"
    assert linked.source_id == "wire-1" and linked.published == "2025-03-13"  # the entry's date
    assert summary.text == ENGLISH and summary.title == "Dead link story"
    assert summary.publisher == "Example Wire" and summary.published == "2025-03-14"
    assert summary.origin == "https://wire.example/gone"
    [empty] = rejections(items)
    assert empty.source == "https://wire.example/gone2" and empty.reason == "not_found"


def test_feed_detected_by_xml_root_when_the_content_type_is_vague() -> None:
    routes = {
        "https://wire.example/f": lambda _: httpx.Response(
            200, text=FEED, headers={"content-type": "text/plain"}
        )
    }
    items = run("https://wire.example/f", routes)
    # every linked page 404s here, so both entries with a summary fall back to it
    assert [a.text for a in articles(items)] == ["Short teaser only.", ENGLISH]


def test_a_feed_that_is_not_xml_is_not_a_feed() -> None:
    routes = {
        "https://wire.example/f": lambda _: httpx.Response(
            200, text="this is not a feed at all", headers={"content-type": "application/rss+xml"}
        )
    }
    [item] = run("https://wire.example/f", routes)
    assert isinstance(item, Rejection) and item.reason == "not_a_feed"
    with pytest.raises(SourceError) as caught:
        read_one("https://wire.example/f", SETTINGS, transport=transport(routes))
    assert caught.value.reason == "many_documents"


def test_xml_that_is_not_a_feed_is_not_a_feed() -> None:
    routes = {
        "https://wire.example/f": lambda _: httpx.Response(
            200,
            text="<?xml version='1.0'?><catalog><book>x</book></catalog>",
            headers={"content-type": "application/xml"},
        )
    }
    [item] = run("https://wire.example/f", routes)
    assert isinstance(item, Rejection) and item.reason == "not_a_feed"


def test_feed_file_on_disk(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "wire.rss").write_text(FEED, encoding="utf-8")
    (folder / "broken.rss").write_text("plain words, no markup", encoding="utf-8")
    items = list(read_sources([str(folder)], SETTINGS, transport=transport({})))
    found = [(r.source, r.reason) for r in rejections(items)]
    assert found == [
        (str(folder / "broken.rss"), "not_a_feed"),
        ("https://wire.example/gone2", "not_found"),
    ]
    assert [a.title for a in articles(items)] == ["Linked story", "Dead link story"]


@pytest.mark.parametrize("location", ["http://[::1", "http://\x80/", "javascript:alert(1)"])
def test_a_hostile_location_header_is_fetch_failed(location: str) -> None:
    [item] = run("https://news.example/r", {"https://news.example/r": redirect(location)})
    assert isinstance(item, Rejection) and item.reason == "fetch_failed"


def test_the_content_type_charset_is_used_when_the_body_is_not_utf8() -> None:
    text = ENGLISH + " “Talks will go on,” an aide said."
    routes = {
        "https://news.example/en": lambda _: httpx.Response(
            200,
            content=text.encode("cp1252"),
            headers={"content-type": "text/plain; charset=windows-1252"},
        ),
    }
    [item] = run("https://news.example/en", routes)
    assert isinstance(item, Article) and item.text == text
