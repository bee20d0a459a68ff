"""Which of a sentence's matched predicates become events: named selection rows, applied in order.

A predicate that is only part of another predicate's content or argument builds no event of its
own; a nominal of the governing predicate's own type ("shot down … a drone attack", "sit down for
talks") is kept aside to lend that predicate its actors and counts. Each row has an id, its
outcome (drop, keep, absorb) and the test; ``select`` applies the drops first, then the first
matching row about the governing predicate, and drops what no row keeps (the content of a
matrix predicate: "agreed *to meet*")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wardesk.event_types import types_with
from wardesk.extract.events.modality import SPEECH_VERBS
from wardesk.extract.grammar.frames import reported_clause
from wardesk.extract.grammar.labels import (
    ADVERBIAL_CLAUSE,
    CLAUSAL_MODIFIER,
    CONJUNCT,
    EMBEDDING_LINKS,
    NOMINALS,
    OBJECT,
    OPEN_COMPLEMENT,
    PREP_COMPLEMENT,
    PREP_OBJECT,
    PREPOSITION,
)
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.lexicon import word_tuple, words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.events.predicates import Match

# Types whose complement is part of what is said, not a second event ("agreed to meet",
# "threatened to strike", "accused X of shelling", "refused to withdraw").
MATRIX_TYPES = types_with("matrix_content")
# Verbs of stated intent: not events themselves when they govern one ("offered to withdraw").
INTENT_VERBS = words("events/build.json", "intent_verbs")
# Legal measures whose "for"-phrase is the charge ("jailed for spying", "sanctioned over").
_CHARGE_TYPES = types_with("charge")
_CHARGE_PREPS = words("events/build.json", "charge_preps")  # "for", "over"
_WITHOUT = words("events/build.json", "without_words")  # "without"
_INSTEAD, _OF = word_tuple("events/build.json", "instead_of")
# Nominal speech acts ("their demands", "the accusation") describe another event's content.
_CONTENT_NOUN_TYPES = types_with("content_noun")
# What a protest is held for ("blocked roads *to press their demands*").
_PROTEST_AIMS = ("REQUEST", "ACCUSE", "REJECT")
# A word under a preposition ('charged *with* attacking').
_UNDER_PREPOSITION = PREP_COMPLEMENT | PREP_OBJECT
# Links a walk up from an event to its governing verb follows.
_REPORTING_WALK = ADVERBIAL_CLAUSE | OPEN_COMPLEMENT | PREP_OBJECT | OBJECT | PREPOSITION | CONJUNCT | CLAUSAL_MODIFIER

DROP, KEEP, ABSORB = "drop", "keep", "absorb"
# Nominal speech acts beside a verbal predicate ("their demands" by "protested"): dropped last.
CONTENT_NOUN = "select.content-noun"


@dataclass
class Sentence:
    """The matches of one sentence, with what the rows ask of them."""

    matches: list[Match]
    by_token: dict[int, Match] = field(default_factory=dict)
    intents: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.by_token = {m.trigger.i: m for m in self.matches}
        self.intents = {g.trigger.i for m in self.matches if (g := _governing_match(m, self.by_token)) is not None
                        and m.predicate.kind != "noun" and _lemma(g.trigger) in INTENT_VERBS}

    def governor(self, m: Match) -> Match | None:
        return _governing_match(m, self.by_token) or _quoting_match(m, self.matches)


@dataclass(frozen=True)
class Selection:
    """One row: ``test(match, governing match or None, sentence)``; ``outcome`` when it holds.
    ``examples`` are sentences on which the row decides some match (tests run them)."""

    id: str
    outcome: str
    test: Callable[[Match, Match | None, Sentence], bool]
    note: str
    examples: tuple[str, ...] = ()


# Rows about the match itself, before its governing predicate is asked.
DROPS = (
    Selection("select.intent-verb", DROP, lambda m, g, s: m.trigger.i in s.intents,
              "'vowed to fight': the intent colours the fight (planned → THREATEN), no event of its own",
              ("The rebels vowed to attack the capital.",)),
    Selection("select.protest-purpose", DROP, lambda m, g, s: _purpose_of_protest(m, s.by_token),
              "'blocked roads to press their demands': the demand is what the protest is for",
              ("Farmers blocked the highway to demand higher prices.",)),
    Selection("select.not-done", DROP, lambda m, g, s: _without(m.trigger),
              "'without demanding payment', 'instead of calling for': what was not done",
              ("The militia freed the hostages without demanding a ransom.",)),
)
# Rows about the governing predicate, the first that holds decides.
GOVERNED = (
    Selection("select.charge", DROP, lambda m, g, s: g is not None and _charge_of(m, g),
              "'arrested for collaborating with …': the charge, not a second event",
              ("Police arrested two men for attacking a checkpoint.",)),
    Selection("select.free", KEEP, lambda m, g, s: g is None or g.trigger.i in s.intents,
              "no predicate governs it (or only an intent verb): its own event",
              ("Russian forces shelled the port overnight.",)),
    Selection("select.same-type-nominal", ABSORB,
              lambda m, g, s: g is not None and m.predicate.kind == "noun" and g.predicate.event == m.predicate.event,
              "'shot down … a drone attack': the nominal lends the governing predicate its actors and counts",
              ("The two ministers will sit down for talks in Vienna.",)),
    Selection("select.argument-of-act", KEEP,
              lambda m, g, s: g is not None and m.predicate.kind != "noun" and g.predicate.event not in MATRIX_TYPES,
              "a verb under a predicate that is no matrix type is an event of its own"),
    Selection("select.matrix-content", DROP, lambda m, g, s: True,
              "'agreed to meet': the content of a matrix predicate is part of what is said, no event",
              ("The two sides agreed to meet again next month.",)),
)


@dataclass
class Selected:
    """The matches that build events, per governing trigger the nominals it absorbs, and the
    row that decided each match (by ``id(match)``)."""

    kept: list[Match]
    absorbed: dict[int, list[Match]]
    why: dict[int, str]


def select(matches: list[Match]) -> Selected:
    """Apply the rows to a sentence's matches (see the module note)."""
    sentence = Sentence(matches)
    kept: list[Match] = []
    absorbed: dict[int, list[Match]] = {}
    why: dict[int, str] = {}
    for m in matches:
        drop = next((row for row in DROPS if row.test(m, None, sentence)), None)
        if drop is not None:
            why[id(m)] = drop.id
            continue
        gov = sentence.governor(m)
        row = next(r for r in GOVERNED if r.test(m, gov, sentence))
        why[id(m)] = row.id
        if row.outcome == ABSORB and gov is not None:
            absorbed.setdefault(gov.trigger.i, []).append(m)
        elif row.outcome == KEEP:
            kept.append(m)
    final = _drop_content_nouns(kept)
    for m in kept:
        if all(m is not f for f in final):
            why[id(m)] = CONTENT_NOUN
    return Selected(final, absorbed, why)


def _without(trigger: Token) -> bool:
    """"without demanding", "instead of calling for": what was not done."""
    prep = trigger.head
    return trigger.dep_ in _UNDER_PREPOSITION and (
        prep.lower_ in _WITHOUT or (prep.lower_ == _OF and prep.head.lower_ == _INSTEAD))


def _charge_of(m: Match, gov: Match) -> bool:
    tok = m.trigger
    return (gov.predicate.event in _CHARGE_TYPES and tok.dep_ in _UNDER_PREPOSITION
            and tok.head.lower_ in _CHARGE_PREPS and tok.head.head.i == gov.trigger.i)


def _quoting_match(m: Match, matches: list[Match]) -> Match | None:
    """A matrix predicate just before the quotation that holds ``m`` ("demanded X “must …
    recognise …”"): the quotation is its content even when the parse loses the link."""
    sent = m.trigger.sent
    marks = [t.i for t in sent if t.text in ('“', '"') and t.i < m.trigger.i]
    closes = [t.i for t in sent if t.text in ('”', '"') and t.i < m.trigger.i]
    if not marks or (closes and closes[-1] > marks[-1]):
        return None
    opening = marks[-1]
    before = [g for g in matches if g.trigger.i < opening and g is not m]
    if before and before[-1].predicate.event in MATRIX_TYPES and opening - before[-1].trigger.i <= 4:
        return before[-1]
    return None


def _purpose_of_protest(m: Match, by_token: dict[int, Match]) -> bool:
    if m.predicate.event not in _PROTEST_AIMS:
        return False
    tok = m.trigger
    for _ in range(3):
        if tok.dep_ not in _REPORTING_WALK or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in by_token and by_token[tok.i] is not m:
            return by_token[tok.i].predicate.event == "PROTEST"
    return False


def _drop_content_nouns(matches: list[Match]) -> list[Match]:
    verbal = any(m.predicate.kind != "noun" for m in matches)
    if not verbal:
        return matches
    return [m for m in matches if not (m.predicate.kind == "noun" and m.predicate.event in _CONTENT_NOUN_TYPES)]


def _governing_match(m: Match, by_token: dict[int, Match]) -> Match | None:
    """The predicate this one is an argument or complement of, if any."""
    tok = m.trigger
    for _ in range(8):
        noun_clause = tok.dep_ in ADVERBIAL_CLAUSE and tok.head.pos_ in NOMINALS
        if (tok.dep_ not in EMBEDDING_LINKS and tok.dep_ not in CONJUNCT and not noun_clause) or tok.head.i == tok.i:
            return None
        if reported_clause(tok, SPEECH_VERBS) and tok.head.i not in by_token:
            return None
        via_conj = tok.dep_ in CONJUNCT
        tok = tok.head
        gov = by_token.get(tok.i)
        if gov is not None and gov is not m and not via_conj:
            return gov
    return None
