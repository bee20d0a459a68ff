"""The Ray runner's failure rules and shard output without the model, on one local two-CPU Ray
instance: a fake extractor is slow, raises, hangs past the alarm or kills its actor on a marker
word in the article's text; every other article comes back, in input order."""

from __future__ import annotations

import importlib.util
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from wardesk.records import Article, ArticleMeta, ArticleRecord, Rejection
from wardesk.runners import read_rejections, read_shards, write_shards
from wardesk.runners.guard import Result
from wardesk.settings import Settings

from .helpers import articles, outcome

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("ray") is None,
                       reason="ray is not installed (optional extra: pip install 'wardesk[ray]')"),
]


class RayFakeExtractor:
    """Gives each article a record whose title is its text (and, for MAIN, whether it ran in
    the actor's main thread, where the alarm works); misbehaves on marker words."""

    def pipe(self, items: Iterable[Article | Rejection]) -> Iterator[Result]:
        for item in items:
            if isinstance(item, Rejection):
                yield item
                continue
            if "SLOW" in item.text:
                time.sleep(30)  # interruptible: the actor's alarm stops it
            if "HANG" in item.text:  # like a loop in compiled code: the alarm is blocked
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                time.sleep(30)
            if "BOOM" in item.text:
                raise RuntimeError("the batch failed")
            if "CRASH" in item.text:
                os._exit(3)
            title = item.text
            if "MAIN" in item.text:
                title += f" {threading.current_thread() is threading.main_thread()}"
            yield item, ArticleRecord(article=ArticleMeta(id=item.id, title=title))


def fake_factory(settings: Settings, known: Mapping[str, Any]) -> RayFakeExtractor:
    return RayFakeExtractor()


def broken_factory(settings: Settings, known: Mapping[str, Any]) -> RayFakeExtractor:
    raise OSError("Can't find model 'xx_missing'")


def ray_run(items: Iterable[Article | Rejection], grace: float = 30.0, **settings: Any) -> list[str]:
    from wardesk.runners.ray_runner import run_on_ray

    results = run_on_ray(items, Settings(workers=2, **settings), factory=fake_factory, grace=grace)
    return [outcome(r) for r in results]


def test_ray_failing_batch_and_slow_article_cost_one_article_each(ray_instance: Any) -> None:
    got = ray_run(articles("a", "b BOOM", "c", "d SLOW", "e"), doc_timeout=0.5)
    assert got == ["a", "doc-1:worker_error", "c", "doc-3:timeout", "e"]


def test_ray_batches_lost_with_their_actor_are_rerun_one_by_one(ray_instance: Any) -> None:
    # the crash kills the first batch's actor; the hang ignores the alarm, so the second
    # batch's watchdog ends its actor; re-run alone, each loses only itself
    started = time.monotonic()
    got = ray_run(articles("a", "b CRASH", "c", "d", "e", "f HANG", "g", "h"),
                  grace=1.0, doc_timeout=0.5, batch_size=4)
    assert got == ["a", "doc-1:worker_error", "c", "d", "e", "doc-5:timeout", "g", "h"]
    assert time.monotonic() - started < 30  # not the 2 × 30 s the hanging article asks for


def test_ray_keeps_input_order_window_by_window_reading_lazily(
        ray_instance: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from wardesk.runners import ray_runner

    monkeypatch.setattr(ray_runner, "WINDOW", 7)
    monkeypatch.setattr(ray_runner, "BATCHES_PER_ACTOR", 0)
    items: list[Article | Rejection] = list(articles(*(f"text {i}" for i in range(10)), "MAIN"))
    items.insert(5, Rejection("edge", "binary", ""))
    items.insert(0, Rejection("first", "empty", ""))  # "edge" is now the first window's last
    pulled = 0

    def source() -> Iterator[Article | Rejection]:
        nonlocal pulled
        for item in items:
            pulled += 1
            yield item

    results = ray_runner.run_on_ray(source(), Settings(workers=2, batch_size=4),
                                    factory=fake_factory)
    got = [outcome(next(results))]
    assert pulled == 7  # only the first window is read before its results come
    got += [outcome(r) for r in results]
    # MAIN: extraction runs in the actor's main thread, where guard.py's alarm works
    assert got == [outcome(r) if isinstance(r, Rejection) else r.text for r in items[:-1]] + [
        "MAIN True"]
    assert ray_instance.is_initialized()  # not the runner's to stop


def test_ray_results_written_as_shards_read_back(ray_instance: Any, tmp_path: Path) -> None:
    items: list[Article | Rejection] = [*articles("one", "two", "three"),
                                        Rejection("x", "empty", "")]
    manifest = write_shards(_ray_results(items), tmp_path / "shards")
    assert (manifest["articles"], manifest["rejections"]) == (3, 1)
    assert [r.article.title for _, r in read_shards(tmp_path / "shards")] == ["one", "two", "three"]
    assert [r.source for r in read_rejections(tmp_path / "shards")] == ["x"]


def _ray_results(items: list[Article | Rejection]) -> Iterator[Result]:
    from wardesk.runners.ray_runner import run_on_ray

    return run_on_ray(items, Settings(workers=2), factory=fake_factory)


def test_ray_workers_that_cannot_load_the_pipeline_stop_the_run_with_the_cause(
        ray_instance: Any) -> None:
    from wardesk.errors import WardeskError
    from wardesk.runners.ray_runner import run_on_ray

    with pytest.raises(WardeskError, match="OSError: Can't find model 'xx_missing'"):
        list(run_on_ray(articles("a", "b"), Settings(workers=2), factory=broken_factory))
