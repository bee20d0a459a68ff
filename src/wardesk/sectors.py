"""PLOVER agent sectors (data/sectors.json): the codes and the named groups of sectors that
rules test ("interested in the fighting", "acts at home" …), read by every stage instead of
sets of sector codes in code. ``kb/data/sectors.tsv`` maps words to the same codes."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(resources.files("wardesk").joinpath("data/sectors.json").read_text("utf-8"))
    codes = set(raw["codes"])
    for name, group in raw["groups"].items():
        unknown = set(group["sectors"]) - codes
        if unknown:
            raise ValueError(f"data/sectors.json: group {name!r} names unknown sectors {sorted(unknown)}")
    return raw


def sector_codes() -> frozenset[str]:
    """Every PLOVER sector code the project knows."""
    return frozenset(_table()["codes"])


@lru_cache(maxsize=32)
def sector_group(name: str) -> frozenset[str]:
    """The sectors of one named group: ``sector_group("armed_groups")`` → {"INS", "REB"}."""
    groups = _table()["groups"]
    if name not in groups:
        raise KeyError(f"data/sectors.json has no sector group {name!r}")
    return frozenset(groups[name]["sectors"])


def group_names() -> tuple[str, ...]:
    return tuple(_table()["groups"])
