"""The story stage: after find_events, read the article as one story — which events are
background, which counts are period totals, and what one incident's reports lend each other."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wardesk.extract.layers import doc_text
from wardesk.extract.story.amounts import StoryCounts
from wardesk.extract.story.background import background_rule, related_sentence
from wardesk.extract.story.cumulative import cumulative_tolls
from wardesk.extract.story.fill import fill_story
from wardesk.extract.story.grammar import related_ranges, relation_objects, trigger_of
from wardesk.extract.story.recap import continue_recaps
from wardesk.extract.story.saying import undate_saying
from wardesk.extract.story.totals import PeriodCue, agents, period_total, reported_total
from wardesk.records import Event, EventDate, ReportedTotal

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import Layers


@dataclass(frozen=True)
class Story:
    events: tuple[Event, ...]
    totals: tuple[ReportedTotal, ...] = ()


def tell_story(layers: Layers, events: tuple[Event, ...], article_id: str) -> Story:
    doc = layers.doc
    if not events and not isinstance(layers.quantities, StoryCounts):
        return Story(events)
    parsed = doc.has_annotation("DEP")
    triggers = {ev.id: trigger_of(ev, doc, article_id) if parsed else None for ev in events}
    cues, totals = _totals(layers)
    kept = [ev for ev in events if not _is_total(triggers[ev.id], cues)]
    ranges = related_ranges(doc_text(doc))
    marked = [_mark(ev, triggers[ev.id], layers, ranges) for ev in kept]
    told = cumulative_tolls(continue_recaps(_agree(marked, triggers), triggers), triggers)
    return Story(tuple(fill_story(told, triggers)), totals)


def _totals(layers: Layers) -> tuple[list[PeriodCue], tuple[ReportedTotal, ...]]:
    table = layers.quantities
    if not isinstance(table, StoryCounts):
        return [], ()
    cues, out = [], []
    for c in table.totals:
        cue = period_total(c, layers.doc, layers.dates, layers.published)
        if cue is not None:
            cues.append(cue)
            out.append(reported_total(c, cue, layers))
    return cues, tuple(out)


def _is_total(trigger: Token | None, cues: list[PeriodCue]) -> bool:
    """The event is the period total itself ("1,250 were killed in 15 months"): a sum of
    incidents, not one (its figure lives on as a ReportedTotal)."""
    if trigger is None:
        return False
    return any(trigger.i == cue.predicate.i or any(a.i == trigger.i for a in agents(cue.predicate))
               for cue in cues)


def _agree(events: list[Event], triggers: Mapping[str, Token | None]) -> list[Event]:
    """An earlier event a sentence sets another against ("following talks with X") that the
    article also reports as news elsewhere is that news, not background."""
    out = list(events)
    for i, ev in enumerate(out):
        if "story.background.earlier_event" not in ev.trace:
            continue
        if any(_same_incident(ev, other) for other in events if not other.background
               and other.evidence.start != ev.evidence.start):
            trace = tuple(r for r in ev.trace if r != "story.background.earlier_event")
            out[i] = replace(ev, background=False, trace=(*trace, "story.news_elsewhere"))
    return out


def _same_incident(a: Event, b: Event) -> bool:
    """Same type, an actor in common, places that fit."""
    if a.event != b.event:
        return False
    def keys(e: Event) -> set[str]:
        return {r.actor or r.code or "" for r in (*e.source, *e.target)} - {""}
    if not keys(a) & keys(b):
        return False
    return a.eventLoc is None or b.eventLoc is None or a.eventLoc.country == b.eventLoc.country


def _own_date(ev: Event, trigger: Token | None, layers: Layers) -> Event:
    """A date read inside an earlier event's words ("shelled the base after a raid on Monday
    killed 12") dates that event, not this one: this one falls back to the published day."""
    if trigger is None or ev.date is None or not ev.date.text or not layers.doc.has_annotation("DEP"):
        return ev
    objects = [o for o in relation_objects(trigger.sent) if trigger.i not in o]
    if not objects:
        return ev
    lo, hi = ev.evidence.start, ev.evidence.end
    spans = [layers.doc.char_span(m.start, m.end, alignment_mode="expand")
             for m in layers.dates.mentions if lo <= m.start < hi and m.text == ev.date.text]
    if not spans or not all(sp is not None and any(sp.root.i in o for o in objects) for sp in spans):
        return ev
    date = EventDate("", layers.published, granularity="day", resolution="publication_date") \
        if layers.published else None
    return replace(ev, date=date, trace=(*ev.trace, "story.date_to_its_own_event"))


def _mark(ev: Event, trigger: Token | None, layers: Layers, ranges: list[tuple[int, int]]) -> Event:
    ev = undate_saying(_own_date(ev, trigger, layers), trigger, layers)
    related = any(lo <= ev.evidence.start < hi for lo, hi in ranges) or related_sentence(ev.evidence.text)
    rule = background_rule(ev, trigger, layers.dates, layers.published, related)
    if rule is None:
        return ev
    return replace(ev, background=True, trace=(*ev.trace, rule))
