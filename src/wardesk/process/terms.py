"""A proposal's terms from its words: how long ("a 30-day ceasefire", "for a month"), where
or how far ("on energy infrastructure", "full"), how many ("175 prisoners"), on what condition."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADVERBIAL_CLAUSE,
    MARK,
    PREPOSITION,
)
from wardesk.extract.layers import Layers
from wardesk.extract.numbers.parse import parse_number
from wardesk.process.common import data, lexicon, subtree_text
from wardesk.records import Quantity, Terms

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NUMBER = r"(\d[\d,]*|[a-z]+(?:[- ][a-z]+)?)"


def terms_of(layers: Layers, head: Token, verb: Token | None) -> Terms:
    """The terms in the proposal's noun phrase (headed by ``head``) and the clauses of the verb
    that puts it forward."""
    doc = layers.doc
    phrase = doc[head.left_edge.i: head.right_edge.i + 1]
    return Terms(
        duration_days=_duration(phrase.text), scope=_scope(phrase),
        numbers=_numbers(phrase.text), conditions=tuple(_conditions(layers, head, verb)),
    )


def _duration(text: str) -> int | None:
    units: dict[str, int] = data("proposal_cues.json")["duration_units"]
    low = text.lower()
    for match in re.finditer(_NUMBER + r"[- ](day|days|week|weeks|month|months)\b", low):
        days = _days(match.group(1), units[match.group(2)])
        if days:
            return days
    for match in re.finditer(r"\bfor (?:a|one) (day|week|month)\b", low):
        return units[match.group(1)]
    return None


def _days(number: str, unit: int) -> int | None:
    first, _, rest = number.partition(" ")
    if rest and first in data("proposal_cues.json")["number_articles"]:
        number = rest  # "a three-day truce": not "a three" (read as 1 + 3)
    parsed = parse_number(number.replace("-", " "))
    if parsed is None:
        last = number.split()[-1] if " " in number else None  # "a 30-day": "a 30" reads badly
        parsed = parse_number(last) if last else None
    return parsed[0] * unit if parsed is not None and parsed[0] > 0 else None


def _scope(phrase: Span) -> str | None:
    hits = lexicon("proposal_cues.json", "scopes").match(phrase)
    return hits[0].key if hits else None


def _numbers(text: str) -> tuple[Quantity, ...]:
    nouns = "|".join(re.escape(n) for n in data("proposal_cues.json")["captive_nouns"])
    out = []
    for match in re.finditer(rf"\b(\d[\d,]*)\s+(?:\w+\s+)?({nouns})\b", text, flags=re.IGNORECASE):
        value = int(match.group(1).replace(",", ""))
        out.append(Quantity(value, match.group(2).lower(), match.group(0)))
    return tuple(out)


def _conditions(layers: Layers, head: Token, verb: Token | None) -> list[str]:
    """Condition clauses ("if …", "provided …", "on condition that …") inside the noun phrase
    or hanging from the verb that puts the proposal forward."""
    marks = {m.split()[0] for m in data("response_cues.json")["condition_marks"]}
    out: list[str] = []
    clauses = [t.head for t in head.subtree if t.dep_ in MARK and t.lower_ in marks and t.head.dep_ in ADVERBIAL_CLAUSE]
    if verb is not None:
        clauses += [c for c in verb.children if c.dep_ in ADVERBIAL_CLAUSE
                    and any(m.dep_ in MARK and m.lower_ in marks for m in c.children)]
        clauses += [c for c in verb.children if c.dep_ in PREPOSITION and c.lower_ == "on"
                    and any(g.lower_ == "condition" for g in c.children)]
    for clause in clauses:
        text = subtree_text(layers, clause)
        if text not in out:
            out.append(text)
    return out
