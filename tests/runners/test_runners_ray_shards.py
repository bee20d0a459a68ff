"""`run_to_shards(..., runner="ray")`: the Ray actors write the records as Parquet files and send
the driver only where each went; the directory then reads back in input order, with nothing lost
(a batch lost with its actor is re-run one article per file), and with the real model it holds
exactly the records of the local runner."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from wardesk.records import Article, ArticleMeta, ArticleRecord, Rejection
from wardesk.runners import Written, read_rejections, read_shards, run_to_shards
from wardesk.runners.guard import Result
from wardesk.runners.shards import MANIFEST, ShardWriter
from wardesk.settings import Settings

from .helpers import articles, voa_stories

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("ray") is None,
                       reason="ray is not installed (optional extra: pip install 'wardesk[ray]')"),
]


class CrashingExtractor:
    """A record titled with the article's text, tagged with the process that made it; BOOM
    raises, CRASH ends the actor's process."""

    def pipe(self, items: Iterable[Article | Rejection]) -> Iterator[Result]:
        for item in items:
            if isinstance(item, Rejection):
                yield item
                continue
            if "BOOM" in item.text:
                raise RuntimeError("the batch failed")
            if "CRASH" in item.text:
                os._exit(3)
            meta = ArticleMeta(id=item.id, title=item.text, publisher=str(os.getpid()))
            yield item, ArticleRecord(article=meta)


def crashing_factory(settings: Settings, known: Mapping[str, Any]) -> CrashingExtractor:
    return CrashingExtractor()


def test_actors_write_the_shards_and_nothing_is_lost(ray_instance: Any, tmp_path: Path) -> None:
    from wardesk.runners.ray_runner import shards_on_ray

    items: list[Article | Rejection] = list(
        articles("a", "b", "c CRASH", "d", "e BOOM", "f", "g", "h", "i"))
    items.insert(3, Rejection("input", "empty", ""))
    writer = ShardWriter(tmp_path / "out")
    outcomes = list(shards_on_ray(items, Settings(workers=2, batch_size=4, doc_timeout=5),
                                  writer, factory=crashing_factory))
    manifest = writer.finish()

    # the driver got back no record, only where each went (or the Rejection), in input order
    assert [type(o).__name__ for o in outcomes] == [
        "Rejection" if isinstance(i, Rejection) or "CRASH" in i.text or "BOOM" in i.text
        else "Written" for i in items]
    pairs = list(read_shards(tmp_path / "out"))
    assert [r.article.title for _, r in pairs] == ["a", "b", "d", "f", "g", "h", "i"]
    assert [a for a, _ in pairs] == [i for i in items
                                     if isinstance(i, Article) and i.text in "abdfghi"]
    assert {r.article.publisher for _, r in pairs}.isdisjoint({str(os.getpid())})  # not the driver
    assert [(r.source, r.reason) for r in read_rejections(tmp_path / "out")] == [
        ("doc-2", "worker_error"), ("input", "empty"), ("doc-4", "worker_error")]  # input order
    # the crashed batch was re-run one article per file; every file is listed, none twice
    files = sorted(p.name for p in (tmp_path / "out").glob("*.parquet"))
    assert sorted(manifest["shards"]) == files and all(f.startswith("part-") for f in files)
    assert (manifest["articles"], manifest["rejections"]) == (7, 3)
    assert sum(o.events for o in outcomes if isinstance(o, Written)) == 0


def test_a_finished_directory_is_refused_before_ray_starts(tmp_path: Path) -> None:
    from wardesk.errors import UsageError

    (tmp_path / MANIFEST).write_text("{}")
    with pytest.raises(UsageError, match="already holds shards"):
        run_to_shards(articles("a"), Settings(workers=2), tmp_path, runner="ray")


@pytest.mark.model
def test_ray_shards_hold_the_records_of_the_local_runner(
        ray_instance: Any, extractor: Any, shared_dir: Path, tmp_path: Path) -> None:
    stories = voa_stories(shared_dir, 10)
    expected = list(extractor.pipe(stories))  # the local runners' records (test_runners_model)
    outcomes = list(run_to_shards(stories, Settings(workers=2, batch_size=3), tmp_path / "s",
                                  runner="ray"))
    assert list(read_shards(tmp_path / "s")) == [r for r in expected
                                                  if not isinstance(r, Rejection)]
    assert list(read_rejections(tmp_path / "s")) == [r for r in expected
                                                      if isinstance(r, Rejection)]
    assert [o.events if isinstance(o, Written) else o for o in outcomes] == [
        len(r[1].events) if not isinstance(r, Rejection) else r for r in expected]
