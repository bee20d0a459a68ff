"""Events: predicates, their roles, status and checks, built into PLOVER events."""

from wardesk.extract.events.build import find_events

__all__ = ['find_events']
