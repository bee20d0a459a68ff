"""The grammar layer answers the same for the same construction whether the parse is ClearNLP
(the real English model) or Universal Dependencies (hand-built Docs with UD labels and shapes, as
the French and Russian parsers give them): subjects, the passive and its agent, prepositional
objects, negation, infinitive markers and clause kinds."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc

from wardesk.extract.grammar.clauses import (
    ADVERBIAL,
    COMPLEMENT,
    CONDITIONAL,
    MAIN,
    PURPOSE,
    RELATIVE,
    clause_kind,
)
from wardesk.extract.grammar.labels import (
    CLEARNLP,
    DETERMINER,
    OBJECT,
    PASSIVE_SUBJECT,
    PREDETERMINER,
    SCHEME_KEY,
    SUBJECTS,
    UD,
    scheme_for_labels,
    scheme_of,
)
from wardesk.extract.grammar.negation import has_negation
from wardesk.extract.grammar.shapes import (
    infinitive_marker,
    is_negator,
    passive_agents,
    prep_governor,
    prep_marker,
    prep_pairs,
)
from wardesk.extract.grammar.syntax import is_passive, objects, prep_objects, subject

pytestmark = pytest.mark.model

_EN_VOCAB = spacy.blank("en").vocab


def _ud(text: str, arcs: list[tuple[int, str, str]], morphs: dict[int, str] | None = None,
        vocab: Any = _EN_VOCAB) -> Doc:
    """A UD-labelled Doc: one (head index, label, POS) per word of ``text`` (split on spaces)."""
    words = text.split()
    assert len(words) == len(arcs)
    morph = [(morphs or {}).get(i, "") for i in range(len(words))]
    doc = Doc(vocab, words=words, heads=[h for h, _, _ in arcs], deps=[d for _, d, _ in arcs],
              pos=[p for _, _, p in arcs], morphs=morph)
    if vocab is _EN_VOCAB:
        doc.user_data[SCHEME_KEY] = UD.name
    return doc


def _tok(doc: Any, text: str) -> Any:
    return next(t for t in doc if t.text == text)


# "The town was shelled by the army ." in UD: nsubj:pass, aux:pass, obl:agent with a case child.
def _ud_passive() -> Doc:
    return _ud("The town was shelled by the army .", [
        (1, "det", "DET"), (3, "nsubj:pass", "NOUN"), (3, "aux:pass", "AUX"), (3, "root", "VERB"),
        (6, "case", "ADP"), (6, "det", "DET"), (3, "obl:agent", "NOUN"), (3, "punct", "PUNCT")],
        morphs={3: "Tense=Past|VerbForm=Part|Voice=Pass"})


def test_the_scheme_follows_the_language_and_the_parsers_label_set(nlp: Any) -> None:
    assert scheme_of(nlp("Troops withdrew.")) is CLEARNLP
    assert scheme_for_labels(nlp.get_pipe("parser").labels) is CLEARNLP
    assert scheme_for_labels(["nsubj", "nsubj:pass", "obj", "obl", "case", "aux:pass"]) is UD
    french = Doc(spacy.blank("fr").vocab, words=["Les", "troupes", "partent"])
    assert scheme_of(french) is UD


def test_role_names_hold_both_schemes_labels_without_clashing_ones() -> None:
    assert {"dobj", "obj"} <= OBJECT and {"nsubjpass", "nsubj:pass"} <= PASSIVE_SUBJECT
    assert "nmod" not in OBJECT and "case" not in SUBJECTS


def test_the_possessive_s_is_a_marker_in_clearnlp_and_a_ud_case_word_is_a_preposition(nlp: Any) -> None:
    en = nlp("All the troops left Russia's border.")
    assert _tok(en, "'s").dep_ in scheme_of(en).possessive_marker
    assert _tok(en, "All").dep_ in PREDETERMINER and _tok(en, "the").dep_ in DETERMINER
    ud = _ud_passive()
    assert _tok(ud, "by").dep_ not in scheme_of(ud).possessive_marker


def test_a_passive_with_its_agent_reads_the_same_in_both_schemes(nlp: Any) -> None:
    en = nlp("The town was shelled by the army.")
    ud = _ud_passive()
    for doc in (en, ud):
        verb = _tok(doc, "shelled")
        assert is_passive(verb)
        assert subject(verb) is not None and subject(verb).text == "town"  # type: ignore[union-attr]
        assert [t.text for t in passive_agents(verb)] == ["army"]
        assert [(p.text, o.text) for p, o in prep_pairs(verb, {"by"})] == [("by", "army")]


def test_a_russian_passive_names_its_doer_in_the_instrumental_without_a_preposition() -> None:
    # "Город был обстрелян армией ." (the town was shelled by the army): obl in Case=Ins
    ru = _ud("Город был обстрелян армией .", [
        (2, "nsubj:pass", "NOUN"), (2, "aux:pass", "AUX"), (2, "ROOT", "VERB"), (2, "obl", "NOUN"), (2, "punct", "PUNCT")],
        morphs={2: "Aspect=Perf|VerbForm=Part|Voice=Pass", 3: "Case=Ins|Number=Sing"}, vocab=spacy.blank("ru").vocab)
    verb = ru[2]
    assert scheme_of(ru) is UD and is_passive(verb)
    assert [t.text for t in passive_agents(verb)] == ["армией"]
    # the same noun with a preposition ("с армией", together with the army) is no doer
    with_prep = _ud("Город был обстрелян с армией .", [
        (2, "nsubj:pass", "NOUN"), (2, "aux:pass", "AUX"), (2, "ROOT", "VERB"), (4, "case", "ADP"), (2, "obl", "NOUN"),
        (2, "punct", "PUNCT")], morphs={2: "VerbForm=Part|Voice=Pass", 4: "Case=Ins"}, vocab=spacy.blank("ru").vocab)
    assert passive_agents(with_prep[2]) == []


def test_an_active_verb_is_no_passive_in_either_scheme(nlp: Any) -> None:
    en = nlp("The army shelled the town.")
    ud = _ud("The army shelled the town .", [
        (1, "det", "DET"), (2, "nsubj", "NOUN"), (2, "root", "VERB"), (4, "det", "DET"), (2, "obj", "NOUN"),
        (2, "punct", "PUNCT")], morphs={2: "Tense=Past|VerbForm=Fin"})
    for doc in (en, ud):
        verb = _tok(doc, "shelled")
        assert not is_passive(verb)
        assert [t.text for t in objects(verb)] == ["town"] and passive_agents(verb) == []


def test_the_object_of_a_preposition_and_what_it_hangs_on_read_the_same(nlp: Any) -> None:
    en = nlp("Talks between Russia and Ukraine followed the deaths of 16 soldiers.")
    # UD: the noun hangs on its head (nmod), the preposition on the noun (case)
    ud = _ud("Talks between Russia and Ukraine followed the deaths of 16 soldiers .", [
        (5, "nsubj", "NOUN"), (2, "case", "ADP"), (0, "nmod", "PROPN"), (4, "cc", "CCONJ"), (2, "conj", "PROPN"),
        (5, "root", "VERB"), (7, "det", "DET"), (5, "obj", "NOUN"), (10, "case", "ADP"), (10, "nummod", "NUM"),
        (7, "nmod", "NOUN"), (5, "punct", "PUNCT")])
    for doc in (en, ud):
        talks, soldiers = _tok(doc, "Talks"), _tok(doc, "soldiers")
        assert [t.text for t in prep_objects(talks, {"between"})] == ["Russia"]
        assert prep_pairs(talks, {"among"}) == []
        assert prep_marker(soldiers).text == "of"  # type: ignore[union-attr]
        assert prep_governor(soldiers).text == "deaths"  # type: ignore[union-attr]
        assert prep_marker(_tok(doc, "deaths")) is None


def test_a_negated_verb_is_negated_in_both_schemes(nlp: Any) -> None:
    en = nlp("Russia did not attack the port.")
    # UD has no "neg": the negator is an adverb with Polarity=Neg
    ud = _ud("Russia did not attack the port .", [
        (3, "nsubj", "PROPN"), (3, "aux", "AUX"), (3, "advmod", "PART"), (3, "root", "VERB"), (5, "det", "DET"),
        (3, "obj", "NOUN"), (3, "punct", "PUNCT")], morphs={2: "Polarity=Neg"})
    for doc in (en, ud):
        assert has_negation(_tok(doc, "attack")) and is_negator(_tok(doc, "not"))


def test_a_plain_adverb_negates_nothing_in_either_scheme(nlp: Any) -> None:
    en = nlp("Russia also attacked the port.")
    ud = _ud("Russia also attacked the port .", [
        (2, "nsubj", "PROPN"), (2, "advmod", "ADV"), (2, "root", "VERB"), (4, "det", "DET"), (2, "obj", "NOUN"),
        (2, "punct", "PUNCT")])
    for doc in (en, ud):
        assert not has_negation(_tok(doc, "attacked"))


def test_the_infinitives_to_is_found_as_aux_or_as_mark(nlp: Any) -> None:
    en = nlp("They agreed to withdraw.")
    ud = _ud("They agreed to withdraw .", [
        (1, "nsubj", "PRON"), (1, "root", "VERB"), (3, "mark", "PART"), (1, "xcomp", "VERB"), (1, "punct", "PUNCT")])
    for doc in (en, ud):
        marker = infinitive_marker(_tok(doc, "withdraw"), {"to"})
        assert marker is not None and marker.text == "to"


def test_a_conditional_and_a_relative_clause_are_told_apart_in_both_schemes(nlp: Any) -> None:
    en = nlp("If they attack the town that was shelled, the army will respond.")
    ud = _ud("If they attack the town that was shelled , the army will respond .", [
        (2, "mark", "SCONJ"), (2, "nsubj", "PRON"), (12, "advcl", "VERB"), (4, "det", "DET"), (2, "obj", "NOUN"),
        (7, "nsubj:pass", "PRON"), (7, "aux:pass", "AUX"), (4, "acl:relcl", "VERB"), (12, "punct", "PUNCT"),
        (10, "det", "DET"), (12, "nsubj", "NOUN"), (12, "aux", "AUX"), (12, "root", "VERB"), (12, "punct", "PUNCT")],
        morphs={7: "Tense=Past|VerbForm=Part|Voice=Pass"})
    for doc in (en, ud):
        assert clause_kind(_tok(doc, "attack")) == CONDITIONAL
        assert clause_kind(_tok(doc, "shelled")) == RELATIVE
        assert clause_kind(_tok(doc, "respond")) == MAIN


def test_purpose_complement_and_plain_adverbial_clauses_get_their_kinds(nlp: Any) -> None:
    doc = nlp("They left early so they could rest, and said they would return after they ate.")
    assert clause_kind(_tok(doc, "rest")) == PURPOSE
    assert clause_kind(_tok(doc, "return")) == COMPLEMENT
    assert clause_kind(_tok(doc, "ate")) == ADVERBIAL
    order = nlp("The troops moved in order to protect the border.")
    assert clause_kind(_tok(order, "protect")) == PURPOSE


def test_a_condition_is_read_with_the_docs_own_subordinators() -> None:
    # "Si les rebelles attaquent , l' armée répondra ." / "Если боевики атакуют , армия ответит ."
    fr = _ud("Si les rebelles attaquent , l' armée répondra .", [
        (3, "mark", "SCONJ"), (2, "det", "DET"), (3, "nsubj", "NOUN"), (7, "advcl", "VERB"), (3, "punct", "PUNCT"),
        (6, "det", "DET"), (7, "nsubj", "NOUN"), (7, "ROOT", "VERB"), (7, "punct", "PUNCT")], vocab=spacy.blank("fr").vocab)
    ru = _ud("Если боевики атакуют , армия ответит .", [
        (2, "mark", "SCONJ"), (2, "nsubj", "NOUN"), (5, "advcl", "VERB"), (2, "punct", "PUNCT"), (5, "nsubj", "NOUN"),
        (5, "ROOT", "VERB"), (5, "punct", "PUNCT")], vocab=spacy.blank("ru").vocab)
    assert clause_kind(fr[3]) == CONDITIONAL and clause_kind(ru[2]) == CONDITIONAL
    # an English subordinator in a French Doc is no French condition, and a French one in English none
    en_word = _ud("If les rebelles attaquent , l' armée répondra .", [
        (3, "mark", "SCONJ"), (2, "det", "DET"), (3, "nsubj", "NOUN"), (7, "advcl", "VERB"), (3, "punct", "PUNCT"),
        (6, "det", "DET"), (7, "nsubj", "NOUN"), (7, "ROOT", "VERB"), (7, "punct", "PUNCT")], vocab=spacy.blank("fr").vocab)
    assert clause_kind(en_word[3]) == ADVERBIAL

