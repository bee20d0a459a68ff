"""Shared by the robustness tests: run `wardesk` as a real subprocess, pick a free loopback port,
wait for a served desk, and write small corpora (from the VOA stories, read in place)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx


def wardesk(db: Path, *args: str, env: dict[str, str] | None = None,
            **popen: Any) -> subprocess.Popen[bytes]:
    """A `wardesk --db DB --quiet ARGS…` subprocess (stdout/stderr captured unless given)."""
    popen.setdefault("stdout", subprocess.PIPE)
    popen.setdefault("stderr", subprocess.PIPE)
    return subprocess.Popen(
        [sys.executable, "-m", "wardesk.cli", "--db", str(db), "--quiet", *args],
        env={**os.environ, **(env or {})}, **popen,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(base: str, server: subprocess.Popen[bytes], timeout: float = 90) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if server.poll() is not None:
            raise AssertionError(f"server exited with {server.returncode}")
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("server did not come up")


def corpus(shared_dir: Path, out: Path, first: int, count: int) -> list[dict[str, Any]]:
    """Stories first..first+count of the VOA corpus, written to ``out`` as JSON Lines."""
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text().splitlines()
    chosen = [json.loads(x) for x in lines[first:first + count]]
    out.write_text("".join(json.dumps(x) + "\n" for x in chosen))
    return chosen
