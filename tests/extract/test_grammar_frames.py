"""Reported-speech frames of the grammar layer: the named speech-verb sets read from one file
(a set may extend another) and the test that a clause is what a speech verb reports."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.grammar.frames import reported_clause, speech_verbs


def test_a_set_written_as_another_plus_words_holds_both() -> None:
    assert speech_verbs("irrealis_stops") == speech_verbs("content_frames") | {"warn"}
    assert "say" in speech_verbs("content_frames") and "warn" not in speech_verbs("content_frames")


def test_an_unknown_set_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no speech-verb set"):
        speech_verbs("no_such_set")


@pytest.mark.model
def test_the_content_clause_of_a_speech_verb_is_reported_and_a_purpose_clause_is_not(nlp: Any) -> None:
    said = nlp("The ministry said the rebels had shelled the town.")
    fell = next(t for t in said if t.text == "shelled")
    assert reported_clause(fell, speech_verbs("content_frames"))
    went = nlp("The ministry sent troops to retake the town.")
    retake = next(t for t in went if t.text == "retake")
    assert not reported_clause(retake, speech_verbs("content_frames"))


@pytest.mark.model
def test_a_clause_under_a_verb_outside_the_set_is_not_reported(nlp: Any) -> None:
    doc = nlp("The ministry hoped the rebels would leave the town.")
    leave = next(t for t in doc if t.text == "leave")
    assert leave.dep_ == "ccomp" and not reported_clause(leave, speech_verbs("content_frames"))
