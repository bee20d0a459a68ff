"""Holders the subject does not give: the nationality or the from/by phrase of a stance noun
("a Chinese and Russian proposal", "support from France"), "the Chinese side", and the doer of
the clause whose object a stance participle hangs on ("issued warnings demanding …")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADJECTIVAL_MODIFIER,
    CLAUSAL_MODIFIER,
    OBJECT,
    OWNER_MODIFIERS,
    PREPOSITION,
)
from wardesk.extract.grammar.shapes import prep_governor, prep_pairs
from wardesk.extract.lexicon import word_tuple
from wardesk.extract.speech.cues import speaker_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import Layers
    from wardesk.records import ActorRef

_FILE = "positions/holders.json"
_GERUND = "VBG"


def noun_holders(layers: Layers, noun: Token) -> tuple[ActorRef, ...]:
    """The parties a stance noun names as its own when no owner stands before it: a nationality
    ("the Russian demand") or a from/by phrase after it ("calls from Kyiv", "a plan by Egypt")."""
    if any(c.dep_ in OWNER_MODIFIERS for c in noun.children):
        return ()  # "Putin's demand", "U.S. support": the owner, read elsewhere
    for adj in noun.children:
        if adj.dep_ in ADJECTIVAL_MODIFIER and adj.i < noun.i and (refs := _placed(layers, adj)):
            return refs
    for prep, obj in prep_pairs(noun, frozenset(word_tuple(_FILE, "holder_preps")), PREPOSITION):
        if prep.i > noun.i and (refs := _placed(layers, obj)):
            return refs
    return ()


def side_of(layers: Layers, noun: Token) -> tuple[ActorRef, ...]:
    """"The Chinese side", "the Ukrainian delegation": a party noun speaks for its nationality."""
    if noun.lemma_.lower() not in word_tuple(_FILE, "party_nouns"):
        return ()
    for adj in noun.children:
        if adj.dep_ in ADJECTIVAL_MODIFIER and adj.i < noun.i and (refs := _placed(layers, adj)):
            return refs
    return ()


def object_doer(verb: Token) -> Token | None:
    """"Pyongyang issued a series of warnings demanding that …": a stance participle on the object
    of a clause is that clause's subject's stance."""
    if verb.dep_ not in CLAUSAL_MODIFIER or verb.tag_ != _GERUND:
        return None
    noun = verb.head
    for _ in range(2):  # "a series of warnings": up through the "of" phrase
        if noun.dep_ in OBJECT:
            return speaker_of(noun.head)
        governor = prep_governor(noun)
        if governor is None or governor.pos_ != "NOUN":
            return None
        noun = governor
    return None


def _placed(layers: Layers, tok: Token) -> tuple[ActorRef, ...]:
    return tuple(r for r in layers.actors.refs(tok) if r.actor is not None)
