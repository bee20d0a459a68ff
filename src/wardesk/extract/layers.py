"""The interfaces between extraction stages: what each stage hands to the ones after it.

A stage builds its table once per Doc; later stages ask it questions about tokens. Tokens are
spaCy tokens, typed loosely here so that this module does not import spaCy at run time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from wardesk.records import (
    Actor,
    ActorRef,
    Attribution,
    DateMention,
    EventDate,
    Place,
    Quantity,
    Statement,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A person's office learned from an earlier article (kept in the store, reused later)."""

    name: str
    country: str | None
    sector: str | None
    role: str | None
    since: str | None = None  # the published date of the article it was learned from


class ActorTable(Protocol):
    @property
    def actors(self) -> tuple[Actor, ...]: ...

    def refs(self, token: Token) -> tuple[ActorRef, ...]:
        """The actors denoted by the noun phrase headed by ``token`` (conjuncts expanded,
        possessors and modifiers used: "Russia's defence ministry", "Hungarian and Romanian
        officials", "Kyiv", "the PM", "he"). Empty when the phrase names no actor."""
        ...

    def refs_in(self, start: int, end: int) -> tuple[ActorRef, ...]:
        """The actors mentioned between two character offsets, in order."""
        ...


class DateTable(Protocol):
    @property
    def mentions(self) -> tuple[DateMention, ...]: ...

    def date_for(self, trigger: Token) -> EventDate | None:
        """The date of the event whose predicate is ``trigger``: a date expression in its
        clause or sentence, resolved by that predicate's tense; None when there is none."""
        ...


class PlaceTable(Protocol):
    @property
    def places(self) -> tuple[Place, ...]: ...

    def place_for(self, trigger: Token) -> Place | None:
        """Where the event whose predicate is ``trigger`` happened (per event, not per article)."""
        ...


@dataclass(frozen=True, slots=True)
class Counts:
    dead: int | None = None
    injured: int | None = None
    size: int | None = None
    quantities: tuple[Quantity, ...] = ()


class QuantityTable(Protocol):
    def counts_for(self, trigger: Token) -> Counts:
        """Casualties, crowd size and other counts attached to the event at ``trigger``."""
        ...


class StatementTable(Protocol):
    @property
    def statements(self) -> tuple[Statement, ...]: ...

    def attribution_for(self, token: Token) -> tuple[Attribution | None, str]:
        """Who the article says ``token``'s clause from, and the certainty that gives:
        (Attribution or None, one of SCHEMA.md's certainty values)."""
        ...


@dataclass(frozen=True)
class Layers:
    """Everything the earlier stages found in one Doc."""

    doc: Doc
    published: str | None
    actors: ActorTable
    dates: DateTable
    places: PlaceTable
    quantities: QuantityTable
    statements: StatementTable
    known: Mapping[str, KnownPerson] = field(default_factory=dict)

    def sentence_of(self, token: Token) -> Span:
        return token.sent


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from every token on each access,
    and the stages read it many times per article."""
    text: str | None = doc.user_data.get("wardesk.text")
    if text is None:
        text = doc.user_data["wardesk.text"] = doc.text
    return text


def clause_verb(token: Token) -> Token | None:
    """The verb (or auxiliary) heading ``token``'s clause, climbing the parse; None at the root."""
    node = token
    for _ in range(40):  # parses are trees, but a bound costs nothing
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None
