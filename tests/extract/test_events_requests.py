"""What a request asks for is the request's content, not a second event that happened
("called for the Taliban to lift the ban" is one REQUEST to the Taliban); "unable to" is no act."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article

pytestmark = pytest.mark.model


def _events(extractor: Any, text: str) -> list[tuple[str, list[str | None], list[str | None], str]]:
    record = extractor(Article(text=text, published="2021-05-06"))
    return [(e.event, [r.code for r in e.source], [r.code for r in e.target], e.status) for e in record.events]


def test_called_for_a_party_to_act_is_a_request_to_it(extractor: Any) -> None:
    found = _events(extractor, "Norway's envoy called for the Taliban to lift the travel ban.")
    assert ("REQUEST", ["NOR"], ["AFG"], "occurred") in found, found
    assert all(ev == "REQUEST" for ev, *_ in found), found


def test_urged_to_withdraw_is_no_withdrawal(extractor: Any) -> None:
    found = _events(extractor, "France urged Russia to withdraw its troops from Georgia.")
    assert not any(ev == "RETREAT" for ev, *_ in found), found
    assert any(ev == "REQUEST" and tgt == ["RUS"] for ev, _, tgt, _ in found), found


def test_unable_to_provide_is_no_aid(extractor: Any) -> None:
    found = _events(extractor, "The Pentagon said it was unable to provide Ukraine with more details.")
    assert not any(ev == "AID" for ev, *_ in found), found


def test_set_phrase_as_opposed_to_is_no_rejection(extractor: Any) -> None:
    found = _events(extractor, "Turkish pilots will train in Moscow, as opposed to decades of U.S. training.")
    assert not any(ev == "REJECT" for ev, *_ in found), found


def test_a_guess_about_the_past_is_no_demand(extractor: Any) -> None:
    found = _events(extractor, "The French ambassador suggested that Gbagbo's ministers must have given the orders.")
    assert not any(ev == "REQUEST" for ev, *_ in found), found
    found = _events(extractor, "The French ambassador said Gbagbo's ministers must resign.")
    assert any(ev == "REQUEST" for ev, *_ in found), found


def test_an_aim_in_a_purpose_clause_is_no_event(extractor: Any) -> None:
    found = _events(extractor, "Russia massed troops on the border in order to pressure Ukraine.")
    assert any(ev == "MOBILIZE" for ev, *_ in found), found
    found = _events(extractor, "Kenya freed the judge so the court can detain the Somali suspects.")
    assert not any(ev in ("COERCE", "THREATEN") for ev, *_ in found), found


def test_a_threats_condition_names_its_target_and_stays_a_condition(extractor: Any) -> None:
    found = _events(extractor, "Hamas threatened to resume rocket fire unless Israel lifted the blockade.")
    assert any(ev == "THREATEN" and tgt == ["ISR"] for ev, _, tgt, _ in found), found
    assert not any(ev == "AGREE" and src == ["ISR"] for ev, src, _, _ in found), found


def test_committed_to_is_the_subjects_own_commitment(extractor: Any) -> None:
    found = _events(extractor, "Vietnam is committed to opening up its economy.")
    assert any(ev == "AGREE" and src == ["VNM"] for ev, src, _, _ in found), found


def test_same_country_parties_stay_apart(extractor: Any) -> None:
    found = _events(extractor, "President Yoweri Museveni threatened to ban Ugandan opposition candidates.")
    assert any(ev == "THREATEN" and tgt == ["UGA"] for ev, _, tgt, _ in found), found


def test_a_nominal_counted_in_a_measure_takes_the_verbs_parties(extractor: Any) -> None:
    found = _events(extractor, "The European Union on Monday gave Ghana 4 million euros of aid for schools.")
    assert ("AID", ["IGO"], ["GHA"], "occurred") in found, found
    found = _events(extractor, "Indian and French warships began five days of war games on Monday.")
    assert any(ev == "COOPERATE" and set(src) == {"IND", "FRA"} for ev, src, _, _ in found), found


def test_calling_on_someone_to_act_is_no_act(extractor: Any) -> None:
    found = _events(extractor, "Cameroon's farmers are calling on the government to loosen trade restrictions.")
    assert not any(ev == "CONCEDE" for ev, *_ in found), found


def test_a_penalty_that_targets_is_a_sanction_not_an_attack(extractor: Any) -> None:
    found = _events(extractor, "A U.S. Senate committee passed legislation on Wednesday targeting Turkey.")
    assert any(ev == "SANCTION" for ev, *_ in found) and not any(ev == "ASSAULT" for ev, *_ in found), found
    found = _events(extractor, "Russian missiles targeted Ukraine's power grid overnight.")
    assert any(ev == "ASSAULT" for ev, *_ in found), found


def test_press_boilerplate_nature_and_tourism_are_no_events(extractor: Any) -> None:
    for text in ("A DHS spokesperson said the lawsuit was baseless, declining to be named.",
                 "Iran's Foreign Ministry did not immediately reply to an email requesting comment.",
                 "Tropical Cyclone Jude slammed into parts of southern Africa this week.",
                 "Australian firefighters battled blazes in Canada last year.",
                 "More than 2.8 million Chinese tourists visited Vietnam this year."):
        assert _events(extractor, text) == [], text


def test_opening_fire_and_rejecting_questions_stay_events(extractor: Any) -> None:
    assert any(ev == "ASSAULT" for ev, *_ in _events(extractor, "Syrian soldiers opened fire on a Turkish patrol."))
    found = _events(extractor, "Pakistani officials rejected questions that the hijacking was an intelligence failure.")
    assert any(ev == "REJECT" for ev, *_ in found), found


def test_what_a_reported_must_puts_on_others_is_no_act(extractor: Any) -> None:
    found = _events(extractor, "Ameri said the Taliban must return to the negotiating table to discuss peace with Kabul.")
    assert not any(ev == "CONSULT" for ev, *_ in found), found
    found = _events(extractor, "Scholz said talks with China must continue.")
    assert any(ev == "CONSULT" for ev, *_ in found), found


def test_striking_an_agreement_is_no_strike(extractor: Any) -> None:
    found = _events(extractor, "Israel and Hamas struck a truce after days of fighting.")
    assert any(ev == "AGREE" for ev, *_ in found) and not any(ev == "ASSAULT" for ev, *_ in found), found


def test_the_content_of_a_rejected_claim_is_no_target(extractor: Any) -> None:
    found = _events(extractor, "China's commerce minister rebuffed fears that Trump's tariffs would cause a recession.")
    assert not any("USA" in tgt for _, _, tgt, _ in found), found


def test_a_veto_is_a_rejection_and_a_road_block_a_protest(extractor: Any) -> None:
    found = _events(extractor, "President Trump blocked the sale of the jets to Turkey.")
    assert any(ev == "REJECT" for ev, *_ in found) and not any(ev == "PROTEST" for ev, *_ in found), found
    found = _events(extractor, "Young Algerians blocked roads leading to the city centre on Sunday.")
    assert any(ev == "PROTEST" for ev, *_ in found), found


def test_pleas_warnings_and_unasked_requests(extractor: Any) -> None:
    assert not any(ev == "REQUEST" for ev, *_ in _events(
        extractor, "Two Azerbaijani men have pleaded not guilty to attempted murder in New York."))
    assert not any(ev == "REQUEST" for ev, *_ in _events(
        extractor, "Ghani said the Taliban should know that they will not win the war."))
    found = _events(extractor, "Indonesian activists said they did not ask Jakarta for a new bylaw.")
    assert not any(ev == "REJECT" for ev, *_ in found), found


def test_eyeing_a_deal_is_planned(extractor: Any) -> None:
    found = _events(extractor, "Turkey is eyeing a Mediterranean agreement with Egypt.")
    assert any(ev == "AGREE" and status == "planned" for ev, _, _, status in found), found


def test_meeting_targets_and_needed_help_are_no_events(extractor: Any) -> None:
    assert not any(ev == "CONSULT" for ev, *_ in _events(
        extractor, "Countries must raise their ambitions to meet the warming limits of the Paris pact, Germany said."))
    assert not any(ev == "AID" for ev, *_ in _events(
        extractor, "UNICEF said it needs a billion dollars to provide support to children in Sudan."))
    found = _events(extractor, "Putin will meet Trump in Helsinki next month.")
    assert ("CONSULT", ["RUS"], ["USA"], "planned") in found, found


def test_patients_destinations_and_deployed_forces(extractor: Any) -> None:
    found = _events(extractor, "Serbia condemned Kosovo's arrest of the Serbian mayor.")
    assert not any(ev == "COERCE" and src == ["SRB"] for ev, src, _, _ in found), found
    found = _events(extractor, "The United States deported 177 Venezuelan detainees to Honduras.")
    assert any(ev == "COERCE" and tgt == ["VEN"] for ev, _, tgt, _ in found), found
    found = _events(extractor, "French troops have been deployed to protect civilians in Bangui.")
    assert any(ev == "MOBILIZE" and src == ["FRA"] for ev, src, _, _ in found), found


def test_questions_and_agreeing_as_saying_are_no_events(extractor: Any) -> None:
    assert _events(extractor, "Could the Kenyan government call the State Department?") == []
    assert not any(ev == "AGREE" for ev, *_ in _events(
        extractor, '"The danger has not passed yet," agreed Polat Sayim, a Uyghur activist in Australia.'))
    assert not any(ev == "AGREE" for ev, *_ in _events(
        extractor, "The prosecutor asked Jimmy Lai if he agreed with the charges."))
    assert any(ev == "AGREE" for ev, *_ in _events(extractor, "Russia and Ukraine agreed to a ceasefire on Monday."))
