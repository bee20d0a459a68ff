"""Actors: the mentions in a Doc resolved to canonical actors (people, institutions, groups,
countries, bodies), and the :class:`ActorTable` later stages ask "who does this phrase denote?"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wardesk.extract.actors.anaphora import describe
from wardesk.extract.actors.drafts import Draft, Drafts
from wardesk.extract.actors.groups import Phrase, entry_draft, name_phrase, word_phrase
from wardesk.extract.actors.people import PersonMention, pronoun_antecedent, read_people
from wardesk.extract.actors.phrases import Scan
from wardesk.extract.actors.pronouns import body_antecedent
from wardesk.extract.actors.scan import misspelt_names, person_names, scan_names, scan_sector_words
from wardesk.extract.grammar.labels import APPOSITION, CONJUNCT
from wardesk.extract.layers import KnownPerson
from wardesk.extract.lexicon import words
from wardesk.kb import KnowledgeBase
from wardesk.kb.entries import CAPITAL, COUNTRY
from wardesk.nlp.normalise import token_columns
from wardesk.records import Actor, ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERSONAL_PRONOUNS = words("actors/resolve.json", "personal_pronouns")
_LISTED = CONJUNCT | APPOSITION  # "Russia and Iran", "Hamas, the group that …"


@dataclass
class ResolvedActors:
    """The actors of one Doc and the phrases that denote them (implements ActorTable).

    ``refs(token)`` answers for the phrase ``token`` heads, or any token inside a recognised
    phrase (a name, its title, an institution's words); NP-level conjuncts are added
    ("France, Germany and Poland" → three refs); he/she/his/her go to the person they most
    likely mean. ``ActorRef.actor`` is None only for a phrase with no actor of its own in the
    table (a bare title with nobody to match, a country used as a place).

    ActorRef fields: ``actor`` the actor id (always one of ``actors``, or None); ``actorText`` the
    words in this place (a person's name without its title, "The PM", "Hungarian and Romanian
    officials"; the person's name for a pronoun); ``code`` ISO alpha-3, "IGO" or None; ``sector``
    the PLOVER sector. ``refs_in(start, end)`` lists each actor mentioned in the character range
    once, in text order.
    """

    actors: tuple[Actor, ...]
    phrases: dict[int, Phrase]  # head token → phrase
    owner: dict[int, int]  # every token of a phrase → its head
    people: list[PersonMention] = field(default_factory=list)
    scan: Scan | None = None
    described: dict[int, Phrase] = field(default_factory=dict)  # "the group" → the group named before

    def refs(self, token: Token) -> tuple[ActorRef, ...]:
        out: list[ActorRef] = []
        seen: set[int] = set()
        self._collect(token, out, seen)
        return tuple(out)

    def _collect(self, token: Token, out: list[ActorRef], seen: set[int]) -> None:
        head = self.owner.get(token.i, token.i)
        if head in seen:
            return
        seen.add(head)
        for ref in self._own(token, head):
            if ref not in out:
                out.append(ref)
        doc = token.doc
        for child in doc[head].children:
            if child.dep_ in _LISTED and self.owner.get(child.i, child.i) not in seen:
                self._collect(child, out, seen)

    def _own(self, token: Token, head: int) -> tuple[ActorRef, ...]:
        phrase = self.phrases.get(head)
        if phrase is not None:
            text = token.doc[phrase.start:phrase.end].text
            return tuple(self._ref(d, text) for d in phrase.drafts)
        described = self.described.get(head)
        if described is not None:  # "the group said": the group, by its name
            return tuple(d.ref(d.name) for d in described.drafts)
        if token.lower_ in PERSONAL_PRONOUNS and self.scan is not None:
            found = pronoun_antecedent(self.scan, token.i, self.people)
            if found is not None and found.draft.mentions:
                return (found.draft.ref(found.draft.name),)
        phrases = {**self.phrases, **self.described} if self.described else self.phrases
        body = body_antecedent(token, phrases, self.owner)
        if body is not None:  # "Hamas said it would ...": the body, by its canonical name
            return tuple(d.ref(d.name) for d in body.drafts)  # type: ignore[attr-defined]
        hit = self.scan.names.get(token.i) if self.scan is not None else None
        if hit is not None and hit.entry.kind in (COUNTRY, CAPITAL):  # a country used as a place
            text = token.doc[hit.start:hit.end].text
            return (ActorRef(None, text, hit.entry.country, hit.entry.sector),)
        return ()

    @staticmethod
    def _ref(draft: Draft, text: str) -> ActorRef:
        if draft.kind == "person":  # the name, not "US Secretary of State Marco Rubio"
            return draft.ref(text if text == draft.name else _name_part(draft, text))
        return draft.ref(text)

    def refs_in(self, start: int, end: int) -> tuple[ActorRef, ...]:
        out: list[ActorRef] = []
        found = []
        for actor in self.actors:
            for mention in actor.mentions:
                if start <= mention.start and mention.end <= end:
                    found.append((mention.start, ActorRef(actor.id, mention.text, actor.country, actor.sector)))
        for _, ref in sorted(found, key=lambda pair: pair[0]):
            if all(ref.actor != o.actor for o in out):
                out.append(ref)
        return tuple(out)


def _name_part(draft: Draft, text: str) -> str:
    """The name inside "US Secretary of State Marco Rubio"; a bare title ("The PM") as written."""
    for (_s, _e), mention in draft.mentions.items():
        if mention in text and mention != text:
            return mention
    return text


def find_actors(
    doc: Doc, kb: KnowledgeBase, known: Mapping[str, KnownPerson], published: str | None = None,
) -> ResolvedActors:
    """Resolve every actor mention in ``doc``; ``known`` maps lower-cased full names and
    surnames to offices learned from earlier articles; ``published`` dates the office table."""
    cols = token_columns(doc)
    names = scan_names(cols, kb)
    misspelt_names(doc, names, kb)
    words = scan_sector_words(doc, cols, kb)
    scan = Scan(doc, kb, names, words, person_names(doc, cols, kb, words, known))
    drafts = Drafts()
    people = read_people(scan, drafts, known, published)
    phrases: dict[int, Phrase] = {}
    owner: dict[int, int] = {}
    for person in people:
        start = person.cues.start if person.cues.pronoun is None else person.cues.pronoun + 1
        start = min(start, person.name.start)  # cues read from an apposition lie after the name
        _claim(phrases, owner, Phrase(start, person.name.end, person.head, (person.draft,)))
    for hit in sorted(set(words.values()), key=lambda h: h.start):
        if hit.head not in owner:
            _claim(phrases, owner, word_phrase(scan, drafts, hit, people, published))
    for name_hit in sorted(set(names.values()), key=lambda h: h.start):
        if name_hit.start not in owner and name_hit.start not in scan.person_at:
            _claim(phrases, owner, name_phrase(scan, drafts, name_hit))
    _record_mentions(doc, phrases, people)
    described = describe(scan, phrases, owner)
    for phrase in described.values():  # every word of "the separatist group" stands for it
        for i in range(phrase.start, phrase.end):
            owner.setdefault(i, phrase.head)
    return ResolvedActors(drafts.actors(), phrases, owner, people, scan, described)


def _claim(phrases: dict[int, Phrase], owner: dict[int, int], phrase: Phrase | None) -> None:
    if phrase is None or phrase.head in phrases:
        return
    phrases[phrase.head] = phrase
    for i in range(phrase.start, phrase.end):
        owner.setdefault(i, phrase.head)
    owner[phrase.head] = phrase.head


def _record_mentions(doc: Doc, phrases: dict[int, Phrase], people: list[PersonMention]) -> None:
    """Each non-person phrase is a mention of its actors (people were recorded by name)."""
    named = {p.head for p in people}
    for head, phrase in phrases.items():
        if head in named:
            continue
        span = doc[phrase.start:phrase.end]
        start, end, text = _trim(span.start_char, span.end_char, span.text)
        for draft in phrase.drafts:
            draft.mentions[(start, end)] = text
            draft.alias(text)


def _trim(start: int, end: int, text: str) -> tuple[int, int, str]:
    """Quote marks at the edges are not part of a mention."""
    quotes = "\"'\u201c\u201d\u2018\u2019"
    while text and text[0] in quotes:
        text, start = text[1:], start + 1
    while text and text[-1] in quotes and not text.endswith(("'s", "\u2019s")):
        text, end = text[:-1], end - 1
    return start, end, text


__all__ = ["ResolvedActors", "entry_draft", "find_actors"]
