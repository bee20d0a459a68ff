"""Finding the raw material of actors in a Doc: known names (countries, capitals, bodies…),
sector words (titles, group nouns, institutions) and person names cleaned of honorifics."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.kb import KnowledgeBase
from wardesk.kb.base import name_key
from wardesk.kb.entries import Entry, SectorWord

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss", "npadvmod", "nn"}


@dataclass(frozen=True, slots=True)
class NameHit:
    """A known name over tokens [start, end)."""

    start: int
    end: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class WordHit:
    """A sector word over tokens [start, end); ``head`` is its head noun's index."""

    start: int
    end: int
    word: SectorWord
    head: int


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name over tokens [start, end), honorifics and possessive cut off."""

    start: int
    end: int
    text: str
    rank_sector: str | None  # the sector an honorific rank implies ("Admiral" → MIL)


def singular(token: Token) -> str:
    lemma = token.lemma_.lower()
    if lemma and lemma != "-pron-":
        return lemma
    low = token.lower_
    if low.endswith("ies") and len(low) > 4:
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def _could_start_name(token: Token) -> bool:
    text = token.text
    return bool(text) and (text[0].isupper() or text.startswith("al") or text[0].isdigit())


def scan_names(doc: Doc, kb: KnowledgeBase, longest: int) -> dict[int, NameHit]:
    """Known names, longest match first, keyed by every token index they cover."""
    hits: dict[int, NameHit] = {}
    i, n = 0, len(doc)
    while i < n:
        found = None
        if _could_start_name(doc[i]):
            for j in range(min(n, i + longest), i, -1):
                entry = kb.names.get(name_key(doc[i:j].text))
                if entry is not None:
                    found = NameHit(i, j, entry)
                    break
        if found is None:
            i += 1
            continue
        for k in range(found.start, found.end):
            hits[k] = found
        i = found.end
    return hits


def _word_key(span: Span, lemma: bool) -> str:
    if not lemma:
        return span.text.lower()
    last = span[-1]
    return (span[:-1].text_with_ws + singular(last)).lower()


def scan_sector_words(doc: Doc, kb: KnowledgeBase, firsts: frozenset[str]) -> dict[int, WordHit]:
    """Sector words, longest first, keyed by every token they cover."""
    hits: dict[int, WordHit] = {}
    i, n = 0, len(doc)
    while i < n:
        found = None
        if doc[i].lower_ in firsts or singular(doc[i]) in firsts:
            for j in range(min(n, i + 6), i, -1):
                span = doc[i:j]
                word = kb.sector_word(_word_key(span, False)) or kb.sector_word(_word_key(span, True))
                if word is not None:
                    head = i if (" of " in word.phrase or "-" in word.phrase) else j - 1
                    found = WordHit(i, j, word, head)
                    break
        if found is None:
            i += 1
            continue
        for k in range(found.start, found.end):
            hits[k] = found
        i = found.end
    return hits


def person_names(doc: Doc, kb: KnowledgeBase, words: dict[int, WordHit]) -> list[PersonName]:
    """PERSON entities with leading honorifics/titles and a trailing possessive removed."""
    names = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end, rank = ent.start, ent.end, None
        while end > start and doc[end - 1].text in POSSESSIVE:
            end -= 1
        while start < end - 1 and (doc[start].text in kb.honorifics or start in words):
            rank = rank or kb.honorifics.get(doc[start].text)
            start += 1
        if start < end and doc[start].text not in kb.honorifics:
            names.append(PersonName(start, end, doc[start:end].text, rank))
    return names
