"""One incident, one story: a sentence of an article that continues the incident an earlier
sentence reported takes what it does not say from it — the attacker ("Russian missiles hit the
capital overnight. Two people were killed in the Darnytskyi district."), the target, the place
and the day — when nothing in it contradicts that incident."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from wardesk.extract.story.background import day
from wardesk.extract.story.cues import cues
from wardesk.records import ActorRef, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Token

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
    """The report ``events[i]`` continues: the nearest earlier event of its type that names
    an attacker, when it is news and nothing contradicts it."""
    later = events[i]
    for lead in reversed(events[:i]):
        if lead.event != later.event or not named(lead.source):
            continue
        return lead if not lead.background and continues(lead, later) else None
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


def _side(ref: ActorRef) -> tuple[str | None, str]:
    state = ref.sector in cues().state_sectors
    return ref.code or ref.actor, "state" if state else (ref.sector or "?")


def one_attacker(events: list[Event]) -> bool:
    """The article's news attacks name one side only: with two sides fighting (a siege, a
    rescue, a battle) a sentence that names no attacker could be either's."""
    sides = {_side(r) for e in events if e.event in FILLED_TYPES and not e.background
             for r in e.source if (r.code or r.actor) and r.sector != "UNK"}
    return len(sides) == 1


def _names_own_attacker(trigger: Token) -> bool:
    """"six militants who attacked a hotel": the clause has a doer of its own, just not one
    the actor table knows (a pronoun subject may still be the lead's attacker)."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    for child in trigger.children:
        if child.dep_ == "nsubj" and child.lower_ not in ("they", "it", "he", "she", "we"):
            return True
        if child.dep_ == "agent":
            return True
    return False


def _victims(trigger: Token) -> set[str]:
    return {c.lower_ for c in trigger.children if c.dep_ in ("nsubjpass", "dobj")}


def _victims_are_attackers(trigger: Token, lead: Event) -> bool:
    """"16 militants had been killed" after an armed group's attack: the group's own dead,
    killed by the other side, not by the group (an army's dead soldiers may be either side's
    in a war between states, so only fighters' words count)."""
    c = cues()
    if any(r.sector in c.state_sectors for r in lead.source):
        return False
    return bool(_victims(trigger) & c.fighter_words)


def _separate(trigger: Token) -> bool:
    """"elsewhere", "in a separate attack", "another strike": the sentence tells another incident."""
    return any(t.lower_ in cues().separate_words for t in trigger.sent)


def fill_story(events: list[Event], triggers: Mapping[str, Token | None]) -> list[Event]:
    """Events of the article in text order, sourceless attacks filled from the incident they
    continue."""
    out = list(events)
    if not one_attacker(out):
        return out
    for i, ev in enumerate(out):
        trigger = triggers.get(ev.id)
        if ev.event not in FILLED_TYPES or ev.background or named(ev.source) or trigger is None:
            continue
        if _names_own_attacker(trigger) or _separate(trigger):
            continue
        lead = antecedent(out, i)
        if lead is not None and not _victims_are_attackers(trigger, lead):
            out[i] = fill_from(lead, ev)
    return out
