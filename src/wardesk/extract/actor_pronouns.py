""""It" and "they" standing for a body, a country or a group: "Hamas said it would ...", "The
rebels ... They said". Only subjects are read, and only back to a subject that is such an actor."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from wardesk.extract.actor_phrases import Scan, is_plural
from wardesk.kb.entries import CAPITAL, COUNTRY, DEMONYM, GROUP, IGO, SEAT

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.actor_scan import NameHit

SUBJECTS = ("nsubj", "nsubjpass")
# "it is", "it seems": an "it" that stands for nothing, or for a situation.
EMPTY_IT_VERBS = {"be", "seem", "appear", "remain", "become", "take", "mean", "matter", "happen",
                  "cost", "look", "sound", "feel", "turn", "go", "come", "make", "help", "work"}
BODY_KINDS = {"country", "organization", "group"}
IT_ENTRIES = {COUNTRY, CAPITAL, SEAT, IGO, GROUP}  # what "its" may stand for


class _Drafted(Protocol):
    @property
    def kind(self) -> str: ...


class _Phrased(Protocol):
    @property
    def head(self) -> int: ...

    @property
    def drafts(self) -> tuple[_Drafted, ...]: ...


def body_antecedent(token: Token, phrases: Mapping[int, _Phrased]) -> _Phrased | None:
    """The actor phrase a subject "it"/"they" stands for, or None when unsure."""
    low = token.lower_
    if low not in ("it", "they") or token.dep_ not in SUBJECTS:
        return None
    if low == "it" and (token.head.lemma_ in EMPTY_IT_VERBS or token.head.lower_ in ("'s", "\u2019s")):
        return None
    found = _governing_subject(token, phrases) or _previous_sentence_subject(token, phrases)
    if found is None or not _agrees(token, found, low == "they"):
        return None
    return found


def _governing_subject(token: Token, phrases: Mapping[int, _Phrased]) -> _Phrased | None:
    """The subject of the verb whose reported clause this is: "[Hamas] said [it] would free
    them". Not when that verb has an object ("told governments that they ..." may mean them),
    nor in a question clause ("explained why they ...")."""
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i and clause.head.i > token.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.i == clause.i:
        return None
    if any(c.tag_ in ("WRB", "WP") or c.lower_ in ("whether", "if") for c in clause.children):
        return None
    verb = clause.head
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in verb.children):
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
    many = len(phrase.drafts) > 1 or is_plural(head) or any(c.dep_ == "conj" for c in head.children)
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
