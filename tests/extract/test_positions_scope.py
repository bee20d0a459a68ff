"""Issue words tie to the stance cue, not to side phrases; holders are the cue's subject or speaker.
Sentences written for these tests; real parses."""

from __future__ import annotations

from typing import Any

import pytest

from .test_positions_stances import NAMES, fakes

pytestmark = pytest.mark.model


def _positions(nlp: Any, text: str) -> set[tuple[str | None, str, str]]:
    _, found = fakes.positions_of(nlp, text, NAMES)
    return {(p.holder, p.issue, p.stance) for p in found}


def test_opposition_does_not_carry_into_a_conjoined_predicate(nlp: Any) -> None:
    found = _positions(nlp, "Washington strongly opposes the blockade and, for that reason, sends military aid to Kyiv.")
    assert ("usa/gov/united-states", "military_aid", "oppose") not in found


def test_issue_in_a_commenting_relative_clause_is_not_the_object(nlp: Any) -> None:
    found = _positions(nlp, "Paris wants more fuel deliveries from Moscow, which would break the sanctions.")
    assert not any(i == "sanctions" for _, i, _ in found)


def test_relative_clause_saying_what_is_wanted_still_counts(nlp: Any) -> None:
    found = _positions(nlp, "Kyiv wants a deal that would bring a ceasefire.")
    assert ("ukr/gov/ukraine", "ceasefire", "demand") in found


def test_in_return_for_is_what_is_given_not_a_condition(nlp: Any) -> None:
    found = _positions(nlp, "In return for a ceasefire, Moscow is seeking more military aid from Tehran.")
    assert not any(s == "condition" for _, _, s in found)
    assert ("rus/gov/russia", "military_aid", "demand") in found


def test_third_person_in_a_quote_is_not_the_speaker(nlp: Any) -> None:
    found = _positions(nlp, "Petrov said, “They want to keep selling weapons and military aid to Kyiv.”")
    assert not any(h == "rus/gov/ivan-petrov" for h, _, _ in found)


def test_first_person_in_a_quote_is_the_speaker(nlp: Any) -> None:
    found = _positions(nlp, "Kovalenko said, “We support a ceasefire.”")
    assert ("ukr/gov/olena-kovalenko", "ceasefire", "support") in found


def test_dismissing_concerns_is_no_stance(nlp: Any) -> None:
    found = _positions(nlp, "Kyiv dismissed concerns that the elections would be delayed.")
    assert not found


def test_topic_after_over_is_not_what_is_asked(nlp: Any) -> None:
    found = _positions(nlp, "Paris requested talks with Washington over its new tariffs on wine.")
    assert not any(i == "tariffs" for _, i, _ in found)


def test_a_nouns_errand_is_not_the_speakers_stance(nlp: Any) -> None:
    found = _positions(nlp, "“The failure to achieve a ceasefire is a stain on the record,” Petrov said.")
    assert not any(h == "rus/gov/ivan-petrov" for h, _, _ in found)


def test_doer_of_a_long_infinitive_chain_is_the_holder(nlp: Any) -> None:
    found = _positions(nlp, "Kovalenko said a coalition is forming to send Kyiv engineers and monitoring teams to support the ceasefire.")
    assert not any(h == "ukr/gov/olena-kovalenko" for h, _, _ in found)
