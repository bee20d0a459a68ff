"""Event coding on hand-built Docs: audiences and idioms that are no consultation,
"came under attack", topic objects, reduced passives, verb + complement entries, warnings
without a threat, inability is no refusal, charges and "without" are no second event."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from wardesk.extract.events.build import find_events
from wardesk.records import ActorRef

_spec = importlib.util.spec_from_file_location("wardesk_events_fakes_r2", Path(__file__).with_name("events_fakes.py"))
assert _spec is not None and _spec.loader is not None
fakes: Any = importlib.util.module_from_spec(_spec)
sys.modules["wardesk_events_fakes_r2"] = fakes
_spec.loader.exec_module(fakes)
build, ref, layers = fakes.build, fakes.ref, fakes.layers

RUS, UKR, USA, PAK = ref("RUS"), ref("UKR"), ref("USA"), ref("PAK")


def codes(refs: Any) -> list[str]:
    return [r.code for r in refs]


def test_speaking_to_reporters_is_not_a_consultation() -> None:
    doc = build("Khan|PROPN|NNP|nsubj|1 spoke|VERB|VBD|ROOT|1|speak to|ADP|IN|prep|1 "
                "reporters|NOUN|NNS|pobj|2|reporter .|PUNCT|.|punct|1")
    assert find_events(layers(doc, {0: (PAK,)}), "a1") == ()


def test_speaking_to_a_minister_still_is() -> None:
    doc = build("Khan|PROPN|NNP|nsubj|1 spoke|VERB|VBD|ROOT|1|speak to|ADP|IN|prep|1 "
                "Lavrov|PROPN|NNP|pobj|2 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (PAK,), 3: (RUS,)}), "a1")
    assert ev.event == "CONSULT" and codes(ev.target) == ["RUS"]


def test_as_we_speak_is_a_time_clause() -> None:
    doc = build("Kyiv|PROPN|NNP|nsubj|1 waits|VERB|VBZ|ROOT|1|wait as|SCONJ|IN|mark|4 we|PRON|PRP|nsubj|4 "
                "speak|VERB|VBP|advcl|1 .|PUNCT|.|punct|1")
    assert find_events(layers(doc, {0: (UKR,)}), "a1") == ()


def test_the_subject_that_came_under_attack_is_the_target() -> None:
    doc = build("The|DET|DT|det|1 convoy|NOUN|NN|nsubj|2 came|VERB|VBD|ROOT|2|come under|ADP|IN|prep|2 "
                "attack|NOUN|NN|pobj|3 .|PUNCT|.|punct|2")
    (ev,) = find_events(layers(doc, {1: (PAK,)}), "a1")
    assert ev.event == "ASSAULT" and ev.source == () and codes(ev.target) == ["PAK"]


def test_what_is_discussed_is_the_topic_not_the_partner() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 discussed|VERB|VBD|ROOT|1|discuss aid|NOUN|NN|dobj|1 "
                "for|ADP|IN|prep|2 Ukraine|PROPN|NNP|pobj|3 with|ADP|IN|prep|1 "
                "America|PROPN|NNP|pobj|5 .|PUNCT|.|punct|1")
    evs = [e for e in find_events(layers(doc, {0: (RUS,), 4: (UKR,), 6: (USA,)}), "a1") if e.event == "CONSULT"]
    assert len(evs) == 1 and codes(evs[0].target) == ["USA"]


def test_reduced_passive_release_targets_the_noun_it_modifies() -> None:
    doc = build("Captives|NOUN|NNS|nsubj|3|captive released|VERB|VBN|acl|0|release by|ADP|IN|agent|1 "
                "arrived|VERB|VBD|ROOT|3|arrive .|PUNCT|.|punct|3")
    (ev,) = [e for e in find_events(layers(doc, {0: (UKR,)}), "a1") if e.event == "RETREAT"]
    assert codes(ev.target) == ["UKR"]


def test_evidence_that_was_released_frees_nobody() -> None:
    doc = build("No|DET|DT|det|1 evidence|NOUN|NN|nsubjpass|4 has|AUX|VBZ|aux|4|have been|AUX|VBN|auxpass|4|be "
                "released|VERB|VBN|ROOT|4|release by|ADP|IN|agent|4 Russia|PROPN|NNP|pobj|5 .|PUNCT|.|punct|4")
    assert find_events(layers(doc, {6: (RUS,)}), "a1") == ()


def test_found_guilty_is_an_accusation() -> None:
    doc = build("Court|PROPN|NNP|nsubj|1 found|VERB|VBD|ROOT|1|find Ivanov|PROPN|NNP|dobj|1 "
                "guilty|ADJ|JJ|oprd|1 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (UKR,), 2: (RUS,)}), "a1")
    assert ev.event == "ACCUSE" and codes(ev.source) == ["UKR"] and codes(ev.target) == ["RUS"]


def test_a_warning_about_a_situation_threatens_nobody() -> None:
    doc = build("Guterres|PROPN|NNP|nsubj|1 warned|VERB|VBD|ROOT|1|warn that|SCONJ|IN|mark|6 "
                "the|DET|DT|det|4 situation|NOUN|NN|nsubj|6 could|AUX|MD|aux|6 worsen|VERB|VB|ccomp|1 "
                ".|PUNCT|.|punct|1")
    assert find_events(layers(doc, {0: (ref("IGO", "IGO"),)}), "a1") == ()


def test_a_warning_that_an_actor_will_act_is_kept() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 warned|VERB|VBD|ROOT|1|warn that|SCONJ|IN|mark|5 "
                "it|PRON|PRP|nsubj|5 would|AUX|MD|aux|5 respond|VERB|VB|ccomp|1 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (RUS,)}), "a1")
    assert ev.event == "THREATEN" and codes(ev.source) == ["RUS"]


def test_cannot_take_part_is_no_refusal() -> None:
    doc = build("Members|NOUN|NNS|nsubj|3|member can|AUX|MD|aux|3 not|PART|RB|neg|3 "
                "negotiate|VERB|VB|ROOT|3 .|PUNCT|.|punct|3")
    assert find_events(layers(doc, {0: (RUS,)}), "a1") == ()


def test_will_not_negotiate_is_a_refusal() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|3 will|AUX|MD|aux|3 not|PART|RB|neg|3 "
                "negotiate|VERB|VB|ROOT|3 .|PUNCT|.|punct|3")
    (ev,) = find_events(layers(doc, {0: (RUS,)}), "a1")
    assert ev.event == "REJECT"


def test_the_charge_of_an_arrest_is_not_a_second_event() -> None:
    doc = build("Police|NOUN|NNS|nsubj|1|police arrested|VERB|VBD|ROOT|1|arrest Ivanov|PROPN|NNP|dobj|1 "
                "for|ADP|IN|prep|1 attacking|VERB|VBG|pcomp|3|attack Kyiv|PROPN|NNP|dobj|4 .|PUNCT|.|punct|1")
    evs = find_events(layers(doc, {0: (UKR,), 2: (RUS,), 5: (UKR,)}), "a1")
    assert [e.event for e in evs] == ["COERCE"]


def test_what_was_done_without_is_no_event() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 gave|VERB|VBD|ROOT|1|give arms|NOUN|NNS|dobj|1|arm "
                "without|ADP|IN|prep|1 demanding|VERB|VBG|pcomp|3|demand payment|NOUN|NN|dobj|4 "
                ".|PUNCT|.|punct|1")
    assert all(e.event != "REQUEST" for e in find_events(layers(doc, {0: (RUS,)}), "a1"))


def test_a_statement_calling_on_someone_is_its_issuers_request() -> None:
    doc = build("Amnesty|PROPN|NNP|nsubj|1 issued|VERB|VBD|ROOT|1|issue a|DET|DT|det|3 "
                "statement|NOUN|NN|dobj|1 calling|VERB|VBG|acl|3|call on|ADP|IN|prep|4 "
                "Russia|PROPN|NNP|pobj|5 .|PUNCT|.|punct|1")
    ngo = ref("NGO", "NGO")
    (ev,) = find_events(layers(doc, {0: (ngo,), 6: (RUS,)}), "a1")
    assert ev.event == "REQUEST" and codes(ev.source) == ["NGO"] and codes(ev.target) == ["RUS"]


def test_call_on_a_date_is_no_appeal() -> None:
    doc = build("Putin|PROPN|NNP|nsubj|1 called|VERB|VBD|ROOT|1|call Zelensky|PROPN|NNP|dobj|1 "
                "on|ADP|IN|prep|1 Monday|PROPN|NNP|pobj|3 .|PUNCT|.|punct|1")
    doc.ents = []
    from spacy.tokens import Span

    doc.ents = [Span(doc, 2, 3, label="PERSON"), Span(doc, 4, 5, label="DATE")]
    (ev,) = find_events(layers(doc, {0: (RUS,), 2: (UKR,)}), "a1")
    assert ev.event == "CONSULT" and ev.mode == "phone" and codes(ev.target) == ["UKR"]


def test_calling_a_move_a_provocation_is_no_call() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 called|VERB|VBD|ROOT|1|call Ukraine|PROPN|NNP|poss|3 "
                "move|NOUN|NN|dobj|1 a|DET|DT|det|5 provocation|NOUN|NN|oprd|1 .|PUNCT|.|punct|1")
    assert find_events(layers(doc, {0: (RUS,), 2: (UKR,)}), "a1") == ()


def test_a_cyber_attack_is_coercion_not_assault() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 launched|VERB|VBD|ROOT|1|launch cyber|NOUN|NN|compound|3 "
                "attacks|NOUN|NNS|dobj|1|attack on|ADP|IN|prep|3 Ukraine|PROPN|NNP|pobj|4 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (RUS,), 5: (UKR,)}), "a1")
    assert (ev.event, ev.mode, codes(ev.target)) == ("COERCE", "cyber", ["UKR"])


def test_a_word_inside_an_organisation_name_is_no_event() -> None:
    from spacy.tokens import Span

    doc = build("The|DET|DT|det|1 Organization|PROPN|NNP|nsubj|4 for|ADP|IN|prep|1 "
                "Cooperation|PROPN|NNP|pobj|2 met|VERB|VBD|ROOT|4|meet .|PUNCT|.|punct|4")
    doc.ents = [Span(doc, 1, 4, label="ORG")]
    evs = find_events(layers(doc, {1: (ref("IGO", "IGO"),)}), "a1")
    assert all(e.event != "COOPERATE" for e in evs)


def test_a_speaker_warning_it_could_invade_targets_the_invaded() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 warned|VERB|VBD|ROOT|1|warn that|SCONJ|IN|mark|5 "
                "it|PRON|PRP|nsubj|5 could|AUX|MD|aux|5 invade|VERB|VB|ccomp|1 "
                "Ukraine|PROPN|NNP|dobj|5 .|PUNCT|.|punct|1")
    # the actor table reads "it" as Russia again: that is the speaker, not the one threatened
    (ev,) = find_events(layers(doc, {0: (RUS,), 3: (RUS,), 6: (UKR,)}), "a1")
    assert ev.event == "THREATEN" and codes(ev.source) == ["RUS"] and codes(ev.target) == ["UKR"]


def test_forces_strengthened_in_a_place_target_its_country() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 reinforced|VERB|VBD|ROOT|1|reinforce its|PRON|PRP$|poss|3 "
                "forces|NOUN|NNS|dobj|1|force in|ADP|IN|prep|3 Crimea|PROPN|NNP|pobj|4 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (RUS,), 5: (UKR,)}), "a1")
    assert ev.event == "MOBILIZE" and codes(ev.target) == ["UKR"]


def test_own_territory_is_no_target() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 reinforced|VERB|VBD|ROOT|1|reinforce its|PRON|PRP$|poss|3 "
                "forces|NOUN|NNS|dobj|1|force in|ADP|IN|prep|3 Belgorod|PROPN|NNP|pobj|4 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (RUS,), 5: (RUS,)}), "a1")
    assert ev.event == "MOBILIZE" and ev.target == ()


def test_allowed_to_return_by_nobody_is_no_concession() -> None:
    doc = build("Refugees|NOUN|NNS|nsubjpass|2|refugee were|AUX|VBD|auxpass|2|be allowed|VERB|VBN|ROOT|2|allow "
                "to|PART|TO|aux|4 return|VERB|VB|xcomp|2 .|PUNCT|.|punct|2")
    assert all(e.event != "CONCEDE" for e in find_events(layers(doc, {0: (UKR,)}), "a1"))


def test_a_reported_question_is_no_request() -> None:
    doc = build("Who|PRON|WP|nsubj|1 fired|VERB|VBD|ccomp|4|fire first|ADV|RB|advmod|1 ,|PUNCT|,|punct|4 "
                "Putin|PROPN|NNP|nsubj|4 asked|VERB|VBD|ROOT|4|ask .|PUNCT|.|punct|4")
    assert all(e.event != "REQUEST" for e in find_events(layers(doc, {3: (RUS,)}), "a1"))


def test_asking_someone_to_act_is_a_request() -> None:
    doc = build("Kyiv|PROPN|NNP|nsubj|1 asked|VERB|VBD|ROOT|1|ask Washington|PROPN|NNP|dobj|1 "
                "to|PART|TO|aux|4 help|VERB|VB|xcomp|1 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (UKR,), 2: (USA,)}), "a1")
    assert ev.event == "REQUEST" and codes(ev.target) == ["USA"]


def test_no_country_recognising_is_negated() -> None:
    doc = build("No|DET|DT|det|1 country|NOUN|NN|nsubj|3 has|AUX|VBZ|aux|3|have recognized|VERB|VBN|ROOT|3|recognize "
                "Crimea|PROPN|NNP|dobj|3 .|PUNCT|.|punct|3")
    (ev,) = find_events(layers(doc, {4: (UKR,)}), "a1")
    assert ev.negated and ev.event != "SUPPORT"


def test_no_longer_recognising_is_negated() -> None:
    doc = build("Leaders|NOUN|NNS|nsubj|4|leader will|AUX|MD|aux|4 no|ADV|RB|neg|3 longer|ADV|RBR|advmod|4 "
                "recognize|VERB|VB|ROOT|4 Farmajo|PROPN|NNP|dobj|4 .|PUNCT|.|punct|4")
    (ev,) = find_events(layers(doc, {0: (UKR,), 5: (RUS,)}), "a1")
    assert ev.negated and ev.event == "REJECT"


def test_what_was_done_instead_is_no_event() -> None:
    doc = build("Instead|ADV|RB|advmod|5 of|ADP|IN|prep|0 demanding|VERB|VBG|pcomp|1|demand talks|NOUN|NNS|dobj|2|talk "
                "Japan|PROPN|NNP|nsubj|5 waited|VERB|VBD|ROOT|5|wait .|PUNCT|.|punct|5")
    assert all(e.event != "REQUEST" for e in find_events(layers(doc, {4: (ref("JPN"),)}), "a1"))


def test_a_city_before_an_attack_noun_is_where_not_who() -> None:
    # "The Ankara attack killed 12 people.": the city is a place ref (no actor of its own)
    doc = build("The|DET|DT|det|2 Ankara|PROPN|NNP|nmod|2 attack|NOUN|NN|nsubj|3 "
                "killed|VERB|VBD|ROOT|3|kill 12|NUM|CD|nummod|5 people|NOUN|NNS|dobj|3|people .|PUNCT|.|punct|3")
    place = ActorRef(None, "Ankara", "TUR", "GOV")
    table = layers(doc, {1: (place,)})
    fake = table.actors
    # As in the real table, refs_in lists actors only: a place is no actor of its own.
    fake.refs_in = lambda start, end: tuple(r for r in type(fake).refs_in(fake, start, end) if r.actor)
    events = find_events(table, "a1")
    assert all("TUR" not in codes(ev.source) for ev in events), events


def test_a_country_before_an_attack_noun_still_acts() -> None:
    # "The Russian attack killed 12 people.": a country word that is an actor keeps the source
    doc = build("The|DET|DT|det|2 Russian|ADJ|JJ|amod|2 attack|NOUN|NN|nsubj|3 "
                "killed|VERB|VBD|ROOT|3|kill 12|NUM|CD|nummod|5 people|NOUN|NNS|dobj|3|people .|PUNCT|.|punct|3")
    events = find_events(layers(doc, {1: (RUS,)}), "a1")
    assert any(codes(ev.source) == ["RUS"] for ev in events), events
