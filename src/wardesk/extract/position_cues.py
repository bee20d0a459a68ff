"""Stance triggers ("demanded", "ruled out", "ready to", "the need for", "must", "on condition
that") and the stretch of the sentence each one governs, cut into one chunk per conjunct."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from wardesk.extract.phrase_lexicon import PhraseLexicon, load_data

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

COMPLEMENTS = ("dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "acomp", "pcomp", "conj", "advcl", "acl")
SKIP_PUNCT = " ,;:–—-“”\"‘’'"


@dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    stance: str
    kind: str  # verb | adjective | noun | modal | condition
    scope: tuple[int, int]  # token indices the stance governs, end exclusive


@lru_cache(maxsize=1)
def stance_data() -> dict[str, Any]:
    return load_data("stance_cues.json")


@lru_cache(maxsize=1)
def condition_lexicon() -> PhraseLexicon:
    return PhraseLexicon(("condition", p) for p in stance_data()["conditions"])


def triggers(sent: Span) -> list[Trigger]:
    """Stance triggers of a sentence, in order, each with its scope."""
    conditions = _conditions(sent)
    raw = [t for tok in sent if (t := _trigger(tok)) is not None
           and not any(c.token.i <= tok.i < c.scope[0] for c in conditions)]
    conditions += [c for t in raw if (c := _if_clause(t)) is not None
                   and not any(o.token.i == c.token.i for o in conditions)]
    found = [_clip(t, conditions) for t in raw]
    return sorted([*found, *conditions], key=lambda t: t.token.i)


_YIELDING = ("accept", "offer", "support")


def _if_clause(trig: Trigger) -> Trigger | None:
    """"will only accept a ceasefire if Russia withdraws": the if-clause of a yielding stance
    is its condition."""
    if trig.stance not in _YIELDING:
        return None
    for clause in trig.token.children:
        mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")), None)
        if clause.dep_ == "advcl" and mark is not None and mark.i > trig.token.i:
            return Trigger(mark, "condition", "condition", (mark.i + 1, clause.right_edge.i + 1))
    return None


def _clip(trig: Trigger, conditions: list[Trigger]) -> Trigger:
    """A stance stops where its condition begins: "agreed to X on condition that Y" accepts X
    and sets Y as the condition."""
    start, end = trig.scope
    for cond in conditions:
        if start <= cond.token.i < end:
            end = cond.token.i
    return Trigger(trig.token, trig.stance, trig.kind, (start, end))


def _trigger(tok: Token) -> Trigger | None:
    data = stance_data()
    if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ != "aux"):
        stance = _verb_stance(tok, data["verbs"])
        if stance is not None:
            return _with_scope(tok, stance, "verb")
    if tok.pos_ == "ADJ" and tok.lower_ in data["adjectives"]:
        return _with_scope(tok, data["adjectives"][tok.lower_], "adjective")
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in data["nouns"] and _has_complement(tok):
        return _with_scope(tok, data["nouns"][tok.lemma_.lower()], "noun")
    if tok.dep_ == "aux" and _modal(tok):
        verb = tok.head
        return Trigger(tok, "demand", "modal", (verb.i, verb.right_edge.i + 1))
    return None


def _verb_stance(tok: Token, verbs: dict[str, str]) -> str | None:
    lemma = tok.lemma_.lower()
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and f"{lemma} {child.lower_}" in verbs:
            return verbs[f"{lemma} {child.lower_}"]
    if any(c.dep_ == "prt" for c in tok.children):
        return None  # a particle makes another verb: "back off" is not "back"
    return verbs.get(lemma)


def _modal(tok: Token) -> bool:
    modals = stance_data()["modals"]
    if tok.lower_ in modals:
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and f"{tok.lower_} {nxt.lower_}" in modals


def _has_complement(noun: Token) -> bool:
    return any(c.dep_ in ("prep", "acl", "advcl", "ccomp", "relcl") and c.i > noun.i for c in noun.children)


def _with_scope(tok: Token, stance: str, kind: str) -> Trigger | None:
    parts = [c for c in tok.rights if c.dep_ in COMPLEMENTS and not c.is_punct]
    if not parts or _answers_claim(tok, stance) or _idle_request(tok, parts):
        return None
    start = min(p.left_edge.i for p in parts)
    end = max(p.right_edge.i for p in parts) + 1
    return Trigger(tok, stance, kind, (max(start, tok.i + 1), end))


def _answers_claim(tok: Token, stance: str) -> bool:
    """"rejected the allegation that …", "dismissed concerns about …": no stance on an issue."""
    if stance not in ("reject", "oppose"):
        return False
    objects = set(stance_data()["claim_objects"])
    return any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in tok.children)


def _idle_request(tok: Token, parts: list[Token]) -> bool:
    """"a request for comment", "calls for updates"."""
    idle = set(stance_data()["idle_requests"])
    for part in parts:
        heads = [part, *[c for c in part.children if c.dep_ == "pobj"]]
        if any(h.lower_ in idle for h in heads):
            return True
    return False


def _conditions(sent: Span) -> list[Trigger]:
    out = []
    for hit in condition_lexicon().match(sent):
        stops = [t.i for t in sent.doc[hit.end + 1: sent.end] if t.text in (",", ";", ".")]
        end = stops[0] if stops else sent.end
        out.append(Trigger(sent.doc[hit.start], "condition", "condition", (hit.end, end)))
    return out


def chunks(sent: Span, scope: tuple[int, int]) -> list[tuple[int, int]]:
    """The scope cut at each conjoined verb: "commit to neutrality, abandon …, demilitarise
    and recognise …" gives one chunk per demand."""
    doc = sent.doc
    cuts = [scope[0]]
    for tok in doc[scope[0]: scope[1]]:
        if tok.i > scope[0] + 1 and tok.dep_ == "conj" and _after_list_mark(tok):
            cuts.append(tok.i)
    cuts.append(scope[1])
    return [(a, b) for a, b in pairwise(cuts) if b > a]


def _after_list_mark(tok: Token) -> bool:
    prev = tok.doc[tok.i - 1]
    return prev.text == "," or prev.dep_ == "cc"


def subordinate(tok: Token, top: Token) -> bool:
    """Whether ``tok`` sits in an if/when/unless clause below ``top`` (a side condition, not
    the thing demanded)."""
    node = tok
    while node.i != top.i and node.head.i != node.i:
        if node.dep_ == "advcl" and any(c.lower_ in _SIDE_MARKS for c in node.children):
            return True
        if node.dep_ in ("pobj", "pcomp") and node.head.lower_ in _TIME_PREPS:
            return True  # "before the presidential election": when, not what
        node = node.head
    return False


_TIME_PREPS = ("before", "after", "until", "since", "during", "ahead", "amid")
_SIDE_MARKS = ("if", "when", "unless", "before", "after", "until", "because", "while")


def negated(tok: Token) -> bool:
    """"did not agree", "is not ready", "no indication Putin is willing"."""
    steps = [tok, tok.head] if tok.dep_ in ("acomp", "xcomp", "attr") else [tok]
    if any(c.dep_ == "neg" for s in steps for c in s.children):
        return True
    blocking = set(stance_data()["blocking"])
    head = tok
    for _ in range(3):
        head = head.head
        if head.pos_ == "NOUN" and any(c.lower_ in ("no", "little") for c in head.children):
            return True
        if head.lemma_.lower() in blocking:
            return True  # "to prevent it from achieving …"
    return False


def chunk_text(sent: Span, chunk: tuple[int, int]) -> tuple[int, int]:
    """Character offsets of a chunk without its edge punctuation and conjunctions."""
    doc = sent.doc
    a, b = chunk
    while a < b - 1 and (doc[a].is_punct or doc[a].dep_ == "cc"):
        a += 1
    while b - 1 > a and (doc[b - 1].is_punct or doc[b - 1].dep_ == "cc"):
        b -= 1
    return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
