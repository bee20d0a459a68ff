"""Places: a gazetteer lookup of place mentions, chosen per event (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.records import Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class SimplePlaceTable:
    places: tuple[Place, ...] = ()

    def place_for(self, trigger: Token) -> Place | None:
        return None


def find_places(doc: Doc) -> SimplePlaceTable:
    return SimplePlaceTable()
