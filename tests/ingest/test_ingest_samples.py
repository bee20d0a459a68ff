"""The demo's sample articles (samples/) ingest cleanly with their metadata."""

from __future__ import annotations

import json
import re
from pathlib import Path

from wardesk.ingest import read_sources
from wardesk.records import Article
from wardesk.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_every_sample_file_ingests_without_a_rejection() -> None:
    items = list(read_sources([str(SAMPLES)], Settings()))
    assert items and all(isinstance(item, Article) for item in items), items


def test_the_demo_samples_ingest_as_ten_articles_with_metadata() -> None:
    items = list(read_sources([str(SAMPLES / "articles.jsonl"), str(SAMPLES / "html")], Settings()))
    assert all(isinstance(item, Article) for item in items), items
    assert len(items) == 10
    for article in items:
        assert isinstance(article, Article)
        assert 150 <= len(article.text.split()) <= 350, article.origin
        assert article.title and article.publisher and article.published
        assert "2025-03-10" <= article.published <= "2025-03-19"
    pages = [a for a in items if isinstance(a, Article) and a.origin and a.origin.endswith(".html")]
    assert len(pages) == 2 and all(a.author for a in pages)


def test_sample_corpus_fields() -> None:
    lines = (SAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 8
    assert all({"id", "title", "published", "publisher", "url", "text"} <= set(r) for r in records)
    assert len({r["id"] for r in records}) == 8


def _shingles(text: str, size: int = 7) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_samples_share_no_seven_word_run_with_the_seed(seed_text: str) -> None:
    seed = _shingles(seed_text)
    for article in read_sources([str(SAMPLES)], Settings()):
        assert isinstance(article, Article)
        assert not _shingles(article.text) & seed, article.origin
