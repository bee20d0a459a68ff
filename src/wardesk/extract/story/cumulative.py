"""A toll update gives the toll, not the increment: "Two more policemen died overnight, bringing
the number killed to seven", "the number of people killed has risen to six after two of the
wounded died" — the incident's dead are seven and six; the two are how many were added. A
violent event of such a sentence whose dead is below the toll the sentence brings it to takes
that toll (cue words: story_cues.json "cumulative_verbs", "total_nouns"). A figure that is only
an increment ("two more died") with no toll in its sentence fills no dead."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from wardesk.event_types import types_with
from wardesk.extract.numbers.parse import parse_number
from wardesk.extract.story.cues import cues
from wardesk.records import Event

if TYPE_CHECKING:
    from collections.abc import Mapping

    from spacy.tokens import Span, Token

RULE = "story.cumulative_toll"
INCREMENT = "story.increment_not_toll"
_REACH = 8  # words from the verb to its "to"
_SKIP = frozenset({"at", "least", "about", "nearly", "almost", "around", "some", "more", "than",
                   "over"})


def cumulative_tolls(events: list[Event], triggers: Mapping[str, Token | None]) -> list[Event]:
    violent = types_with("violent")
    out = []
    for ev in events:
        trigger = triggers.get(ev.id)
        toll = toll_in(trigger.sent) if trigger is not None and ev.event in violent else None
        if toll is not None and ev.dead is not None and ev.dead < toll:
            ev = replace(ev, dead=toll, trace=(*ev.trace, RULE))
        elif toll is None and ev.dead is not None and trigger is not None \
                and _increment(trigger.sent, ev.dead):
            ev = replace(ev, dead=None, trace=(*ev.trace, INCREMENT))
        out.append(ev)
    return out


def _increment(sent: Span, dead: int) -> bool:
    """"Two more policemen died", "another three bodies were found": the figure is what was
    added to a toll the sentence does not give, not the incident's dead."""
    for tok in sent:
        if tok.lower_ == "more" and tok.i > sent.start:
            before = tok.doc[tok.i - 1]
            if _value(before) == dead:
                return True
        if tok.lower_ == "another" and tok.i + 1 < sent.end and _value(tok.doc[tok.i + 1]) == dead:
            return True
    return False


def _value(tok: Token) -> int | None:
    if not (tok.like_num or tok.pos_ == "NUM"):
        return None
    parsed = parse_number(tok.text)
    return parsed[0] if parsed is not None else None


def toll_in(sent: Span) -> int | None:
    """The death toll a sentence brings its count to ("bringing the number killed to seven",
    "the toll rose to 12"), else None."""
    c = cues()
    for tok in sent:
        if tok.lemma_.lower() not in c.cumulative_verbs:
            continue
        stop = min(tok.i + _REACH, sent.end - 1)
        to = next((t for t in sent.doc[tok.i + 1:stop] if t.lower_ == "to"), None)
        if to is None or _kind_before(sent, to) != "dead":
            continue
        value = _number_after(to, sent)
        if value is not None:
            return value
    return None


def _kind_before(sent: Span, to: Token) -> str | None:
    """What the count counts: the last toll word before its "to" ("the number of wounded to
    40" counts the injured)."""
    c = cues()
    kinds = {"dead": c.total_nouns.get("dead", frozenset()) | c.total_verbs.get("dead", frozenset()),
             "injured": c.total_nouns.get("injured", frozenset())
             | c.total_verbs.get("injured", frozenset())}
    for t in reversed(sent.doc[sent.start:to.i]):
        for kind, found in kinds.items():
            if t.lower_ in found or t.lemma_.lower() in found:
                return kind
    return None


def _number_after(to: Token, sent: Span) -> int | None:
    words: list[str] = []
    for t in sent.doc[to.i + 1:sent.end]:
        if t.lower_ in _SKIP and not words:
            continue
        if t.like_num or t.pos_ == "NUM":
            words.append(t.text)
            continue
        break
    parsed = parse_number(" ".join(words)) if words else None
    return parsed[0] if parsed is not None and parsed[1] == "exact" else None
