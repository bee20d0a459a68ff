"""The desk's store queries (store/desk.py) on both backends: the map's points, the trends'
day counts, the board's light rows and what moved agree with the store's own counts and
position_changes over the same fictional records (tests/web/desk_many.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from wardesk.api.board import board_view
from wardesk.api.trends import changes_view, trends_view
from wardesk.store import EventFilter, Store, desk


def _many() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "web" / "desk_many.py"
    spec = importlib.util.spec_from_file_location("wardesk_desk_many_store", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def filled(store: Store) -> Store:
    for article, record in _many().records():
        store.save(article, record)
    return store


def test_map_points_match_the_store_counts(filled: Store) -> None:
    assert len(desk.map_points(filled, EventFilter())) == filled.count_events(EventFilter())
    assert len(desk.map_points(filled, EventFilter(country="SDN"))) == filled.count_events(
        EventFilter(country="SDN"))
    for f in (EventFilter(), EventFilter(country="UKR"), EventFilter(type="COERCE")):
        assert len(desk.incident_points(filled, f)) == filled.count_incidents(f)
    assert len(desk.incident_points(filled, EventFilter(), background=True)) == \
        filled.count_incidents(EventFilter(), background=True)


def test_trend_counts_match_the_store_counts(filled: Store) -> None:
    for count in ("incidents", "reports"):
        for by in ("type", "country"):
            view = trends_view(filled, by=by, count=count)
            for cell in view["cells"]:
                key = "type" if by == "type" else "country"
                f = EventFilter(since=cell["start"], until=cell["end"], **{key: cell["series"]})
                expected = filled.count_incidents(f) if count == "incidents" else \
                    filled.count_events(f)
                assert cell["count"] == expected, (count, by, cell)
    assert changes_view(filled)["flagged"] >= 1


def test_board_and_what_moved_on_light_rows(filled: Store) -> None:
    board = board_view(filled)
    assert [p["id"] for p in board["parties"]][:3] == ["RUS", "UKR", "USA"]
    for since in (None, "2025-01-01"):
        assert desk.position_moves(filled, since) == filled.position_changes(since=since)
    toll = desk.deaths(filled, EventFilter(country="UKR"))
    assert toll is not None and toll["sum"] >= toll["largest"] > 0
    low = desk.incident_deaths(filled, EventFilter(country="UKR"))
    assert 0 < low["min"] <= low["max"] <= toll["sum"]
