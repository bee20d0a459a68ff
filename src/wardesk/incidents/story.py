"""Within one article: a report that does not say where (the toll update, the rescue paragraph,
the caption, the quote) belongs to the incident of the nearest report of its type in the same
article that does — before it first, else after it — unless something vetoes the pair.

The anchors of an article depend on its own reports only, so they are the same whatever else is
stored and in whatever order articles arrive; the store keeps each (events.anchor) and links the
two reports. A report with an anchor joins other articles' reports through it, not by itself:
its words alone would otherwise bridge incidents it only resembles. A report whose words say it
is another incident ("in a separate strike", "elsewhere": Report.apart) hangs on nothing before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from wardesk.incidents.report import Key, Report
from wardesk.incidents.rule import (
    Rule,
    default_rule,
    names_elsewhere,
    overlap,
    place_agreement,
    sides,
)

# statuses that may tell one incident: done (or denied), under way, to come
_STATUS_FAMILY = {"occurred": "done", "denied": "done", "planned": "later",
                  "hypothetical": "later"}


def _fits(r: Report, lead: Report, rule: Rule) -> bool:
    """No veto between a vague report and a candidate lead of the same article."""
    if r.type != lead.type or r.background != lead.background or r.period or lead.period:
        return False
    if r.unresolved or lead.unresolved:  # "days later, a roadside bomb ...": another time
        return False
    if _STATUS_FAMILY.get(r.status, r.status) != _STATUS_FAMILY.get(lead.status, lead.status):
        return False  # "has been fighting an insurgency" is not the attack of the lead
    if r.day is None or lead.day is None:
        return False
    gap = abs((r.day - lead.day).days)
    if gap > rule.max_day_gap and not _follow_up(r, lead, gap, rule):
        return False
    if gap and r.dated and lead.dated and not (r.night or lead.night):
        return False
    if names_elsewhere(r, lead) or names_elsewhere(lead, r):
        return False  # its words name another town than the lead's
    return place_agreement(r.place, lead.place, rule) is not None \
        and None not in sides(r, lead, rule)


def _follow_up(r: Report, lead: Report, gap: int, rule: Rule) -> bool:
    """A report dated only by its publication a few days after a dated report of its article
    (or the other way round): the toll update or account of that incident, written days on
    ("At least 21 passengers died in the attack" in a story about Tuesday's hijacking); for
    the types whose tolls and accounts come days on (rule.json "follow_up_types")."""
    if r.type not in rule.follow_up_types:
        return False  # a statement days on is another statement; a toll is the attack's
    later, earlier = (r, lead) if r.day > lead.day else (lead, r)  # type: ignore[operator]
    return gap <= rule.late_gap and not later.dated and earlier.dated


def _rank(r: Report) -> int:
    """How precisely a report says where: 2 a local place, 1 a region or country, 0 none."""
    if r.place is None:
        return 0
    return 2 if r.place.level == "local" else 1


def anchors(reports: Sequence[Report], rule: Rule | None = None) -> dict[Key, Key]:
    """For each report of one article that does not name a local place: the report it hangs
    on — among those of its type that fit, the one it shares most words with, then the nearest
    before it, else the nearest after it that names a local place."""
    rule = rule or default_rule()
    found: dict[Key, Key] = {}
    for r in reports:
        if _rank(r) == 2:
            continue
        start = r.evidence_start or 0
        best: tuple[int, int, Key] | None = None
        for lead in reports:
            if lead.key == r.key or lead.key[0] != r.key[0] or not _fits(r, lead, rule):
                continue
            at = lead.evidence_start or 0
            before = not (at > start or (at == start and lead.key > r.key))
            if before and r.apart:  # "in a separate strike": not the incident told before
                continue
            if not before:  # after it: only a better one (a local place; for a report told
                # apart, which hangs on nothing before it, one that says more of where)
                if _rank(lead) < 2 and not (r.apart and _rank(lead) > _rank(r)):
                    continue
                distance = 2 * (at - start) + 1
            elif _rank(lead) < _rank(r):  # a region never hangs on a report saying less
                continue
            else:
                distance = start - at
            shared = -round(overlap(r, lead) * 10)  # the lead it shares most words with
            if best is None or (shared, distance, lead.key) < best:
                best = (shared, distance, lead.key)
        if best is not None:
            found[r.key] = best[2]
    return found
