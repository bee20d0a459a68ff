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


def _with_recaps(store: Store) -> Store:
    """The many-store with every fifth week's reports saved again as recaps under new ids (so
    recaps share countries, types and weeks with news)."""
    from dataclasses import replace

    many = _many()
    for week in range(0, many.LAST_WEEK + 1, 5):
        for n, town in enumerate(many.TOWNS):
            art, rec = many._report(week, 200 + n, town, n + 1)
            events = tuple(replace(e, id=f"{e.id}-recap", background=True) for e in rec.events)
            store.save(art, replace(rec, events=events))
    return store


RECAP_FILTERS = (EventFilter(limit=None), EventFilter(country="UKR", limit=None),
                 EventFilter(type="ASSAULT", limit=None),
                 EventFilter(since="2025-02-01", until="2025-04-30", limit=None),
                 EventFilter(actor="rus/mil/russian-army", limit=None),
                 EventFilter(country="SDN", since="2025-01-01", limit=None))


def test_background_filter_keeps_news_or_recaps_as_the_slow_path_does(filled: Store) -> None:
    from dataclasses import replace

    store = _with_recaps(filled)
    for f in RECAP_FILTERS:
        every = store.events(f)  # the slow path: every report, split by its own flag
        news = [e["id"] for e in every if not e["background"]]
        recaps = [e["id"] for e in every if e["background"]]
        assert recaps and news, f
        assert [e["id"] for e in store.events(replace(f, background=False))] == news
        assert [e["id"] for e in store.events(replace(f, background=True))] == recaps
        assert store.count_events(replace(f, background=False)) == len(news)
        assert store.count_events(replace(f, background=True)) == len(recaps)
        assert store.count_events(f) == len(every)
    newest = store.events(EventFilter(background=False, sort="-date", limit=5, offset=3))
    assert [e["id"] for e in newest] == [e["id"] for e in store.events(
        EventFilter(sort="-date", limit=None)) if not e["background"]][3:8]


def test_background_counts_stay_right_after_a_delete(filled: Store) -> None:
    store = _with_recaps(filled)
    recap = store.events(EventFilter(background=True, limit=1))[0]
    before = store.count_events(EventFilter(background=True))
    news = store.count_events(EventFilter(background=False))
    assert store.delete(recap["article_id"])
    assert store.count_events(EventFilter(background=True)) == before - 1
    assert store.count_events(EventFilter(background=False)) == news


def test_what_changed_counts_incidents_by_default_and_reports_when_asked(filled: Store) -> None:
    for count in ("incidents", "reports"):
        view = changes_view(filled, count=count)
        assert view["count"] == count
        for row in view["rows"]:
            f = EventFilter(country=row["country"], type=row["type"], since=view["week"],
                            until=view["end"])
            expected = filled.count_incidents(f) if count == "incidents" else \
                filled.count_events(f)
            assert row["this_week"] == expected, (count, row)
            first, last = view["compared_with"]
            f = EventFilter(country=row["country"], type=row["type"], since=first, until=last)
            earlier = filled.count_incidents(f) if count == "incidents" else filled.count_events(f)
            assert row["previous_mean"] == round(earlier / 4, 2), (count, row)
            assert row["href"].startswith("/incidents?" if count == "incidents" else "/events?")


def _board_slow(store: Store, issue: str | None = None) -> dict[tuple[str, str], tuple[int, list]]:
    """The full read the board made before: every stance's light row, grouped by cell; each
    cell's count and its latest BOARD_RECENT + 1 rows."""
    cells: dict[tuple[str, str], list] = {}
    for row in desk.stance_rows(store, issue):
        cells.setdefault((row[0], row[1]), []).append(row)
    return {key: (len(h), h[-(desk.BOARD_RECENT + 1):]) for key, h in cells.items()}


def test_board_reads_each_cell_boundedly_but_says_what_every_stance_says(filled: Store) -> None:
    import itertools
    from collections import Counter

    many = _many()
    first = len(many.STANCES)
    cycle = ("reject", "condition", "condition", "accept", "reject")
    many.STANCES += [(w % 19, "RUS", "ceasefire", cycle[w % 5], None, f"stance number {w}")
                     for w in range(30)]
    many.STANCES += [(7, "UKR", "ceasefire", cycle[w % 3], None, f"same week {w}") for w in range(14)]
    for i in range(first, len(many.STANCES)):
        filled.save(*many._stance_record(i))
    for issue in (None, "ceasefire"):
        board = board_view(filled, issue=issue)
        slow = _board_slow(filled, issue)
        cells = {(c["issue"], c["party"]): c for row in board["rows"] for c in row["cells"] if c}
        assert set(cells) == set(slow)
        assert max(n for n, _ in slow.values()) > desk.BOARD_RECENT + 1
        for key, (n, recent) in slow.items():
            cell = cells[key]
            assert cell["stances"] == n
            assert (cell["latest"]["article_id"], cell["latest"]["seq"]) == (recent[-1][5],
                                                                             recent[-1][6])
            assert cell["stance"] == recent[-1][2]
            assert cell["changes"] == [{"from": a[2], "to": b[2], "date": str(b[3])[:10]}
                                       for a, b in itertools.pairwise(recent) if a[2] != b[2]]
        activity = Counter(row[1] for row in desk.stance_rows(filled, issue))
        assert {p["id"]: p["stances"] for p in board["parties"]} == dict(activity)
        order = [p["stances"] for p in board["parties"]]
        assert order == sorted(order, reverse=True)
