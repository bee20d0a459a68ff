"""Load test of the API on loopback: N concurrent clients for T seconds of mixed queries while an
ingest writes to the same store. Prints throughput, p50/p99 latency and errors; writes JSON.

    .venv/bin/python scripts/load_test.py --db build/load.db --clients 200 --seconds 60

Only ever targets 127.0.0.1; the request loop is bounded in time and stops by itself.
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


async def client(base: str, until: float, lat: list[float], errors: list[str], seed: int) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < until:
            path = rng.choice(QUERIES)
            start = time.perf_counter()
            try:
                r = await http.get(path)
                if r.status_code != 200:
                    errors.append(f"{path}: HTTP {r.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{path}: {type(exc).__name__}")
            lat.append(time.perf_counter() - start)


def wait_up(base: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("server did not come up")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default="build/load.db")
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared/corpus/voa_stories.jsonl"))
    args = ap.parse_args()
    Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    wardesk = [sys.executable, "-m", "wardesk.cli", "--db", args.db, "--quiet"]
    subprocess.run([*wardesk, "ingest", str(ROOT / "samples")], check=False)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*wardesk, "serve", "--port", str(port)], stderr=subprocess.DEVNULL)
    ingest = None
    try:
        wait_up(base)
        ingest = subprocess.Popen([*wardesk, "ingest", args.corpus], stderr=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL)
        lat: list[float] = []
        errors: list[str] = []
        until = time.monotonic() + args.seconds
        started = time.monotonic()

        async def run_all() -> None:
            await asyncio.gather(*(client(base, until, lat, errors, i) for i in range(args.clients)))

        asyncio.run(run_all())
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        if ingest and ingest.poll() is None:
            ingest.terminate()
    lat.sort()
    result = {
        "clients": args.clients, "seconds": round(elapsed, 1), "requests": len(lat),
        "throughput_rps": round(len(lat) / elapsed, 1),
        "p50_ms": round(1000 * statistics.median(lat), 1) if lat else None,
        "p99_ms": round(1000 * lat[int(0.99 * (len(lat) - 1))], 1) if lat else None,
        "errors": len(errors), "error_samples": errors[:10], "cores": os.cpu_count(),
    }
    out = ROOT / "build" / "load" / f"{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
