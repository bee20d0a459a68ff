"""Test doubles shared by the position tests: actors found by a name table, no dates, and the
position stage run over a real parse with them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wardesk.extract.layers import Layers
from wardesk.extract.positions.stances import find_positions
from wardesk.extract.speech.statements import find_statements
from wardesk.records import Actor, ActorRef, EventDate, Position


@dataclass
class FakeActors:
    names: Mapping[str, str] = field(default_factory=dict)
    actors: tuple[Actor, ...] = ()

    def refs(self, token: Any) -> tuple[ActorRef, ...]:
        hit = self.names.get(token.lower_)
        return () if hit is None else (ActorRef(hit, token.text, hit[:3].upper()),)

    def refs_in(self, start: int, end: int) -> tuple[ActorRef, ...]:
        return ()


class NoDates:
    mentions = ()

    def date_for(self, trigger: Any) -> EventDate | None:
        return None


def positions_of(nlp: Any, text: str, names: Mapping[str, str]) -> tuple[Any, tuple[Position, ...]]:
    """The parse of ``text`` and the positions found in it, published 2025-05-01."""
    doc = nlp(text)
    actors = FakeActors(names)
    layers = Layers(doc=doc, published="2025-05-01", actors=actors, dates=NoDates(),  # type: ignore[arg-type]  # test doubles
                    places=None, quantities=None, statements=find_statements(doc, actors))  # type: ignore[arg-type]
    return doc, find_positions(layers)
