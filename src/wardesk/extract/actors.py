"""Actors: mentions in the Doc → canonical actors (placeholder: NER entities only)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.layers import KnownPerson
from wardesk.kb import KnowledgeBase
from wardesk.records import Actor, ActorRef, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


@dataclass(frozen=True)
class SimpleActorTable:
    actors: tuple[Actor, ...]
    by_token: Mapping[int, Actor]

    def refs(self, token: Token) -> tuple[ActorRef, ...]:
        actor = self.by_token.get(token.i)
        return () if actor is None else (ActorRef(actor.id, actor.name, actor.country, actor.sector),)

    def refs_in(self, start: int, end: int) -> tuple[ActorRef, ...]:
        return tuple(
            ActorRef(a.id, a.name, a.country, a.sector)
            for a in self.actors
            if any(start <= m.start and m.end <= end for m in a.mentions)
        )


def find_actors(doc: Doc, kb: KnowledgeBase, known: Mapping[str, KnownPerson]) -> SimpleActorTable:
    actors: dict[str, Actor] = {}
    by_token: dict[int, Actor] = {}
    for ent in doc.ents:
        kind = _KINDS.get(ent.label_)
        if kind is None:
            continue
        key = f"unk/unk/{'-'.join(ent.text.lower().split())}"
        mention = Mention(ent.start_char, ent.end_char, ent.text)
        old = actors.get(key)
        actor = Actor(key, ent.text, kind, mentions=(*(old.mentions if old else ()), mention))
        actors[key] = actor
        for tok in ent:
            by_token[tok.i] = actor
    final = {k: a for k, a in actors.items()}
    by_token = {i: final[a.id] for i, a in by_token.items()}
    return SimpleActorTable(tuple(final.values()), by_token)
