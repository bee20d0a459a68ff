"""Numbers: reading amounts (digits, words, vague words, qualifiers) and handing casualties,
crowd sizes and other counts to the right event, on real parses and the seed article."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wardesk.extract.numbers.quantities import find_quantities, parse_number


@pytest.mark.parametrize(("text", "expected"), [
    ("337", (337, "exact")), ("5,000", (5000, "exact")), ("1.5 million", (1500000, "exact")),
    ("twenty-five", (25, "exact")), ("three hundred and twenty", (320, "exact")),
    ("more than 10", (10, "at_least")), ("at least 12", (12, "at_least")),
    ("up to 40", (40, "at_most")), ("fewer than 5", (5, "at_most")),
    ("about 5,000", (5000, "about")), ("nearly 2,000", (2000, "about")),
    ("dozens", (24, "at_least")), ("a dozen", (12, "about")), ("hundreds", (200, "at_least")),
    ("tens of thousands", (20000, "at_least")), ("a hundred", (100, "exact")),
])
def test_parse_number(text: str, expected: tuple[int, str]) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["", "a", "troops", "the", "one two buckle"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def _token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


@pytest.mark.model
def test_seed_counts(nlp: Any, seed_text: str) -> None:
    doc = nlp(seed_text)
    table = find_quantities(doc)
    shot = table.counts_for(_token(doc, "shot"))
    assert {(q.value, q.unit, q.qualifier) for q in shot.quantities} >= {
        (337, "drones", "exact"), (10, "regions", "at_least")}
    # the next sentence refers back to "the attack": its casualties belong to this event too
    assert (shot.dead, shot.injured) == (1, 3)
    killed = table.counts_for(_token(doc, "killed"))
    assert (killed.dead, killed.injured) == (1, 3)
    damaged = table.counts_for(_token(doc, "damaged"))
    assert [(q.value, q.unit) for q in damaged.quantities] == [(7, "buildings")]
    meet = table.counts_for(next(t for t in doc if t.text == "meet" and t.nbor(1).text == "in"))
    assert [(q.value, q.qualifier) for q in meet.quantities] == [(30, "about")]
    assert meet.dead is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "dead", "injured", "size"), [
    ("At least 12 people were killed and more than 100 wounded in the strike.", "killed", 12, 100, None),
    ("Dozens were killed when the market was shelled.", "killed", 24, None, None),
    ("Two soldiers died in the ambush.", "died", 2, None, None),
    ("A crowd of about 5,000 protesters gathered in the square.", "gathered", None, None, 5000),
    ("The missile strike left nine people dead and 30 wounded.", "left", 9, 30, None),
    ("Artillery fire killed four civilians and injured 15 others, officials said.", "killed", 4, 15, None),
    ("The death toll rose to 45 on Tuesday.", "rose", 45, None, None),
    ("Russian drones killed three civilians.", "killed", 3, None, None),
    ("The minister met 40 ambassadors.", "met", None, None, None),
])
def test_casualties_and_crowds(nlp: Any, text: str, trigger: str, dead: int | None,
                               injured: int | None, size: int | None) -> None:
    doc = nlp(text)
    counts = find_quantities(doc).counts_for(_token(doc, trigger))
    assert (counts.dead, counts.injured, counts.size) == (dead, injured, size)


@pytest.mark.model
def test_casualties_do_not_leak_into_unrelated_sentences(nlp: Any) -> None:
    doc = nlp("The prime minister stressed the need for guarantees. The attack killed two people.")
    counts = find_quantities(doc).counts_for(_token(doc, "stressed"))
    assert counts.dead is None


@pytest.mark.model
def test_conjoined_casualties_add_up(nlp: Any) -> None:
    doc = nlp("Twelve soldiers and three civilians were killed in the raid.")
    assert find_quantities(doc).counts_for(_token(doc, "killed")).dead == 15


@pytest.mark.model
def test_a_condemnation_does_not_take_the_dead_of_the_killing_it_condemns(nlp: Any) -> None:
    doc = nlp("The envoy condemned the crackdown, as at least eight demonstrators were killed on Friday.")
    table = find_quantities(doc)
    assert table.counts_for(_token(doc, "condemned")).dead is None
    assert table.counts_for(_token(doc, "killed")).dead == 8


@pytest.mark.model
def test_animals_are_not_casualties(nlp: Any) -> None:
    doc = nlp("Thousands of dogs are killed for their meat every year.")
    assert find_quantities(doc).counts_for(_token(doc, "killed")).dead is None


@pytest.mark.model
def test_only_the_attack_a_sentence_names_inherits_the_next_sentences_dead(nlp: Any) -> None:
    doc = nlp("Troops freed the hostages during the operation. He said 21 passengers died in the attack.")
    assert find_quantities(doc).counts_for(_token(doc, "freed")).dead is None
    doc = nlp("Rebels launched an attack on the base. Four soldiers died in the attack.")
    assert find_quantities(doc).counts_for(_token(doc, "launched")).dead == 4


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "dead", "injured"), [
    ("No one was injured in the blast.", "injured", None, 0),
    ("The army said no passengers were killed during the operation.", "killed", 0, None),
])
def test_no_casualties_is_zero(nlp: Any, text: str, trigger: str, dead: int | None, injured: int | None) -> None:
    doc = nlp(text)
    counts = find_quantities(doc).counts_for(_token(doc, trigger))
    assert (counts.dead, counts.injured) == (dead, injured)


_WORDS = ["the", "capital", "Russia", "said", "two", "killed", "in", "Kyiv", "no", "one", "was",
          "injured", "dozens", "of", "drones", "on", "Monday", "attack", ".", "more", "than", "10"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=20))
def test_unparsed_docs_never_fail(words: list[str]) -> None:
    """Docs with no parse and no sentence boundaries: every table still answers."""
    import spacy

    from wardesk.extract.places.mentions import find_places
    from wardesk.extract.time.dates import find_dates

    doc = spacy.blank("en")(" ".join(words))
    dates, places, numbers = find_dates(doc, "2025-03-11"), find_places(doc), find_quantities(doc)
    for token in doc:
        dates.date_for(token)
        places.place_for(token)
        numbers.counts_for(token)


@pytest.mark.model
def test_harm_nouns_and_compound_amounts(nlp: Any) -> None:
    doc = nlp("The raid resulted in the deaths of 16 militants.")
    assert find_quantities(doc).counts_for(_token(doc, "raid")).dead == 16
    doc = nlp("The convoy came under attack, resulting in injuries to eight police officers.")
    assert find_quantities(doc).counts_for(_token(doc, "attack")).injured == 8
    doc = nlp("Envoys from more than two dozen countries attended the meeting.")
    [q] = find_quantities(doc).counts_for(_token(doc, "attended")).quantities
    assert (q.value, q.unit, q.qualifier) == (24, "countries", "at_least")


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "size"), [
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in the capital.", "demonstrated", 100),
    ("Authorities deported 168 migrants on Monday.", "deported", 168),
    ("About 1,000 workers began a hunger strike.", "began", 1000),
])
def test_size_as_plover_counts_it(nlp: Any, text: str, trigger: str, size: int) -> None:
    doc = nlp(text)
    assert find_quantities(doc).counts_for(_token(doc, trigger)).size == size


@pytest.mark.model
@pytest.mark.parametrize(("text", "trigger", "dead", "injured"), [
    ("A prominent journalist has been killed in a car bomb explosion.", "killed", 1, None),
    ("Gunmen killed the deputy chief of the militia.", "killed", 1, None),
    ("The war killed the economy.", "killed", None, None),
])
def test_one_named_victim_is_one(nlp: Any, text: str, trigger: str, dead: int | None, injured: int | None) -> None:
    doc = nlp(text)
    counts = find_quantities(doc).counts_for(_token(doc, trigger))
    assert (counts.dead, counts.injured) == (dead, injured)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Prosecutors say the men hired him to kill the journalist.",
    "The militants could kill dozens of hostages.",
])
def test_killings_that_did_not_happen_count_no_dead(nlp: Any, text: str) -> None:
    doc = nlp(text)
    assert find_quantities(doc).counts_for(_token(doc, "kill")).dead is None
