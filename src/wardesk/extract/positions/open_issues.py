"""Issues outside the fixed list (issues.json is an open list kept as data): a stance on
"a minerals deal" or "access to the sea" keeps its issue, named after the head noun phrase of
what the stance is about — lemma, snake_case (``mineral_deal``, ``sea_access``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADJECTIVAL_MODIFIER,
    ADVERBIAL_MODIFIER,
    AUX,
    COORDINATOR,
    DETERMINER,
    MARK,
    MODIFIER_NOUN,
    NEGATION,
    OPEN_COMPLEMENT,
    OWNER_MODIFIERS,
    PARTICLE,
    PREP_OBJECT,
    PREPOSITION,
    SIDE_CLAUSES,
    SUBJECT,
    SUBJECTS,
    UNDERGOER_POSITIONS,
)
from wardesk.extract.grammar.negation import negated_noun_phrase
from wardesk.extract.lexicon import words
from wardesk.extract.lexicon.phrases import load_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wardesk.extract.layers import Layers

_FILE = "positions/open_issues.json"
_NAMED = ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT",
          "QUANTITY", "ORDINAL", "EVENT")
MAX_WORDS = 3
_FINITE = ("VBD", "VBZ", "VBP")


def open_issue(layers: Layers, chunk: tuple[int, int], trigger: Token,
               skip: frozenset[int] = frozenset()) -> str | None:
    """The open issue a stance's chunk is about, or None when its object names no issue (a
    person, a place, a pronoun, a generic noun such as "time" or "the news")."""
    if trigger.lemma_.lower() in words(_FILE, "weak_triggers") or not _stance_word(trigger):
        return None
    predicate = _predicate_label(layers.doc, chunk)
    if predicate is not None:
        return predicate  # "hold the perpetrators accountable" -> accountability
    noun = _object_noun(layers.doc, chunk, skip)
    if noun is None or not _issue_noun(layers, noun):
        return None
    parts = _label_words(layers, noun)
    if len(parts) == 1 and not parts[0].endswith(tuple(words(_FILE, "abstract_endings"))) \
            and parts[0] not in words(_FILE, "issue_heads"):
        return None  # "hold the perpetrators accountable", "the summit": no issue of its own
    return "_".join(parts) if parts else None


def _predicate_label(doc: Doc, chunk: tuple[int, int]) -> str | None:
    """An adjective predicated of an object ("hold X accountable") that names the issue."""
    labels: dict[str, str] = load_data(_FILE)["predicate_labels"]
    for tok in doc[chunk[0]: chunk[1]]:
        if tok.pos_ == "ADJ" and tok.lower_ in labels and tok.head.lemma_.lower() in words(_FILE, "predicate_verbs"):
            return labels[tok.lower_]
    return None


def _stance_word(trigger: Token) -> bool:
    """A verb that is a clause's own predicate, not a purpose hung on a noun or clause; a noun
    with its holder on it ("Putin's demand for …")."""
    if trigger.pos_ == "NOUN":
        return any(c.dep_ in OWNER_MODIFIERS for c in trigger.children)
    if trigger.pos_ not in ("VERB", "AUX"):
        return True
    if trigger.dep_ in OPEN_COMPLEMENT:  # "vowed to back …" yes; "… was raised to support …" no
        return any(c.dep_ in SUBJECT for c in trigger.head.children)
    own_clause = trigger.tag_ in _FINITE and any(c.dep_ in SUBJECTS for c in trigger.children)  # "…, as Tehran rejected …"
    return trigger.dep_ not in SIDE_CLAUSES or own_clause


# Function words hung on a chunk's top word: never the thing asked for.
_FUNCTION_LINKS = COORDINATOR | MARK | AUX | DETERMINER | NEGATION | ADVERBIAL_MODIFIER | PARTICLE


def _object_noun(doc: Doc, chunk: tuple[int, int], skip: frozenset[int]) -> Token | None:
    """The chunk's top word, followed down through a verb's object or a preposition's noun
    ("to sign the minerals deal" -> deal, "for an end to the siege" -> end)."""
    lo, hi = chunk
    tops = [t for t in doc[lo:hi] if not (lo <= t.head.i < hi) or t.head.i == t.i]
    tops = [t for t in tops if not t.is_punct and t.i not in skip
            and t.dep_ not in _FUNCTION_LINKS]
    if not tops:
        return None
    tok, verbs = tops[0], 0
    for _ in range(4):
        if tok.pos_ == "NOUN":
            return tok
        verbs += tok.pos_ in ("VERB", "AUX")
        below = [c for c in tok.children if c.dep_ in UNDERGOER_POSITIONS and lo <= c.i < hi]
        if not below and tok.lemma_.lower() in words("positions/cues.json", "phase_verbs"):
            below = [c for c in tok.children if c.dep_ in SUBJECT and c.pos_ == "NOUN" and lo <= c.i < hi]  # "talks … must continue"
        if tok.pos_ not in ("VERB", "AUX", "ADP") or not below or verbs > 1:
            return None  # one verb down at most: "wanted to see if X could complete …" names no issue
        tok = below[0]
    return None


def _issue_noun(layers: Layers, noun: Token, inner: bool = False) -> bool:
    """A common noun that is not a party; below an action ("the deployment of troops") a party's
    noun is what is acted on and may name the issue."""
    if noun.ent_type_ in _NAMED or (not inner and layers.actors.refs(noun)):
        return False
    return not negated_noun_phrase(noun)


def _label_words(layers: Layers, noun: Token, depth: int = 0) -> list[str]:
    """"access to the sea" -> sea_access; "an end to the siege" -> siege; "the minerals deal"
    -> minerals_deal; a generic head alone ("the news") names nothing."""
    lemma = noun.lemma_.lower()
    topic = topic_of(noun)
    if topic is not None and depth < 2 and _issue_noun(layers, topic, inner=True):
        return _label_words(layers, topic, depth + 1)  # "negotiations on its missile programme"
    empty, action = lemma in words(_FILE, "empty"), lemma in words(_FILE, "action")
    inner = _inner_noun(noun) if (empty or action) and depth < 2 else None
    if inner is not None and _issue_noun(layers, inner, inner=True):
        inside = _label_words(layers, inner, depth + 1)
        if inside:
            return inside if empty else [*inside, lemma][-MAX_WORDS:]
    own = _own(noun)
    if empty or action or lemma in words(_FILE, "generic"):
        return own if len(_own(noun, classifying=False)) > 1 else []  # "diplomatic efforts" is no issue
    return own


def _own(noun: Token, classifying: bool = True) -> list[str]:
    """The noun's lemma with its common-noun modifiers ("rare earth minerals" -> earth_mineral)
    and classifying adjectives ("nuclear talks" -> nuclear_talk)."""
    mods = [c for c in noun.children if c.i < noun.i and c.ent_type_ not in _NAMED and (
        (c.dep_ in MODIFIER_NOUN and c.pos_ == "NOUN")
        or (classifying and c.dep_ in ADJECTIVAL_MODIFIER and c.lower_ in words(_FILE, "classifying_adjectives")))]
    parts = [_slug(c.lower_) for c in mods] + [_slug(noun.lemma_.lower())]
    return [p for p in parts if p][-MAX_WORDS:]


def topic_of(noun: Token) -> Token | None:
    """The noun of "talks *on* the missile programme": what talks are about."""
    if noun.lemma_.lower() not in words(_FILE, "topic_heads"):
        return None
    for prep in noun.children:
        if prep.dep_ in PREPOSITION and prep.i > noun.i and prep.lower_ in words(_FILE, "topic_preps"):
            return next((g for g in prep.children if g.dep_ in PREP_OBJECT and g.pos_ == "NOUN"), None)
    return None


def _inner_noun(noun: Token) -> Token | None:
    """The noun of "access *to* the sea", "the release *of* prisoners"."""
    for prep in noun.children:
        if prep.dep_ in PREPOSITION and prep.i > noun.i:
            return next((g for g in prep.children if g.dep_ in PREP_OBJECT and g.pos_ == "NOUN"), None)
    return None


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text).strip("_")
