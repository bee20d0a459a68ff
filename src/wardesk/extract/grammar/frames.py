"""Reported-speech frames: which verbs report speech (one file, ``speech_verbs.json``, named sets
by what they are for) and the test that a clause is what such a verb reports ("X *said* [it
attacked]"). The event stage's modality, irrealis and predicate readings use these."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import CLAUSAL_COMPLEMENT
from wardesk.extract.grammar.syntax import lemma
from wardesk.extract.lexicon import read_json

if TYPE_CHECKING:
    from spacy.tokens import Token

_FILE = "speech_verbs.json"


@lru_cache(maxsize=16)
def speech_verbs(name: str) -> frozenset[str]:
    """One named set of speech verbs: ``speech_verbs("content_frames")`` → {"say", "claim", …};
    a set written as another set ("as") plus words ("plus") is resolved."""
    sets = read_json(_FILE)
    if name not in sets or name.startswith("_"):
        raise KeyError(f"{_FILE} has no speech-verb set {name!r}")
    spec = sets[name]
    base = speech_verbs(spec["as"]) if "as" in spec else frozenset()
    return base | frozenset(spec.get("verbs", ())) | frozenset(spec.get("plus", ()))


def reported_clause(clause: Token, verbs: frozenset[str]) -> bool:
    """``clause`` is the content clause of one of ``verbs`` ("they *said* [the town fell]")."""
    return clause.dep_ in CLAUSAL_COMPLEMENT and lemma(clause.head) in verbs
