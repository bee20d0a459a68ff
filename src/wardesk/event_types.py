"""The table of PLOVER event types and their properties (data/event_types.json), read by every
stage instead of sets of type names in code: quad class, the flags that rules test ("a place
can be the target", "may become an ACLED row" …), the brief's weights and the threat modes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: str
    flags: frozenset[str]
    brief_weight: int = 1
    threat_mode: str | None = None


@dataclass(frozen=True, slots=True)
class EventTypeTable:
    types: tuple[EventType, ...]  # in the schema's order
    aliases: dict[str, str]
    flag_notes: dict[str, str]
    brief_meetings: tuple[str, ...]

    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.types)

    def get(self, name: str) -> EventType | None:
        return next((t for t in self.types if t.name == name), None)


@lru_cache(maxsize=1)
def event_type_table() -> EventTypeTable:
    raw = json.loads(resources.files("wardesk").joinpath("data/event_types.json").read_text("utf-8"))
    types = tuple(
        EventType(name, row["quad"], frozenset(row.get("flags", ())), int(row.get("brief_weight", 1)),
                  row.get("threat_mode"))
        for name, row in raw["types"].items()
    )
    unknown = {f for t in types for f in t.flags} - set(raw["flags"])
    if unknown:
        raise ValueError(f"event_types.json: flags without a note: {sorted(unknown)}")
    return EventTypeTable(types, dict(raw["aliases"]), dict(raw["flags"]), tuple(raw["brief_meetings"]))


def types_with(flag: str) -> frozenset[str]:
    """The names of the types that carry ``flag``; an unknown flag is an error, not an empty set."""
    table = event_type_table()
    if flag not in table.flag_notes:
        raise KeyError(f"no event-type flag {flag!r}")
    return frozenset(t.name for t in table.types if flag in t.flags)


def types_of_quad(*quads: str) -> frozenset[str]:
    return frozenset(t.name for t in event_type_table().types if t.quad in quads)


def quad_classes() -> dict[str, str]:
    return {t.name: t.quad for t in event_type_table().types}


def threat_modes() -> dict[str, str]:
    return {t.name: t.threat_mode for t in event_type_table().types if t.threat_mode}


def brief_weights() -> dict[str, int]:
    return {t.name: t.brief_weight for t in event_type_table().types}
