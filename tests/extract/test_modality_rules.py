"""Modality on hand-built Docs: status from modals, plan verbs, conditionals, denial and dates;
negation; certainty from attribution, claim verbs and hedges; local "X said" attribution."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from wardesk.extract.events.modality import (
    certainty_of,
    local_attribution,
    negated_of,
    speculative,
    status_of,
    stronger,
)
from wardesk.records import Attribution

_spec = importlib.util.spec_from_file_location("wardesk_events_fakes", Path(__file__).with_name("events_fakes.py"))
assert _spec is not None and _spec.loader is not None
fakes: Any = importlib.util.module_from_spec(_spec)
sys.modules["wardesk_events_fakes"] = fakes
_spec.loader.exec_module(fakes)
build, ref = fakes.build, fakes.ref


def test_future_modal_is_planned_and_conditional_is_hypothetical() -> None:
    doc = build("Kyiv|PROPN|NNP|nsubj|2 will|AUX|MD|aux|2 attack|VERB|VB|ROOT|2 if|SCONJ|IN|mark|5 "
                "talks|NOUN|NNS|nsubj|5|talk fail|VERB|VBP|advcl|2 .|PUNCT|.|punct|2")
    assert status_of(doc[2], "2025-03-11", None, False) == "hypothetical"
    doc = build("Kyiv|PROPN|NNP|nsubj|2 will|AUX|MD|aux|2 attack|VERB|VB|ROOT|2 .|PUNCT|.|punct|2")
    assert status_of(doc[2], "2025-03-11", None, False) == "planned"


def test_plan_verbs_make_their_complement_planned() -> None:
    doc = build("Officials|NOUN|NNS|nsubj|2|official are|AUX|VBP|aux|2|be preparing|VERB|VBG|ROOT|2|prepare "
                "to|PART|TO|aux|4 meet|VERB|VB|xcomp|2 .|PUNCT|.|punct|2")
    assert status_of(doc[4], "2025-03-11", None, False) == "planned"


def test_progressive_is_ongoing_unless_its_date_is_later() -> None:
    doc = build("The|DET|DT|det|1 PM|PROPN|NNP|nsubj|3 is|AUX|VBZ|aux|3|be meeting|VERB|VBG|ROOT|3|meet "
                "ministers|NOUN|NNS|dobj|3|minister .|PUNCT|.|punct|3")
    assert status_of(doc[3], "2025-03-11", "2025-03-11", True) == "ongoing"
    assert status_of(doc[3], "2025-03-11", "2025-03-15", True) == "planned"


def test_past_tense_is_occurred_even_with_a_later_publication_anchor() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 attacked|VERB|VBD|ROOT|1|attack Kyiv|PROPN|NNP|dobj|1 .|PUNCT|.|punct|1")
    assert status_of(doc[1], "2025-03-11", "2025-03-10", True) == "occurred"


def test_denial_governs_the_event() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 denied|VERB|VBD|ROOT|1|deny attacking|VERB|VBG|xcomp|1|attack "
                "Kyiv|PROPN|NNP|dobj|2 .|PUNCT|.|punct|1")
    assert status_of(doc[2], "2025-03-11", None, False) == "denied"


def test_negation_on_the_verb_or_its_governor() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|3 did|AUX|VBD|aux|3|do not|PART|RB|neg|3 attack|VERB|VB|ROOT|3 .|PUNCT|.|punct|3")
    assert negated_of(doc[3])
    doc = build("Russia|PROPN|NNP|nsubj|1 attacked|VERB|VBD|ROOT|1|attack .|PUNCT|.|punct|1")
    assert not negated_of(doc[1])


def test_said_that_gives_a_local_attribution() -> None:
    doc = build("Bloomberg|PROPN|NNP|nsubj|1 reported|VERB|VBD|ROOT|1|report that|SCONJ|IN|mark|4 "
                "Russia|PROPN|NNP|nsubj|4 attacked|VERB|VBD|ccomp|1|attack Kyiv|PROPN|NNP|dobj|4 .|PUNCT|.|punct|1")
    media = ref("USA", "MED", "Bloomberg")
    actors = fakes.FakeActors({0: (media,)}, doc=doc)
    attribution, speaker, verb = local_attribution(doc[4], actors)
    assert attribution == Attribution("Bloomberg", media.actor) and speaker is not None and verb is not None and (speaker.i, verb.i) == (0, 1)
    assert certainty_of(doc[4], "ASSAULT", attribution, (media,), verb) == "reported"
    mil = ref("RUS", "MIL", "ministry")
    assert certainty_of(doc[4], "ASSAULT", attribution, (mil,), verb) == "claimed"
    assert certainty_of(doc[4], "CONSULT", attribution, (mil,), verb) == "reported"


def test_according_to_gives_a_local_attribution() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|1 attacked|VERB|VBD|ROOT|1|attack Kyiv|PROPN|NNP|dobj|1 ,|PUNCT|,|punct|1 "
                "according|VERB|VBG|prep|1 to|ADP|IN|prep|4 officials|NOUN|NNS|pobj|5|official .|PUNCT|.|punct|1")
    attribution, speaker, _ = local_attribution(doc[1], fakes.FakeActors({}, doc=doc))
    assert attribution is not None and attribution.text == "officials" and speaker is not None and speaker.i == 6


def test_hedges_and_claim_adverbs() -> None:
    doc = build("Russia|PROPN|NNP|nsubj|2 reportedly|ADV|RB|advmod|2 attacked|VERB|VBD|ROOT|2|attack "
                "Kyiv|PROPN|NNP|dobj|2 .|PUNCT|.|punct|2")
    assert certainty_of(doc[2], "ASSAULT", None, (), None) == "hedged"
    doc = build("Russia|PROPN|NNP|nsubj|2 allegedly|ADV|RB|advmod|2 attacked|VERB|VBD|ROOT|2|attack "
                "Kyiv|PROPN|NNP|dobj|2 .|PUNCT|.|punct|2")
    assert certainty_of(doc[2], "ASSAULT", None, (), None) == "claimed"
    doc = build("Russia|PROPN|NNP|nsubj|1 attacked|VERB|VBD|ROOT|1|attack Kyiv|PROPN|NNP|dobj|1 .|PUNCT|.|punct|1")
    assert certainty_of(doc[1], "ASSAULT", None, (), None) == "confirmed"


def test_if_claims_are_true_is_speculative() -> None:
    doc = build("If|SCONJ|IN|mark|3 claims|NOUN|NNS|nsubj|2|claim are|AUX|VBP|advcl|5|be true|ADJ|JJ|acomp|2 "
                ",|PUNCT|,|punct|5 Russia|PROPN|NNP|nsubj|6 attacked|VERB|VBD|ROOT|6|attack .|PUNCT|.|punct|6")
    # heads: "If"→"are"(2); keep the parse simple: the mark hangs on the clause verb
    assert speculative(doc[:])
    assert certainty_of(doc[6], "ASSAULT", None, (), None) == "speculative"


def test_stronger_prefers_the_less_certain_value() -> None:
    assert stronger("reported", "claimed") == "claimed"
    assert stronger("confirmed", "hedged") == "hedged"
    assert stronger("speculative", "reported") == "speculative"
