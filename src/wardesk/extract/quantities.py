"""Numbers: casualties, crowd sizes and other counts (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.layers import Counts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class SimpleQuantityTable:
    def counts_for(self, trigger: Token) -> Counts:
        return Counts()


def find_quantities(doc: Doc) -> SimpleQuantityTable:
    return SimpleQuantityTable()
