"""Property: whatever bytes sit in a file, read_sources yields Articles or Rejections, never raises.

Examples are capped at 300 so the suite stays fast; for a deeper run raise it, e.g.
``HYPOTHESIS_MAX_EXAMPLES=5000 .venv/bin/pytest tests/ingest/test_ingest_fuzz.py``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wardesk.ingest import read_sources
from wardesk.ingest.reasons import REASONS
from wardesk.records import Article, Rejection
from wardesk.settings import Settings

from .helpers import ENGLISH

MAX_EXAMPLES = int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "300"))
SETTINGS = Settings(max_bytes=200_000)
OFFLINE = httpx.MockTransport(lambda request: httpx.Response(404))  # feed links never leave
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

_words = st.sampled_from([*ENGLISH.split(), "<", ">", "&amp;", "\x00", "é", "Ж", "\n", "\ufeff"])
_text = st.lists(_words, max_size=60).map(" ".join) | st.text(max_size=400)
_tag = st.sampled_from(["div", "p", "script", "title", "meta", "html", "body", "style", "a", "!--"])
_fragment = st.one_of(
    _text,
    _tag.map(lambda t: f"<{t}>"),
    _tag.map(lambda t: f"</{t}>"),
    _tag.map(lambda t: f"<{t} "),
    st.just('<meta name="date" content="2025-99-01">'),
    st.just("<![CDATA["),
    st.just("-->"),
)
_html = st.lists(_fragment, max_size=40).map("".join)
_json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | _text,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["text", "id", "title", "url", "published", "publisher", "author", "x"]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=12,
)
_jsonl_line = (
    _json_value.map(json.dumps) | _text | st.binary(max_size=80).map(lambda b: b.decode("latin-1"))
)
_jsonl = st.lists(_jsonl_line, max_size=8).map("\n".join)
_item = st.tuples(
    _text,
    st.sampled_from(["https://wire.example/a", "javascript:x", "", "/rel"]),
    st.sampled_from(["Thu, 13 Mar 2025 10:00:00 GMT", "garbage", ""]),
)
_feed = st.lists(_item, max_size=4).map(
    lambda items: (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        + "".join(
            f"<item><title>x</title><link>{link}</link><pubDate>{day}</pubDate>"
            f"<description>{text}</description></item>"
            for text, link, day in items
        )
        + "</channel></rss>"
    )
) | st.lists(_fragment, max_size=20).map(lambda parts: "<feed>" + "".join(parts))

_encodings = st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1", "utf-8-sig"])
_document = st.one_of(
    st.tuples(st.sampled_from([".txt", "", ".md", ".bin"]), st.binary(max_size=2000)),
    st.tuples(
        st.sampled_from([".txt", ""]),
        st.tuples(_text, _encodings).map(lambda pair: pair[0].encode(pair[1], errors="replace")),
    ),
    st.tuples(st.sampled_from([".html", ".htm", ""]), _html.map(str.encode)),
    st.tuples(st.just(".jsonl"), _jsonl.map(lambda s: s.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just(".json"), _json_value.map(lambda v: json.dumps(v).encode())),
    st.tuples(st.sampled_from([".rss", ".xml", ""]), _feed.map(str.encode)),
)


def _check(item: Article | Rejection) -> None:
    if isinstance(item, Rejection):
        assert item.reason in REASONS and item.reason != "ingest_error", item
        assert item.source and item.message and "\n" not in item.message
        return
    assert isinstance(item, Article)
    assert item.text and item.text == item.text.strip() and item.origin
    assert item.published is None or DAY.match(item.published)


@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents=st.lists(_document, min_size=1, max_size=4))
def test_every_input_ends_as_articles_or_rejections(documents: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for index, (suffix, data) in enumerate(documents):
            Path(folder, f"doc{index}{suffix}").write_bytes(data)
        items = list(read_sources([folder], SETTINGS, transport=OFFLINE))
    assert items or all(
        suffix in (".jsonl", ".rss", ".xml", ".json", "") for suffix, _ in documents
    )
    for item in items:
        _check(item)
