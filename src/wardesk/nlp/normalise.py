"""spaCy-side helpers for the rule layers: a Doc's token columns read in one pass, so that
scans over every token cost list lookups instead of one Token object each."""

from __future__ import annotations

import weakref
from dataclasses import dataclass

from spacy.attrs import (
    DEP,
    ENT_TYPE,
    IS_DIGIT,
    IS_PUNCT,
    IS_SPACE,
    IS_TITLE,
    LEMMA,
    LIKE_NUM,
    LOWER,
    ORTH,
    POS,
    SPACY,
    TAG,
)
from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class TokenColumns:
    texts: list[str]
    lowers: list[str]
    spaces: list[bool]  # whether a space follows the token


def token_columns(doc: Doc) -> TokenColumns:
    return TokenColumns(column(doc, "orth"), column(doc, "lower"), flag_column(doc, "spacy"))


# the string-valued token attributes a rule layer may read as a column (Token.<name>_)
_STRING_ATTRS = {"orth": ORTH, "lower": LOWER, "lemma": LEMMA, "pos": POS, "tag": TAG, "dep": DEP,
                 "ent_type": ENT_TYPE}
_COLUMNS: weakref.WeakKeyDictionary[Doc, dict[str, list[str]]] = weakref.WeakKeyDictionary()


def column(doc: Doc, name: str) -> list[str]:
    """``[t.<name>_ for t in doc]`` ("lower", "lemma", "pos", "tag", "dep", "ent_type",
    "orth"), read once per Doc; "lemma_lower" gives ``t.lemma_.lower()``. Do not change it."""
    columns = _COLUMNS.get(doc)
    if columns is None:
        columns = _COLUMNS[doc] = {}
    values = columns.get(name)
    if values is None:
        values = columns[name] = _read(doc, name)
    return values


def _read(doc: Doc, name: str) -> list[str]:
    if name == "lemma_lower":
        return [lemma.lower() for lemma in column(doc, "lemma")]
    if not len(doc):
        return []
    strings = doc.vocab.strings
    seen: dict[int, str] = {}  # a Doc repeats its words: look each hash up once
    out = []
    for key in doc.to_array(_STRING_ATTRS[name]).tolist():
        text = seen.get(key)
        if text is None:
            text = seen[key] = strings[key]
        out.append(text)
    return out


_FLAGS = {"like_num": LIKE_NUM, "is_punct": IS_PUNCT, "is_space": IS_SPACE, "is_title": IS_TITLE,
          "is_digit": IS_DIGIT, "spacy": SPACY}
_FLAG_COLUMNS: weakref.WeakKeyDictionary[Doc, dict[str, list[bool]]] = weakref.WeakKeyDictionary()


def flag_column(doc: Doc, name: str) -> list[bool]:
    """``[t.<name> for t in doc]`` for a boolean token attribute ("like_num", "is_punct",
    "is_space", "is_title", "is_digit"; "spacy": whether a space follows), read once per Doc.
    Do not change it."""
    columns = _FLAG_COLUMNS.get(doc)
    if columns is None:
        columns = _FLAG_COLUMNS[doc] = {}
    values = columns.get(name)
    if values is None:
        values = columns[name] = [bool(v) for v in doc.to_array(_FLAGS[name]).tolist()]
    return values


def word_count(doc: Doc) -> int:
    """Tokens that are neither punctuation nor whitespace."""
    punct, space = flag_column(doc, "is_punct"), flag_column(doc, "is_space")
    return sum(1 for p, s in zip(punct, space, strict=True) if not (p or s))
