"""The events page's facets when recaps are hidden (EventFilter.background False, the page's
default): the running totals less the recaps' counts give what counting the news reports
themselves gives, and they add up to the list's total, on each backend."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from wardesk.api import eventlist
from wardesk.store import EventFilter, Store, stats

# the shapes whose facets leave recaps out (with a country or dates they still count them)
SHAPES = [{}, {"type": "ASSAULT"}, {"type": "CONSULT"}, {"type": "RETREAT"}]


@pytest.fixture
def filled(store: Store) -> Store:
    path = Path(__file__).resolve().parents[1] / "web" / "desk_many.py"
    spec = importlib.util.spec_from_file_location("desk_many_facets", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for article, record in module.records():
        store.save(article, record)
    return store


def test_facets_without_recaps_count_the_news_the_list_shows(filled: Store) -> None:
    recaps = filled.count_events(EventFilter(background=True))
    assert recaps > 0
    for shape in SHAPES:
        f = EventFilter(background=False, **shape)
        got = stats.facets(filled, f)
        assert got == stats.scan_facets(filled, f), shape
        assert sum(r["count"] for r in got["type"]) == filled.count_events(f), shape
    every = stats.facets(filled, EventFilter())
    news = stats.facets(filled, EventFilter(background=False))
    assert sum(r["count"] for r in every["type"]) - sum(r["count"] for r in news["type"]) == recaps


def test_the_page_facets_follow_the_list(filled: Store) -> None:
    for values in ({}, {"type": ["ASSAULT"]}, {"type": ["ASSAULT", "CONSULT"]}):
        view = eventlist.list_view(filled, values, background=False)
        links = eventlist.facet_links(filled, values, "-date", background=False)
        counted: dict[str, Any] = {"type": sum(i["count"] for i in links["type"])}
        if "type" not in values:  # (several types: each type's own count, no sum)
            assert counted["type"] == view["total"], values
        shown = eventlist.facet_links(filled, values, "-date")
        assert sum(i["count"] for i in shown["status"]) >= \
            sum(i["count"] for i in links["status"]), values
