"""Positions on issues outside the fixed list, and who holds them, from real parses of
sentences written for these tests (bench/positions holds the dev and hold-out sets)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

_spec = importlib.util.spec_from_file_location("wardesk_positions_fakes",
                                               Path(__file__).with_name("positions_fakes.py"))
assert _spec is not None and _spec.loader is not None
fakes: Any = importlib.util.module_from_spec(_spec)
sys.modules["wardesk_positions_fakes"] = fakes
_spec.loader.exec_module(fakes)

pytestmark = pytest.mark.model

NAMES = {
    "moscow": "rus/gov/russia", "kyiv": "ukr/gov/ukraine", "london": "gbr/gov/united-kingdom",
    "paris": "fra/gov/france", "washington": "usa/gov/united-states", "ethiopia": "eth/gov/ethiopia",
    "kinshasa": "cod/gov/congo", "budapest": "hun/gov/hungary", "ottawa": "can/gov/canada",
    "petrov": "rus/gov/ivan-petrov", "seoul": "kor/gov/south-korea", "troops": "usa/mil/forces",
}


def _positions(nlp: Any, text: str) -> set[tuple[str | None, str, str]]:
    _, found = fakes.positions_of(nlp, text, NAMES)
    return {(p.holder, p.issue, p.stance) for p in found}


def test_unlisted_issue_named_after_the_objects_noun_phrase(nlp: Any) -> None:
    assert ("usa/gov/united-states", "minerals_agreement", "demand") in _positions(
        nlp, "Washington wants a quick minerals agreement.")


def test_an_action_noun_is_named_with_what_it_acts_on(nlp: Any) -> None:
    assert ("eth/gov/ethiopia", "sea_access", "demand") in _positions(nlp, "Ethiopia insists on access to the sea.")
    assert ("kor/gov/south-korea", "troop_reduction", "oppose") in _positions(
        nlp, "Seoul opposes any reduction of American troops in the south.")


def test_an_empty_head_gives_way_to_its_noun(nlp: Any) -> None:
    assert ("fra/gov/france", "deportation", "demand") in _positions(nlp, "Paris appealed for an end to the deportations.")


def test_generic_objects_people_and_places_are_no_issue(nlp: Any) -> None:
    assert _positions(nlp, "Moscow wants more time.") == set()
    assert _positions(nlp, "Kyiv welcomed the news on Friday.") == set()
    assert _positions(nlp, "Washington strongly supports Kyiv.") == set()


def test_a_purpose_clause_opens_no_issue(nlp: Any) -> None:
    assert _positions(nlp, "Petrov said the levy was raised to support wildlife conservation.") == set()


def test_the_one_called_on_is_not_the_issue(nlp: Any) -> None:
    found = _positions(nlp, "Paris called on NATO allies to raise defence spending.")
    assert ("fra/gov/france", "defense_spending", "demand") in found
    assert not any(i == "nato_membership" for _, i, _ in found)


def test_an_issue_inside_anothers_phrase_is_left_out(nlp: Any) -> None:
    found = _positions(nlp, "Kinshasa demanded the withdrawal of foreign troops from its eastern provinces.")
    assert ("cod/gov/congo", "troop_withdrawal", "demand") in found
    assert not any(i == "territory" for _, i, _ in found)


def test_a_blocking_verb_is_its_own_stance(nlp: Any) -> None:
    assert ("hun/gov/hungary", "sanctions", "oppose") in _positions(nlp, "Budapest blocked the sanctions package.")


def test_pushing_back_is_opposing(nlp: Any) -> None:
    found = _positions(nlp, "Ottawa pushed back against the new sanctions.")
    assert ("can/gov/canada", "sanctions", "oppose") in found


def test_never_recognise_is_reject(nlp: Any) -> None:
    assert ("ukr/gov/ukraine", "territory", "reject") in _positions(
        nlp, "Kyiv will never recognise the annexation of Crimea.")


def test_a_member_speaks_for_the_party_it_comes_from(nlp: Any) -> None:
    found = _positions(nlp, "Senior diplomats from Paris urged Moscow to accept the ceasefire.")
    assert ("fra/gov/france", "ceasefire", "demand") in found


def test_their_support_is_the_affirming_sides(nlp: Any) -> None:
    found = _positions(nlp, "London reaffirmed its support for a peacekeeping mission.")
    assert ("gbr/gov/united-kingdom", "peacekeepers", "support") in found


def test_a_stance_told_in_a_nouns_clause_is_its_own_subjects(nlp: Any) -> None:
    found = _positions(nlp, "London welcomed the news that Kyiv had accepted the truce.")
    assert ("ukr/gov/ukraine", "ceasefire", "accept") in found
    assert ("gbr/gov/united-kingdom", "ceasefire", "support") in found
    assert ("ukr/gov/ukraine", "neutrality", "accept") not in _positions(nlp, "Moscow demanded that Kyiv agree to neutrality.")


def test_it_is_essential_that_is_a_demand_but_measures_necessary_are_not(nlp: Any) -> None:
    assert ("fra/gov/france", "military_aid", "demand") in _positions(
        nlp, "Paris said it is essential that the allies send more air defence systems.")
    assert _positions(nlp, "London will take the measures necessary to stop the arms deliveries.") == set()


def test_the_alternative_a_demand_threatens_is_not_demanded(nlp: Any) -> None:
    found = _positions(nlp, "Paris urged Moscow to withdraw its troops or face new sanctions.")
    assert ("fra/gov/france", "troop_withdrawal", "demand") in found
    assert not any(i == "sanctions" for _, i, _ in found)
    assert ("fra/gov/france", "sanctions", "demand") in _positions(nlp, "Paris demanded an arms embargo or new sanctions.")


def test_insisting_on_ones_own_stance_is_that_stance(nlp: Any) -> None:
    found = _positions(nlp, "Moscow insisted it would never accept the truce.")
    assert ("rus/gov/russia", "ceasefire", "reject") in found
    assert ("rus/gov/russia", "ceasefire", "demand") not in found
    assert ("rus/gov/russia", "neutrality", "demand") in _positions(nlp, "Moscow insisted that Kyiv must accept neutrality.")
