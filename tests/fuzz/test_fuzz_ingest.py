"""Fuzz ingest: whatever a file holds — random bytes, any encoding, malformed HTML, JSON Lines,
feeds, huge and empty fields — read_sources yields Articles or Rejections with a known reason,
never raises, and never files a document under ``ingest_error`` (a caught wardesk bug)."""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import httpx
from hypothesis import given
from hypothesis import strategies as st

from wardesk.ingest import read_sources
from wardesk.ingest.feeds import looks_like_feed
from wardesk.ingest.reasons import REASONS
from wardesk.records import Article, Rejection
from wardesk.settings import Settings

from .budget import count, fuzz_settings
from .strategies import any_file, article_text, feed_doc, jsonl_line

SETTINGS = Settings(max_bytes=3_000_000, max_chars=400_000)
OFFLINE = httpx.MockTransport(lambda request: httpx.Response(404))  # feed links never leave
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MANY = (".jsonl", ".ndjson", ".json", ".rss", ".xml", ".atom")


def _read(path: Path) -> list[Article | Rejection]:
    return list(read_sources([str(path)], SETTINGS, transport=OFFLINE))


def _check(item: Article | Rejection) -> None:
    if isinstance(item, Rejection):
        assert item.reason in REASONS and item.reason != "ingest_error", item
        assert item.source and item.message and "\n" not in item.message
        return
    assert isinstance(item, Article), item
    assert item.text and item.text == item.text.strip() and item.origin
    assert len(item.text) <= SETTINGS.max_chars
    assert item.published is None or DAY.match(item.published), item.published
    assert item.id and "\x00" not in (item.title or "")


def _feed_files(folder: str, name: str, suffix: str, data: bytes) -> list[Article | Rejection]:
    path = Path(folder, name + suffix)
    path.write_bytes(data)
    items = _read(path)
    for item in items:
        _check(item)
    if not (suffix in MANY or looks_like_feed(data)):
        assert len(items) == 1, (path.name, items)  # one document in, one answer out
    return items


@fuzz_settings("ingest_files")
@given(files=st.lists(any_file, min_size=1, max_size=4))
def test_fuzz_any_file_ends_as_article_or_rejection(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for index, (suffix, data) in enumerate(files):
            _feed_files(folder, f"doc{index}", suffix, data)
    count("ingest_files", len(files))


@fuzz_settings("ingest_corpus_lines")
@given(lines=st.lists(jsonl_line, min_size=1, max_size=12), crlf=st.booleans())
def test_fuzz_corpus_lines_each_end_as_article_or_rejection(lines: list[str], crlf: bool) -> None:
    data = ("\r\n" if crlf else "\n").join(lines).encode("utf-8", "surrogatepass")
    with tempfile.TemporaryDirectory() as folder:
        items = _feed_files(folder, "corpus", ".jsonl", data)
    # every non-blank line is answered once, in order ("path:N" names the line)
    answered = [int(str(i.origin if isinstance(i, Article) else i.source).rsplit(":", 1)[1])
                for i in items]
    assert answered == sorted(set(answered))
    expected = sum(1 for line in data.split(b"\n") if line.strip())  # JSON Lines end at \n only
    assert len(items) == expected, (expected, items)
    count("ingest_corpus_lines", len(lines))


@fuzz_settings("ingest_feeds")
@given(feed=feed_doc, suffix=st.sampled_from([".rss", ".xml", ".atom", ""]))
def test_fuzz_feeds_never_raise_or_leave_the_machine(feed: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        items = _feed_files(folder, "feed", suffix, feed.encode("utf-8", "surrogatepass"))
    for item in items:  # no XML entity smuggles a local file into an article
        assert not (isinstance(item, Article) and "root:" in item.text)
    count("ingest_feeds", 1)


_huge = st.one_of(
    st.integers(0, 5).map(lambda n: "x" * 10 ** n),
    st.integers(1, 200_000).map(lambda n: ("Talks resumed on Monday. " * n)[:450_000]),
    st.integers(1, 50_000).map(lambda n: "a" * n + " " + "b" * n),
)


@fuzz_settings("ingest_huge_fields")
@given(text=_huge, field=st.sampled_from(["text", "title", "url", "published", "publisher"]),
       other=article_text)
def test_fuzz_huge_and_empty_fields(text: str, field: str, other: str) -> None:
    record = {"text": other, field: text}
    lines = [json.dumps(record), json.dumps({"text": text, "title": ""}), json.dumps({"text": ""})]
    with tempfile.TemporaryDirectory() as folder:
        items = _feed_files(folder, "huge", ".jsonl", "\n".join(lines).encode())
    assert len(items) == 3
    assert isinstance(items[2], Rejection) and items[2].reason in ("missing_text", "empty")
    if len(text) > SETTINGS.max_chars:
        assert isinstance(items[1], Rejection) and items[1].reason == "too_large"
    count("ingest_huge_fields", len(lines))
