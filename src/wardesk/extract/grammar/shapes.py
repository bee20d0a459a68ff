"""Tests over the parse where ClearNLP (English) and Universal Dependencies (French, Russian) trees
differ in SHAPE, not only in label names. Rules call these and never walk the shape themselves:

- a prepositional object: ClearNLP hangs the preposition on the head and the noun on the
  preposition (attack -prep-> on -pobj-> town); UD hangs the noun on the head and the preposition
  on the noun (attaque -obl/nmod-> ville -case-> sur);
- the passive agent "by X": ClearNLP agent → pobj; UD obl:agent with a ``case`` child, or in
  Russian an instrumental oblique with no preposition ("обстрелян *армией*");
- negation: ClearNLP ``neg``; UD an ``advmod`` carrying ``Polarity=Neg`` ("ne … pas", "не");
- the infinitive's "to": ClearNLP ``aux``; UD ``mark``;
- the past participle: ClearNLP's tag ``VBN``; UD's features ``VerbForm=Part`` with ``Voice=Pass``
  or ``Tense=Past``.

Each function reads the Doc's scheme (``labels.scheme_of``); on an English parse it does exactly
what the ClearNLP rule did before.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import PREP_LINKS, Labels, LabelScheme, scheme_at

if TYPE_CHECKING:
    from spacy.tokens import Token

Words = AbstractSet[str]


def _marker(noun: Token, scheme: LabelScheme) -> Token | None:
    """The UD preposition (``case`` child) of a noun, or None."""
    return next((c for c in noun.children if c.dep_ in scheme.case_marker), None)


def prep_pairs(head: Token, markers: Words | None = None, links: Labels = PREP_LINKS) -> list[tuple[Token, Token]]:
    """(preposition, object) for each prepositional phrase under ``head`` whose preposition is one
    of ``markers`` (any when None): "talks *between* A and B" → [(between, A)]. ``links`` are the
    ClearNLP labels a preposition may hang by (prep, agent, dative by default)."""
    scheme = scheme_at(head)
    out: list[tuple[Token, Token]] = []
    if scheme.preposition:
        for prep in head.children:
            if prep.dep_ in links and (markers is None or prep.lower_ in markers):
                out.extend((prep, c) for c in prep.children if c.dep_ in scheme.prep_object)
        return out
    for noun in head.children:
        if noun.dep_ in scheme.prep_object or noun.dep_ in scheme.passive_agent:
            case = _marker(noun, scheme)
            if case is not None and (markers is None or case.lower_ in markers):
                out.append((case, noun))
    return out


def prep_objects_of(head: Token, markers: Words) -> list[Token]:
    """The objects of ``head``'s prepositional phrases opened by one of ``markers`` (the objects of
    ``prep_pairs``, read without building the pairs: the role tests call this often)."""
    scheme = scheme_at(head)
    if not scheme.preposition:
        return [noun for _, noun in prep_pairs(head, markers)]
    out: list[Token] = []
    for prep in head.children:
        if prep.dep_ in PREP_LINKS and prep.lower_ in markers:
            out.extend(c for c in prep.children if c.dep_ in scheme.prep_object)
    return out


def has_prep(head: Token, markers: Words, links: Labels = PREP_LINKS) -> bool:
    """``head`` has a prepositional phrase opened by one of ``markers`` ("signed *with* X")."""
    scheme = scheme_at(head)
    if scheme.preposition:
        return any(c.dep_ in links and c.lower_ in markers for c in head.children)
    return bool(prep_pairs(head, markers))


def prep_marker(noun: Token) -> Token | None:
    """The preposition ``noun`` is the object of ("of" in "the deaths *of* 16"), or None."""
    scheme = scheme_at(noun)
    if scheme.preposition:
        return noun.head if noun.dep_ in scheme.prep_object else None
    if noun.dep_ in scheme.prep_object or noun.dep_ in scheme.passive_agent:
        return _marker(noun, scheme)
    return None


def prep_governor(noun: Token, markers: Words | None = None) -> Token | None:
    """The word a prepositional object's phrase hangs on ("deaths" in "the deaths of 16"), or None
    when ``noun`` is no prepositional object (of one of ``markers``, when given)."""
    marker = prep_marker(noun)
    if marker is None or (markers is not None and marker.lower_ not in markers):
        return None
    return marker.head if scheme_at(noun).preposition else noun.head


def is_prep_object(noun: Token, markers: Words | None = None) -> bool:
    """``noun`` is the object of a preposition (among ``markers`` when given)."""
    marker = prep_marker(noun)
    return marker is not None and (markers is None or marker.lower_ in markers)


def passive_agents(verb: Token, markers: Words | None = None) -> list[Token]:
    """The doers of a passive named in its "by"-phrase ("was shelled *by Russian forces*")."""
    scheme = scheme_at(verb)
    if scheme.preposition:
        return [c for prep in verb.children if prep.dep_ in scheme.passive_agent
                and (markers is None or prep.lower_ in markers)
                for c in prep.children if c.dep_ in scheme.prep_object]
    return [c for c in verb.children if c.dep_ in scheme.passive_agent
            or (c.dep_ in scheme.prep_object and _instrumental_agent(c, verb, scheme))]


def _instrumental_agent(noun: Token, verb: Token, scheme: LabelScheme) -> bool:
    """Russian names a passive's doer in the instrumental, with no preposition ("был обстрелян
    *армией*"): an oblique noun with ``Case=Ins`` and no ``case`` child under a passive verb."""
    if "Ins" not in noun.morph.get("Case", []) or _marker(noun, scheme) is not None:
        return False
    marks = scheme.passive_aux | scheme.passive_subject
    return "Pass" in verb.morph.get("Voice", []) or any(c.dep_ in marks for c in verb.children)


def is_negator(tok: Token, scheme: LabelScheme | None = None) -> bool:
    """A word that negates its head: ClearNLP ``neg`` ("did *not*"); UD an adverb with
    ``Polarity=Neg`` ("ne … *pas*", "*не*"). ``scheme``: the Doc's, when the caller has it."""
    if scheme is None:
        scheme = scheme_at(tok)
    if scheme.negation:
        return tok.dep_ in scheme.negation
    return tok.dep_ in scheme.adverbial_modifier and "Neg" in tok.morph.get("Polarity", [])


def infinitive_marker(verb: Token, marks: Words) -> Token | None:
    """The infinitive's marker among ``marks`` ("*to* provide"): ClearNLP ``aux``, UD ``mark``."""
    deps = scheme_at(verb).infinitive
    return next((c for c in verb.children if c.dep_ in deps and c.lower_ in marks), None)


def is_participle(verb: Token) -> bool:
    """A past participle: ClearNLP's ``VBN``; UD ``VerbForm=Part`` with ``Voice=Pass`` or ``Tense=Past``."""
    scheme = scheme_at(verb)
    if scheme.participle_tags:
        return verb.tag_ in scheme.participle_tags
    morph = verb.morph
    return "Part" in morph.get("VerbForm", []) and ("Pass" in morph.get("Voice", []) or "Past" in morph.get("Tense", []))
