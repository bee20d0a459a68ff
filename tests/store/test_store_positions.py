"""Position histories and what moved: new, changed and dropped stances (rules in
wardesk/store/positions.py)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Actor
from wardesk.store import Store

KREMLIN = Actor("rus/gov/kremlin", "Kremlin", "organization", "RUS", "GOV")


@pytest.fixture
def history(store: Store, kit: Any) -> Store:
    p = kit.position
    putin, zelensky = kit.PUTIN, kit.ZELENSKY
    for n, when in enumerate(["2025-03-01", "2025-03-02", "2025-03-03"]):
        store.save(*kit._make(f"Early {n}.", when, actors=(putin, KREMLIN), positions=(
            p(putin, "nato_membership", "demand"), p(KREMLIN, "territory", "demand"))))
    # later: Russia rejects on territory, accepts a ceasefire (first time); says nothing on NATO
    store.save(*kit._make("Late.", "2025-03-11", actors=(KREMLIN, zelensky), positions=(
        p(KREMLIN, "territory", "reject"), p(KREMLIN, "ceasefire", "accept"),
        p(KREMLIN, "ceasefire", "accept"), p(zelensky, "ceasefire", "support"))))
    # a position whose holder the record does not list: country from the id
    store.save(*kit._make("Undated.", None, actors=(), positions=(
        p(Actor("rus/mil/defence-ministry", "MoD", "organization"), "prisoners", "offer"),)))
    return store


def test_history_by_country_includes_people_and_bodies(history: Store) -> None:
    rows = history.positions(actor="RUS", issue="territory")
    assert [(r["holder"], r["stance"], r["sort_date"]) for r in rows] == [
        ("rus/gov/kremlin", "demand", "2025-03-01"), ("rus/gov/kremlin", "demand", "2025-03-02"),
        ("rus/gov/kremlin", "demand", "2025-03-03"), ("rus/gov/kremlin", "reject", "2025-03-11")]
    assert rows[0]["attribution"] == {"text": "Reuters", "actor": None}
    assert rows[0]["article_title"] == "Talks"
    assert {r["holder"] for r in history.positions(actor="RUS")} == {
        "rus/gov/vladimir-putin", "rus/gov/kremlin", "rus/mil/defence-ministry"}


def test_history_by_actor_id_name_and_dates(history: Store, kit: Any) -> None:
    assert {r["issue"] for r in history.positions(actor=kit.PUTIN.id)} == {"nato_membership"}
    assert {r["issue"] for r in history.positions(actor="Zelensky")} == {"ceasefire"}
    assert len(history.positions(since="2025-03-03", until="2025-03-11")) == 6
    assert len(history.positions(issue="prisoners")) == 1


def test_changes_since(history: Store) -> None:
    changes = {(c["kind"], c["party"], c["issue"]): c for c in history.position_changes("2025-03-05")}
    assert set(changes) == {
        ("changed", "RUS", "territory"), ("new", "RUS", "ceasefire"), ("new", "UKR", "ceasefire"),
        ("dropped", "RUS", "nato_membership"),
    }
    moved = changes[("changed", "RUS", "territory")]
    assert (moved["old"]["stance"], moved["new"]["stance"]) == ("demand", "reject")
    assert (moved["old"]["sort_date"], moved["new"]["sort_date"]) == ("2025-03-03", "2025-03-11")
    assert changes[("dropped", "RUS", "nato_membership")]["new"] is None


def test_changes_default_window_is_a_week_before_the_latest(history: Store) -> None:
    kinds = {(c["kind"], c["issue"]) for c in history.position_changes()}
    assert ("changed", "territory") in kinds and ("dropped", "nato_membership") in kinds


def test_no_drop_when_the_party_is_silent_and_too_few_articles(history: Store) -> None:
    kinds = {(c["kind"], c["party"], c["issue"]) for c in history.position_changes("2025-03-20")}
    # nobody spoke after the 20th: nothing is new, changed or dropped
    assert kinds == set()
    early = {(c["kind"], c["issue"]) for c in history.position_changes("2025-03-02")}
    assert ("dropped", "nato_membership") not in early  # only one article before the 2nd


def test_empty_store_has_no_changes(store: Store) -> None:
    assert store.position_changes() == [] and store.positions() == []


def test_default_window_ignores_far_future_position_dates(store: Store, kit: Any) -> None:
    p = kit.position
    for n, when in enumerate(["2025-03-01", "2025-03-02", "2025-03-03"]):
        store.save(*kit._make(f"Old {n}.", when, positions=(p(kit.PUTIN, "territory", "demand"),)))
    target = kit.position(kit.PUTIN, "ceasefire", "offer", "2050")  # "a ceasefire by 2050"
    store.save(*kit._make("New.", "2025-03-12", positions=(target,)))
    kinds = {(c["kind"], c["issue"]) for c in store.position_changes()}
    assert kinds == {("new", "ceasefire"), ("dropped", "territory")}


def test_unknown_id_prefix_is_no_country(store: Store, kit: Any) -> None:
    nobody = Actor("unk/unk/rubio", "Rubio", "person")
    nato = Actor("igo/igo/nato", "NATO", "organization")
    store.save(*kit._make("One.", positions=(kit.position(nobody, "ceasefire", "demand"),
                                             kit.position(nato, "ceasefire", "support"))))
    rows = store.positions()
    assert [r["holder_country"] for r in rows] == [None, "IGO"]
    assert store.positions(actor="UNK") == []
    assert {c["party"] for c in store.position_changes()} == {"unk/unk/rubio", "IGO"}
