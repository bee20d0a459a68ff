"""Who does what to whom: the source and target actors of a matched predicate, read from the
dependency parse (subject, passive agent, object, prepositional object, possessor). The actors of
a noun phrase are found by phrase_actors, the parties a clause names by clause_actors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.event_types import types_with
from wardesk.extract.events.clause_actors import (
    complement_subject_refs,
    pair_in,
    pair_refs,
    passive_agents,
    subject,
    subject_refs,
    subject_token,
)
from wardesk.extract.events.parties import between, earlier_pair, hosted_parties, hosting
from wardesk.extract.events.phrase_actors import (
    Refs,
    dedupe,
    noun_sources,
    noun_targets,
    refs_of,
)
from wardesk.extract.events.predicates import Match
from wardesk.extract.events.recipients import purpose_recipient, recipient_types
from wardesk.extract.events.role_cues import weapon
from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import (
    CLAUSE_ATTACHMENTS,
    INDIRECT_OBJECT,
    NUMERIC_MODIFIER,
    OBJECT,
    OBJECTS,
    OPEN_COMPLEMENT,
    PASSIVE_AGENT,
    PASSIVE_SUBJECT,
    PREP_OBJECT,
    PREPOSITION,
    VERBALS,
)
from wardesk.extract.grammar.shapes import has_prep, prep_governor, prep_marker
from wardesk.extract.grammar.syntax import (
    adverbial_passive,
    marked_passive,
    objects,
    prep_objects,
    reduced_passive,
)
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import ActorTable

__all__ = ["Refs", "refs_of", "roles", "subject_token", "under_attack"]

# Verbs whose object is the topic, not the other party ("discussed sanctions on Russia").
_TOPIC_OBJECT_VERBS = words("events/roles.json", "topic_object_verbs")
# Prepositions by which a verb's subject takes part in an event noun ("arrived on a visit",
# "engaged in fighting"); not "wept over the crackdown", "angry about the raid".
_PARTAKING_PREPS = words("events/roles.json", "partaking_preps")
_VERB_TARGET_PREPS = words("events/roles.json", "verb_target_preps")
_MOVING = words("events/roles.json", "moving")
# Verbs whose "to"-phrase is where someone is sent, not who is acted on ("deported them to Honduras").
_SENDING = words("events/roles.json", "sending")
_PAIR_WORDS = words("events/roles.json", "pair_words")
# Clause attachments whose tokens do not belong to a noun phrase's own actors.
_CLAUSE_DEPS = CLAUSE_ATTACHMENTS

# Verbs of 'came/was/remained under attack'.
_UNDER_VERBS = words("events/roles.json", "under_verbs")
_UNDER = frozenset({"under"})

_BY = words("events/roles.json", "by")
_objects = objects
_prep_objects = prep_objects


# Participles that describe their subject's own stance, not something done to it.
_STATIVE = words("events/roles.json", "stative")
_TO = frozenset({"to"})


def _stative(verb: Token) -> bool:
    """"is committed to", "are opposed to": an adjectival passive with no "by"-agent."""
    if _lemma(verb) not in _STATIVE or any(c.dep_ in PASSIVE_AGENT for c in verb.children):
        return False
    return any(c.dep_ in OPEN_COMPLEMENT for c in verb.children) or has_prep(verb, _TO, PREPOSITION)


def _against_refs(verb: Token, actors: ActorTable, source: Refs) -> Refs:
    """"mobilized reservists for a possible war against Iraq": an "against"-phrase anywhere in
    the verb's own clause names whom the act is aimed at."""
    stack = [c for c in verb.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        tok = stack.pop()
        if tok.dep_ in PREPOSITION and tok.lower_ == "against":
            for pobj in (c for c in tok.children if c.dep_ in PREP_OBJECT):
                refs = tuple(r for r in refs_of(pobj, actors) if r not in source)
                if refs:
                    return refs
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSE_DEPS)
    return ()


_MODIFIER_TARGET_PREPS = words("events/roles.json", "modifier_target_preps")


def _modifier_target(verb: Token, match: Match, actors: ActorTable, source: Refs) -> Refs:
    """roles.imposed_on: "lifted sanctions imposed on Belarus", "eased the curbs placed on the
    press": the one a participle modifying the object names as acted on is the target."""
    heads = [*_objects(verb), *([match.noun] if match.noun is not None else [])]
    for head in heads:
        for clause in head.children:
            if not reduced_passive(clause):
                continue
            for pobj in _prep_objects(clause, _MODIFIER_TARGET_PREPS):
                refs = tuple(r for r in refs_of(pobj, actors) if r not in source)
                if refs:
                    return refs
    return ()


_OWN_MEASURE_TYPES = words("events/roles.json", "own_measure_types")


def _lifted_measure(verb: Token, actors: ActorTable, target: Refs) -> tuple[Refs, Refs]:
    """roles.lifted_measure: "UN sanctions on Iran were lifted": with no "by"-agent, whoever the
    measure is named after lifts it, and the one it was on is the target (not both targets)."""
    for subj in (c for c in verb.children if c.dep_ in PASSIVE_SUBJECT):
        if actors.refs(subj):
            continue  # an actor undergoes it ("the prisoners were released"), no measure
        owners, on = noun_sources(subj, actors), noun_targets(subj, actors)
        if owners and on:
            return owners, on
    return (), target


_CUSTODY = words("events/roles.json", "custody_verbs")
_CUSTODY_PLACE_PREPS = words("events/roles.json", "custody_place_preps")


def _custody_state(verb: Token, actors: ActorTable, target: Refs) -> Refs:
    """roles.custody_state: "X was arrested in Rwanda", "two Swedes were sentenced in Iraq": with
    no "by"-agent, the state where it happened arrests, jails or sentences the named person; the
    place stands in for its authorities."""
    if _lemma(verb) not in _CUSTODY:
        return ()
    for pobj in _prep_objects(verb, _CUSTODY_PLACE_PREPS):
        refs = tuple(r for r in actors.refs(pobj) if r.code and r not in target)
        if refs:
            return refs[:1]
    return ()


def _stance_roles(verb: Token, holder: Token, actors: ActorTable) -> tuple[Refs, Refs]:
    source = refs_of(holder, actors, agent=True)
    target = complement_subject_refs(verb, actors, source)
    if not target:
        for pobj in _prep_objects(verb, {"to"}):
            target = dedupe(target + tuple(r for r in refs_of(pobj, actors) if r not in source))
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
        holders = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT]
        if holders:
            return _stance_roles(verb, holders[0], actors)
    source: Refs = ()
    target: Refs = ()
    if passive:
        for agent in passive_agents(verb):
            source = dedupe(source + refs_of(agent, actors, agent=True))
        for c in verb.children:
            if c.dep_ in PASSIVE_SUBJECT:
                target = refs_of(c, actors)
        if not source and match.predicate.event in _TROOP_MOVEMENTS and _lemma(verb) in _MOVING:
            source, target = target, ()  # "UN forces have been deployed": the forces' side moves
        if reduced:  # "captives released by X": the noun it modifies is the one acted on
            target = refs_of(verb.head, actors)
        if adverbial:  # "If convicted, they face …": the main clause's subject undergoes it
            undergoer = subject(verb.head)
            target = refs_of(undergoer, actors) if undergoer is not None else ()
        if not source and target:
            source = _custody_state(verb, actors, target)
        if not source and match.predicate.event in _OWN_MEASURE_TYPES:
            source, target = _lifted_measure(verb, actors, target)
    else:
        subj, source = subject_refs(verb, actors)
        if not source and subj is not None and subj.lower_ in _PAIR_WORDS:
            pair = pair_refs(verb, actors)  # "when the pair spoke"; else an earlier sentence's
            return pair if pair[0] else earlier_pair(verb, actors, pair_in)
        for obj in _objects(verb):
            if (match.noun is None or obj.i != match.noun.i) and _lemma(verb) not in _TOPIC_OBJECT_VERBS \
                    and not weapon(obj):  # roles.weapon_no_target: "fired Iskander missiles at X"
                target = dedupe(target + refs_of(obj, actors))
    if match.predicate.phrase == "say … must":  # the obligation's bearer, not the listener
        target = complement_subject_refs(verb, actors, source) or target
    if match.noun is not None:
        target = dedupe(target + noun_targets(match.noun, actors))
        if not source:
            source = noun_sources(match.noun, actors)
        elif not target and not weapon(match.noun):  # "rejected an Indian proposal", "summoned Niger's envoy" (not "ordered Russian boots")
            own = {r.code for r in source}
            target = tuple(r for r in noun_sources(match.noun, actors) if r.code not in own)
    if not target:
        preps = _VERB_TARGET_PREPS - {"to", "into", "toward", "towards"} if _lemma(verb) in _SENDING else _VERB_TARGET_PREPS
        for pobj in _prep_objects(verb, preps):  # a passive's "by"-phrase is its source, not here
            target = dedupe(target + refs_of(pobj, actors, skip=_BY if passive else frozenset()))
    if not target and _objects(verb) and _lemma(verb) not in _TOPIC_OBJECT_VERBS:
        # "meets counterparts from France": the "from"-phrase often hangs off the verb
        for pobj in _prep_objects(verb, {"from"}):
            target = dedupe(target + refs_of(pobj, actors))
    if not target and match.predicate.event in _COMPLEMENT_TARGET_TYPES:
        threat = match.predicate.event == "THREATEN"  # a threat is never against one's own side
        target = complement_subject_refs(verb, actors, source, own_side=threat)
    if not target:
        target = _modifier_target(verb, match, actors, source)
    if not target and match.predicate.event in recipient_types():
        target = purpose_recipient(verb, actors, source)
    if not target:
        target = _against_refs(verb, actors, source)
    if source and not target and match.predicate.event in _PLACE_TARGET_TYPES:
        target = _place_target(verb, source, actors)
    if "inverse" in match.predicate.flags:
        owners: Refs = ()
        for obj in _objects(verb):
            owners = dedupe(owners + noun_sources(obj, actors))
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


def nominal_roles(match: Match, actors: ActorTable) -> tuple[Refs, Refs]:
    noun = match.trigger
    both = between(noun, actors, refs_of)
    if both:
        if noun.dep_ in OBJECT and noun.head.pos_ == "VERB" and not hosting(noun.head):
            _, host = subject_refs(noun.head, actors)
            if host:  # "X launched a mediation effort between A and B": X acts on both
                return host, both
        return both[:1], both[1:]  # "Qatar hosted talks between A and B": A and B talk
    source = noun_sources(noun, actors)
    target = noun_targets(noun, actors)
    if under_attack(noun):  # "the convoy came under attack": the subject is the one attacked
        _, target = subject_refs(noun.head.head, actors)
        return source, target
    anchor = _measured(first_conjunct(noun))  # "launched air and artillery strikes"
    if not target and anchor.dep_ in OBJECT and anchor.head.pos_ == "VERB":
        for pobj in _prep_objects(anchor.head, _VERB_TARGET_PREPS):  # "launched cyber warfare against X"
            target = dedupe(target + refs_of(pobj, actors))
        for dative in (c for c in anchor.head.children if c.dep_ in INDIRECT_OBJECT):  # "gave Ghana … of aid"
            target = dedupe(target + refs_of(dative, actors))
    if not source and anchor.dep_ in OBJECTS and anchor.head.pos_ == "VERB":
        _, source = subject_refs(anchor.head, actors)
    elif not source and (partaking := _partaking_verb(anchor)) is not None:
        _, source = subject_refs(partaking, actors)  # "arrived on a visit", "engaged in fighting"
    if not source:
        source = _claimant(anchor, actors)
    return source, target


_RESPONSIBILITY = words("events/roles.json", "responsibility_nouns")
_FOR = frozenset({"for"})


def _claimant(noun: Token, actors: ActorTable) -> Refs:
    """roles.claimed_responsibility: "X claimed responsibility for the bombings": the one who
    claims an act did it."""
    owner = prep_governor(noun, _FOR)
    if owner is None or _lemma(owner) not in _RESPONSIBILITY:
        return ()
    if owner.dep_ not in OBJECT or owner.head.pos_ not in VERBALS:
        return ()
    return subject_refs(owner.head, actors)[1]


_MEASURE_PREPS = words("events/roles.json", "measure_preps")


def _measured(noun: Token) -> Token:
    """The measure a nominal is counted in stands in for it in the clause: "began five days of
    war games", "gave 4 million euros of aid", "sent $2 million in aid" (the verb's object is the
    measure)."""
    prep = prep_marker(noun)
    measure = prep_governor(noun, _MEASURE_PREPS)
    if prep is None or measure is None or measure.i == prep.i:
        return noun
    counted = measure.ent_type_ in ("MONEY", "QUANTITY", "DATE", "CARDINAL") or any(
        c.dep_ in NUMERIC_MODIFIER for c in measure.children)
    return measure if counted and measure.pos_ in ("NOUN", "NUM") else noun



def _partaking_verb(anchor: Token) -> Token | None:
    """The verb of "arrived *on a visit*", "engaged *in fighting*": whose subject does the act."""
    governor = prep_governor(anchor, _PARTAKING_PREPS)
    return governor if governor is not None and governor.pos_ == "VERB" else None


def under_attack(noun: Token) -> bool:
    governor = prep_governor(noun, _UNDER)
    return governor is not None and _lemma(governor) in _UNDER_VERBS


def _moved(match: Match, actors: ActorTable) -> Refs:
    """The forces a troop movement moves: its object ("pulled back his troops")."""
    heads = _objects(match.trigger) if match.predicate.kind != "noun" else []
    return dedupe([r for head in heads for r in actors.refs(head)])


def _off_own_ground(target: Refs, source: Refs, moved: Refs) -> Refs:
    """roles.own_ground: "moved its forces in Belgorod" has no target, its own ground and its own
    forces being no one else's; but a party of the same country is still the other side
    ("declared a ceasefire with the Taliban", "a court in Kabul freed an Afghan activist")."""
    codes = {r.code for r in source if r.code}
    if not {r.code for r in target} <= codes:
        return target
    own = {r.actor for r in source if r.actor}
    return tuple(r for r in target if r.actor is not None and r.actor not in own and r not in moved)


def roles(match: Match, actors: ActorTable) -> tuple[Refs, Refs]:
    """(source, target) of a match; a symmetric CONSULT between several parties named only as
    its source ("US and Ukrainian officials met") is split into source and target."""
    if match.predicate.kind == "noun":
        source, target = nominal_roles(match, actors)
    else:
        source, target = verbal_roles(match, actors)
    if match.predicate.event in _TROOP_MOVEMENTS and target:
        target = _off_own_ground(target, source, _moved(match, actors))
    if match.predicate.event in _RECIPROCAL_TYPES and not target and len(source) > 1:
        codes = {r.code for r in source}
        if len(codes) > 1:
            source, target = source[:1], source[1:]
    return source, target
