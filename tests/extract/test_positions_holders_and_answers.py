"""Who holds a stance the subject does not name, stances after a copula, issues told by a verb
and its object, and answers that point back to the stance they answer — real parses of
sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

_spec = importlib.util.spec_from_file_location("wardesk_positions_fakes",
                                               Path(__file__).with_name("positions_fakes.py"))
assert _spec is not None and _spec.loader is not None
fakes: Any = importlib.util.module_from_spec(_spec)
sys.modules["wardesk_positions_fakes"] = fakes
_spec.loader.exec_module(fakes)

pytestmark = pytest.mark.model

NAMES = {
    "moscow": "rus/gov/russia", "russian": "rus/gov/russia", "kyiv": "ukr/gov/ukraine",
    "chinese": "chn/gov/china", "egypt": "egy/gov/egypt", "pyongyang": "prk/gov/north-korea",
    "budapest": "hun/gov/hungary", "ankara": "tur/gov/turkey", "kim": "prk/gov/kim-jong-un", "authorities": "chn/gov/authorities",
    "trump": "usa/gov/donald-trump", "beijing": "chn/gov/china", "hamas": "pse/ins/hamas", "israel": "isr/gov/israel",
}


def _positions(nlp: Any, text: str) -> set[tuple[str | None, str, str]]:
    _, found = fakes.positions_of(nlp, text, NAMES)
    return {(p.holder, p.issue, p.stance) for p in found}


def test_asking_someone_for_something_demands_it(nlp: Any) -> None:
    assert ("prk/gov/kim-jong-un", "sanctions", "demand") in _positions(nlp, "Kim asked the American president for sanctions relief.")


def test_a_nationality_on_a_stance_noun_holds_it(nlp: Any) -> None:
    assert ("rus/gov/russia", "sanctions", "offer") in _positions(
        nlp, "The statement answered a Russian proposal to lift sanctions on fertiliser exports.")


def test_a_from_or_by_phrase_holds_a_stance_noun(nlp: Any) -> None:
    assert ("egy/gov/egypt", "ceasefire", "offer") in _positions(
        nlp, "A proposal from Egypt for a truce in Gaza was discussed on Monday.")


def test_a_nationalitys_side_speaks_for_it(nlp: Any) -> None:
    assert ("chn/gov/china", "import_price", "offer") in _positions(
        nlp, "The Chinese side proposed a minimum import price.")


def test_a_stance_participle_on_an_object_is_the_subjects(nlp: Any) -> None:
    assert ("prk/gov/north-korea", "sanctions", "demand") in _positions(
        nlp, "Pyongyang issued a statement demanding the lifting of sanctions.")


def test_being_against_something_opposes_it(nlp: Any) -> None:
    assert ("hun/gov/hungary", "sanctions", "oppose") in _positions(nlp, "Budapest is against new sanctions on Moscow.")


def test_it_is_time_to_asks_for_what_follows(nlp: Any) -> None:
    assert ("tur/gov/turkey", "ceasefire", "demand") in _positions(
        nlp, "Ankara said it is time to agree a truce in Gaza.")
    assert _positions(nlp, "It will take time to rebuild the bridge, Kyiv said.") == set()


def test_stopping_attacks_is_a_ceasefire_whatever_stands_between(nlp: Any) -> None:
    assert ("ukr/gov/ukraine", "ceasefire", "demand") in _positions(
        nlp, "Kyiv demanded that Moscow halt its relentless drone strikes.")
    assert ("ukr/gov/ukraine", "ceasefire", "demand") in _positions(
        nlp, "Kyiv called for an end to the Russian bombardment of its ports.")


def test_an_answer_that_points_back_takes_the_answered_issue(nlp: Any) -> None:
    assert ("usa/gov/donald-trump", "sanctions", "reject") in _positions(
        nlp, "Kim asked the American president for sanctions relief. Trump denied the request.")
    assert ("isr/gov/israel", "ceasefire", "reject") in _positions(nlp, "Hamas proposed a truce. Israel rejected it.")
    assert ("rus/gov/russia", "ceasefire", "reject") in _positions(nlp, "Kyiv offered a truce, but Moscow refused.")


def test_a_denied_claim_or_a_refusal_to_comment_answers_nothing(nlp: Any) -> None:
    assert {p for p in _positions(nlp, "Kyiv offered a truce. Moscow denied the allegation.")
            if p[0] == "rus/gov/russia"} == set()
    assert {p for p in _positions(nlp, "Kyiv offered a truce. Moscow refused to comment.")
            if p[0] == "rus/gov/russia"} == set()
    assert {p for p in _positions(nlp, "Kyiv offered a truce. Moscow rejected it.")
            if p[0] == "rus/gov/russia"} == {("rus/gov/russia", "ceasefire", "reject")}


def test_a_phone_call_is_no_call_for_anything(nlp: Any) -> None:
    assert {p for p in _positions(nlp, "Kyiv took a call from Moscow about the prisoners on Saturday.")
            if p[2] == "demand"} == set()
    assert ("ukr/gov/ukraine", "prisoners", "demand") in _positions(
        nlp, "The summit answered a call from Kyiv for more prisoner exchanges.")


def test_not_supportive_of_is_opposing(nlp: Any) -> None:
    assert ("chn/gov/china", "council_meeting", "oppose") in _positions(
        nlp, "Chinese diplomats said Beijing was not supportive of the council meeting.")


def test_its_time_with_a_contracted_copula_is_a_demand_of_the_one_who_wrote_it(nlp: Any) -> None:
    found = fakes.positions_of(nlp, "Ankara wrote on Monday that it’s time to stop the heinous and cruel attacks.", NAMES)[1]
    assert {(p.holder, p.issue, p.stance) for p in found} == {("tur/gov/turkey", "ceasefire", "demand")}
    assert found[0].text.endswith("cruel attacks")


def test_rejecting_a_pronoun_owned_offer_rejects_another_partys_offer(nlp: Any) -> None:
    found = _positions(nlp, "Kyiv kept up its pressure on Moscow, as Pyongyang rejected its offer for new nuclear talks.")
    assert ("prk/gov/north-korea", "nuclear_talk", "reject") in found
    assert ("rus/gov/russia", "nuclear_talk", "offer") in found
    assert ("prk/gov/north-korea", "nuclear_talk", "offer") not in found


def test_one_word_labels_for_talks_and_classifying_adjectives(nlp: Any) -> None:
    assert ("ukr/gov/ukraine", "talk", "support") in _positions(nlp, "Kyiv welcomed the offer of talks.")
    assert ("hun/gov/hungary", "military_cooperation", "oppose") in _positions(
        nlp, "Budapest opposes closer military cooperation with Moscow.")
    assert _positions(nlp, "Budapest welcomed diplomatic efforts.") == set()


def test_a_small_clause_adjective_is_its_own_subjects_stance(nlp: Any) -> None:
    found = _positions(nlp, "Kim said the crisis is making Beijing more supportive of sanctions relief.")
    assert ("chn/gov/china", "sanctions", "support") in found
    assert ("prk/gov/kim-jong-un", "sanctions", "support") not in found


def test_against_after_a_relative_pronoun_holds_no_stance(nlp: Any) -> None:
    assert _positions(nlp, "Anything that is against the sanctions is banned, Kim said.") == set()


def test_an_infinitive_with_a_misread_subject_opens_no_issue(nlp: Any) -> None:
    assert _positions(nlp, "Kim said he had sought to engage transparently with Chinese authorities to offer an impartial assessment of facts.") == set()


def test_a_stance_the_writer_guesses_at_is_not_stated(nlp: Any) -> None:
    assert _positions(nlp, "Kim may push for sanctions relief at the summit.") == set()
    assert ("prk/gov/kim-jong-un", "sanctions", "demand") in _positions(
        nlp, "Kim said Pyongyang may push for sanctions relief at the summit.") | _positions(
        nlp, "Kim pushed for sanctions relief at the summit.")


def test_what_must_go_on_or_stop_is_the_subject_of_the_modal(nlp: Any) -> None:
    assert ("ukr/gov/ukraine", "talk", "demand") in _positions(nlp, "Kyiv said talks with Moscow must continue.")
    assert ("ukr/gov/ukraine", "ceasefire", "demand") in _positions(nlp, "Kyiv said the Russian attacks must stop.")
    assert ("rus/gov/russia", "nato_membership", "oppose") in _positions(nlp, "Moscow said Kyiv must not join NATO.")


def test_talks_about_something_are_about_that_thing(nlp: Any) -> None:
    found = _positions(nlp, "Pyongyang said it opposes any negotiations on its ballistic missile programme.")
    assert ("prk/gov/north-korea", "missile_programme", "oppose") in found
    assert ("prk/gov/north-korea", "peace_deal", "oppose") not in found


def test_holding_someone_accountable_is_accountability(nlp: Any) -> None:
    assert ("ukr/gov/ukraine", "accountability", "demand") in _positions(
        nlp, "Kyiv urged Moscow to hold the perpetrators accountable.")


def test_a_stance_being_weighed_is_not_taken(nlp: Any) -> None:
    assert _positions(nlp, "Kim said the council should not consider offering premature sanctions relief.") \
        <= {("prk/gov/kim-jong-un", "sanctions", "oppose"), ("prk/gov/kim-jong-un", "sanctions", "demand")}
    assert _positions(nlp, "Budapest will consider accepting the truce.") == set()


def test_essential_to_a_thing_is_no_demand(nlp: Any) -> None:
    assert _positions(nlp, "Budapest is essential to Moscow's monitoring of the pipeline.") == set()
    assert ("hun/gov/hungary", "ceasefire", "demand") in _positions(
        nlp, "Budapest said it is essential that a truce is agreed.")


def test_an_intention_names_no_issue(nlp: Any) -> None:
    assert _positions(nlp, "Moscow said there is no threat unless Kyiv has the intention to invade.") == set()


def test_calling_a_thing_illegal_opposes_it(nlp: Any) -> None:
    assert ("rus/gov/russia", "sanctions", "oppose") in _positions(nlp, "Moscow called the new sanctions illegal.")
    assert ("ukr/gov/ukraine", "military_cooperation", "oppose") in _positions(
        nlp, "Kyiv warned that growing military cooperation between Moscow and Tehran is dangerous and illegal.")
    assert _positions(nlp, "The journey is illegal for most migrants, Kyiv said.") == set()


def test_looking_or_aiming_to_do_something_supports_it(nlp: Any) -> None:
    assert ("ukr/gov/ukraine", "nato_membership", "support") in _positions(nlp, "Kyiv is aiming to join NATO by 2030.")
    assert ("tur/gov/turkey", "relation", "support") in _positions(
        nlp, "Ankara is looking to repair strained relations with Israel.")
    assert _positions(nlp, "Moscow is looking to capture more villages.") == set()
    assert ("tur/gov/turkey", "sanctions", "support") not in _positions(
        nlp, "Ankara is looking to Trump to either veto any sanctions legislation or use his influence.")


def test_a_measure_threatened_on_a_condition_is_a_condition_on_it(nlp: Any) -> None:
    assert ("usa/gov/donald-trump", "tariffs", "condition") in _positions(
        nlp, "Trump said that if Europe keeps its levy on bourbon, he will impose a 200% tariff on French wine.")
    assert _positions(nlp, "Trump said he will impose a 200% tariff on French wine next week.") == set()


def test_the_influence_one_is_asked_to_use_is_no_issue(nlp: Any) -> None:
    assert _positions(nlp, "Kyiv urged Budapest to use its influence with Moscow.") == set()
