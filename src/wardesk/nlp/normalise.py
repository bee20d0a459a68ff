"""spaCy-side helpers for the rule layers: a Doc's token columns read in one pass, so that
scans over every token cost list lookups instead of one Token object each."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class TokenColumns:
    texts: list[str]
    lowers: list[str]
    spaces: list[bool]  # whether a space follows the token


def token_columns(doc: Doc) -> TokenColumns:
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, LOWER, SPACY]).tolist() if len(doc) else []
    return TokenColumns(
        [strings[r[0]] for r in rows], [strings[r[1]] for r in rows], [bool(r[2]) for r in rows],
    )
