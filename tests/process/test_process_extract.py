"""The peace process found in articles by the real model: the seed's coalition, pledges and
answers, and one sentence per cue (each fails without its cue in process/data)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, ArticleRecord

pytestmark = pytest.mark.model


def run(extractor: Any, text: str, published: str = "2025-03-20") -> ArticleRecord:
    record: ArticleRecord = extractor(Article(text=text, published=published))
    return record


@pytest.fixture(scope="module")
def seed(extractor: Any, seed_text: str) -> ArticleRecord:
    return run(extractor, seed_text, "2025-03-11")


def test_seed_coalition_reports_about_30_and_radakin_attends_for_the_uk(seed: ArticleRecord) -> None:
    coalition = next(c for c in seed.coalitions if c.name == "coalition of the willing")
    assert coalition.size_reported == "about 30"
    members = {(m.actor.code, m.role) for m in coalition.members}
    assert ("GBR", "potential member") in members
    assert any("Radakin" in m.evidence.text for m in coalition.members)


def test_seed_coalition_splits_troops_from_some_and_logistics_from_others(seed: ArticleRecord) -> None:
    split = {(p.what, p.share) for p in seed.pledges if p.coalition}
    assert ("troops", "some") in split and ("logistics", "others") in split


def test_seed_uk_asks_us_for_a_backstop_with_a_condition(seed: ArticleRecord) -> None:
    backstop = next(p for p in seed.pledges if p.what == "backstop")
    assert backstop.party.code == "USA" and backstop.requested_by is not None
    assert backstop.requested_by.code == "GBR" and backstop.status == "floated"
    assert backstop.conditions and "peacekeeping mission" in backstop.conditions


def test_seed_putin_demands_are_russias_terms(seed: ArticleRecord) -> None:
    terms = next(p for p in seed.proposals if p.kind == "peace_terms")
    assert [r.code for r in terms.proposer] == ["RUS"] and [r.code for r in terms.addressees] == ["UKR"]
    assert len(terms.terms.conditions) == 4


def test_seed_lavrov_rejects_european_peacekeepers(seed: ArticleRecord) -> None:
    force = next(p for p in seed.proposals if p.kind == "peacekeeping_force")
    assert [(r.party.code, r.response) for r in force.responses] == [("RUS", "reject")]


def test_seed_us_aid_pause_is_a_withdrawn_pledge(seed: ArticleRecord) -> None:
    paused = {(p.party.code, p.what, p.status, p.to.code if p.to else None) for p in seed.pledges}
    assert ("USA", "weapons", "withdrawn", "UKR") in paused


def test_accepting_a_30_day_ceasefire_proposal_is_an_answer(extractor: Any) -> None:
    rec = run(extractor, "Kyiv accepted an American proposal for a 30-day ceasefire on Tuesday.")
    (prop,) = [p for p in rec.proposals if p.kind == "ceasefire"]
    assert prop.terms.duration_days == 30 and [r.code for r in prop.proposer] == ["USA"]
    assert [(r.party.code, r.response) for r in prop.responses] == [("UKR", "accept")]


def test_a_yes_with_an_insisting_but_is_accept_with_conditions(extractor: Any) -> None:
    rec = run(extractor, "Moscow accepted the truce but insisted that Western arms deliveries must stop.")
    (prop,) = rec.proposals
    (answer,) = prop.responses
    assert answer.response == "accept_with_conditions" and "deliveries" in (answer.conditions or "")


def test_ruling_out_is_a_rejection(extractor: Any) -> None:
    rec = run(extractor, "Turkey ruled out a prisoner exchange with the rebels.")
    assert [(r.party.code, r.response) for p in rec.proposals for r in p.responses] == [("TUR", "reject")]
    assert [r.trace for p in rec.proposals for r in p.responses] == [("response.verb.reject",)]


def test_studying_a_plan_is_considering(extractor: Any) -> None:
    rec = run(extractor, "Israel said it was studying the Egyptian peace plan.")
    answers = [r.response for p in rec.proposals for r in p.responses]
    assert answers == ["considering"]


def test_a_mere_mention_of_a_truce_is_no_proposal(extractor: Any) -> None:
    rec = run(extractor, "The truce collapsed within hours as shelling resumed.")
    assert rec.proposals == ()


def test_energy_pause_keeps_its_scope_and_duration(extractor: Any) -> None:
    rec = run(extractor, "Russia agreed to a 30-day pause on strikes against energy infrastructure.")
    (prop,) = rec.proposals
    assert (prop.kind, prop.terms.duration_days, prop.terms.scope) == ("energy_pause", 30, "energy infrastructure")


def test_listed_members_and_a_leader_of_a_coalition(extractor: Any) -> None:
    rec = run(extractor, "Leaders of about 26 countries in the coalition of the willing, including Canada, "
                         "Denmark and Turkey, met by video. Starmer said the coalition, led by Britain and "
                         "France, would meet again.")
    (coalition,) = rec.coalitions
    roles = {(m.actor.code, m.role) for m in coalition.members}
    assert {("CAN", "member"), ("DNK", "member"), ("TUR", "member"), ("GBR", "lead"), ("FRA", "lead")} <= roles
    assert coalition.size_reported == "about 26"


def test_considering_a_contribution_is_a_considering_pledge(extractor: Any) -> None:
    rec = run(extractor, "Australia said it would consider contributing troops to a peacekeeping force.")
    assert [(p.party.code, p.what, p.status) for p in rec.pledges] == [("AUS", "troops", "considering")]


def test_a_refusal_to_send_is_no_pledge(extractor: Any) -> None:
    rec = run(extractor, "Poland said it would not send soldiers to the peacekeeping mission.")
    assert rec.pledges == ()


def test_a_pledge_only_with_a_backstop_keeps_its_condition(extractor: Any) -> None:
    rec = run(extractor, "Germany said it would send troops to Ukraine only with a US backstop.")
    (pledge,) = [p for p in rec.pledges if p.what == "troops"]
    assert pledge.conditions is not None and "backstop" in pledge.conditions


def test_not_having_agreed_yet_is_no_answer(extractor: Any) -> None:
    rec = run(extractor, "Ukraine accepted the 30-day ceasefire. Russia has not agreed to the ceasefire, "
                         "but envoys are on their way to Moscow.")
    answers = {(r.party.code, r.response) for p in rec.proposals for r in p.responses}
    assert answers == {("UKR", "accept")}


def test_support_in_principle_alone_is_a_conditional_yes(extractor: Any) -> None:
    rec = run(extractor, "Putin said Russia supports the U.S. ceasefire proposal in principle.")
    (answer,) = [r for p in rec.proposals for r in p.responses]
    assert (answer.response, answer.conditions) == ("accept_with_conditions", "in principle")


def test_support_in_principle_is_a_conditional_yes(extractor: Any) -> None:
    rec = run(extractor, "Putin said Russia supports the U.S. ceasefire proposal in principle, but key "
                         "details still need to be worked out.")
    (answer,) = [r for p in rec.proposals for r in p.responses]
    assert (answer.party.code, answer.response) == ("RUS", "accept_with_conditions")
    assert answer.conditions is not None and "details" in answer.conditions


def test_urging_a_party_to_accept_is_a_proposal_to_it_not_its_answer(extractor: Any) -> None:
    rec = run(extractor, "Britain urged Russia to accept the ceasefire without conditions.")
    (prop,) = rec.proposals
    assert [r.code for r in prop.proposer] == ["GBR"] and [r.code for r in prop.addressees] == ["RUS"]
    assert prop.responses == ()


def test_a_call_for_a_party_to_reciprocate_by_agreeing_is_no_answer(extractor: Any) -> None:
    rec = run(extractor, "“We called for Russia to reciprocate by agreeing to a ceasefire on equal terms,” "
                         "the ministers said.")
    assert [r for p in rec.proposals for r in p.responses] == []


def test_an_aim_to_support_a_truce_is_no_answer(extractor: Any) -> None:
    rec = run(extractor, "France said a coalition is forming to provide Ukraine with monitoring mechanisms "
                         "to support the ceasefire.")
    assert [r for p in rec.proposals for r in p.responses] == []


def test_a_backstop_outside_security_talk_is_no_proposal(extractor: Any) -> None:
    rec = run(extractor, "“They want a backstop for investment, which is the Fund program,” the minister said.")
    assert rec.proposals == ()


def test_two_allies_are_no_reported_size(extractor: Any) -> None:
    rec = run(extractor, "Relations between the two NATO allies have plummeted over Cyprus.")
    assert all(c.size_reported is None for c in rec.coalitions)


def test_troops_sent_to_ones_own_border_are_no_pledge(extractor: Any) -> None:
    rec = run(extractor, "Mexico sent 10,000 troops to its border with the United States.")
    assert rec.pledges == ()


def test_weighing_whether_to_send_is_considering_and_an_open_question_is_none(extractor: Any) -> None:
    rec = run(extractor, "Germany said it was weighing whether to send air defence systems to Ukraine.")
    assert [(p.party.code, p.what, p.status) for p in rec.pledges] == [("DEU", "weapons", "considering")]
    rec = run(extractor, "Officials have little say on whether China transfers weapons to Russia.")
    assert rec.pledges == ()


def test_a_pledge_of_money_keeps_its_amount(extractor: Any) -> None:
    rec = run(extractor, "Norway pledged 500 million euros in military aid to Kyiv on Tuesday.")
    (pledge,) = rec.pledges
    assert (pledge.party.code, pledge.what, pledge.status, pledge.to.code if pledge.to else None) == \
        ("NOR", "money", "committed", "UKR")
    assert pledge.amount == "500 million euros"


def test_a_speakers_but_insisting_makes_the_yes_conditional(extractor: Any) -> None:
    rec = run(extractor, "Zelensky said Ukraine would support a pause in strikes on energy targets, but "
                         "insisted on seeing the details first.")
    (answer,) = [r for p in rec.proposals for r in p.responses]
    assert (answer.party.code, answer.response) == ("UKR", "accept_with_conditions")


def test_asking_who_would_monitor_a_truce_is_no_request(extractor: Any) -> None:
    rec = run(extractor, "Putin asked who would monitor a truce along the front line.")
    assert all(not p.proposer for p in rec.proposals)


def test_the_owner_of_protected_infrastructure_is_not_the_proposer(extractor: Any) -> None:
    rec = run(extractor, "Putin agreed to a temporary halt in attacks on Ukraine's energy infrastructure.")
    (prop,) = rec.proposals
    assert prop.kind == "energy_pause" and prop.proposer == ()
    assert [(r.party.code, r.response) for r in prop.responses] == [("RUS", "accept")]


def test_it_in_a_reported_clause_is_the_reporting_party(extractor: Any) -> None:
    rec = run(extractor, "Ukraine said it is ready to accept a U.S. proposal for a 30-day ceasefire.")
    assert [(r.party.code, r.response) for p in rec.proposals for r in p.responses] == [("UKR", "accept")]


def test_energy_targets_outside_war_talk_are_no_pause(extractor: Any) -> None:
    rec = run(extractor, "Solar power “remains well below what is needed to meet global sustainable energy "
                         "targets,” the agency said, calling for more ambitious growth targets.")
    assert rec.proposals == ()


def test_a_verb_of_purpose_is_no_answer(extractor: Any) -> None:
    rec = run(extractor, "Lammy said the coalition of the willing is forming to support the ceasefire.")
    assert [r for p in rec.proposals for r in p.responses] == []


def test_a_us_backstop_is_asked_of_the_us_not_proposed_by_it(extractor: Any) -> None:
    rec = run(extractor, "European governments want a US backstop for the peacekeeping force.")
    backstop = next(p for p in rec.proposals if p.kind == "backstop")
    assert [r.code for r in backstop.addressees] == ["USA"] and "USA" not in {r.code for r in backstop.proposer}


def test_ready_for_a_ceasefire_offers_it_with_its_scope(extractor: Any) -> None:
    rec = run(extractor, "Zelensky said Ukraine was ready for an air and sea ceasefire.")
    (prop,) = rec.proposals
    assert [r.code for r in prop.proposer] == ["UKR"] and prop.terms.scope == "air and sea"


def test_ceasing_military_aid_is_a_withdrawn_pledge(extractor: Any) -> None:
    rec = run(extractor, "The United States said it would cease military aid to Ukraine.")
    assert [(p.party.code, p.what, p.status) for p in rec.pledges] == [("USA", "weapons", "withdrawn")]


def test_answering_with_ones_own_plan_is_a_counter(extractor: Any) -> None:
    rec = run(extractor, "Moscow responded with its own peace plan on Friday.")
    assert [(r.party.code, r.response) for p in rec.proposals for r in p.responses] == [("RUS", "counter")]


def test_ceasing_aid_and_sharing_with_a_party_withdraws_both(extractor: Any) -> None:
    rec = run(extractor, "The United States announced that it would cease military aid and intelligence "
                         "sharing with Ukraine.")
    got = {(p.party.code, p.what, p.status, p.to.code if p.to else None) for p in rec.pledges}
    assert got == {("USA", "weapons", "withdrawn", "UKR"), ("USA", "intelligence", "withdrawn", "UKR")}
