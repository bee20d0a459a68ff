"""Named military operations: "Operation X struck nine sites" names no actor, but the article
does — whoever launched the operation ("India launched Operation X"), or else the military or
government that reports its own operation ("…, the Indian army said")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import ActorTable
    from wardesk.records import ActorRef

OPERATION_WORDS = words("events/parties.json", "operation_words")
OWNER_SECTORS = words("events/assertion.json", "operation_owner_sectors")


def operation_name(trigger: Token) -> str | None:
    """The name of the operation that is the trigger's subject ("Operation Rising Lion"), or None."""
    subject = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PROPN":
        return None
    words_before = [t for t in subject.subtree if t.i <= subject.i]
    if not words_before or words_before[0].lower_.rstrip(".") not in OPERATION_WORDS or len(words_before) < 2:
        return None
    return " ".join(t.text for t in words_before)


def operation_owner(trigger: Token, actors: ActorTable, reporters: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
    """roles.operation-owner: the actor that launched the named operation earlier in the
    article, else the reporting military or government; () when the operation names none."""
    name = operation_name(trigger)
    if name is None:
        return ()
    launcher = _launcher(trigger, name, actors)
    if launcher:
        return launcher
    return tuple(r for r in reporters if r.sector in OWNER_SECTORS)


def _launcher(trigger: Token, name: str, actors: ActorTable) -> tuple[ActorRef, ...]:
    doc = trigger.doc
    text = doc.text
    at = text.find(name)
    while 0 <= at < trigger.idx:
        span = doc.char_span(at, at + len(name), alignment_mode="expand")
        if span is not None and span.root.dep_ in ("dobj", "appos", "pobj"):
            verb = span.root.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            refs = tuple(actors.refs(subject)) if subject is not None else ()
            if refs:
                return refs
        at = text.find(name, at + len(name))
    return ()
