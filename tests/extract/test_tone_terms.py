"""Loaded terms: lexicon matches with offsets, quoted words apart from the outlet's, the score."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.extract.speech.quote_scan import find_quotes
from wardesk.extract.speech.statements import StatementIndex
from wardesk.extract.tone.score import loaded_terms, score_tone
from wardesk.records import Tone


def test_terms_on_a_hand_built_doc() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words = ["The", "tyrant", "threw", "men", "into", "the", "meat", "grinder", "."]
    lemmas = ["the", "tyrant", "throw", "man", "into", "the", "meat", "grinder", "."]
    doc = Doc(Vocab(), words=words, lemmas=lemmas, spaces=[True] * 7 + [False, False])
    terms = loaded_terms(doc, ())
    assert [(t.text, t.category) for t in terms] == [("tyrant", "pejorative"), ("meat grinder", "dehumanising")]
    for t in terms:
        assert doc.text[t.start:t.end] == t.text and not t.quoted


@pytest.mark.model
def test_quoted_terms_count_less(nlp: Any) -> None:
    outlet = nlp("The warmongering regime was hoodwinked again, officials said on Monday evening.")
    quoted = nlp("“The warmongering regime was hoodwinked again,” officials said on Monday evening.")
    t_outlet = score_tone(outlet, StatementIndex((), find_quotes(outlet.text)))
    t_quoted = score_tone(quoted, StatementIndex((), find_quotes(quoted.text)))
    assert {t.text for t in t_outlet.loaded_terms} == {"warmongering", "regime", "hoodwinked"}
    assert all(t.quoted for t in t_quoted.loaded_terms)
    assert t_outlet.score < t_quoted.score < 0


@pytest.mark.model
def test_neutral_text_scores_zero(nlp: Any) -> None:
    doc = nlp("The delegations met in Geneva on Tuesday and agreed to meet again next month.")
    assert score_tone(doc, StatementIndex(())) == Tone(0.0, ())


@pytest.mark.model
def test_inflected_forms_match(nlp: Any) -> None:
    doc = nlp("Critics said voters had been duped by a so-called peace plan and catastrophic losses.")
    texts = {t.text for t in score_tone(doc, StatementIndex(())).loaded_terms}
    assert {"duped", "so-called", "catastrophic"} <= texts


@pytest.mark.model
def test_a_word_inside_a_name_is_not_loaded(nlp: Any) -> None:
    doc = nlp("Fighters of Hayat Tahrir al-Sham entered the city on Sunday.")
    assert [t.text for t in score_tone(doc, StatementIndex(())).loaded_terms] == []
