"""The parties a clause names: its subject (or the subject it shares with a governing verb), a
passive's "by"-agents, the two sides of a clause ("when the pair spoke"), and the party a
complement or condition clause is about ("warned that Russia would pay")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.events.parties import own_government
from wardesk.extract.events.phrase_actors import Refs, dedupe, refs_of, who
from wardesk.extract.grammar.labels import (
    ACTIVE_SUBJECTS,
    ADJECTIVAL_COMPLEMENT,
    ADVERBIAL_CLAUSE,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    MARK,
    NOUN_CLAUSES,
    OBJECT,
    OPEN_COMPLEMENT,
    PREP_COMPLEMENT,
    PREP_OBJECT,
    PREPOSITION,
    RELATIVE_CLAUSE,
)
from wardesk.extract.grammar.syntax import is_condition_clause, objects, prep_objects
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import ActorTable

_RELATIVE = words("events/roles.json", "relative")
_VERB_TARGET_PREPS = words("events/roles.json", "verb_target_preps")
# Links up to a verb whose subject a subjectless verb shares ("decided *to meet*", "and *met*").
_SHARING_LINKS = OPEN_COMPLEMENT | CONJUNCT | ADVERBIAL_CLAUSE | PREP_COMPLEMENT | ADJECTIVAL_COMPLEMENT
_CONTENT_CLAUSES = CLAUSAL_COMPLEMENT | OPEN_COMPLEMENT
_OBJECT_CLAUSES = ADVERBIAL_CLAUSE | NOUN_CLAUSES  # "the need for X to provide", "a plan that X …"


def subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ACTIVE_SUBJECTS:
            if c.lower_ in _RELATIVE and verb.dep_ in RELATIVE_CLAUSE:
                return verb.head
            return c
    return None


def _governor(verb: Token) -> Token | None:
    """The verb whose subject a subjectless verb shares ("before leading a call")."""
    tok = verb
    for _ in range(4):
        if _issued_text(tok):  # "issued a statement calling on X": the issuer calls
            return tok.head.head
        if tok.dep_ in _SHARING_LINKS or (tok.dep_ in PREP_OBJECT and tok.head.dep_ in PREPOSITION):
            tok = tok.head
            if tok.pos_ == "ADP":
                tok = tok.head
            # a verb, or a word the parser took for a noun but gave a subject ("X rejects and
            # condemns …" with "rejects" as a noun): it is the clause's predicate all the same
            if tok.pos_ == "VERB" or (tok.pos_ in ("AUX", "ADJ", "NOUN") and subject(tok) is not None):
                return tok
            continue
        return None
    return None


def _issued_text(verb: Token) -> bool:
    """A present participle after the object of a verb ("sent a letter threatening …")."""
    head = verb.head
    return (verb.dep_ in CLAUSAL_MODIFIER and verb.tag_ == "VBG" and head.dep_ in OBJECT
            and head.head.pos_ == "VERB" and head.head.i != head.i)


def subject_refs(verb: Token, actors: ActorTable) -> tuple[Token | None, Refs]:
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            break
        subj = subject(tok)
        if subj is not None:
            return subj, refs_of(subj, actors, agent=True)
        if tok.dep_ in OPEN_COMPLEMENT:  # object control: "sent his aide to meet", "urged X to talk"
            for obj in _objects(tok.head):
                refs = refs_of(obj, actors)
                if refs:
                    return obj, refs
        tok = _governor(tok)
    return None, ()


_objects = objects
_prep_objects = prep_objects



def passive_agents(verb: Token) -> list[Token]:
    """The "by"-agents of a passive verb: on the verb itself, or where the parser hung them on
    the verb's object or prepositional object ("were threatened with sanctions by X",
    "was given a warning by X"), when the verb has no agent of its own."""
    own = _prep_objects(verb, {"by"})
    if own:
        return own
    found: list[Token] = []
    for noun in [*_objects(verb), *_prep_objects(verb, {"with", "to", "into", "for"})]:
        found.extend(p for p in _prep_objects(noun, {"by"}) if p.pos_ in ("PROPN", "NOUN", "PRON"))
    return found


def pair_refs(verb: Token, actors: ActorTable) -> tuple[Refs, Refs]:
    """"when the pair spoke": the subject and object of a clause this one hangs from."""
    for gov in verb.ancestors:
        if gov.pos_ == "VERB" and (pair := pair_in(gov, actors)):
            return pair
    return (), ()


def pair_in(verb: Token, actors: ActorTable) -> tuple[Refs, Refs] | None:
    """The two sides of one clause: its subject and object, or two countries in its subject
    ("Russia and Ukraine met")."""
    subj = subject(verb)
    src = refs_of(subj, actors) if subj is not None else ()
    tgt: Refs = ()
    for obj in [*_objects(verb), *_prep_objects(verb, {"with"})]:
        tgt = dedupe(tgt + refs_of(obj, actors))
    if src and tgt:
        return src, tgt
    if len({who(r) for r in src}) == 2:
        return src[:1], src[1:]
    return None


def subject_token(verb: Token) -> Token | None:
    """The subject of the verb or of the verb whose subject it shares."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        subj = subject(tok)
        if subj is not None:
            return subj
        tok = _governor(tok)
    return None


_CLAIM_NOUNS = words("events/roles.json", "claim_nouns")


def complement_subject_refs(verb: Token, actors: ActorTable, own: Refs = (), *,
                             own_side: bool = False) -> Refs:
    """The party a complement clause is about; a subject that is the speaker again ("X warned
    that it could invade Y") gives way to the clause's objects."""
    own_ids = {who(r) for r in own}
    for c in verb.children:
        marked = c.dep_ in ADVERBIAL_CLAUSE and any(m.dep_ in MARK and m.lower_ == "for" for m in c.children)
        if c.dep_ in _CONTENT_CLAUSES or marked:  # "called for X to lift": X
            subj = subject(c)
            if subj is not None:
                refs = refs_of(subj, actors)
                if not (refs and ({who(r) for r in refs} <= own_ids
                                  or (own_side and own_government(refs, own)))):
                    return refs
            for clause in (c, *c.conjuncts):
                for obj in _objects(clause) + _prep_objects(clause, _VERB_TARGET_PREPS | {"in", "from"}):
                    refs = refs_of(obj, actors)  # "refused to meet X", "promised to send aid to X"
                    if refs and not {who(r) for r in refs} <= own_ids:  # not "opening up its economy"
                        return refs
            refs = condition_subject_refs(c, actors, own_ids)
            if refs:
                return refs
    # "the need for X to provide": the subject of a clause or a "for"-phrase inside the object
    for obj in _objects(verb):
        if _lemma(obj) in _CLAIM_NOUNS:
            continue  # "rebuffed fears that Trump's tariffs would …": a claim's content is no party
        for clause in obj.children:
            if clause.dep_ in _OBJECT_CLAUSES and (subj := subject(clause)) is not None:
                return refs_of(subj, actors)
        for pobj in _prep_objects(obj, {"for"}):
            return refs_of(pobj, actors)
    return ()


def condition_subject_refs(clause: Token, actors: ActorTable, own_ids: set[str]) -> Refs:
    """"threatened to strike unless Israel withdrew": whoever the condition is put to."""
    for cond in (clause, clause.head):
        for adv in cond.children:
            if is_condition_clause(adv):
                subj = subject(adv)
                refs = refs_of(subj, actors) if subj is not None else ()
                if refs and not {who(r) for r in refs} <= own_ids:
                    return refs
    return ()
