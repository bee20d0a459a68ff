"""The trends page's data: events per week or month by type, country or actor on a real date
axis (every bucket between the first and last, quiet ones too), each count with the link to the
events behind it; and "what changed": this week against the four before, per country and type.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any
from urllib.parse import urlencode

from wardesk.errors import UsageError
from wardesk.store import Store, desk

DEFAULT_SPAN = {"week": 26, "month": 24}  # buckets shown when no start is asked for
MAX_BUCKETS = 1000
TOP = 8  # series drawn when a chart is by country or actor


def _default_since(until: str, unit: str) -> str:
    end = dt.date.fromisoformat(until)
    if unit == "week":
        return desk.bucket((end - dt.timedelta(weeks=DEFAULT_SPAN["week"] - 1)).isoformat(), "week")
    year, month = end.year, end.month - (DEFAULT_SPAN["month"] - 1)
    while month < 1:
        year, month = year - 1, month + 12
    return dt.date(year, month, 1).isoformat()


def _events_link(start: str, end: str, by: str, series: str, country: str | None,
                 event_type: str | None, count: str = "reports") -> str:
    query = {"since": start, "until": end, "country": country or "", "type": event_type or ""}
    query[{"type": "type", "country": "country", "actor": "actor"}[by]] = series
    path = "/incidents?" if count == "incidents" else "/events?"
    return path + urlencode({k: v for k, v in query.items() if v})


def _rows(store: Store, by: str, since: str, until: str, country: str | None,
          event_type: str | None, count: str = "reports") -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Day rows {date, series, count} and the series' display names."""
    if count == "incidents" and by == "type":
        codes = [country.strip().upper()] if country else None
        return desk.incident_days(store, since, until, "type", codes, event_type), {}
    if count == "incidents" and by == "country":
        names = desk.country_names()
        codes = [country.strip().upper()] if country else desk.top_countries(store, TOP)
        return (desk.incident_days(store, since, until, "country", codes, event_type),
                {c: names.get(c, c) for c in codes})
    if by == "type":
        rows = desk.days_by_type(store, since, until, country, event_type)
        return [{"date": r["date"], "series": r["type"], "count": r["count"]} for r in rows], {}
    if by == "country":
        codes = [country.strip().upper()] if country else desk.top_countries(store, TOP)
        names = desk.country_names()
        return (desk.days_by_country(store, since, until, codes, event_type),
                {c: names.get(c, c) for c in codes})
    actors = desk.top_actors(store, TOP)
    return desk.days_by_actor(store, since, until, actors), {a["actor"]: a["name"] for a in actors}


def trends_view(store: Store, unit: str = "week", by: str = "type", since: str | None = None,
                until: str | None = None, country: str | None = None,
                event_type: str | None = None, count: str = "incidents") -> dict[str, Any]:
    """Counts per bucket and series; ``buckets`` lists every bucket of the range in order.
    ``count``: incidents (each real-world event once, recaps left out) or reports (events);
    by actor counts reports."""
    if unit not in desk.UNITS:
        raise UsageError(f"unit must be week or month, got {unit!r}")
    if count not in ("incidents", "reports"):
        raise UsageError(f"count must be incidents or reports, got {count!r}")
    count = "reports" if by == "actor" else count
    latest = desk.latest_day(store)
    until = (until or latest or dt.date.today().isoformat())[:10]
    since = (since or _default_since(until, unit))[:10]
    if since > until:
        raise UsageError(f"since ({since}) is after until ({until})")
    starts = desk.buckets_between(since, until, unit)
    if len(starts) > MAX_BUCKETS:
        raise UsageError(f"{len(starts)} {unit}s is too many to draw: use unit=month or a shorter range")
    day_rows, names = _rows(store, by, since, until, country, event_type, count)
    summed = desk.rebucket(day_rows, "series", unit)
    series_total: Counter[str] = Counter()
    bucket_total: Counter[str] = Counter()
    for (start, series), n in summed.items():
        series_total[series] += n
        bucket_total[start] += n
    order = [s for s, _ in sorted(series_total.items(), key=lambda kv: (-kv[1], kv[0]))]
    cells = [{"start": start, "end": desk.bucket_end(start, unit), "series": s,
              "count": summed[(start, s)],
              "href": _events_link(start, desk.bucket_end(start, unit), by, s, country, event_type,
                                   count)}
             for start in starts for s in order if summed.get((start, s))]
    return {
        "unit": unit, "by": by, "count": count, "since": since, "until": until, "latest": latest,
        "country": country, "type": event_type,
        "buckets": [{"start": s, "end": desk.bucket_end(s, unit), "total": bucket_total[s]}
                    for s in starts],
        "series": [{"key": s, "name": names.get(s, s), "total": series_total[s]} for s in order],
        "cells": cells,
    }


def changes_view(store: Store, week: str | None = None, count: str = "incidents") -> dict[str, Any]:
    """Per country and type: the incidents (recaps left out; ``count`` 'reports': events) of
    ``week`` (default: the latest week with events) against the mean of the four weeks before;
    large rises flagged."""
    if count not in ("incidents", "reports"):
        raise UsageError(f"count must be incidents or reports, got {count!r}")
    day = (week or desk.latest_day(store) or dt.date.today().isoformat())[:10]
    start = desk.bucket(day, "week")
    end = desk.bucket_end(start, "week")
    first = (dt.date.fromisoformat(start) - dt.timedelta(weeks=4)).isoformat()
    rows = desk.changes(store, start, count=count)
    path = "/incidents?" if count == "incidents" else "/events?"
    for r in rows:
        r["href"] = path + urlencode({"country": r["country"], "type": r["type"],
                                      "since": start, "until": end})
    what = "incidents" if count == "incidents" else "event reports"
    return {"week": start, "end": end, "count": count,
            "compared_with": [first, (dt.date.fromisoformat(start)
                                      - dt.timedelta(days=1)).isoformat()],
            "rule": f"flagged: at least 3 {what} this week and twice the mean of the four weeks"
                    " before (or none before)",
            "flagged": sum(1 for r in rows if r["flag"]), "rows": rows}
