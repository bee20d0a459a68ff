"""Incidents from reports: the connected components of the merge rule (union-find), an id that
depends on the component alone, and the incident's fields summed up over its reports.

Everything here is a pure function of the reports given: the same reports in any order give
the same incidents with the same ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from wardesk.incidents.report import Key, Party, Report, Where
from wardesk.incidents.rule import Rule, same_incident
from wardesk.records import content_id

# the statuses an incident takes, most definite first (a tie goes to the earlier)
STATUS_ORDER = ("occurred", "ongoing", "planned", "hypothetical", "denied")
# an article's certainty of its own report that counts as one party's claim only
CLAIMED = frozenset({"claimed", "hedged", "speculative"})


class UnionFind:
    """Disjoint sets of event keys; a set's root is its smallest key (order independent)."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def add(self, key: Key) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: Key) -> Key:
        self.add(key)
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = (ra, rb) if ra < rb else (rb, ra)
            self.parent[high] = low

    def groups(self) -> list[list[Key]]:
        found: dict[Key, list[Key]] = {}
        for key in self.parent:
            found.setdefault(self.find(key), []).append(key)
        return sorted(sorted(g) for g in found.values())


def cluster(reports: Sequence[Report], rule: Rule | None = None) -> list[list[Report]]:
    """The incidents of ``reports``: every pair compared (for small sets: one article, the
    neighbourhood of a deletion)."""
    uf = UnionFind()
    for i, a in enumerate(reports):
        uf.add(a.key)
        for b in reports[i + 1:]:
            if uf.find(a.key) != uf.find(b.key) and same_incident(a, b, rule):
                uf.union(a.key, b.key)
    by_key = {r.key: r for r in reports}
    return [[by_key[k] for k in group] for group in uf.groups()]


def incident_id(keys: Iterable[Key]) -> str:
    """The id of the incident made of these events: from its smallest event key."""
    article, event = min(keys)
    return "inc-" + content_id("incident", article, event)


def _day(r: Report) -> str | None:
    if r.day is not None:
        return r.day.isoformat()
    return r.period[1] if r.period else None


def _date(reports: Sequence[Report]) -> dict[str, Any] | None:
    """The day most reports give (their own dates before publication days; a tie: the
    earliest), else the period most give."""
    for pool in ([r for r in reports if r.day is not None and r.dated],
                 [r for r in reports if r.period is not None],
                 [r for r in reports if r.day is not None]):
        if pool:
            counted = Counter((r.period[0] if r.period else "day", _day(r)) for r in pool)
            (granularity, value), _ = min(counted.items(), key=lambda kv: (-kv[1], kv[0][1]))
            return {"value": value, "granularity": granularity}
    return None


_LEVEL = {"local": 0, "region": 1, "country": 2}


def _place(reports: Sequence[Report]) -> Where | None:
    """The most precise place the reports give (the most named among equals)."""
    places = [r.place for r in reports if r.place is not None]
    if not places:
        return None
    counted = Counter(places)
    return min(counted, key=lambda p: (_LEVEL[p.level], -counted[p], p.name, p.geonameid or 0))


def _parties(sides: Iterable[tuple[Party, ...]]) -> list[dict[str, Any]]:
    """The actors the reports name on one side, most named first, each once."""
    counted: Counter[tuple[str, str]] = Counter()
    first: dict[tuple[str, str], Party] = {}
    for side in sides:
        for p in side:
            key = (p.actor or "", p.text.lower() if not p.actor else "")
            counted[key] += 1
            if key not in first or (p.text, p.code or "") < (first[key].text, first[key].code or ""):
                first[key] = p
    return [first[k].as_ref() for k in sorted(counted, key=lambda k: (-counted[k], k))]


def _range(values: Iterable[int | None]) -> dict[str, int] | None:
    found = [v for v in values if v is not None]
    return {"min": min(found), "max": max(found)} if found else None


def _status(reports: Sequence[Report]) -> str:
    """The status most reports give; a denial only when every report denies."""
    counted = Counter("denied" if r.negated else r.status for r in reports)
    asserted = {s: n for s, n in counted.items() if s != "denied"} or dict(counted)
    return min(asserted, key=lambda s: (-asserted[s],
                                        STATUS_ORDER.index(s) if s in STATUS_ORDER else 99, s))


def publisher_of(r: Report) -> str:
    """Who published a report: the publisher's name, else its article (unknown outlets are
    never taken for one another)."""
    return (r.publisher or "").strip().lower() or f"article:{r.key[0]}"


def certainty(reports: Sequence[Report]) -> str:
    """disputed: a report denies it, or two parties' claims give different tolls; claimed:
    every report is one party's claim; corroborated: two or more publishers report it;
    reported: one publisher."""
    denied = [r for r in reports if r.negated or r.status == "denied"]
    if denied and len(denied) < len(reports):
        return "disputed"
    claims: dict[str, set[int]] = {}
    for r in reports:
        if r.attribution and r.certainty in CLAIMED and r.dead is not None:
            claims.setdefault(r.attribution, set()).add(r.dead)
    if len(claims) > 1 and len(set().union(*claims.values())) > 1:
        return "disputed"
    if all(r.certainty in CLAIMED for r in reports):
        return "claimed"
    return "corroborated" if len({publisher_of(r) for r in reports}) > 1 else "reported"


def summarise(reports: Sequence[Report]) -> dict[str, Any]:
    """The incident these reports make (SCHEMA.md "an incident", without its reports list)."""
    ordered = sorted(reports, key=lambda r: r.key)
    current = [r for r in ordered if not r.background]
    basis = current or ordered  # what the news says, before what recaps say
    published = sorted(r.published for r in ordered if r.published)
    place = _place(basis) or _place(ordered)
    return {
        "id": incident_id(r.key for r in ordered),
        "type": ordered[0].type,
        "date": _date(basis),
        "place": place.as_dict() if place else None,
        "source": _parties(r.source for r in ordered),
        "target": _parties(r.target for r in ordered),
        # the news's figures: a recap that joins ("strikes since the truce have killed 150")
        # keeps its words, but its toll is another period's or a later count
        "dead": _range(r.dead for r in basis),
        "injured": _range(r.injured for r in basis),
        "status": _status(basis),
        "certainty": certainty(ordered),
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "reports_count": len(ordered),
        "articles": len({r.key[0] for r in ordered}),
        "publishers": len({publisher_of(r) for r in ordered}),
        "current": bool(current),
    }
