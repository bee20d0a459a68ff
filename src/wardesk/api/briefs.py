"""The situation brief, computed once per store state: `/`, `/brief` and `/api/brief` share it.

Keyed by the store's change marker that the answer cache puts on the request, so a brief is
never older than the store; without a marker (no cache, PostgreSQL) it is computed each time.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import TYPE_CHECKING

from wardesk.brief import Brief, make_brief

if TYPE_CHECKING:
    from fastapi import Request

    from wardesk.store import Store

_KEEP = 32
_briefs: dict[tuple[int, str | None, str | None, str], Brief] = {}
_lock = threading.Lock()


def store_marker(request: Request) -> int | None:
    """The change marker the answer cache read when this request came in, if any."""
    marker = getattr(request.state, "store_marker", None)
    return marker if isinstance(marker, int) else None


def current_brief(request: Request, store: Store, since: str | None = None,
                  until: str | None = None) -> Brief:
    """``make_brief(store, since, until)``, reused while the store is unchanged."""
    marker = store_marker(request)
    if marker is None:
        return make_brief(store, since=since, until=until)
    # the day too: the default window ("the last week") moves at midnight
    key = (marker, since, until, dt.date.today().isoformat())
    with _lock:
        found = _briefs.get(key)
    if found is not None:
        return found
    brief = make_brief(store, since=since, until=until)
    with _lock:
        for old in [k for k in _briefs if k[0] != marker]:
            del _briefs[old]  # an older store state is never asked for again
        if len(_briefs) >= _KEEP:
            _briefs.pop(next(iter(_briefs)))
        _briefs[key] = brief
    return brief
