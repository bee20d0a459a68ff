"""Recall rules of the peace-process stage (issue 15 accuracy), one sentence each by the real
model; written for these tests (not the dev set's sentences). Each fails with its rule off."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, ArticleRecord

pytestmark = pytest.mark.model


def run(extractor: Any, text: str) -> ArticleRecord:
    record: ArticleRecord = extractor(Article(text=text, published="2025-04-02"))
    return record


def answers(record: ArticleRecord) -> set[tuple[str, str | None, str]]:
    return {(p.kind, r.party.code, r.response) for p in record.proposals for r in p.responses}


def test_reviewing_the_proposal_answers_the_plan_told_before(extractor: Any) -> None:
    rec = run(extractor, "Washington unveiled a plan for a 60-day truce in Sudan on Monday. "
                         "Khartoum said it was reviewing the proposal.")
    assert ("ceasefire", "SDN", "considering") in answers(rec)


def test_rejecting_it_answers_the_proposal_of_the_sentence_before(extractor: Any) -> None:
    rec = run(extractor, "Egypt proposed a prisoner swap between the two sides. Israel rejected it within hours.")
    assert ("prisoner_exchange", "ISR", "reject") in answers(rec)


def test_an_intransitive_agreement_in_principle_answers_the_last_proposal(extractor: Any) -> None:
    rec = run(extractor, "Qatar proposed a three-day truce between Armenia and Azerbaijan. "
                         "Armenia agreed in principle.")
    assert ("ceasefire", "ARM", "accept_with_conditions") in answers(rec)


def test_not_ruling_out_a_truce_is_considering_it(extractor: Any) -> None:
    rec = run(extractor, "India has not ruled out a truce with Pakistan.")
    assert answers(rec) == {("ceasefire", "IND", "considering")}


def test_an_answer_still_to_come_is_considering(extractor: Any) -> None:
    rec = run(extractor, "Iran will respond to the ceasefire proposal next week, the foreign ministry said.")
    assert ("ceasefire", "IRN", "considering") in answers(rec)


def test_halting_the_strikes_a_pause_covers_accepts_it(extractor: Any) -> None:
    rec = run(extractor, "Russia said it would halt strikes on energy facilities for 30 days.")
    assert ("energy_pause", "RUS", "accept") in answers(rec)


def test_a_yes_with_a_but_must_clause_is_conditional(extractor: Any) -> None:
    rec = run(extractor, "Israel said it accepted the truce but that Hamas must free all hostages first.")
    (answer,) = [r for p in rec.proposals for r in p.responses if r.party.code == "ISR"]
    assert answer.response == "accept_with_conditions" and "hostages" in (answer.conditions or "")


def test_another_partys_in_principle_does_not_make_a_yes_conditional(extractor: Any) -> None:
    rec = run(extractor, "France accepted the peace plan, while Germany backed it in principle.")
    assert ("peace_plan", "FRA", "accept") in answers(rec)


def test_a_plan_put_forward_has_its_proposer(extractor: Any) -> None:
    rec = run(extractor, "Brazil has put forward a peace plan for Ukraine.")
    (plan,) = rec.proposals
    assert [r.code for r in plan.proposer] == ["BRA"]


def test_a_halt_to_attacks_on_energy_sites_is_an_energy_pause_put_forward(extractor: Any) -> None:
    rec = run(extractor, "Moscow offered a 10-day halt to attacks on energy sites.")
    (pause,) = rec.proposals
    assert (pause.kind, pause.terms.duration_days, [r.code for r in pause.proposer]) == ("energy_pause", 10, ["RUS"])


def test_swapping_detainees_is_a_prisoner_exchange(extractor: Any) -> None:
    rec = run(extractor, "Armenia and Azerbaijan swapped 12 detainees at the border on Thursday.")
    assert [p.kind for p in rec.proposals] == ["prisoner_exchange"]


def test_a_call_for_an_exchange_of_all_detainees_is_a_proposal(extractor: Any) -> None:
    rec = run(extractor, "Sudan called for an exchange of all detainees held by both sides.")
    (swap,) = rec.proposals
    assert swap.kind == "prisoner_exchange" and [r.code for r in swap.proposer] == ["SDN"]


def test_a_proposal_first_suggested_by_a_party_has_it_as_proposer(extractor: Any) -> None:
    rec = run(extractor, "Ukraine welcomed the idea of a truce at sea, first suggested by Turkey.")
    (truce,) = rec.proposals
    assert [r.code for r in truce.proposer] == ["TUR"]


def test_a_memorandum_is_a_peace_plan_only_in_talk_of_war(extractor: Any) -> None:
    rec = run(extractor, "Ukraine handed Russia a memorandum setting out its terms for a ceasefire.")
    assert "peace_plan" in {p.kind for p in rec.proposals}
    assert run(extractor, "The two firms signed a memorandum on mining rights.").proposals == ()


def test_some_of_them_pledge_for_the_grouping_named_before(extractor: Any) -> None:
    rec = run(extractor, "Leaders of the coalition of the willing met in Paris. "
                         "Some of them are prepared to send troops.")
    assert [(p.party.actorText, p.what, p.share, p.status) for p in rec.pledges] == [
        ("coalition of the willing", "troops", "some", "floated")]


def test_promising_to_send_is_a_committed_pledge(extractor: Any) -> None:
    rec = run(extractor, "Spain promised to send more air defence missiles to Ukraine.")
    assert {(p.party.code, p.status) for p in rec.pledges} == {("ESP", "committed")}


def test_reluctance_to_endorse_a_truce_is_considering_it(extractor: Any) -> None:
    rec = run(extractor, "Beijing showed its reluctance to endorse the proposed truce between India and Pakistan.")
    assert answers(rec) == {("ceasefire", "CHN", "considering")}


def test_a_truce_called_a_first_step_by_its_speaker_is_accepted(extractor: Any) -> None:
    rec = run(extractor, '"A two-week truce is an important step toward peace," Sudan\'s foreign minister said.')
    assert ("ceasefire", "SDN", "accept") in answers(rec)


def test_a_truce_judged_unacceptable_is_rejected(extractor: Any) -> None:
    rec = run(extractor, "Israel said a 90-day ceasefire was unacceptable.")
    assert ("ceasefire", "ISR", "reject") in answers(rec)


def test_a_counter_proposal_is_linked_to_the_plan_it_answers(extractor: Any) -> None:
    rec = run(extractor, "Washington presented a 20-point peace plan for Ukraine on Monday. "
                         "Moscow responded with its own peace plan on Friday.")
    us = next(p for p in rec.proposals if [r.code for r in p.proposer] == ["USA"])
    own = next(p for p in rec.proposals if [r.code for r in p.proposer] == ["RUS"])
    assert own.answers == us.id and own.responses == ()
    assert [(r.party.code, r.response) for r in us.responses] == [("RUS", "counter")]


def test_a_relative_clause_answers_the_proposal_it_hangs_from(extractor: Any) -> None:
    rec = run(extractor, "Khartoum announced a 72-hour truce, which the RSF rejected, and proposed a prisoner exchange.")
    kinds = {p.kind: [r.response for r in p.responses] for p in rec.proposals}
    assert kinds == {"ceasefire": ["reject"], "prisoner_exchange": []}


def test_open_to_a_moratorium_offers_it(extractor: Any) -> None:
    rec = run(extractor, "Ukraine's foreign minister said Kyiv was open to a moratorium on strikes against power plants.")
    (pause,) = rec.proposals
    assert pause.kind == "energy_pause" and [r.code for r in pause.proposer] == ["UKR"]


def test_sending_ships_once_a_truce_holds_is_a_pledge(extractor: Any) -> None:
    rec = run(extractor, "Turkey said it was considering sending frigates to the Black Sea once a truce holds.")
    assert [(p.party.code, p.what, p.status) for p in rec.pledges] == [("TUR", "naval", "considering")]


def test_they_after_two_named_parties_is_both(extractor: Any) -> None:
    rec = run(extractor, "Italy and Spain said they were ready to lead a stabilisation force of 5,000 troops.")
    assert {(p.party.code, p.what, p.status) for p in rec.pledges} == {
        ("ITA", "troops", "floated"), ("ESP", "troops", "floated")}


def test_a_pledge_once_a_truce_is_signed_keeps_that_condition(extractor: Any) -> None:
    rec = run(extractor, "Norway will send 200 troops to a peacekeeping mission once a truce is signed.")
    (pledge,) = rec.pledges
    assert pledge.status == "committed" and pledge.conditions == "once a truce is signed"


def test_a_three_day_truce_lasts_three_days(extractor: Any) -> None:
    rec = run(extractor, "Armenia proposed a three-day truce in the mountains.")
    assert [p.terms.duration_days for p in rec.proposals] == [3]


def test_observing_a_truce_accepts_it(extractor: Any) -> None:
    rec = run(extractor, "Thailand said it would observe the ceasefire brokered by Malaysia.")
    assert ("ceasefire", "THA", "accept") in answers(rec)


def test_responding_positively_to_the_proposal_accepts_it(extractor: Any) -> None:
    rec = run(extractor, "Mediators in Doha tabled a new truce proposal for Gaza. "
                         "Israel said it had responded positively to the proposal.")
    assert ("ceasefire", "ISR", "accept") in answers(rec)


def test_calling_instead_for_another_truce_counters_the_first(extractor: Any) -> None:
    rec = run(extractor, "Moscow proposed a two-day truce, but Kyiv called instead for a 30-day ceasefire.")
    first = next(p for p in rec.proposals if [r.code for r in p.proposer] == ["RUS"])
    second = next(p for p in rec.proposals if [r.code for r in p.proposer] == ["UKR"])
    assert [(r.party.code, r.response) for r in first.responses] == [("UKR", "counter")]
    assert second.answers == first.id


def test_ships_being_sent_are_a_committed_naval_pledge(extractor: Any) -> None:
    rec = run(extractor, "Italy is sending two minesweepers to Ukraine to clear the port of Odesa.")
    assert [(p.party.code, p.what, p.status) for p in rec.pledges] == [("ITA", "naval", "committed")]


def test_a_dollar_sum_in_aid_is_one_money_pledge_with_its_amount(extractor: Any) -> None:
    rec = run(extractor, "Australia will give $300 million in military aid to Ukraine.")
    assert [(p.party.code, p.what, p.amount) for p in rec.pledges] == [("AUS", "money", "$300 million")]
