"""The peace process (issue 15): proposals and the answers to them, groupings and their
members, pledges — per article here, pure over the parsed Doc and the article's other record
parts; across articles in wardesk.store.process (one proposal however many reports tell it)."""

from __future__ import annotations

from dataclasses import dataclass

from wardesk.extract.layers import Layers
from wardesk.process import coalitions, proposals
from wardesk.process.pledges import find_pledges
from wardesk.process.responses import attach_responses
from wardesk.records import Coalition, Event, Pledge, Position, Proposal


@dataclass(frozen=True, slots=True)
class ProcessParts:
    proposals: tuple[Proposal, ...] = ()
    coalitions: tuple[Coalition, ...] = ()
    pledges: tuple[Pledge, ...] = ()


def find_process(layers: Layers, events: tuple[Event, ...],
                 positions: tuple[Position, ...]) -> ProcessParts:
    """The proposals, groupings and pledges of one article."""
    drafts = proposals.proposal_drafts(layers) + proposals.terms_drafts(layers, positions)
    drafts = attach_responses(layers, drafts, positions)
    groups = coalitions.find_groups(layers, events)
    pledges = tuple(find_pledges(layers, groups))
    pledged = {p.coalition for p in pledges}
    kept = [g for g in groups if g.actor or g.size or g.members or g.id in pledged]
    return ProcessParts(
        proposals=proposals.build(drafts),
        coalitions=coalitions.build(layers, kept),
        pledges=pledges,
    )


__all__ = ["ProcessParts", "find_process"]
