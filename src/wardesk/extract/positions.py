"""Positions: demands, offers, refusals and support on negotiation issues (placeholder)."""

from __future__ import annotations

from wardesk.extract.layers import Layers
from wardesk.records import Position


def find_positions(layers: Layers) -> tuple[Position, ...]:
    return ()
