"""Events: predicates over the dependency parse → PLOVER events (placeholder)."""

from __future__ import annotations

from wardesk.extract.layers import Layers
from wardesk.records import Event


def find_events(layers: Layers, article_id: str) -> tuple[Event, ...]:
    return ()
