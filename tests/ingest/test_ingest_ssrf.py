"""The SSRF guard against real servers on 127.0.0.1: refused by default, fetched when allowed,
and the connect-time check on the resolved IP (a DNS name cannot smuggle in an internal host)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from wardesk.ingest import read_sources
from wardesk.ingest.fetch import PinnedTransport
from wardesk.records import Article, Rejection
from wardesk.settings import Settings

from .helpers import ENGLISH

PAGE = f"<html><head><title>Local page</title></head><body><p>{ENGLISH}</p></body></html>"


class LocalServer:
    """A real HTTP server on 127.0.0.1 that records the paths it was asked for."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.hits.append(self.path)
                if self.path.startswith("/hop/"):
                    left = int(self.path.rsplit("/", 1)[1])
                    target = "/page" if left == 0 else f"/hop/{left - 1}"
                    self.send_response(302)
                    self.send_header("Location", target)
                    self.end_headers()
                    return
                body = PAGE.encode() if self.path == "/page" else b"missing"
                self.send_response(200 if self.path == "/page" else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


@pytest.fixture
def local() -> Iterator[LocalServer]:
    server = LocalServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


def one(
    url: str, settings: Settings, transport: httpx.BaseTransport | None = None
) -> Article | Rejection:
    [item] = list(read_sources([url], settings, transport=transport))
    return item


def test_loopback_is_refused_without_allow_private(local: LocalServer) -> None:
    item = one(local.url("/page"), Settings())
    assert isinstance(item, Rejection) and item.reason == "blocked_address"
    assert local.hits == []


def test_loopback_is_fetched_with_allow_private(local: LocalServer) -> None:
    item = one(local.url("/page"), Settings(allow_private=True))
    assert isinstance(item, Article) and item.text == ENGLISH and item.title == "Local page"
    assert local.hits == ["/page"]


def test_localhost_name_is_refused(local: LocalServer) -> None:
    item = one(local.url("/page", host="localhost"), Settings())
    assert isinstance(item, Rejection) and item.reason == "blocked_address"
    assert local.hits == []


def test_redirects_on_a_real_server(local: LocalServer) -> None:
    allowed = Settings(allow_private=True)
    item = one(local.url("/hop/4"), allowed)  # 5 redirects, then the page
    assert isinstance(item, Article) and item.url == local.url("/page")
    item = one(local.url("/hop/5"), allowed)  # 6 redirects
    assert isinstance(item, Rejection) and item.reason == "too_many_redirects"


def test_redirect_from_an_allowed_server_to_a_private_address_is_refused(
    local: LocalServer,
) -> None:
    public = httpx.MockTransport(
        lambda request: httpx.Response(302, headers={"location": local.url("/page")})
    )
    item = one("https://public.example/story", Settings(), public)
    assert isinstance(item, Rejection) and item.reason == "blocked_address"
    assert local.hits == []


def test_a_name_resolving_to_loopback_is_refused_at_connect_time(local: LocalServer) -> None:
    calls: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    url = local.url("/page", host="news.test")  # passes the per-hop name check
    item = one(url, Settings(), PinnedTransport(Settings(), resolve=resolve))
    assert isinstance(item, Rejection) and item.reason == "blocked_address"
    assert calls == ["news.test"] and local.hits == []
    # with allow_private the same name reaches the server: the connection goes to the checked IP
    allowed = Settings(allow_private=True)
    item = one(url, allowed, PinnedTransport(allowed, resolve=resolve))
    assert isinstance(item, Article) and local.hits == ["/page"]


def test_one_internal_answer_among_public_ones_taints_the_name(local: LocalServer) -> None:
    def resolve(host: str, port: int) -> list[str]:
        return ["93.184.216.34", "169.254.169.254"]

    item = one("http://mixed.test/", Settings(), PinnedTransport(Settings(), resolve=resolve))
    assert isinstance(item, Rejection) and item.reason == "blocked_address"


def test_unreachable_url_is_fetch_failed() -> None:
    item = one("http://127.0.0.1:9/", Settings(allow_private=True, http_timeout=3))
    assert isinstance(item, Rejection) and item.reason == "fetch_failed"


def test_cloud_metadata_address_is_refused() -> None:
    item = one("http://169.254.169.254/latest/meta-data/", Settings())
    assert isinstance(item, Rejection) and item.reason == "blocked_address"
