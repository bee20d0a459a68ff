"""The negotiations board: issues × parties, the most active parties first (pinned ones before
them), readable party names, each cell the latest stance with its earlier changes and on whom it
is made; "what moved"; and one issue's history with the quoted words.
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

from wardesk.api.views import party_of
from wardesk.store import Store, desk


def _date(p: dict[str, Any]) -> str:
    return str(p.get("sort_date") or p.get("date") or p.get("published") or "")


def readable(party: str, names: dict[str, str]) -> str:
    """A party's name: a country's name for an ISO3 code, an actor's stored name for an id,
    else the id's last part in words ('unk/unk/the-west' → 'the west')."""
    if party in names:
        return names[party]
    countries = desk.country_names()
    if party.upper() in countries and "/" not in party:
        return countries[party.upper()]
    tail = party.rstrip("/").rsplit("/", 1)[-1]
    return tail.replace("-", " ").replace("_", " ") or party


def _names_for(store: Store, positions: list[dict[str, Any]]) -> dict[str, str]:
    ids = [str(x) for p in positions for x in (p.get("holder"), p.get("target")) if x]
    return desk.actor_names(store, ids)


def _pins(pin: str | None) -> list[str]:
    return [p.strip() for p in (pin or "").split(",") if p.strip()]


def _cell(issue: str, party: str, history: list[tuple[Any, ...]], latest: dict[str, Any],
          names: dict[str, str], stances: int) -> dict[str, Any]:
    """A cell: the latest stance, and each change of stance (from, to, day) among the
    ``history`` read (its latest stances), of ``stances`` in all. (Counting the changes of
    the whole history in one window pass took 2.3 s at 1M events: a running count is needed.)"""
    changes = [{"from": a[2], "to": b[2], "date": str(b[3])[:10]}
               for a, b in itertools.pairwise(history) if a[2] != b[2]]
    target = latest.get("target")
    return {"issue": issue, "party": party, "stance": latest.get("stance"),
            "date": latest.get("date") or latest.get("published"), "latest": latest,
            "changes": changes, "stances": stances, "target": target,
            "target_name": readable(str(target), names) if target else None}


def board_view(store: Store, pin: str | None = None, issue: str | None = None) -> dict[str, Any]:
    """Issues × parties; ``parties`` in board order: pinned, then most stances, then name.
    A bounded read: each cell's count of stances from the board's index, its latest
    ``desk.BOARD_RECENT + 1`` stances lightly (the changes marked are those among them), and
    only its latest stance in full — so the board's cost follows its cells, not its stances."""
    counts = desk.board_counts(store, issue)
    cells = desk.cells_latest(store, issue)
    latest = desk.stances_by_key(store, [(h[-1][5], int(h[-1][6])) for h in cells.values()])
    names = _names_for(store, list(latest.values()))
    activity: Counter[str] = Counter()
    issue_activity: Counter[str] = Counter()
    for i, p, n in counts:
        activity[p] += n
        issue_activity[i] += n
    pins = [p for p in _pins(pin) if p in activity]
    rest = sorted((p for p in activity if p not in pins),
                  key=lambda p: (-activity[p], readable(p, names).lower()))
    parties = [*pins, *rest]
    issues = sorted(issue_activity, key=lambda i: (-issue_activity[i], i))
    stances = {(i, p): n for i, p, n in counts}
    index = {key: _cell(*key, h, latest[(h[-1][5], int(h[-1][6]))], names, stances[key])
             for key, h in cells.items()}
    return {
        "issues": issues, "pinned": pins, "recent": desk.BOARD_RECENT,
        "parties": [{"id": p, "name": readable(p, names), "stances": activity[p],
                     "pinned": p in pins} for p in parties],
        "rows": [{"issue": i, "stances": issue_activity[i],
                  "cells": [index.get((i, p)) for p in parties]} for i in issues],
    }


def moved_view(store: Store, since: str | None = None) -> dict[str, Any]:
    """Where a party's stance changed (new, changed, dropped), newest first, with names."""
    changes = desk.position_moves(store, since)
    positions = [x for c in changes for x in (c.get("old"), c.get("new")) if x]
    names = _names_for(store, positions)
    for c in changes:
        c["party_name"] = readable(str(c.get("party")), names)
        last = c.get("new") or c.get("old") or {}
        c["date"] = _date(last)[:10]
    changes.sort(key=lambda c: c["date"], reverse=True)
    return {"since": since, "changes": changes}


def issue_view(store: Store, issue: str) -> dict[str, Any]:
    """Every stance on ``issue``, oldest first, with the party's name and the quoted words."""
    positions = sorted(store.positions(issue=issue), key=_date)
    names = _names_for(store, positions)
    for p in positions:
        p["party"] = party_of(p)
        p["party_name"] = readable(p["party"], names)
        p["target_name"] = readable(str(p["target"]), names) if p.get("target") else None
    latest = {p["party"]: i for i, p in enumerate(positions)}
    for i, p in enumerate(positions):
        p["latest_of_party"] = latest[p["party"]] == i  # the board's cell links here
    return {"issue": issue, "positions": positions}
