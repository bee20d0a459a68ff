"""A large JSON-lines corpus is streamed: memory stays flat however many lines it has."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from wardesk.ingest import read_sources
from wardesk.records import Article
from wardesk.settings import Settings

from .helpers import ENGLISH

LINES = 20_000
PEAK_LIMIT = 1024 * 1024  # the corpus is ~3 MB: reading it whole could not stay under this
SENTENCE = ENGLISH.split(". ")[0] + "; the delegations said they would meet again next week."


@pytest.mark.slow
def test_a_20000_line_corpus_streams_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for number in range(LINES):
            text = f"{SENTENCE} Report number {number}."
            stream.write(json.dumps({"id": number, "text": text, "published": "2025-03-11"}) + "\n")
    assert (
        path.stat().st_size > 2 * PEAK_LIMIT
    )  # also above max_bytes: corpora are not capped whole
    settings = Settings(max_bytes=PEAK_LIMIT)
    tracemalloc.start()
    try:
        count = 0
        for item in read_sources([str(path)], settings):
            assert isinstance(item, Article)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"peak {peak / 1e6:.2f} MB for {path.stat().st_size / 1e6:.1f} MB")
    assert count == LINES
    assert peak < PEAK_LIMIT, f"peak {peak / 1e6:.1f} MB"
