"""Runner failure rules without the model: a fake extractor that is slow, raises, hangs in a way
no signal can stop, or kills its process, depending on a word in the article's text."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import pytest

from wardesk.records import Article, ArticleMeta, ArticleRecord, Rejection
from wardesk.runners import run_in_process
from wardesk.runners.guard import Result
from wardesk.runners.local import LocalPool
from wardesk.settings import Settings

from .helpers import articles, outcome


class FakeExtractor:
    """Gives each article a record whose title is its text; misbehaves on marker words."""

    def pipe(self, items: Iterable[Article | Rejection]) -> Iterator[Result]:
        for item in items:
            if isinstance(item, Rejection):
                yield item
                continue
            if "SLOW" in item.text:
                time.sleep(30)  # interruptible: the in-worker alarm stops it
            if "HANG" in item.text:  # like a loop in compiled code: the alarm is blocked
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                time.sleep(30)
            if "BOOM" in item.text:
                raise RuntimeError("the batch failed")
            if "CRASH" in item.text:
                os._exit(3)
            yield item, ArticleRecord(article=ArticleMeta(id=item.id, title=item.text))


def fake_factory(settings: Settings, known: Mapping[str, Any]) -> FakeExtractor:
    return FakeExtractor()


def pool_run(items: list[Article | Rejection], **settings: Any) -> list[str]:
    pool = LocalPool(Settings(workers=2, **settings), factory=fake_factory, start_method="fork",
                     chunk_size=3)
    return [outcome(r) for r in pool.run(items)]


def test_in_process_slow_document_times_out_and_the_batch_goes_on() -> None:
    items = articles("one", "two SLOW", "three")
    settings = Settings(doc_timeout=0.3, batch_size=8)
    started = time.monotonic()
    got = [outcome(r) for r in run_in_process(items, settings, extractor=FakeExtractor())]
    assert got == ["one", "doc-1:timeout", "three"]
    assert time.monotonic() - started < 5


def test_in_process_failing_batch_loses_only_the_failing_article() -> None:
    items = articles("one", "two BOOM", "three")
    got = [outcome(r) for r in run_in_process(items, Settings(batch_size=8),
                                              extractor=FakeExtractor())]
    assert got == ["one", "doc-1:worker_error", "three"]


def test_in_process_passes_rejections_through_in_place() -> None:
    items: list[Article | Rejection] = [*articles("one"), Rejection("x", "empty", ""),
                                        *articles("two")]
    got = [outcome(r) for r in run_in_process(items, Settings(batch_size=2),
                                              extractor=FakeExtractor())]
    assert got == ["one", "x:empty", "two"]


def test_pool_keeps_input_order_across_chunks_and_rejections() -> None:
    items: list[Article | Rejection] = list(articles(*(f"text {i}" for i in range(20))))
    items.insert(7, Rejection("bad", "binary", ""))
    got = pool_run(items)
    assert got == [outcome(r) if isinstance(r, Rejection) else r.text for r in items]


def test_pool_chunk_exception_becomes_worker_error_for_that_article_only() -> None:
    got = pool_run(articles("a", "b BOOM", "c", "d", "e"))
    assert got == ["a", "doc-1:worker_error", "c", "d", "e"]


def test_pool_worker_crash_rejects_the_culprit_and_the_run_goes_on() -> None:
    got = pool_run(articles("a", "b", "c CRASH", "d", "e", "f", "g"))
    assert got == ["a", "b", "doc-2:worker_error", "d", "e", "f", "g"]


def test_pool_soft_timeout_inside_worker() -> None:
    got = pool_run(articles("a", "b SLOW", "c", "d"), doc_timeout=0.3)
    assert got == ["a", "doc-1:timeout", "c", "d"]


def test_pool_hard_watchdog_kills_a_worker_that_ignores_the_alarm(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("wardesk.runners.local.GRACE", 0.5)
    started = time.monotonic()
    got = pool_run(articles("a", "b HANG", "c", "d"), doc_timeout=0.3)
    assert got == ["a", "doc-1:timeout", "c", "d"]
    assert time.monotonic() - started < 20


def test_pool_reads_input_lazily_with_a_bounded_window() -> None:
    pulled = 0

    def endless() -> Iterator[Article]:
        nonlocal pulled
        while True:
            pulled += 1
            yield Article(text=f"text {pulled}")

    pool = LocalPool(Settings(workers=2), factory=fake_factory, start_method="fork",
                     chunk_size=3, window_chunks=2)
    results = pool.run(endless())
    first = [outcome(next(results)) for _ in range(5)]
    results.close()  # stops the workers
    assert first == [f"text {i}" for i in range(1, 6)]
    assert pulled <= pool.window + 5 + pool.chunk_size  # never the whole (endless) input


def test_unknown_runner_and_missing_ray_are_usage_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from wardesk.errors import UsageError
    from wardesk.runners import run

    with pytest.raises(UsageError, match="unknown runner"):
        run([], Settings(), runner="spark")
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail
    with pytest.raises(UsageError, match=r"pip install 'wardesk\[ray\]'"):
        run([], Settings(), runner="ray")
