"""The actors of a noun phrase: the actor table's answer for its head, else the actors named
inside it (modifiers, possessor, "from"-phrase); what a count counts; an event noun's own source
and target phrases ("Serbia's crackdown on", "the deportation of X to Y")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.actors.pronouns import not_named_after, owned_by, possessor_refs
from wardesk.extract.grammar.labels import NOMINAL_MODIFIERS, POSSESSOR, PREPOSITION
from wardesk.extract.grammar.shapes import prep_pairs
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.grammar.syntax import phrase_span, phrase_tokens, prep_objects
from wardesk.extract.lexicon import words
from wardesk.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import ActorTable

Refs = tuple[ActorRef, ...]

# Prepositions whose object is the one acted upon ("an attack on", "talks with"); after a noun
# "at" names a place ("talks at the hotel in …"), so only verbs take it.
_TARGET_PREPS = words("events/roles.json", "target_preps")
_VERB_TARGET_PREPS = words("events/roles.json", "verb_target_preps")
_SENDING_NOUNS = words("events/roles.json", "sending_nouns")
_DESTINATION_PREPS = words("events/roles.json", "destination_preps")
_SOURCE_PREPS = words("events/roles.json", "source_preps")
# Words before a noun that may name whose act it is: "*Serbia's* crackdown", "a *U.S.* request".
_OWNERS_BEFORE = POSSESSOR | NOMINAL_MODIFIERS
_OF = frozenset({"of"})
_NOT_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}

_prep_objects = prep_objects


def dedupe(refs: tuple[ActorRef, ...] | list[ActorRef]) -> Refs:
    seen: set[tuple[str | None, str | None, str]] = set()
    out: list[ActorRef] = []
    for r in refs:
        key = (r.actor, r.code, r.actorText)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return tuple(out)


_AGENT_SKIP = frozenset(_VERB_TARGET_PREPS | {"between"})


def refs_of(head: Token, actors: ActorTable, agent: bool = False, skip: frozenset[str] = frozenset()) -> Refs:
    """The actors of the noun phrase headed by ``head``: the actor table's answer, or else
    every actor mentioned inside the phrase (its modifiers, possessor, "from"-phrase). For an
    agent ("Russia's attack on Kyiv killed …") the phrase's "on"/"against"… objects are left out,
    as are prepositional phrases headed by ``skip``."""
    if head.ent_type_ in _NOT_ACTOR_ENTS:
        counted = _counted(head)  # "thousands of Kenyans": the people counted
        return refs_of(counted, actors, agent) if counted is not None else ()
    refs = tuple(actors.refs(head))
    stale = bool(refs) and not not_named_after(head, refs, actors)
    if stale:  # "He …, so that Ali …": not Ali, and no one else either
        refs = ()
    elif refs:
        refs = owned_by(head, refs, actors, refs_of)
    for conj in head.conjuncts:  # the table should expand conjuncts; make sure of it
        if conj.i > head.i:
            refs += tuple(actors.refs(conj))
    owner = None if refs else possessor_refs(head, actors, refs_of)  # "his mission": whose, in this sentence
    if owner:
        return owner
    if not refs and not stale:  # the actors named inside the phrase: "a U.S. request", "Serbia's crackdown"
        skip = skip | _AGENT_SKIP if agent else skip
        for tok in phrase_tokens(head, skip):
            if owner is not None and tok.dep_ in POSSESSOR and tok.head.i == head.i:
                continue  # the pronoun's owner in this sentence is no actor: not someone else either
            found = tuple(actors.refs(tok))
            if agent and tok.i < head.i and tok.dep_ in NOMINAL_MODIFIERS:
                found = tuple(r for r in found if r.actor is not None)  # "the Ankara attack killed": where
            refs += found
        if not refs:
            start, end = phrase_span(head, skip)
            refs = tuple(actors.refs_in(start, end))
    return dedupe(refs)


def _counted(head: Token) -> Token | None:
    """What a count counts: "thousands of Kenyans", "tens of thousands of students"."""
    if head.ent_type_ not in ("CARDINAL", "QUANTITY") or head.pos_ not in ("NOUN", "NUM", "PROPN"):
        return None
    for _, pobj in prep_pairs(head, _OF, PREPOSITION):
        if pobj.tag_ == "NN":
            continue  # "one-fifth of Spain's electricity": an amount of a thing
        return _counted(pobj) or pobj if pobj.ent_type_ in ("CARDINAL", "QUANTITY") else pobj
    return None


def who(ref: ActorRef) -> str:
    return ref.actor or f"{ref.code}:{ref.actorText}"


# Nominals whose possessor undergoes the act: "Dodik's arrest", "the journalist's release".
_PATIENT_NOUNS = words("events/roles.json", "patient_nouns")


def noun_sources(noun: Token, actors: ActorTable) -> Refs:
    out: Refs = ()
    patient = _lemma(noun) in _PATIENT_NOUNS
    for c in noun.children:
        if patient and c.dep_ in POSSESSOR:
            continue  # "Dodik's arrest": Dodik is arrested, not arresting
        if c.dep_ in _OWNERS_BEFORE and c.i < noun.i:
            refs = tuple(actors.refs(c))
            if c.dep_ not in POSSESSOR:  # "the Ankara attack": a city before the noun says where, not who
                refs = tuple(r for r in refs if r.actor is not None)
            out = dedupe(out + refs + _span_refs(c, actors))
    for pobj in _prep_objects(noun, _SOURCE_PREPS):
        out = dedupe(out + refs_of(pobj, actors))
    return out


def _span_refs(tok: Token, actors: ActorTable) -> Refs:
    return tuple(actors.refs_in(tok.idx, tok.idx + len(tok.text)))


def noun_targets(noun: Token, actors: ActorTable) -> Refs:
    out: Refs = ()
    if _lemma(noun) in _PATIENT_NOUNS:
        for c in noun.children:
            if c.dep_ in POSSESSOR:
                out = dedupe(out + refs_of(c, actors))
    preps = _TARGET_PREPS - _DESTINATION_PREPS if _lemma(noun) in _SENDING_NOUNS else _TARGET_PREPS
    for pobj in _prep_objects(noun, preps):  # "the deportation of X to Y": Y is where, not whom
        out = dedupe(out + refs_of(pobj, actors))
    return out
