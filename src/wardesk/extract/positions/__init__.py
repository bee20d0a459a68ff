"""Positions: demands, offers, refusals and conditions stated by an actor on an issue."""

from wardesk.extract.positions.stances import find_positions

__all__ = ['find_positions']
