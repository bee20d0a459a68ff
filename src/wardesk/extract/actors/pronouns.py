""""It" and "they" standing for a body, a country or a group ("Hamas said it would ..."), and the
checks event roles put on he/she/his/its readings within one sentence ("X came, but his mission …")."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

from wardesk.extract.actors.phrases import Scan, is_plural
from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import (
    ADVERBIAL_CLAUSE,
    ARGUMENT_POSITIONS,
    CLAUSAL_COMPLEMENT,
    CONJUNCT,
    OBJECTS,
    POSSESSOR,
    SUBJECTS,
    VERBALS,
)
from wardesk.extract.grammar.shapes import prep_governor
from wardesk.extract.lexicon import data_file, words
from wardesk.kb.entries import CAPITAL, COUNTRY, DEMONYM, GROUP, IGO, SEAT

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.actors.scan import NameHit
    from wardesk.extract.layers import ActorTable
    from wardesk.records import ActorRef

    Refs = tuple[ActorRef, ...]
    Read = Callable[[Token, ActorTable], Refs]  # the event roles' reading of a noun phrase

# "it is", "it seems": an "it" that stands for nothing, or for a situation.
EMPTY_IT_VERBS = words("actors/pronouns.json", "empty_it_verbs")
BODY_KINDS = words("actors/pronouns.json", "body_kinds")
IT_ENTRIES = {COUNTRY, CAPITAL, SEAT, IGO, GROUP}  # what "its" may stand for


class _Drafted(Protocol):
    @property
    def kind(self) -> str: ...


class _Phrased(Protocol):
    @property
    def head(self) -> int: ...

    @property
    def drafts(self) -> tuple[_Drafted, ...]: ...


def body_antecedent(token: Token, phrases: Mapping[int, _Phrased],
                    owner: Mapping[int, int] | None = None) -> _Phrased | None:
    """The actor phrase a subject "it"/"they" stands for, or None when unsure (``owner``, the
    token → phrase-head map, lets "they" look back past reported speech)."""
    low = token.lower_
    if low not in ("it", "they") or token.dep_ not in SUBJECTS:
        return None
    if low == "it" and (token.head.lemma_ in EMPTY_IT_VERBS or token.head.lower_ in ("'s", "\u2019s")):
        return None
    found = _governing_subject(token, phrases) or _previous_sentence_subject(token, phrases)
    if found is not None and _agrees(token, found, low == "they"):
        return found
    if low == "they" and owner is not None:
        return plural_antecedent(token, phrases, owner)  # the nearest plural party, whatever its role
    return None


def _governing_subject(token: Token, phrases: Mapping[int, _Phrased]) -> _Phrased | None:
    """The subject of the verb whose reported clause this is: "[Hamas] said [it] would free
    them". Not when that verb has an object ("told governments that they ..." may mean them),
    nor in a question clause ("explained why they ...")."""
    clause = token.head
    while clause.dep_ in CONJUNCT and clause.head.i != clause.i and clause.head.i > token.i:
        clause = clause.head
    if clause.dep_ not in CLAUSAL_COMPLEMENT or clause.head.i == clause.i:
        return None
    if any(c.tag_ in ("WRB", "WP") or c.lower_ in ("whether", "if") for c in clause.children):
        return None
    verb = clause.head
    if any(c.dep_ in OBJECTS for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.i < token.i:
            return phrases.get(child.i)
    return None


def _previous_sentence_subject(token: Token, phrases: Mapping[int, _Phrased]) -> _Phrased | None:
    """The main subject of the sentence before, when the pronoun is this sentence's first subject."""
    sent = token.sent
    if any(t.dep_ in SUBJECTS for t in token.doc[sent.start:token.i]) or sent.start == 0:
        return None
    before = token.doc[sent.start - 1].sent
    for child in before.root.children:
        if child.dep_ in SUBJECTS:
            return phrases.get(child.i)
    return None


def _agrees(token: Token, phrase: _Phrased, plural: bool) -> bool:
    """A body or a country is "it"; a plural group noun or a list of actors is "they"; an
    armed group ("the Taliban", "Hamas") may be either."""
    if not phrase.drafts or any(d.kind not in BODY_KINDS for d in phrase.drafts):
        return False
    head = token.doc[phrase.head]
    many = len(phrase.drafts) > 1 or is_plural(head) or any(c.dep_ in CONJUNCT for c in head.children)
    if plural and head.ent_type_ in ("ORG", "NORP") and all(d.kind == "group" for d in phrase.drafts):
        return True  # a named group: "the Taliban said they"
    return many == plural


def its_owner(scan: Scan, start: int, head: Token) -> str | None:
    """The country code of whoever "its"/"their" just before token ``start`` stands for, when
    the phrase is the subject of a reported clause: "Russia said its forces captured ...",
    "Hamas said their fighters ..." (the subject of the verb above). Not in an object ("Hamas
    attacked its forces" may mean anyone's)."""
    if start == 0 or head.dep_ not in SUBJECTS:
        return None
    pronoun = scan.doc[start - 1]
    if pronoun.lower_ not in ("its", "their"):
        return None
    kinds = IT_ENTRIES if pronoun.lower_ == "its" else {GROUP, DEMONYM}  # "Bosnian Serbs said their forces"
    for verb in head.ancestors:
        if verb.i == head.head.i:
            continue  # the phrase's own verb
        for child in verb.children:
            hit = scan.names.get(child.i)
            if child.dep_ in SUBJECTS and child.i < start and hit is not None \
                    and hit.entry.kind in kinds and hit.entry.country:
                return _home(scan, hit)
    return None


def _home(scan: Scan, hit: NameHit) -> str | None:
    """A people named with another country first lives there ("Bosnian Serbs": BIH)."""
    left = scan.names.get(hit.start - 1) if hit.start > 0 else None
    if hit.entry.kind == DEMONYM and left is not None and left.entry.kind in (COUNTRY, DEMONYM) \
            and left.entry.country != hit.entry.country:
        return left.entry.country
    return hit.entry.country


QUOTES = {'"', "\u201c", "\u201d", "``", "''"}
TIME_OR_AMOUNT = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


def plural_antecedent(token: Token, phrases: Mapping[int, _Phrased], owner: Mapping[int, int]) -> _Phrased | None:
    """The actor a subject "they" stands for when no reported-speech rule said: the nearest
    plural noun phrase before it, in its sentence or the one before, on the same side of any
    quote mark, if that phrase is an actor that may be "they". Nearest means nearest: "forces
    killed militants. They …" stays unresolved (the militants are no actor); two actors in
    that sentence ("X officials met Y officials. They …") leave it unresolved too."""
    if token.lower_ != "they" or token.dep_ not in SUBJECTS:
        return None
    if _clause_of(token).dep_ in CLAUSAL_COMPLEMENT:
        return None  # "X explained why they …", "told Y that they …": reported speech is read above
    doc, sent = token.doc, token.sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    found: _Phrased | None = None
    quotes = 0
    for i in range(token.i - 1, first - 1, -1):
        cand = doc[i]
        if found is not None and cand.sent.start != doc[found.head].sent.start:
            break
        quotes += cand.text in QUOTES
        if quotes % 2:
            continue  # "… Guatemalan authorities …," they said: inside a quote the speakers are others
        phrase = phrases.get(owner.get(i, i))
        if cand.lower_ == "they" and cand.dep_ in SUBJECTS:
            phrase = body_antecedent(cand, phrases, owner)  # "they … they": the same actor
            if phrase is None or found is None:
                return phrase if found is None else None
        elif (phrase is not None and phrase.head != i) or (cand.dep_ in CONJUNCT and cand.head.pos_ in ("NOUN", "PROPN")):
            continue  # inside a phrase or a list: only its head speaks for it
        elif not _plural_party(cand, phrase):
            continue
        elif phrase is not None and any(c.dep_ in CONJUNCT for c in cand.children):
            phrase = _listed(cand, phrases, owner)  # "Russia and Ukraine": both, or none if one is no actor
        elif phrase is not None and (not _agrees(cand, phrase, True) or _one_country(cand, phrase)):
            phrase = None
        if phrase is None:
            return found  # the nearest plural party is no actor (or, after one, no rival)
        if found is None:
            found = phrase
        elif phrase.drafts != found.drafts:
            return None  # "Pakistani officials met Chinese officials. They …": either
    return found


@dataclass(frozen=True)
class _List:
    head: int
    drafts: tuple[_Drafted, ...]


def _listed(head: Token, phrases: Mapping[int, _Phrased], owner: Mapping[int, int]) -> _Phrased | None:
    """The actors of a list of noun phrases, or None if one of them is no actor."""
    drafts: list[_Drafted] = []
    for member in (head, *[t for t in head.subtree if t.dep_ in CONJUNCT and t.head.pos_ in ("NOUN", "PROPN")]):
        phrase = phrases.get(owner.get(member.i, member.i))
        if phrase is None:
            return None
        drafts.extend(d for d in phrase.drafts if d not in drafts)
    return _List(head.i, tuple(drafts))


def _one_country(cand: Token, phrase: _Phrased) -> bool:
    """One country is "it", even with a plural name ("the Philippines"); a people ("the North
    Koreans") may be "they"."""
    return len(phrase.drafts) == 1 and phrase.drafts[0].kind == "country" and cand.ent_type_ != "NORP" \
        and not any(c.dep_ in CONJUNCT for c in cand.children)


def _clause_of(token: Token) -> Token:
    return first_conjunct(token.head)


def _plural_party(cand: Token, phrase: _Phrased | None) -> bool:
    """A noun phrase head in a party's place that "they" could stand for (not inside another
    noun's phrase: "the liberties of Americans")."""
    if cand.dep_ not in ARGUMENT_POSITIONS or cand.ent_type_ in ("DATE", "TIME"):
        return False
    if cand.ent_type_ in TIME_OR_AMOUNT and cand.pos_ != "NOUN":
        return False  # "30,000 migrants" are people; "30,000" alone is not
    governor = prep_governor(cand)
    if governor is not None and governor.pos_ not in VERBALS:
        return False
    if phrase is not None and len(phrase.drafts) > 1:
        return True
    if cand.tag_ in ("NNS", "NNPS") or any(c.dep_ in CONJUNCT for c in cand.children):
        return cand.pos_ in ("NOUN", "PROPN")
    if cand.pos_ == "PROPN" and cand.lower_.endswith("s") and any(c.lower_ == "the" for c in cand.children):
        return True  # "the Uyghurs" tagged singular
    return phrase is not None and cand.ent_type_ in ("ORG", "NORP") and all(
        d.kind == "group" for d in phrase.drafts)


PERSON_POSSESSIVES = words("actors/pronouns.json", "person_possessives")
BODY_POSSESSIVES = words("actors/pronouns.json", "body_possessives")


# Clauses a possessive's own clause may hang on while it looks for their shared subject.
_CLAUSE_CHAIN = CONJUNCT | CLAUSAL_COMPLEMENT | ADVERBIAL_CLAUSE


def clause_subject_before(pronoun: Token) -> Token | None:
    """The subject of the clause before a possessive pronoun in its own sentence, which the
    pronoun most likely means: "[X's ambassador] attended, but his mission objected"; "[the
    minister] said his office would …". A singular noun for "his"/"her"/"its", a plural one
    for "their"; None when that subject does not agree or comes after the pronoun."""
    low = pronoun.lower_
    if low not in PERSON_POSSESSIVES | BODY_POSSESSIVES or pronoun.dep_ not in POSSESSOR:
        return None
    clause = pronoun.head.head  # the verb of the owned noun's clause
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    for verb in (clause, *clause.ancestors):  # its own clause's subject first: "X were freed by their captors"
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.i < pronoun.i and child.i != pronoun.head.i:
                return child if _agrees_possessive(low, child) else None
        if verb.dep_ not in _CLAUSE_CHAIN:
            break
    return None


def _agrees_possessive(low: str, subject: Token) -> bool:
    if subject.pos_ not in ("NOUN", "PROPN"):
        return False  # "it", "they", "who": read by the pronoun rules
    plural = is_plural(subject) or any(c.dep_ in CONJUNCT for c in subject.children)
    if low == "their":
        return plural
    if plural:
        return False
    if low in PERSON_POSSESSIVES:  # a person or an office holder, not a country or a body
        return subject.ent_type_ == "PERSON" or (subject.pos_ == "NOUN" and not subject.ent_type_)
    return subject.ent_type_ != "PERSON"


_PERSON_PRONOUNS = words("actors/pronouns.json", "person_pronouns")


def not_named_after(pronoun: Token, refs: Refs, actors: ActorTable) -> Refs:
    """A he/she never means someone the same sentence goes on to name ("He asked that the
    charges be dropped so that Ali can work": not Ali); such a reading is dropped."""
    if pronoun.lower_ not in _PERSON_PRONOUNS or pronoun.pos_ != "PRON" or not refs:
        return refs
    later = {r.actor for r in actors.refs_in(pronoun.idx + len(pronoun.text), pronoun.sent.end_char) if r.actor}
    return tuple(r for r in refs if r.actor is None or r.actor not in later)


def possessor_refs(head: Token, actors: ActorTable, read: Read) -> Refs | None:
    """The owner a possessive pronoun names by a subject before it in the same sentence ("X's
    envoy attended, but his mission objected": X's envoy's mission); None when there is none."""
    if head.dep_ not in SUBJECTS:
        return None  # "rejected its offer", "coordinate their efforts": the owner is no party here
    for poss in head.children:
        if poss.dep_ in POSSESSOR and poss.pos_ == "PRON":
            if head.lemma_.lower() in possessed_relations():
                return ()  # "his client planned …": whoever "his" is, the client is someone else
            subject = clause_subject_before(poss)
            if subject is None:
                return None
            refs = read(subject, actors)
            if not refs and subject.ent_type_ != "PERSON":
                return None  # "the evidence would show that his …": no one the pronoun could mean
            return refs
    return None


def owned_by(head: Token, refs: Refs, actors: ActorTable, read: Read) -> Refs:
    """"X's minister came, but his ministry objected": an institution the table placed by a
    pronoun read further back takes the country of the subject before it in the sentence."""
    owner = possessor_refs(head, actors, read)
    codes = {r.code for r in owner or () if r.code}
    if len(codes) != 1 or any(r.code in codes for r in refs):
        return refs
    code = codes.pop()
    return tuple(replace(r, actor=None, code=code) if r.actor and r.code else r for r in refs)


@lru_cache(maxsize=1)
def possessed_relations() -> frozenset[str]:
    path = data_file("possessed_relations.json")  # "his client"
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["nouns"])
