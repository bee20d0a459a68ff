"""Coordination in the grammar layer: a later conjunct is asked about through the first one."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.grammar.coordination import first_conjunct

pytestmark = pytest.mark.model


def test_a_later_verb_conjunct_leads_to_the_first(nlp: Any) -> None:
    doc = nlp("Rebels attacked and seized the town on Monday.")
    seized = next(t for t in doc if t.text == "seized")
    assert seized.dep_ == "conj" and first_conjunct(seized).text == "attacked"


def test_a_word_outside_a_coordination_is_its_own_first_conjunct(nlp: Any) -> None:
    doc = nlp("Rebels seized the town on Monday.")
    town = next(t for t in doc if t.text == "town")
    assert first_conjunct(town) is town or first_conjunct(town).i == town.i


def test_a_chain_of_three_nouns_leads_to_the_first(nlp: Any) -> None:
    doc = nlp("The strikes hit Kharkiv, Odesa and Dnipro overnight.")
    dnipro = next(t for t in doc if t.text == "Dnipro")
    assert first_conjunct(dnipro).text == "Kharkiv"
