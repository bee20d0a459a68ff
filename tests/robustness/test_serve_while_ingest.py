"""Faults: `wardesk serve` and `wardesk ingest` on one store at the same time. A reader polling
the real API on 127.0.0.1 never sees a half-written article (its record's events = its event
rows), and two ingest processes writing one store both finish without "database is locked"."""

from __future__ import annotations

import subprocess
from pathlib import Path

import httpx
import pytest

from wardesk.store import Store

from .helpers import corpus, free_port, wait_up, wardesk


def _check_every_article(http: httpx.Client, checked: dict[str, int]) -> int:
    """Check each listed article's record against its stored events; returns articles seen."""
    listed = http.get("/api/articles", params={"limit": 500})
    assert listed.status_code == 200, listed.text
    articles = listed.json()["articles"]
    for meta in articles:
        view = http.get(f"/api/articles/{meta['id']}")
        assert view.status_code == 200, view.text
        record = view.json()["record"]
        assert record is not None, f"article {meta['id']} listed without its record"
        events = http.get("/api/events", params={"article_id": meta["id"], "limit": 1})
        assert events.status_code == 200, events.text
        total = events.json()["total"]
        assert total == len(record["events"]), f"article {meta['id']}: half-written"
        checked[meta["id"]] = checked.get(meta["id"], 0) + 1
    return len(articles)


@pytest.mark.model
@pytest.mark.slow
def test_readers_never_see_a_half_written_article(shared_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    stories = corpus(shared_dir, tmp_path / "c.jsonl", 0, 25)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = wardesk(db, "serve", "--host", "127.0.0.1", "--port", str(port),
                     stdout=subprocess.DEVNULL)
    ingest = None
    try:
        wait_up(base, server)
        # batches of 2 spread the writes over the run, so the reader sees the store grow
        ingest = wardesk(db, "ingest", str(tmp_path / "c.jsonl"), env={"WARDESK_BATCH_SIZE": "2"})
        checked: dict[str, int] = {}
        rounds = 0
        sizes = set()
        with httpx.Client(base_url=base, timeout=30) as http:
            while ingest.poll() is None:
                sizes.add(_check_every_article(http, checked))
                rounds += 1
            seen = _check_every_article(http, checked)
        _, err = ingest.communicate(timeout=60)
        assert ingest.returncode in (0, 1), err.decode(errors="replace")[-2000:]
        assert b"locked" not in err
        assert seen == len({s["text"] for s in stories})
        # the reader really ran while articles were arriving, not only at the end
        assert len(checked) == seen
        assert len({n for n in sizes if 0 < n < seen}) >= 3, sorted(sizes)
        print(f"\n{rounds} reader rounds, {sum(checked.values())} article checks, {seen} articles, "
              f"store sizes seen mid-ingest {sorted(sizes)}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if ingest and ingest.poll() is None:
            ingest.kill()
            ingest.wait()


@pytest.mark.model
@pytest.mark.slow
def test_two_ingests_into_one_store_both_finish(shared_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "two.db"
    first = corpus(shared_dir, tmp_path / "a.jsonl", 0, 12)
    second = corpus(shared_dir, tmp_path / "b.jsonl", 6, 12)  # 6 stories overlap
    procs = [wardesk(db, "ingest", str(tmp_path / name)) for name in ("a.jsonl", "b.jsonl")]
    errors = []
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        errors.append(err.decode(errors="replace"))
        assert proc.returncode in (0, 1), errors[-1][-2000:]
    assert not any("locked" in e or "busy" in e for e in errors), errors
    with Store(str(db)) as store:
        ids = [a["id"] for a in store.articles(limit=100)]
        rejected = store.rejections(limit=100)
    assert len(ids) == len(set(ids)) == len({s["text"] for s in first + second})
    assert not [r for r in rejected if r["reason"] == "store_error"], rejected
