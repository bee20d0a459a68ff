"""Hostile URLs against a real server on 127.0.0.1: every spelling of an internal address
(decimal, hex, short, IPv6, IPv4-mapped, local names, redirects into it) is refused with
blocked_address and the server is never reached; end to end, `wardesk ingest` refuses a loopback
URL unless --allow-private is given."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from wardesk.ingest import read_sources
from wardesk.records import Rejection
from wardesk.settings import Settings
from wardesk.store import Store

from .helpers import wardesk

PAGE = (b"<html><head><title>Local page</title></head><body><p>Officials from both countries met "
        b"on Tuesday to discuss a possible ceasefire, and the talks lasted for several hours. A "
        b"spokesman said the delegations would meet again next week in the capital.</p>"
        b"</body></html>")


class Server:
    """A real HTTP server on 127.0.0.1 that records every request."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = int(self.httpd.server_address[1])


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    thread = threading.Thread(target=s.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield s
    s.httpd.shutdown()
    s.httpd.server_close()


SPELLINGS = [
    "127.0.0.1", "127.1", "127.0.1", "2130706433", "0x7f000001", "0x7f.0.0.1", "0177.0.0.1",
    "localhost", "LOCALHOST", "localhost.", "sub.localhost", "[::1]", "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]", "[0:0:0:0:0:0:0:1]", "0.0.0.0", "0", "127.0.0.1.",
]


@pytest.mark.parametrize("host", SPELLINGS)
def test_every_spelling_of_loopback_is_refused(server: Server, host: str) -> None:
    url = f"http://{host}:{server.port}/page"
    items = list(read_sources([url], Settings(http_timeout=3)))
    assert len(items) == 1 and isinstance(items[0], Rejection), items
    assert items[0].reason in ("blocked_address", "fetch_failed"), items[0]
    assert server.hits == [], f"{url} reached the server"


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/",
    "http://metadata.google.internal/computeMetadata/v1/", "http://10.0.0.1/", "http://192.168.1.1/",
    "http://172.16.0.1/", "http://100.64.0.1/", "http://[fe80::1]/", "http://224.0.0.1/",
    "http://[fc00::1]/", "http://0xa9fea9fe/", "http://2852039166/",
])
def test_internal_and_metadata_addresses_are_refused_before_any_connection(url: str) -> None:
    items = list(read_sources([url], Settings(http_timeout=3)))
    assert len(items) == 1 and isinstance(items[0], Rejection)
    assert items[0].reason == "blocked_address", items[0]


@pytest.mark.model
@pytest.mark.slow
def test_cli_ingest_refuses_loopback_unless_allowed(server: Server, tmp_path: Path) -> None:
    db = tmp_path / "u.db"
    url = f"http://127.0.0.1:{server.port}/page"
    refused = wardesk(db, "ingest", url)
    _, err = refused.communicate(timeout=300)
    assert refused.returncode == 1, err.decode(errors="replace")
    with Store(str(db)) as store:
        assert store.articles(limit=5) == []
        assert [r["reason"] for r in store.rejections(limit=5)] == ["blocked_address"]
    assert server.hits == []
    allowed = wardesk(db, "ingest", "--allow-private", url)
    _, err = allowed.communicate(timeout=300)
    assert allowed.returncode == 0, err.decode(errors="replace")
    with Store(str(db)) as store:
        [article] = store.articles(limit=5)
    assert article["title"] == "Local page" and server.hits == ["/page"]
