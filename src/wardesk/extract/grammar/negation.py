"""Negation over the dependency parse, one set of tests for every stage: event modality
("did not attack"), positions ("is not ready", "no indication Putin is willing") and reported
speech ("did not say whether …"). Each stage chooses its scope (which words it looks at); the
tests of a word are these. Labels come from ``labels``, negators from ``grammar.json``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADVERBIAL_MODIFIER,
    DETERMINER,
    NOMINALS,
    PREDICATE_COMPLEMENTS,
    SUBJECTS,
    VERBALS,
    scheme_at,
)
from wardesk.extract.grammar.shapes import is_negator
from wardesk.extract.lexicon import word_tuple, words

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATIONS = words("grammar.json", "negations")  # "not", "never", "no" …
NOBODY_WORDS = words("grammar.json", "nobody_words")  # "nobody", "none"
NEGATIVE_DETERMINERS = words("grammar.json", "negative_determiners")  # "no country", "neither side"
SCARCITY_DETERMINERS = words("grammar.json", "scarcity_determiners")  # "no indication", "little sign"
PAIR_NEGATORS = words("grammar.json", "pair_negators")  # "neither … nor"
_NO, _LONGER = word_tuple("grammar.json", "no_longer")
_MODIFIER_DEPS = DETERMINER | ADVERBIAL_MODIFIER


def has_negation(tok: Token) -> bool:
    """The word carries a negation ("did *not* agree", "*never* attacked")."""
    scheme = scheme_at(tok)
    return any(is_negator(c, scheme) for c in tok.children)


def any_negated(tokens: Iterable[Token]) -> bool:
    """One of the words carries a negation."""
    return any(has_negation(t) for t in tokens)


def negative_modifier(tok: Token) -> bool:
    """A negation, or a negator as its determiner or adverb ("*no* talks", "*never* again")."""
    scheme = scheme_at(tok)
    return any(is_negator(c, scheme) or (c.lower_ in NEGATIONS and c.dep_ in _MODIFIER_DEPS) for c in tok.children)


def no_longer(tok: Token) -> bool:
    """"will *no longer* recognize"."""
    return any(c.lower_ == _LONGER and any(n.lower_ == _NO for n in c.children) for c in tok.children)


def negative_subject(verb: Token) -> bool:
    """"*No country* has recognized …", "*Nobody* attacked …": the verb's first subject is negative."""
    for c in verb.children:
        if c.dep_ in SUBJECTS:
            return c.lower_ in NOBODY_WORDS or any(
                d.dep_ in DETERMINER and d.lower_ in NEGATIVE_DETERMINERS for d in c.children)
    return False


def pair_negated(tok: Token | None) -> bool:
    """"*Neither* X nor Y": the phrase opens with the pair negator."""
    return tok is not None and any(c.lower_ in PAIR_NEGATORS for c in tok.children)


def denied_noun(tok: Token) -> bool:
    """A noun whose existence or amount is denied ("*no* indication", "*little* sign")."""
    return tok.pos_ == "NOUN" and any(c.lower_ in SCARCITY_DETERMINERS for c in tok.children)


def negated_noun_phrase(noun: Token) -> bool:
    """A noun phrase negated by a negation or a "no" ("*no* ceasefire")."""
    scheme = scheme_at(noun)
    return any(is_negator(c, scheme) or c.lower_ == _NO for c in noun.children)


def copular_scope(tok: Token) -> list[Token]:
    """The word, and the verb it completes when it is a complement ("is not ready": the
    negation sits on the copula)."""
    return [tok, tok.head] if tok.dep_ in PREDICATE_COMPLEMENTS else [tok]


def clause_negated(chain: Iterable[Token], trigger: Token) -> bool:
    """Some word of ``chain`` (the trigger and the words governing it) negates it: a negation
    or negator on a verb or on the trigger itself, a negative subject, or "no longer"."""
    for t in chain:
        if t.pos_ in NOMINALS and t.i != trigger.i:
            continue
        if negative_modifier(t):
            return True
        if t.pos_ in VERBALS and negative_subject(t):
            return True
        if no_longer(t):
            return True
    return False


def denied_subject(verb: Token, nobody: frozenset[str]) -> bool:
    """Some (passive) subject of the clause is a negative quantifier: "no one", "nobody",
    "none of them" (phrases of ``nobody``), or a noun with "no" ("no passengers")."""
    for subj in (c for c in verb.children if c.dep_ in SUBJECTS):
        phrase = " ".join(t.lower_ for t in subj.subtree if t.i <= subj.i)
        if subj.lower_ in nobody or phrase in nobody:
            return True
        if any(c.dep_ in DETERMINER and c.lower_ == _NO for c in subj.children):
            return True
    return False
