"""Syntax tests over the dependency parse, used by every stage: lemmas, subjects, auxiliaries,
the passive, conditional clauses and noun-phrase spans. They read labels from ``labels`` and
function words from the language's ``grammar.json``, never spell either themselves."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADVERBIAL_CLAUSE,
    AUXILIARIES,
    CLAUSAL_MODIFIER,
    CLAUSE_ATTACHMENTS,
    MARK,
    MODIFIER_NOUN,
    NOMINALS,
    OBJECT,
    OBJECTS,
    PASSIVE_AUX,
    PASSIVE_MARKERS,
    PREP_OBJECT,
    PREPOSITION,
    PUNCT,
    SUBJECTS,
    VERBALS,
)
from wardesk.extract.grammar.shapes import infinitive_marker, is_participle, prep_objects_of
from wardesk.extract.lexicon import LANGUAGE, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

CONDITIONAL_MARKS = words("grammar.json", "conditional_marks")  # "if", "unless"
NEGATIVE_CONDITION_MARKS = words("grammar.json", "negative_condition_marks")  # "unless"


def grammar_words(doc: Doc, key: str) -> frozenset[str]:
    """One list of function words of ``grammar.json`` in the Doc's language ("si" for French
    "if"); English when the language has no such file or key."""
    return _grammar_words(doc.lang_, key)


@lru_cache(maxsize=64)
def _grammar_words(language: str, key: str) -> frozenset[str]:
    if language and language != LANGUAGE:
        try:
            return words("grammar.json", key, language)
        except (FileNotFoundError, KeyError):
            pass
    return words("grammar.json", key)


def lemma(tok: Token) -> str:
    """The token's lemma in lower case, or its lower-cased text when the tagger gave none."""
    return (tok.lemma_ or tok.lower_).lower()


def subject(tok: Token) -> Token | None:
    """The first (active or passive) subject among the token's children."""
    return next((c for c in tok.children if c.dep_ in SUBJECTS), None)


def has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in tok.children)


def auxiliaries(tok: Token) -> set[str]:
    """The lower-cased auxiliaries (active and passive) of a verb: {"will", "be"}."""
    return {c.lower_ for c in tok.children if c.dep_ in AUXILIARIES}


def marked_passive(verb: Token) -> bool:
    """A passive with its marks: a passive auxiliary or a passive subject ("was shelled")."""
    return any(c.dep_ in PASSIVE_MARKERS for c in verb.children)


def passive_aux(verb: Token) -> bool:
    """The verb has a passive auxiliary ("is believed")."""
    return any(c.dep_ in PASSIVE_AUX for c in verb.children)


def reduced_passive(verb: Token) -> bool:
    """A participle modifying a noun ("the prisoners released on Monday")."""
    return verb.dep_ in CLAUSAL_MODIFIER and is_participle(verb) and verb.head.pos_ in NOMINALS


def is_passive(verb: Token) -> bool:
    return marked_passive(verb) or reduced_passive(verb)


def condition_mark(clause: Token, marks: frozenset[str] | None = None, strict: bool = True) -> Token | None:
    """The first child of ``clause`` that is a conditional subordinator ("if", "unless"; by
    default those of the Doc's language); with ``strict`` it must be attached as a subordinator
    (``mark``), else any child will do."""
    if marks is None:
        marks = grammar_words(clause.doc, "conditional_marks")
    return next((c for c in clause.children if c.lower_ in marks and (not strict or c.dep_ in MARK)), None)


def is_condition_clause(tok: Token, marks: frozenset[str] | None = None, strict: bool = True) -> bool:
    """``tok`` heads an adverbial clause opened by a conditional subordinator ("if they attack")."""
    return tok.dep_ in ADVERBIAL_CLAUSE and condition_mark(tok, marks, strict) is not None


def has_condition(tok: Token, marks: frozenset[str] | None = None, strict: bool = False) -> bool:
    """Some adverbial clause of ``tok`` is a condition ("will strike if …", "unless …")."""
    return any(is_condition_clause(c, marks, strict) for c in tok.children)


def phrase_tokens(head: Token, skip_preps: frozenset[str] = frozenset()) -> list[Token]:
    """The tokens of the noun phrase headed by ``head``, in order, without its clauses (and
    without prepositional phrases headed by ``skip_preps``)."""
    tokens = [head]
    stack = [c for c in head.children if c.dep_ not in CLAUSE_ATTACHMENTS and c.dep_ not in PUNCT
             and not (c.dep_ in PREPOSITION and c.lower_ in skip_preps)]
    while stack:
        tok = stack.pop()
        tokens.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in CLAUSE_ATTACHMENTS)
    return sorted(tokens, key=lambda t: t.i)


def phrase_span(head: Token, skip_preps: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``head`` (see ``phrase_tokens``)."""
    tokens = phrase_tokens(head, skip_preps)
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return start, end


REQUEST_NOUNS = words("grammar.json", "request_nouns")  # "call", "demand", "appeal" …
INFINITIVE_MARKS = words("grammar.json", "infinitive_marks")  # "to"
# How the words before a "to"-clause hang together ("calls *in Congress* to …").
_PHRASE_LINKS = PREP_OBJECT | PREPOSITION | MODIFIER_NOUN


def asking_noun_before(clause: Token) -> Token | None:
    """The noun of asking that the words just before the clause's "to" end in, through its
    prepositional phrase ("calls in Congress to impose …"): the parser hung the clause on
    the sentence's verb, but it is what the calls ask for."""
    to = infinitive_marker(clause, INFINITIVE_MARKS)
    if to is None or to.i == 0:
        return None
    tok = to.doc[to.i - 1]
    for _ in range(4):
        if tok.pos_ == "NOUN" and lemma(tok) in REQUEST_NOUNS:
            return tok
        if tok.dep_ not in _PHRASE_LINKS or tok.head.i == tok.i or tok.head.i > to.i:
            return None
        tok = tok.head
    return None


def adverbial_passive(verb: Token) -> bool:
    """A bare past participle clause ("if convicted", "once released", "when attacked") is a
    passive whose undergoer is the subject of the clause it hangs from."""
    return verb.dep_ in ADVERBIAL_CLAUSE and is_participle(verb) and verb.head.pos_ in VERBALS and not any(
        c.dep_ in _BARE_PARTICIPLE_BLOCKERS for c in verb.children)


_BARE_PARTICIPLE_BLOCKERS = SUBJECTS | AUXILIARIES | OBJECT


def objects(verb: Token) -> list[Token]:
    """A verb's direct and indirect objects."""
    return [c for c in verb.children if c.dep_ in OBJECTS]


def prep_objects(head: Token, preps: AbstractSet[str]) -> list[Token]:
    """The objects of ``head``'s prepositions among ``preps`` ("talks between A and B": A)."""
    return prep_objects_of(head, preps)
