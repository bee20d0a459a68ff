"""Later mentions by description: "the group", "the rebels", "the ministry", "the alliance"
stand for the nearest earlier actor of a fitting kind (a data file says which kinds fit)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from wardesk.extract.actors.drafts import Draft
from wardesk.extract.actors.groups import Phrase
from wardesk.extract.actors.phrases import Scan, is_plural
from wardesk.extract.grammar.labels import (
    APPOSITION,
    ATTRIBUTE,
    DETERMINER,
    IDENTIFYING_MODIFIERS,
    NOMINAL_MODIFIERS,
    OBJECT_PREDICATE,
    PREDETERMINER,
    PREPOSITION,
    RELATIVE_CLAUSE,
)
from wardesk.extract.grammar.shapes import has_prep, is_prep_object
from wardesk.extract.lexicon import data_file, words
from wardesk.kb.entries import GROUP, INSTITUTION, TITLE

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# How many sentences before the description its actor may have been named in.
WINDOW = 3
DEFINITE = words("actors/anaphora.json", "definite")


@dataclass(frozen=True, slots=True)
class Fit:
    """What one head noun may stand for (see data/anaphora_nouns.json)."""

    entries: frozenset[str]
    slugs: frozenset[str]
    words: frozenset[str]
    sectors: frozenset[str]

    def admits(self, draft: Draft, sectors: frozenset[str]) -> bool:
        if self.sectors and draft.sector not in self.sectors:
            return False
        if sectors and draft.sector not in sectors:
            return False
        if draft.entry_kind is not None and draft.entry_kind in self.entries:
            return not self.slugs or draft.slug in self.slugs
        return draft.word is not None and draft.word in self.words


@dataclass(frozen=True, slots=True)
class Lexicon:
    nouns: Mapping[str, Fit]
    plural_only: frozenset[str]
    singular_only: frozenset[str]
    modifiers: Mapping[str, frozenset[str]]
    not_same: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = data_file("anaphora_nouns.json")
    raw = json.loads(path.read_text("utf-8"))
    nouns = {
        noun: Fit(frozenset(spec.get("entries", ())), frozenset(spec.get("slugs", ())),
                  frozenset(spec.get("words", ())), frozenset(spec.get("sectors", ())))
        for noun, spec in raw["nouns"].items()
    }
    return Lexicon(nouns, frozenset(raw["plural_only"]), frozenset(raw["singular_only"]),
                   {m: frozenset(s) for m, s in raw["modifiers"].items()}, frozenset(raw["not_same"]))


def describe(scan: Scan, phrases: Mapping[int, Phrase], owner: Mapping[int, int]) -> dict[int, Phrase]:
    """The definite descriptions of ``scan.doc`` that stand for one earlier actor, by head token.
    A description whose nearest fitting actors are two (or none in the window) stays unresolved."""
    lex = lexicon()
    found: dict[int, Phrase] = {}
    for token in scan.doc:
        if token.i in owner or token.pos_ != "NOUN":
            continue
        noun = token.lemma_.lower()
        fit = lex.nouns.get(noun)
        if fit is None or not _number_fits(lex, noun, token):
            continue
        start = _definite_start(scan, token, lex)
        if start is None:
            continue
        sectors = _narrowed(scan, token, lex)
        if sectors is None:
            continue
        people = noun in lex.plural_only
        draft = _antecedent(scan, token, fit, sectors, {**phrases, **found}, people)
        if draft is not None:
            found[token.i] = Phrase(start, token.i + 1, token.i, (draft,))
    return found


def _number_fits(lex: Lexicon, noun: str, token: Token) -> bool:
    """"the rebels" but not "the rebel"; "the group" but not "the groups" (several)."""
    if noun in lex.plural_only:
        return is_plural(token)
    if noun in lex.singular_only:
        return not is_plural(token)
    return True


_DETERMINERS = DETERMINER | PREDETERMINER
_NEW_GROUP_PREPS = frozenset({"of", "from", "in", "led", "based"})


def _definite_start(scan: Scan, token: Token, lex: Lexicon) -> int | None:
    """The first token of "the (separatist) group", or None when the phrase is not a bare
    definite description: no article, a name or person among its modifiers, "the other group"."""
    dets = [c for c in token.children if c.dep_ in _DETERMINERS]
    if len(dets) != 1 or dets[0].lower_ not in DEFINITE or dets[0].i > token.i:
        return None
    if token.dep_ in NOMINAL_MODIFIERS or token.dep_ in APPOSITION:
        return None  # "the group leader"; "Hamas, the group that …" (the name says who)
    if has_prep(token, _NEW_GROUP_PREPS, PREPOSITION):
        return None  # "the group of experts", "rebels in the north": a new group, or a place
    for child in token.children:
        if child.dep_ in IDENTIFYING_MODIFIERS:
            return None
        if child.dep_ in RELATIVE_CLAUSE and scan.doc[child.left_edge.i - 1].text != ",":
            return None  # "the militants who attacked the base": a restrictive clause picks them out
    for i in range(dets[0].i + 1, token.i):
        word = scan.doc[i]
        if i in scan.names or i in scan.person_at or word.pos_ in ("PROPN", "NUM"):
            return None
        if word.lower_ in lex.not_same:
            return None
    return dets[0].i


def _narrowed(scan: Scan, token: Token, lex: Lexicon) -> frozenset[str] | None:
    """The sectors the modifiers allow ("separatist": REB, INS); empty = no narrowing; None
    when two modifiers allow nothing in common."""
    out: frozenset[str] = frozenset()
    for word in scan.doc[token.left_edge.i:token.i]:
        hit = scan.words.get(word.i)
        allowed = lex.modifiers.get(word.lower_)
        if allowed is None and hit is not None and hit.word.sector:
            allowed = frozenset({hit.word.sector})  # "the rebel group": a sector word
        if allowed is None:
            continue
        out = allowed if not out else out & allowed
        if not out:
            return None
    return out


def _antecedent(scan: Scan, token: Token, fit: Fit, sectors: frozenset[str],
                phrases: Mapping[int, Phrase], people: bool) -> Draft | None:
    """The one fitting actor of the nearest sentence (within WINDOW) that names any; None when
    that sentence names two, or when it is the same clause's other party. "The militants" are
    fighters seen acting before, not a body that only spoke through its spokesman."""
    doc = token.doc
    sent_starts = [s.start for s in doc.sents]
    here = _sentence_index(sent_starts, token.i)
    clause = _clause(token)
    by_sentence: dict[int, list[Draft]] = {}
    rivals: set[int] = set()
    for head, phrase in phrases.items():
        if head >= token.i or phrase.head == token.i:
            continue
        n = _sentence_index(sent_starts, head)
        if here - n > WINDOW or (n == here and _clause(doc[head]).i == clause.i):
            continue
        if people and _spoken_for(scan, head):
            continue
        for draft in phrase.drafts:
            if fit.admits(draft, sectors):
                fitting = by_sentence.setdefault(n, [])
                if draft not in fitting:
                    fitting.append(draft)
            elif fit.entries and draft.kind == "group" and draft.sector in _allowed(fit, sectors):
                rivals.add(n)  # "Zaraba rebels": a party of that kind "the group" cannot take
    if not by_sentence:
        return None
    n = max(by_sentence)
    nearest = by_sentence[n]
    if len(nearest) != 1 or n in rivals or _unnamed_rival(scan, doc[sent_starts[n]].sent, token, fit, sectors, phrases):
        return None
    return nearest[0]


def _allowed(fit: Fit, sectors: frozenset[str]) -> frozenset[str]:
    """The sectors a description may stand for (empty: it does not say)."""
    return (fit.sectors & sectors) if fit.sectors and sectors else (fit.sectors or sectors)


def _unnamed_rival(scan: Scan, sent: Span, token: Token, fit: Fit, sectors: frozenset[str],
                   phrases: Mapping[int, Phrase]) -> bool:
    """Whether the antecedent's sentence also speaks of an unnamed party of the same kind ("3R
    rebels claim … attacks by anti-Balaka militias. … the rebel group"): either may be meant."""
    named = {i for p in phrases.values() for i in range(p.start, p.end)}
    allowed = _allowed(fit, sectors)
    for i in range(sent.start, min(sent.end, token.left_edge.i)):
        hit = scan.words.get(i)
        if hit is None or i != hit.start or i in named or (allowed and hit.word.sector not in allowed):
            continue
        if hit.word.kind == TITLE or not (fit.words or fit.entries & {GROUP}):
            continue
        head = scan.doc[hit.head]
        while head.dep_ in NOMINAL_MODIFIERS and head.head.i != head.i:
            head = head.head  # "a rebel group": the group
        if _predicative(head):
            continue  # "designated the YPG as terrorists": said of a party, not another one
        if not any(t.i in named for t in head.subtree) and not (head.dep_ in APPOSITION and head.head.i in named) \
                and not any(c.dep_ in APPOSITION and c.i in named for c in head.children):
            return True
    return False


def _spoken_for(scan: Scan, head: int) -> bool:
    """A phrase headed by a title or an office ("a Taliban spokesman", "the Taliban foreign
    ministry") names the body through one of its people or offices, not as fighters."""
    hit = scan.words.get(head)
    return (hit is not None and hit.word.kind in (TITLE, INSTITUTION)) or head in scan.person_at


_PREDICATIVE = ATTRIBUTE | OBJECT_PREDICATE
_AS = frozenset({"as"})


def _predicative(noun: Token) -> bool:
    """"(emerged) as one of the top militant groups", "is a rebel group": what a party is called."""
    for tok in (noun, *noun.ancestors):
        if tok.dep_ in _PREDICATIVE or is_prep_object(tok, _AS):
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _sentence_index(starts: list[int], i: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= i:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _clause(token: Token) -> Token:
    """The verb whose clause the token is in (the token's own sentence root at most)."""
    for anc in token.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            return anc
    return token.sent.root
