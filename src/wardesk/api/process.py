"""The peace process in the JSON API: /api/proposals, /api/coalitions, /api/story (docs/process.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from wardesk.api.deps import Day, StoreDep
from wardesk.cli.process import parties_option
from wardesk.process.story import story

router = APIRouter(prefix="/api", tags=["process"])

Parties = Annotated[str | None, Query(description="Parties, ISO3 codes or actor ids: RUS,UKR")]


def proposals_view(store: Any, party: str | None, since: str | None, until: str | None,
                   kind: str | None = None) -> dict[str, Any]:
    rows = store.proposals(parties_option(party), since or None, until or None, kind or None)
    return {"party": party, "since": since, "until": until, "kind": kind, "proposals": rows}


def coalitions_view(store: Any, party: str | None, since: str | None, until: str | None) -> dict[str, Any]:
    rows = store.coalitions(parties_option(party), since or None, until or None)
    return {"party": party, "since": since, "until": until, "coalitions": rows}


def story_view(store: Any, actors: str | None, since: str | None, until: str | None,
               process: str | None = None) -> dict[str, Any]:
    return story(store, parties_option(actors), since or None, until or None, process or None)


@router.get("/proposals", summary="Proposals and every answer to them, one per proposal")
def get_proposals(store: StoreDep, party: Parties = None, since: Day = None, until: Day = None,
                  kind: Annotated[str | None, Query(description="ceasefire, energy_pause, …")] = None,
                  ) -> dict[str, Any]:
    return proposals_view(store, party, since, until, kind)


@router.get("/coalitions", summary="Coalitions: members over time, reported size, pledges")
def get_coalitions(store: StoreDep, party: Parties = None, since: Day = None,
                   until: Day = None) -> dict[str, Any]:
    return coalitions_view(store, party, since, until)


@router.get("/story", summary="The process day by day for a set of parties")
def get_story(store: StoreDep, actors: Parties = None, since: Day = None, until: Day = None,
              process: Annotated[str | None, Query(description="A proposal kind or a grouping")] = None,
              ) -> dict[str, Any]:
    return story_view(store, actors, since, until, process)
