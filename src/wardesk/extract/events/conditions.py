"""The conditions that the event rules test (events/rules.py), over a predicate match and its
roles: a threat's mode, PLOVER's reading of stated intentions, empty warnings, acts wished for,
inabilities. Word lists come from data/en/events/conditions.json, types from the type table."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.event_types import threat_modes, types_of_quad
from wardesk.extract.events.roles import Refs, refs_of, subject_token
from wardesk.extract.grammar.labels import SUBORDINATE_CLAUSES
from wardesk.extract.grammar.syntax import (
    NEGATIVE_CONDITION_MARKS,
    has_condition,
    is_condition_clause,
    is_passive,
)
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.lexicon import words
from wardesk.sectors import sector_group

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.events.predicates import Match
    from wardesk.extract.layers import ActorTable


# Governments protesting are lodging a complaint, not demonstrating (PLOVER ACCUSE).
STATE_SECTORS = sector_group("state_protesters")


COOPERATIVE = types_of_quad("verbal_cooperation", "material_cooperation")


MATERIAL_CONFLICT = types_of_quad("material_conflict")


# The threat a stated intent to act in conflict is: "will boycott" → THREATEN boycott (rules.py).
THREAT_MODES = threat_modes()


_WILLING = words("events/conditions.json", "willing")


# COERCE modes a threat keeps as its own ("threatened to impose a curfew": curfew).
_KEPT_THREAT_MODES = words("events/conditions.json", "kept_threat_modes")


# Modals of ability ('can not take part': an inability).
ABILITY_MODALS = words("events/conditions.json", "ability_modals")


def threatened_mode(m: Match, found: list[Match]) -> str | None:
    """A threat's mode from the act threatened ("threatened to shell the towns": violence);
    ``found`` is every match of the sentence, before the kept ones were chosen."""
    acts = {c.i for c in m.trigger.children if c.dep_ in ("xcomp", "ccomp")}
    for part in found:
        if part.trigger.i not in acts:
            continue
        if part.predicate.mode in _KEPT_THREAT_MODES:
            return part.predicate.mode
        if part.predicate.event in THREAT_MODES:
            return THREAT_MODES[part.predicate.event]
    return None


def willingness(trigger: Token) -> bool:
    """The act is the content of a word of willingness ("is ready to meet", "open to talks")."""
    tok = trigger
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "ccomp", "acomp", "conj", "pcomp", "prep") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if _lemma(tok) in _WILLING and not any(c.lower_ in ("get", "getting") for c in tok.head.children) \
                and _lemma(tok.head) != "get":
            return True
    return False


def unless_clause(trigger: Token) -> bool:
    return has_condition(trigger, NEGATIVE_CONDITION_MARKS)


def conditional_clause(trigger: Token) -> bool:
    return has_condition(trigger)


def is_condition(trigger: Token) -> bool:
    """The trigger's own clause is an if/unless condition."""
    tok = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return is_condition_clause(tok)


_SELF_PRONOUNS = words("events/conditions.json", "self_pronouns")


def empty_warning(m: Match, target: Refs, actors: ActorTable) -> bool:
    """"warned that the situation could get worse" threatens nobody: a warning is a threat
    only with an addressee or an actor (often the speaker) who will act."""
    if _lemma(m.trigger) != "warn" or target or m.predicate.kind != "verb":
        return False
    for clause in m.trigger.children:
        if clause.dep_ in ("xcomp", "dobj"):
            return False  # "warned X against running", "warned X to stop"
        if clause.dep_ == "ccomp":
            subj = subject_token(clause)
            if subj is not None and (subj.lower_ in _SELF_PRONOUNS or refs_of(subj, actors)):
                return False
            if has_condition(clause):
                return False  # "warned that bases are at risk if …": a conditional threat
    return True


# Verbs that want an event noun rather than report it ("seeking assistance from Russia").
_WISH_VERBS = words("events/conditions.json", "wish_verbs")


def wished_for(m: Match) -> bool:
    if m.predicate.kind != "noun" or m.predicate.event not in ("AID", "CONCEDE", "COOPERATE"):
        return False
    gov = governing_verb(m.trigger)
    if gov is not None and gov.dep_ == "xcomp" and _lemma(gov.head) in _WISH_VERBS:
        return True  # "seeking to obtain more aid from X": the aid is wished for
    return gov is not None and _lemma(gov) in _WISH_VERBS


# Words that make troops sent peacekeepers: PLOVER AID ("military and police assistance including
# arms and personnel"; CAMEO 074 provide peacekeeping).
_PEACEKEEPING = words("events/conditions.json", "peacekeeping")


def peacekeeping(trigger: Token) -> bool:
    """The deployment's own phrase, or its subject, names a peacekeeping force or mission
    ("deploying 300 troops to the UN peacekeeping mission", "peacekeepers were deployed");
    a clause below the trigger ("deployed troops to shield the peacekeepers") does not count."""
    seen = [trigger]
    todo = [c for c in trigger.children if c.dep_ not in SUBORDINATE_CLAUSES]
    while todo:
        tok = todo.pop()
        seen.append(tok)
        todo.extend(c for c in tok.children if c.dep_ not in SUBORDINATE_CLAUSES)
    return any(t.lower_ in _PEACEKEEPING for t in seen)


# A raid or storming by the police is law enforcement (PLOVER COERCE seize), not an attack.
_RAID_VERBS = words("events/conditions.json", "raid_verbs")
POLICE = "COP"  # the sector code of the police


def police_raid(trigger: Token, source: Refs) -> bool:
    """"Police raided the camp", "officers stormed the squat": every source is the police."""
    return _lemma(trigger) in _RAID_VERBS and bool(source) and all(r.sector == POLICE for r in source)


def passive_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and is_passive(tok)


def inability(trigger: Token) -> bool:
    tok = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for c in tok.children)


def governing_verb(noun: Token) -> Token | None:
    """The verb whose object a nominal predicate is ("will extend the curfew")."""
    return noun.head if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB" else None


_PRONOUNS = words("events/conditions.json", "pronouns")


def pronoun_subject(verb: Token) -> bool:
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _PRONOUNS for c in verb.children):
        return True
    subj = subject_token(verb)
    return subj is not None and subj.lower_ in _PRONOUNS
