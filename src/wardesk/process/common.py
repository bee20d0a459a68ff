"""What the peace-process rules share: their data files, phrase lexicons, and small questions
about tokens (the verb governing a noun, a verb's subject through its chain, a verb's phrase)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from wardesk.extract.grammar.labels import (
    ADJECTIVAL_COMPLEMENT,
    ADJECTIVAL_MODIFIER,
    ADVERBIAL_CLAUSE,
    ADVERBIAL_MODIFIER,
    APPOSITION,
    ATTRIBUTE,
    AUX,
    CLAUSAL_COMPLEMENT,
    CONJUNCT,
    INDIRECT_OBJECT,
    MODIFIER_NOUN,
    NOUN_MODIFIER,
    OBJECT,
    OBJECT_PREDICATE,
    OPEN_COMPLEMENT,
    PARATAXIS,
    PARTICLE,
    PASSIVE_SUBJECT,
    POSSESSOR,
    PREP_COMPLEMENT,
    PREP_LINKS,
    PREP_OBJECT,
    PREPOSITION,
    SUBJECTS,
)
from wardesk.extract.grammar.shapes import is_negator
from wardesk.extract.layers import Layers, doc_text
from wardesk.extract.lexicon.phrases import PhraseLexicon
from wardesk.extract.speech.cues import subject_of
from wardesk.records import ActorRef, Evidence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NON_PARTY_CODES = frozenset({"IGO", "NGO", "UNK", "MED"})


# A verb's prepositions and its infinitive 'to' after it ('agreed *to*', 'called *for*').
_BOUND_WORDS = PREPOSITION | INDIRECT_OBJECT | AUX
# What a verb names as its content or undergoer.
_VERB_CONTENT = OBJECT | PASSIVE_SUBJECT | ATTRIBUTE | OBJECT_PREDICATE | OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT
# Links that stay inside a noun phrase with its prepositional phrases.
_NOUN_PHRASE_LINKS = PREP_OBJECT | MODIFIER_NOUN | ADJECTIVAL_MODIFIER | NOUN_MODIFIER | APPOSITION | CONJUNCT | PREPOSITION | POSSESSOR
# Links from a verb up to the verb that governs it in one chain.
_CLAUSE_CHAIN = OPEN_COMPLEMENT | CONJUNCT | ADVERBIAL_CLAUSE | PREP_COMPLEMENT | ADJECTIVAL_COMPLEMENT
# Clauses below a verb that may carry their own subject.
_OWN_CLAUSES = ADVERBIAL_CLAUSE | CONJUNCT | CLAUSAL_COMPLEMENT | PARATAXIS


@lru_cache(maxsize=16)
def data(name: str) -> dict[str, Any]:
    """One of process/data's JSON files."""
    path = resources.files("wardesk.process").joinpath(f"data/{name}")
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=16)
def lexicon(name: str, key: str) -> PhraseLexicon:
    """The phrase lexicon of ``data(name)[key]`` (a mapping of entries to phrase lists)."""
    entries = data(name)[key]
    return PhraseLexicon((k, p) for k, phrases in entries.items() for p in phrases)


@lru_cache(maxsize=32)
def word_list(name: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in data(name)[key])


def party_key(ref: ActorRef) -> str:
    """A party as the process counts it: its country, else the actor (an IGO, a coalition)."""
    if ref.code and ref.code not in NON_PARTY_CODES:
        return ref.code
    return ref.actor or ref.actorText.lower()


def evidence_of(layers: Layers, sent: Span) -> Evidence:
    text = doc_text(layers.doc)
    return Evidence(text[sent.start_char: sent.end_char], sent.start_char, sent.end_char)


def span_text(layers: Layers, start: Token, end: Token) -> str:
    """The text from token ``start`` to token ``end`` (inclusive)."""
    text = doc_text(layers.doc)
    return text[start.idx: end.idx + len(end.text)].strip(" ,;:")


def subtree_text(layers: Layers, tok: Token) -> str:
    return span_text(layers, tok.left_edge, tok.right_edge)


def verb_phrases(verb: Token) -> set[str]:
    """The ways a verb may be listed: its lemma, with its particle ("rule out"), with its
    preposition ("agree to", "call for") and with both ("sign on to")."""
    lemma = verb.lemma_.lower()
    out = {lemma}
    prts = [c.lower_ for c in verb.children if c.dep_ in PARTICLE or (c.dep_ in ADVERBIAL_MODIFIER and c.tag_ == "RP")]
    preps = [c.lower_ for c in verb.children if c.dep_ in _BOUND_WORDS and c.i > verb.i]
    for prt in prts:
        out.add(f"{lemma} {prt}")
        out.update(f"{lemma} {prt} {p}" for p in preps)
    out.update(f"{lemma} {p}" for p in preps)
    return out


def matches_verb(verb: Token, phrases: frozenset[str]) -> str | None:
    """The longest of ``phrases`` that ``verb`` (with its particle or preposition) is."""
    found = sorted(verb_phrases(verb) & phrases, key=len, reverse=True)
    return found[0] if found else None


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase is the object of: directly ("rejected the plan"), through a
    preposition ("called for a truce", "agreed to a ceasefire"), or through a noun it
    qualifies ("accepted the proposal for a ceasefire"); None for a subject or a far noun."""
    tok = noun
    for _ in range(6):
        if tok.dep_ in _VERB_CONTENT and tok.head.pos_ in ("VERB", "AUX"):
            return tok.head
        if tok.dep_ in PREP_OBJECT and tok.head.dep_ in PREP_LINKS and tok.head.head.pos_ in ("VERB", "AUX"):
            return tok.head.head
        if tok.dep_ in _NOUN_PHRASE_LINKS and tok.head.i != tok.i:
            tok = tok.head
            continue
        return None
    return None


def chain_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verbs it hangs from ("Kyiv is ready to accept",
    "are expected to commit to join"): up to four steps up xcomp/conj/advcl links."""
    tok = verb
    for _ in range(5):
        subject = subject_of(tok)
        if subject is not None:
            return subject
        if tok.dep_ not in _CLAUSE_CHAIN or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.dep_ in PREPOSITION:
            tok = tok.head
    return None


def negated(verb: Token) -> bool:
    return any(is_negator(c) for c in verb.children)


def date_of(layers: Layers, tok: Token) -> str | None:
    found = layers.dates.date_for(tok)
    if found is not None and found.value:
        return found.value
    return layers.published


def refs_of(layers: Layers, tok: Token | None) -> list[ActorRef]:
    if tok is None:
        return []
    return [r for r in layers.actors.refs(tok) if r.actor is not None or r.code]


def token_at(layers: Layers, char: int) -> Token | None:
    """The token starting at (or covering) character offset ``char``."""
    span = layers.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def has_words(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` holds one of ``words`` (whole words; a trailing * any ending)."""
    low = text.lower()
    for word in words:
        stem = word.rstrip("*")
        pattern = rf"\b{re.escape(stem)}" + (r"\w*" if word.endswith("*") else r"\b")
        if re.search(pattern, low):
            return True
    return False


def answer_of(verb: Token) -> str | None:
    """The kind of answer a verb gives to its object ("accepted" accept, "ruled out" reject)."""
    verbs: dict[str, list[str]] = data("response_cues.json")["verbs"]
    for name, phrases in verbs.items():
        if matches_verb(verb, frozenset(phrases)):
            return name
    return None


_PRONOUNS = frozenset(("it", "they", "we", "he", "she", "i"))


def subject_refs(layers: Layers, subject: Token | None) -> list[ActorRef]:
    """The actors a subject names; a pronoun the actor table leaves open takes the subject of
    the verb reporting its clause ("Ukraine said it is ready to accept": Ukraine)."""
    refs = refs_of(layers, subject)
    if subject is None or subject.lower_ not in _PRONOUNS or (refs and subject.lower_ not in _PLURAL):
        return refs
    reporting = _reporting_refs(layers, subject)
    return refs + [r for r in reporting if r not in refs] if refs else reporting


_PLURAL = frozenset(("they", "we"))


def _reporting_refs(layers: Layers, subject: Token) -> list[ActorRef]:
    refs: list[ActorRef] = []
    node = subject.head
    for _ in range(4):
        if node.dep_ in CLAUSAL_COMPLEMENT and node.head.i != node.i:
            said = subject_of(node.head)  # "Moscow and Kyiv both said they would …": both
            refs = refs_of(layers, said)
            conj = [c for c in said.children if c.dep_ in CONJUNCT] if said is not None else []
            return refs + [r for c in conj for r in refs_of(layers, c) if r not in refs]
        if node.head.i == node.i:
            return []
        node = node.head
    return []


def halts(head: Token | None, verb: Token) -> bool:
    """"they would halt attacks on energy facilities": a halting verb over the hostilities a
    proposal pauses takes the proposal (response_cues halting_verbs, hostile_nouns)."""
    if head is None or head.lemma_.lower() not in word_list("response_cues.json", "hostile_nouns"):
        return False
    return matches_verb(verb, word_list("response_cues.json", "halting_verbs")) is not None


def own_words(verb: Token) -> list[Token]:
    """The verb's subtree without the clauses that have their own subject ("accepted the offer,
    while Thailand agreed in principle": not the words of the acceptance)."""
    skip: set[int] = set()
    for child in verb.children:
        if child.dep_ in _OWN_CLAUSES and any(
                c.dep_ in SUBJECTS for c in child.children):
            skip.update(t.i for t in child.subtree)
    return [t for t in verb.subtree if t.i not in skip]
