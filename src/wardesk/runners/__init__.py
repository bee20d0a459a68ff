"""Run the extraction pipeline over many articles: in this process, in a local process pool, or
on Ray; results always come back streaming and in input order. Also reads/writes record shards.

    >>> for result in run(articles, Settings(workers=2)):
    ...     if isinstance(result, Rejection): ...
    ...     else: article, record = result
    >>> for outcome in run_to_shards(articles, settings, "out/", runner="ray"):
    ...     ...  # Written(file, events) or Rejection; `wardesk import out/` loads them
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from pathlib import Path

from wardesk.errors import UsageError
from wardesk.extract.layers import KnownPerson
from wardesk.records import Article, Rejection
from wardesk.runners.guard import Extracted, ExtractorLike, Result, guarded_run
from wardesk.runners.shards import ShardWriter, Written, read_rejections, read_shards, write_shards
from wardesk.settings import Settings

RUNNERS = ("local", "ray")

__all__ = [
    "RUNNERS", "Extracted", "Result", "Written", "read_rejections", "read_shards", "run",
    "run_in_process", "run_to_shards", "write_shards",
]


def run(
    items: Iterable[Article | Rejection], settings: Settings, *,
    known: Mapping[str, KnownPerson] | None = None, runner: str = "local",
    address: str | None = None,
) -> Iterator[Result]:
    """(article, record) pairs or Rejections, one per input item, in input order.

    ``runner="local"`` uses ``settings.workers`` processes (1: this process; 0 or less: one per
    core); ``runner="ray"`` uses Ray at ``address`` (default: a local Ray instance).
    """
    if runner == "local":
        workers = settings.workers if settings.workers > 0 else os.cpu_count() or 1
        if workers == 1:
            return run_in_process(items, settings, known=known)
        from dataclasses import replace

        from wardesk.runners.local import LocalPool

        return LocalPool(replace(settings, workers=workers), known).run(items)
    if runner == "ray":
        from wardesk.runners.ray_runner import run_on_ray

        return run_on_ray(items, settings, known=known, address=address)
    raise UsageError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")


def run_to_shards(
    items: Iterable[Article | Rejection], settings: Settings, out_dir: str | Path, *,
    known: Mapping[str, KnownPerson] | None = None, runner: str = "local",
    address: str | None = None,
) -> Iterator[Written | Rejection]:
    """Extract ``items`` into a shard directory instead of returning the records: one
    ``Written`` (file, events) or Rejection per input item, in input order; the manifest is
    written once the iterator is exhausted (stopped early or failed: no manifest, an
    unfinished run). Memory stays flat: at most one shard's rows are held.

    ``out_dir`` is checked at once: one that already holds shards raises UsageError. The
    local runner's records are written here, by this process; on Ray each actor writes its
    batches' files (see ``ray_runner.shards_on_ray``), so records do not pass through here.
    """
    if runner not in RUNNERS:
        raise UsageError(f"unknown runner {runner!r}: choose one of {', '.join(RUNNERS)}")
    writer = ShardWriter(out_dir)
    return _to_shards(items, settings, writer, known, runner, address)


def _to_shards(items: Iterable[Article | Rejection], settings: Settings, writer: ShardWriter,
               known: Mapping[str, KnownPerson] | None, runner: str,
               address: str | None) -> Iterator[Written | Rejection]:
    try:
        if runner == "ray":
            from wardesk.runners.ray_runner import shards_on_ray

            yield from shards_on_ray(items, settings, writer, known=known, address=address)
        else:
            for result in run(items, settings, known=known, runner=runner):
                yield writer.add(result)
    except BaseException:
        writer.abort()
        raise
    writer.finish()


def run_in_process(
    items: Iterable[Article | Rejection], settings: Settings, *,
    known: Mapping[str, KnownPerson] | None = None, extractor: ExtractorLike | None = None,
) -> Iterator[Result]:
    """The one-process runner: the pipeline loaded here, the per-document alarm of guard.py."""
    if extractor is None:
        from wardesk.pipeline import Extractor

        extractor = Extractor(settings, known or {})
    source = iter(items)
    while chunk := list(islice(source, settings.batch_size)):
        yield from guarded_run(extractor, chunk, settings.doc_timeout)
