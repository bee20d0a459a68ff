"""Role cues of the event stage that need no other role logic: a weapon object is no target,
and inside a quotation only "we" or "I" is the speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.mood import inside_quotation
from wardesk.extract.grammar.syntax import lemma
from wardesk.extract.lexicon import words

if TYPE_CHECKING:
    from spacy.tokens import Token


_WEAPON_NOUNS = words("events/roles.json", "weapon_nouns")


def weapon(obj: Token) -> bool:
    """An object that is the weapon used ("launched Shahed drones", "fired a barrage of
    rockets"), never the one attacked."""
    if lemma(obj) in ("barrage", "salvo", "volley"):
        return True
    return lemma(obj) in _WEAPON_NOUNS


_FIRST_PERSON = words("events/roles.json", "first_person")


def quoted_other(verb: Token, subject: Token | None) -> bool:
    """roles.quoted_third_person: inside a speaker's own words only "we"/"I" is the speaker
    ("'They hit a sleeping building,' the mayor said": they are the attackers)."""
    return inside_quotation(verb) and (subject is None or subject.lower_ not in _FIRST_PERSON)
