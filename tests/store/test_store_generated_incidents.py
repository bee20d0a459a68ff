"""The benchmark's generator (bench/store_generate.py) writes the incidents it knows
(Store.load ``given``) instead of having the store cluster a million reports: on ~2,000
generated events with retold reports, its incidents, their country rows and every event's
incident and anchor are the rows the merge rule gives (Store.rebuild_incidents), on each
backend."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from wardesk.incidents.report import report_from_event
from wardesk.records import to_dict
from wardesk.store import Store

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "store_generate.py"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("store_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _incident_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    conn = store.connection
    return {name: sorted(tuple(r) for r in conn.execute(sql)) for name, sql in (
        ("incidents", "SELECT * FROM incidents"),
        ("codes", "SELECT code, incident, is_current, sort_date FROM incident_codes"),
        ("events", "SELECT article_id, id, incident, anchor FROM events"))}


def test_generated_incidents_are_those_the_merge_rule_finds(store: Store) -> None:
    gen = _generator()
    made = gen.Incidents()
    store.load(gen.articles(2000, 400, seed=5, retell=0.3, incidents=made), batch=50,
               given=made.given)
    assert store.pending_incidents() == 0
    generated = _incident_rows(store)
    assert len(generated["incidents"]) < 1800  # retold reports share incidents
    assert max(r[17] for r in generated["incidents"]) >= 3  # some told three times or more
    store.rebuild_incidents()
    assert _incident_rows(store) == generated


def test_event_view_gives_the_report_to_dict_gives() -> None:
    gen = _generator()
    article = {"id": "a", "published": "2025-03-01", "publisher": "P", "source_id": "1"}
    for _, record in gen.articles(300, 60, seed=2, retell=0.3):
        for event in record.events:
            assert report_from_event(gen.event_view(event), article) == \
                report_from_event(to_dict(event), article)
