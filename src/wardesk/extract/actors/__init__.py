"""Actors: names, titles, groups, pronouns and descriptions resolved to canonical actors."""

from wardesk.extract.actors.resolve import ResolvedActors, find_actors

__all__ = ['ResolvedActors', 'find_actors']
