"""Faults: a real `wardesk ingest` killed with SIGKILL at random moments leaves a sound store
(integrity_check ok, no article without all of its rows), and re-running the same ingest
completes it with every article exactly once.

Kill moments: most kills wait until this run has stored at least one new article (so the
process is in its extract/write loop) and then a random 0-1 s more; every fifth kill lands at
a random moment of start-up instead. Batches of 2 documents spread the writes over the run, so
kills land between and during writes. Run alone: ``pytest tests/robustness -m slow -s``.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from wardesk.ingest import read_sources
from wardesk.records import Article
from wardesk.settings import Settings

KILLS = 20
STORIES = 89  # the whole corpus, so that it outlasts the kills


def _ingest(db: Path, corpus: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "wardesk.cli", "--db", str(db), "--quiet", "ingest", str(corpus)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, "WARDESK_BATCH_SIZE": "2"},
    )


def _articles(db: Path) -> int:
    """Stored articles, read as another process would while the ingest writes."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def _assert_sound(db: Path) -> set[str]:
    """integrity_check passes and every stored article has all of its event rows."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    from wardesk.store import EventFilter, Store

    with Store(str(db)) as store:
        articles = store.articles(limit=10_000)
        ids = [meta["id"] for meta in articles]
        assert len(ids) == len(set(ids)), "an article is stored twice"
        stored_events = 0
        for article_id in ids:
            record = store.record(article_id)
            assert record is not None, f"article {article_id} stored without its record"
            stored = store.count_events(EventFilter(article_id=article_id, limit=10_000))
            assert stored == len(record.events), f"article {article_id} is partial"
            stored_events += stored
        assert store.count_events(EventFilter(limit=10_000)) == stored_events, "orphan events"
        return set(ids)


def _kill_at_random_moment(db: Path, corpus: Path, rng: random.Random, startup: bool) -> str:
    before = _articles(db)
    proc = _ingest(db, corpus)
    if startup:
        time.sleep(rng.uniform(0.1, 3.0))
    else:
        end = time.monotonic() + 120
        while proc.poll() is None and _articles(db) == before and time.monotonic() < end:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 1.0))
    if proc.poll() is not None:
        return "finished"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return "killed"


@pytest.mark.model
@pytest.mark.slow
def test_sigkill_never_leaves_a_partial_article(shared_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text().splitlines()[:STORIES]
    corpus.write_text("\n".join(lines) + "\n")
    expected = {a.id for a in read_sources([str(corpus)], Settings()) if isinstance(a, Article)}
    db = tmp_path / "kill.db"
    rng = random.Random(20250311)
    started = time.monotonic()
    outcomes = []
    growth = []
    for kill in range(KILLS):
        before = _articles(db)
        outcomes.append(_kill_at_random_moment(db, corpus, rng, startup=kill % 5 == 4))
        if db.exists():
            _assert_sound(db)
        growth.append(_articles(db) - before)
    killed = outcomes.count("killed")
    final = _ingest(db, corpus)
    _, err = final.communicate(timeout=900)
    assert final.returncode in (0, 1), err.decode(errors="replace")[-2000:]
    stored = _assert_sound(db)
    assert stored == expected, f"{len(expected - stored)} missing, {len(stored - expected)} extra"
    print(f"\nSIGKILL: {killed}/{KILLS} kills landed mid-run, articles stored between kills "
          f"{growth}, {len(stored)} articles after the re-run, "
          f"{time.monotonic() - started:.0f} s in all")
    # the kills must have hit a running ingest that was storing, or the test proves nothing
    assert killed >= KILLS - 2 and sum(1 for g in growth if g > 0) >= KILLS // 2
