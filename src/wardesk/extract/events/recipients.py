"""Whom help is for when the verb names no recipient: the party a purpose clause helps
("donated generators to help Ukraine get through the winter", "sent ventilators to assist
Ethiopia"). Word lists: data/en/events/roles.json."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.events.clause_actors import subject
from wardesk.extract.events.phrase_actors import Refs, refs_of
from wardesk.extract.grammar.labels import ADVERBIAL_CLAUSE, CLAUSAL_COMPLEMENT, OPEN_COMPLEMENT
from wardesk.extract.grammar.syntax import lemma, objects
from wardesk.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import ActorTable

_PURPOSE = ADVERBIAL_CLAUSE | OPEN_COMPLEMENT
_COMPLEMENTS = CLAUSAL_COMPLEMENT | OPEN_COMPLEMENT


def recipient_types() -> frozenset[str]:
    return frozenset(words("events/roles.json", "recipient_types"))


def purpose_recipient(verb: Token, actors: ActorTable, source: Refs) -> Refs:
    """roles.aid_purpose: the object of a helping verb in the verb's purpose clause, or the
    subject of that verb's complement ("to help Ukraine get through"), other than the giver."""
    helping = words("events/roles.json", "helping_verbs")
    for clause in verb.children:
        if clause.dep_ not in _PURPOSE or lemma(clause) not in helping:
            continue
        heads = list(objects(clause))
        heads += [s for c in clause.children if c.dep_ in _COMPLEMENTS and (s := subject(c)) is not None]
        for head in heads:
            refs = tuple(r for r in refs_of(head, actors) if r not in source)
            if refs:
                return refs
    return ()
