"""Actor resolution on hand-built Docs (no model): roles from titles and appositions, countries
from demonyms, possessives and capitals, later mentions, conjuncts, pronouns and known people.
The people here are fictional, so right answers cannot come from the office table."""

from __future__ import annotations

from typing import Any

from spacy.lang.en import English
from spacy.tokens import Doc

from wardesk.extract.actors.resolve import find_actors
from wardesk.extract.layers import KnownPerson
from wardesk.kb import load_kb

VOCAB = English().vocab  # English lexical attributes (lower_, is_punct) without any model
Row = tuple[str, str, str, int, str]  # word, tag, dep, head (absolute index), IOB entity


def build(rows: list[Row], sent_starts: list[int] = (0,)) -> Any:  # type: ignore[assignment]
    return Doc(
        VOCAB, words=[r[0] for r in rows], tags=[r[1] for r in rows], deps=[r[2] for r in rows],
        heads=[r[3] for r in rows], ents=[r[4] for r in rows],
        lemmas=[r[0].lower().rstrip("s") if r[1] == "NNS" else r[0].lower() for r in rows],
        sent_starts=[i in sent_starts for i in range(len(rows))],
        spaces=[i + 1 < len(rows) and rows[i + 1][0] not in ("'s", ".", ",") for i in range(len(rows))],
    )


def actors_of(doc: Any, known: dict[str, KnownPerson] | None = None) -> Any:
    return find_actors(doc, load_kb(), known or {})


def by_name(table: Any) -> dict[str, Any]:
    return {a.name: a for a in table.actors}


def test_possessive_country_and_title_before_a_name() -> None:
    doc = build([
        ("Moldova", "NNP", "poss", 3, "B-GPE"), ("'s", "POS", "case", 0, "O"),
        ("foreign", "JJ", "amod", 3, "O"), ("minister", "NN", "compound", 5, "O"),
        ("Ilie", "NNP", "compound", 5, "B-PERSON"), ("Vrabie", "NNP", "nsubj", 6, "I-PERSON"),
        ("said", "VBD", "ROOT", 6, "O"), (".", ".", "punct", 6, "O"),
    ])
    actor = by_name(actors_of(doc))["Ilie Vrabie"]
    assert (actor.id, actor.country, actor.sector, actor.role) == (
        "mda/gov/ilie-vrabie", "MDA", "GOV", "foreign minister")
    assert "Moldova's foreign minister Ilie Vrabie" in actor.aliases


def test_his_chief_of_staff_takes_the_possessors_country_and_surname_reuses_the_actor() -> None:
    doc = build([
        ("Moldovan", "JJ", "amod", 3, "B-NORP"), ("President", "NNP", "compound", 3, "O"),
        ("Tomas", "NNP", "compound", 3, "B-PERSON"), ("Varga", "NNP", "nsubj", 4, "I-PERSON"),
        ("sent", "VBD", "ROOT", 4, "O"), ("his", "PRP$", "poss", 6, "O"),
        ("chief", "NN", "dobj", 4, "O"), ("of", "IN", "prep", 6, "O"), ("staff", "NN", "pobj", 7, "O"),
        ("Ilya", "NNP", "compound", 10, "B-PERSON"), ("Brenko", "NNP", "appos", 6, "I-PERSON"),
        (".", ".", "punct", 4, "O"),
        ("Brenko", "NNP", "nsubj", 13, "B-PERSON"), ("spoke", "VBD", "ROOT", 13, "O"),
        (".", ".", "punct", 13, "O"),
    ], sent_starts=[0, 12])
    table = actors_of(doc)
    brenko = by_name(table)["Ilya Brenko"]
    assert (brenko.country, brenko.sector, brenko.role) == ("MDA", "GOV", "chief of staff")
    assert [m.text for m in brenko.mentions] == ["Ilya Brenko", "Brenko"]
    assert table.refs(doc[12])[0].actor == brenko.id
    varga = by_name(table)["Tomas Varga"]
    assert (varga.country, varga.role) == ("MDA", "President")


def test_demonym_conjuncts_give_one_ref_per_country() -> None:
    doc = build([
        ("Hungarian", "JJ", "amod", 3, "B-NORP"), ("and", "CC", "cc", 0, "O"),
        ("Romanian", "JJ", "conj", 0, "B-NORP"), ("officials", "NNS", "nsubj", 4, "O"),
        ("met", "VBD", "ROOT", 4, "O"),
    ])
    refs = actors_of(doc).refs(doc[3])
    assert [(r.actor, r.code, r.sector) for r in refs] == [
        ("hun/gov/officials", "HUN", "GOV"), ("rou/gov/officials", "ROU", "GOV")]
    assert refs[0].actorText == "Hungarian and Romanian officials"


def test_institution_with_possessive_country_is_mil() -> None:
    doc = build([
        ("Russia", "NNP", "poss", 3, "B-GPE"), ("'s", "POS", "case", 0, "O"),
        ("defence", "NN", "compound", 3, "O"), ("ministry", "NN", "nsubj", 4, "O"),
        ("said", "VBD", "ROOT", 4, "O"),
    ])
    (ref,) = actors_of(doc).refs(doc[3])
    assert (ref.actor, ref.code, ref.sector, ref.actorText) == (
        "rus/mil/defence-ministry", "RUS", "MIL", "Russia's defence ministry")


def test_capital_and_seat_stand_for_governments_but_a_place_is_no_actor() -> None:
    doc = build([
        ("Kyiv", "NNP", "nsubj", 1, "B-GPE"), ("said", "VBD", "ROOT", 1, "O"),
        ("the", "DT", "det", 3, "O"), ("Kremlin", "NNP", "nsubj", 4, "B-ORG"),
        ("attacked", "VBD", "ccomp", 1, "O"), ("targets", "NNS", "dobj", 4, "O"),
        ("in", "IN", "prep", 5, "O"), ("Ukraine", "NNP", "pobj", 6, "B-GPE"),
    ])
    table = actors_of(doc)
    assert table.refs(doc[0])[0].actor == "ukr/gov/ukraine"
    assert table.refs(doc[3])[0].actor == "rus/gov/kremlin"
    (place,) = table.refs(doc[7])
    assert place.actor is None and place.code == "UKR"
    ukraine = by_name(table)["Ukraine"]
    assert [m.text for m in ukraine.mentions] == ["Kyiv"]


def test_bare_title_finds_the_articles_office_holder() -> None:
    doc = build([
        ("Prime", "NNP", "compound", 1, "O"), ("Minister", "NNP", "compound", 3, "O"),
        ("Ana", "NNP", "compound", 3, "B-PERSON"), ("Lind", "NNP", "nsubj", 4, "I-PERSON"),
        ("left", "VBD", "ROOT", 4, "O"), (".", ".", "punct", 4, "O"),
        ("The", "DT", "det", 7, "O"), ("PM", "NNP", "nsubj", 8, "O"), ("said", "VBD", "ROOT", 8, "O"),
        ("he", "PRP", "nsubj", 10, "O"), ("agreed", "VBD", "ccomp", 8, "O"),
    ], sent_starts=[0, 6])
    table = actors_of(doc)
    lind = by_name(table)["Ana Lind"]
    assert table.refs(doc[7])[0].actor == lind.id
    assert "The PM" in [m.text for m in lind.mentions]
    assert table.refs(doc[9])[0].actor == lind.id  # "he" → the subject of the sentence before


def test_plain_nouns_with_no_owner_name_no_actor() -> None:
    doc = build([("officials", "NNS", "nsubj", 1, "O"), ("said", "VBD", "ROOT", 1, "O")])
    table = actors_of(doc)
    assert table.refs(doc[0]) == () and table.actors == ()


def test_known_person_from_an_earlier_article_fills_country_and_sector() -> None:
    doc = build([
        ("Danek", "NNP", "nsubj", 1, "B-PERSON"), ("said", "VBD", "ROOT", 1, "O"),
        ("the", "DT", "det", 3, "O"), ("talks", "NNS", "nsubj", 4, "O"), ("failed", "VBD", "ccomp", 1, "O"),
    ])
    known = {k: KnownPerson("Ivo Danek", "CZE", "GOV", "foreign minister") for k in ("ivo danek", "danek")}
    (ref,) = actors_of(doc, known).refs(doc[0])
    assert (ref.actor, ref.code, ref.sector) == ("cze/gov/ivo-danek", "CZE", "GOV")


def test_refs_in_lists_each_actor_once_in_order() -> None:
    doc = build([
        ("NATO", "NNP", "nsubj", 1, "B-ORG"), ("and", "CC", "cc", 0, "O"), ("Nato", "NNP", "conj", 0, "B-ORG"),
        ("met", "VBD", "ROOT", 3, "O"), ("Kyiv", "NNP", "dobj", 3, "B-GPE"),
    ])
    table = actors_of(doc)
    refs = table.refs_in(0, len(doc.text))
    assert [r.actor for r in refs] == ["igo/igo/nato", "ukr/gov/ukraine"]
    nato = by_name(table)["NATO"]
    assert nato.aliases == ("Nato",) and len(nato.mentions) == 2


def test_a_person_before_an_institution_owns_it() -> None:
    doc = build([
        ("Moldovan", "JJ", "amod", 2, "B-NORP"), ("President", "NNP", "compound", 2, "O"),
        ("Varga", "NNP", "nsubj", 3, "B-PERSON"), ("left", "VBD", "ROOT", 3, "O"), (".", ".", "punct", 3, "O"),
        ("The", "DT", "det", 7, "O"), ("Varga", "NNP", "compound", 7, "B-PERSON"),
        ("administration", "NN", "nsubj", 8, "O"), ("said", "VBD", "ROOT", 8, "O"),
    ], sent_starts=[0, 5])
    (ref,) = actors_of(doc).refs(doc[7])
    assert (ref.actor, ref.code, ref.sector) == ("mda/gov/government", "MDA", "GOV")


def test_a_lone_name_after_in_is_a_place_not_a_person() -> None:
    doc = build([
        ("Refugees", "NNS", "nsubj", 1, "O"), ("live", "VBP", "ROOT", 1, "O"),
        ("in", "IN", "prep", 1, "O"), ("Dadaab", "NNP", "pobj", 2, "B-PERSON"),
    ])
    assert [a.name for a in actors_of(doc).actors] == []


def test_a_demonym_on_a_non_actor_noun_names_the_country_acting() -> None:
    doc = build([
        ("a", "DT", "det", 3, "O"), ("Ukrainian", "JJ", "amod", 3, "B-NORP"),
        ("drone", "NN", "compound", 3, "O"), ("attack", "NN", "nsubj", 4, "O"),
        ("hit", "VBD", "ROOT", 4, "O"), ("Moscow", "NNP", "dobj", 4, "B-GPE"),
        ("He", "PRP", "nsubj", 7, "O"), ("speaks", "VBZ", "ROOT", 7, "O"), ("English", "NNP", "dobj", 7, "B-NORP"),
    ], sent_starts=[0, 6])
    table = actors_of(doc)
    assert [r.actor for r in table.refs(doc[1])] == ["ukr/gov/ukraine"]
    assert table.refs(doc[2]) == ()  # "drone" only modifies "attack"
    assert [r.actor for r in table.refs(doc[5])] == ["rus/gov/russia"]
    assert table.refs(doc[8]) == ()  # a language


def test_leader_of_a_body_stands_for_it_and_a_countrys_leader_is_its_named_leader() -> None:
    doc = build([
        ("US", "NNP", "compound", 2, "B-GPE"), ("President", "NNP", "compound", 2, "O"),
        ("Kreml", "NNP", "nsubj", 3, "B-PERSON"), ("spoke", "VBD", "ROOT", 3, "O"), (".", ".", "punct", 3, "O"),
        ("The", "DT", "det", 6, "O"), ("leader", "NN", "nsubj", 9, "O"), ("of", "IN", "prep", 6, "O"),
        ("ISIS", "NNP", "pobj", 7, "B-ORG"), ("died", "VBD", "ROOT", 9, "O"), (".", ".", "punct", 9, "O"),
        ("The", "DT", "det", 13, "O"), ("US", "NNP", "compound", 13, "B-GPE"), ("leader", "NN", "nsubj", 14, "O"),
        ("agreed", "VBD", "ROOT", 14, "O"),
    ], sent_starts=[0, 5, 11])
    table = actors_of(doc)
    kreml = by_name(table)["Kreml"]
    assert [r.actor for r in table.refs(doc[6])] == ["irq/ins/islamic-state"]  # stands for ISIS
    assert [r.actor for r in table.refs(doc[13])] == [kreml.id]


def test_a_body_in_a_list_is_not_a_modifier_of_the_next_phrase() -> None:
    doc = build([
        ("on", "IN", "ROOT", 0, "O"), ("Ukraine", "NNP", "pobj", 0, "B-GPE"), (",", ",", "punct", 1, "O"),
        ("G7", "NNP", "compound", 5, "B-ORG"), ("foreign", "JJ", "amod", 5, "O"),
        ("ministers", "NNS", "conj", 1, "O"),
    ])
    (ref,) = actors_of(doc).refs(doc[5])
    assert (ref.actor, ref.actorText) == ("igo/igo/g7", "G7 foreign ministers")


def test_apposition_with_a_bodys_title_and_a_surname_the_ner_missed() -> None:
    doc = build([
        ("Ana", "NNP", "compound", 1, "B-PERSON"), ("Moreno", "NNP", "nsubj", 7, "I-PERSON"),
        (",", ",", "punct", 1, "O"), ("UNICEF", "NNP", "poss", 6, "B-ORG"), ("'s", "POS", "case", 3, "O"),
        ("executive", "JJ", "amod", 6, "O"), ("director", "NN", "appos", 1, "O"),
        ("said", "VBD", "ROOT", 7, "O"), (".", ".", "punct", 7, "O"),
        ("Moreno", "NNP", "nsubj", 10, "B-ORG"), ("left", "VBD", "ROOT", 10, "O"),
    ], sent_starts=[0, 9])
    table = actors_of(doc)
    moreno = by_name(table)["Ana Moreno"]
    assert (moreno.country, moreno.sector, moreno.role) == ("IGO", "IGO", "executive director")
    assert [r.actor for r in table.refs(doc[9])] == [moreno.id]


def test_a_national_title_with_nobody_named_is_the_office_holder_on_the_publication_date() -> None:
    doc = build([
        ("The", "DT", "det", 2, "O"), ("Israeli", "JJ", "amod", 2, "B-NORP"), ("leader", "NN", "nsubj", 3, "O"),
        ("said", "VBD", "ROOT", 3, "O"), ("the", "DT", "det", 6, "O"), ("German", "JJ", "amod", 6, "B-NORP"),
        ("chancellor", "NN", "nsubj", 7, "O"), ("lied", "VBD", "ccomp", 3, "O"),
    ])
    table = find_actors(doc, load_kb(), {}, "2025-06-01")
    assert [r.actor for r in table.refs(doc[2])] == ["isr/gov/benjamin-netanyahu"]
    assert [r.actor for r in table.refs(doc[6])] == ["deu/gov/friedrich-merz"]
    assert [m.text for m in by_name(table)["Benjamin Netanyahu"].mentions] == ["The Israeli leader"]
