"""Answers that point back: "Trump denied the request", "the European side refused", "Kyiv
rejected it". The verb's object names no issue of its own (a pronoun, a bare "the proposal", no
object at all); the issue is that of the stance it answers, the last one another party took in
the same sentence or the one before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    CLAUSAL_COMPLEMENT,
    DETERMINER,
    OBJECT,
    OPEN_COMPLEMENT,
    PARTICLE,
    POSSESSOR,
    PREPOSITION,
)
from wardesk.extract.lexicon import words
from wardesk.extract.lexicon.phrases import load_data

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import Layers
    from wardesk.records import ActorRef, Position

_FILE = "positions/answers.json"


def answer_stance(verb: Token) -> str | None:
    """The stance of an answering verb whose object points back, else None."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    lemma = _lemma(verb)
    verbs: dict[str, str] = load_data(_FILE)["verbs"]
    if lemma not in verbs:
        return None
    objects = [c for c in verb.children if c.dep_ in OBJECT]
    if not objects:
        if any(c.dep_ in OPEN_COMPLEMENT or c.dep_ in CLAUSAL_COMPLEMENT or c.dep_ in PREPOSITION
               for c in verb.children):
            return None  # "refused to comment", "agreed on a date": a complement of its own
        return verbs[lemma] if lemma in words(_FILE, "bare_answers") else None
    return verbs[lemma] if _points_back(objects[0], lemma) else None


def _lemma(verb: Token) -> str:
    particle = next((c.lower_ for c in verb.children if c.dep_ in PARTICLE), None)
    return f"{verb.lemma_.lower()} {particle}" if particle else verb.lemma_.lower()


def _points_back(obj: Token, lemma: str) -> bool:
    """"it", "the request", "that proposal", "their offer" with nothing after it."""
    if obj.pos_ == "PRON":
        return obj.lower_ in words(_FILE, "pronouns")
    if obj.lemma_.lower() not in words(_FILE, "nouns") or any(c.i > obj.i for c in obj.children):
        return False
    if lemma in words(_FILE, "noun_only_verbs") and obj.lemma_.lower() not in words(_FILE, "request_nouns"):
        return False  # "denied the allegation": a claim, not an answer
    return any(c.dep_ in DETERMINER or c.dep_ in POSSESSOR for c in obj.children)


def antecedent(earlier: list[Position], holder_ids: set[str], noun: str | None) -> Position | None:
    """The stance an answer points back to: the last one of another party, a demand for a
    request noun, an offer or demand otherwise."""
    kinds = ("demand",) if noun in words(_FILE, "request_nouns") else ("offer", "demand")
    for pos in reversed(earlier):
        if pos.holder not in holder_ids and pos.stance in kinds:
            return pos
    return None


def owned_by_other(layers: Layers, verb: Token, holders: set[str]) -> tuple[str, ActorRef] | None:
    """"Tehran rejected its offer of talks": an answered stance noun whose owner is a pronoun
    for another party than the one answering — (the noun's stance, that party), the party being
    the nearest one named before in the sentence or the one before it."""
    obj = next((c for c in verb.children if c.dep_ in OBJECT), None)
    nouns: dict[str, str] = load_data("stance_cues.json")["nouns"]
    if obj is None or obj.lemma_.lower() not in words(_FILE, "nouns") or obj.lemma_.lower() not in nouns:
        return None
    owner = next((c for c in obj.children if c.dep_ in POSSESSOR and c.pos_ == "PRON"), None)
    if owner is None or owner.lower_ not in words(_FILE, "owner_pronouns"):
        return None
    sent = verb.sent
    start = sent.start
    if start > 0:
        start = verb.doc[start - 1].sent.start
    for tok in reversed(verb.doc[start: owner.i]):
        refs = [r for r in layers.actors.refs(tok) if r.actor is not None]
        if refs and refs[0].actor not in holders:
            return nouns[obj.lemma_.lower()], refs[0]
    return None
