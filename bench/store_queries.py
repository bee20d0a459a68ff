"""Query benchmark of a filled wardesk store (bench/store_generate.py makes one): p50/p95 of the
queries behind the desk's pages, against the targets of the "Speed and scale" issue.

    python bench/store_queries.py --db build/bench/store.db [--runs 20] [--json out.json]

Filter values are drawn from the store itself — frequent and rare actors, countries and types,
date ranges of a week to a quarter — so a query is neither always the easy case nor the worst.
Exit status 1 when a group misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from wardesk.store import EventFilter, Store
from wardesk.store import stats as store_stats

TARGETS_MS = {"events": 100, "count": 100, "search": 200, "overview": 500, "positions": 200,
              "incidents": 50, "desk": 300}


def _column(store: Store, sql: str) -> list[Any]:
    return [row[0] for row in store.connection.execute(sql)]


class Samples:
    """Filter values taken from the store: the most frequent and a spread of rarer ones."""

    def __init__(self, store: Store, rng: random.Random) -> None:
        self.rng = rng
        top = ("SELECT {col}, COUNT(*) AS n FROM {table} WHERE {col} IS NOT NULL"
               " GROUP BY {col} ORDER BY n DESC LIMIT 200")
        self.actors = _column(store, top.format(col="actor_id", table="event_actors"))
        self.countries = _column(store, top.format(col="code", table="event_actors"))
        self.types = _column(store, top.format(col="type", table="events"))
        self.names = [row[0].split()[-1] for row in store.connection.execute(
            "SELECT name FROM actors WHERE kind = 'person' LIMIT 200")]
        self.issues = _column(store, top.format(col="issue", table="positions"))
        days = _column(store, "SELECT MIN(sort_date) FROM events UNION ALL"
                              " SELECT MAX(sort_date) FROM events")
        self.first, self.last = days[0][:10], days[1][:10]
        words = _column(store, "SELECT title FROM articles LIMIT 500")
        self.words = [w.strip(".,()") for t in words if t for w in t.split() if len(w) > 4]

    def pick(self, values: list[Any]) -> Any:
        # half the time one of the ten most frequent, else any of the 200
        return self.rng.choice(values[:10] if self.rng.random() < 0.5 else values)

    def span(self) -> tuple[str, str]:
        from datetime import date, timedelta

        first, last = date.fromisoformat(self.first), date.fromisoformat(self.last)
        length = self.rng.choice((7, 30, 91))
        start = first + timedelta(days=self.rng.randrange(max(1, (last - first).days - length)))
        return start.isoformat(), (start + timedelta(days=length)).isoformat()


def event_filters(s: Samples) -> list[tuple[str, Callable[[], EventFilter]]]:
    def dated(**kw: Any) -> EventFilter:
        since, until = s.span()
        return EventFilter(since=since, until=until, **kw)

    return [
        ("all", lambda: EventFilter()),
        ("all newest", lambda: EventFilter(sort="-date")),
        ("actor id", lambda: EventFilter(actor=s.pick(s.actors))),
        ("actor name", lambda: EventFilter(actor=s.pick(s.names))),
        ("country", lambda: EventFilter(country=s.pick(s.countries))),
        ("country newest", lambda: EventFilter(country=s.pick(s.countries), sort="-date")),
        ("type", lambda: EventFilter(type=s.pick(s.types))),
        ("dates", lambda: dated()),
        ("type+country", lambda: EventFilter(type=s.pick(s.types), country=s.pick(s.countries))),
        ("actor+dates", lambda: dated(actor=s.pick(s.actors))),
        ("country+type+dates", lambda: dated(country=s.pick(s.countries), type=s.pick(s.types))),
        ("status+certainty", lambda: EventFilter(status="planned", certainty="claimed")),
        ("page 5", lambda: EventFilter(country=s.pick(s.countries), offset=400)),
    ]


class Took(float):
    """Wall-clock milliseconds, with the CPU milliseconds of this process (``cpu``): on a busy
    machine the wall time includes waiting for a core; the CPU time does not (on PostgreSQL it
    leaves out the server's work)."""

    cpu: float = 0.0

    def __new__(cls, wall: float, cpu: float) -> Took:
        took = super().__new__(cls, wall)
        took.cpu = cpu
        return took

    def __add__(self, other: Any) -> Took:
        return Took(float(self) + float(other), self.cpu + getattr(other, "cpu", 0.0))


def timed(run: Callable[..., Any], *args: Any, **kwargs: Any) -> Took:
    started, cpu = time.perf_counter(), time.process_time()
    run(*args, **kwargs)
    return Took((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)


def overview(store: Store, f: EventFilter) -> None:
    """What /api/stats computes."""
    store.counts()
    store_stats.overview(store, f)


def measure(store: Store, runs: int, seed: int,
            only: str | None = None) -> dict[str, dict[str, dict[str, float]]]:
    rng = random.Random(seed)
    s = Samples(store, rng)
    groups: dict[str, dict[str, list[float]]] = {g: {} for g in TARGETS_MS}
    if only is not None:  # some groups alone: the desk's pages (issue 14), incidents (12)
        wanted = only.split(",")
        if "incidents" in wanted:
            incidents(store, s, runs, groups["incidents"])
        if "desk" in wanted:
            desk_pages(store, s, runs, groups["desk"])
        return {g: {name: summary(times) for name, times in groups[g].items()}
                for g in wanted if groups.get(g)}
    for name, make in event_filters(s):
        for _ in range(runs):
            f = make()
            groups["events"].setdefault(name, []).append(timed(store.events, f))
            groups["count"].setdefault(name, []).append(timed(store.count_events, f))
    for _ in range(runs):
        one, two = rng.choice(s.words), rng.choice(s.words)
        for name, q in (("one word", one), ("two words", f"{one} {two}"),
                        ("prefix", f"{one[:4]}*"), ("common word", "officials")):
            groups["search"].setdefault(name, []).append(timed(store.articles, q))
    for name, make in (("everything", lambda: EventFilter(limit=None)),
                       ("country", lambda: EventFilter(country=s.pick(s.countries), limit=None)),
                       ("type+dates", lambda: EventFilter(type=s.pick(s.types),
                                                         since=s.span()[0], limit=None))):
        for _ in range(max(3, runs // 4)):
            f = make()
            groups["overview"].setdefault(name, []).append(timed(overview, store, f))
            groups["overview"].setdefault(f"facets {name}", []).append(
                timed(store_stats.facets, store, f))
    for _ in range(runs):
        party, issue = rng.choice(s.countries[:20]), rng.choice(s.issues)
        groups["positions"].setdefault("country+issue", []).append(
            timed(store.positions, actor=party, issue=issue))
        actor = s.pick(s.actors)
        groups["positions"].setdefault("actor", []).append(
            timed(store.positions, actor=actor))
        groups["positions"].setdefault("actor page", []).append(
            timed(store.positions, actor=actor, limit=100))
    incidents(store, s, runs, groups["incidents"])
    desk_pages(store, s, runs, groups["desk"])
    return {g: {name: summary(times) for name, times in rows.items()} for g, rows in groups.items()}


def desk_pages(store: Store, s: Samples, runs: int, out: dict[str, list[float]]) -> None:
    """The views behind the map, trends, incidents/events lists and board (issue 14)."""
    from wardesk.api import eventlist, incidentlist
    from wardesk.api.board import board_view
    from wardesk.api.desk import map_view
    from wardesk.api.trends import changes_view, trends_view

    kinds: list[tuple[str, Callable[[], Any]]] = [
        ("map incidents", lambda: map_view(store, EventFilter())),
        ("map incidents country", lambda: map_view(store, EventFilter(country=s.pick(s.countries)))),
        ("map reports type", lambda: map_view(store, EventFilter(type=s.pick(s.types)), "reports")),
        ("trends week type", lambda: trends_view(store)),
        ("trends week reports", lambda: trends_view(store, count="reports")),
        ("trends month country", lambda: trends_view(store, unit="month", by="country")),
        ("trends week actor", lambda: trends_view(store, by="actor")),
        ("what changed", lambda: changes_view(store)),
        ("what changed reports", lambda: changes_view(store, count="reports")),
        ("events list", lambda: eventlist.list_view(store, {})),
        ("events page no recaps", lambda: eventlist.list_view(store, {}, background=False)),
        ("events type no recaps", lambda: eventlist.list_view(
            store, {"type": [s.pick(s.types)]}, background=False)),
        ("events 2 types+country", lambda: eventlist.list_view(store, {
            "type": s.types[:2], "country": [s.pick(s.countries)]})),
        ("incidents list", lambda: incidentlist.list_view(store, {})),
        ("incidents 2 types+dates", lambda: incidentlist.list_view(store, {
            "type": s.types[:2], "since": [s.span()[0]]})),
        ("board", lambda: board_view(store)),
    ]
    for name, run in kinds:
        for _ in range(max(3, runs // 2)):
            out.setdefault(name, []).append(timed(run))


def incidents(store: Store, s: Samples, runs: int, group: dict[str, list[float]]) -> None:
    """A page of incidents newest first (as /api/incidents: with its total), filtered by
    type or country, and one incident with its reports (issue 12: < 50 ms p95)."""
    start = f"inc-{s.rng.randrange(16**4):04x}"  # 200 ids from a random point
    ids = [r[0] for r in store.connection.execute(
        "SELECT id FROM incidents WHERE id >= ? ORDER BY id LIMIT 200", [start])]
    pages = (("page", lambda: EventFilter()), ("page type", lambda: EventFilter(
        type=s.pick(s.types))), ("page country", lambda: EventFilter(country=s.pick(s.countries))))
    for _ in range(runs):
        for name, make in pages:
            f = make()
            group.setdefault(name, []).append(
                timed(store.incidents, f) + timed(store.count_incidents, f))
        if ids:
            group.setdefault("one", []).append(timed(store.incident, s.rng.choice(ids)))


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    cpu = sorted(getattr(t, "cpu", 0.0) for t in times)
    at = min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))
    return {"p50": round(statistics.median(ordered), 1), "p95": round(ordered[at], 1),
            "max": round(ordered[-1], 1), "n": len(ordered),
            "cpu_p50": round(statistics.median(cpu), 1), "cpu_p95": round(cpu[at], 1)}


def report(results: dict[str, dict[str, dict[str, float]]]) -> bool:
    ok = True
    for group, rows in results.items():
        target = TARGETS_MS[group]
        print(f"\n{group} (target p95 < {target} ms)")
        for name, r in rows.items():
            miss = r["p95"] >= target and not name.startswith("facets")
            ok &= not miss
            flag = "  MISS" if miss else ""
            print(f"  {name:<22} p50 {r['p50']:>8.1f}  p95 {r['p95']:>8.1f}  max {r['max']:>8.1f}"
                  f"  ms{flag}  (CPU p50 {r['cpu_p50']:.1f} p95 {r['cpu_p95']:.1f})")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="store path or postgresql:// URL")
    parser.add_argument("--runs", type=int, default=20, help="runs per query kind")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--json", help="also write the figures here")
    parser.add_argument("--group", choices=["desk", "incidents", "incidents,desk"],
                        help="measure only this group (or these)")
    args = parser.parse_args(argv)
    load = [os.getloadavg()]  # the machine may be shared: the figures say how busy it was
    with Store(args.db) as store:
        counts = store.counts()
        print(f"store: {args.db} ({store.dialect}) {counts}")
        results = measure(store, args.runs, args.seed, args.group)
    load.append(os.getloadavg())
    ok = report(results)
    print(f"\nload average (1, 5, 15 min) before {load[0]}, after {load[1]}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump({"db": args.db, "counts": counts, "load_average": load,
                       "results": results}, out, indent=1)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
