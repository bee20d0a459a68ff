"""Faults: an ingest killed with SIGKILL at random moments leaves a sound store, and re-running
the same ingest completes it with no duplicates."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

KILLS = 20


def _ingest(db: Path, corpus: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "wardesk.cli", "--db", str(db), "--quiet", "ingest", str(corpus)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def _assert_sound(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    from wardesk.store import EventFilter, Store

    with Store(str(db)) as store:
        articles = store.articles(limit=10_000)
        for meta in articles:
            record = store.record(meta["id"])
            assert record is not None, f"article {meta['id']} stored without its record"
            stored = store.count_events(EventFilter(article_id=meta["id"], limit=10_000))
            assert stored == len(record.events), f"article {meta['id']} is partial"
        return len(articles)


@pytest.mark.model
@pytest.mark.slow
def test_sigkill_never_leaves_a_partial_article(shared_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text().splitlines()[:40]
    corpus.write_text("\n".join(lines) + "\n")
    db = tmp_path / "kill.db"
    rng = random.Random(20250311)
    survived = 0
    for _ in range(KILLS):
        proc = _ingest(db, corpus)
        time.sleep(rng.uniform(0.3, 4.0))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if db.exists():
            _assert_sound(db)
        survived += 1
    final = _ingest(db, corpus)
    assert final.wait(timeout=600) in (0, 1)
    count = _assert_sound(db)
    ids = {json.loads(x)["id"] for x in lines}
    assert count == len(ids), f"expected {len(ids)} articles after completion, found {count}"
    assert survived == KILLS
