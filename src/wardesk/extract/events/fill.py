"""What PLOVER coders fill in when a sentence does not say it: an attack's mode from its weapon
words, the UNK actor of an attack nobody is named for, and the place acted on as the target."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from wardesk.event_types import types_with
from wardesk.extract.grammar.labels import (
    DETERMINER,
    NUMERIC_MODIFIER,
    PREPOSITION,
    SUBJECT,
)
from wardesk.extract.grammar.shapes import passive_agents
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.lexicon import data_file, words
from wardesk.records import ActorRef, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wardesk.extract.events.predicates import Match
    from wardesk.extract.events.roles import Refs


WEAPONS_PATH = data_file("assault_weapons.json")


# Words left out of a doer's name ('the', 'of', numbers).
_NOT_NAME_WORDS = DETERMINER | PREPOSITION | NUMERIC_MODIFIER


@lru_cache(maxsize=1)
def _weapon_table() -> tuple[tuple[str, frozenset[str]], ...]:
    table = json.loads(WEAPONS_PATH.read_text(encoding="utf-8"))["modes"]
    return tuple((mode, frozenset(words)) for mode, words in table)


def weapon_mode(sent: Span) -> str | None:
    """The ASSAULT mode the sentence's weapon words give ("a roadside bomb killed": explosives)."""
    words = {(t.lemma_ or t.lower_).lower() for t in sent} | {t.lower_ for t in sent}
    words |= {f"{a.lower_} {b.lower_}" for a, b in pairwise(sent)}
    for mode, cues in _weapon_table():
        if words & cues:
            return mode
    return None


VIOLENT = types_with("violent")
# Types whose target, when no party is named, is the place acted on (CAMEO/PLOVER coders code
# "a curfew in Cizre", "bombs in Kabul", "a strike that shut down Kathmandu", "lifted the state
# of emergency in Darfur", "threatened martial law in Baghdad" to that country).
PLACE_TARGETS = types_with("place_target")
# Types whose place is a host only when it is not the source's own country ("arrived in Amman").
HOST_TARGETS = types_with("host_target")


VISIT_WORDS = words("events/fill.json", "visit_words")
# Acts of sending people away: the place is where they are sent (or sent from), while the
# one acted on is whoever is sent ("deported 40 Uyghurs to China" does not target China).
# Not repatriation: people sent home belong to the place they are sent to.
SENDING_WORDS = words("events/fill.json", "sending_words")


def place_is_target(event_type: str, source: Refs, place: Place, trigger: Token) -> bool:
    if _lemma(trigger) in SENDING_WORDS:
        return False
    if event_type in PLACE_TARGETS:
        return True
    if event_type not in HOST_TARGETS or _lemma(trigger) not in VISIT_WORDS:
        return False  # talks held somewhere are not talks with the host
    return bool(source) and all(r.code != place.country for r in source)


def _operation_name(names: list[str]) -> bool:
    """"Operation Desert Hawk": a named operation, whoever runs it."""
    return len(names) > 1 and names[0].lower().rstrip(".") in words("events/parties.json", "operation_words")


def unidentified(m: Match, trigger_text: str, country: str) -> ActorRef:
    """PLOVER's UNK actor for an attack nobody is named for ("a roadside bomb killed two
    soldiers near Samarra"), placed in the country where it happened (as ACLED's "unidentified
    armed group (Iraq)"); its words are the weapon named ("by a car bomb") or the attack noun."""
    verb = m.trigger
    doer = [c for c in verb.children if c.dep_ in SUBJECT] if m.predicate.kind != "noun" else []
    doer += passive_agents(verb, {"by"})
    for noun in doer:  # "a car bomb exploded", "killed by a roadside bomb"
        words = [t.text for t in noun.subtree if t.i <= noun.i and t.dep_ not in _NOT_NAME_WORDS]
        if words and noun.pos_ in ("NOUN", "PROPN"):
            if _operation_name(words):
                return ActorRef(None, " ".join(words), None, "UNK")  # "Operation X": whose, unsaid
            return ActorRef(None, " ".join(words), country, "UNK")
    text = trigger_text if m.predicate.kind == "noun" else "unidentified attackers"
    return ActorRef(None, text, country, "UNK")


def settle_unidentified(events: list[Event]) -> tuple[Event, ...]:
    """Unnamed attackers stay unnamed (no UNK actor) when the article names who attacks
    elsewhere: in "Ukrainian drones hit Moscow … one person was killed", the killing is most
    likely the named side's, and the place's country would be the victim's."""
    named = any(e.event in VIOLENT and any(r.code and r.sector != "UNK" for r in e.source) for e in events)
    if not named:
        return tuple(events)
    return tuple(
        replace(e, source=tuple(r for r in e.source if r.sector != "UNK")) if e.event in VIOLENT else e
        for e in events
    )
