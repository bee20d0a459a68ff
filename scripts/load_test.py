"""Load test of the desk on loopback: N concurrent clients for T seconds of mixed queries (API and
pages) while an ingest writes to the same store. Prints throughput, p50/p99 latency (overall and
per query) and errors; writes the figures as JSON under build/load/.

    .venv/bin/python scripts/load_test.py --db build/load.db --clients 200 --seconds 60

Clients are closed-loop: each sends its next request when the last one is answered, after
``--think`` seconds (default 0: as fast as the server answers, the harshest case; by Little's
law the mean latency is then clients / throughput). Only ever targets 127.0.0.1; the request
loop is bounded in time and stops by itself, and so do the server and ingest it starts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
QUERIES = [
    "/api/events?limit=50", "/api/events?type=ASSAULT", "/api/events?country=RUS&limit=20",
    "/api/events?since=2025-03-01&until=2025-03-31", "/api/articles?q=ceasefire",
    "/api/actors", "/api/statements?limit=20", "/api/positions", "/api/stats", "/api/brief",
    "/", "/events",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def client(base: str, until: float, think: float, lat: dict[str, list[float]],
                 errors: list[str], seed: int) -> None:
    rng = random.Random(seed)
    # idle connections are dropped before uvicorn's 5 s keep-alive ends: reusing one the server
    # is closing at that moment is a client-side race (a ReadError), not a server failure
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1, keepalive_expiry=3.0)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        await asyncio.sleep(rng.uniform(0, min(1.0, think or 1.0)))  # no thundering start
        while time.monotonic() < until:
            path = rng.choice(QUERIES)
            start = time.perf_counter()
            try:
                r = await http.get(path)
                if r.status_code != 200:
                    errors.append(f"{path}: HTTP {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}")
            lat[path].append(time.perf_counter() - start)
            if think:
                await asyncio.sleep(min(rng.expovariate(1 / think), until - time.monotonic()))


def run_clients(base: str, until: float, think: float, seeds: list[int]
                ) -> tuple[dict[str, list[float]], list[str]]:
    """One process's share of the clients (CLOCK_MONOTONIC is shared by all processes)."""
    lat: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []

    async def run_all() -> None:
        await asyncio.gather(*(client(base, until, think, lat, errors, i) for i in seeds))

    asyncio.run(run_all())
    return dict(lat), errors


def wait_up(base: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("server did not come up")


def percentile(values: list[float], share: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))], 1)


def figures(lat: dict[str, list[float]], errors: list[str], elapsed: float,
            args: argparse.Namespace, stored: dict[str, int]) -> dict[str, object]:
    every = [x for values in lat.values() for x in values]
    return {
        "clients": args.clients, "think_s": args.think, "seconds": round(elapsed, 1),
        "requests": len(every), "throughput_rps": round(len(every) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(every), 1) if every else None,
        "p99_ms": percentile(every, 0.99),
        "errors": len(errors), "error_samples": errors[:10],
        "per_query": {q: {"n": len(v), "p50_ms": percentile(v, 0.5), "p99_ms": percentile(v, 0.99)}
                      for q, v in sorted(lat.items())},
        "articles_before": stored.get("before"), "articles_after": stored.get("after"),
        "cores": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2),
    }


def articles(base: str) -> int:
    return int(httpx.get(base + "/api/stats", timeout=30).json()["counts"]["articles"])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--db", default="build/load.db")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--procs", type=int, default=max(2, os.cpu_count() or 2),
                    help="client processes the clients are spread over")
    ap.add_argument("--think", type=float, default=0.0, help="mean seconds between a client's requests")
    ap.add_argument("--samples", default=str(ROOT / "samples"), help="ingested before the run")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/voa_stories.jsonl"),
                    help="ingested while the load runs")
    args = ap.parse_args()
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    wardesk = [sys.executable, "-m", "wardesk.cli", "--db", args.db, "--quiet"]
    subprocess.run([*wardesk, "ingest", args.samples], check=False, stdout=subprocess.DEVNULL)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*wardesk, "serve", "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ingest = None
    stored: dict[str, int] = {}
    lat: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    try:
        wait_up(base)
        stored["before"] = articles(base)
        ingest = subprocess.Popen([*wardesk, "ingest", args.corpus], stderr=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL)
        started = time.monotonic()
        until = started + args.seconds

        # clients spread over several processes: one Python process tops out at a core's worth
        # of HTTP parsing, and then measures its own queue rather than the server
        shares = [list(range(i, args.clients, args.procs)) for i in range(args.procs)]
        with ProcessPoolExecutor(args.procs) as pool:
            for part_lat, part_errors in pool.map(
                run_clients, [base] * args.procs, [until] * args.procs,
                [args.think] * args.procs, shares,
            ):
                for path, values in part_lat.items():
                    lat[path].extend(values)
                errors.extend(part_errors)
        elapsed = time.monotonic() - started
        stored["after"] = articles(base)
    finally:
        if ingest and ingest.poll() is None:
            ingest.terminate()
            ingest.wait(30)
        server.terminate()
        server.wait(30)
    result = figures(lat, errors, elapsed, args, stored)
    out = ROOT / "build" / "load" / f"{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
