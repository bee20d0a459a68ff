"""The story stage: after find_events, read the article as one story — which events are
background, which counts are period totals, and what one incident's reports lend each other."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wardesk.extract.layers import doc_text
from wardesk.extract.story.amounts import StoryCounts
from wardesk.extract.story.background import background_rule, related_sentence
from wardesk.extract.story.fill import fill_story
from wardesk.extract.story.grammar import related_ranges, trigger_of
from wardesk.extract.story.totals import PeriodCue, agents, period_total, reported_total

if TYPE_CHECKING:
    from spacy.tokens import Token

    from wardesk.extract.layers import Layers
    from wardesk.records import Event, ReportedTotal


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
    return Story(tuple(fill_story(marked)), totals)


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


def _mark(ev: Event, trigger: Token | None, layers: Layers, ranges: list[tuple[int, int]]) -> Event:
    related = any(lo <= ev.evidence.start < hi for lo, hi in ranges) or related_sentence(ev.evidence.text)
    rule = background_rule(ev, trigger, layers.dates, layers.published, related)
    if rule is None:
        return ev
    return replace(ev, background=True, trace=(*ev.trace, rule))
