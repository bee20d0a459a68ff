"""Finding the raw material of actors in a Doc: known names (countries, capitals, bodies…),
sector words (titles, group nouns, institutions) and person names cleaned of honorifics."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from wardesk.extract.lexicon import words
from wardesk.kb import KnowledgeBase
from wardesk.kb.entries import CAPITAL, COUNTRY, Entry, SectorWord
from wardesk.nlp.normalise import column

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wardesk.nlp.normalise import TokenColumns

POSSESSIVE = words("actors/scan.json", "possessive")
H = TypeVar("H")


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


def scan_names(cols: TokenColumns, kb: KnowledgeBase) -> dict[int, NameHit]:
    """Known names, longest match first, keyed by every token index they cover; names inside
    a geographic feature ("Guinea" in "Gulf of Guinea") are places, so they are left out."""
    hits = _longest_matches(
        cols.texts, cols.spaces, kb.name_prefixes, lambda key, i, j: _name_hit(kb, key, i, j),
    )
    if kb.features:
        features = _longest_matches(cols.texts, cols.spaces, kb.feature_prefixes,
                                    lambda key, i, j: (i, j) if key in kb.features else None,
                                    span=lambda f: f)
        for i in features:
            hit = hits.get(i)
            for k in range(hit.start, hit.end) if hit else ():
                hits.pop(k, None)
    return hits


def _name_hit(kb: KnowledgeBase, key: str, i: int, j: int) -> NameHit | None:
    entry = kb.names.get(key)
    return NameHit(i, j, entry) if entry is not None else None


def _longest_matches(texts: list[str], spaces: list[bool], prefixes: frozenset[str],
                     hit_at: Callable[[str, int, int], H | None],
                     span: Callable[[H], tuple[int, int]] | None = None) -> dict[int, H]:
    """Greedy longest matches over the token texts: a candidate grows token by token for as
    long as it is the prefix of some phrase, so most tokens cost one set lookup."""
    hits: dict[int, H] = {}
    i, n = 0, len(texts)
    while i < n:
        found, key, j = None, texts[i].replace("\u2019", "'"), i + 1
        while key in prefixes:
            found = hit_at(key, i, j) or found
            if j >= n:
                break
            key = key + (" " if spaces[j - 1] else "") + texts[j].replace("\u2019", "'")
            j += 1
        if found is None:
            i += 1
            continue
        start, end = span(found) if span else (found.start, found.end)  # type: ignore[attr-defined]
        for k in range(start, end):
            hits[k] = found
        i = end
    return hits


def scan_sector_words(doc: Doc, cols: TokenColumns, kb: KnowledgeBase) -> dict[int, WordHit]:
    """Sector words, longest first, keyed by every token they cover; a plural's last word is
    also looked up as its singular ("officials" → "official")."""
    lowers, spaces = cols.lowers, cols.spaces

    def hit_at(key: str, i: int, j: int) -> WordHit | None:
        word = kb.sector_word(key)
        if word is None:
            single = singular(doc[j - 1])
            if single != lowers[j - 1]:
                word = kb.sector_word(key[: len(key) - len(lowers[j - 1])] + single)
        if word is None:
            return None
        head = i if (" of " in word.phrase or "-" in word.phrase) else j - 1
        return WordHit(i, j, word, head)

    return _longest_matches(lowers, spaces, kb.sector_prefixes, hit_at)


def person_names(doc: Doc, cols: TokenColumns, kb: KnowledgeBase, words: dict[int, WordHit],
                 known: Collection[str] = ()) -> list[PersonName]:
    """PERSON entities with leading honorifics/titles and a trailing possessive removed, and
    names of people known from earlier articles that the NER missed, in text order."""
    names = _ner_persons(doc, kb, words)
    taken = {i for name in names for i in range(name.start, name.end)}
    surnames = {doc[n.end - 1].lower_ for n in names if n.end - n.start > 1}
    for i, low in enumerate(cols.lowers):  # "Brekelmans" that the NER took for something else
        if low in surnames and i not in taken and cols.texts[i][:1].isupper() and doc[i].ent_type_ not in ("GPE", "LOC"):
            names.append(PersonName(i, i + 1, cols.texts[i], None))
            taken.add(i)
    for i, low in enumerate(cols.lowers):  # known people and office holders the NER missed
        if (low not in known and low not in kb.holder_surnames) or i in taken or i in words:
            continue
        # An office holder's surname beats the NER's guess of a place ("Erdogan" as GPE) unless
        # the knowledge base knows the word as a place or people too.
        place = doc[i].ent_type_ in ("GPE", "LOC", "NORP") and (low not in kb.holder_surnames or kb.entry(cols.texts[i]) is not None)
        if cols.texts[i][:1].isupper() and not place:
            start = i - 1 if i and f"{cols.lowers[i - 1]} {low}" in known else i
            names.append(PersonName(start, i + 1, doc[start:i + 1].text, None))
    return sorted(names, key=lambda n: n.start)


def _ner_persons(doc: Doc, kb: KnowledgeBase, words: dict[int, WordHit]) -> list[PersonName]:
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
        if start < end and doc[start].text not in kb.honorifics and doc[start].text[:1].isupper():
            names.append(PersonName(start, end, doc[start:end].text, rank))
    return names


# Misspelt country names ("Ethopia", "Quatar", "Afganistan"): a lone proper noun no name
# matched, within one edit of a one-word country or capital name (two for long words), with
# the same first letter; short names ("Iran"/"Iraq", "Mali") are never guessed.
_TYPO_ENTS = ("GPE", "NORP", "LOC", "ORG")
_TYPO_KINDS = (COUNTRY, CAPITAL)


def misspelt_names(doc: Doc, hits: dict[int, NameHit], kb: KnowledgeBase) -> None:
    """Add a NameHit for each place-like token that is a near miss of a known country word."""
    pos, ents, orths = column(doc, "pos"), column(doc, "ent_type"), column(doc, "orth")
    for i, text in enumerate(orths):  # columns first: a Token only for the few candidates
        if i in hits or (pos[i] != "PROPN" and ents[i] != "NORP") or len(text) < 6 or not text.isalpha():
            continue
        if ents[i] and ents[i] not in _TYPO_ENTS:
            continue
        if _in_a_name(pos, i) or text in kb.names or text[:-1] in kb.names:
            continue  # part of a longer name; a known word kept out on purpose; "the Americas"
        entry = _nearest_country_word(kb, text)
        if entry is not None:
            hits[i] = NameHit(i, i + 1, entry)


def _in_a_name(pos: list[str], i: int) -> bool:
    """A word next to another proper noun ("Islamic Emirate", "Mawlawi Abdul") is a name's part."""
    return (i > 0 and pos[i - 1] == "PROPN") or (i + 1 < len(pos) and pos[i + 1] == "PROPN")


def _nearest_country_word(kb: KnowledgeBase, word: str) -> Entry | None:
    from rapidfuzz.distance import Levenshtein

    limit = 2 if len(word) >= 9 else 1
    best: tuple[int, Entry] | None = None
    for name, entry in _country_words(kb).items():
        if name[0] != word[0] or abs(len(name) - len(word)) > limit:
            continue
        dist = Levenshtein.distance(name, word, score_cutoff=limit)
        if dist <= limit and (best is None or dist < best[0]):
            best = (dist, entry)
    return best[1] if best else None


_COUNTRY_WORDS: dict[int, dict[str, Entry]] = {}


def _country_words(kb: KnowledgeBase) -> dict[str, Entry]:
    words = _COUNTRY_WORDS.get(id(kb))
    if words is None:
        words = {name: entry for name, entry in kb.names.items()
                 if " " not in name and entry.kind in _TYPO_KINDS and len(name) >= 5 and name[0].isupper()}
        _COUNTRY_WORDS[id(kb)] = words
    return words
