"""Actor rules with the real model: a he/she after a subject the name finder missed
stays unresolved; an institution owned by a pronoun takes the country of the subject before it;
co-reported attacks between two sides of one country merge into one event."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article, ArticleRecord

pytestmark = pytest.mark.model

Role = list[tuple[str, str | None]]
LEAD = "Sudanese army chief Abdel Fattah al-Burhan visited the front on Monday. "
ACCUSATION = " He accused the fighters of looting food stores."


def _record(extractor: Any, text: str) -> ArticleRecord:
    return extractor(Article(text=text, published="2024-05-01"))  # type: ignore[no-any-return]


def _sources(extractor: Any, text: str, verb: str) -> list[Role]:
    """The sources, as (actorText, code) pairs, of every event whose text is ``verb``."""
    return [[(r.actorText, r.code) for r in e.source] for e in _record(extractor, text).events
            if e.eventText == verb]


# --- 1. he/she after a subject the name finder missed --------------------------------------

def test_he_after_a_titled_unknown_subject_is_not_an_older_person(extractor: Any) -> None:
    text = LEAD + "Okonkwo-Baraza, the relief group's executive director, said the camp was full." + ACCUSATION
    for source in _sources(extractor, text, "accused"):
        assert all("Burhan" not in name for name, _ in source), source


def test_he_after_a_found_person_is_that_person(extractor: Any) -> None:
    text = LEAD + "Mariatu Kallon-Osei, the relief group's director, said the camp was full." + ACCUSATION
    assert _sources(extractor, text, "accused") == [[("Mariatu Kallon-Osei", None)]]


def test_he_after_an_institution_subject_still_reaches_back(extractor: Any) -> None:
    text = LEAD + "The foreign ministry said the camp was full." + ACCUSATION
    assert _sources(extractor, text, "accused") == [[("Abdel Fattah al-Burhan", "SDN")]]


# --- 2. an institution owned by a pronoun: the actor record agrees with the event roles -------

def _country_of(extractor: Any, text: str, mention: str) -> str | None:
    record = _record(extractor, text)
    found = [a.country for a in record.actors if any(m.text == mention for m in a.mentions)]
    assert len(found) == 1, [(a.id, [m.text for m in a.mentions]) for a in record.actors]
    return found[0]


def test_owned_institution_record_takes_the_clause_subjects_country(extractor: Any) -> None:
    text = ("Tom Reade, the British envoy, spoke first. Kenya's defense minister arrived late, "
            "but his ministry rejected the draft.")
    assert _country_of(extractor, text, "his ministry") == "KEN"


def test_plural_subject_does_not_own_his(extractor: Any) -> None:
    text = ("Kenyan Defense Minister Tom Obuya spoke first. Ugandan officials arrived late, "
            "but his ministry rejected the draft.")
    assert _country_of(extractor, text, "his ministry") == "KEN"


def test_reported_subject_owns_the_institution(extractor: Any) -> None:
    text = "Ghana's interior minister said his police had arrested twelve smugglers near the border with Togo."
    assert _country_of(extractor, text, "his police") == "GHA"


# --- 3. co-reported attacks between two sides of one country ---------------------------------

def _assaults(extractor: Any, text: str) -> list[tuple[Role, Role]]:
    return [([(r.actorText, r.code) for r in e.source], [(r.actorText, r.code) for r in e.target])
            for e in _record(extractor, text).events if e.event == "ASSAULT"]


@pytest.mark.parametrize(("text", "code", "targeted"), [
    ("Afghan soldiers killed and wounded dozens of Taliban fighters in Helmand province on Sunday.",
     "AFG", "Taliban fighters"),
    ("Nigerian soldiers killed and injured several Boko Haram fighters near Maiduguri.",
     "NGA", "several Boko Haram fighters"),
])
def test_one_country_attack_reported_twice_is_one_event(extractor: Any, text: str, code: str,
                                                         targeted: str) -> None:
    found = _assaults(extractor, text)
    assert len(found) == 1, found
    source, target = found[0]
    assert {c for _, c in source} == {code} and (targeted, code) in target, found


def test_one_country_sides_that_swap_roles_stay_two_events(extractor: Any) -> None:
    found = _assaults(extractor, "Somali troops attacked al-Shabab fighters near Baidoa, and the "
                                 "al-Shabab fighters killed four Somali troops.")
    assert len(found) == 2, found


def test_two_countries_attack_reported_twice_is_still_one_event(extractor: Any) -> None:
    found = _assaults(extractor, "Russian troops shelled a village and killed five Ukrainian soldiers.")
    assert len(found) == 1 and {c for _, c in found[0][0]} == {"RUS"}, found
