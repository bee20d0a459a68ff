"""Events: predicates over the dependency parse → PLOVER events with actors, date, place,
counts, modality and attribution, one list per article (SCHEMA.md "events")."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from wardesk.event_types import types_with
from wardesk.extract.events.fill import (
    settle_unidentified,
)
from wardesk.extract.events.merge import merge
from wardesk.extract.events.modality import certainty_of as _certainty_of
from wardesk.extract.events.modality import (
    local_attribution,
    negated_of,
    speaker_refs,
    status_of,
    stronger,
)
from wardesk.extract.events.observe import OBSERVER, Observer
from wardesk.extract.events.predicates import (
    Match,
    match_sentence,
)
from wardesk.extract.events.roles import roles
from wardesk.extract.events.rules import Draft, apply
from wardesk.extract.events.selection import Selected, select
from wardesk.extract.layers import doc_text
from wardesk.extract.story import apart, relation_objects
from wardesk.records import Event, EventDate, Evidence, Place, content_id

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wardesk.extract.layers import Counts, Layers

# Without any actor, only violence and protest are still worth a record (casualties, crowds).
ACTORLESS_TYPES = types_with("actorless")




def find_events(layers: Layers, article_id: str) -> tuple[Event, ...]:
    doc = layers.doc
    if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return ()  # no parse, no predicates and arguments to read
    events: list[Event] = []
    for sent in doc.sents:
        found = match_sentence(sent)
        selected = select(found)
        matches, absorbed = selected.kept, selected.absorbed
        built: list[tuple[int, Event]] = []
        objects = relation_objects(sent)
        observe = OBSERVER.get()
        for m in matches:
            lent = [a for a in absorbed.get(m.trigger.i, []) if not apart(a.trigger.i, m.trigger.i, objects)]
            fired: list[str] = []
            ev = _build([m, *lent], sent, layers, article_id, found, fired)
            if ev is not None:
                built.append((m.trigger.i, ev))
            if observe is not None:
                observe(sent, m, "kept" if ev is not None else "dropped", (selected.why[id(m)], *fired), ev)
        if observe is not None:
            _observe_left(observe, sent, found, selected)
        events.extend(_merge_apart(built, objects))
    return settle_unidentified(events)


def _observe_left(observe: Observer, sent: Span, found: list[Match], selected: Selected) -> None:
    """Tell the observer about the matches that built no event of their own, with the selection
    row that decided each (events/selection.py)."""
    lent = {id(a) for parts in selected.absorbed.values() for a in parts}
    for m in found:
        if all(m is not k for k in selected.kept):
            observe(sent, m, "absorbed" if id(m) in lent else "content", (selected.why[id(m)],), None)


def _merge_apart(built: list[tuple[int, Event]], objects: list[frozenset[int]]) -> list[Event]:
    """Co-reported attacks merge, but never with an earlier event the sentence sets them
    against ("shelled the post in retaliation for a raid that killed 12": two events); an
    event noun inside such an earlier event lends nothing to the predicate it is set against."""
    groups: dict[tuple[bool, ...], list[Event]] = {}
    for i, ev in built:
        groups.setdefault(tuple(i in obj for obj in objects), []).append(ev)
    return [ev for group in groups.values() for ev in merge(group)]


def _build(parts: list[Match], sent: Span, layers: Layers, article_id: str,
           found: list[Match], fired: list[str] | None = None) -> Event | None:
    """The event of a kept match and the nominals it absorbed, or None when a rule drops it.
    The rules (events/rules.py) run stage by stage; ``fired`` receives the ids of those that
    fired, a dropping one last."""
    m = parts[0]
    actors = layers.actors
    attribution, speaker, speech_verb = local_attribution(m.trigger, actors)
    source, target = roles(m, actors)
    d = Draft(parts, sent, layers, found, source, target, m.predicate.event, m.predicate.mode, speaker,
              counter=lambda: _counts(parts, layers), fired=fired if fired is not None else [])
    apply("roles", d)
    apply("type", d)
    if not apply("keep", d):
        return None
    counts = d.counts()
    date = _date(parts, layers)
    exact = date is not None and date.resolution not in ("publication_date", "unresolved")
    their_attr, their_certainty = layers.statements.attribution_for(m.trigger)
    if their_attr is not None:
        attribution = their_attr
    certainty = _certainty_of(m.trigger, d.event_type, attribution, speaker_refs(speaker, actors), speech_verb)
    if their_attr is not None:
        certainty = stronger(certainty, their_certainty)
    d.status = status_of(m.trigger, layers.published, date.value if date else None, exact)
    d.negated = negated_of(m.trigger)
    if not apply("status", d):
        return None
    start, end = _evidence_span(sent)
    first, last = min(m.words, key=lambda t: t.i), max(m.words, key=lambda t: t.i)
    d.trigger_text = doc_text(layers.doc)[first.idx: last.idx + len(last.text)]
    d.place = _place(parts, layers)
    apply("fill", d)
    counts = d.counts()  # a rule may have corrected a count
    return Event(
        id=content_id(article_id, start, m.trigger.idx, d.event_type),
        event=d.event_type, mode=d.mode, context=m.predicate.context,
        source=d.source, target=d.target, eventText=d.trigger_text,
        evidence=Evidence(doc_text(layers.doc)[start:end], start, end),
        date=date, eventLoc=d.place,
        dead=counts.dead, injured=counts.injured, size=counts.size, quantities=counts.quantities,
        status=d.status, negated=d.negated, attribution=attribution, certainty=certainty,
        trace=tuple(d.fired),
    )


def _anchors(m: Match | list[Match]) -> list[Token]:
    """Tokens to ask the date/place/number tables about: the trigger, then its event nouns."""
    out: list[Token] = []
    for part in m if isinstance(m, list) else [m]:
        for tok in (part.trigger, part.noun):
            if tok is not None and tok not in out:
                out.append(tok)
    return out


def _date(m: list[Match], layers: Layers) -> EventDate | None:
    for tok in _anchors(m):
        found = layers.dates.date_for(tok)
        if found is not None:
            return found
    if layers.published:
        return EventDate(text="", value=layers.published, granularity="day", resolution="publication_date")
    return None


def _place(m: list[Match], layers: Layers) -> Place | None:
    for tok in _anchors(m):
        found = layers.places.place_for(tok)
        if found is not None:
            return found
    return None


def _counts(m: Match | list[Match], layers: Layers) -> Counts:
    found = [layers.quantities.counts_for(tok) for tok in _anchors(m)]
    first = found[0]
    for other in found[1:]:
        first = _union_counts(first, other)
    return first


def _union_counts(a: Counts, b: Counts) -> Counts:
    quantities = a.quantities + tuple(q for q in b.quantities if q not in a.quantities)
    return replace(
        a, dead=a.dead if a.dead is not None else b.dead,
        injured=a.injured if a.injured is not None else b.injured,
        size=a.size if a.size is not None else b.size, quantities=quantities,
    )


def _has_counts(c: Counts) -> bool:
    return c.dead is not None or c.injured is not None or c.size is not None or bool(c.quantities)


def _evidence_span(sent: Span) -> tuple[int, int]:
    text = sent.text
    lead = len(text) - len(text.lstrip())
    return sent.start_char + lead, sent.start_char + len(text.rstrip())
