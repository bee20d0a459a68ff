"""Events inside irrealis frames (hoped, planned, expected, feared, possible, purpose clauses) are
not coded as having occurred; conjecture is no actor's threat; facts stay "occurred"."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article

pytestmark = pytest.mark.model

Found = list[tuple[str, list[str | None], list[str | None], str]]


def _events(extractor: Any, text: str) -> Found:
    record = extractor(Article(text=text, published="2024-05-06"))
    return [(e.event, [r.code for r in e.source], [r.code for r in e.target], e.status) for e in record.events]


def _statuses(found: Found, event: str) -> set[str]:
    return {status for ev, _, _, status in found if ev == event}


def test_hoped_for_signing_is_planned_agreement(extractor: Any) -> None:
    found = _events(extractor, "Egypt hopes to sign a trade pact with Jordan.")
    assert found, found
    assert all(status == "planned" for *_, status in found), found
    assert any(ev == "AGREE" and src == ["EGY"] for ev, src, _, _ in found), found


def test_intended_shelling_is_a_planned_threat(extractor: Any) -> None:
    found = _events(extractor, "Ethiopia intends to shell rebel positions in Tigray.")
    assert ("THREATEN", ["ETH"], [], "planned") in found, found
    assert "ASSAULT" not in {ev for ev, *_ in found}, found


def test_expecting_another_party_to_fire_is_conjecture_not_a_threat(extractor: Any) -> None:
    found = _events(extractor, "Seoul is expecting Pyongyang to fire a ballistic missile this week.")
    assert _statuses(found, "ASSAULT") == {"hypothetical"}, found
    assert "THREATEN" not in {ev for ev, *_ in found}, found


def test_expected_meeting_is_planned(extractor: Any) -> None:
    found = _events(extractor, "Armenian officials are expected to visit Tehran next week.")
    assert _statuses(found, "CONSULT") == {"planned"}, found


def test_likely_sanctions_are_hypothetical_and_no_threat(extractor: Any) -> None:
    found = _events(extractor, "Brazil is likely to sanction Venezuela.")
    assert ("SANCTION", ["BRA"], ["VEN"], "hypothetical") in found, found
    assert "THREATEN" not in {ev for ev, *_ in found}, found


def test_unlikely_expulsion_did_not_occur(extractor: Any) -> None:
    found = _events(extractor, "Syria is unlikely to expel Iranian forces.")
    assert found and "occurred" not in {status for *_, status in found}, found


def test_prospect_of_negotiations_is_hypothetical(extractor: Any) -> None:
    found = _events(extractor, "The prospect of negotiations between Armenia and Azerbaijan lifted markets.")
    assert _statuses(found, "CONSULT") == {"hypothetical"}, found


def test_feared_attack_is_hypothetical_and_no_threat(extractor: Any) -> None:
    found = _events(extractor, "Villagers fled amid fears of an attack by Sudan on Chad.")
    assert _statuses(found, "ASSAULT") == {"hypothetical"}, found
    assert "THREATEN" not in {ev for ev, *_ in found}, found


def test_troops_under_consideration_are_not_sent(extractor: Any) -> None:
    found = _events(extractor, "Poland is considering sending troops to Lithuania.")
    assert _statuses(found, "MOBILIZE") == {"hypothetical"}, found
    assert "THREATEN" not in {ev for ev, *_ in found}, found


def test_analysts_might_is_no_threat_by_the_actor(extractor: Any) -> None:
    found = _events(extractor, "Analysts say Beijing might blockade Taiwan.")
    assert found and all(status == "hypothetical" for *_, status in found), found
    assert "THREATEN" not in {ev for ev, *_ in found}, found


def test_conditional_attack_stays_a_threat(extractor: Any) -> None:
    found = _events(extractor, "Serbia would attack Kosovo if provoked, the minister said.")
    assert any(ev == "THREATEN" and src == ["SRB"] and status == "hypothetical"
               for ev, src, _, status in found), found


def test_supposed_intention_in_an_unless_clause_is_no_threat(extractor: Any) -> None:
    found = _events(extractor, "There is no danger unless Turkey has the intention to invade Syria.")
    assert "THREATEN" not in {ev for ev, *_ in found}, found
    assert "occurred" not in {status for *_, status in found}, found


def test_purpose_of_a_forming_alliance_has_not_happened(extractor: Any) -> None:
    found = _events(extractor, "A new alliance is being assembled to give Kenya military equipment.")
    assert "occurred" not in {status for *_, status in found}, found


def test_aid_sought_is_no_aid(extractor: Any) -> None:
    found = _events(extractor, "Hungary is seeking to extract more assistance from Germany.")
    assert not {ev for ev, *_ in found} & {"AID", "AGREE"}, found


# --- what did happen stays "occurred" ------------------------------------------------------


def test_reported_past_attack_occurred(extractor: Any) -> None:
    found = _events(extractor, "Algeria said it had attacked militants in Mali.")
    assert _statuses(found, "ASSAULT") == {"occurred"}, found


def test_agreed_and_met_both_occurred(extractor: Any) -> None:
    found = _events(extractor, "Kenya agreed to talks with Somalia and met its envoy on Monday.")
    assert _statuses(found, "CONSULT") == {"occurred"}, found
    assert _statuses(found, "AGREE") == {"occurred"}, found


def test_threat_then_attack_joined_by_and_is_an_attack(extractor: Any) -> None:
    found = _events(extractor, "Russia threatened Ukraine and attacked Kyiv.")
    assert ("ASSAULT", ["RUS"], ["UKR"], "occurred") in found, found


def test_a_feared_fact_stays_a_fact(extractor: Any) -> None:
    found = _events(extractor, "Officials fear that rebels killed dozens of villagers in Mali.")
    assert _statuses(found, "ASSAULT") == {"occurred"}, found


def test_troops_sent_to_restore_order_were_sent(extractor: Any) -> None:
    found = _events(extractor, "Nigeria sent troops to Niger to restore order.")
    assert ("MOBILIZE", ["NGA"], ["NER"], "occurred") in found, found


def test_ceasefire_wished_for_is_nobody_agreeing(extractor: Any) -> None:
    found = _events(extractor, "Kenya wants a ceasefire in Sudan.")
    assert "occurred" not in {status for *_, status in found}, found
    assert "AGREE" not in {ev for ev, *_ in found}, found


def test_aid_expected_from_another_party_is_hypothetical(extractor: Any) -> None:
    found = _events(extractor, "Cuban officials expect Venezuela to deliver more oil aid to Havana.")
    assert _statuses(found, "AID") == {"hypothetical"}, found
    assert "AGREE" not in {ev for ev, *_ in found}, found


def test_trip_to_mediate_plans_the_mediation(extractor: Any) -> None:
    found = _events(extractor, "Senegal's president will travel to Guinea to mediate between the army and the opposition.")
    assert _statuses(found, "CONSULT") == {"planned"}, found


def test_a_ceasefire_monitored_by_troops_sent_to_it_holds(extractor: Any) -> None:
    text = "Peacekeepers from Ghana are deployed in the region to monitor a ceasefire between Eritrea and Djibouti."
    found = _events(extractor, text)
    assert ("AID", ["GHA"], [], "occurred") in found, found  # peacekeepers sent: AID (CAMEO 074)
    assert _statuses(found, "RETREAT") == {"occurred"}, found


def test_demand_after_a_denial_is_no_denial(extractor: Any) -> None:
    found = _events(extractor, "Peru denied the report and demanded an apology from Chile.")
    assert ("REQUEST", ["PER"], ["CHL"], "occurred") in found, found


def test_for_to_clause_is_what_is_to_be(extractor: Any) -> None:
    found = _events(extractor, "The next step will be for Serbia to sign the border treaty with Croatia.")
    assert found and "occurred" not in {status for *_, status in found}, found


def test_surprising_for_to_is_a_fact(extractor: Any) -> None:
    found = _events(extractor, "It was surprising for Morocco to be accused by Algeria of spying.")
    assert ("ACCUSE", ["DZA"], ["MAR"], "occurred") in found, found


def test_expected_to_have_deployed_is_a_guess_about_the_past(extractor: Any) -> None:
    found = _events(extractor, "Uganda is expected to have deployed troops to Congo by now.")
    assert found and not {status for *_, status in found} & {"planned", "hypothetical"}, found
    assert "THREATEN" not in {ev for ev, *_ in found}, found
