"""The day of the saying is not the day of the event: "The army said on Sunday it had repelled an
attack", "the mayor said on Friday that the toll had risen to six" — the date dates the speech
verb the event is reported under, not the event, which happened that day or before it. Such an
event keeps the saying's day as an approximate date ("by that day"), and the incident rule reads
it as a report that may tell an event of the day before. Only for violent events (a
statement happens when it is said) and a saying inside the news window."""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import TYPE_CHECKING

from wardesk.event_types import types_with
from wardesk.extract.grammar.frames import speech_verbs
from wardesk.extract.grammar.labels import VERBALS
from wardesk.extract.story.background import before_window, day
from wardesk.records import Event, EventDate

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wardesk.extract.layers import Layers

RULE = "story.date_of_the_saying"


@functools.cache
def _saying_verbs() -> frozenset[str]:
    return speech_verbs("content_frames")


def undate_saying(ev: Event, trigger: Token | None, layers: Layers) -> Event:
    """``ev`` dated by publication when its only date words date the speech verb above it."""
    if trigger is None or ev.date is None or not ev.date.text or not layers.published:
        return ev
    if ev.event not in types_with("violent") or not _recent_day(ev.date, layers.published):
        return ev  # a statement happens when it is said; an old saying keeps its event old
    if not layers.doc.has_annotation("DEP"):
        return ev
    lo, hi = ev.evidence.start, ev.evidence.end
    spans = [layers.doc.char_span(m.start, m.end, alignment_mode="expand")
             for m in layers.dates.mentions if lo <= m.start < hi and m.text == ev.date.text]
    if not spans or not all(sp is not None and (_dates_saying(sp.root, trigger)
                                                or _right_after_saying(sp, trigger))
                            for sp in spans):
        return ev
    date = EventDate(ev.date.text, ev.date.value, ev.date.end, granularity="day", resolution="approximate")
    return replace(ev, date=date, trace=(*ev.trace, RULE))


def _recent_day(date: EventDate, published: str) -> bool:
    """A day inside the news window (a saying weeks ago dates its event weeks ago at least)."""
    pub = day(published)
    return date.granularity == "day" and pub is not None \
        and not before_window(date.value, date.end, pub)


def _dates_saying(when: Token, trigger: Token) -> bool:
    """The date's verb is a speech verb whose content holds the event's trigger."""
    verb = _verb_of(when)
    if verb is None or verb.i == trigger.i or verb.lemma_.lower() not in _saying_verbs():
        return False
    return any(t.i == trigger.i for t in verb.subtree) and _below(trigger, verb)


def _right_after_saying(when: Span, trigger: Token) -> bool:
    """"said on Sunday it had repelled an attack": the date follows the speech verb the
    event is reported under (a few words at most between them, no verb) and comes before the
    event's trigger — however the parser hung it."""
    verb = _saying_above(trigger)
    if verb is None or not verb.i < when.start or when.end > trigger.i:
        return False
    between = verb.doc[verb.i + 1:when.start]
    return len(between) <= 3 and not any(t.pos_ in VERBALS for t in between)


def _saying_above(trigger: Token) -> Token | None:
    """The nearest speech verb the trigger's clause hangs from."""
    tok = trigger
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in VERBALS and tok.lemma_.lower() in _saying_verbs():
            return tok
    return None


def _verb_of(tok: Token) -> Token | None:
    """The nearest verb above a date's words ("said on Sunday": said)."""
    for _ in range(6):
        if tok.head.i == tok.i:
            return tok if tok.pos_ in VERBALS else None
        tok = tok.head
        if tok.pos_ in VERBALS:
            return tok
    return None


def _below(trigger: Token, verb: Token) -> bool:
    """The trigger is inside the speech verb's content, not the verb's own subject or a side
    remark: some ancestor of the trigger is a clause hanging from the verb."""
    tok = trigger
    while tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return tok.pos_ in VERBALS or (tok.pos_ in ("NOUN", "PROPN") and tok.i > verb.i)
        tok = tok.head
    return False
