"""Mood tests over the parse: clauses that say what did not happen or only would happen under a
condition — a counterfactual ("could have destroyed the region"), an inverted condition ("had
Hamas released the hostages"). Used by the event stage to leave such clauses unasserted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import AUXILIARIES, SUBJECTS, VERBALS
from wardesk.extract.grammar.shapes import is_participle

if TYPE_CHECKING:
    from spacy.tokens import Token

_MODAL_TAG = "MD"
_PERFECT_AUX = "have"
_PAST_TAGS = ("VBD", "VBN")


def clause_head(tok: Token) -> Token:
    """The verb of the token's clause: the token itself when it is a verb, else its head."""
    return tok if tok.pos_ in VERBALS else tok.head


def counterfactual(verb: Token) -> bool:
    """A perfect modal ("could have destroyed", "would have killed", "might have been hit"):
    what the clause says did not happen."""
    auxes = [c for c in verb.children if c.dep_ in AUXILIARIES and c.i < verb.i]
    modal = any(c.tag_ == _MODAL_TAG for c in auxes)
    perfect = any(c.lemma_.lower() == _PERFECT_AUX and c.tag_ == "VB" for c in auxes)
    return modal and perfect and is_participle(verb)


_INVERTING_AUX = ("had", "were", "should")
# Words after which an inverted auxiliary is emphasis, not a condition ("never had they …").
_INVERSION_ADVERBS = ("never", "rarely", "seldom", "hardly", "only", "nor", "neither", "not", "so", "little")


def inverted_condition(verb: Token) -> bool:
    """A clause whose "had"/"were"/"should" stands before its subject with no question
    ("… had Hamas released the hostages", "Had the army withdrawn, …"): a condition, never a
    report, however the parser attached it."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return False
    start = subject.left_edge.i
    aux = next((c for c in verb.children if c.dep_ in AUXILIARIES and c.i == start - 1
                and c.lower_ in _INVERTING_AUX), None)
    if aux is None or verb.sent.text.rstrip(" \"'\u201d\u2019").endswith("?"):
        return False
    before = verb.doc[aux.i - 1].lower_ if aux.i > verb.sent.start else ""
    return before not in _INVERSION_ADVERBS and verb.tag_ in _PAST_TAGS


_OPENING = ("\u201c", '"')
_CLOSING = ("\u201d", '"')


def inside_quotation(tok: Token) -> bool:
    """The token stands inside a direct quotation of its sentence (an odd number of quotation
    marks before it, curly or straight)."""
    sent = tok.sent
    marks = [t for t in sent if t.i < tok.i and (t.text in _OPENING or t.text in _CLOSING)]
    curly = [t for t in marks if t.text in ("\u201c", "\u201d")]
    if curly:
        return curly[-1].text == "\u201c"
    return len(marks) % 2 == 1
