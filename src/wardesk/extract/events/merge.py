"""Events of one sentence that report one happening merged into one ("killed and injured",
"a bomb and gun attack"): two violent events join unless their parties contradict each other.
"""

from __future__ import annotations

from dataclasses import replace

from wardesk.event_types import types_with
from wardesk.extract.events.modality import stronger
from wardesk.extract.events.roles import Refs
from wardesk.records import Attribution, Event


def _codes(refs: Refs) -> set[str]:
    return {r.code for r in refs if r.code}


def _actors(refs: Refs) -> set[str]:
    return {r.actor or r.actorText.lower() for r in refs if r.actor or r.actorText}


def _compatible(a: Event, b: Event) -> bool:
    """Two violent events of one sentence that can be the same attack: no actor is on both
    sides, and neither names a source or target the other contradicts."""
    if (_actors(a.source) | _actors(b.source)) & (_actors(a.target) | _actors(b.target)):
        return False
    # A country on both sides is a reversal, unless one event already puts it on both sides
    # (army and insurgents of one country: "killed and injured" is still one attack).
    inner = (_codes(a.source) & _codes(a.target)) | (_codes(b.source) & _codes(b.target))
    if ((_codes(a.source) | _codes(b.source)) & (_codes(a.target) | _codes(b.target))) - inner:
        return False
    for mine, theirs in ((a.source, b.source), (a.target, b.target)):
        if _codes(mine) and _codes(theirs) and not _codes(mine) & _codes(theirs):
            return False
    return True


_MERGING_TYPES = types_with("merges_co_reports")

def merge(events: list[Event]) -> list[Event]:
    """The violent events of one sentence, co-reported ones joined (the first keeps its place)."""
    out: list[Event] = []
    for ev in events:
        for i, kept in enumerate(out):
            if ev.event == kept.event and ev.event in _MERGING_TYPES and _compatible(kept, ev):
                out[i] = _combine(kept, ev)
                break
        else:
            out.append(ev)
    return out


def _pick_attr(a: Attribution | None, b: Attribution | None) -> Attribution | None:
    return a if a is not None else b


def _combine(a: Event, b: Event) -> Event:
    def union(x: Refs, y: Refs) -> Refs:
        return x + tuple(r for r in y if r not in x)

    quantities = a.quantities + tuple(q for q in b.quantities if q not in a.quantities)
    date = a.date if a.date is not None and a.date.resolution != "publication_date" else (b.date or a.date)
    return replace(
        a, source=union(a.source, b.source), target=union(a.target, b.target),
        mode=a.mode or b.mode, context=a.context or b.context, date=date,
        eventLoc=a.eventLoc or b.eventLoc,
        dead=a.dead if a.dead is not None else b.dead,
        injured=a.injured if a.injured is not None else b.injured,
        size=a.size if a.size is not None else b.size, quantities=quantities,
        attribution=_pick_attr(a.attribution, b.attribution),
        certainty=stronger(a.certainty, b.certainty),
        negated=a.negated and b.negated,
    )
