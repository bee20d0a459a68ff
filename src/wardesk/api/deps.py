"""Request dependencies shared by the JSON routes and the pages: a store handle and the filters."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from pydantic import AfterValidator

from wardesk.settings import Settings
from wardesk.store import EventFilter, Store
from wardesk.store.filters import day_problem


class StorePool:
    """Open store handles kept between requests (opening one costs ~1.5 ms). A handle serves one
    request at a time; SQLite in WAL mode starts a fresh read transaction for each statement
    outside a transaction, so a kept handle sees every commit made since."""

    def __init__(self, path: str, keep: int = 32) -> None:
        self.path = path
        self.keep = keep
        self._idle: list[Store] = []
        self._lock = threading.Lock()

    def take(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return Store(self.path)

    def give_back(self, store: Store) -> None:
        # PostgreSQL handles are not kept (their transaction state differs); a SQLite handle
        # inside a transaction would hold an old snapshot
        if store.dialect != "sqlite" or store.connection.in_transaction:
            store.close()
            return
        with self._lock:
            if len(self._idle) < self.keep:
                self._idle.append(store)
                return
        store.close()

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for store in idle:
            store.close()


def open_store(request: Request) -> Iterator[Store]:
    """A store handle for one request, from the app's pool; back to the pool afterwards."""
    pool: StorePool = request.app.state.store_pool
    store = pool.take()
    try:
        yield store
    finally:
        pool.give_back(store)


def app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[Store, Depends(open_store)]

MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000_000  # far past any store; bigger ints overflow SQLite (a 500)


def _real_day(value: str | None) -> str | None:
    """The one date check of every route (the store's own): 2025-02-30 has the shape of a date
    but is none, a 422 that says so; "" (a page's empty form field) is no date."""
    if value:
        problem = day_problem(value)
        if problem:
            raise ValueError(problem)
    return value or None


Day = Annotated[str | None, Query(description="A date, YYYY-MM-DD",
                                  json_schema_extra={"format": "date"}),
                AfterValidator(_real_day)]
FormDay = Day  # pages and the API check dates alike


def event_filter(
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. ASSAULT")] = None,
    quad: Annotated[
        str | None, Query(description="Quad class, e.g. material_conflict")
    ] = None,
    actor: Annotated[str | None, Query(description="Actor id as source or target")] = None,
    country: Annotated[
        str | None, Query(description="ISO alpha-3 of a source/target actor or the place")
    ] = None,
    status: Annotated[
        str | None, Query(description="occurred|ongoing|planned|hypothetical|denied")
    ] = None,
    certainty: Annotated[
        str | None, Query(description="confirmed|reported|claimed|hedged|speculative")
    ] = None,
    since: Annotated[str | None, Query(description="Earliest date, YYYY-MM-DD"),
                     AfterValidator(_real_day)] = None,
    until: Annotated[str | None, Query(description="Latest date, YYYY-MM-DD"),
                     AfterValidator(_real_day)] = None,
    place: Annotated[str | None, Query(description="Place name of the event")] = None,
    text: Annotated[str | None, Query(description="Words in the evidence sentence")] = None,
    article_id: Annotated[str | None, Query(description="Only events of this article")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")] = 0,
    sort: Annotated[
        str | None, Query(description="Sort order, e.g. date or -date (newest first)")
    ] = None,
) -> EventFilter:
    """The event filter from query parameters (the same for /api/events, downloads and pages)."""
    values: dict[str, Any] = {
        "type": type or None, "quad": quad or None, "actor": actor or None,
        "country": country or None, "status": status or None, "certainty": certainty or None,
        "since": since or None, "until": until or None, "place": place or None,
        "text": text or None, "article_id": article_id or None, "limit": limit, "offset": offset,
    }
    if sort:
        values["sort"] = sort
    return EventFilter(**values)


FilterDep = Annotated[EventFilter, Depends(event_filter)]


def filter_params(f: EventFilter) -> dict[str, str]:
    """The non-empty filter fields as query parameters (for links and download URLs)."""
    keys = ("type", "quad", "actor", "country", "status", "certainty", "since", "until",
            "place", "text", "article_id")
    params = {k: str(getattr(f, k)) for k in keys if getattr(f, k, None)}
    if f.sort and f.sort != "date":
        params["sort"] = f.sort
    return params
