"""Phrase lexicons over tokens: a phrase word matches a token's lower-cased text or lemma, and a
trailing ``*`` matches any ending. Used for issues (positions) and loaded terms (tone)."""

from __future__ import annotations

import json
import re
import weakref
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wardesk.extract.lexicon import data_file
from wardesk.nlp.normalise import column

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_SPLIT = re.compile(r"[\w%']+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    key: str  # the entry the phrase belongs to (an issue, a category)
    phrase: str
    start: int  # token indices, end exclusive
    end: int


@lru_cache(maxsize=8)
def load_data(name: str) -> dict[str, Any]:
    path = data_file(name)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


class PhraseLexicon:
    """Phrases grouped under keys, matched longest-first on a token sequence."""

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for key, phrase in entries:
            words = tuple(w.lower() for w in _SPLIT.findall(phrase.replace("*", "\x00")))
            words = tuple(w.replace("\x00", "*") for w in words)
            words = _glue_stars(phrase, words)
            first = words[0].rstrip("*")[:3]
            self._by_first.setdefault(first, []).append((words, key, phrase))
        for options in self._by_first.values():
            options.sort(key=lambda o: -len(o[0]))
        # per Doc: the tokens a phrase may start at (their word or lemma begins like one)
        self._starts: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()

    def match(self, tokens: Span) -> list[PhraseMatch]:
        """Non-overlapping matches in ``tokens``, longest first at each position."""
        doc = tokens.doc
        lowers, lemmas = column(doc, "lower"), column(doc, "lemma_lower")
        starts = self._starts.get(doc)
        if starts is None:
            firsts = self._by_first
            starts = self._starts[doc] = [
                i for i, (low, lemma) in enumerate(zip(lowers, lemmas, strict=True))
                if low[:3] in firsts or lemma[:3] in firsts]
        found: list[PhraseMatch] = []
        free, end = tokens.start, tokens.end  # free: the first token not inside a match
        for i in starts[bisect_left(starts, tokens.start):]:
            if i >= end:
                break
            if i < free:
                continue
            hit = self._match_at(lowers, lemmas, i, end)
            if hit is not None:
                found.append(hit)
                free = hit.end
        return found

    def _match_at(self, lowers: list[str], lemmas: list[str], i: int, end: int) -> PhraseMatch | None:
        """The longest phrase starting at token ``i`` of the Doc (ending by ``end``); phrases
        filed under the word's first three letters, then under its lemma's."""
        low, lemma = lowers[i][:3], lemmas[i][:3]
        for first in (low,) if low == lemma else (low, lemma):
            for words, key, phrase in self._by_first.get(first, ()):
                if i + len(words) <= end and all(
                    _word_matches(w, lowers[i + k], lemmas[i + k]) for k, w in enumerate(words)
                ):
                    return PhraseMatch(key, phrase, i, i + len(words))
        return None


def _glue_stars(phrase: str, words: tuple[str, ...]) -> tuple[str, ...]:
    # "peacekeep*" splits as ("peacekeep", "*"): put the star back on its word.
    out: list[str] = []
    for w in words:
        if w == "*" and out:
            out[-1] += "*"
        else:
            out.append(w)
    return tuple(out)


def _word_matches(word: str, lower: str, lemma: str) -> bool:
    """``lemma`` lower-cased, as the Doc's "lemma_lower" column holds it."""
    if word.endswith("*"):
        stem = word[:-1]
        return lower.startswith(stem) or lemma.startswith(stem)
    return word in (lower, lemma)
