"""Actor coverage beyond named people: "it"/"they" standing for a body or country, an unnamed
title holder acting for the country named before it, and office holders' surnames the NER took
for places. Hand-built Docs, no model."""

from __future__ import annotations

from typing import Any

from spacy.lang.en import English
from spacy.tokens import Doc

from wardesk.extract.actors.resolve import find_actors
from wardesk.kb import load_kb

VOCAB = English().vocab
Row = tuple[str, str, str, int, str]  # word, tag, dep, head (absolute index), IOB entity
LEMMAS = {"said": "say", "says": "say", "would": "would", "is": "be", "was": "be", "has": "have"}


def build(rows: list[Row], sent_starts: tuple[int, ...] = (0,)) -> Any:
    return Doc(
        VOCAB, words=[r[0] for r in rows], tags=[r[1] for r in rows], deps=[r[2] for r in rows],
        heads=[r[3] for r in rows], ents=[r[4] for r in rows],
        lemmas=[r[0].lower().rstrip("s") if r[1] == "NNS" else LEMMAS.get(r[0].lower(), r[0].lower())
                for r in rows],
        sent_starts=[i in sent_starts for i in range(len(rows))],
        spaces=[i + 1 < len(rows) and rows[i + 1][0] not in ("'s", ".", ",") for i in range(len(rows))],
    )


def refs(doc: Any, i: int, when: str | None = None) -> list[tuple[str | None, str | None]]:
    table = find_actors(doc, load_kb(), {}, when)
    return [(r.code, r.sector) for r in table.refs(doc[i])]


def _said_it(subject: Row, pronoun: str, verb: str = "freed") -> list[Row]:
    return [subject, ("said", "VBD", "ROOT", 1, "O"), (pronoun, "PRP", "nsubj", 4, "O"),
            ("had", "VBD", "aux", 4, "O"), (verb, "VBN", "ccomp", 1, "O"), (".", ".", "punct", 1, "O")]


def test_it_in_a_reported_clause_is_the_body_that_reports() -> None:
    doc = build(_said_it(("Hamas", "NNP", "nsubj", 1, "B-ORG"), "it"))
    assert refs(doc, 2) == [("PSE", "INS")]


def test_they_after_a_plural_group_noun_and_not_after_a_person() -> None:
    rows = [("Ukrainian", "JJ", "amod", 1, "B-NORP"), ("officials", "NNS", "nsubj", 2, "O"),
            ("said", "VBD", "ROOT", 2, "O"), ("they", "PRP", "nsubj", 4, "O"),
            ("agreed", "VBD", "ccomp", 2, "O"), (".", ".", "punct", 2, "O")]
    assert refs(build(rows), 3) == [("UKR", "GOV")]
    person = build(_said_it(("Smith", "NNP", "nsubj", 1, "B-PERSON"), "it"))
    assert refs(person, 2) == []


def test_it_does_not_take_a_plural_antecedent_nor_stand_for_nothing() -> None:
    rows = [("Rebels", "NNS", "nsubj", 1, "O"), ("said", "VBD", "ROOT", 1, "O"),
            ("it", "PRP", "nsubj", 3, "O"), ("was", "VBD", "ccomp", 1, "O"), ("over", "RB", "acomp", 3, "O"),
            (".", ".", "punct", 1, "O")]
    assert refs(build(rows), 2) == []


def test_it_as_the_next_sentences_first_subject_is_the_previous_subject() -> None:
    rows = [("Russia", "NNP", "nsubj", 1, "B-GPE"), ("fired", "VBD", "ROOT", 1, "O"),
            ("drones", "NNS", "dobj", 1, "O"), (".", ".", "punct", 1, "O"),
            ("It", "PRP", "nsubj", 5, "O"), ("denied", "VBD", "ROOT", 5, "O"),
            ("losses", "NNS", "dobj", 5, "O"), (".", ".", "punct", 5, "O")]
    assert refs(build(rows, (0, 4)), 4) == [("RUS", "GOV")]


def test_a_told_object_blocks_the_pronoun() -> None:
    rows = [("Russia", "NNP", "nsubj", 1, "B-GPE"), ("told", "VBD", "ROOT", 1, "O"),
            ("Iran", "NNP", "dobj", 1, "B-GPE"), ("it", "PRP", "nsubj", 4, "O"),
            ("erred", "VBD", "ccomp", 1, "O"), (".", ".", "punct", 1, "O")]
    assert refs(build(rows), 3) == []


def test_an_unnamed_title_holder_acts_for_the_country_before_it() -> None:
    rows = [("Kenya", "NNP", "poss", 3, "B-GPE"), ("'s", "POS", "case", 0, "O"),
            ("UN", "NNP", "compound", 3, "B-ORG"), ("envoy", "NN", "nsubj", 4, "O"),
            ("said", "VBD", "ROOT", 4, "O"), (".", ".", "punct", 4, "O")]
    assert refs(build(rows), 3) == [("KEN", "GOV")]


def test_a_title_in_apposition_leaves_the_person_as_the_actor() -> None:
    rows = [("Tomas", "NNP", "compound", 1, "B-PERSON"), ("Brenko", "NNP", "nsubj", 6, "I-PERSON"),
            (",", ",", "punct", 1, "O"), ("a", "DT", "det", 5, "O"), ("Kenyan", "JJ", "amod", 5, "B-NORP"),
            ("diplomat", "NN", "appos", 1, "O"), ("said", "VBD", "ROOT", 6, "O"), (".", ".", "punct", 6, "O")]
    table = find_actors(build(rows), load_kb(), {})
    assert [a.kind for a in table.actors if a.id.endswith("/diplomat")] == []


def test_an_office_holders_surname_tagged_as_a_place_is_the_person() -> None:
    rows = [("Erdogan", "NNP", "nsubj", 1, "B-GPE"), ("said", "VBD", "ROOT", 1, "O"),
            (".", ".", "punct", 1, "O")]
    assert refs(build(rows), 0, "2025-03-01") == [("TUR", "GOV")]


def test_a_capital_as_subject_is_its_government_but_not_as_a_place() -> None:
    said = [("Nairobi", "NNP", "nsubj", 1, "B-GPE"), ("rejected", "VBD", "ROOT", 1, "O"),
            ("it", "PRP", "dobj", 1, "O"), (".", ".", "punct", 1, "O")]
    assert refs(build(said), 0) == [("KEN", "GOV")]
    place = [("Troops", "NNS", "nsubj", 1, "O"), ("massed", "VBD", "ROOT", 1, "O"),
             ("in", "IN", "prep", 1, "O"), ("Bamako", "NNP", "pobj", 2, "B-GPE"), (".", ".", "punct", 1, "O")]
    table = find_actors(build(place), load_kb(), {})
    assert [r.actor for r in table.refs(build(place)[3])] in ([], [None])
    assert not any(a.country == "MLI" for a in table.actors)


def test_its_forces_in_a_reported_clause_are_the_reporters_but_not_as_an_object() -> None:
    said = [("Russia", "NNP", "nsubj", 1, "B-GPE"), ("said", "VBD", "ROOT", 1, "O"),
            ("its", "PRP$", "poss", 3, "O"), ("forces", "NNS", "nsubj", 4, "O"),
            ("advanced", "VBD", "ccomp", 1, "O"), (".", ".", "punct", 1, "O")]
    assert refs(build(said), 3) == [("RUS", "MIL")]
    hit = [("Hamas", "NNP", "nsubj", 1, "B-ORG"), ("attacked", "VBD", "ROOT", 1, "O"),
           ("its", "PRP$", "poss", 3, "O"), ("forces", "NNS", "dobj", 1, "O"), (".", ".", "punct", 1, "O")]
    assert refs(build(hit), 3) == []
