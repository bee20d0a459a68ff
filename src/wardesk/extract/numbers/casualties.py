"""What an amount counts: the dead or injured (the victims of a killing or wounding verb, those
"among the dead", "the bodies of", "injuries to", a toll that rose to N), the size of a crowd
("5,000 protesters", "deported 168 Liberians"), or something else ("337 drones")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADJECTIVAL_COMPLEMENT,
    ADJECTIVAL_MODIFIER,
    ATTRIBUTE,
    AUXILIARIES,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    OBJECT,
    OBJECT_PREDICATE,
    OPEN_COMPLEMENT,
    PASSIVE_SUBJECT,
    PREP_OBJECT,
    PREPOSITION,
    SUBJECT,
    SUBJECTS_AND_OBJECT,
    VERBALS,
)
from wardesk.extract.grammar.shapes import (
    is_negator,
    is_prep_object,
    prep_governor,
    prep_marker,
    prep_pairs,
)
from wardesk.extract.lexicon import words
from wardesk.extract.numbers.parse import number_words

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words that make a number a casualty count.
_CASUALTY_WORDS = words("numbers/quantities.json", "casualty_words")
# Casualty words that count the dead.
_DEATH_WORDS = words("numbers/quantities.json", "death_words")
# Predicative casualty words ('left 3 dead').
_CASUALTY_STATES = words("numbers/quantities.json", "casualty_states")
# Nouns whose count is a crowd size.
_CROWD_NOUNS = words("numbers/quantities.json", "crowd_nouns")
_TOLL_NOUNS = words("numbers/quantities.json", "toll_nouns")
_TOLL_COUNT_NOUNS = words("numbers/quantities.json", "toll_count_nouns")
_COUNT_DEAD = words("numbers/quantities.json", "count_dead")
_COUNT_INJURED = words("numbers/quantities.json", "count_injured")
_STAGING = words("numbers/quantities.json", "staging")
_OF = frozenset({"of"})
# Where the one a verb kills or takes stands ("killed *three*", "*eight* were shot").
_UNDERGONE = OBJECT | PASSIVE_SUBJECT
# A verb's state complement ("left 12 people *dead*").
_STATE_COMPLEMENTS = OBJECT_PREDICATE | ADJECTIVAL_COMPLEMENT | OPEN_COMPLEMENT


def count_kind(number: Token, noun: Token) -> str:
    words = number_words()
    if noun.lower_ in words.words("dead_words"):
        return "dead"
    if noun.lower_ in ("injuries",):
        return "injured"
    for child in noun.children:
        if child.lower_ in ("dead",):
            return "dead"
        if child.lower_ in ("wounded", "injured") and child.i > noun.i:
            return "injured"
    phrase = number if noun.head.lower_ == "of" and noun.head.head.i == number.i else noun
    while phrase.dep_ in CONJUNCT and phrase.head.i != phrase.i and phrase.head.pos_ in ("NOUN", "PROPN", "NUM"):
        phrase = phrase.head  # "12 soldiers and three civilians were killed": as the first
    if noun.lemma_.lower() in words.words("not_people") or noun.lower_ in words.words("not_people"):
        return "other"  # "millions of dogs are killed": not casualties
    casualty = (casualty_by_verb(phrase) or _among_the_dead(phrase) or _bodies_of(phrase)
                or _harm_to(phrase))
    if casualty:
        return casualty
    if _is_crowd(number, noun) or (phrase is not noun and _is_crowd(number, phrase)):
        return "size"
    return "other"

def casualty_by_verb(noun: Token) -> str | None:
    """dead/injured when the counted phrase is the victim of a killing or wounding verb, is
    left "dead"/"wounded", or is what a death toll rose to."""
    words = number_words()
    verb = noun.head
    toll = _toll_kind(noun)
    if toll is not None:
        return toll
    lemma = verb.lemma_.lower()
    kind = "dead" if lemma in words.words("dead_verbs") else "injured" if lemma in words.words("injured_verbs") else None
    if kind is None and verb.lower_ in _CASUALTY_WORDS:
        kind = "dead" if verb.lower_ in _DEATH_WORDS else "injured"
    if noun.dep_ in _UNDERGONE:
        for c in verb.children:  # "left 12 people dead", "eight were shot dead"
            if c.dep_ in _STATE_COMPLEMENTS and c.lower_ in _CASUALTY_STATES:
                return "dead" if c.lower_ == "dead" else "injured"
    if kind is None or not _realised(verb):
        return None
    if noun.dep_ in _UNDERGONE:
        return kind
    # "two soldiers died", "three injured", "dozens killed": a subject with no object is the
    # victim; in an active "drones killed three" it is the weapon.
    if noun.dep_ in SUBJECT and not _has_object(verb):
        return kind
    return None

def _realised(verb: Token) -> bool:
    """False for a killing that did not (yet) happen: "tried to kill", "want to kill her",
    "could kill", "was not killed"."""
    if verb.pos_ not in VERBALS:
        return True
    aux = {c.lower_ for c in verb.children if c.dep_ in AUXILIARIES or is_negator(c)}
    if aux & {"to", "would", "could", "might", "may", "will", "shall", "should", "can", "not", "n't", "never"}:
        return False
    return verb.tag_ != "VB"

def _among_the_dead(noun: Token) -> str | None:
    """"18 soldiers were among the dead / among those killed"."""
    verb = noun.head
    if noun.dep_ not in SUBJECT or verb.lemma_.lower() != "be":
        return None
    for prep in (c for c in verb.children if c.lower_ == "among"):
        for obj in (c for c in prep.children if c.dep_ in PREP_OBJECT):
            words = {obj.lower_, *(c.lower_ for c in obj.children)}
            if words & {"dead", "killed"}:
                return "dead"
            if words & {"injured", "wounded"}:
                return "injured"
    return None

def _harm_to(noun: Token) -> str | None:
    """"injuries to eight personnel", "the deaths of 16 militants"."""
    head, governor = prep_marker(noun), prep_governor(noun)
    if head is None or governor is None or head.lower_ not in ("to", "of", "among"):
        return None
    owner = governor.lower_
    words = number_words()
    if owner in ("death", "deaths", "killing", "killings"):
        return "dead"
    if owner in words.words("injured_words") or owner == "injury":
        return "injured"
    return None

def _bodies_of(noun: Token) -> str | None:
    """"the bodies of five troops and six civilians"."""
    governor = prep_governor(noun) if is_prep_object(noun, _OF) else None
    if governor is not None and governor.lemma_.lower() in ("body", "corpse"):
        return "dead"
    return None

def _toll_kind(noun: Token) -> str | None:
    """numbers.toll_update: the amount a toll rose to / stands at / is, or was brought to
    ("the death toll rose to 45", "raising the toll to 14": dead), also when the toll is "the
    number of people killed" or "the number of injured" (by what the number counts)."""
    if noun.dep_ not in PREP_OBJECT | ATTRIBUTE:
        return None
    governor = prep_governor(noun)
    verb = governor if governor is not None else noun.head
    # "the toll rose to 45", and "bringing / raising the toll to 14": the toll as the object
    owners = [verb, *[c for c in verb.children if c.dep_ in SUBJECTS_AND_OBJECT]]
    for owner in owners:
        if owner.lemma_.lower() in _TOLL_NOUNS:
            return "dead"
        if owner.lemma_.lower() in _TOLL_COUNT_NOUNS and owner.i != noun.i:
            counted = _counted_by(owner)
            if counted is not None:
                return counted
    return None

def _counted_by(owner: Token) -> str | None:
    """What "the number of …" counts: the dead ("of dead", "of people killed") or the
    injured ("of wounded", "of people injured"); None for anything else."""
    for _, obj in prep_pairs(owner, _OF, links=PREPOSITION):
        said = {obj.lower_, *(c.lower_ for c in obj.children if c.dep_ in CLAUSAL_MODIFIER | ADJECTIVAL_MODIFIER)}
        if said & _COUNT_DEAD:
            return "dead"
        if said & _COUNT_INJURED:
            return "injured"
    return None

def _has_object(verb: Token) -> bool:
    return any(c.dep_ in OBJECT for c in verb.children)

def _is_crowd(number: Token, noun: Token) -> bool:
    """The size of an event, as PLOVER counts it: a crowd ("5,000 protesters", "a crowd of
    5,000"), the people who demonstrate, strike or rally ("up to 100 Albanians
    demonstrated"), or the people an arrest, deportation or expulsion takes ("deported 168
    Liberians")."""
    words = number_words()
    if noun.lower_ in words.words("crowd_nouns") or noun.lemma_.lower() in words.words("crowd_nouns"):
        return True
    if is_prep_object(number, _OF):
        owner = prep_governor(number)
        if owner is not None and owner.lower_ in _CROWD_NOUNS:
            return True
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ in SUBJECT and lemma in words.words("crowd_verbs"):
        return True
    if noun.dep_ in SUBJECT and lemma in _STAGING and _protest_object(verb):
        return True  # "thousands of students staged demonstrations"
    return noun.dep_ in _UNDERGONE and lemma in words.words("taken_verbs")

def _protest_object(verb: Token) -> bool:
    crowd = number_words().words("protest_nouns")
    return any(c.dep_ in OBJECT and c.lemma_.lower() in crowd for c in verb.children)
