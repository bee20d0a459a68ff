"""Events that are never asserted although a predicate matched: a counterfactual, a condition
put as an inverted clause, a killing of "no one", an event noun that is only what a plan, a
timetable or a discussion is about (conditions of the keep.* rows in events/rules.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import ADVERBIAL_CLAUSE, AUXILIARIES, MARK
from wardesk.extract.grammar.mood import clause_head, counterfactual, inverted_condition
from wardesk.extract.grammar.negation import denied_subject, has_negation
from wardesk.extract.grammar.syntax import lemma
from wardesk.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.events.predicates import Match

_FILE = "events/assertion.json"
TOPIC_NOUNS = words(_FILE, "topic_nouns")
TOPIC_PREPS = words(_FILE, "topic_preps")
DISCUSSION_VERBS = words(_FILE, "discussion_verbs")
NO_ONE = words(_FILE, "no_one")
CASUALTY_VERBS = words(_FILE, "casualty_verbs")
AWAITED_MARKS = words(_FILE, "awaited_marks")
FUTURE_MODALS = words(_FILE, "future_modals")


def counterfactual_clause(m: Match) -> bool:
    """"could have destroyed the region, but it didn't": a perfect modal."""
    verb = clause_head(m.trigger)
    return verb.pos_ in ("VERB", "AUX") and counterfactual(verb)


def condition_clause(m: Match) -> bool:
    """"… had Hamas released the hostages": an inverted condition."""
    verb = clause_head(m.trigger)
    return verb.pos_ in ("VERB", "AUX") and inverted_condition(verb)


def awaited_clause(m: Match) -> bool:
    """"will not end the strike until their demands are met", "will stay until Israel withdraws":
    what a future act waits for has not happened."""
    verb = clause_head(m.trigger)
    if verb.dep_ not in ADVERBIAL_CLAUSE or verb.head.i == verb.i:
        return False
    if not any(c.dep_ in MARK and c.lower_ in AWAITED_MARKS for c in verb.children):
        return False
    return any(c.dep_ in AUXILIARIES and c.lower_ in FUTURE_MODALS for c in verb.head.children)


def no_victims(m: Match) -> bool:
    """"no passengers were killed during the operation": a killing of no one."""
    return m.predicate.kind == "verb" and lemma(m.trigger) in CASUALTY_VERBS and denied_subject(m.trigger, NO_ONE)


def victimless(m: Match) -> bool:
    """"no soldiers died in the shelling": the shelling happened; only its victims are none."""
    noun = m.trigger
    if m.predicate.kind != "noun" or noun.dep_ != "pobj":
        return False
    verb = noun.head.head
    return (lemma(verb) in CASUALTY_VERBS and denied_subject(verb, NO_ONE)
            and not has_negation(verb))


def nobody_at_all(m: Match) -> bool:
    """The victims denied are everyone ("no one", "nobody"), not a group ("no soldiers")."""
    verb = m.trigger.head.head if m.predicate.kind == "noun" else m.trigger
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in NO_ONE or
               " ".join(t.lower_ for t in c.subtree) in NO_ONE) for c in verb.children)


def topic_noun(m: Match) -> bool:
    """"the timetable for any withdrawal": an event noun that is only what is talked about."""
    return m.predicate.kind == "noun" and talked_about(m.trigger)


def talked_about(noun: Token) -> bool:
    """An event noun that is what a timetable, the terms or a question are of ("the timetable
    for any withdrawal"), or what a discussion is about ("discussed the withdrawal")."""
    tok = first_conjunct(noun)
    if tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS:
        owner = tok.head.head
        if owner.pos_ in ("NOUN", "PROPN") and (lemma(owner) in TOPIC_NOUNS or owner.lower_ in TOPIC_NOUNS):
            return True
        if owner.pos_ == "VERB" and _discussion(owner):
            return True  # "talked about the deployment", "argued over the terms"
    return tok.dep_ in ("dobj", "obj") and _discussion(tok.head)


def _discussion(verb: Token) -> bool:
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return lemma(verb) in DISCUSSION_VERBS or (particle is not None and f"{lemma(verb)} {particle}" in DISCUSSION_VERBS)
