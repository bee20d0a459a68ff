"""A listener on the event stage: told of every matched predicate, what became of it and the
rules that fired (used by ``wardesk.explain``; nobody listens during normal extraction)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from spacy.tokens import Span

    from wardesk.extract.events.predicates import Match
    from wardesk.records import Event


class Observer(Protocol):
    def __call__(self, sent: Span, m: Match, outcome: str, rules: tuple[str, ...], event: Event | None) -> None: ...


OBSERVER: ContextVar[Observer | None] = ContextVar("wardesk_events_observer", default=None)


@contextmanager
def listening(observer: Observer) -> Iterator[None]:
    token = OBSERVER.set(observer)
    try:
        yield
    finally:
        OBSERVER.reset(token)
