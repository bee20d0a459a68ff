"""Fuzz extract with the real model: batches of random Unicode, news-word salad and mutated
corpus sentences go through Extractor.pipe; every input comes back, in order, as a record that
obeys SCHEMA.md (schema-valid, offsets inside the text and pointing at what they quote) or as a
Rejection — never as an exception out of the batch."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from wardesk.errors import SourceError
from wardesk.ingest import read_one
from wardesk.records import Article, ArticleRecord, Rejection, to_dict
from wardesk.runners import run_in_process
from wardesk.settings import Settings

from .budget import count, fuzz_settings
from .strategies import article_text, nested_html, word_salad

pytestmark = pytest.mark.model
VALIDATOR = Draft202012Validator(
    json.loads(resources.files("wardesk").joinpath("data/record.schema.json").read_text("utf-8"))
)


def _quoted(text: str, start: int, end: int, quoted: str | None, what: str) -> None:
    assert 0 <= start <= end <= len(text), f"{what}: [{start}:{end}] outside {len(text)} chars"
    if quoted is not None:
        assert text[start:end] == quoted, f"{what}: text[{start}:{end}]={text[start:end]!r} ≠ {quoted!r}"


def check_record(article: Article, record: ArticleRecord) -> None:
    """What every record must satisfy, whatever the text."""
    assert record.article.id == article.id
    data = to_dict(record)
    errors = sorted(VALIDATOR.iter_errors(data), key=str)
    assert not errors, f"schema: {errors[0].message} at {list(errors[0].absolute_path)}"
    json.dumps(data, allow_nan=False)  # storable and exportable as strict JSON
    text = article.text
    for actor in record.actors:
        for m in actor.mentions:
            _quoted(text, m.start, m.end, m.text, f"actor {actor.id} mention")
    for term in record.article.tone.loaded_terms if record.article.tone else ():
        _quoted(text, term.start, term.end, term.text, "loaded term")
    ids = [e.id for e in record.events]
    assert len(ids) == len(set(ids)), "event ids repeat"
    for e in record.events:
        _quoted(text, e.evidence.start, e.evidence.end, None, f"event {e.id} evidence")
    for s in record.statements:
        _quoted(text, s.start, s.end, None, "statement")
    for d in record.dates:
        _quoted(text, d.start, d.end, d.text, "date mention")
    for p in record.positions:
        _quoted(text, p.evidence.start, p.evidence.end, None, "position evidence")


def check_batch(items: list[Article | Rejection], results: list[Any]) -> None:
    assert len(results) == len(items), "an input was lost or duplicated"
    for item, result in zip(items, results, strict=True):
        if isinstance(item, Rejection):
            assert result is item
        elif isinstance(result, Rejection):
            # the per-document guard may refuse a document, but never because of a crash
            assert result.reason == "timeout", result
        else:
            article, record = result
            assert article is item
            check_record(article, record)


@fuzz_settings("extract_texts")
@given(texts=st.lists(article_text, min_size=16, max_size=32))
def test_fuzz_extract_any_text(extractor: Any, texts: list[str]) -> None:
    items: list[Article | Rejection] = [Article(text=t, published="2025-03-11") for t in texts]
    check_batch(items, list(extractor.pipe(items)))
    count("extract_texts", len(texts))


def _through_ingest(text: str) -> Article | Rejection:
    try:
        return read_one("-", Settings(), text=text, published="2025-03-11")
    except SourceError as exc:
        return Rejection("-", exc.reason, str(exc))


@fuzz_settings("extract_through_ingest")
@given(texts=st.lists(word_salad | article_text | nested_html, min_size=16, max_size=32))
def test_fuzz_ingest_then_extract(extractor: Any, texts: list[str]) -> None:
    items = [_through_ingest(t) for t in texts]
    check_batch(items, list(extractor.pipe(items)))
    count("extract_through_ingest", len(texts))


# sizes that take a few seconds at most on 2 cores; the 100,000-token sentence and the time
# limit itself are tested end to end in tests/robustness/test_doc_timeout.py
_pathological = st.one_of(
    st.integers(200, 2000).map(lambda n: " ".join(["and"] * n)),  # one sentence, no verb
    st.integers(20, 300).map(lambda n: "Russia said that " * n + "talks failed."),
    st.integers(20, 500).map(lambda n: "“" * n + "Putin said" + "”" * n),
    st.integers(1000, 100_000).map(lambda n: "a" * n),  # one huge token
    st.integers(20, 300).map(lambda n: "(" * n + "ceasefire" + ")" * n),
    st.integers(20, 1000).map(lambda n: "1, " * n + "people were killed."),
)


@fuzz_settings("extract_pathological")
@given(texts=st.lists(_pathological, min_size=1, max_size=3))
def test_fuzz_pathological_texts_end_in_time(extractor: Any, texts: list[str]) -> None:
    """Deep, long and repetitive texts: a record or a timeout Rejection under a 10 s limit."""
    items: list[Article | Rejection] = [Article(text=t) for t in texts]
    settings = Settings(doc_timeout=10.0, batch_size=8)
    check_batch(items, list(run_in_process(items, settings, extractor=extractor)))
    count("extract_pathological", len(texts))
