"""The statements filter and the search's store queries, on SQLite and PostgreSQL: speaker,
country, kind, certainty, words and dates; newest article first, undated last; statements
found through the articles' text index."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.errors import UsageError
from wardesk.records import Statement
from wardesk.store import Store, finder
from wardesk.store.finder import StatementFilter


def _fill(store: Store, kit: Any) -> None:
    quote = Statement(kit.ZELENSKY.id, "Zelensky", "said", "Ukraine wants a ceasefire", True, 0, 5,
                      "confirmed")
    told = Statement(kit.PUTIN.id, "Putin", "told reporters", "talks could resume", False, 0, 5)
    anon = Statement(None, "an official", "said", "the ceasefire was fragile", False, 0, 5)
    store.save(*kit._make("Zelensky said Ukraine wants a ceasefire.", "2025-03-01",
                          statements=(quote,)))
    store.save(*kit._make("Putin told reporters talks could resume.", "2025-03-05",
                          statements=(told,)))
    store.save(*kit._make("An official said the ceasefire was fragile.", None,
                          statements=(anon,)))


def _said(store: Store, **kw: Any) -> list[str]:
    f = StatementFilter(**kw)
    rows = finder.statements(store, f)
    # the plan for few matches (sorted) and for many (a walk) give the same page
    assert finder.statements(store, f, total=1) == rows
    if not f.offset:
        assert finder.count_statements(store, f) == len(rows)
    return [r["content"] for r in rows]


def test_statements_filters_combine(store: Store, kit: Any) -> None:
    _fill(store, kit)
    assert _said(store) == ["talks could resume", "Ukraine wants a ceasefire",
                            "the ceasefire was fragile"]  # newest first, undated last
    assert _said(store, direct=True) == ["Ukraine wants a ceasefire"]
    assert _said(store, direct=False, text="ceasefire") == ["the ceasefire was fragile"]
    assert _said(store, country="rus") == ["talks could resume"]
    assert _said(store, speaker="zelen") == ["Ukraine wants a ceasefire"]
    assert _said(store, speaker=kit.PUTIN.id) == ["talks could resume"]
    assert _said(store, certainty="confirmed") == ["Ukraine wants a ceasefire"]
    assert _said(store, since="2025-03-02") == ["talks could resume"]
    assert _said(store, until="2025-03-02", country="UKR") == ["Ukraine wants a ceasefire"]
    assert _said(store, text="%") == [] and _said(store, speaker="' OR 1=1 --") == []
    assert _said(store, limit=1, offset=1) == ["Ukraine wants a ceasefire"]
    with pytest.raises(UsageError, match="unknown certainty"):
        _said(store, certainty="sure")
    with pytest.raises(UsageError, match="since: must be a real date"):
        _said(store, since="2025-02-30")


def test_statements_are_found_through_the_text_index(store: Store, kit: Any) -> None:
    _fill(store, kit)
    ids = finder.matching_articles(store, "ceasefire")
    assert len(ids) == 2
    found = finder.statements_in(store, ids, ["ceasefire"], limit=10)
    assert [s["content"] for s in found] == ["Ukraine wants a ceasefire",
                                             "the ceasefire was fragile"]
    assert finder.statements_in(store, ids, ["zelensky"], limit=10)[0]["speakerText"] == "Zelensky"
    assert finder.matching_articles(store, "\" OR NEAR(") == []
    assert finder.article_texts(store, ids[:1])[ids[0]].endswith(".")


def test_incidents_are_found_through_the_articles_words(store: Store, kit: Any) -> None:
    from wardesk.records import Place

    kherson = Place("Kherson", "UKR", None, 46.63, 32.61, 706448)
    strike = kit.event("e1", "ASSAULT", kit.PUTIN, kit.UKRAINE,
                       "Russian drones struck a market in Kherson.", day="2025-03-04",
                       place=kherson)
    store.save(*kit._make("Russian drones struck a market in Kherson.", "2025-03-04",
                          events=(strike,)))
    store.save(*kit._make("Talks resumed in Geneva.", "2025-03-05"))
    ids = finder.matching_articles(store, "market")
    found = finder.incidents_in(store, ids, ["market"], limit=5)
    assert len(found) == 1
    incident = store.incident(found[0])
    assert incident is not None and incident["type"] == "ASSAULT"
    assert finder.incidents_in(store, finder.matching_articles(store, "Geneva"), ["Geneva"], 5) == []


def test_actors_named_puts_names_that_start_with_the_word_first(store: Store, kit: Any) -> None:
    store.save(*kit._make("Putin and Zelensky spoke.", "2025-03-04"))
    assert [a["id"] for a in finder.actors_named(store, ["zelensk"], 5)] == [kit.ZELENSKY.id]
    assert [a["id"] for a in finder.actors_named(store, ["v"], 5)][:1] == [kit.PUTIN.id]
    assert finder.actors_named(store, ["%"], 5) == [] and finder.actors_named(store, [], 5) == []
