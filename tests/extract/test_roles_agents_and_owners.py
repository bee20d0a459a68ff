"""Role rules with the real model: a passive's "by"-agent hung on the verb's object is
the source; a possessive pronoun on an institution takes the subject before it in the sentence;
a he/she never stands for someone the same sentence names later; a deportation's destination
is not its target."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article

pytestmark = pytest.mark.model

Role = list[tuple[str, str | None]]


def _events(extractor: Any, text: str) -> dict[str, tuple[Role, Role]]:
    """Event text → (source, target) as (actorText, code) pairs."""
    record = extractor(Article(text=text, published="2024-05-01"))
    return {e.eventText: ([(r.actorText, r.code) for r in e.source], [(r.actorText, r.code) for r in e.target])
            for e in record.events}


def _codes(refs: Role) -> set[str | None]:
    return {code for _, code in refs}


# --- 1. passive with an agent ----------------------------------------------------------------

def test_agent_on_the_instrument_is_the_source(extractor: Any) -> None:
    found = _events(extractor, "Several small nations have been threatened with trade penalties by Russia "
                               "for backing the resolution.")
    source, target = found["threatened"]
    assert _codes(source) == {"RUS"}, found
    assert "RUS" not in _codes(target), found


def test_agent_on_the_instrument_with_a_named_undergoer(extractor: Any) -> None:
    source, target = _events(extractor, "Many Afghans were threatened with arrest by Pakistan.")["threatened"]
    assert _codes(source) == {"PAK"} and _codes(target) == {"AFG"}, (source, target)


def test_agent_on_the_verb_still_the_source(extractor: Any) -> None:
    source, target = _events(extractor, "Dozens of villages were shelled by Ethiopia on Monday.")["shelled"]
    assert _codes(source) == {"ETH"} and "ETH" not in _codes(target), (source, target)


# --- 2. a possessive pronoun on an institution --------------------------------------------

def test_institution_takes_the_previous_clause_subject(extractor: Any) -> None:
    found = _events(extractor, "Tom Reade, the British envoy, addressed the council. Mexico's ambassador "
                               "arrived late, but her delegation rejected the draft.")
    source, _ = found["rejected"]
    assert _codes(source) == {"MEX"}, found


def test_unnamed_institution_is_the_subjects(extractor: Any) -> None:
    found = _events(extractor, "Britain's envoy, Tom Reade, spoke first. Kenya's defense minister arrived "
                               "late, but his ministry condemned the plan.")
    assert _codes(found["condemned"][0]) == {"KEN"}, found


def test_pronoun_with_only_an_earlier_sentence_keeps_it(extractor: Any) -> None:
    found = _events(extractor, "Tom Reade, the British envoy, addressed the council. He said his government "
                               "rejected the draft.")
    assert _codes(found["rejected"][0]) == {"GBR"}, found


def test_a_relation_noun_is_not_its_owner(extractor: Any) -> None:
    """"his ally" is someone other than "his" owner: the owner is not the one who rejects."""
    found = _events(extractor, "China's ambassador left the talks, and his ally rejected the plan.")
    assert "CHN" not in _codes(found.get("rejected", ([], []))[0]), found


# --- 3. no pronoun for someone named later in its sentence --------------------------------

def test_he_is_not_the_person_named_later(extractor: Any) -> None:
    found = _events(extractor, "Activist Rahim Zadeh was released on bail on Monday. A colleague spoke to "
                               "reporters. He urged the court to drop the charges so that Rahim Zadeh can "
                               "keep working.")
    assert ("Rahim Zadeh", None) not in found.get("urged", ([], []))[0], found


def test_he_still_means_the_person_before(extractor: Any) -> None:
    found = _events(extractor, "Activist Rahim Zadeh was released on bail on Monday. He urged the court to "
                               "drop the charges.")
    assert ("Rahim Zadeh", None) in found["urged"][0], found


def test_an_earlier_person_wins_over_the_later_name(extractor: Any) -> None:
    found = _events(extractor, "Activist Rahim Zadeh was released on bail on Monday. His colleague Omar Baig "
                               "spoke to reporters. He urged the court to drop the charges so that Rahim "
                               "Zadeh can keep working.")
    assert [name for name, _ in found["urged"][0]] == ["Omar Baig"], found


# --- 4. where people are sent is not whom the act is done to --------------------------------

def test_deportation_destination_is_not_the_target(extractor: Any) -> None:
    found = _events(extractor, "Malaysia deported 60 mostly women and children to Myanmar last year.")
    source, target = found["deported"]
    assert _codes(source) == {"MYS"} and "MMR" not in _codes(target), found


def test_deported_people_with_a_country_are_the_target(extractor: Any) -> None:
    found = _events(extractor, "The deportation of 30 Eritreans to Sudan by Egypt drew criticism.")
    source, target = found["deportation"]
    assert _codes(source) == {"EGY"} and _codes(target) == {"ERI"}, found


def test_sending_troops_still_targets_the_place(extractor: Any) -> None:
    """Not a deportation: troops sent somewhere are deployed against or into that place."""
    found = _events(extractor, "Russia sent troops to Syria in 2015.")
    assert _codes(found["sent troops"][1]) == {"SYR"}, found
