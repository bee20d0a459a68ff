"""Statements from real parses of sentences written for these tests (quotes and reported speech)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from wardesk.extract.speech.statements import find_statements
from wardesk.records import Actor, ActorRef


@dataclass
class FakeActors:
    """Stand-in actor table: a lower-cased head word → (actor id, code, sector)."""

    names: dict[str, tuple[str, str | None, str | None]]
    actors: tuple[Actor, ...] = ()

    def refs(self, token: Any) -> tuple[ActorRef, ...]:
        hit = self.names.get(token.lower_)
        return () if hit is None else (ActorRef(hit[0], token.text, hit[1], hit[2]),)

    def refs_in(self, start: int, end: int) -> tuple[ActorRef, ...]:
        return ()


pytestmark = pytest.mark.model

ACTORS = FakeActors({
    "kovalenko": ("ukr/gov/olena-kovalenko", "UKR", "GOV"),
    "ministry": ("rus/mil/defence-ministry", "RUS", "MIL"),
    "reuters": ("unk/med/reuters", None, "MED"),
    "petrov": ("rus/gov/ivan-petrov", "RUS", "GOV"),
    "diplomats": ("unk/gov/diplomats", None, "GOV"),
})


def _statements(nlp: Any, text: str) -> list[Any]:
    doc = nlp(text)
    table = find_statements(doc, ACTORS)
    for s in table.statements:
        assert s.content == text[s.start:s.end]
    return list(table.statements)


def _one(statements: list[Any], words: str) -> Any:
    hits = [s for s in statements if words in s.content]
    assert hits, f"no statement contains {words!r}: {statements}"
    return hits[0]


def test_said_that(nlp: Any) -> None:
    s = _one(_statements(nlp, "Kovalenko said that the grain corridor would reopen next week."), "grain corridor")
    assert s.speaker == "ukr/gov/olena-kovalenko"
    assert s.content == "the grain corridor would reopen next week"
    assert not s.direct and s.certainty == "reported"


def test_quote_then_tag(nlp: Any) -> None:
    text = "“We will not give up a single village,” Kovalenko told reporters on Friday."
    s = _one(_statements(nlp, text), "single village")
    assert s.speaker == "ukr/gov/olena-kovalenko" and s.direct
    assert s.content == "We will not give up a single village"


def test_quote_split_by_tag_and_carried_on(nlp: Any) -> None:
    text = ('"The talks were useful," Petrov said. "But nothing has been signed yet, and '
            'nothing will be until Kyiv changes course."')
    found = _statements(nlp, text)
    assert _one(found, "talks were useful").speaker == "rus/gov/ivan-petrov"
    assert _one(found, "nothing has been signed").speaker == "rus/gov/ivan-petrov"


def test_inverted_tag_with_outlet(nlp: Any) -> None:
    text = "The convoy was turned back at the border crossing, Reuters reports."
    s = _one(_statements(nlp, text), "convoy was turned back")
    assert s.speaker == "unk/med/reuters"
    assert s.content == "The convoy was turned back at the border crossing"


def test_according_to(nlp: Any) -> None:
    text = "According to the ministry, forty drones were intercepted overnight."
    s = _one(_statements(nlp, text), "forty drones")
    assert s.speaker == "rus/mil/defence-ministry"
    assert s.certainty == "claimed"  # a party to the war on the fighting


def test_its_been_claimed_has_no_speaker(nlp: Any) -> None:
    text = "The general has “lost control of the front”, it has been claimed."
    s = _one(_statements(nlp, text), "lost control")
    assert s.speaker is None and s.certainty == "claimed" and s.direct


def test_citing_fronted_source(nlp: Any) -> None:
    text = "Citing diplomats, the view in Brussels is that the plan has “no chance of success”."
    s = _one(_statements(nlp, text), "no chance")
    assert s.speaker == "unk/gov/diplomats"


def test_partial_quote_in_reported_speech(nlp: Any) -> None:
    text = "Petrov says that Moscow is “open to any serious proposal”."
    s = _one(_statements(nlp, text), "serious proposal")
    assert s.speaker == "rus/gov/ivan-petrov" and s.direct
    assert s.content.startswith("Moscow is")


def test_claim_verb_gives_claimed(nlp: Any) -> None:
    s = _one(_statements(nlp, "Petrov insisted the village had never been shelled."), "village")
    assert s.certainty == "claimed"


def test_scare_quotes_are_not_statements(nlp: Any) -> None:
    assert _statements(nlp, "Leaders of the “contact group” will meet in Rome on Monday.") == []


def test_attribution_for_clause_and_conditional(nlp: Any) -> None:
    text = ("Kovalenko said the talks were postponed. If these reports are accurate, the army may "
            "have lost its supply line. The depot appears to have burned.")
    doc = nlp(text)
    table = find_statements(doc, ACTORS)
    talks = next(t for t in doc if t.text == "postponed")
    attribution, certainty = table.attribution_for(talks)
    assert attribution is not None and attribution.actor == "ukr/gov/olena-kovalenko"
    assert certainty == "reported"
    lost = next(t for t in doc if t.text == "lost")
    assert table.attribution_for(lost) == (None, "speculative")
    burned = next(t for t in doc if t.text == "burned")
    assert table.attribution_for(burned)[1] == "hedged"
    bridge_claim = nlp("Kovalenko said the bridge was destroyed.")
    claim = find_statements(bridge_claim, ACTORS)
    destroyed = next(t for t in bridge_claim if t.text == "destroyed")
    assert claim.attribution_for(destroyed)[1] == "claimed"  # a party to the war on the fighting


def test_negated_cue_is_no_statement(nlp: Any) -> None:
    found = _statements(nlp, "Petrov did not say whether the convoy would be allowed through.")
    assert not [s for s in found if "convoy" in s.content]


def test_closing_tag_survives_a_misparse(nlp: Any) -> None:
    text = "But the general has “set out impossible conditions” ahead of the summit, it has been alleged."
    s = _one(_statements(nlp, text), "impossible conditions")
    assert s.speaker is None and s.certainty == "claimed"
    assert s.content.startswith("the general has")


def test_denied_that(nlp: Any) -> None:
    s = _one(_statements(nlp, "Petrov denied that Russian forces had targeted civilians, insisting the strike hit a depot."),
             "targeted civilians")
    assert s.speaker == "rus/gov/ivan-petrov"
    assert s.content == "Russian forces had targeted civilians"


def test_multi_sentence_quote_then_tag(nlp: Any) -> None:
    text = "“The bridge is gone. The road is cut,” Kovalenko said on Monday."
    s = _one(_statements(nlp, text), "road is cut")
    assert s.content == "The bridge is gone. The road is cut"
    assert s.speaker == "ukr/gov/olena-kovalenko"


def test_quote_ending_a_sentence_takes_no_later_source(nlp: Any) -> None:
    text = "“The shelling went on all night.” According to Reuters, the town lost power."
    found = _statements(nlp, text)
    assert not [s for s in found if "shelling" in s.content and s.speaker == "unk/med/reuters"]
    assert _one(found, "lost power").speaker == "unk/med/reuters"


def test_he_said_goes_back_to_the_last_named_speaker(nlp: Any) -> None:
    text = ("Petrov said the talks would resume. “Kovalenko has not answered. It is unclear what "
            "happens next,” he said.")
    s = _one(_statements(nlp, text), "unclear what happens")
    assert s.speaker == "rus/gov/ivan-petrov"


def test_unattributed_hearsay_is_hedged(nlp: Any) -> None:
    found = _statements(nlp, "It is understood that the envoy will travel to Riyadh next week.")
    s = _one(found, "envoy will travel")
    assert s.speaker is None and s.certainty == "hedged"


def test_stressed_object_is_what_was_said(nlp: Any) -> None:
    s = _one(_statements(nlp, "Kovalenko has stressed the need for a monitoring mission on the border."),
             "monitoring mission")
    assert s.speaker == "ukr/gov/olena-kovalenko"
    assert s.content == "the need for a monitoring mission on the border"
