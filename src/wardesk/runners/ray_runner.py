"""The Ray runner: the guarded extraction of the local pool as a Ray Data ``map_batches`` over an
actor pool whose actors each load the pipeline once; results stream back in input order.

How it runs: input is read lazily in windows (``WINDOW`` documents, or ``BATCHES_PER_ACTOR``
batches an actor on a large cluster). Each window becomes a dataset of ``{seq, article JSON}``
rows; ``map_batches(ExtractBatch)`` on a pool of ``workers`` actors answers with ``{seq, record
or rejection JSON}`` rows, which the driver turns back into records and yields in input order
(it, not the workers, writes any store). Writing shards (``shards_on_ray``), each actor writes
its batch's records as one Parquet file and answers only with the file's name, so records never
pass through the driver. Ray is an optional extra: ``pip install 'wardesk[ray]'``.

Failure rules, as in the local pool: inside each actor the alarm of ``guard.py`` rejects a slow
document as ``"timeout"`` and a failing one as ``"worker_error"`` without stopping the batch. A
batch that outlives ``(documents + 1) × doc_timeout + GRACE`` (a loop in compiled code the alarm
cannot stop) makes its actor exit; a batch lost with its actor (that, or a crash) is dropped by
Ray Data rather than retried, and its documents are re-run one per batch once the window is
done; one that is lost again becomes a Rejection: ``"timeout"`` if the watchdog ended it,
``"worker_error"`` otherwise.
"""

from __future__ import annotations

import json
import logging
import math
import os
import socket
import threading
import warnings
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, cast

from wardesk.errors import UsageError, WardeskError
from wardesk.extract.layers import KnownPerson
from wardesk.records import Article, Rejection, from_dict, record_from_dict, to_dict
from wardesk.runners.guard import (
    ExtractorFactory,
    Result,
    default_extractor,
    error_rejection,
    guarded_run,
    timeout_rejection,
)
from wardesk.runners.shards import ShardWriter, Written
from wardesk.settings import Settings

GRACE = 30.0  # seconds beyond a batch's alarm budget before its actor's watchdog ends it
CHUNK = 8  # articles per map_batches batch: as the local pool, small enough to share a corpus
# Documents per dataset: bounds the driver's memory on an endless input. Each window starts
# its own actor pool, which loads the model once per actor (~4 CPU-s): against a window's work
# (~0.17 CPU-s an article) that is under 1% for one actor and about 5% at 64 batches an actor.
WINDOW = 4096
BATCHES_PER_ACTOR = 64
PART_PREFIX = "part-"  # record files written by actors: part-<first seq of the batch>.parquet


class ExtractBatch:
    """The ``map_batches`` callable: loads the pipeline once per actor, extracts a batch of
    articles given as JSON and answers with each one's record or Rejection as JSON."""

    def __init__(self, settings: Settings, known: Mapping[str, KnownPerson],
                 factory: ExtractorFactory, ledger: Any, grace: float, single: bool,
                 out_dir: str | None = None) -> None:
        self.settings = settings
        self.out_dir = out_dir  # shards: records go to a file here, not back to the driver
        self.extractor = factory(settings, known)
        self.ledger = ledger  # told of stalls in the one-document re-runs, whose verdict is final
        self.single = single
        self.grace = grace

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, list[Any]]:
        seqs = [int(seq) for seq in batch["seq"]]
        articles = [from_dict(Article, json.loads(text)) for text in batch["article"]]
        watchdog = self._watchdog(seqs)
        try:
            results: list[Result | Written] = list(
                guarded_run(self.extractor, articles, self.settings.doc_timeout))
            if self.out_dir is not None:
                results = self._write(seqs[0], results)
        finally:
            if watchdog is not None:
                watchdog.cancel()
        return {"seq": seqs, "kind": [_kind(r) for r in results],
                "payload": [json.dumps(_payload(r), ensure_ascii=False) for r in results]}

    def _write(self, first: int, results: list[Result | Written]) -> list[Result | Written]:
        """Write the batch's records as one Parquet file named by its first sequence number
        (a re-run of a lost batch writes over what its dead actor may have left); answer
        with where each record went."""
        from pathlib import Path

        from wardesk.runners.shards import shard_row, write_record_file

        assert self.out_dir is not None
        name = f"{PART_PREFIX}{first:010d}.parquet"
        rows = [shard_row(r) for r in results if isinstance(r, tuple)]
        if rows:
            out = Path(self.out_dir)
            out.mkdir(parents=True, exist_ok=True)
            write_record_file(out / name, rows)
        return [Written(name, len(r[1].events)) if isinstance(r, tuple) else r for r in results]

    def _watchdog(self, seqs: list[int]) -> threading.Timer | None:
        if self.settings.doc_timeout <= 0:
            return None  # no time limit asked for
        limit = (len(seqs) + 1) * self.settings.doc_timeout + self.grace
        timer = threading.Timer(limit, self._stalled, args=(seqs,))
        timer.daemon = True
        timer.start()
        return timer

    def _stalled(self, seqs: list[int]) -> None:
        """The batch ignored its alarm: tell the driver it timed out, then end this actor (the
        only way to stop compiled code); Ray Data drops the batch and restarts the actor."""
        import ray

        try:
            if self.single:
                ray.get(self.ledger.note.remote(seqs), timeout=10)
        finally:
            os._exit(70)


class Ledger:
    """Sequence numbers of batches that actors' watchdogs ended: timeouts, not crashes."""

    def __init__(self) -> None:
        self.stalled: set[int] = set()

    def note(self, seqs: list[int]) -> None:
        self.stalled.update(seqs)

    def seen(self) -> set[int]:
        return set(self.stalled)


def _kind(result: Result | Written) -> str:
    if isinstance(result, Written):
        return "written"
    return "rejection" if isinstance(result, Rejection) else "record"


def _payload(result: Result | Written) -> Any:
    if isinstance(result, Written):
        return {"file": result.file, "events": result.events}
    return to_dict(result) if isinstance(result, Rejection) else to_dict(result[1])


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise UsageError("Ray is not installed: pip install 'wardesk[ray]'") from exc
    try:
        import ray.data  # needs pandas, part of the extra
    except ImportError as exc:
        raise UsageError(f"Ray Data cannot be loaded ({exc}): pip install 'wardesk[ray]'") from exc
    return ray


def run_on_ray(items: Iterable[Article | Rejection], settings: Settings, *,
               known: Mapping[str, KnownPerson] | None = None, address: str | None = None,
               factory: ExtractorFactory = default_extractor,
               grace: float = GRACE) -> Iterator[Result]:
    """Results in input order. Uses the Ray instance already started in this process, else
    connects to ``address``, else starts a local one (and stops what it started).

    ``settings.workers`` > 1 actors, or one per CPU of the cluster; each loads the pipeline via
    ``factory`` once per window of documents (see ``WINDOW``).
    """
    ray = _import_ray()
    run = _RayRun(ray, settings, dict(known or {}), factory, grace)
    return cast(Iterator[Result], run.stream(iter(items), address))  # no out_dir: no Written


def shards_on_ray(items: Iterable[Article | Rejection], settings: Settings, writer: ShardWriter,
                  *, known: Mapping[str, KnownPerson] | None = None, address: str | None = None,
                  factory: ExtractorFactory = default_extractor,
                  grace: float = GRACE) -> Iterator[Written | Rejection]:
    """As ``run_on_ray``, but each actor writes its batches' records as Parquet files into
    ``writer``'s directory (which must be shared by the nodes of a cluster): the driver gets
    back and yields, in input order, only where each record went, or its Rejection. The
    caller finishes ``writer`` (its manifest) once this is exhausted."""
    ray = _import_ray()
    out_dir = str(writer.out.resolve())
    run = _RayRun(ray, settings, dict(known or {}), factory, grace, out_dir=out_dir)
    for outcome in run.stream(iter(items), address):
        if isinstance(outcome, Written):
            writer.add_written(outcome)
        elif isinstance(outcome, Rejection):
            writer.reject(outcome)
        else:  # actors that write shards send no records back
            raise WardeskError("a Ray actor sent a record back instead of writing it")
        yield outcome
    # files (and half-written ones) of batches whose actor died after writing: re-run since
    writer.remove_unlisted(f"{PART_PREFIX}*.parquet")
    writer.remove_unlisted(f".{PART_PREFIX}*.tmp")


class _RayRun:
    def __init__(self, ray: Any, settings: Settings, known: dict[str, KnownPerson],
                 factory: ExtractorFactory, grace: float, out_dir: str | None = None) -> None:
        self.ray = ray
        self.out_dir = out_dir
        self.settings = settings
        self.known = known
        self.factory = factory
        self.grace = grace
        self.size = 1
        self.ledger: Any = None

    def stream(self, items: Iterator[Article | Rejection],
               address: str | None) -> Iterator[Result | Written]:
        started = not self.ray.is_initialized()
        if started:
            quiet = {"log_to_driver": False, "logging_level": logging.WARNING}
            if address:
                _reachable(address)
                try:
                    self.ray.init(address=address, **quiet)
                except ConnectionError as exc:
                    raise WardeskError(f"cannot connect to Ray at {address}: {exc}") from exc
            else:
                cpus = self.settings.workers if self.settings.workers > 1 else None
                self.ray.init(num_cpus=cpus, include_dashboard=False, **quiet)
        context = self.ray.data.DataContext.get_current()
        saved = (context.max_errored_blocks, context.execution_options.preserve_order,
                 context.enable_progress_bars)
        data_log = logging.getLogger("ray.data")
        level = data_log.level
        try:
            # the caller reports progress, and this runner the failures (as Rejections, or as the
            # error below); Ray Data's notes and tracebacks stay in its session's log files
            data_log.setLevel(logging.CRITICAL)
            # a batch lost with its actor is dropped, not fatal: its documents are re-run
            context.max_errored_blocks = -1
            context.execution_options.preserve_order = True
            context.enable_progress_bars = False
            cpus = int(self.ray.cluster_resources().get("CPU", 1))
            self.size = self.settings.workers if self.settings.workers > 1 else max(1, cpus)
            self.ledger = self.ray.remote(num_cpus=0)(Ledger).remote()
            read = 0
            size = max(WINDOW, self.size * self._chunk() * BATCHES_PER_ACTOR)
            while window := list(islice(items, size)):
                yield from self._window(read, window)
                read += len(window)
        finally:
            data_log.setLevel(level)
            (context.max_errored_blocks, context.execution_options.preserve_order,
             context.enable_progress_bars) = saved
            if self.ledger is not None:
                self.ray.kill(self.ledger)
            if started:
                self.ray.shutdown()

    def _chunk(self) -> int:
        return max(1, min(self.settings.batch_size, CHUNK))

    def _window(self, first: int,
                window: list[Article | Rejection]) -> Iterator[Result | Written]:
        """The window's results in order, streamed as they come, the lost ones re-run last."""
        results: dict[int, Result | Written] = {}
        articles: dict[int, Article] = {}
        for seq, item in enumerate(window, first):
            if isinstance(item, Rejection):
                results[seq] = item
            else:
                articles[seq] = item
        next_out, end = first, first + len(window)
        for seq, result in self._extract(articles, self._chunk()):
            results[seq] = result
            while next_out in results:
                yield results.pop(next_out)
                next_out += 1
        lost = {seq: a for seq, a in articles.items() if seq >= next_out and seq not in results}
        if lost:
            results.update(self._extract(lost, 1))
            stalled = self.ray.get(self.ledger.seen.remote())
            for seq in set(lost) - set(results):
                results[seq] = (timeout_rejection(lost[seq], self.settings.doc_timeout)
                                if seq in stalled else
                                error_rejection(lost[seq], "the Ray worker died on this article"))
        for seq in range(next_out, end):
            yield results.pop(seq)

    def _extract(self, articles: dict[int, Article],
                 batch_size: int) -> Iterator[tuple[int, Result | Written]]:
        """(seq, result) of ``articles`` through one Ray Data run; a lost batch yields nothing."""
        if not articles:
            return
        rows = [{"seq": seq, "article": json.dumps(to_dict(a), ensure_ascii=False)}
                for seq, a in articles.items()]
        batches = math.ceil(len(rows) / batch_size)
        # One call at a time per actor, run by Ray in the actor's main thread (not in Ray Data's
        # default UDF thread), where the alarm of guard.py works. When re-running lost articles
        # one by one, no second batch waits on an actor: it would die with the culprit.
        pool = self.ray.data.ActorPoolStrategy(
            size=min(self.size, batches), enable_true_multi_threading=True,
            max_tasks_in_flight_per_actor=1 if batch_size == 1 else None,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # Ray 2.60 deprecates it, with no
            # replacement yet for max_task_retries
            dataset = self.ray.data.from_items(rows, override_num_blocks=batches).map_batches(
                ExtractBatch, batch_size=batch_size, batch_format="numpy", num_cpus=1,
                compute=pool,
                fn_constructor_kwargs={"settings": self.settings, "known": self.known,
                                       "factory": self.factory, "ledger": self.ledger,
                                       "grace": self.grace, "single": batch_size == 1,
                                       "out_dir": self.out_dir},
                max_task_retries=0,  # a batch that killed its actor would kill the next one too
            )
        try:
            for row in dataset.iter_rows():
                seq = int(row["seq"])
                payload = json.loads(str(row["payload"]))
                if row["kind"] == "rejection":
                    yield seq, from_dict(Rejection, payload)
                elif row["kind"] == "written":
                    yield seq, Written(payload["file"], int(payload["events"]))
                else:
                    yield seq, (articles[seq], record_from_dict(payload))
        except self.ray.exceptions.RayError as exc:  # not a document's fault: e.g. no model on a node
            lines = [line for line in str(exc).splitlines() if line.strip()]
            cause = lines[-1].strip() if lines else type(exc).__name__  # the root error comes last
            raise WardeskError(f"the Ray workers failed: {cause}") from exc


def _reachable(address: str, timeout: float = 5.0) -> None:
    """Fail in seconds, with one line, when nothing listens at a "host:port" or "ray://host:port"
    address (ray.init itself retries for many minutes); "auto" and the like are Ray's to read."""
    rest = address.split("://", 1)[-1]
    host, sep, port = rest.rpartition(":")
    if not sep or not port.isdigit() or not host:
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as exc:
        raise WardeskError(f"cannot reach Ray at {address}: {exc.strerror or exc}") from exc
