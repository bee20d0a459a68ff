"""Faults: a document that takes too long — a pathological 100,000-token "sentence", deeply
nested markup — is stopped after the per-document limit (WARDESK_DOC_TIMEOUT) and rejected with
reason "timeout" while the rest of the batch is stored, end to end through `wardesk ingest`."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from wardesk.store import Store

from .helpers import corpus, wardesk

# one sentence of ~100,000 tokens: clauses joined by "and", no full stop until the very end
MONSTER = ("Russian forces shelled the town while Ukrainian troops said they fired back and "
           * 8_000) + "the talks ended."
NESTED = "<html><body>" + "<div><span>" * 20_000 + "Talks resumed in Geneva on Monday." + \
         "</span></div>" * 20_000 + "</body></html>"


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_slow_documents_are_rejected_and_the_batch_goes_on(
    shared_dir: Path, tmp_path: Path, workers: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    stories = corpus(shared_dir, folder / "a_before.jsonl", 0, 3)
    (folder / "b_monster.jsonl").write_text(json.dumps({"text": MONSTER, "id": "monster"}) + "\n")
    (folder / "c_nested.html").write_text(NESTED)
    stories += corpus(shared_dir, folder / "d_after.jsonl", 3, 3)
    db = tmp_path / "t.db"
    started = time.monotonic()
    proc = wardesk(db, "--workers", workers, "ingest", str(folder),
                   env={"WARDESK_DOC_TIMEOUT": "10"})  # ordinary stories take < 1 s; room for a loaded machine
    _, err = proc.communicate(timeout=600)
    took = time.monotonic() - started
    assert proc.returncode in (0, 1), err.decode(errors="replace")[-2000:]
    with Store(str(db)) as store:
        stored = store.articles(limit=100)
        rejected = store.rejections(limit=100)
    reasons = {r["source"].rsplit("/", 1)[-1]: r["reason"] for r in rejected}
    assert reasons.get("b_monster.jsonl:1") == "timeout", reasons
    # the nested page is either read to its one sentence or refused, but never holds the batch
    assert reasons.get("c_nested.html") in (None, "timeout", "bad_html", "empty", "not_english")
    titles = {a["title"] for a in stored}
    assert {s["title"] for s in stories} <= titles, "stories around the slow ones were lost"
    print(f"\nworkers={workers}: {len(stored)} stored, rejected {reasons}, {took:.0f} s")
