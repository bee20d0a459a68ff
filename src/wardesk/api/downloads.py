"""Downloads of the events under the current filter: CSV, PLOVER JSON Lines, GeoJSON.
CSV and GeoJSON are one row per incident unless ``by=report``; background events only with
``background=true``.

Each is written by ``wardesk.export.write_export`` (the same code as `wardesk export`).
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from wardesk.api.deps import FilterDep, StoreDep
from wardesk.store import EventFilter, Store

router = APIRouter(prefix="/api", tags=["downloads"])

FORMATS = {  # URL suffix → (export format, media type)
    "csv": ("csv", "text/csv; charset=utf-8"),
    "plover.jsonl": ("plover", "application/x-ndjson"),
    "geojson": ("geojson", "application/geo+json"),
}


By = Annotated[Literal["incident", "report"], Query(
    description="csv/geojson: one row per incident (deaths counted once) or per report")]
Background = Annotated[bool, Query(
    description="Also include events that articles recount as past context")]


def _download(store: Store, f: EventFilter, suffix: str, by: str = "incident",
              background: bool = False) -> FileResponse:
    from wardesk.export import write_export

    fmt, media = FORMATS[suffix]
    handle, path = tempfile.mkstemp(prefix="wardesk-", suffix="." + suffix)
    os.close(handle)
    # The current filter without its paging: a download holds every matching event.
    write_export(fmt, store, dataclasses.replace(f, limit=None, offset=0), path, by=by,
                 background=background)
    return FileResponse(path, media_type=media, filename=f"events.{suffix}",
                        background=BackgroundTask(os.unlink, path))


@router.get("/events.csv", summary="The filtered incidents (by=report: events) as CSV",
            response_class=FileResponse)
def events_csv(store: StoreDep, f: FilterDep, by: By = "incident",
               background: Background = False) -> FileResponse:
    return _download(store, f, "csv", by, background)


@router.get("/events.plover.jsonl", summary="The filtered events as PLOVER JSON Lines",
            response_class=FileResponse)
def events_plover(store: StoreDep, f: FilterDep,
                  background: Background = False) -> FileResponse:
    return _download(store, f, "plover.jsonl", "report", background)


@router.get("/events.geojson", summary="The filtered, located incidents (by=report: events) as GeoJSON points",
            response_class=FileResponse)
def events_geojson(store: StoreDep, f: FilterDep, by: By = "incident",
                   background: Background = False) -> FileResponse:
    return _download(store, f, "geojson", by, background)
