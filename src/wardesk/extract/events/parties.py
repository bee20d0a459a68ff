"""Who is no party to an event though the sentence names them: a host of others' talks, the
speaker's own government in a threat (word lists: data/en/roles.json)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import OPEN_COMPLEMENT
from wardesk.extract.grammar.syntax import lemma, objects, prep_objects
from wardesk.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import ActorTable
    from wardesk.records import ActorRef

    Refs = tuple[ActorRef, ...]
    Pair = tuple[Refs, Refs]
    RefsOf = Callable[..., Refs]


def hosting(verb: Token) -> bool:
    """"hosted / brokered / convened talks between A and B": the subject is no party; but "ready
    to host talks between A and B" is the host's own offer."""
    if lemma(verb) not in words("events/parties.json", "host_verbs"):
        return False
    return not (verb.dep_ in OPEN_COMPLEMENT and lemma(verb.head) in words("events/parties.json", "offer_frames"))


def own_government(refs: tuple[ActorRef, ...], own: tuple[ActorRef, ...]) -> bool:
    """"Rubio warned that Washington would cut aid": the clause's subject is the speaker's own
    government (same country, both in a government sector), so the threat is that side's."""
    sectors = words("events/parties.json", "own_side_sectors")
    codes = {r.code for r in own if r.code and r.sector in sectors}
    return bool(codes) and all(r.code in codes and r.sector in sectors for r in refs)


_EARLIER_SENTENCES = 2  # how far back "the two sides" may reach


def earlier_pair(verb: Token, actors: ActorTable,
                 pair_in: Callable[[Token, ActorTable], Pair | None]) -> Pair:
    """"Russia and Ukraine met in Istanbul. The two sides agreed …": the two sides of the
    nearest clause before this sentence that names two (its last such clause first)."""
    sent = verb.sent
    doc = verb.doc
    for _ in range(_EARLIER_SENTENCES):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
        for tok in reversed(list(sent)):
            if tok.pos_ in ("VERB", "AUX") and (pair := pair_in(tok, actors)):
                return pair
    return (), ()


def between(noun: Token, actors: ActorTable, refs_of: RefsOf) -> Refs:
    """The parties of "talks between A and B" ("between the envoys in Muscat": not Muscat)."""
    both: list[ActorRef] = []
    for pobj in prep_objects(noun, {"between", "among", "amongst"}):
        both += [r for r in refs_of(pobj, actors, skip=words("events/parties.json", "place_preps"))
                 if r not in both]
    return tuple(both)


def hosted_parties(verb: Token, actors: ActorTable, refs_of: RefsOf) -> Refs:
    """"hosted talks between A and B": A and B, when the verb hosts; else nothing."""
    if not hosting(verb):
        return ()
    for obj in objects(verb):
        both = between(obj, actors, refs_of)
        if len(both) > 1:
            return both
    return ()
