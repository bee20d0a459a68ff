"""The events page's facets from the running totals (migration 12) on every backend: for each
filter shape the totals cover, the same lists as counting the events themselves, after saves,
a re-save, a replacement, deletions, a bulk load and the migration of an existing store."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from wardesk.records import CERTAINTIES, STATUSES, Actor, ArticleRecord, Place
from wardesk.store import EventFilter, Store, stats, totals, write
from wardesk.store.schema import migrations, statements

NATO = Actor("igo/nato", "NATO", "organization", "IGO", "GOV")
HAMAS = Actor("pse/hamas", "Hamas", "group", "PSE", "REB")
NOBODY = Actor("unk/gunmen", "gunmen", "group", None, None)  # touches no country
PLACES = (Place("Kyiv", "UKR", None, 50.45, 30.52), Place("Doha", "QAT", None, 25.3, 51.5),
          Place("Moscow", "RUS", None, 55.75, 37.62), None)
TYPES = ("ASSAULT", "CONSULT", "ACCUSE", "AGREE", "AID")

# the shapes the totals answer; country and type values include absent ones and odd spellings
COVERED = [
    {}, {"country": "RUS"}, {"country": " ukr "}, {"country": "QAT"}, {"country": "NOR"},
    {"country": "IGO"}, {"type": "ASSAULT"}, {"type": "consult"}, {"type": "RETREAT"},
    {"type": "ASSAULT", "country": "UKR"}, {"type": "AGREE", "country": "PSE"},
    {"type": "AID", "country": "NOR"}, {"type": "ASSAULT", "since": "2025-03-03"},
    {"type": "CONSULT", "until": "2025-03-04"},
    {"type": "ACCUSE", "since": "2025-03-02", "until": "2025-03-05"},
    {"since": "2025-03-04"}, {"until": "2025-03-02"}, {"since": "2025-03-02", "until": "2025-03-03"},
    {"type": "AGREE", "since": "2030-01-01"},
]


def _records(kit: Any, seed: int, count: int) -> list[tuple[Any, ArticleRecord]]:
    """Articles with events of varied type, status, certainty, countries, places and dates
    (some undated, some with no published date either), one event listed twice."""
    rng = random.Random(seed)
    parties = (kit.PUTIN, kit.ZELENSKY, kit.UKRAINE, kit.LAVROV, NATO, HAMAS, NOBODY)
    made = []
    for number in range(count):
        published = rng.choice((None, "2025-03-01", "2025-03-03", "2025-03-05T10:00:00Z"))
        events = []
        for n in range(rng.randrange(1, 6)):
            source, target = rng.sample(parties, 2)
            day = rng.choice((None, "2025-03-02", "2025-03-04", "2025-03-06"))
            events.append(kit.event(
                f"e{number}-{n}", rng.choice(TYPES), source, target, f"Side {n} acted here.",
                day=day, place=rng.choice(PLACES), status=rng.choice(STATUSES[:3]),
                certainty=rng.choice(CERTAINTIES[:3])))
        if number % 4 == 0:
            events.append(events[0])  # the same content id twice: one event
        made.append(kit._make(f"Report {seed}-{number}.", published,
                              actors=(*parties,), events=tuple(events)))
    return made


def _listed_counts(store: Store, f: EventFilter) -> dict[str, Counter[str]]:
    """The facet counts computed in Python from the events the store lists."""
    listed = store.events(EventFilter(**_kw(f), limit=None))
    touched = Counter(code for e in listed for code in {
        *e["source_codes"], *e["target_codes"], *([(e.get("eventLoc") or {}).get("country")]
                                                   if (e.get("eventLoc") or {}).get("country")
                                                   else [])})
    return {"type": Counter(e["event"] for e in listed), "country": touched,
            "status": Counter(e["status"] for e in listed),
            "certainty": Counter(e["certainty"] for e in listed)}


def _kw(f: EventFilter) -> dict[str, Any]:
    return {k: getattr(f, k) for k in ("country", "type", "since", "until") if getattr(f, k)}


def _ordered(rows: list[dict[str, Any]]) -> bool:
    keys = [(-r["count"], r["value"]) for r in rows]
    return keys == sorted(keys) and all(r["count"] > 0 for r in rows)


def assert_facets_match(store: Store) -> None:
    for kw in COVERED:
        f = EventFilter(**kw)
        assert totals.covers_facets(f), kw
        got, scanned = stats.facets(store, f), stats.scan_facets(store, f)
        assert got == scanned, kw
        assert stats.by_country(store, f) == stats.scan_by_country(store, f), kw
        expected = _listed_counts(store, f)
        for facet, rows in got.items():
            assert _ordered(rows), (kw, facet)
            assert {r["value"]: r["count"] for r in rows} == expected[facet], (kw, facet)


def _write(store: Store, work: Any) -> Any:
    conn = store.connection
    conn.execute("BEGIN IMMEDIATE")
    try:
        result = work(conn)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return result


def _delete(store: Store, article_id: str) -> bool:
    return bool(_write(store, lambda conn: write.delete_article(conn, article_id)))


@pytest.fixture
def filled(store: Store, kit: Any) -> Store:
    for article, record in _records(kit, 5, 14):
        assert store.save(article, record) == "new"
    return store


def test_other_shapes_are_not_covered() -> None:
    for kw in ({"country": "UKR", "since": "2025-03-01"}, {"status": "planned"},
               {"actor": "putin"}, {"certainty": "claimed", "type": "AID"}, {"place": "Kyiv"},
               {"text": "acted"}, {"quad": "1"}, {"article_id": "x"}):
        assert not totals.covers_facets(EventFilter(**kw)), kw


def test_facets_after_saves(filled: Store) -> None:
    assert filled.count_events(EventFilter()) > 30  # enough events for ties and gaps
    assert_facets_match(filled)


def test_an_unknown_type_fails_like_the_scan(filled: Store) -> None:
    from wardesk.errors import UsageError

    for path in (stats.facets, stats.scan_facets):
        with pytest.raises(UsageError):
            path(filled, EventFilter(type="DANCE"))


def test_resaving_an_article_with_other_events_changes_nothing(filled: Store, kit: Any) -> None:
    article, record = _records(kit, 5, 1)[0]
    other = kit.event("new-1", "AID", NATO, kit.UKRAINE, "NATO sent aid.", day="2025-03-04",
                      status="planned", certainty="claimed")
    before = stats.facets(filled, EventFilter())
    changed = ArticleRecord(record.article, record.actors, (other,), (), (), ())
    assert filled.save(article, changed) == "unchanged"  # content-keyed: same text, same record
    assert stats.facets(filled, EventFilter()) == before
    assert_facets_match(filled)


def test_replacing_an_article_moves_its_counts(filled: Store, kit: Any) -> None:
    article, record = _records(kit, 5, 1)[0]
    other = kit.event("new-1", "AID", NATO, kit.UKRAINE, "NATO sent aid.", day="2025-03-04",
                      place=PLACES[1], status="planned", certainty="claimed")
    aid_before = stats.facets(filled, EventFilter(type="AID", country="IGO"))
    assert _delete(filled, article.id)
    replaced = ArticleRecord(record.article, record.actors, (other, other), (), (), ())
    assert filled.save(article, replaced) == "new"
    assert_facets_match(filled)
    aid_after = stats.facets(filled, EventFilter(type="AID", country="IGO"))
    before = {r["value"]: r["count"] for r in aid_before["country"]}
    after = {r["value"]: r["count"] for r in aid_after["country"]}
    assert after.get("QAT", 0) >= 1 and after != before


def test_facets_after_deleting(filled: Store, kit: Any) -> None:
    records = _records(kit, 5, 14)
    for article, _ in records[::3]:
        assert _delete(filled, article.id)
    assert not _delete(filled, records[0][0].id)  # gone already
    assert_facets_match(filled)
    for article, _ in records:
        _delete(filled, article.id)
    assert filled.count_events(EventFilter()) == 0
    empty = {"type": [], "country": [], "status": [], "certainty": []}
    for kw in COVERED:
        assert stats.facets(filled, EventFilter(**kw)) == empty, kw


def _second_url(store_url: str, kit: Any) -> Iterator[str]:
    """Another empty store on the same backend."""
    if store_url == ":memory:":
        yield ":memory:"
    else:
        yield from kit.postgres_schema()


def test_deleting_takes_the_article_out_of_every_running_total(filled: Store, kit: Any,
                                                                store_url: str) -> None:
    records = _records(kit, 5, 14)
    for url in _second_url(store_url, kit):
        with Store(url) as fresh:  # the same store, never given the deleted articles
            for article, record in records:
                if article.id not in {records[0][0].id, records[5][0].id}:
                    fresh.save(article, record)
            _delete(filled, records[0][0].id)
            _delete(filled, records[5][0].id)
            assert _totals(filled) == _totals(fresh)


TOTALS = ("event_day_totals", "event_code_totals", "event_code_day_totals",
          "event_code_pair_totals", "event_facet_totals", "event_day_facet_totals",
          "event_code_pair_type_totals")


def _totals(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every running-total table's rows with a count (a count taken down to 0 stays a row)."""
    found = {table: sorted(tuple(r) for r in store.connection.execute(
        f"SELECT * FROM {table} WHERE n > 0")) for table in TOTALS}
    found["actor_keys"] = sorted(tuple(r) for r in store.connection.execute(
        "SELECT actor_id, actor_text, n FROM actor_keys WHERE n > 0"))
    return found


def test_facets_after_load(store: Store, kit: Any) -> None:
    records = _records(kit, 9, 16)
    counted = store.load(records[:10], batch=3)
    assert counted == {"new": 10, "unchanged": 0}
    assert_facets_match(store)
    store.load(records[6:], batch=4)  # into a store that holds some of them already
    assert_facets_match(store)


def test_the_migration_fills_the_totals_of_an_existing_store(filled: Store) -> None:
    kept = _totals(filled)
    dropped = ("DROP TABLE event_facet_totals", "DROP TABLE event_day_facet_totals",
               "DROP TABLE event_code_pair_type_totals")
    # migration 12 as this backend runs it (whatever later migrations follow it)
    script = statements(migrations(filled.connection)[11])
    assert any("CREATE TABLE event_facet_totals" in sql for sql in script)
    _write(filled, lambda c: [c.execute(sql) for sql in (*dropped, *script)])
    assert _totals(filled) == kept
    assert_facets_match(filled)


def test_an_actor_text_with_a_nul_named_by_two_articles(store: Store, kit: Any) -> None:
    # PostgreSQL keeps a NUL as U+FFFD: the second article finds the first one's actor key
    odd = kit.Actor("unk/x", "Gun\x00men", "group", None, None)
    for n in range(2):
        e = kit.event(f"n{n}", "ASSAULT", odd, kit.UKRAINE, "Gunmen attacked a post.")
        assert store.save(*kit._make(f"Nul report {n}.", actors=(odd, kit.UKRAINE),
                                     events=(e,))) == "new"
    assert store.count_events(EventFilter(actor="Gun")) == 2
    assert_facets_match(store)
