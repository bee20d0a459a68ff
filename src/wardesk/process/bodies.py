"""Standing bodies' members with the dates they joined and left (kb/data/memberships.tsv): the
G7 on a given day, NATO before and after Finland joined."""

from __future__ import annotations

from functools import lru_cache

from wardesk.kb.loading import rows
from wardesk.process.common import data


@lru_cache(maxsize=1)
def memberships() -> tuple[tuple[str, str, str, str | None], ...]:
    """(body, member ISO3, since, until or None) rows."""
    return tuple((r[0], r[1], r[2], r[3] or None) for r in rows("memberships.tsv"))


def members_of(body: str, on: str | None = None) -> list[dict[str, str | None]]:
    """The members of ``body`` on day ``on`` (every member ever when None), in code order."""
    out = [{"code": code, "since": since, "until": until}
           for b, code, since, until in memberships() if b == body
           and (on is None or (since <= on and (until is None or on < until)))]
    return sorted(out, key=lambda m: m["code"] or "")


def body_of(name: str) -> str | None:
    """The standing body a grouping's name means ("G7", "NATO allies"), if any."""
    grouping = data("coalition_cues.json")["groupings"].get(name)
    body = grouping.get("body") if grouping else None
    return str(body) if body else None
