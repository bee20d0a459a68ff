"""Later mentions by description or plural pronoun with the real model: "the group", "the
militants", "the ministry", "the alliance", "they" stand for the actor named before them, and
stay unresolved when two actors fit, when none was named, or when the phrase is generic."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.actors.resolve import find_actors
from wardesk.records import Article

pytestmark = pytest.mark.model


def _ids(extractor: Any, text: str, word: str, nth: int = 0) -> list[str | None]:
    """The actor ids the ``nth`` token spelled ``word`` stands for."""
    doc = extractor.nlp(text)
    table = find_actors(doc, extractor.kb, {}, "2025-06-01")
    tokens = [t for t in doc if t.text == word]
    return [r.actor for r in table.refs(tokens[nth])]


def test_the_group_is_the_armed_group_named_before(extractor: Any) -> None:
    text = ("The Baloch Liberation Army attacked a freight train on Tuesday. "
            "The group said it had killed ten soldiers.")
    assert _ids(extractor, text, "group") == ["pak/reb/bla"]
    assert _ids(extractor, text, "it") == ["pak/reb/bla"]


def test_modifiers_pick_the_fitting_kind(extractor: Any) -> None:
    # Hezbollah is nearer, but a rights group is an NGO, not an armed group.
    text = ("Amnesty International criticised the raid on Monday. Hezbollah fired rockets at the "
            "border the same day. The rights group said the raid broke the law.")
    assert _ids(extractor, text, "group") == ["ngo/ngo/amnesty"]


def test_the_militants_are_the_group_whose_fighters_acted(extractor: Any) -> None:
    text = ("Al-Shabaab fighters stormed a hotel in the port town on Sunday. "
            "The militants held the building for six hours.")
    assert _ids(extractor, text, "militants") == ["som/ins/al-shabaab"]


def test_the_ministry_and_the_alliance(extractor: Any) -> None:
    ministry = ("Russia's defence ministry reported heavy fighting in the east. "
                "The ministry added that two villages had been taken.")
    assert _ids(extractor, ministry, "ministry", 1) == ["rus/mil/defence-ministry"]
    alliance = ("NATO leaders gathered in Brussels on Thursday. "
                "The alliance agreed to raise its spending target.")
    assert _ids(extractor, alliance, "alliance") == ["igo/igo/nato"]


def test_they_after_a_clause_without_reported_speech(extractor: Any) -> None:
    text = ("Nigerian officials did not respond to a request for comment, "
            "but they have denied the reports before.")
    assert _ids(extractor, text, "they") == ["nga/gov/officials"]


def test_they_stands_for_a_whole_list(extractor: Any) -> None:
    text = "The envoy said Kenya and Uganda were ready to help, but they had not sent troops yet."
    ids = _ids(extractor, text, "they")
    assert set(ids) == {"ken/gov/kenya", "uga/gov/uganda"}


def test_two_fitting_actors_leave_the_description_unresolved(extractor: Any) -> None:
    text = ("Ukrainian troops and Russian forces clashed near the river on Monday. "
            "The troops withdrew on Friday.")
    assert _ids(extractor, text, "troops", 1) == []


def test_two_fitting_actors_leave_they_unresolved(extractor: Any) -> None:
    text = "Pakistani officials met Chinese officials in Beijing, and they signed a trade deal."
    assert _ids(extractor, text, "they") == []


def test_the_group_with_no_group_before_is_unresolved(extractor: Any) -> None:
    text = ("Officials from both countries met in Geneva on Monday. "
            "The group said the talks would continue next week.")
    assert _ids(extractor, text, "group") == []


def test_a_generic_plural_is_not_one_group(extractor: Any) -> None:
    text = ("M23 rebels seized the airport last month. "
            "Rebel groups in the region have attacked aid convoys for years.")
    assert _ids(extractor, text, "groups") == []


def test_the_other_group_is_not_the_group_named(extractor: Any) -> None:
    text = ("Hamas released two hostages on Saturday. "
            "The other group refused to say when it would free its captives.")
    assert _ids(extractor, text, "group") == []


def test_an_unnamed_party_of_the_same_kind_makes_it_ambiguous(extractor: Any) -> None:
    # The unnamed "Zaraba rebels" may be "the rebel group" as well as the M23.
    text = ("Local Zaraba rebels said they were attacked by M23 fighters near the lake. "
            "The rebel group has several hundred men.")
    assert _ids(extractor, text, "group") == []


def test_they_inside_a_quote_is_not_someone_the_quote_names(extractor: Any) -> None:
    text = '"We urge the Kenyan authorities to release him at once," they said in a statement.'
    assert _ids(extractor, text, "they") == []


def test_the_resolved_group_is_the_source_of_its_attack(extractor: Any) -> None:
    text = ("The Baloch Liberation Army claimed a bombing in Quetta on Monday. "
            "On Wednesday the group attacked a police post near the border, officials said.")
    record = extractor(Article(text, published="2025-06-04"))
    attacks = [e for e in record.events if e.event == "ASSAULT" and e.eventText.startswith("attacked")]
    assert attacks and [r.actor for r in attacks[0].source] == ["pak/reb/bla"]
