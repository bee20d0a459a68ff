"""The grammar layer's syntax tests on the real model: passives (marked, reduced, bare
participle clauses), conditional clauses, subjects and auxiliaries, noun-phrase spans."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.grammar.syntax import (
    adverbial_passive,
    auxiliaries,
    condition_mark,
    has_condition,
    is_condition_clause,
    is_passive,
    lemma,
    phrase_span,
    reduced_passive,
    subject,
)

pytestmark = pytest.mark.model


def _tok(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


def test_a_marked_passive_is_passive_and_an_active_verb_is_not(nlp: Any) -> None:
    doc = nlp("The town was shelled overnight, and the army shelled the port.")
    first, second = [t for t in doc if t.text == "shelled"]
    assert is_passive(first) and not is_passive(second)


def test_a_participle_after_a_noun_is_a_reduced_passive(nlp: Any) -> None:
    doc = nlp("The prisoners released on Monday returned home.")
    assert reduced_passive(_tok(doc, "released")) and not reduced_passive(_tok(doc, "returned"))


def test_a_bare_participle_clause_is_a_passive(nlp: Any) -> None:
    doc = nlp("If convicted, the officers face ten years in prison.")
    assert adverbial_passive(_tok(doc, "convicted"))


def test_an_if_clause_is_a_condition_and_a_when_clause_is_not(nlp: Any) -> None:
    doc = nlp("The army will withdraw if the rebels lay down their weapons.")
    lay = _tok(doc, "lay")
    assert is_condition_clause(lay) and condition_mark(lay) is not None
    assert has_condition(_tok(doc, "withdraw"))
    other = nlp("The army will withdraw when the rebels lay down their weapons.")
    assert not has_condition(_tok(other, "withdraw")) and not is_condition_clause(_tok(other, "lay"))


def test_subject_auxiliaries_and_lemma(nlp: Any) -> None:
    doc = nlp("The rebels will have withdrawn by Friday.")
    verb = _tok(doc, "withdrawn")
    assert subject(verb) is not None and subject(verb).text == "rebels"  # type: ignore[union-attr]
    assert {"will", "have"} <= auxiliaries(verb)
    assert lemma(verb) == "withdraw"


def test_a_noun_phrase_span_leaves_its_relative_clause_out(nlp: Any) -> None:
    text = "The Ukrainian army, which lost the town, regrouped."
    doc = nlp(text)
    start, end = phrase_span(_tok(doc, "army"))
    assert text[start:end] == "The Ukrainian army"
