"""Why the event stage read a sentence as it did: the parse, every predicate the lexicon
matched, and for each the rules that fired (events/rules.py) and the event kept, if any.

``explain(text)`` runs the whole pipeline on the text and listens to the event stage;
``render`` writes the answer as plain text (``wardesk explain "sentence"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.events.observe import listening
from wardesk.pipeline import Extractor
from wardesk.records import Article

if TYPE_CHECKING:
    from spacy.tokens import Span

    from wardesk.extract.events.predicates import Match
    from wardesk.records import ActorRef, Event


@dataclass(frozen=True, slots=True)
class Reading:
    """One matched predicate and what became of it."""

    sentence: int
    trigger: str
    kind: str
    phrase: str  # the lexicon entry
    lexicon_type: str
    rules: tuple[str, ...]  # in the order they fired; a dropping rule is last
    outcome: str  # "kept", "dropped", "absorbed", "content"
    event: Event | None = None


@dataclass(frozen=True, slots=True)
class TokenRow:
    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass(frozen=True, slots=True)
class Explanation:
    tokens: tuple[TokenRow, ...]
    sentences: tuple[str, ...]
    readings: tuple[Reading, ...]
    events: tuple[Event, ...]  # the record's events, after the later stages


def explain(text: str, published: str | None = None, extractor: Extractor | None = None) -> Explanation:
    """Extract ``text`` and report what the event stage saw and decided."""
    ex = extractor or Extractor()
    readings: list[Reading] = []
    starts: list[int] = []

    def seen(sent: Span, m: Match, outcome: str, rules: tuple[str, ...], event: Event | None) -> None:
        if sent.start not in starts:
            starts.append(sent.start)
        readings.append(Reading(starts.index(sent.start), m.trigger.text, m.predicate.kind, m.predicate.phrase,
                                m.predicate.event, rules, outcome, event))

    doc = ex.nlp(text)
    with listening(seen):
        record = ex.record(Article(text=text, published=published), doc)
    tokens = tuple(TokenRow(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i) for t in doc)
    return Explanation(tokens, tuple(s.text for s in doc.sents), tuple(readings), record.events)


def _refs(refs: tuple[ActorRef, ...]) -> str:
    return ", ".join(f"{r.actorText}" + (f" [{r.code}]" if r.code else "") for r in refs) or "-"


def render(ex: Explanation) -> str:
    """The explanation as plain text: parse table, then each predicate with its rules."""
    lines = ["parse:", f"  {'i':>3}  {'text':<16} {'lemma':<14} {'pos':<6} {'dep':<10} head"]
    lines += [f"  {t.i:>3}  {t.text:<16} {t.lemma:<14} {t.pos:<6} {t.dep:<10} {t.head}" for t in ex.tokens]
    lines.append("predicates:")
    if not ex.readings:
        lines.append("  (none matched)")
    for r in ex.readings:
        lines.append(f"  [{r.sentence}] {r.trigger!r} {r.kind} '{r.phrase}' → {r.lexicon_type}: {r.outcome}")
        for rule in r.rules:
            lines.append(f"      rule {rule}")
        if r.event is not None:
            e = r.event
            lines.append(f"      event {e.event}{'/' + e.mode if e.mode else ''} source={_refs(e.source)} "
                         f"target={_refs(e.target)} status={e.status}{' negated' if e.negated else ''}")
    lines.append("events in the record:")
    lines += [f"  {e.event} {e.eventText!r} source={_refs(e.source)} target={_refs(e.target)} trace={list(e.trace)}"
              for e in ex.events] or ["  (none)"]
    return "\n".join(lines)
