"""Cuts an article's text into highlight segments from the record's character offsets.

Segments carry plain text and class names only; templates escape the text, so a hostile
article can never inject markup through a highlight.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: what kind of thing it is and a short label for its tooltip."""

    start: int
    end: int
    kind: str  # actor | event | statement | date | loaded | evidence
    label: str = ""


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kinds: tuple[str, ...] = ()
    label: str = ""

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)


def marks_from_record(record: dict[str, Any]) -> list[Mark]:
    """Every span of a record (as SCHEMA.md JSON) that the article page highlights."""
    marks: list[Mark] = []
    for actor in record.get("actors") or []:
        for m in actor.get("mentions") or []:
            marks.append(Mark(m["start"], m["end"], "actor", actor.get("name") or ""))
    for event in record.get("events") or []:
        ev = event.get("evidence") or {}
        if "start" in ev:
            marks.append(Mark(ev["start"], ev["end"], "event", event.get("event") or ""))
    for st in record.get("statements") or []:
        marks.append(Mark(st["start"], st["end"], "statement", st.get("speakerText") or ""))
    for d in record.get("dates") or []:
        marks.append(Mark(d["start"], d["end"], "date", d.get("value") or ""))
    tone = (record.get("article") or {}).get("tone") or {}
    for term in tone.get("loaded_terms") or []:
        marks.append(Mark(term["start"], term["end"], "loaded", term.get("category") or ""))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text split at every mark boundary; each piece knows which marks cover it.

    Offsets out of range or empty are dropped rather than trusted.
    """
    size = len(text)
    valid = [m for m in marks if isinstance(m.start, int) and isinstance(m.end, int)
             and 0 <= m.start < m.end <= size]
    cuts = sorted({0, size, *(m.start for m in valid), *(m.end for m in valid)})
    pieces: list[Segment] = []
    for lo, hi in itertools.pairwise(cuts):
        covering = [m for m in valid if m.start <= lo and hi <= m.end]
        kinds = tuple(sorted({m.kind for m in covering}))
        label = "; ".join(sorted({f"{m.kind}: {m.label}" for m in covering if m.label}))
        pieces.append(Segment(text[lo:hi], kinds, label))
    return pieces
