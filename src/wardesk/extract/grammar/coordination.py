"""Coordination over the dependency parse: in "air and artillery strikes" or "attacked and
seized the town" every later conjunct hangs on the first, which holds the phrase's or the
clause's place in the sentence. Tests that ask where a conjunct stands ask its first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import CONJUNCT

if TYPE_CHECKING:
    from spacy.tokens import Token


def first_conjunct(tok: Token) -> Token:
    """The first conjunct of the coordination ``tok`` belongs to (``tok`` itself when it is
    no later conjunct): "strikes" in "air and artillery *strikes*" stays, "seized" in
    "attacked and *seized*" gives "attacked"."""
    while tok.dep_ in CONJUNCT and tok.head.i != tok.i:
        tok = tok.head
    return tok
