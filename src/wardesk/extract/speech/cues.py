"""Speech cues: which words introduce reported speech, which hedge it, and the candidate
statement the cue finders hand to ``statements`` (before speakers are resolved to actors)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wardesk.extract.grammar.clauses import RELATIVE, clause_kind
from wardesk.extract.grammar.labels import (
    ADJECTIVAL_MODIFIER,
    ADVERBIAL_CLAUSE,
    ADVERBIAL_MODIFIER,
    ALL_SUBJECTS,
    AUX,
    CONJUNCT,
    MARK,
    MODIFIER_NOUN,
    NOUN_MODIFIER,
    OPEN_COMPLEMENT,
    PASSIVE_AUX,
    PASSIVE_SUBJECT,
    PREP_OBJECT,
    PREPOSITION,
)
from wardesk.extract.lexicon import data_file, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

RELATIVES = words("speech/cues.json", "relatives")
PRONOUNS = words("speech/cues.json", "pronouns")
TRIM_CHARS = " \t\n,;:—–-"


# Participles that front a source ('citing officials').
FRONTED_SOURCES = words("speech/cues.json", "fronted_sources")


# Clauses that may share their head's subject ('said and added', 'tried to say').
_SUBJECT_SHARING = ADVERBIAL_CLAUSE | CONJUNCT | OPEN_COMPLEMENT
# Links inside a noun phrase with its prepositional phrases.
_PHRASE_INNER = PREPOSITION | MODIFIER_NOUN | NOUN_MODIFIER | ADJECTIVAL_MODIFIER | PREP_OBJECT


@dataclass(frozen=True, slots=True)
class Candidate:
    """A statement found by a cue finder: speaker as a token (or text), content offsets."""

    speaker: Token | None
    speaker_text: str
    cue: str
    start: int
    end: int
    certainty: str
    direct: bool = False
    cue_i: int = -1  # token index of the cue (to avoid using one cue twice)


@lru_cache(maxsize=1)
def cue_data() -> dict[str, Any]:
    path = data_file("speech_cues.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def cue_certainty(token: Token) -> str | None:
    """The certainty a reporting verb gives, or None when ``token`` is not a reporting verb."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_[:2] != "VB":
        return None
    if token.is_title and not token.is_sent_start:
        return None  # "Sayed Abdul Wajeed Sadat": a capitalised "Sayed" is a name
    verbs: dict[str, str] = cue_data()["verbs"]
    return verbs.get(token.lemma_.lower())


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``; for a conjoined verb without one, the first conjunct's."""
    for child in verb.children:
        if child.dep_ in ALL_SUBJECTS:
            return child
    if verb.dep_ in CONJUNCT and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    return None


def speaker_of(cue: Token) -> Token | None:
    """The subject of a reporting verb; for "…, adding that …" the subject of the verb it
    hangs from (up to three steps up)."""
    tok = cue
    for _ in range(3):
        subject = subject_of(tok)
        if subject is not None and subject.lower_ in RELATIVES and clause_kind(tok) == RELATIVE:
            return tok.head  # "officials who said …"
        if subject is not None or tok.dep_ not in _SUBJECT_SHARING or tok.head.i == tok.i:
            return subject
        tok = tok.head
    return None


def is_expletive(subject: Token) -> bool:
    """'it' in "it's been claimed", "it is understood": no speaker."""
    return subject.lower_ == "it" and subject.dep_ in PASSIVE_SUBJECT


def hedged(verb: Token) -> bool:
    """Whether the clause headed by ``verb`` is softened: "reportedly", "appears to", "is
    understood to", "may"."""
    hedges = cue_data()["hedges"]
    for child in verb.children:
        if child.dep_ in ADVERBIAL_MODIFIER and child.lower_ in hedges["adverbs"]:
            return True
        if child.dep_ in AUX and child.lower_ in hedges["modals"]:
            return True
    head = verb.head
    if verb.dep_ in OPEN_COMPLEMENT and head.lemma_.lower() in hedges["verbs"]:
        return True
    passive = any(c.dep_ in PASSIVE_AUX for c in head.children)
    return verb.dep_ in OPEN_COMPLEMENT and passive and head.lemma_.lower() in hedges["passive_beliefs"]


def claim_marked(verb: Token) -> bool:
    return any(c.dep_ in ADVERBIAL_MODIFIER and c.lower_ in cue_data()["claim_adverbs"] for c in verb.children)


def conditional_sentence(sent: Span) -> bool:
    """"If these claims are true, …": the whole sentence is conjecture."""
    frames = set(cue_data()["conditional_frames"])
    for tok in sent:
        if tok.lower_ == "if" and tok.dep_ in MARK:
            clause = tok.head
            if any(t.lemma_.lower() in frames for t in clause.subtree):
                return True
    return False


def about_hostilities(doc: Doc, start: int, end: int) -> bool:
    terms = set(cue_data()["hostility_terms"])
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in terms for t in span)


def noun_phrase(head: Token) -> tuple[int, int]:
    """Character offsets of the speaker phrase headed by ``head``, without relative clauses,
    appositions or trailing punctuation ("U.S. Central Command, which oversees …")."""
    doc = head.doc
    right = head
    for child in head.rights:
        if child.dep_ not in _PHRASE_INNER:
            break
        right = child.right_edge
    for tok in doc[head.i: right.i + 1]:
        if tok.text in ",(–—":
            right = doc[tok.i - 1]
            break
    left = head.left_edge
    while left.i < head.i and left.lower_ in FRONTED_SOURCES:
        left = doc[left.i + 1]  # "Quoting western officials": the participle is no part of it
    return left.idx, right.idx + len(right.text)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets with surrounding punctuation, spaces and a trailing full stop taken off; a
    content wholly inside one pair of quotation marks loses the marks."""
    while start < end and text[start] in TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in TRIM_CHARS + ".":
        end -= 1
    for tail in (" and", " but", " or"):
        if text.endswith(tail, start, end):
            end -= len(tail)
    return unquote(text, start, end)


def unquote(text: str, start: int, end: int) -> tuple[int, int]:
    """A content that is one whole quotation loses its marks (and the comma before the close);
    a lone opening mark at the start is dropped too."""
    if end - start >= 3 and text[start] in "“‘" and not any(c in text[start:end] for c in "”’"):
        start += 1
    if end - start < 3 or text[start] not in "“\"‘'" or text[end - 1] not in "”\"’'":
        return start, end
    inner = text[start + 1: end - 1]
    if any(mark in inner for mark in "“”\""):
        return start, end  # two quotations with words between them
    start, end = start + 1, end - 1
    while end > start and text[end - 1] in TRIM_CHARS:
        end -= 1
    return start, end
