"""The runners give exactly the records of Extractor.pipe, in input order, with the real model:
in this process, in a two-worker local pool, and on a local two-worker Ray instance."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from wardesk.records import Article, Rejection
from wardesk.runners import run
from wardesk.settings import Settings

from .helpers import voa_stories

STORIES = 10


@pytest.fixture(scope="module")
def stories(shared_dir: Path) -> list[Article | Rejection]:
    return voa_stories(shared_dir, STORIES)


@pytest.fixture(scope="module")
def expected(extractor: Any, stories: list[Article | Rejection]) -> list[Any]:
    return list(extractor.pipe(stories))


@pytest.mark.model
@pytest.mark.parametrize("workers", [1, 2])
def test_local_runner_gives_the_records_of_extractor_pipe(
        workers: int, stories: list[Article | Rejection], expected: list[Any]) -> None:
    # a chunk size unlike the pipeline's batch, so that chunking cannot hide a difference
    got = list(run(stories, Settings(workers=workers, batch_size=3)))
    assert len(got) == len(stories)
    assert [g if isinstance(g, Rejection) else g[0] for g in got] == stories  # order kept
    assert got == expected


@pytest.mark.model
@pytest.mark.slow
def test_ray_runner_gives_the_records_of_the_local_runner(
        stories: list[Article | Rejection], expected: list[Any]) -> None:
    if importlib.util.find_spec("ray") is None:
        pytest.skip("ray is not installed (optional extra: pip install 'wardesk[ray]')")
    import ray

    running = ray.is_initialized()  # another test module's instance, shared by the session
    # batches of 3 over two actors: the stories are shared out, and must come back in order with
    # exactly the records the local runners give (test above: local runner == Extractor.pipe)
    got = list(run(stories, Settings(workers=2, batch_size=3), runner="ray"))
    assert [g if isinstance(g, Rejection) else g[0] for g in got] == stories
    assert got == expected
    # the runner stops the local instance it started, and leaves one it found running
    assert ray.is_initialized() == running
