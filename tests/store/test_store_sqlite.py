"""The SQLite store: saving, reading back equal, idempotence, transactions, WAL, migrations."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wardesk.errors import StoreError, UsageError
from wardesk.records import (
    CERTAINTIES,
    EVENT_TYPES,
    STANCES,
    STATUSES,
    Actor,
    ActorRef,
    ArticleMeta,
    ArticleRecord,
    Attribution,
    DateMention,
    Event,
    EventDate,
    Evidence,
    LoadedTerm,
    Mention,
    Place,
    Position,
    Quantity,
    Span,
    Statement,
    Tone,
    record_from_dict,
    to_dict,
)
from wardesk.store import EventFilter, Store, stats
from wardesk.store import write as store_write
from wardesk.store.migrations import MIGRATIONS
from wardesk.store.schema import migrate, version


def test_save_then_read_back_equal(store: Store, kit: Any) -> None:
    article, record = kit.full_record(kit._make)
    assert store.save(article, record) == "new"
    back = store.record(article.id)
    assert back is not None and all(e.incident for e in back.events)  # the store fills it in
    events = tuple(dataclasses.replace(e, incident=None) for e in back.events)
    assert dataclasses.replace(back, events=events) == record
    stored = store.article(article.id)
    assert stored is not None
    assert stored["text"] == article.text
    assert stored["publisher"] == "Example News"
    assert store.has_article(article.id)
    assert not store.has_article("0" * 64)
    assert store.article("nope") is None and store.record("nope") is None


def test_resave_is_a_no_op(store: Store, kit: Any) -> None:
    article, record = kit.full_record(kit._make)
    store.save(article, record)
    before = store.counts()
    assert store.save(article, record) == "unchanged"
    assert store.counts() == before
    assert before == {"articles": 1, "events": 2, "actors": 3, "statements": 1, "positions": 1,
                      "rejections": 0}


def test_save_record_alone_and_mismatched_ids(store: Store, kit: Any) -> None:
    article, record = kit._make("A text of its own.")
    assert store.save(record) == "new"
    assert store.article(article.id)["text"] is None  # type: ignore[index]
    other, _ = kit._make("Another text.")
    with pytest.raises(UsageError):
        store.save(other, record)


def test_repeated_ids_in_one_record_are_stored_once(store: Store, kit: Any) -> None:
    article, record = kit.full_record(kit._make)
    twice = ArticleRecord(record.article, record.actors * 2, record.events * 2)
    assert store.save(article, twice) == "new"
    assert store.count_events() == 2 and store.counts()["actors"] == 3
    assert extracted(store.record(article.id)) == twice  # the record is kept as extracted


def extracted(record: ArticleRecord | None) -> ArticleRecord:
    """A record read back as extraction made it: every event has an incident, filled in by
    the store (migration 14), which extraction leaves empty."""
    assert record is not None and all(e.incident for e in record.events)
    return dataclasses.replace(record, events=tuple(
        dataclasses.replace(e, incident=None) for e in record.events))


def integrity_error(store: Store) -> type[Exception]:
    if store.dialect == "postgresql":
        import psycopg

        return psycopg.IntegrityError
    return sqlite3.IntegrityError


def test_a_failure_mid_save_leaves_nothing(store: Store, kit: Any) -> None:
    article, record = kit.full_record(kit._make)
    # a statement without content violates NOT NULL after the article, actors and events
    broken = Statement("x", "X", "said", None, True, 0, 1)  # type: ignore[arg-type]
    bad = ArticleRecord(record.article, record.actors, record.events, (broken,))
    with pytest.raises(StoreError, match="nothing of it was kept") as caught:
        store.save(article, bad)
    assert isinstance(caught.value.__cause__, integrity_error(store))
    assert not store.has_article(article.id)
    assert set(store.counts().values()) == {0}
    assert store.save(article, record) == "new"  # the connection is usable again


def test_a_crash_in_a_late_step_rolls_back(store: Store, kit: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    article, record = kit.full_record(kit._make)
    real = store_write.save_parts

    def crash(conn: Any, rec: ArticleRecord, data: Any = None) -> None:
        real(conn, rec, data)
        raise RuntimeError("power cut")

    monkeypatch.setattr(store_write, "save_parts", crash)
    with pytest.raises(RuntimeError):
        store.save(article, record)
    assert set(store.counts().values()) == {0}


def test_global_actor_merges_aliases_and_keeps_latest_role(store: Store, kit: Any) -> None:
    old = Actor("rus/gov/sergey-lavrov", "Sergey Lavrov", "person", "RUS", "GOV", "diplomat",
                ("Lavrov",))
    new = Actor("rus/gov/sergey-lavrov", "Sergey Lavrov", "person", "RUS", "GOV",
                "foreign minister", ("Mr Lavrov",))
    store.save(*kit._make("Later text.", "2025-03-12", actors=(new,)))
    store.save(*kit._make("Earlier text.", "2025-03-01", actors=(old,)))
    actor = store.actor(new.id)
    assert actor is not None
    assert actor["role"] == "foreign minister"
    assert set(actor["aliases"]) == {"Lavrov", "Mr Lavrov"}
    assert (actor["first_seen"], actor["last_seen"]) == ("2025-03-01", "2025-03-12")
    assert actor["articles"] == 2


# --- property: whatever record is saved reads back equal ----------------------------------

text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
maybe = st.none() | text
small = st.integers(min_value=0, max_value=10_000)
day = st.dates().map(lambda d: d.isoformat())
ids = st.from_regex(r"[a-z]{3}/[a-z]{3}/[a-z-]{1,12}", fullmatch=True)

refs = st.builds(ActorRef, actor=st.none() | ids, actorText=text, code=st.none() | text,
                 sector=st.none() | text)
events = st.builds(
    Event, id=st.uuids().map(str), event=st.sampled_from(EVENT_TYPES),
    source=st.tuples(refs) | st.tuples(), target=st.lists(refs, max_size=2).map(tuple),
    eventText=text, evidence=st.builds(Evidence, text=text, start=small, end=small),
    mode=maybe, context=st.lists(text, max_size=2).map(tuple),
    date=st.none() | st.builds(EventDate, text=text, value=st.none() | day, end=st.none() | day),
    eventLoc=st.none() | st.builds(Place, name=text, country=maybe, lat=st.none() | st.floats(
        -90, 90), lon=st.none() | st.floats(-180, 180), geonameid=st.none() | small),
    dead=st.none() | small, injured=st.none() | small, size=st.none() | small,
    quantities=st.lists(st.builds(Quantity, value=small, unit=text, text=text), max_size=2).map(
        tuple),
    status=st.sampled_from(STATUSES), negated=st.booleans(),
    attribution=st.none() | st.builds(Attribution, text=text, actor=st.none() | ids),
    certainty=st.sampled_from(CERTAINTIES),
)
actors = st.builds(
    Actor, id=ids, name=text, kind=st.sampled_from(["person", "organization", "country"]),
    country=maybe, sector=maybe, role=maybe, aliases=st.lists(text, max_size=2).map(tuple),
    members=st.lists(text, max_size=2).map(tuple),
    mentions=st.lists(st.builds(Mention, start=small, end=small, text=text), max_size=2).map(tuple),
)
records = st.builds(
    ArticleRecord,
    article=st.builds(
        ArticleMeta, id=st.uuids().map(str), source_id=maybe, title=maybe, url=maybe,
        publisher=maybe, published=st.none() | day, words=small,
        tone=st.builds(Tone, score=st.floats(-10, 10), loaded_terms=st.lists(st.builds(
            LoadedTerm, text=text, start=small, end=small, category=text, quoted=st.booleans()),
            max_size=2).map(tuple)),
    ),
    actors=st.lists(actors, max_size=3, unique_by=lambda a: a.id).map(tuple),
    events=st.lists(events, max_size=3, unique_by=lambda e: e.id).map(tuple),
    statements=st.lists(st.builds(Statement, speaker=st.none() | ids, speakerText=text, cue=text,
                                  content=text, direct=st.booleans(), start=small, end=small,
                                  certainty=st.sampled_from(CERTAINTIES)), max_size=2).map(tuple),
    dates=st.lists(st.builds(DateMention, text=text, start=small, end=small, value=st.none() | day),
                   max_size=2).map(tuple),
    positions=st.lists(st.builds(Position, holder=st.none() | ids, issue=text,
                                 stance=st.sampled_from(STANCES), text=text,
                                 evidence=st.builds(Span, start=small, end=small),
                                 target=st.none() | ids, date=st.none() | day), max_size=2).map(
        tuple),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records)
def test_any_record_reads_back_equal(record: ArticleRecord) -> None:
    with Store(":memory:") as store:
        assert store.save(record) == "new"
        back = extracted(store.record(record.article.id))
        assert back == record
        assert back == record_from_dict(to_dict(record))
        assert store.count_events() == len(record.events)
        assert store.save(record) == "unchanged"


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(drawn=records)
def test_any_record_reads_back_equal_on_every_backend(store: Store, drawn: ArticleRecord) -> None:
    # one store for all examples (hypothesis replays some): a fresh article id each time
    record = dataclasses.replace(
        drawn, article=dataclasses.replace(drawn.article, id=str(uuid.uuid4())))
    assert store.save(record) == "new"
    assert extracted(store.record(record.article.id)) == record
    assert store.count_events(EventFilter(article_id=record.article.id)) == len(record.events)
    assert store.save(record) == "unchanged"


# --- file stores: WAL, two connections, errors, migrations ---------------------------------


def test_file_store_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    with Store(str(tmp_path / "w.db")) as store:
        conn = store.connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_reader_is_not_blocked_by_a_writer(tmp_path: Path, kit: Any) -> None:
    path = str(tmp_path / "rw.db")
    first, second = kit._make("First article."), kit._make("Second article.")
    with Store(path) as writer, Store(path) as reader:
        writer.save(*first)
        writer.connection.execute("BEGIN IMMEDIATE")  # a writer mid-transaction
        store_write.insert_article(writer.connection, second[0], second[1])
        assert reader.counts()["articles"] == 1  # reads the last commit, does not wait
        writer.connection.execute("COMMIT")
        assert reader.counts()["articles"] == 2


def test_a_second_writer_waits_instead_of_failing(tmp_path: Path, kit: Any) -> None:
    path = str(tmp_path / "ww.db")
    with Store(path) as holder, Store(path) as waiter:
        holder.connection.execute("BEGIN IMMEDIATE")
        release = threading.Timer(0.5, lambda: holder.connection.execute("COMMIT"))
        release.start()
        started = time.monotonic()
        assert waiter.save(*kit._make("Written while locked.")) == "new"
        assert time.monotonic() - started >= 0.4
        release.join()
        assert holder.counts()["articles"] == 1


def test_bad_paths_raise_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(str(tmp_path / "missing" / "x.db"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all, not even close" * 100)
    with pytest.raises(StoreError, match="cannot use"):
        Store(str(junk))
    with pytest.raises(StoreError, match="cannot"):
        Store(str(tmp_path))  # a folder, not a file
    with pytest.raises(StoreError, match="PostgreSQL"):
        Store("postgresql://localhost/wardesk")


def test_an_older_database_is_migrated(tmp_path: Path, kit: Any) -> None:
    path = str(tmp_path / "old.db")
    conn = sqlite3.connect(path, isolation_level=None)
    assert migrate(conn, target=1) == 1
    article, record = kit.full_record(kit._make)
    conn.execute("BEGIN")  # what a version-1 wardesk wrote: no lookup tables yet
    store_write.insert_article(conn, article, record)
    v1_columns = store_write.COLUMNS["events"][:-1]  # without migration 14's background
    v1_insert = (f"INSERT INTO events ({', '.join(v1_columns)})"
                 f" VALUES ({', '.join('?' * len(v1_columns))})")
    for seq, event in enumerate(record.events):
        conn.execute(v1_insert, store_write._event_row(
            article.id, seq, event, record.article.published, to_dict(event))[:-1])
        conn.executemany(store_write.insert_sql("event_actors"),
                         store_write._event_actor_rows(article.id, event))
    conn.execute("COMMIT")
    indexes = "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'events_type'"
    assert conn.execute(indexes).fetchone() is None
    conn.close()
    with Store(path) as store:
        assert version(store.connection) == len(MIGRATIONS) >= 4
        assert store.connection.execute(indexes).fetchone() is not None
        assert store.record(article.id) == record
        assert store.count_events() == 2
        # migration 4 filled the lookups from the rows already there
        assert [e["id"] for e in store.events(EventFilter(country="UKR"))] == ["e-strike", "e-talks"]
        assert [e["id"] for e in store.events(EventFilter(actor="zelensk"))] == ["e-talks"]
        # ... and migration 6 the overview's running totals
        assert stats.by_country(store, EventFilter()) == [{"country": "RUS", "count": 2},
                                                          {"country": "UKR", "count": 2}]
        assert [r["count"] for r in stats.per_day(store, EventFilter())] == [1, 1]
        assert stats.by_country(store, EventFilter(country="ukr")) == [  # migration 8
            {"country": "RUS", "count": 2}, {"country": "UKR", "count": 2}]
        assert len(stats.per_day(store, EventFilter(country="RUS"))) == 2
        # migration 14: events stored before it wait for `wardesk incidents --rebuild`
        assert store.pending_incidents() == 2 and store.incidents() == []
        assert store.rebuild_incidents() == 2 and store.pending_incidents() == 0
        assert {e["incident"] for e in store.events()} == {i["id"] for i in store.incidents()}


def test_a_newer_database_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "new.db")
    with Store(path) as store:
        store.connection.execute("INSERT INTO schema_version VALUES (99, 'future')")
    with pytest.raises(StoreError, match="upgrade wardesk"):
        Store(path)


def test_two_writers_at_once_lose_nothing(tmp_path: Path, kit: Any) -> None:
    path = str(tmp_path / "two.db")
    Store(path).close()  # create and migrate once, before the race
    errors: list[BaseException] = []

    def write_many(name: str) -> None:
        try:
            with Store(path) as store:
                for n in range(15):
                    store.save(*kit._make(f"{name} article number {n}."))
        except BaseException as exc:  # surfaced below: a thread's exception is otherwise lost
            errors.append(exc)

    threads = [threading.Thread(target=write_many, args=(name,)) for name in ("left", "right")]
    for thread in threads:
        thread.start()
    with Store(path) as reader:  # reading all the while
        while any(t.is_alive() for t in threads):
            assert reader.counts()["articles"] <= 30
    for thread in threads:
        thread.join()
    assert errors == []
    with Store(path) as store:
        assert store.counts()["articles"] == 30


def test_a_migration_applied_meanwhile_is_skipped(tmp_path: Path) -> None:
    from wardesk.store.schema import _apply

    path = str(tmp_path / "race.db")
    late = sqlite3.connect(path, isolation_level=None)
    assert version(late) == 0  # it saw an empty database ...
    with Store(path):  # ... then another process created the schema
        pass
    _apply(late, 1, MIGRATIONS[0])  # must not fail on "table already exists"
    assert version(late) == len(MIGRATIONS)
    late.close()


def test_two_stores_open_a_new_database_at_once(tmp_path: Path) -> None:
    path = str(tmp_path / "new-race.db")
    start = threading.Barrier(3)
    errors: list[BaseException] = []

    def open_store() -> None:
        start.wait()
        try:
            Store(path).close()
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
