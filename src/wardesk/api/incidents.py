"""The incidents API: one real-world event each, with every report of it (docs/incidents.md)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query

from wardesk.api.deps import FilterDep, StoreDep

router = APIRouter(prefix="/api", tags=["read"])

Background = Annotated[bool, Query(description="Also incidents only recaps (background) tell")]


@router.get("/incidents", summary="Incidents newest first, with the filters of events")
def list_incidents(store: StoreDep, f: FilterDep, background: Background = False) -> dict[str, Any]:
    return {"total": store.count_incidents(f, background=background), "limit": f.limit,
            "offset": f.offset, "incidents": store.incidents(f, background=background)}


@router.get("/incidents/{incident_id}", summary="One incident and all its reports")
def get_incident(store: StoreDep, incident_id: str) -> dict[str, Any]:
    found: dict[str, Any] | None = store.incident(incident_id)
    if found is None:
        raise HTTPException(status_code=404, detail="no such incident")
    return found
