"""Event types on the real model: what calls and pressure ask for is no event of its
own, an openness to talks is AGREE (planned), and a state's lawmaking or service at home is no
PLOVER event, while agreements with others and aid abroad still are."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, Event

pytestmark = pytest.mark.model


def _events(extractor: Any, text: str) -> list[Event]:
    return list(extractor(Article(text=text, published="2024-05-01")).events)


def _types(extractor: Any, text: str) -> set[str]:
    return {e.event for e in _events(extractor, text)}


def test_calls_in_a_parliament_to_impose_sanctions_are_no_sanction(extractor: Any) -> None:
    text = "The vote is likely to add to calls in parliament to impose sanctions on Belarus."
    assert "SANCTION" not in _types(extractor, text)


def test_sanctions_imposed_are_still_a_sanction(extractor: Any) -> None:
    text = "The European Union imposed sanctions on Belarus on Monday."
    assert "SANCTION" in _types(extractor, text)


def test_pressure_to_close_is_the_pressures_content(extractor: Any) -> None:
    text = "Washington raised duties on Mexico to pressure the Mexican government to close the border."
    assert "COERCE" not in _types(extractor, text)


def test_pushing_someone_to_sign_asks_for_the_signing(extractor: Any) -> None:
    text = "Germany pushed Serbia to sign the accord with Kosovo."
    assert not any(e.event in ("SUPPORT", "AGREE") and e.eventText.startswith("sign")
                   for e in _events(extractor, text))


def test_open_for_dialogue_is_a_planned_agree(extractor: Any) -> None:
    text = "The Armenian prime minister said his government is open to talks with Azerbaijan."
    found = [e for e in _events(extractor, text) if e.event in ("AGREE", "CONSULT")]
    assert found and all(e.event == "AGREE" and e.status == "planned" for e in found)


def test_talks_held_stay_a_consultation(extractor: Any) -> None:
    text = "Armenia held talks with Azerbaijan in Brussels on Monday."
    assert any(e.event == "CONSULT" and e.status == "occurred" for e in _events(extractor, text))


def test_signing_a_law_at_home_is_no_event(extractor: Any) -> None:
    text = "Kenyan President William Ruto signed the bill on Tuesday."
    assert "SUPPORT" not in _types(extractor, text)


def test_signing_an_accord_with_another_state_still_is(extractor: Any) -> None:
    text = "Kenya signed an accord with Ethiopia on Tuesday."
    assert "SUPPORT" in _types(extractor, text) or "AGREE" in _types(extractor, text)


def test_a_government_serving_its_residents_gives_no_aid(extractor: Any) -> None:
    text = "The Canadian government provides newcomers with language teachers."
    assert "AID" not in _types(extractor, text)


def test_aid_to_another_country_is_still_aid(extractor: Any) -> None:
    text = "Japan provided Ukraine with $10 million in humanitarian aid."
    assert "AID" in _types(extractor, text)


def test_a_court_ordering_schools_to_allow_concedes_nothing(extractor: Any) -> None:
    text = "Kenya's Supreme Court ordered universities to allow students with headscarves."
    assert "CONCEDE" not in _types(extractor, text)


def test_calls_from_a_body_to_impose_sanctions_are_its_request(extractor: Any) -> None:
    text = "There were calls from the European Union to impose sanctions on Russia."
    events = _events(extractor, text)
    assert "SANCTION" not in {e.event for e in events}
    assert any(e.event == "REQUEST" and e.eventText == "calls" for e in events)


def test_encouraging_someone_named_to_act_is_a_request(extractor: Any) -> None:
    (request,) = [e for e in _events(extractor, "Germany encouraged Serbia to recognize Kosovo.")
                  if e.event == "REQUEST"]
    assert [r.code for r in request.source] == ["DEU"] and [r.code for r in request.target] == ["SRB"]


def test_encouraging_as_the_aim_of_cooperation_is_no_request(extractor: Any) -> None:
    text = "Poland and Lithuania agreed to cooperate to encourage Belarusian exiles to return home."
    assert "REQUEST" not in _types(extractor, text)


def test_an_open_border_offers_no_talks(extractor: Any) -> None:
    assert "AGREE" not in _types(extractor, "The ministry said the border is open to trade.")


def test_signing_a_constitutional_text_at_home_is_no_event(extractor: Any) -> None:
    text = "The interim president of Sudan signed a constitutional declaration on Thursday."
    assert "SUPPORT" not in _types(extractor, text)


def test_signing_a_declaration_with_a_neighbour_still_is(extractor: Any) -> None:
    text = "Sudan signed a joint declaration with Egypt on Thursday."
    assert _types(extractor, text) & {"SUPPORT", "AGREE"}


def test_open_to_negotiating_is_a_planned_agree(extractor: Any) -> None:
    text = "Iran said it is open to negotiating with the United States."
    found = [e for e in _events(extractor, text) if e.event in ("AGREE", "CONSULT")]
    assert found and all(e.event == "AGREE" and e.status == "planned" for e in found)


def test_not_ready_for_talks_is_negated(extractor: Any) -> None:
    text = "North Korea said it was not ready for talks with the United States."
    found = [e for e in _events(extractor, text) if e.eventText.endswith("talks")]
    assert found and all(e.negated and e.event != "AGREE" for e in found)
