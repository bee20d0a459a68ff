"""Bulk loading (Store.load) writes what Store.save writes, and every way of answering an event
filter (index walks, actor keys, running totals, plain scans) lists the events a plain Python
filter over the records selects, on synthetic stores from bench/store_generate.py."""

from __future__ import annotations

import importlib.util
import random
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from wardesk.records import Article, ArticleRecord
from wardesk.store import EventFilter, Store
from wardesk.store.rows import canonical_type, event_dict

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "store_generate.py"
Pair = tuple[Article, ArticleRecord]


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("store_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated() -> list[Pair]:
    """120 synthetic articles with 600 events (actors shared across articles, as in news)."""
    return list(_generator().articles(600, 120, seed=11))


def _second_url(store_url: str, kit: Any) -> Iterator[str]:
    if store_url == ":memory:":
        yield ":memory:"
    else:
        yield from kit.postgres_schema()


def table_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the clocks (saved, time) and the engines' own tables."""
    conn = store.connection
    if store.dialect == "sqlite":
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'articles_fts%'"
            " AND name NOT LIKE 'sqlite_%' AND name != 'schema_version'")]
        columns = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    else:
        columns = {}
        for table, column in conn.execute(
                "SELECT table_name, column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name != 'schema_version'"
                " ORDER BY table_name, ordinal_position"):
            columns.setdefault(table, []).append(column)
    out = {}
    for table, names in columns.items():
        kept = [f'"{c}"' for c in names if c not in ("saved", "time", "fts")]
        order = ", ".join(str(i + 1) for i in range(len(kept)))
        out[table] = [tuple(r) for r in conn.execute(
            f"SELECT {', '.join(kept)} FROM {table} ORDER BY {order}")]
    return out


def test_load_writes_what_save_writes(store: Store, store_url: str, kit: Any,
                                      generated: list[Pair]) -> None:
    first, rest = generated[:30], generated[30:]
    for pair in first:  # a store that holds something already
        store.save(*pair)
    for url in _second_url(store_url, kit):
        with Store(url) as loaded:
            loaded.save_many(first)
            batches: list[dict[str, int]] = []
            counted = loaded.load([*rest, first[3], rest[5]], batch=7, progress=batches.append)
            for pair in rest:
                store.save(*pair)
            assert counted == {"new": len(rest), "unchanged": 2}
            assert batches[-1] == counted and len(batches) == -(-(len(rest) + 2) // 7)
            assert table_rows(loaded) == table_rows(store)
            # the indexes came back and the full-text index holds the loaded articles
            word = rest[-1][0].title.split()[0]  # type: ignore[union-attr]
            assert _found(loaded, word) == _found(store, word) != []
            assert _indexes(loaded) == _indexes(store)


def _found(store: Store, q: str) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k != "saved"} for row in store.articles(q)]


def _indexes(store: Store) -> set[str]:
    if store.dialect == "sqlite":
        sql = "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"
    else:
        sql = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
    return {r[0] for r in store.connection.execute(sql)}


def test_a_failed_load_keeps_nothing(store: Store, generated: list[Pair]) -> None:
    store.save(*generated[0])
    before = table_rows(store)
    indexes = _indexes(store)

    def failing() -> Iterator[Pair]:
        yield from generated[1:20]
        raise RuntimeError("source went away")

    with pytest.raises(RuntimeError):
        store.load(failing(), batch=5)
    assert table_rows(store) == before and _indexes(store) == indexes


# --- every query path selects what a plain filter over the records selects -------------------

def _reference(pairs: list[Pair], f: EventFilter) -> list[str]:
    """The ids of the events matching ``f`` (actor, country, type, status, dates), in its order."""
    names = {a.id: a.name.lower() for _, r in pairs for a in r.actors}
    rows = []
    for _, record in pairs:
        seen: set[str] = set()
        for seq, event in enumerate(record.events):
            if event.id in seen:
                continue
            seen.add(event.id)
            e = event_dict(event, record.article)
            if _matches(e, f, names):
                rows.append((e, seq))

    def key(row: tuple[dict[str, Any], int]) -> tuple[Any, ...]:
        e, seq = row
        return ((e["date"] or {}).get("value") or e["published"], e["published"],
                e["article_id"], seq)

    rows.sort(key=key)
    if f.sort == "-date":  # newest first; same articles' events still in id/seq order
        rows.sort(key=lambda r: (key(r)[0], key(r)[1]), reverse=True)
    ids = [e["id"] for e, _ in rows]
    return ids[f.offset:f.offset + f.limit] if f.limit is not None else ids[f.offset:]


def _matches(e: dict[str, Any], f: EventFilter, names: dict[str, str]) -> bool:
    refs = [*e["source"], *e["target"]]
    day = (e["date"] or {}).get("value") or e["published"]
    if f.actor:
        wanted = f.actor.lower()
        if not any(r["actor"] == f.actor or wanted in names.get(r["actor"] or "", "")
                   or wanted in r["actorText"].lower() for r in refs):
            return False
    place = (e.get("eventLoc") or {}).get("country")
    if f.country and f.country not in {r.get("code") for r in refs} | {place}:
        return False
    if f.type and canonical_type(e["event"]) != f.type:
        return False
    if f.status and e["status"] != f.status:
        return False
    return not ((f.since and day < f.since) or (f.until and day > f.until + "~"))


@pytest.fixture
def synthetic(store: Store, generated: list[Pair]) -> Store:
    store.load(generated, batch=50)
    return store


def _filters(pairs: list[Pair], seed: int) -> list[EventFilter]:
    rng = random.Random(seed)
    refs = [r for _, rec in pairs for e in rec.events for r in (*e.source, *e.target)]
    actors = [r.actor for r in refs if r.actor]
    frequent = max(set(actors), key=actors.count)
    surnames = [a.name.split()[-1] for _, rec in pairs for a in rec.actors if a.kind == "person"]
    out = [EventFilter(actor=frequent), EventFilter(actor=frequent, sort="-date"),
           EventFilter(actor=frequent, since="2024-06-01", until="2024-12-31"),
           EventFilter(country="UKR", since="2024-03-01", until="2024-09-30", sort="-date"),
           EventFilter(since="2024-05-01", until="2024-05-31"),
           EventFilter(type="ASSAULT", since="2024-02-01", until="2025-01-31", sort="-date"),
           # a syllable in many names: many actor keys, several with more than a page
           EventFilter(actor="ra", limit=5, offset=4), EventFilter(actor="ra", sort="-date"),
           EventFilter(actor="ra", limit=3, since="2024-04-01", until="2024-10-31"),
           EventFilter(actor="ra", limit=5, type="ASSAULT", sort="-date"),
           EventFilter(actor="ukr", limit=10, offset=20, country="RUS"),
           # every country actor: many keys with more than a page each
           EventFilter(actor="country", limit=10, offset=5),
           EventFilter(actor="country", limit=4, sort="-date", since="2024-03-01"),
           EventFilter(actor="country", limit=20, type="CONSULT")]
    for _ in range(14):
        kw: dict[str, Any] = {}
        if rng.random() < 0.6:
            kw["actor"] = rng.choice([rng.choice(actors), rng.choice(surnames), frequent])
        if rng.random() < 0.4:
            kw["country"] = rng.choice(["UKR", "RUS", "USA", "ISR", "SYR", "NOR"])
        if rng.random() < 0.3:
            kw["type"] = rng.choice(["ASSAULT", "CONSULT", "ACCUSE", "RETREAT"])
        if rng.random() < 0.2:
            kw["status"] = "occurred"
        if rng.random() < 0.4:
            start = rng.randrange(1, 12)
            kw.update(since=f"2024-{start:02d}-01", until=f"2024-{min(12, start + 3):02d}-28")
        kw["sort"] = rng.choice(["date", "-date"])
        kw["limit"], kw["offset"] = rng.choice([(10, 0), (5, 3), (100, 0)])
        out.append(EventFilter(**kw))
    return out


@pytest.mark.parametrize("walk_above", [0, 10**9])
def test_every_query_path_lists_the_reference_events(
        synthetic: Store, generated: list[Pair], walk_above: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from wardesk.store import queries

    monkeypatch.setattr(queries, "WALK_ABOVE", walk_above)  # walk and probe, or look up the set
    for f in _filters(generated, seed=walk_above % 97):
        expected = _reference(generated, f)
        assert [e["id"] for e in synthetic.events(f)] == expected, f
        everything = _reference(generated, EventFilter(**{**_kw(f), "limit": None, "offset": 0}))
        assert synthetic.count_events(f) == len(everything), f


def _kw(f: EventFilter) -> dict[str, Any]:
    return {name: getattr(f, name) for name in f.__slots__}  # type: ignore[attr-defined]


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_a_page_of_several_keys_ends_at_the_tightest_key(store: Store, kit: Any, sort: str) -> None:
    """Two actors whose names share "zz": the first ten days belong to one, the last ten to the
    other. A page of ten reaches exactly the tenth event of the one that fills it."""
    from wardesk.records import Actor

    azzo = Actor("aaa/gov/azzo", "Azzo Lane", "person", "UKR", "GOV")
    bozzi = Actor("bbb/gov/bozzi", "Bozzi Hill", "person", "RUS", "GOV")
    for n in range(1, 21):
        who = azzo if n <= 10 else bozzi
        day = f"2025-01-{n:02d}"
        store.save(*kit._make(f"Report {n}.", day, actors=(who, kit.UKRAINE), events=(
            kit.event(f"e{n}", "ASSAULT", who, kit.UKRAINE, f"{who.name} struck.", day=day),)))
    page = [e["id"] for e in store.events(EventFilter(actor="zz", limit=10, sort=sort))]
    expected = [f"e{n}" for n in range(1, 11)]
    assert page == (expected if sort == "date" else [f"e{n}" for n in range(20, 10, -1)])
    assert [e["id"] for e in store.events(EventFilter(actor="zz", limit=3, offset=9,
                                                      sort=sort))] == (
        ["e10", "e11", "e12"] if sort == "date" else ["e11", "e10", "e9"])
    assert store.count_events(EventFilter(actor="zz")) == 20
    assert store.count_events(EventFilter(actor="zz", since="2025-01-05", until="2025-01-12")) == 8


def test_a_page_of_positions_is_a_slice_of_the_history(synthetic: Store,
                                                       generated: list[Pair]) -> None:
    holders = [p.holder for _, r in generated for p in r.positions if p.holder]
    frequent = max(set(holders), key=holders.count)
    surname = next(a.name.split()[-1] for _, r in generated for a in r.actors
                   if a.id == holders[7])
    for actor in ("ukr", frequent, surname, "country", "nobody"):
        for issue in (None, "ceasefire"):
            for since, until in ((None, None), ("2024-03-01", "2024-10-31")):
                history = synthetic.positions(actor, issue, since, until)
                for limit, offset in ((5, 0), (4, 3), (100, 0), (0, 0)):
                    page = synthetic.positions(actor, issue, since, until, limit, offset)
                    assert page == history[offset:offset + limit], (actor, issue, since, limit)
    assert len(synthetic.positions("ukr")) > 10  # the pages above were real pages
