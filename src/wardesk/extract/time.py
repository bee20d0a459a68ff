"""Dates: every date expression, resolved against the published date (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.records import DateMention, EventDate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class SimpleDateTable:
    mentions: tuple[DateMention, ...] = ()

    def date_for(self, trigger: Token) -> EventDate | None:
        return None


def find_dates(doc: Doc, published: str | None) -> SimpleDateTable:
    return SimpleDateTable()
