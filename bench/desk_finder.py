"""Timing of the statements and search pages on a filled store (bench/store_generate.py makes
one): p50/p95 per query through the real app (answer cache off), HTML page and JSON twin.

    python bench/desk_finder.py --db build/bench/store.db [--runs 10]

Words and speakers are drawn from the store (frequent and rare), so a query is neither always
the easy case nor the worst. Exit status 1 when a p95 is over the target (300 ms a page).
"""

from __future__ import annotations

import argparse
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
    words = [w.strip(".,()") for t in titles + said if t for w in t.split() if len(w) > 4]
    return {"speakers": speakers, "names": [n.split()[-1] for n in names if n],
            "words": words or ["ceasefire"], "rare": [rng.choice(words) + "zq" for _ in range(5)]}


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
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    drawn = samples(args.db, rng)
    times: dict[str, list[float]] = {}
    with TestClient(create_app(args.db, Settings(db=args.db), cache=False)) as client:
        for url in queries(drawn, random.Random(0)).values():  # warm-up: templates, caches
            client.get(url)
        for _ in range(args.runs):
            for name, url in queries(drawn, rng).items():
                start = time.perf_counter()
                answer = client.get(url)
                times.setdefault(name, []).append((time.perf_counter() - start) * 1000)
                assert answer.status_code == 200, (url, answer.status_code)
    ok = True
    for name, ms in times.items():
        ms.sort()
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        ok &= p95 <= TARGET_MS
        print(f"{name:26} p50 {statistics.median(ms):7.1f} ms  p95 {p95:7.1f} ms"
              f"{'' if p95 <= TARGET_MS else '  OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
