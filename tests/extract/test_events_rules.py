"""Event coding on hand-built Docs with fake stage tables: predicate kinds, roles (subject,
passive agent, possessor, prepositional object, compound actors), suppression of embedded
predicates, actorless events, counts, dates and evidence offsets."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from wardesk.extract.events.build import find_events
from wardesk.extract.layers import Counts
from wardesk.records import EventDate, Quantity

_spec = importlib.util.spec_from_file_location("wardesk_events_fakes", Path(__file__).with_name("events_fakes.py"))
assert _spec is not None and _spec.loader is not None
fakes: Any = importlib.util.module_from_spec(_spec)
sys.modules["wardesk_events_fakes"] = fakes
_spec.loader.exec_module(fakes)
build, ref, layers = fakes.build, fakes.ref, fakes.layers

RUS, UKR, FRA, DEU = fakes.ref("RUS"), fakes.ref("UKR"), fakes.ref("FRA"), fakes.ref("DEU")


def codes(refs: Any) -> list[str]:
    return [r.code for r in refs]


def test_passive_takes_its_source_from_the_agent() -> None:
    doc = build("Kyiv|PROPN|NNP|nsubjpass|2 was|AUX|VBD|auxpass|2 attacked|VERB|VBN|ROOT|2|attack "
                "by|ADP|IN|agent|2 Russia|PROPN|NNP|pobj|3 .|PUNCT|.|punct|2")
    (ev,) = find_events(layers(doc, {0: (UKR,), 4: (RUS,)}), "a1")
    assert (ev.event, codes(ev.source), codes(ev.target)) == ("ASSAULT", ["RUS"], ["UKR"])
    assert ev.status == "occurred" and not ev.negated and ev.certainty == "confirmed"


def test_compound_subject_gives_two_sources() -> None:
    hun, rou = ref("HUN"), ref("ROU")
    doc = build("Hungarian|ADJ|JJ|amod|3 and|CCONJ|CC|cc|0 Romanian|ADJ|JJ|conj|0 officials|NOUN|NNS|nsubj|4|official "
                "agreed|VERB|VBD|ROOT|4|agree .|PUNCT|.|punct|4")
    (ev,) = find_events(layers(doc, {3: (hun, rou)}), "a1")
    assert ev.event == "AGREE" and codes(ev.source) == ["HUN", "ROU"] and ev.target == ()


def test_light_verb_talks_between_two_parties_are_split_into_source_and_target() -> None:
    doc = build("France|PROPN|NNP|nsubj|3 and|CCONJ|CC|cc|0 Germany|PROPN|NNP|conj|0 held|VERB|VBD|ROOT|3|hold "
                "talks|NOUN|NNS|dobj|3|talk .|PUNCT|.|punct|3")
    (ev,) = find_events(layers(doc, {0: (FRA,), 2: (DEU,)}), "a1")
    assert ev.event == "CONSULT" and ev.eventText == "held talks"
    assert codes(ev.source) == ["FRA"] and codes(ev.target) == ["DEU"]


def test_nominal_attack_lends_its_possessor_and_target_to_the_killing() -> None:
    doc = build("Russia|PROPN|NNP|poss|2 's|PART|POS|case|0 attack|NOUN|NN|nsubj|5 on|ADP|IN|prep|2 "
                "Kyiv|PROPN|NNP|pobj|3 killed|VERB|VBD|ROOT|5|kill three|NUM|CD|dobj|5 .|PUNCT|.|punct|5")
    counts = {5: Counts(dead=3, quantities=(Quantity(3, "people", "three"),))}
    (ev,) = find_events(layers(doc, {0: (RUS,), 4: (UKR,)}, counts=counts), "a1")
    assert (ev.event, codes(ev.source), codes(ev.target), ev.dead) == ("ASSAULT", ["RUS"], ["UKR"], 3)


def test_said_alone_is_not_an_event() -> None:
    doc = build("Putin|PROPN|NNP|nsubj|1 said|VERB|VBD|ROOT|1|say nothing|PRON|NN|dobj|1 .|PUNCT|.|punct|1")
    assert find_events(layers(doc, {0: (RUS,)}), "a1") == ()


def test_threat_to_attack_is_one_threaten_event() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 threatened|VERB|VBD|ROOT|1|threaten to|PART|TO|aux|3 "
                "attack|VERB|VB|xcomp|1 Ukraine|PROPN|NNP|dobj|3 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (RUS,), 4: (UKR,)}), "a1")
    assert ev.event == "THREATEN" and codes(ev.source) == ["RUS"]


def test_negated_attack_keeps_its_type_and_is_marked() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|3 did|AUX|VBD|aux|3|do not|PART|RB|neg|3 attack|VERB|VB|ROOT|3 "
                "Ukraine|PROPN|NNP|dobj|3 .|PUNCT|.|punct|3")
    (ev,) = find_events(layers(doc, {0: (RUS,), 4: (UKR,)}), "a1")
    assert ev.event == "ASSAULT" and ev.negated


def test_refusal_to_cooperate_is_coded_reject() -> None:
    doc = build("Serbia|PROPN|NNP|nsubj|3 will|AUX|MD|aux|3 not|PART|RB|neg|3 accept|VERB|VB|ROOT|3 "
                "refugees|NOUN|NNS|dobj|3|refugee .|PUNCT|.|punct|3")
    (ev,) = find_events(layers(doc, {0: (ref("SRB"),)}), "a1")
    assert ev.event == "REJECT" and ev.negated


def test_actorless_killing_is_kept_only_with_casualties() -> None:
    spec = ("two|NUM|CD|nummod|1 people|NOUN|NNS|nsubjpass|3|people were|AUX|VBD|auxpass|3|be "
            "killed|VERB|VBN|ROOT|3|kill .|PUNCT|.|punct|3")
    doc = build(spec)
    assert find_events(layers(doc, {}), "a1") == ()
    (ev,) = find_events(layers(doc, {}, counts={3: Counts(dead=2)}), "a1")
    assert ev.event == "ASSAULT" and ev.dead == 2 and ev.source == () and ev.target == ()


def test_evidence_offsets_point_into_the_text_and_ids_are_stable() -> None:
    doc = build("France|PROPN|NNP|nsubj|1 met|VERB|VBD|ROOT|1|meet Germany|PROPN|NNP|dobj|1 .|PUNCT|.|punct|1")
    first = find_events(layers(doc, {0: (FRA,), 2: (DEU,)}), "a1")
    again = find_events(layers(doc, {0: (FRA,), 2: (DEU,)}), "a1")
    (ev,) = first
    assert doc.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text == "France met Germany."
    assert [e.id for e in first] == [e.id for e in again]
    assert find_events(layers(doc, {0: (FRA,), 2: (DEU,)}), "a2")[0].id != ev.id


def test_date_from_the_date_table_else_the_publication_date() -> None:
    doc = build("France|PROPN|NNP|nsubj|2 will|AUX|MD|aux|2 meet|VERB|VB|ROOT|2 Germany|PROPN|NNP|dobj|2 "
                "on|ADP|IN|prep|2 Friday|PROPN|NNP|pobj|4 .|PUNCT|.|punct|2")
    friday = EventDate("Friday", "2025-03-14", resolution="exact")
    (ev,) = find_events(layers(doc, {0: (FRA,), 3: (DEU,)}, dates={2: friday}), "a1")
    assert ev.date == friday and ev.status == "planned" and ev.event == "CONSULT"
    (ev,) = find_events(layers(doc, {0: (FRA,), 3: (DEU,)}), "a1")
    assert ev.date is not None and (ev.date.value, ev.date.resolution) == ("2025-03-11", "publication_date")


def test_shot_down_drones_are_the_drone_owners_attack_on_the_speaker() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 said|VERB|VBD|ROOT|1|say it|PRON|PRP|nsubj|4 had|AUX|VBD|aux|4|have "
                "shot|VERB|VBN|ccomp|1|shoot down|ADP|RP|prt|4 Ukrainian|ADJ|JJ|amod|7 drones|NOUN|NNS|dobj|4|drone "
                ".|PUNCT|.|punct|1")
    mod = ref("RUS", "MIL", "Russia")
    (ev,) = find_events(layers(doc, {0: (mod,), 6: (UKR,)}), "a1")
    assert (ev.event, codes(ev.source), codes(ev.target)) == ("ASSAULT", ["UKR"], ["RUS"])
    assert ev.attribution is not None and ev.attribution.text == "Russia"
    assert ev.certainty == "claimed"  # a belligerent's military about the war


def test_mediation_between_two_parties_is_the_mediators_event() -> None:
    qat, irn, irq = ref("QAT"), ref("IRN"), ref("IRQ")
    doc = build("Qatar|PROPN|NNP|nsubj|1 launched|VERB|VBD|ROOT|1|launch mediation|NOUN|NN|dobj|1 "
                "between|ADP|IN|prep|2 Iran|PROPN|NNP|pobj|3 and|CCONJ|CC|cc|4 Iraq|PROPN|NNP|conj|4 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (qat,), 4: (irn,), 6: (irq,)}), "a1")
    assert (ev.event, codes(ev.source), codes(ev.target)) == ("CONSULT", ["QAT"], ["IRN", "IRQ"])


def test_failing_to_reach_agreement_is_a_rejection() -> None:
    doc = build("France|PROPN|NNP|nsubj|1 failed|VERB|VBD|ROOT|1|fail to|PART|TO|aux|3 reach|VERB|VB|xcomp|1 "
                "agreement|NOUN|NN|dobj|3 with|ADP|IN|prep|4 Germany|PROPN|NNP|pobj|5 .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (FRA,), 6: (DEU,)}), "a1")
    assert (ev.event, codes(ev.source), codes(ev.target), ev.negated) == ("REJECT", ["FRA"], ["DEU"], True)


def test_planned_coercion_is_a_threat_and_planned_cooperation_an_agreement() -> None:
    doc = build("Serbia|PROPN|NNP|nsubj|1 plans|VERB|VBZ|ROOT|1|plan to|PART|TO|aux|3 arrest|VERB|VB|xcomp|1 "
                "Croatian|ADJ|JJ|amod|5 officials|NOUN|NNS|dobj|3|official .|PUNCT|.|punct|1")
    (ev,) = find_events(layers(doc, {0: (ref("SRB"),), 4: (ref("HRV"),)}), "a1")
    assert (ev.event, ev.status) == ("THREATEN", "planned")
    doc = build("Serbia|PROPN|NNP|nsubj|2 will|AUX|MD|aux|2 release|VERB|VB|ROOT|2 Croatian|ADJ|JJ|amod|4 "
                "prisoners|NOUN|NNS|dobj|2|prisoner .|PUNCT|.|punct|2")
    (ev,) = find_events(layers(doc, {0: (ref("SRB"),), 3: (ref("HRV"),)}), "a1")
    assert (ev.event, ev.status, codes(ev.target)) == ("AGREE", "planned", ["HRV"])


def test_a_doc_without_a_parse_has_no_events() -> None:
    from spacy.tokens import Doc

    doc = Doc(fakes.VOCAB, words=["Russia", "attacked", "Kyiv"])
    assert find_events(layers(doc, {}), "a1") == ()
