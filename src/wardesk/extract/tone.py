"""Tone: loaded and emotive terms, quoted words kept apart from the outlet's (placeholder)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.layers import StatementTable
from wardesk.records import Tone

if TYPE_CHECKING:
    from spacy.tokens import Doc


def score_tone(doc: Doc, statements: StatementTable) -> Tone:
    return Tone()
