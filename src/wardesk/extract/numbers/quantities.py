"""Numbers: casualties (dead, injured), crowd sizes and other counts ("337 drones"), each
found once per Doc and handed to the event whose clause or sentence holds it.

Conventions (also in data/numbers_lexicon.json): "more than N" → N at_least, "up to N" → N
at_most; "dozens" → 24 at_least, "hundreds" → 200 at_least, "a dozen" → 12 about. When an
event has several counts of one kind, the largest wins (a toll that "rose to 15" after "12").
Casualties go to violent events (kill/attack/strike… and their nouns) anywhere in the
sentence, to other events only inside their clause. A casualty sentence that refers back to
"the attack"/"the strike" (a definite event noun) lends its dead/injured to the violent event
of the sentence before it, when that one has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import (
    NOUN_CLAUSES,
    SUBJECTS_AND_OBJECT,
    SUBORDINATE_CLAUSES,
    VERBALS,
)
from wardesk.extract.layers import Counts, clause_verb
from wardesk.extract.numbers.amounts import CountMention, _amount_starts, _count_at, _one_victim
from wardesk.extract.numbers.parse import number_words, parse_number
from wardesk.nlp.normalise import column
from wardesk.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CountMention", "QuantityTableImpl", "_amount_starts", "_count_at", "find_quantities", "parse_number"]


@dataclass(frozen=True)
class QuantityTableImpl:
    doc: Doc
    counts: tuple[CountMention, ...] = ()

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        return tuple(_as_quantity(c) for c in self.counts if c.kind == "other")

    def counts_for(self, trigger: Token) -> Counts:
        own = self._in_scope(trigger)
        kinds = {k: _total(self.doc, own, k) for k in ("dead", "injured", "size")}
        if kinds["dead"] is None and kinds["injured"] is None and _violent(trigger):
            later = self._referring_back(_sentence(trigger))
            kinds["dead"], kinds["injured"] = _total(self.doc, later, "dead"), _total(self.doc, later, "injured")
        others = tuple(_as_quantity(c) for c in own if c.kind == "other")
        return Counts(dead=kinds["dead"], injured=kinds["injured"], size=kinds["size"],
                      quantities=others)

    def _in_scope(self, trigger: Token) -> list[CountMention]:
        """Counts of the trigger's clause (a verb's subtree, plus the noun a relative-clause
        verb modifies; the sentence for a nominal trigger). A violent trigger also takes the
        casualties of its whole sentence, any trigger the crowd sizes."""
        sent = _sentence(trigger)
        in_sent = [c for c in self.counts if sent.start <= c.number < sent.end]
        if trigger.pos_ in VERBALS:
            clause = {t.i for t in trigger.subtree}
            if trigger.dep_ in NOUN_CLAUSES:
                clause.add(trigger.head.i)
        else:
            host = clause_verb(trigger)
            clause = {t.i for t in (host or trigger).subtree}
        violent = _violent(trigger)

        def belongs(c: CountMention) -> bool:
            inside = c.noun in clause or c.number in clause
            if c.kind in ("dead", "injured"):
                return violent or _same_clause(self.doc[c.noun], trigger)
            return c.kind == "size" or inside

        return [c for c in in_sent if belongs(c)]

    def _referring_back(self, sent: Span) -> list[CountMention]:
        """Casualty counts of the next sentence when it points back with "the attack" to an
        attack this sentence names ("…the largest drone attack of the war. One person was
        killed as a result of the attack")."""
        if sent.end >= len(self.doc):
            return []
        following = [_sentence(self.doc[sent.end])]
        named = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        if not following or not (_referred_events(following[0]) & named):
            return []
        nxt = following[0]
        return [c for c in self.counts if nxt.start <= c.number < nxt.end
                and c.kind in ("dead", "injured")]

def _total(doc: Doc, counts: list[CountMention], kind: str) -> int | None:
    """Conjoined counts add up ("18 soldiers, three staff and five passengers were killed");
    separate ones do not, and the largest wins (a toll that "rose to 15" after "12")."""
    groups: dict[int, int] = {}
    for c in counts:
        if c.kind != kind:
            continue
        head = first_conjunct(doc[c.noun])
        groups[head.i] = groups.get(head.i, 0) + c.value
    return max(groups.values()) if groups else None


def _same_clause(token: Token, trigger: Token) -> bool:
    """True when ``token`` reaches ``trigger`` without crossing into another clause
    ("left nine dead and 30 wounded" yes; "condemned it, as eight were killed" no)."""
    node = token
    for _ in range(40):
        if node.i == trigger.i:
            return True
        if node.dep_ in SUBORDINATE_CLAUSES or node.head.i == node.i:
            return False
        node = node.head
    return False

def _violent(trigger: Token) -> bool:
    words = number_words()
    lemma = trigger.lemma_.lower()
    return (lemma in words.words("violence_verbs") or lemma in words.words("dead_verbs")
            or lemma in words.words("injured_verbs") or trigger.lower_ in words.words("event_nouns")
            or lemma in words.words("event_nouns"))

def _as_quantity(c: CountMention) -> Quantity:
    return Quantity(value=c.value, unit=c.unit, text=c.text, qualifier=c.qualifier)

def _referred_events(sent: Span) -> set[str]:
    """Event nouns the sentence refers back to with a definite article ("the attack")."""
    nouns = number_words().words("event_nouns")
    return {t.lemma_.lower() for t in sent
            if t.lower_ in nouns and any(d.lower_ in ("the", "this", "that") for d in t.children)}

def find_quantities(doc: Doc) -> QuantityTableImpl:
    counts: list[CountMention] = []
    free = 0  # the first token not yet inside an amount read
    for i in _amount_starts(doc):
        if i < free:
            continue
        found = _count_at(doc, i)
        if found is not None:
            counts.append(found)
            free = found.number + 1
    counted = {c.noun for c in counts}
    deps = column(doc, "dep")
    victims = (doc[i] for i, dep in enumerate(deps) if dep in SUBJECTS_AND_OBJECT and i not in counted)
    counts += [c for c in map(_one_victim, victims) if c is not None]
    counts.sort(key=lambda c: c.number)
    return QuantityTableImpl(doc=doc, counts=tuple(counts))

def _sentence(token: Token) -> Span:
    """The token's sentence; the whole Doc when it has no sentence boundaries."""
    doc = token.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return token.sent
    return doc[:]
