"""Across articles, on hand-built reports: the same proposal is one proposal whatever order the
reports come in; incompatible terms stay apart; coalitions gather members and pledges; the store
keeps them on both backends."""

from __future__ import annotations

import itertools
import os
from typing import Any

import pytest

from wardesk.process.bodies import members_of
from wardesk.process.merge import merge_coalitions, merge_proposals
from wardesk.records import (
    ActorRef,
    Article,
    ArticleMeta,
    ArticleRecord,
    Coalition,
    Evidence,
    Member,
    Pledge,
    Proposal,
    Response,
    Terms,
)


def ref(code: str) -> dict[str, Any]:
    return {"actor": f"{code.lower()}/gov/x", "actorText": code, "code": code, "sector": "GOV"}


def report(article: str, published: str, proposer: list[str], duration: int | None,
           answers: list[tuple[str, str]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"id": article, "kind": "ceasefire", "proposer": [ref(c) for c in proposer], "addressees": [],
            "terms": {"duration_days": duration, "scope": None, "numbers": [], "conditions": []},
            "first_reported": published, "published": published, "article": article,
            "evidence": {"text": "…", "start": 0, "end": 1},
            "responses": [{"party": ref(c), "response": a, "conditions": None, "date": published,
                           "evidence": {"text": "…", "start": 0, "end": 1}} for c, a in answers]}


REPORTS = [
    report("a1", "2025-03-12", ["USA"], 30, [("UKR", "accept")]),
    report("a2", "2025-03-13", [], 30, [("RUS", "accept_with_conditions")]),
    report("a3", "2025-03-14", [], None, [("RUS", "reject")]),
    report("a4", "2025-03-14", ["TUR"], 60),
]


def test_reports_of_one_proposal_merge_in_any_order() -> None:
    results = set()
    for order in itertools.permutations(REPORTS):
        merged = merge_proposals(list(order))
        results.add(tuple((p["id"], len(p["reports"]), tuple(sorted(p["standing"].items()))) for p in merged))
    assert len(results) == 1
    (only,) = results
    assert sorted(n for _, n, _ in only) == [1, 3]


def test_different_proposers_or_durations_stay_apart() -> None:
    merged = merge_proposals(REPORTS)
    turkish = next(p for p in merged if p["proposer"] and p["proposer"][0]["code"] == "TUR")
    assert turkish["terms"]["duration_days"] == 60 and len(turkish["reports"]) == 1


def test_latest_answer_is_the_standing_one() -> None:
    us = next(p for p in merge_proposals(REPORTS) if p["proposer"] and p["proposer"][0]["code"] == "USA")
    assert us["standing"] == {"UKR": "accept", "RUS": "reject"}


def test_standing_body_members_follow_their_dates() -> None:
    before = {m["code"] for m in members_of("nato", "2023-01-01")}
    after = {m["code"] for m in members_of("nato", "2024-06-01")}
    assert "FIN" not in before and {"FIN", "SWE"} <= after
    assert "GBR" not in {m["code"] for m in members_of("eu", "2021-01-01")}


def test_coalition_members_over_time_and_pledges() -> None:
    rep = [{"id": "c1", "name": "coalition of the willing", "members": [
        {"actor": ref("GBR"), "role": "lead", "since": "2025-03-02", "evidence": {}}],
        "size_reported": "about 30", "size": 30, "published": "2025-03-11", "article": "a1"},
        {"id": "c1", "name": "coalition of the willing", "members": [
            {"actor": ref("AUS"), "role": "member", "since": "2025-03-15", "evidence": {}}],
         "size_reported": "about 26", "size": 26, "published": "2025-03-15", "article": "a2"}]
    pledges = [{"coalition": "c1", "party": ref("FRA"), "what": "troops", "published": "2025-03-15",
                "article": "a2", "parties": ["FRA"]}]
    (c,) = merge_coalitions(rep, pledges)
    assert [m["actor"]["code"] for m in c["members"]] == ["GBR", "AUS"]
    assert c["size_reported"] == "about 26" and len(c["pledges"]) == 1


EV = Evidence("Kyiv accepted.", 0, 14)


def record(text: str, published: str, answer: str) -> ArticleRecord:
    art = Article(text=text, published=published)
    prop = Proposal("p", "ceasefire", (ActorRef("usa/gov/x", "US", "USA", "GOV"),), (),
                    Terms(duration_days=30), EV, published,
                    (Response(ActorRef("ukr/gov/x", "Kyiv", "UKR", "GOV"), answer, EV, None, published),))
    coal = Coalition("c", "coalition of the willing", EV, None, "about 30", 30,
                     (Member(ActorRef("gbr/gov/x", "UK", "GBR", "GOV"), "lead", EV, published),))
    pledge = Pledge(ActorRef("fra/gov/x", "France", "FRA", "GOV"), "troops", "floated", EV, coalition="c")
    return ArticleRecord(ArticleMeta(art.id, published=published), proposals=(prop,),
                         coalitions=(coal,), pledges=(pledge,))


BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("WARDESK_TEST_PG") else [])


@pytest.fixture(params=BACKENDS)
def store(request: Any, tmp_path: Any) -> Any:
    from wardesk.store import Store

    if request.param == "sqlite":
        with Store(tmp_path / "p.db") as s:
            yield s
        return
    import psycopg

    url = os.environ["WARDESK_TEST_PG"]
    schema = f"f_process_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    with Store(f"{url}{sep}options=-csearch_path%3D{schema}") as s:
        yield s
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")


def test_store_merges_reports_and_filters_by_party(store: Any) -> None:
    store.save(record("One report.", "2025-03-12", "accept"))
    store.save(record("Another report.", "2025-03-14", "accept_with_conditions"))
    (prop,) = store.proposals()
    assert len(prop["reports"]) == 2 and prop["standing"] == {"UKR": "accept_with_conditions"}
    assert store.proposals(parties={"RUS"}) == []
    assert store.proposals(since="2025-03-13")[0]["reports"][0]["published"] == "2025-03-14"
    (coal,) = store.coalitions(parties={"FRA"})
    assert coal["size_reported"] == "about 30" and len(coal["pledges"]) == 2


def test_brief_tells_the_process_of_the_week(store: Any) -> None:
    from wardesk.brief import make_brief, render_markdown

    store.save(record("One report.", "2025-03-12", "accept"))
    text = render_markdown(make_brief(store, since="2025-03-10", until="2025-03-16"))
    section = text.split("## The process this week", 1)[1]
    assert "[proposal] ceasefire proposed by USA (duration_days=30)" in section
    assert "[response] UKR accept the ceasefire" in section and "[pledge] FRA" in section
    quiet = render_markdown(make_brief(store, since="2025-04-01", until="2025-04-07"))
    assert "ceasefire" not in quiet.split("## The process this week", 1)[1]


def test_store_filters_pledges_and_proposals_by_party_in_sql(store: Any) -> None:
    store.save(record("One report.", "2025-03-12", "accept"))
    assert [p["party"]["code"] for p in store.pledges(parties={"FRA"})] == ["FRA"]
    assert store.pledges(parties={"DEU"}) == [] and store.pledges(parties={"FR_"}) == []
    assert store.pledges(parties={"fra/gov/x"}) == [] and store.pledges(parties={"%"}) == []
    assert [p["kind"] for p in store.proposals(parties={"UKR"})] == ["ceasefire"]
    assert store.proposals(parties={"UKR"}, kind="energy_pause") == []


def test_party_filter_is_a_bound_like_condition() -> None:
    from wardesk.store.process import _party_sql

    params: list[Any] = []
    sql = _party_sql({"FRA", "x_y"}, params)
    assert sql.count("p.parties LIKE ? ESCAPE") == 2 and params == ['%"FRA"%', '%"x\\_y"%']
