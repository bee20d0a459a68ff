"""Timing of the desk's pages on a filled store (bench/store_generate.py makes one): p50/p95
per page through the real app (answer cache off), HTML pages and JSON twins — the statements
and search pages, and with --pages all every other page too (overview, map, trends, incidents
and one incident, events and one event, board, an issue, what moved, brief, actors, articles,
proposals, coalitions, story).

    python bench/desk_finder.py --db build/bench/store.db [--runs 10] [--pages all]

Words and speakers are drawn from the store (frequent and rare), so a query is neither always
the easy case nor the worst. Exit status 1 when a p95 is over the target (300 ms a page).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from wardesk.api import create_app
from wardesk.settings import Settings
from wardesk.store import Store

TARGET_MS = 300


def samples(db: str, rng: random.Random) -> dict[str, list[str]]:
    with Store(db) as store:
        conn = store.connection
        speakers = [r[0] for r in conn.execute(
            "SELECT speaker, COUNT(*) AS n FROM statements WHERE speaker IS NOT NULL"
            " GROUP BY speaker ORDER BY n DESC LIMIT 100")]
        names = [r[0] for r in conn.execute("SELECT name FROM actors LIMIT 300")]
        titles = [r[0] for r in conn.execute("SELECT title FROM articles LIMIT 300")]
        said = [r[0] for r in conn.execute("SELECT content FROM statements LIMIT 300")]
        ids = {name: [str(r[0]) for r in conn.execute(sql)] for name, sql in (
            ("incident", "SELECT id FROM incidents ORDER BY id LIMIT 200"),
            ("event", "SELECT id FROM events ORDER BY article_id LIMIT 200"),
            ("article", "SELECT id FROM articles ORDER BY id LIMIT 200"),
            ("actor", "SELECT actor_id FROM actor_keys WHERE actor_id <> ''"
                      " ORDER BY n DESC LIMIT 50"),
            ("issue", "SELECT DISTINCT issue FROM positions LIMIT 20"),
            ("country", "SELECT code FROM event_code_totals ORDER BY n DESC LIMIT 20"),
            ("type", "SELECT type FROM event_day_totals GROUP BY type ORDER BY SUM(n) DESC"))}
    words = [w.strip(".,()") for t in titles + said if t for w in t.split() if len(w) > 4]
    return {"speakers": speakers, "names": [n.split()[-1] for n in names if n],
            "words": words or ["ceasefire"], "rare": [rng.choice(words) + "zq" for _ in range(5)],
            **ids}


def pages(s: dict[str, list[str]], rng: random.Random) -> dict[str, str]:
    """Every other page of the desk, filter values drawn from the store."""
    country, etype = rng.choice(s["country"][:10]), rng.choice(s["type"][:8])
    return {
        "overview": "/",
        "map": "/map",
        "map country": "/map?" + urlencode({"country": country}),
        "trends": "/trends",
        "trends month country": "/trends?unit=month&by=country",
        "trends actor": "/trends?by=actor",
        "incidents": "/incidents",
        "incidents type+country": "/incidents?" + urlencode({"type": etype, "country": country}),
        "incident": "/incidents/" + rng.choice(s["incident"]),
        "events": "/events",
        "events 2 types+country": "/events?" + urlencode(
            [("type", s["type"][0]), ("type", s["type"][1]), ("country", country)]),
        "event": "/events/" + rng.choice(s["event"]),
        "board": "/positions",
        "issue": "/positions/issues/" + rng.choice(s["issue"]),
        "what moved": "/positions/moved",
        "brief": "/brief",
        "actors": "/actors",
        "actor": "/actors/" + rng.choice(s["actor"]),
        "articles": "/articles",
        "article": "/articles/" + rng.choice(s["article"]),
        "proposals": "/proposals",
        "coalitions": "/coalitions",
        "story": "/story",
        "api stats": "/api/stats",
        "api incidents": "/api/incidents",
    }


def queries(s: dict[str, list[str]], rng: random.Random) -> dict[str, str]:
    word, other = rng.choice(s["words"]), rng.choice(s["words"])
    return {
        "statements": "/statements",
        "statements speaker": "/statements?" + urlencode({"speaker": rng.choice(s["speakers"])}),
        "statements name": "/statements?" + urlencode({"speaker": rng.choice(s["names"])}),
        "statements country+kind": "/statements?country=RUS&kind=quote",
        "statements words": "/statements?" + urlencode({"text": word}),
        "statements rare words": "/statements?" + urlencode({"text": rng.choice(s["rare"])}),
        "statements page 40": "/statements?offset=2000",
        "search one word": "/search?" + urlencode({"q": word}),
        "search two words": "/search?" + urlencode({"q": f"{word} {other}"}),
        "search prefix": "/search?" + urlencode({"q": word[:4] + "*"}),
        "search name": "/search?" + urlencode({"q": rng.choice(s["names"])}),
        "search rare": "/search?" + urlencode({"q": rng.choice(s["rare"])}),
        "api search": "/api/search?" + urlencode({"q": word}),
        "api statements": "/api/statements?" + urlencode({"text": word, "limit": 100}),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--pages", choices=["finder", "all"], default="finder",
                        help="finder: statements and search; all: every page")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    drawn = samples(args.db, rng)
    times: dict[str, list[float]] = {}
    cpus: dict[str, list[float]] = {}  # this process's CPU: the wall time less waiting for a core
    def urls(r: random.Random) -> dict[str, str]:
        return {**queries(drawn, r), **(pages(drawn, r) if args.pages == "all" else {})}

    load = [os.getloadavg()]
    with TestClient(create_app(args.db, Settings(db=args.db), cache=False)) as client:
        for url in urls(random.Random(0)).values():  # warm-up: templates, caches
            client.get(url)
        for _ in range(args.runs):
            for name, url in urls(rng).items():
                start, cpu = time.perf_counter(), time.process_time()
                answer = client.get(url)
                times.setdefault(name, []).append((time.perf_counter() - start) * 1000)
                cpus.setdefault(name, []).append((time.process_time() - cpu) * 1000)
                assert answer.status_code == 200, (url, answer.status_code)
    ok = True
    for name, ms in times.items():
        ms.sort()
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        ok &= p95 <= TARGET_MS
        used = sorted(cpus[name])
        print(f"{name:26} p50 {statistics.median(ms):7.1f} ms  p95 {p95:7.1f} ms"
              f"{'' if p95 <= TARGET_MS else '  OVER'}  (CPU p50 {statistics.median(used):.1f}"
              f" p95 {used[min(len(used) - 1, round(0.95 * (len(used) - 1)))]:.1f})")
    print(f"load average (1, 5, 15 min) before {load[0]}, after {os.getloadavg()}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
