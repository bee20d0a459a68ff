"""Who the parties are and what went on (issue 13, classes 2, 3 and 5): hosts, observers, a
speaker's own side, a negated stop, an ambiguous country name. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.model


def events(extractor: Any, text: str) -> list[Any]:
    from wardesk.records import Article

    return list(extractor(Article(text=text, published="2025-03-12")).events)


def codes(refs: Any) -> list[str | None]:
    return [r.code for r in refs]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Kenya hosted talks between Sudan's army and the RSF in Nairobi.", {"SDN"}),
        ("Egypt hosted negotiations between Israel and Hamas in Cairo on Monday.", {"ISR", "PSE"}),
        ("Oman hosted talks between the Iranian and American envoys in Muscat.", {"IRN", "USA"}),
    ],
)
def test_a_host_is_no_party_to_the_talks_it_hosts(extractor: Any, text: str, parties: set[str]) -> None:
    consult = [e for e in events(extractor, text) if e.event == "CONSULT"]
    assert consult
    sides = set(codes(consult[0].source) + codes(consult[0].target))
    assert sides == parties


def test_a_place_inside_the_parties_phrase_is_no_party(extractor: Any) -> None:
    consult = next(e for e in events(extractor, "Oman hosted talks between the Iranian and American "
                                               "envoys in Muscat.") if e.event == "CONSULT")
    assert all(r.actorText != "Muscat" for r in consult.source + consult.target)


def test_an_offer_to_host_stays_the_hosts_own_act(extractor: Any) -> None:
    found = events(extractor, "Norway said it was ready to host a meeting between Colombia's "
                              "government and the ELN.")
    assert found and "NOR" in codes(found[0].source)


@pytest.mark.parametrize(
    "text",
    ["China and India will attend the summit as observers.",
     "Qatar joined the negotiations as a guest."],
)
def test_observers_are_no_parties(extractor: Any, text: str) -> None:
    assert [e for e in events(extractor, text) if e.event == "CONSULT"] == []


def test_the_talks_stay_when_others_attend_as_observers(extractor: Any) -> None:
    found = events(extractor, "Armenia and Azerbaijan will hold talks in Almaty, and the US and "
                              "the EU will attend as observers.")
    consult = [e for e in found if e.event == "CONSULT"]
    assert len(consult) == 1 and set(codes(consult[0].source + consult[0].target)) == {"ARM", "AZE"}


@pytest.mark.parametrize(
    ("text", "target"),
    [("Secretary of State Marco Rubio warned that Washington would cut off aid to Kyiv.", "UKR"),
     ("President Putin warned that Moscow would retaliate against Britain.", "GBR")],
)
def test_a_threat_is_never_against_the_speakers_own_government(
        extractor: Any, text: str, target: str) -> None:
    threat = next(e for e in events(extractor, text) if e.event == "THREATEN")
    assert codes(threat.target) == [target]


def test_a_threat_against_a_rival_of_the_same_country_keeps_its_target(extractor: Any) -> None:
    threat = next(e for e in events(extractor, "Sudan's army chief warned that the RSF would pay "
                                               "a heavy price.") if e.event == "THREATEN")
    assert [r.actorText for r in threat.target] == ["the RSF"]


@pytest.mark.parametrize(
    "text",
    ["Israel had not halted its air strikes on Gaza by Friday.",
     "Russia did not stop shelling Kharkiv despite the truce."],
)
def test_a_negated_stop_of_an_attack_is_the_attack_going_on(extractor: Any, text: str) -> None:
    found = events(extractor, text)
    assert [(e.event, e.status, e.negated) for e in found] == [("ASSAULT", "ongoing", False)]


def test_stopping_aid_is_not_read_as_an_attack(extractor: Any) -> None:
    found = events(extractor, "The EU did not suspend its aid to Niger.")
    assert all(e.event != "ASSAULT" for e in found)


def test_a_bare_congo_is_the_dr_congo_unless_the_article_is_about_brazzaville(extractor: Any) -> None:
    goma = events(extractor, "Rebels in Congo attacked a village near Goma.")
    assert goma[0].eventLoc is not None and goma[0].eventLoc.country == "COD"
    brazza = events(extractor, "Protesters marched in Brazzaville on Friday, and police in Congo "
                               "arrested 40 of them.")
    arrest = next(e for e in brazza if e.event == "COERCE")
    assert arrest.eventLoc is not None and arrest.eventLoc.country == "COG"


def test_the_two_sides_are_the_pair_named_in_the_sentence_before(extractor: Any) -> None:
    found = events(extractor, "Armenian and Azerbaijani envoys met in Abu Dhabi on Monday. The two "
                              "sides agreed on a prisoner exchange of 200 each.")
    agree = [e for e in found if e.event == "AGREE"]
    assert len(agree) == 1
    assert set(codes(agree[0].source + agree[0].target)) == {"ARM", "AZE"}


def test_the_two_sides_with_no_pair_before_stay_unnamed(extractor: Any) -> None:
    found = events(extractor, "Heavy rain fell on Monday. The two sides agreed on a prisoner exchange.")
    assert all(e.event != "AGREE" or not e.source for e in found)


def test_a_named_operation_is_not_an_attacker_from_the_place_it_struck(extractor: Any) -> None:
    strike = next(e for e in events(extractor, "Operation Desert Hawk struck six depots in Yemen.")
                  if e.event == "ASSAULT")
    assert all(r.code != "YEM" for r in strike.source)
    assert codes(strike.target) == ["YEM"]


def test_a_city_the_tagger_left_untyped_is_the_place_struck(extractor: Any) -> None:
    strike = next(e for e in events(extractor, "Russian missiles struck Odesa on Tuesday, the "
                                               "governor said.") if e.event == "ASSAULT")
    assert strike.eventLoc is not None and strike.eventLoc.name == "Odesa"
    assert codes(strike.target) == ["UKR"]


@pytest.mark.parametrize(
    ("text", "day"),
    [("The ministry said Friday that talks with Hamas would resume on Sunday.", "2025-03-16"),
     ("Russian missiles struck Kherson on Tuesday, the governor said on Wednesday.", "2025-03-11")],
)
def test_an_event_takes_the_date_of_its_own_clause(extractor: Any, text: str, day: str) -> None:
    found = [e for e in events(extractor, text) if e.event in ("CONSULT", "ASSAULT")]
    assert found and found[0].date is not None and found[0].date.value == day
