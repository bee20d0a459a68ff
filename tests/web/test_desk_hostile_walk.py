"""Every page of the desk (the PAGES list of test_desk_a11y.py, which each engineer extends)
opened over a store holding a hostile article: no script runs, no handler attribute or
javascript: link appears, whatever the page shows of it."""

from __future__ import annotations

import importlib.util
import json
import urllib.request
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def desk_pages() -> list[tuple[str, str, str | None]]:
    path = Path(__file__).with_name("test_desk_a11y.py")
    spec = importlib.util.spec_from_file_location("wardesk_desk_page_list", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pages: list[tuple[str, str, str | None]] = module.PAGES
    return pages


def hostile_incident(desk: Any) -> str:
    """The incident of the hostile article's event, as the store numbered it."""
    with urllib.request.urlopen(desk.url + "/api/incidents?limit=100") as answer:
        incidents = json.load(answer)["incidents"]
    return next(i["id"] for i in incidents
                if any(r["article"] == desk.ids["hostile"] for r in i["reports"]))


def test_every_listed_page_runs_no_script_over_a_hostile_store(hostile_desk: Any,
                                                               watched: Any) -> None:
    page = watched.page
    pages = desk_pages()
    assert len(pages) >= 20
    incident = hostile_incident(hostile_desk)
    for name, path, _ in pages:
        url = hostile_desk.url + path.format(strike=hostile_desk.ids["hostile"], incident=incident)
        response = page.goto(url, wait_until="networkidle")
        assert response is not None and response.status < 500, f"{name}: {response and response.status}"
        page.wait_for_timeout(50)
        page.evaluate("() => document.addEventListener('click', e => e.preventDefault(), true)")
        page.locator("a, span, td, li, p, div, mark").evaluate_all(
            "nodes => nodes.slice(0, 3000).forEach(n => { n.dispatchEvent(new MouseEvent('mouseover'));"
            " n.dispatchEvent(new MouseEvent('click', {cancelable: true})); })")
        assert page.evaluate("() => window.__pwned") is None, name
        assert page.locator("script:not([src])").count() == 0, name
        assert page.locator("[onerror], [onclick], [onmouseover], [onload]").count() == 0, name
        assert page.locator("a[href^='javascript:' i]").count() == 0, name
    assert not [e for e in watched.errors if "pageerror" in e], watched.errors
    assert not watched.dialogs, watched.dialogs
