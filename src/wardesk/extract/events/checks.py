"""Clauses that assert no event though a predicate matched: questions, asked-for and purpose
clauses, set phrases, inabilities, press boilerplate, nature and tourism, vetoes and penalties."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.clauses import PURPOSE, RELATIVE, clause_kind
from wardesk.extract.grammar.labels import (
    ACTED_ON,
    ADJECTIVAL_MODIFIER,
    ADVERBIAL_CLAUSE,
    ATTRIBUTE,
    CLAUSAL_COMPLEMENT,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    MARK,
    MODIFIER_NOUN,
    NOUN_CLAUSES,
    OBJECT,
    OBJECTS,
    OPEN_COMPLEMENT,
    PASSIVE_AUX,
    PREP_COMPLEMENT,
    PREP_OBJECT,
    PREPOSITION,
    SUBJECT,
)
from wardesk.extract.grammar.shapes import has_prep, infinitive_marker, prep_pairs
from wardesk.extract.grammar.syntax import INFINITIVE_MARKS
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wardesk.extract.events.predicates import Match


UNABLE_WORDS = words("events/checks.json", "unable_words")
# Set phrases whose verb is no act: "as opposed to", "as agreed", "as promised".
SET_PHRASES = {("as", "opposed"), ("as", "agreed"), ("as", "promised"), ("as", "requested")}


# Instruments of pressure that "target" someone without force.
PENALTY_WORDS = words("events/checks.json", "penalty_words")


# A verb's object, complement clause, prepositional object or predicate nominal.
_NEAR_LINKS = OBJECT | OPEN_COMPLEMENT | PREP_OBJECT | ATTRIBUTE
# In a complement clause, its object or passive auxiliary ('declined *to be* named').
_COMPLEMENT_OBJECT = OBJECT | PASSIVE_AUX
# Where an infinitive clause hangs ('*to encourage* refugees').
_TO_CLAUSES = ADVERBIAL_CLAUSE | OPEN_COMPLEMENT | CLAUSAL_MODIFIER
# Adjective or noun before a noun ('*military* aid', '*peace* talks').
_PREMODIFIERS = ADJECTIVAL_MODIFIER | MODIFIER_NOUN
# An adverbial clause or a noun's clause.
_SIDE_INFINITIVES = ADVERBIAL_CLAUSE | CLAUSAL_MODIFIER
# Links a walk up to a purpose clause follows.
_PURPOSE_WALK = OPEN_COMPLEMENT | CONJUNCT | PREP_COMPLEMENT | PREPOSITION | PREP_OBJECT | OBJECT | ADVERBIAL_CLAUSE | CLAUSAL_MODIFIER
# What a verb of stopping stops ('stop *shelling*', 'halted *its strikes*').
_STOPPED = OBJECT | OPEN_COMPLEMENT


def penalty_targets(trigger: Token) -> bool:
    """"sanctions targeting Iran", "a bill that targets Turkey": the doer is a penalty."""
    doer = trigger.head if trigger.dep_ in NOUN_CLAUSES else next(
        (c for c in trigger.children if c.dep_ in SUBJECT), None)
    return doer is not None and _lemma(doer) in PENALTY_WORDS


# Objects that make an act the press's business or nature's, not politics: "declined to be
# named", "requesting comment", "battled blazes".
PRESS_OBJECTS = words("events/checks.json", "press_objects")
NATURE_OBJECTS = words("events/checks.json", "nature_objects")
# People whose visits and travels are no diplomacy.
PRIVATE_TRAVELLERS = words("events/checks.json", "private_travellers")


def _near(trigger: Token) -> list[Token]:
    near = [c for c in trigger.children if c.dep_ in _NEAR_LINKS]
    return near + [g for c in near if c.dep_ in OPEN_COMPLEMENT for g in c.children if g.dep_ in _COMPLEMENT_OBJECT]


def _near_lemmas(trigger: Token) -> set[str]:
    near = _near(trigger)
    return {_lemma(t) for t in near} | {_lemma(t) for c in near for t in c.children if t.dep_ in OPEN_COMPLEMENT}


def press_business(trigger: Token) -> bool:
    """"declined to be named", "requesting comment": the press's business, not politics."""
    return bool(_near_lemmas(trigger) & PRESS_OBJECTS)


def declined_naming(trigger: Token) -> bool:
    """"declined to be identified by name": a source's anonymity, no refusal."""
    return _lemma(trigger) == "decline" and any(_lemma(t) in PRESS_OBJECTS for c in _near(trigger) for t in c.subtree)


def fights_nature(trigger: Token) -> bool:
    """"battled blazes", "fighting the pandemic": no attack on anyone."""
    return bool(_near_lemmas(trigger) & NATURE_OBJECTS)


def private_travel(trigger: Token) -> bool:
    """"tourists visited the ruins": private travellers' visits are no diplomacy."""
    subject = next((c for c in trigger.children if c.dep_ in SUBJECT), None)
    return subject is not None and _lemma(subject) in PRIVATE_TRAVELLERS


def not_political(m: Match, event_type: str) -> bool:
    """Press boilerplate, fights against nature, tourists' visits (the event rules test the parts)."""
    trigger = m.trigger
    if event_type in ("REJECT", "REQUEST") and (press_business(trigger) or declined_naming(trigger)):
        return True
    if event_type == "ASSAULT" and fights_nature(trigger):
        return True
    if event_type == "CONSULT" and private_travel(trigger):
        return True
    return domestic_act(m, event_type) or (event_type == "REQUEST" and encouragement_aimed(trigger))


# Verbs of urging that, in a "to"-clause, state an aim rather than an appeal made.
AIMED_URGING = words("events/checks.json", "aimed_urging")


def encouragement_aimed(trigger: Token) -> bool:
    """"cooperate to encourage refugees to return": encouraging as the aim of another act."""
    return (_lemma(trigger) in AIMED_URGING and trigger.dep_ in _TO_CLAUSES
            and infinitive_marker(trigger, INFINITIVE_MARKS) is not None)


# What a state enacts at home: signing one of these is lawmaking, no act towards another actor.
DOMESTIC_LAWS = words("events/checks.json", "domestic_laws")
# Modifiers that make any signed text one of lawmaking ("a constitutional declaration").
LAWMAKING_MODIFIERS = words("events/checks.json", "lawmaking_modifiers")
# The people a government or firm serves at home: providing for them is service, not PLOVER AID.
SERVED_PEOPLE = words("events/checks.json", "served_people")
# Sellers of services, whose "providing" is business.
COMMERCIAL = words("events/checks.json", "commercial")
# Verbs of commanding: what they command has not happened ("ordered schools to allow …").
COMMANDS = words("events/checks.json", "commands")


def domestic_act(m: Match, event_type: str) -> bool:
    """PLOVER codes acts between political actors, not a state's administration at home:
    signing a law, serving residents, a law or an order that allows something."""
    trigger = m.trigger
    objects = [c for c in trigger.children if c.dep_ in OBJECTS]
    if event_type == "SUPPORT" and _lemma(trigger) == "sign":
        partner = has_prep(trigger, {"with"}, links=PREPOSITION)
        return not partner and bool(objects) and all(_domestic_law(o) for o in objects)
    if event_type == "AID" and m.predicate.kind == "verb":
        served = objects + [p for _, p in prep_pairs(trigger, {"to"}, links=PREPOSITION)]
        doer = _doer(trigger)
        if doer is not None and _lemma(doer) in COMMERCIAL:
            return True
        return any(_lemma(o) in SERVED_PEOPLE for o in served) and not any(o.ent_type_ for o in served)
    if event_type == "CONCEDE":
        doer = _doer(trigger)
        if doer is not None and _lemma(doer) in PENALTY_WORDS | {"act"}:
            return True  # "an act which allowed merchants in": a law's content
        return trigger.dep_ in OPEN_COMPLEMENT and _lemma(trigger.head) in COMMANDS
    return False


def _domestic_law(obj: Token) -> bool:
    """"the bill", "a constitutional declaration", "an executive order": a text of lawmaking."""
    return _lemma(obj) in DOMESTIC_LAWS or any(
        c.dep_ in _PREMODIFIERS and c.lower_ in LAWMAKING_MODIFIERS for c in obj.children)


def _doer(verb: Token) -> Token | None:
    """The subject, or the noun a relative clause's "which/that" stands for."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and clause_kind(verb) == RELATIVE:
        return verb.head
    return subject


NEED_WORDS = words("events/checks.json", "need_words")


def question(trigger: Token, sent: Span) -> bool:
    """A direct question ("Could they call …?") or an indirect one ("asked him if he agreed")
    asserts no event."""
    text = sent.text.rstrip(" \"'\u201d\u2019")
    if text.endswith("?"):
        return True
    tok = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    asked = tok.dep_ in CLAUSAL_COMPLEMENT or (tok.dep_ in ADVERBIAL_CLAUSE and _lemma(tok.head) in ASKING)
    return asked and any(c.dep_ in MARK and c.lower_ in ("if", "whether") for c in tok.children)


ASKING = words("events/checks.json", "asking")


def said_in_agreement(trigger: Token) -> bool:
    """"'The danger has not passed,' agreed Sayim": agree as a verb of saying after a quote."""
    if _lemma(trigger) != "agree" or trigger.i == 0:
        return False
    before = trigger.doc[trigger.i - 1]
    subject_after = any(c.dep_ in SUBJECT and c.i > trigger.i for c in trigger.children)
    return subject_after and (before.is_punct or before.is_quote)


def purpose(trigger: Token) -> bool:
    """The trigger sits in a purpose clause ("so (that) X can …", "in order to …")."""
    tok = trigger
    for _ in range(5):
        if clause_kind(tok) == PURPOSE:
            return True
        if tok.dep_ in _SIDE_INFINITIVES and infinitive_marker(tok, INFINITIVE_MARKS) is not None \
                and NEED_WORDS & {_lemma(tok.head), _lemma(tok.head.head)}:
            return True  # "needs a billion dollars to provide support": what the money is for
        if tok.head.i == tok.i or tok.dep_ not in _PURPOSE_WALK:
            return False
        tok = tok.head
    return False


# What is blocked by a veto, not by a crowd ("blocked the sale", "blocked the resolution").
VETOED = words("events/checks.json", "vetoed")


def vetoed(trigger: Token) -> bool:
    objects = [c for c in trigger.children if c.dep_ in ACTED_ON]
    return bool(objects) and all(_lemma(o) in VETOED for o in objects)


PLEAS = words("events/checks.json", "pleas")  # "pleaded guilty": a plea in court, no request


def set_phrase(trigger: Token) -> bool:
    doc = trigger.doc
    before = doc[trigger.i - 1].lower_ if trigger.i > 0 else ""
    after = doc[trigger.i + 1].lower_ if trigger.i + 1 < len(doc) else ""
    return (before, trigger.lower_) in SET_PHRASES or (_lemma(trigger) == "plead" and after in PLEAS)


def unable(trigger: Token) -> bool:
    """"said it was unable to provide details": an inability is no act."""
    tok = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    return tok.dep_ in OPEN_COMPLEMENT and tok.head.lower_ in UNABLE_WORDS


def continued_attack(m: Match, found: list[Match]) -> Match | None:
    """"had not halted its air strikes", "did not stop shelling the town": a negated stop of an
    attack is the attack going on; the attack's match, when the stopped thing is one."""
    stops = words("events/parties.json", "cessation_verbs")
    head = m.trigger.head
    if (m.predicate.event == "ASSAULT" and m.trigger.dep_ in _STOPPED
            and head.i != m.trigger.i and _lemma(head) in stops):
        return m  # "did not stop shelling Kharkiv": the shelling itself, negated through "stop"
    if m.predicate.kind != "verb" or _lemma(m.trigger) not in stops:
        return None
    stopped = {c.i for c in m.trigger.children if c.dep_ in _STOPPED}
    for other in found:
        if other.trigger.i in stopped and other.predicate.event == "ASSAULT":
            return other
    return None


def as_observer(trigger: Token) -> bool:
    """"will attend as observers", "joined the talks as a guest": whoever does it is no party."""
    observers = words("events/parties.json", "observer_nouns")
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    heads = [verb, *(c for c in verb.children if c.dep_ in OBJECT)]  # the parser
    for head in heads:  # often hangs "as observers" on the object ("attend the summit as …")
        if any(obj.lower_ in observers for _, obj in prep_pairs(head, {"as"}, links=PREPOSITION)):
            return True
    return False
