"""One incident, one story: a sentence of an article that continues the incident an earlier
sentence reported takes what it does not say from it — the attacker ("Russian missiles hit the
capital overnight. Two people were killed in the Darnytskyi district."), the target, the place
and the day — when nothing in it contradicts that incident."""

from __future__ import annotations

from dataclasses import replace

from wardesk.extract.story.background import day
from wardesk.records import ActorRef, Event, Place

# Types whose unnamed attacker an earlier report of the same incident may give.
FILLED_TYPES = frozenset({"ASSAULT"})


def named(refs: tuple[ActorRef, ...]) -> bool:
    return any((r.code or r.actor) and r.sector != "UNK" for r in refs)


def codes(refs: tuple[ActorRef, ...]) -> set[str]:
    return {r.code for r in refs if r.code and r.sector != "UNK"}


def _place_fits(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.name.lower() == b.name.lower():
        return True
    return bool(a.country and a.country == b.country)


def _day_fits(a: Event, b: Event) -> bool:
    """Dates a day apart at most (time zones, "overnight"); a default date fits anything."""
    if a.date is None or b.date is None or "publication_date" in (a.date.resolution, b.date.resolution):
        return True
    da, db = day(a.date.value), day(b.date.value)
    if da is None or db is None:
        return a.date.value == b.date.value
    return abs((da - db).days) <= 1 + _span(a) + _span(b)


def _span(e: Event) -> int:
    start, end = day(e.date.value if e.date else None), day(e.date.end if e.date else None)
    return (end - start).days if start and end else 0


def continues(lead: Event, later: Event) -> bool:
    """``later`` (naming no attacker) can be a further report of ``lead``'s incident: same
    type, a place and a day that fit, no victim on the attacker's side, not a place in the
    attacker's own country unless the attacker fights at home."""
    if lead.event != later.event or lead.negated or later.negated:
        return False
    if not (_place_fits(lead.eventLoc, later.eventLoc) and _day_fits(lead, later)):
        return False
    lead_src, lead_tgt = codes(lead.source), codes(lead.target)
    later_tgt = codes(later.target)
    if later_tgt & lead_src and not later_tgt & lead_tgt:
        return False
    if lead_tgt and later_tgt and not lead_tgt & later_tgt:
        return False
    where = later.eventLoc.country if later.eventLoc else None
    return not (where and where in lead_src and where not in lead_tgt)


def antecedent(events: list[Event], i: int) -> Event | None:
    """The report ``events[i]`` continues: the nearest earlier news event of its type that
    names an attacker, when no other attacker was named in between."""
    later = events[i]
    for lead in reversed(events[:i]):
        if lead.background or lead.event != later.event or not named(lead.source):
            continue
        return lead if continues(lead, later) else None
    return None


def fill_from(lead: Event, later: Event) -> Event:
    trace = list(later.trace)
    changes: dict[str, object] = {"source": lead.source}
    trace.append("story.fill_source_from_lead")
    if not later.target and lead.target:
        changes["target"] = lead.target
        trace.append("story.fill_target_from_lead")
    if later.eventLoc is None and lead.eventLoc is not None:
        changes["eventLoc"] = lead.eventLoc
        trace.append("story.fill_place_from_lead")
    if (later.date is None or later.date.resolution == "publication_date") and lead.date is not None \
            and lead.date.resolution in ("exact", "approximate"):
        changes["date"] = lead.date
        trace.append("story.fill_date_from_lead")
    return replace(later, trace=tuple(trace), **changes)  # type: ignore[arg-type]


def fill_story(events: list[Event]) -> list[Event]:
    """Events of the article in text order, sourceless attacks filled from the incident they
    continue."""
    out = list(events)
    for i, ev in enumerate(out):
        if ev.event not in FILLED_TYPES or ev.background or named(ev.source):
            continue
        lead = antecedent(out, i)
        if lead is not None:
            out[i] = fill_from(lead, ev)
    return out


