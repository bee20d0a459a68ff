"""Listed issues told by a verb or noun and its object rather than by a fixed phrase: "stop
Israel's attacks", "a halt to the Russian strikes", "stop attacking ships" are about a ceasefire
whatever words stand between the two (frames in data/en/positions/issue_frames.json)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wardesk.extract.grammar.labels import (
    OBJECT,
    OPEN_COMPLEMENT,
    PREPOSITION,
    SUBJECT,
)
from wardesk.extract.grammar.shapes import prep_pairs
from wardesk.extract.lexicon.phrases import load_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@lru_cache(maxsize=1)
def _frames() -> dict[str, Any]:
    data: dict[str, Any] = load_data("positions/issue_frames.json")["frames"]
    return data


def frame_issues(doc: Doc, start: int, end: int) -> list[tuple[str, int]]:
    """(issue, index of the frame's head word) for each frame whose head word is in doc[start:end]
    (its object may lie past a cut of the chunk: "stop the heinous and cruel attacks")."""
    out: list[tuple[str, int]] = []
    for tok in doc[start:end]:
        for issue, frame in _frames().items():
            if tok.lemma_.lower() in frame["heads"] and any(o.lemma_.lower() in frame["objects"] for o in _objects(tok)):
                out.append((issue, tok.i))
    return out


def _objects(tok: Token) -> list[Token]:
    """What a stopping word stops: a verb's object or verb ("stop attacking"), else its subject;
    a noun's to/of phrase ("a halt to the strikes")."""
    if tok.pos_ in ("VERB", "AUX"):
        found = [c for c in tok.children if c.dep_ in OBJECT or (c.dep_ in OPEN_COMPLEMENT and c.tag_ == "VBG")]
        return found or [c for c in tok.children if c.dep_ in SUBJECT]  # "the attacks must stop"
    if tok.pos_ == "NOUN":
        return [g for c, g in prep_pairs(tok, links=PREPOSITION) if c.i > tok.i]
    return []
