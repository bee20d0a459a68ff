"""What kind of clause a word heads, in one function: ``clause_kind(verb)``.

Kinds: ``MAIN`` (the sentence's own clause), ``COORDINATE`` (a later conjunct: ask its first
conjunct), ``COMPLEMENT`` (what a verb says, wants or asks: "said *it attacked*", "refused *to
sign*"), ``RELATIVE`` ("the town *that was shelled*"), ``NOUN_MODIFIER`` (a reduced clause on a
noun: "talks *held in Doha*", "a plan *to withdraw*"), ``CONDITIONAL`` ("*if they attack*"),
``PURPOSE`` ("*so (that) they can* …", "in order *to* …"), ``ADVERBIAL`` (other adverbial clauses),
``SIDE`` (a loosely attached clause), and ``NOT_A_CLAUSE`` (the word heads no clause of its own).
Labels come from ``labels`` (either scheme), subordinators from ``grammar.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADVERBIAL_CLAUSE,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_MODIFIER,
    CLAUSAL_SUBJECT,
    CONJUNCT,
    MARK,
    OPEN_COMPLEMENT,
    PARATAXIS,
    PREP_COMPLEMENT,
    RELATIVE_CLAUSE,
    ROOT,
)
from wardesk.extract.grammar.syntax import condition_mark, grammar_words
from wardesk.extract.lexicon import word_tuple

if TYPE_CHECKING:
    from spacy.tokens import Token

MAIN = "main"
COORDINATE = "coordinate"
COMPLEMENT = "complement"
RELATIVE = "relative"
NOUN_MODIFIER = "noun_modifier"
CONDITIONAL = "conditional"
PURPOSE = "purpose"
ADVERBIAL = "adverbial"
SIDE = "side"
NOT_A_CLAUSE = ""
# Clauses that say something about a noun.
NOUN_CLAUSE_KINDS = frozenset({RELATIVE, NOUN_MODIFIER})

_IN, _ORDER = word_tuple("grammar.json", "in_order")  # "in order to"
_COMPLEMENTS = CLAUSAL_COMPLEMENT | OPEN_COMPLEMENT | PREP_COMPLEMENT | CLAUSAL_SUBJECT


def in_order_to(clause: Token) -> bool:
    """"in order *to* …": ClearNLP hangs the clause on "order" after "in"."""
    return clause.dep_ in CLAUSAL_MODIFIER and clause.head.lower_ == _ORDER and clause.head.head.lower_ == _IN


def purpose_marked(clause: Token) -> bool:
    """An adverbial clause opened by a purpose subordinator of the Doc's language ("*so* they can …")."""
    if clause.dep_ not in ADVERBIAL_CLAUSE:
        return False
    marks = grammar_words(clause.doc, "purpose_marks")
    return any(c.dep_ in MARK and c.lower_ in marks for c in clause.children)


def clause_kind(verb: Token) -> str:
    """The kind of clause ``verb`` heads, by how it hangs on its head (see the module note)."""
    dep = verb.dep_
    if dep in ROOT or verb.head.i == verb.i:
        return MAIN
    if dep in ADVERBIAL_CLAUSE:
        if purpose_marked(verb):
            return PURPOSE
        return CONDITIONAL if condition_mark(verb) is not None else ADVERBIAL
    if dep in CLAUSAL_MODIFIER:
        return PURPOSE if in_order_to(verb) else NOUN_MODIFIER
    if dep in RELATIVE_CLAUSE:
        return RELATIVE
    if dep in _COMPLEMENTS:
        return COMPLEMENT
    if dep in CONJUNCT:
        return COORDINATE
    if dep in PARATAXIS:
        return SIDE
    return NOT_A_CLAUSE
