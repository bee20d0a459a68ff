"""Sentences break at the edges of page furniture: a dateline, byline or caption is never glued
to the story's next words ("GENEVA (Reuters) — Talks resumed" parses "Talks resumed" alone).

A component before the parser marks the first token at each edge as a sentence start; spaCy's
parser keeps boundaries set before it. The spans are ``doc.user_data["furniture"]`` when the
caller put them there (an Article's, found at ingest), else found from the text.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from wardesk.ingest.furniture import find_furniture
from wardesk.records import Furniture

KEY = "furniture"


class FurnitureBreaks:
    """Sets ``is_sent_start`` at the first word of and the first word after each furniture span."""

    def __call__(self, doc: Doc) -> Doc:
        spans: tuple[Furniture, ...] = doc.user_data.get(KEY) or find_furniture(doc.text)
        doc.user_data[KEY] = spans
        if not spans or len(doc) < 2:
            return doc
        starts = [token.idx for token in doc]
        for span in spans:
            for edge in (span.start, span.end):
                i = _word_at(doc, starts, edge)
                if i is not None and i > 0:
                    doc[i].is_sent_start = True
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


def _word_at(doc: Doc, starts: list[int], offset: int) -> int | None:
    """The first non-space token starting at or after ``offset``."""
    i = bisect_left(starts, offset)
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i if i < len(doc) else None


@Language.factory("wardesk_furniture_breaks")
def make_furniture_breaks(nlp: Language, name: str) -> FurnitureBreaks:
    return FurnitureBreaks()


def add_furniture_breaks(nlp: Language) -> None:
    """Put the component before the parser (or first, when there is none)."""
    if "wardesk_furniture_breaks" in nlp.pipe_names:
        return
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("wardesk_furniture_breaks", before="parser")
    else:
        nlp.add_pipe("wardesk_furniture_breaks", first=True)
