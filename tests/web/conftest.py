"""Fixtures for the browser tests: a real uvicorn server on a free loopback port over a store of
hand-built records, and Debian's headless Chromium driven by playwright (never downloaded)."""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from wardesk.api import create_app
from wardesk.settings import Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def load_demo() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "api" / "desk_records.py"
    spec = importlib.util.spec_from_file_location("wardesk_desk_records_web", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Desk:
    """A running desk: its base URL and the ids of the articles in its store."""

    url: str
    ids: dict[str, str]
    demo: ModuleType
    server: Any = field(repr=False, default=None)


def start_desk(path: Path, hostile: bool, token: str | None = None) -> Iterator[Desk]:
    import uvicorn

    demo = load_demo()
    ids = demo.fill(str(path), hostile=hostile)
    port = free_port()
    app = create_app(str(path), Settings(db=str(path), token=token))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the desk's uvicorn server did not start")
        time.sleep(0.05)
    yield Desk(f"http://127.0.0.1:{port}", ids, demo, server)
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    yield from start_desk(tmp_path_factory.mktemp("desk") / "desk.db", hostile=False)


@pytest.fixture(scope="session")
def hostile_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    yield from start_desk(tmp_path_factory.mktemp("hostile") / "desk.db", hostile=True)


@pytest.fixture(scope="session")
def token_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    """A desk that accepts writes with the token ``desk-test-token``."""
    yield from start_desk(tmp_path_factory.mktemp("writable") / "desk.db", hostile=False,
                          token="desk-test-token")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: `make browser-deps` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page that records console errors, page errors and dialogs (any of them fails a test)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("console", lambda m: self.errors.append(f"console: {m.text}")
                if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, url: str) -> Any:
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None and response.ok, f"{url}: {response and response.status}"
        return response

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_clean(self) -> None:
        assert not self.errors, self.errors
        assert not self.dialogs, self.dialogs


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Watched(page)
    context.close()


@pytest.fixture
def watched_at(browser: Any) -> Iterator[Any]:
    """A factory: watched_at(400) is a watched page in a fresh context 400 px wide (options go
    to new_context, e.g. bypass_csp=True to inject axe-core)."""
    contexts: list[Any] = []

    def make(width: int, height: int = 900, **options: Any) -> Watched:
        context = browser.new_context(viewport={"width": width, "height": height}, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        return Watched(page)

    yield make
    for context in contexts:
        context.close()
