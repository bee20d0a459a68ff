"""The running totals of current incidents per country, day and type (migration 21) give what
counting the incidents themselves gives, on each backend: for the trends by type and by country
(with and without a country, a type, a date range) and for "what changed", after saves, after
deletions that split or remove incidents, after a rebuild, after a bulk load with the
generator's incidents, and when migration 21 fills the totals of an existing store."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from wardesk.store import Store, desk, incident_totals
from wardesk.store.schema import statements


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROOT = Path(__file__).resolve().parents[2]
RANGES = [("2000-01-01", "2100-01-01"), ("2025-03-01", "2025-03-09"),
          ("2024-02-01", "2024-06-30"), ("2025-03-10", "2025-03-10"), ("2030-01-01", "2030-02-01")]


def _shapes(store: Store) -> list[dict[str, Any]]:
    codes = [r[0] for r in store.connection.execute(
        "SELECT code FROM incident_codes GROUP BY code ORDER BY COUNT(*) DESC, code LIMIT 6")]
    types = [r[0] for r in store.connection.execute(
        "SELECT type FROM incidents GROUP BY type ORDER BY COUNT(*) DESC, type LIMIT 3")]
    shapes: list[dict[str, Any]] = [{"by": "type"}, {"by": "country", "codes": codes}]
    for code in [*codes[:3], "NOR"]:
        shapes += [{"by": "type", "codes": [code]}, {"by": "country", "codes": [code]}]
    for etype in [*types, "RETREAT"]:
        shapes += [{"by": "type", "event_type": etype},
                   {"by": "country", "codes": codes, "event_type": etype},
                   {"by": "type", "codes": codes[:1], "event_type": etype}]
    return shapes


def _sorted(rows: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    return sorted((r["date"], r["series"], r["count"]) for r in rows)


def _changes(store: Store, sql: str, since: str, until: str) -> Counter[tuple[str, str, str]]:
    counted: Counter[tuple[str, str, str]] = Counter()
    for code, etype, day, n in store.connection.execute(sql, [since, f"{until}~"]):
        counted[code, etype, str(day)[:10]] += int(n)
    return +counted


def assert_totals_match(store: Store) -> int:
    """Every shape and range: the totals' rows equal the scan's; returns how many rows."""
    from wardesk.store import EventFilter

    current = store.connection.execute(
        "SELECT COUNT(*) FROM incidents WHERE is_current = 1").fetchone()[0]
    assert store.count_incidents(EventFilter()) == current  # (from the totals)
    seen = 0
    for since, until in RANGES:
        for shape in _shapes(store):
            got = incident_totals.incident_days(store.connection, since, until, **shape)
            scanned = desk.scan_incident_days(store, since, until, **shape)
            assert _sorted(got) == _sorted(scanned), (since, until, shape)
            seen += len(got)
        assert _changes(store, incident_totals.CODE_DAYS, since, until) == \
            _changes(store, desk.SCAN_INCIDENT_CODE_DAYS, since, until), (since, until)
    return seen


def _delete(store: Store, article_id: str) -> None:
    store.delete(article_id)


@pytest.fixture
def desk_records() -> list[Any]:
    return list(_module(ROOT / "tests" / "web" / "desk_many.py", "desk_many_totals").records())


def test_totals_after_saves_deletes_and_a_rebuild(store: Store, desk_records: list[Any]) -> None:
    for article, record in desk_records:
        store.save(article, record)
    assert store.connection.execute("SELECT COUNT(*) FROM incidents WHERE is_current = 0"
                                    ).fetchone()[0] > 0  # recaps: left out of the totals
    assert assert_totals_match(store) > 50
    for article, _ in desk_records[::4]:  # incidents split or go
        _delete(store, article.id)
    assert_totals_match(store)
    store.rebuild_incidents()
    assert_totals_match(store)
    for article, _ in desk_records:
        _delete(store, article.id)
    assert store.connection.execute(
        "SELECT COUNT(*) FROM incident_day_totals WHERE n <> 0").fetchone()[0] == 0


def test_totals_of_a_generated_load_and_of_the_migration(store: Store) -> None:
    gen = _module(ROOT / "bench" / "store_generate.py", "store_generate_totals")
    made = gen.Incidents()
    store.load(gen.articles(1500, 300, seed=9, retell=0.3, incidents=made), batch=40,
               given=made.given)
    loaded = assert_totals_match(store)
    assert loaded > 200
    before = sorted(tuple(r) for r in store.connection.execute(
        "SELECT code, day, type, n FROM incident_day_totals WHERE n <> 0"))
    # an existing store migrated to 21: the table filled from its incidents
    from wardesk.store.migrations import V21_INCIDENT_TOTALS
    from wardesk.store.pg_schema import translate_migration

    conn = store.connection
    script = V21_INCIDENT_TOTALS if store.dialect == "sqlite" else \
        translate_migration(V21_INCIDENT_TOTALS)
    conn.execute("DROP TABLE incident_day_totals")
    for statement in statements(script):
        conn.execute(statement)
    assert sorted(tuple(r) for r in conn.execute(
        "SELECT code, day, type, n FROM incident_day_totals WHERE n <> 0")) == before
    assert assert_totals_match(store) == loaded


def test_trends_and_what_changed_read_the_totals(store: Store, desk_records: list[Any]) -> None:
    from wardesk.api.trends import changes_view, trends_view

    for article, record in desk_records:
        store.save(article, record)
    by_type = trends_view(store, unit="month", since="2000-01-01")
    total = sum(b["total"] for b in by_type["buckets"])
    dated_current = store.connection.execute(
        "SELECT COUNT(*) FROM incidents WHERE is_current = 1 AND sort_date IS NOT NULL"
        " AND sort_date >= '2000-01-01' AND sort_date <= ?", [by_type["until"] + "~"]
    ).fetchone()[0]
    assert total == dated_current > 10
    store.connection.execute("UPDATE incident_day_totals SET n = n + 1000")  # the totals, read
    again = trends_view(store, unit="month", since="2000-01-01")
    assert sum(b["total"] for b in again["buckets"]) > total
    assert any(r["this_week"] >= 1000 for r in changes_view(store)["rows"])
