"""Statements: direct quotes and reported speech, with speakers (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.layers import ActorTable
from wardesk.records import Attribution, Statement

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class SimpleStatementTable:
    statements: tuple[Statement, ...] = ()

    def attribution_for(self, token: Token) -> tuple[Attribution | None, str]:
        return None, "confirmed"


def find_statements(doc: Doc, actors: ActorTable) -> SimpleStatementTable:
    return SimpleStatementTable()
