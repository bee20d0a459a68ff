"""An unnamed group as the doer of an event: "Farmers protested outside the office", "Gunmen
killed a judge", "Police arrested two men", "a protest by teachers". Short local reports name
no country-coded actor, yet the group the subject names acts (ACLED's "Protesters (India)",
"Police Forces of Nigeria"): the event keeps it as its source, in the place's country.

Group words: the knowledge base's sector words of groups and institutions (kb/data/sectors.tsv)
and the list of data/en/events/unnamed_groups.json."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wardesk.extract.events.roles import subject_token
from wardesk.extract.grammar.labels import (
    ADJECTIVAL_MODIFIER,
    DETERMINER,
    MODIFIER_NOUN,
    NOMINALS,
    NUMERIC_MODIFIER,
    PARTICIPLE_TAG,
    POSSESSOR,
    PREPOSITION,
)
from wardesk.extract.grammar.shapes import passive_agents
from wardesk.extract.grammar.syntax import is_passive, lemma, prep_objects, reduced_passive, subject
from wardesk.extract.lexicon import read_json
from wardesk.kb import KnowledgeBase, load_kb
from wardesk.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.events.predicates import Match

_FILE = "events/unnamed_groups.json"
_KB_KINDS = ("group", "org")
_KIND_MODIFIERS = ADJECTIVAL_MODIFIER | MODIFIER_NOUN  # "*armed* men", "*opposition* supporters"
_UNCOUNTED = DETERMINER | NUMERIC_MODIFIER  # left out of a group's name: "the", "three"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    data: dict[str, Any] = read_json(_FILE)
    return data


def _forms(head: Token) -> list[str]:
    """The noun's lower-cased forms, its singular first: a capitalised plural opening the
    sentence is often tagged a proper noun with itself as lemma ("Pensioners")."""
    low, lem = head.lower_, lemma(head).lower()
    single = low[:-3] + "y" if low.endswith("ies") else low[:-1] if low.endswith("s") and not low.endswith("ss") else low
    return list(dict.fromkeys([lem, single, low]))


def _owner_sector(head: Token, kb: KnowledgeBase) -> str | None:
    for mod in (c for c in head.children if c.dep_ in MODIFIER_NOUN and c.i < head.i):
        word = kb.sector_word(mod.lower_)
        if word is not None and word.kind == "org" and word.sector:
            return word.sector
    return None


def _sector(head: Token) -> str | None:
    """The sector a group noun implies ("riot police": COP, "farmers": CVL), else None."""
    forms = _forms(head)
    compounds = " ".join(c.lower_ for c in head.children if c.dep_ in MODIFIER_NOUN and c.i < head.i)
    kb = load_kb()
    for key in [f"{compounds} {f}" for f in forms if compounds] + forms:
        word = kb.sector_word(key)
        if word is not None and word.kind in _KB_KINDS and word.sector and word.phrase not in _table()["kb_machines"]:
            return word.sector  # not the KB's drones and jets: an article names whose they are elsewhere
    groups: dict[str, str] = _table()["groups"]
    found = next((groups[k] for k in [f"{compounds} {f}" for f in forms if compounds] + forms if k in groups), None)
    if found is not None:
        return found
    owner = _owner_sector(head, kb)  # "army engineers", "police teams": the institution's people
    if owner is not None:
        return owner
    armed = _table()["armed_people"]
    if set(forms) & set(armed["heads"]):
        mods = {c.lower_ for c in head.children if c.dep_ in _KIND_MODIFIERS}
        return "UNK" if mods & set(armed["modifiers"]) else None
    return None


def _group_head(noun: Token) -> Token:
    """"hundreds of farmers", "a group of armed men": the people, not the amount."""
    if lemma(noun).lower() in _table()["quantity_heads"] or noun.lower_ in _table()["quantity_heads"]:
        inner = prep_objects(noun, {"of"})
        if inner:
            return inner[0]
    return noun


def _doers(m: Match) -> list[Token]:
    """The nouns that say who does the event: the clause's subject, or a passive's "by"-agent;
    for an event noun its "by" phrase or possessor, or the subject of a verb that holds it
    ("staged a sit-in"), never of a verb done to it ("police dispersed the protest")."""
    trigger = m.trigger
    if m.predicate.kind == "noun":
        found = prep_objects(trigger, {"by"}) + [c for c in trigger.children if c.dep_ in POSSESSOR]
        verb = trigger.head.head if trigger.head.lower_ == "in" and trigger.head.dep_ in PREPOSITION else trigger.head
        holding = _table()["holding_verbs"]
        if not found and verb.pos_ == "VERB" and (lemma(verb).lower() in holding or verb.lower_ in holding):
            subj = subject_token(verb)
            found = [subj] if subj is not None else []
        return found
    bare_participle = trigger.tag_ == PARTICIPLE_TAG and subject(trigger) is None  # "Injured in the attack, …"
    if is_passive(trigger) or reduced_passive(trigger) or bare_participle:  # the agent only, never a subject
        return passive_agents(trigger)
    subj = subject_token(trigger)
    return [subj] if subj is not None else []


def unnamed_group(m: Match) -> ActorRef | None:
    """The unnamed group that does the event (no country yet: the place gives it), or None."""
    for noun in _doers(m):
        head = _group_head(noun)
        if head.pos_ not in NOMINALS:
            continue
        sector = _sector(head)
        if sector is not None:
            words = [t.text for t in head.subtree if t.i <= head.i and t.dep_ not in _UNCOUNTED]
            return ActorRef(None, " ".join(words), None, sector)
    return None


def planted_weapon(m: Match) -> bool:
    """The attack's subject is an explosive that went off ("a roadside bomb hit a convoy",
    "an IED exploded"): an attack by whoever planted it, though nobody is named."""
    planted = set(_table()["planted_weapons"])
    return any(noun.pos_ in NOMINALS and bool(set(_forms(noun)) & planted) for noun in _doers(m))


def machine(ref: ActorRef) -> bool:
    """A source that is a weapon or aircraft ("military jets", "drones"): its side is not the
    country of the place it strikes, so it takes no country from there."""
    last = ref.actorText.lower().split()[-1:] or [""]
    single = last[0][:-1] if last[0].endswith("s") else last[0]
    return bool({last[0], single} & set(_table()["not_people"]))
