"""Reading the words in front of a name or a sector noun: who they make it belong to
("Russia's", "US and Ukrainian", "his", "Moscow region") and which title they give it."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wardesk.extract.actors.scan import POSSESSIVE, NameHit, PersonName, WordHit
from wardesk.extract.grammar.labels import (
    ADJECTIVAL_MODIFIER,
    CONJUNCT,
    OBJECT,
    PREPOSITION,
    UD,
)
from wardesk.extract.grammar.shapes import is_prep_object, prep_pairs
from wardesk.extract.lexicon import words
from wardesk.kb import KnowledgeBase
from wardesk.kb.entries import CAPITAL, COUNTRY, DEMONYM, INSTITUTION, PEOPLE, SEAT, TITLE, Entry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Words that end a run of modifiers (the run never crosses them).
STOP_WORDS = words("actors/phrases.json", "stop_words")
POSSESSIVE_PRONOUNS = words("actors/phrases.json", "possessive_pronouns")
COUNTRY_KINDS = {COUNTRY, DEMONYM, CAPITAL}
STOP_TAGS = ("VB", "IN", "DT", "CC", "TO", "MD", "WP", "WD", "RB", "CD", "PRP", "EX", "UH")


@dataclass
class Scan:
    """The per-Doc scans every later step reads."""

    doc: Doc
    kb: KnowledgeBase
    names: dict[int, NameHit]
    words: dict[int, WordHit]
    persons: list[PersonName]
    person_at: dict[int, int] = field(default_factory=dict)  # token → index into persons

    def __post_init__(self) -> None:
        for n, person in enumerate(self.persons):
            for i in range(person.start, person.end):
                self.person_at[i] = n


@dataclass
class Cues:
    """What the modifiers of a phrase say about its actor."""

    start: int  # first token of the run of modifiers
    end: int  # the token the run was read back from (the phrase's first own token)
    entries: list[Entry] = field(default_factory=list)  # names in the run, left to right
    title: WordHit | None = None
    possessor: int | None = None  # index into Scan.persons of a possessor person ("Trump's")
    pronoun: int | None = None  # token index of "his"/"her"
    rank: str | None = None  # the sector an honorific rank implies
    descriptor: bool = False  # a plain noun describes the person: "Afghan writer"

    def countries(self) -> list[str]:
        out: list[str] = []
        for entry in self.entries:
            if entry.country and entry.country not in out:
                out.append(entry.country)
        return out


def _ends_run(token: Token) -> bool:
    if token.is_punct and token.text not in POSSESSIVE and token.text != "-":
        return True
    if token.lower_ in STOP_WORDS and token.text not in ("US", "U.S."):
        return True
    if token.dep_ in ADJECTIVAL_MODIFIER and token.tag_ in ("VBG", "VBN"):
        return False  # "Algeria's leading activist", "the exiled leader"
    return bool(token.tag_) and token.tag_.startswith(STOP_TAGS) and token.tag_ != "PRP$"


def left_run(scan: Scan, start: int, limit: int = 9) -> Cues:
    """Walk left from token ``start`` over modifiers and collect their cues."""
    doc, cues, i = scan.doc, Cues(start, start), start - 1
    while i >= 0 and start - i <= limit:
        token = doc[i]
        if doc[i + 1].is_sent_start or token.is_space or "\n" in token.whitespace_:
            break
        if token.text in POSSESSIVE and i > 0 and (i - 1 in scan.person_at):
            person = scan.person_at[i - 1]
            cues.possessor, cues.start = person, scan.persons[person].start
            break
        if token.lower_ in POSSESSIVE_PRONOUNS and token.tag_ in ("", "PRP$"):
            cues.pronoun, cues.start = i, i
            break
        if i in scan.names:
            hit = scan.names[i]
            cues.entries.insert(0, hit.entry)
            i = cues.start = hit.start
        elif i in scan.words:
            hit_w = scan.words[i]
            i = cues.start = hit_w.start
            if _better_title(hit_w, cues.title):
                cues.title = hit_w
        elif token.text in scan.kb.honorifics:
            cues.rank = cues.rank or scan.kb.honorifics[token.text]
            cues.start = i
        elif token.text in ("'s", "\u2019s") or (token.text in POSSESSIVE and doc[i - 1].text.endswith("s")):
            cues.start = i
        elif _joins_countries(scan, cues, i):
            cues.start = i  # "US and Ukrainian officials"
        elif i in scan.person_at:  # "the Trump administration": the person's, like a possessive
            person = scan.person_at[i]
            cues.possessor, cues.start = person, scan.persons[person].start
            break
        elif _ends_run(token):
            break
        elif (token.is_alpha or "-" in token.text[1:]) and i < token.head.i < start + 4:
            cues.start = i  # a modifier inside the phrase: "tyrant Putin", "Moscow region governor"
            cues.descriptor = cues.descriptor or (token.tag_ == "NN" and cues.title is None)
        else:
            break
        i -= 1
    return cues


def _better_title(new: WordHit, old: WordHit | None) -> bool:
    """A title beats a people-noun ("activist", "resident"); a longer title beats a shorter one;
    the first found (the nearest to the name) wins ties. Institutions are never titles."""
    if new.word.kind not in (TITLE, PEOPLE):
        return False
    if old is None:
        return True
    if (new.word.kind == TITLE) != (old.word.kind == TITLE):
        return new.word.kind == TITLE
    return (new.end - new.start) > (old.end - old.start)


def _joins_countries(scan: Scan, cues: Cues, i: int) -> bool:
    """An "and" (or a comma between demonyms) joining two country modifiers of one noun."""
    token, left = scan.doc[i], scan.names.get(i - 1)
    if not cues.entries or left is None or token.lower_ not in ("and", ","):
        return False
    right_kind = cues.entries[0].kind
    if token.lower_ == ",":
        return right_kind == DEMONYM and left.entry.kind == DEMONYM
    return right_kind in COUNTRY_KINDS and left.entry.kind in COUNTRY_KINDS


def nearest_owner(entries: list[Entry]) -> Entry | None:
    """The name a person or title belongs to: a country word first ("U.S. deputy U.N.
    ambassador" is American), then the nearest other name (a body, a group, an outlet)."""
    countries = [e for e in entries if e.kind in COUNTRY_KINDS or e.kind == SEAT]
    if countries:
        return countries[0]
    return entries[-1] if entries else None


def role_text(scan: Scan, cues: Cues) -> str | None:
    """The title as written, with the modifiers before it that are not a country
    ("Moscow region governor", "foreign minister"), honorifics left out."""
    if cues.title is None:
        return None
    doc, start = scan.doc, cues.title.start
    while start - 1 >= cues.start:
        prev = doc[start - 1]
        hit = scan.names.get(start - 1)
        if prev.text in POSSESSIVE or (hit and hit.entry.kind in (COUNTRY, DEMONYM)):
            break
        if start - 1 in scan.words or prev.text in scan.kb.honorifics or prev.lower_ in STOP_WORDS \
                or prev.lower_ in POSSESSIVE_PRONOUNS:
            break
        start = hit.start if hit else start - 1
    return doc[start:cues.title.end].text


def with_article(scan: Scan, start: int) -> int:
    """Take a "the" just before a phrase into it ("the European Union", "the PM")."""
    if start > 0 and scan.doc[start - 1].lower_ == "the" and not scan.doc[start].is_sent_start:
        return start - 1
    return start


def is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or (not token.tag_ and token.lower_.endswith("s"))


OF_FROM = frozenset({"of", "from"})


def prep_countries(scan: Scan, head: Token, preps: AbstractSet[str] = OF_FROM) -> list[Entry]:
    """Countries in "officials from the US and Ukraine" / "the army of Sudan"."""
    out: list[Entry] = []
    for prep, pobj in prep_pairs(head, preps, PREPOSITION):
        if prep.i < head.i:
            continue  # only after the head
        for tok in (pobj, *[c for c in pobj.subtree if c.dep_ in CONJUNCT]):
            hit = scan.names.get(tok.i)
            if hit and hit.entry.kind in COUNTRY_KINDS:
                out.append(hit.entry)
    return out


# Prepositions after which a country is only a place or a party, not whose institution it is.
OTHER_PARTY_PREPS = words("actors/phrases.json", "other_party_preps")
# A verb's direct object, or UD's indirect one (ClearNLP's dative may be a "to"-phrase).
_OTHER_PARTY_OBJECTS = OBJECT | UD.indirect_object


def sentence_country(scan: Scan, head: Token, skip: str | None = None) -> str | None:
    """The one country the sentence names (by name, demonym or capital), or None if it names
    none or several: "Sudanese police", "the government in Kabul". A country that is a
    verb's object or after "from"/"with"… is another party ("a partner from Brazil")."""
    found: set[str] = set()
    for i in range(head.sent.start, head.sent.end):
        hit = scan.names.get(i)
        if hit is None or hit.entry.kind not in (COUNTRY, CAPITAL, DEMONYM) or hit.entry.country in (None, skip):
            continue
        root = scan.doc[hit.end - 1]
        other = root.dep_ in _OTHER_PARTY_OBJECTS or is_prep_object(root, OTHER_PARTY_PREPS)
        owned = scan.words.get(root.head.i)  # "the Chinese military": another institution's country
        owned_kinds = (INSTITUTION, TITLE) if head.i in scan.person_at else (INSTITUTION,)
        other = other or (owned is not None and owned.word.kind in owned_kinds and root.head.i != head.i)
        if not other:
            found.add(hit.entry.country)
    return found.pop() if len(found) == 1 else None
