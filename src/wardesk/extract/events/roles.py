"""Who does what to whom: the source and target actors of a matched predicate, read from the
dependency parse (subject, passive agent, object, prepositional object, possessor)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.event_types import types_with
from wardesk.extract.actors.pronouns import not_named_after, owned_by, possessor_refs
from wardesk.extract.events.parties import (
    between,
    earlier_pair,
    hosted_parties,
    hosting,
    own_government,
)
from wardesk.extract.events.predicates import Match
from wardesk.extract.events.role_cues import weapon
from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import ACTIVE_SUBJECTS, CLAUSE_ATTACHMENTS
from wardesk.extract.grammar.syntax import (
    adverbial_passive,
    is_condition_clause,
    marked_passive,
    objects,
    phrase_span,
    phrase_tokens,
    prep_objects,
    reduced_passive,
)
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.lexicon import words
from wardesk.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import ActorTable

_RELATIVE = words("events/roles.json", "relative")
# Prepositions whose object is the one acted upon ("an attack on", "talks with"); after a noun
# "at" names a place ("talks at the hotel in …"), so only verbs take it.
_TARGET_PREPS = words("events/roles.json", "target_preps")
# Verbs whose object is the topic, not the other party ("discussed sanctions on Russia").
_TOPIC_OBJECT_VERBS = words("events/roles.json", "topic_object_verbs")
# Prepositions by which a verb's subject takes part in an event noun ("arrived on a visit",
# "engaged in fighting"); not "wept over the crackdown", "angry about the raid".
_PARTAKING_PREPS = words("events/roles.json", "partaking_preps")
_VERB_TARGET_PREPS = words("events/roles.json", "verb_target_preps")
_MOVING = words("events/roles.json", "moving")
# Verbs whose "to"-phrase is where someone is sent, not who is acted on ("deported them to Honduras").
_SENDING = words("events/roles.json", "sending")
_SENDING_NOUNS = words("events/roles.json", "sending_nouns")
_DESTINATION_PREPS = words("events/roles.json", "destination_preps")
_SOURCE_PREPS = words("events/roles.json", "source_preps")
# Nouns that stand for two actors already named in the governing clause ("when the pair spoke").
_PAIR_WORDS = words("events/roles.json", "pair_words")
_NOT_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# Clause attachments whose tokens do not belong to a noun phrase's own actors.
_CLAUSE_DEPS = CLAUSE_ATTACHMENTS

Refs = tuple[ActorRef, ...]


# Verbs of 'came/was/remained under attack'.
_UNDER_VERBS = words("events/roles.json", "under_verbs")


def _dedupe(refs: tuple[ActorRef, ...] | list[ActorRef]) -> Refs:
    seen: set[tuple[str | None, str | None, str]] = set()
    out: list[ActorRef] = []
    for r in refs:
        key = (r.actor, r.code, r.actorText)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return tuple(out)


_AGENT_SKIP = frozenset(_VERB_TARGET_PREPS | {"between"})


def refs_of(head: Token, actors: ActorTable, agent: bool = False, skip: frozenset[str] = frozenset()) -> Refs:
    """The actors of the noun phrase headed by ``head``: the actor table's answer, or else
    every actor mentioned inside the phrase (its modifiers, possessor, "from"-phrase). For an
    agent ("Russia's attack on Kyiv killed …") the phrase's "on"/"against"… objects are left out,
    as are prepositional phrases headed by ``skip``."""
    if head.ent_type_ in _NOT_ACTOR_ENTS:
        counted = _counted(head)  # "thousands of Kenyans": the people counted
        return refs_of(counted, actors, agent) if counted is not None else ()
    refs = tuple(actors.refs(head))
    stale = bool(refs) and not not_named_after(head, refs, actors)
    if stale:  # "He …, so that Ali …": not Ali, and no one else either
        refs = ()
    elif refs:
        refs = owned_by(head, refs, actors, refs_of)
    for conj in head.conjuncts:  # the table should expand conjuncts; make sure of it
        if conj.i > head.i:
            refs += tuple(actors.refs(conj))
    owner = None if refs else possessor_refs(head, actors, refs_of)  # "his mission": whose, in this sentence
    if owner:
        return owner
    if not refs and not stale:  # the actors named inside the phrase: "a U.S. request", "Serbia's crackdown"
        skip = skip | _AGENT_SKIP if agent else skip
        for tok in phrase_tokens(head, skip):
            if owner is not None and tok.dep_ == "poss" and tok.head.i == head.i:
                continue  # the pronoun's owner in this sentence is no actor: not someone else either
            found = tuple(actors.refs(tok))
            if agent and tok.i < head.i and tok.dep_ in ("compound", "nmod", "amod"):
                found = tuple(r for r in found if r.actor is not None)  # "the Ankara attack killed": where
            refs += found
        if not refs:
            start, end = phrase_span(head, skip)
            refs = tuple(actors.refs_in(start, end))
    return _dedupe(refs)


def _counted(head: Token) -> Token | None:
    """What a count counts: "thousands of Kenyans", "tens of thousands of students"."""
    if head.ent_type_ not in ("CARDINAL", "QUANTITY") or head.pos_ not in ("NOUN", "NUM", "PROPN"):
        return None
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ != "pobj" or pobj.tag_ == "NN":
                    continue  # "one-fifth of Spain's electricity": an amount of a thing
                return _counted(pobj) or pobj if pobj.ent_type_ in ("CARDINAL", "QUANTITY") else pobj
    return None


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ACTIVE_SUBJECTS:
            if c.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return c
    return None


def _governor(verb: Token) -> Token | None:
    """The verb whose subject a subjectless verb shares ("before leading a call")."""
    tok = verb
    for _ in range(4):
        if _issued_text(tok):  # "issued a statement calling on X": the issuer calls
            return tok.head.head
        if tok.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") or (
            tok.dep_ == "pobj" and tok.head.dep_ == "prep"
        ):
            tok = tok.head
            if tok.pos_ == "ADP":
                tok = tok.head
            if tok.pos_ == "VERB" or (tok.pos_ in ("AUX", "ADJ") and _subject(tok) is not None):
                return tok
            continue
        return None
    return None


def _issued_text(verb: Token) -> bool:
    """A present participle after the object of a verb ("sent a letter threatening …")."""
    head = verb.head
    return (verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ in ("dobj", "obj")
            and head.head.pos_ == "VERB" and head.head.i != head.i)


def _subject_refs(verb: Token, actors: ActorTable) -> tuple[Token | None, Refs]:
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            break
        subj = _subject(tok)
        if subj is not None:
            return subj, refs_of(subj, actors, agent=True)
        if tok.dep_ == "xcomp":  # object control: "sent his aide to meet", "urged X to talk"
            for obj in _objects(tok.head):
                refs = refs_of(obj, actors)
                if refs:
                    return obj, refs
        tok = _governor(tok)
    return None, ()


_objects = objects
_prep_objects = prep_objects


_BY = words("events/roles.json", "by")


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


def _pair_refs(verb: Token, actors: ActorTable) -> tuple[Refs, Refs]:
    """"when the pair spoke": the subject and object of a clause this one hangs from."""
    for gov in verb.ancestors:
        if gov.pos_ == "VERB" and (pair := _pair_in(gov, actors)):
            return pair
    return (), ()


def _pair_in(verb: Token, actors: ActorTable) -> tuple[Refs, Refs] | None:
    """The two sides of one clause: its subject and object, or two countries in its subject
    ("Russia and Ukraine met")."""
    subj = _subject(verb)
    src = refs_of(subj, actors) if subj is not None else ()
    tgt: Refs = ()
    for obj in [*_objects(verb), *_prep_objects(verb, {"with"})]:
        tgt = _dedupe(tgt + refs_of(obj, actors))
    if src and tgt:
        return src, tgt
    if len({_who(r) for r in src}) == 2:
        return src[:1], src[1:]
    return None


# Participles that describe their subject's own stance, not something done to it.
_STATIVE = words("events/roles.json", "stative")


def _stative(verb: Token) -> bool:
    """"is committed to", "are opposed to": an adjectival passive with no "by"-agent."""
    if _lemma(verb) not in _STATIVE or any(c.dep_ == "agent" for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children)


def _against_refs(verb: Token, actors: ActorTable, source: Refs) -> Refs:
    """"mobilized reservists for a possible war against Iraq": an "against"-phrase anywhere in
    the verb's own clause names whom the act is aimed at."""
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        if tok.dep_ == "prep" and tok.lower_ == "against":
            for pobj in (c for c in tok.children if c.dep_ == "pobj"):
                refs = tuple(r for r in refs_of(pobj, actors) if r not in source)
                if refs:
                    return refs
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSE_DEPS)
    return ()


def _stance_roles(verb: Token, holder: Token, actors: ActorTable) -> tuple[Refs, Refs]:
    source = refs_of(holder, actors, agent=True)
    target = _complement_subject_refs(verb, actors, source)
    if not target:
        for pobj in _prep_objects(verb, {"to"}):
            target = _dedupe(target + tuple(r for r in refs_of(pobj, actors) if r not in source))
    return source, target


def verbal_roles(match: Match, actors: ActorTable) -> tuple[Refs, Refs]:
    verb = match.trigger
    parties = hosted_parties(verb, actors, refs_of)
    if parties:  # "Qatar hosted talks between A and B": the host is no party
        return parties[:1], parties[1:]
    reduced = reduced_passive(verb)
    adverbial = adverbial_passive(verb)
    passive = reduced or adverbial or marked_passive(verb)
    if passive and _stative(verb):  # "Vietnam is committed to opening up": Vietnam commits
        holders = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if holders:
            return _stance_roles(verb, holders[0], actors)
    source: Refs = ()
    target: Refs = ()
    if passive:
        for agent in passive_agents(verb):
            source = _dedupe(source + refs_of(agent, actors, agent=True))
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                target = refs_of(c, actors)
        if not source and match.predicate.event in _TROOP_MOVEMENTS and _lemma(verb) in _MOVING:
            source, target = target, ()  # "UN forces have been deployed": the forces' side moves
        if reduced:  # "captives released by X": the noun it modifies is the one acted on
            target = refs_of(verb.head, actors)
        if adverbial:  # "If convicted, they face …": the main clause's subject undergoes it
            undergoer = _subject(verb.head)
            target = refs_of(undergoer, actors) if undergoer is not None else ()
    else:
        subj, source = _subject_refs(verb, actors)
        if not source and subj is not None and subj.lower_ in _PAIR_WORDS:
            pair = _pair_refs(verb, actors)  # "when the pair spoke"; else an earlier sentence's
            return pair if pair[0] else earlier_pair(verb, actors, _pair_in)
        for obj in _objects(verb):
            if (match.noun is None or obj.i != match.noun.i) and _lemma(verb) not in _TOPIC_OBJECT_VERBS \
                    and not weapon(obj):  # roles.weapon_no_target: "fired Iskander missiles at X"
                target = _dedupe(target + refs_of(obj, actors))
    if match.predicate.phrase == "say … must":  # the obligation's bearer, not the listener
        target = _complement_subject_refs(verb, actors, source) or target
    if match.noun is not None:
        target = _dedupe(target + _noun_targets(match.noun, actors))
        if not source:
            source = _noun_sources(match.noun, actors)
        elif not target and not weapon(match.noun):  # "rejected an Indian proposal", "summoned Niger's envoy" (not "ordered Russian boots")
            own = {r.code for r in source}
            target = tuple(r for r in _noun_sources(match.noun, actors) if r.code not in own)
    if not target:
        preps = _VERB_TARGET_PREPS - {"to", "into", "toward", "towards"} if _lemma(verb) in _SENDING else _VERB_TARGET_PREPS
        for pobj in _prep_objects(verb, preps):  # a passive's "by"-phrase is its source, not here
            target = _dedupe(target + refs_of(pobj, actors, skip=_BY if passive else frozenset()))
    if not target and _objects(verb) and _lemma(verb) not in _TOPIC_OBJECT_VERBS:
        # "meets counterparts from France": the "from"-phrase often hangs off the verb
        for pobj in _prep_objects(verb, {"from"}):
            target = _dedupe(target + refs_of(pobj, actors))
    if not target and match.predicate.event in _COMPLEMENT_TARGET_TYPES:
        threat = match.predicate.event == "THREATEN"  # a threat is never against one's own side
        target = _complement_subject_refs(verb, actors, source, own_side=threat)
    if not target:
        target = _against_refs(verb, actors, source)
    if source and not target and match.predicate.event in _PLACE_TARGET_TYPES:
        target = _place_target(verb, source, actors)
    if "inverse" in match.predicate.flags:
        owners: Refs = ()
        for obj in _objects(verb):
            owners = _dedupe(owners + _noun_sources(obj, actors))
        source, target = owners, source
    return source, target


# Verbal types whose target may be the subject of their complement clause
# ("demanded Ukraine must withdraw", "warned that Russia would pay").
_COMPLEMENT_TARGET_TYPES = types_with("complement_target")
_TROOP_MOVEMENTS = types_with("troop_movement")
_RECIPROCAL_TYPES = types_with("reciprocal")


# Types whose target CAMEO coders read off the place acted in or on ("strengthened its forces
# in Crimea", "withdrew troops from Abyei", "strikes in Mosul"), when no party is named.
_PLACE_TARGET_TYPES = types_with("place_target_role")
_PLACE_PREPS = words("events/roles.json", "place_preps")


def _place_target(verb: Token, source: Refs, actors: ActorTable) -> Refs:
    """Actors named as the place of the verb or of its object, other than the source's own."""
    own = {r.code for r in source if r.code}
    for head in (verb, *_objects(verb)):
        for pobj in _prep_objects(head, _PLACE_PREPS):
            refs = tuple(r for r in refs_of(pobj, actors) if r.code and r.code not in own)
            if refs:
                return refs
    return ()


def subject_token(verb: Token) -> Token | None:
    """The subject of the verb or of the verb whose subject it shares."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        subj = _subject(tok)
        if subj is not None:
            return subj
        tok = _governor(tok)
    return None


_CLAIM_NOUNS = words("events/roles.json", "claim_nouns")


def _complement_subject_refs(verb: Token, actors: ActorTable, own: Refs = (), *,
                             own_side: bool = False) -> Refs:
    """The party a complement clause is about; a subject that is the speaker again ("X warned
    that it could invade Y") gives way to the clause's objects."""
    own_ids = {_who(r) for r in own}
    for c in verb.children:
        marked = c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        if c.dep_ in ("ccomp", "xcomp") or marked:  # "called for X to lift": X
            subj = _subject(c)
            if subj is not None:
                refs = refs_of(subj, actors)
                if not (refs and ({_who(r) for r in refs} <= own_ids
                                  or (own_side and own_government(refs, own)))):
                    return refs
            for clause in (c, *c.conjuncts):
                for obj in _objects(clause) + _prep_objects(clause, _VERB_TARGET_PREPS | {"in", "from"}):
                    refs = refs_of(obj, actors)  # "refused to meet X", "promised to send aid to X"
                    if refs and not {_who(r) for r in refs} <= own_ids:  # not "opening up its economy"
                        return refs
            refs = _condition_subject_refs(c, actors, own_ids)
            if refs:
                return refs
    # "the need for X to provide": the subject of a clause or a "for"-phrase inside the object
    for obj in _objects(verb):
        if _lemma(obj) in _CLAIM_NOUNS:
            continue  # "rebuffed fears that Trump's tariffs would …": a claim's content is no party
        for clause in obj.children:
            if clause.dep_ in ("advcl", "acl", "relcl") and (subj := _subject(clause)) is not None:
                return refs_of(subj, actors)
        for pobj in _prep_objects(obj, {"for"}):
            return refs_of(pobj, actors)
    return ()


def _who(ref: ActorRef) -> str:
    return ref.actor or f"{ref.code}:{ref.actorText}"


def _condition_subject_refs(clause: Token, actors: ActorTable, own_ids: set[str]) -> Refs:
    """"threatened to strike unless Israel withdrew": whoever the condition is put to."""
    for cond in (clause, clause.head):
        for adv in cond.children:
            if is_condition_clause(adv):
                subj = _subject(adv)
                refs = refs_of(subj, actors) if subj is not None else ()
                if refs and not {_who(r) for r in refs} <= own_ids:
                    return refs
    return ()


# Nominals whose possessor undergoes the act: "Dodik's arrest", "the journalist's release".
_PATIENT_NOUNS = words("events/roles.json", "patient_nouns")


def _noun_sources(noun: Token, actors: ActorTable) -> Refs:
    out: Refs = ()
    patient = _lemma(noun) in _PATIENT_NOUNS
    for c in noun.children:
        if patient and c.dep_ == "poss":
            continue  # "Dodik's arrest": Dodik is arrested, not arresting
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
            refs = tuple(actors.refs(c))
            if c.dep_ != "poss":  # "the Ankara attack": a city before the noun says where, not who
                refs = tuple(r for r in refs if r.actor is not None)
            out = _dedupe(out + refs + _span_refs(c, actors))
    for pobj in _prep_objects(noun, _SOURCE_PREPS):
        out = _dedupe(out + refs_of(pobj, actors))
    return out


def _span_refs(tok: Token, actors: ActorTable) -> Refs:
    return tuple(actors.refs_in(tok.idx, tok.idx + len(tok.text)))


def _noun_targets(noun: Token, actors: ActorTable) -> Refs:
    out: Refs = ()
    if _lemma(noun) in _PATIENT_NOUNS:
        for c in noun.children:
            if c.dep_ == "poss":
                out = _dedupe(out + refs_of(c, actors))
    preps = _TARGET_PREPS - _DESTINATION_PREPS if _lemma(noun) in _SENDING_NOUNS else _TARGET_PREPS
    for pobj in _prep_objects(noun, preps):  # "the deportation of X to Y": Y is where, not whom
        out = _dedupe(out + refs_of(pobj, actors))
    return out


def nominal_roles(match: Match, actors: ActorTable) -> tuple[Refs, Refs]:
    noun = match.trigger
    both = between(noun, actors, refs_of)
    if both:
        if noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB" and not hosting(noun.head):
            _, host = _subject_refs(noun.head, actors)
            if host:  # "X launched a mediation effort between A and B": X acts on both
                return host, both
        return both[:1], both[1:]  # "Qatar hosted talks between A and B": A and B talk
    source = _noun_sources(noun, actors)
    target = _noun_targets(noun, actors)
    if under_attack(noun):  # "the convoy came under attack": the subject is the one attacked
        _, target = _subject_refs(noun.head.head, actors)
        return source, target
    anchor = _measured(first_conjunct(noun))  # "launched air and artillery strikes"
    if not target and anchor.dep_ in ("dobj", "obj") and anchor.head.pos_ == "VERB":
        for pobj in _prep_objects(anchor.head, _VERB_TARGET_PREPS):  # "launched cyber warfare against X"
            target = _dedupe(target + refs_of(pobj, actors))
        for dative in (c for c in anchor.head.children if c.dep_ == "dative"):  # "gave Ghana … of aid"
            target = _dedupe(target + refs_of(dative, actors))
    if not source and anchor.dep_ in ("dobj", "obj", "dative") and anchor.head.pos_ == "VERB":
        _, source = _subject_refs(anchor.head, actors)
    elif (not source and anchor.dep_ == "pobj" and anchor.head.head.pos_ == "VERB"
          and anchor.head.lower_ in _PARTAKING_PREPS):
        _, source = _subject_refs(anchor.head.head, actors)  # "arrived on a visit", "engaged in fighting"
    return source, target


def _measured(noun: Token) -> Token:
    """The measure a nominal is counted in stands in for it in the clause: "began five days of
    war games", "gave 4 million euros of aid" (the verb's object is the measure)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return noun
    measure = prep.head
    counted = measure.ent_type_ in ("MONEY", "QUANTITY", "DATE", "CARDINAL") or any(
        c.dep_ == "nummod" for c in measure.children)
    return measure if counted and measure.pos_ in ("NOUN", "NUM") else noun


def under_attack(noun: Token) -> bool:
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ == "under" and _lemma(prep.head) in _UNDER_VERBS


def roles(match: Match, actors: ActorTable) -> tuple[Refs, Refs]:
    """(source, target) of a match; a symmetric CONSULT between several parties named only as
    its source ("US and Ukrainian officials met") is split into source and target."""
    if match.predicate.kind == "noun":
        source, target = nominal_roles(match, actors)
    else:
        source, target = verbal_roles(match, actors)
    if (match.predicate.event in _TROOP_MOVEMENTS and target
            and {r.code for r in target} <= {r.code for r in source if r.code}):
        target = ()  # "moved its forces in Belgorod": its own ground, no one else's
    if match.predicate.event in _RECIPROCAL_TYPES and not target and len(source) > 1:
        codes = {r.code for r in source}
        if len(codes) > 1:
            source, target = source[:1], source[1:]
    return source, target
