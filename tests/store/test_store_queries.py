"""Store queries: event filters, full-text search, actors, statements, known people,
positions and their changes, rejections."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from wardesk.errors import UsageError
from wardesk.records import Actor, Place, Rejection, Statement, to_dict
from wardesk.store import EventFilter, Store

KYIV = Place("Kyiv", "UKR", None, 50.45, 30.52)
RIYADH = Place("Riyadh", "SAU", None, 24.7, 46.7)
USA = Actor("usa/gov/marco-rubio", "Marco Rubio", "person", "USA", "GOV", "Secretary of State")


@pytest.fixture
def loaded(store: Store, kit: Any) -> Store:
    """Three articles: a strike on Kyiv, talks in Riyadh, a sanction without a date."""
    strike = kit.event("s1", "FIGHT", kit.PUTIN, kit.UKRAINE, "Russia struck Kyiv at night 5%.",
                       day="2025-03-10", place=KYIV, certainty="claimed")
    talks = kit.event("t1", "AGREE", USA, kit.ZELENSKY, "Rubio met Zelensky in Riyadh.",
                      day="2025-03-12", place=RIYADH, status="planned")
    sanction = kit.event("n1", "SANCTION", USA, kit.PUTIN, "Washington sanctioned Moscow banks.")
    store.save(*kit._make("Russia struck Kyiv overnight with drones.", "2025-03-10",
                          title="Strike on Kyiv", actors=(kit.PUTIN, kit.UKRAINE), events=(strike,)))
    store.save(*kit._make("Rubio and Zelensky meet in Riyadh for peace talks.", "2025-03-11",
                          title="Talks", actors=(USA, kit.ZELENSKY), events=(talks,)))
    store.save(*kit._make("New sanctions on Russian banks.", "2025-03-20", title="Sanctions",
                          actors=(USA, kit.PUTIN), events=(sanction,)))
    return store


@pytest.fixture
def pg_url(kit: Any) -> Iterator[str]:
    """A fresh PostgreSQL schema, for what exists on PostgreSQL only."""
    yield from kit.postgres_schema()


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    with Store(pg_url) as s:
        yield s


def ids(store: Store, **kw: Any) -> list[str]:
    return [e["id"] for e in store.events(EventFilter(**kw))]


@pytest.mark.parametrize(("kw", "expected"), [
    ({}, ["s1", "t1", "n1"]),
    ({"sort": "-date"}, ["n1", "t1", "s1"]),
    ({"sort": "type"}, ["t1", "s1", "n1"]),
    ({"actor": "rus/gov/vladimir-putin"}, ["s1", "n1"]),
    ({"actor": "rubio"}, ["t1", "n1"]),
    ({"country": "ukr"}, ["s1", "t1"]),
    ({"country": "SAU"}, ["t1"]),  # the place's country counts too
    ({"type": "ASSAULT"}, ["s1"]),
    ({"type": "fight"}, ["s1"]),  # an alias, stored canonical
    ({"quad": "verbal_cooperation"}, ["t1"]),
    ({"quad": "4"}, ["s1", "n1"]),
    ({"status": "planned"}, ["t1"]),
    ({"certainty": "claimed"}, ["s1"]),
    ({"since": "2025-03-11"}, ["t1", "n1"]),  # n1 has no date: its article's published date
    ({"until": "2025-03-12"}, ["s1", "t1"]),
    ({"since": "2025-03-11", "until": "2025-03-12"}, ["t1"]),
    ({"place": "riy"}, ["t1"]),
    ({"place": "UKR"}, ["s1"]),
    ({"text": "sanctioned"}, ["n1"]),
    ({"text": "5%"}, ["s1"]),  # LIKE wildcards are literal
    ({"text": "_"}, []),
    ({"limit": 1, "offset": 1}, ["t1"]),
])
def test_event_filters(loaded: Store, kw: dict[str, Any], expected: list[str]) -> None:
    assert ids(loaded, **kw) == expected
    assert loaded.count_events(EventFilter(**kw)) == (
        len(expected) if "limit" not in kw else 3)


def test_event_dict_shape(loaded: Store) -> None:
    [event] = loaded.events(EventFilter(type="AGREE"))
    assert event["event"] == "AGREE" and event["quad"] == "verbal_cooperation"
    assert event["article_title"] == "Talks" and event["published"] == "2025-03-11"
    assert event["source_codes"] == ["USA"] and event["target_codes"] == ["UKR"]
    assert event["eventLoc"]["name"] == "Riyadh"
    article_id = event["article_id"]
    assert ids(loaded, article_id=article_id) == ["t1"]


@pytest.mark.parametrize("kw", [{"type": "BOMB"}, {"since": "March"}, {"quad": "9"},
                                {"status": "done"}, {"sort": "size"}])
def test_bad_filters_are_usage_errors(loaded: Store, kw: dict[str, Any]) -> None:
    with pytest.raises(UsageError):
        loaded.events(EventFilter(**kw))


def test_records_and_iter_events_stream_all(loaded: Store) -> None:
    assert len(list(loaded.iter_events())) == 3
    assert [r.article.title for r in loaded.records()] == ["Strike on Kyiv", "Talks", "Sanctions"]
    assert [r.article.title for r in loaded.records(EventFilter(country="RUS"))] == [
        "Strike on Kyiv", "Sanctions"]


def test_full_text_search(loaded: Store) -> None:
    assert [a["title"] for a in loaded.articles("riyadh peace")] == ["Talks"]
    assert loaded.articles("riyadh banks") == []
    assert [a["title"] for a in loaded.articles()] == ["Sanctions", "Talks", "Strike on Kyiv"]
    assert [a["title"] for a in loaded.articles(limit=1, offset=1)] == ["Talks"]
    assert "[Riyadh]" in loaded.articles("Riyadh")[0]["snippet"]


@pytest.mark.parametrize("q", ['"unclosed', "title:kyiv OR (", "NEAR(", "*", "-", "AND", "'; --"])
def test_search_syntax_never_raises(loaded: Store, q: str) -> None:
    assert isinstance(loaded.articles(q), list)


def test_search_words_are_not_operators(loaded: Store) -> None:
    # "title:kyiv" must look for both words, not filter on a column
    assert [a["title"] for a in loaded.articles("title:kyiv")] == []
    assert [a["title"] for a in loaded.articles("kyiv")] == ["Strike on Kyiv"]
    assert [a["title"] for a in loaded.articles("zelen*")] == ["Talks"]
    assert loaded.articles("zelen") == []


def test_actors_with_counts(loaded: Store, kit: Any) -> None:
    putin = loaded.actor(kit.PUTIN.id)
    assert putin is not None
    assert (putin["events_as_source"], putin["events_as_target"]) == (1, 1)
    assert [a["id"] for a in loaded.actors(country="usa")] == [USA.id]
    assert [a["id"] for a in loaded.actors(text="Zelensky")] == [kit.ZELENSKY.id]
    assert {a["id"] for a in loaded.actors(sector="GOV")} == {USA.id, kit.PUTIN.id, kit.ZELENSKY.id}
    assert loaded.actor("nobody") is None


def test_statements(store: Store, kit: Any) -> None:
    said = Statement(kit.ZELENSKY.id, "Zelensky", "said", "Ukraine wants peace", True, 0, 5)
    other = Statement(None, "an official", "said", "talks will go on", False, 0, 5)
    store.save(*kit._make("One.", "2025-03-01", statements=(said,)))
    store.save(*kit._make("Two.", "2025-03-05", statements=(other,)))
    assert [s["content"] for s in store.statements(actor="zelensky")] == ["Ukraine wants peace"]
    assert [s["content"] for s in store.statements(actor=kit.ZELENSKY.id)] == ["Ukraine wants peace"]
    assert [s["content"] for s in store.statements(text="talks")] == ["talks will go on"]
    assert [s["content"] for s in store.statements(since="2025-03-02")] == ["talks will go on"]
    assert [s["content"] for s in store.statements(until="2025-03-02")] == ["Ukraine wants peace"]
    assert [s["content"] for s in store.statements(actor="ukr")] == ["Ukraine wants peace"]
    assert store.statements(actor="RUS") == []
    assert store.statements()[0]["direct"] is False
    assert store.statements()[0]["speakerText"] == "an official"  # the record's field name
    assert store.actor(kit.ZELENSKY.id)["statements"] == 1  # type: ignore[index]


def test_known_people(store: Store, kit: Any) -> None:
    store.save(*kit._make("One.", "2025-03-01", actors=(kit.LAVROV, kit.UKRAINE)))
    moved = Actor(kit.LAVROV.id, "Sergey Lavrov", "person", "RUS", "GOV", "envoy")
    unknown = Actor("xxx/ivan-lavrov", "Ivan Lavrov", "person")  # no office: not learned
    store.save(*kit._make("Two.", "2025-03-09", actors=(moved, unknown)))
    store.save(*kit._make("Zero.", "2025-02-01", actors=(
        Actor(kit.LAVROV.id, "Sergey Lavrov", "person", "RUS", "GOV", "ambassador"),)))
    known = store.known_people()
    assert known["sergey lavrov"].role == "envoy"  # the latest article wins
    assert known["sergey lavrov"].since == "2025-03-09"
    assert known["lavrov"] == known["sergey lavrov"]
    assert "ukraine" not in known and "ivan lavrov" not in known


def test_ambiguous_surname_is_not_a_key(store: Store, kit: Any) -> None:
    a = Actor("usa/gov/a-smith", "Anna Smith", "person", "USA", "GOV", "senator")
    b = Actor("gbr/gov/bob-smith", "Bob Smith", "person", "GBR", "GOV", "minister")
    store.save(*kit._make("One.", actors=(a, b)))
    known = store.known_people()
    assert "smith" not in known and known["anna smith"].country == "USA"


def test_rejections(store: Store) -> None:
    store.reject(Rejection("a.pdf", "binary", "not text"))
    store.reject(Rejection("b.txt", "empty", "no words", time="2025-01-01T00:00:00+00:00"))
    rows = store.rejections()
    assert [r["reason"] for r in rows] == ["empty", "binary"]
    assert rows[0]["time"] == "2025-01-01T00:00:00+00:00"
    assert rows[1]["time"][:2] == "20" and "T" in rows[1]["time"]
    assert store.counts()["rejections"] == 2
    assert len(store.rejections(limit=1)) == 1


def test_record_dicts_are_the_records_as_json(loaded: Store) -> None:
    from wardesk.records import to_dict

    assert list(loaded.record_dicts()) == [to_dict(r) for r in loaded.records()]
    assert len(list(loaded.record_dicts(EventFilter(type="SANCTION")))) == 1


@pytest.mark.parametrize("kw", [
    {"actor": "rus/gov/vladimir-putin"}, {"actor": "rubio"}, {"actor": "zelensky"},
    {"country": "ukr"}, {"country": "SAU"}, {"country": "RUS", "actor": "rubio"},
    {"country": "UKR", "sort": "-date"}, {"actor": "nobody"}, {"actor": "rubio", "type": "AGREE"},
])
def test_probe_and_set_forms_select_the_same_events(loaded: Store, kw: dict[str, Any],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from wardesk.store import queries

    monkeypatch.setattr(queries, "WALK_ABOVE", 0)  # every value "frequent": walk and probe
    walked = ids(loaded, **kw)
    monkeypatch.setattr(queries, "WALK_ABOVE", 10**9)  # every value rare: look up the set
    assert ids(loaded, **kw) == walked
    assert ids(loaded, **kw, limit=None) == walked  # no page: never walks event_codes
    count = loaded.count_events(EventFilter(**kw))
    monkeypatch.setattr(queries, "RESOLVE_AT_MOST", 0)  # the actor as subqueries, not lists
    assert ids(loaded, **kw) == walked and loaded.count_events(EventFilter(**kw)) == count


def test_snippet_brackets_every_match_and_marks_cuts() -> None:
    from wardesk.store.search import snippet, terms

    text = "One two three four five Kyiv six seven. Zelensky met officials in Kyiv at night today."
    out = snippet(text, terms("kyiv zelensk*"))
    assert out.startswith("…four five [Kyiv]") and "[Zelensky]" in out and out.endswith("…")
    assert snippet("Übersee talks", terms("ubersee")) == "[Übersee] talks"  # diacritics fold
    assert snippet("", terms("x")) == ""


def test_a_very_common_word_is_ranked_among_its_newest_matches(
        store: Store, kit: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from wardesk.store import search

    for n in range(3):
        store.save(*kit._make(f"Convoy report number {n}.", title=f"Report {n}"))
    assert len(store.articles("convoy")) == 3
    monkeypatch.setattr(search, "RANK_WITHIN", 1)  # both backends bound the ranking
    monkeypatch.setattr(search, "RANK_WITHIN_PG", 1)
    assert [a["title"] for a in store.articles("convoy")] == ["Report 2"]


@pytest.mark.parametrize("within", [2, 2_000])
def test_postgres_finds_the_newest_matches_alike_by_walking_or_gathering(
        pg_store: Store, kit: Any, monkeypatch: pytest.MonkeyPatch, within: int) -> None:
    """PostgreSQL finds a word's newest matches either by walking the articles newest first
    or by gathering every match from the text index (search._walk_newest picks): both must
    give the same articles in the same order."""
    from wardesk.store import search

    store = pg_store
    for n in range(12):
        extra = " ceasefire" * (n % 3) + (" Kherson" if n % 4 == 0 else "")
        store.save(*kit._make(f"Report {n} on the front.{extra}", title=f"Report {n}"))
    monkeypatch.setattr(search, "RANK_WITHIN_PG", within)
    for q in ("report", "ceasefire", "kherson ceasefire", "front*", "nothing"):
        found = {}
        for walk in (True, False):
            monkeypatch.setattr(search, "_walk_newest", lambda conn, match, walk=walk: walk)
            found[walk] = [(a["title"], a["snippet"]) for a in store.articles(q)]
        assert found[True] == found[False], q
    # the newest `within` matches, equal in rank, oldest first
    assert [a["title"] for a in store.articles("kherson")] == [
        "Report 0", "Report 4", "Report 8"][-within:]


def test_search_forgets_a_deleted_article(store: Store, kit: Any) -> None:
    for n, word in enumerate(("Kherson", "Odesa")):
        store.save(*kit._make(f"Shelling in {word} overnight.", title=f"{word} {n}"))
    assert [a["title"] for a in store.articles("kherson")] == ["Kherson 0"]
    gone = store.articles("kherson")[0]["id"]
    assert store.delete(gone) and not store.delete(gone)
    assert not store.has_article(gone) and store.counts()["articles"] == 1
    assert store.articles("kherson") == []
    assert [a["title"] for a in store.articles("shelling")] == ["Odesa 1"]


def test_postgres_chooses_to_walk_only_for_words_most_articles_hold(
        pg_store: Store, kit: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from wardesk.store import search
    from wardesk.store.postgres import PgConnection

    store = pg_store
    for n in range(300):
        rare = " Kherson" if n == 7 else ""
        store.save(*kit._make(f"Report {n} on the front{rare}.", title=f"Report {n}"))
    store.connection.execute("ANALYZE article_words")
    conn = store.connection
    assert isinstance(conn, PgConnection)
    # walk when matches² > WALK_COST x RANK_WITHIN_PG x articles: 300² > 2 x 10 x 300 > 1²
    monkeypatch.setattr(search, "RANK_WITHIN_PG", 10)
    assert search._walk_newest(conn, search.ts_query("front"))
    assert not search._walk_newest(conn, search.ts_query("kherson"))


def test_postgres_migration_13_moves_the_words_of_stored_articles(
        pg_url: str, kit: Any) -> None:
    """A store made before migration 13 keeps its articles findable after it."""
    from wardesk.store import write
    from wardesk.store.postgres import PgConnection
    from wardesk.store.schema import migrate

    store_url = pg_url
    conn = PgConnection(store_url)
    try:
        migrate(conn, 12)
        article, record = kit._make("Shelling near Kherson overnight.", title="Kherson")
        conn.execute("BEGIN")
        write.insert_article(conn, article, record, to_dict(record))
        conn.execute("COMMIT")
    finally:
        conn.close()
    with Store(store_url) as store:  # opening it applies migration 13
        assert [a["title"] for a in store.articles("kherson")] == ["Kherson"]
        assert "[Kherson]" in store.articles("kherson")[0]["snippet"]
        store.save(*kit._make("Talks in Riyadh on Tuesday.", title="Talks"))
        assert [a["title"] for a in store.articles("riyadh")] == ["Talks"]
