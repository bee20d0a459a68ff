"""The grammar layer's negation tests on the real model: a negation on a verb, a negator as
determiner or adverb, a negative subject, 'no longer', 'neither … nor', a denied noun and the
copula that carries a complement's negation."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.grammar.negation import (
    any_negated,
    clause_negated,
    copular_scope,
    denied_noun,
    denied_subject,
    has_negation,
    negated_noun_phrase,
    negative_subject,
    no_longer,
    pair_negated,
)

pytestmark = pytest.mark.model


def _tok(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


def test_a_verb_with_not_is_negated_and_its_plain_twin_is_not(nlp: Any) -> None:
    doc = nlp("The army did not attack the town, but the rebels attacked the port.")
    first, second = [t for t in doc if t.lemma_ == "attack"]
    assert has_negation(first) and not has_negation(second)


def test_a_negative_subject_negates_its_verb(nlp: Any) -> None:
    doc = nlp("No country has recognized the new government.")
    assert negative_subject(_tok(doc, "recognized"))
    assert clause_negated([_tok(doc, "recognized")], _tok(doc, "recognized"))


def test_nobody_as_subject_negates_and_a_named_subject_does_not(nlp: Any) -> None:
    assert negative_subject(_tok(nlp("Nobody attacked the convoy."), "attacked"))
    assert not negative_subject(_tok(nlp("Rebels attacked the convoy."), "attacked"))


def test_no_longer_negates_the_verb(nlp: Any) -> None:
    doc = nlp("The government will no longer recognize the agreement.")
    assert no_longer(_tok(doc, "recognize"))
    assert not no_longer(_tok(nlp("The government will recognize the agreement."), "recognize"))


def test_neither_opens_a_negated_pair(nlp: Any) -> None:
    doc = nlp("Neither Moscow nor Kyiv has explained why the talks stopped.")
    assert pair_negated(_tok(doc, "Moscow"))
    assert not pair_negated(None)


def test_a_complement_is_negated_through_its_copula(nlp: Any) -> None:
    doc = nlp("Russia is not ready for talks.")
    ready = _tok(doc, "ready")
    assert not has_negation(ready) and any_negated(copular_scope(ready))


def test_little_or_no_before_a_noun_denies_it(nlp: Any) -> None:
    doc = nlp("There is little sign of progress and no indication of a deal.")
    assert denied_noun(_tok(doc, "sign")) and denied_noun(_tok(doc, "indication"))
    assert not denied_noun(_tok(doc, "progress"))


def test_no_before_a_noun_negates_its_phrase(nlp: Any) -> None:
    doc = nlp("They signed no ceasefire but agreed a prisoner exchange.")
    assert negated_noun_phrase(_tok(doc, "ceasefire")) and not negated_noun_phrase(_tok(doc, "exchange"))


def test_a_negative_quantifier_subject_denies_the_victims(nlp: Any) -> None:
    nobody = frozenset({"no one", "nobody", "none"})
    assert denied_subject(_tok(nlp("No passengers were killed in the attack."), "killed"), nobody)
    assert denied_subject(_tok(nlp("No one was killed in the attack."), "killed"), nobody)
    assert not denied_subject(_tok(nlp("Five passengers were killed in the attack."), "killed"), nobody)
