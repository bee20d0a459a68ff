"""The Ray runner: the same guarded extraction as the local pool, in Ray actors that each load
the pipeline once, so a corpus can be spread over a cluster. Ray is an optional extra.

Plain actors rather than Ray Data: Ray Data needs pandas and an executor of its own for what is
here a simple ordered map over chunks; actors keep the failure rules of the local pool (a dead
actor's chunk is re-run one document at a time; the guilty one becomes a Rejection).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from wardesk.errors import UsageError
from wardesk.extract.layers import KnownPerson
from wardesk.records import Article, Rejection
from wardesk.runners.guard import Result, error_rejection, guarded_run, timeout_rejection
from wardesk.settings import Settings

GRACE = 30.0  # beyond the per-document budget: Ray scheduling and actor start-up


class ExtractorActor:
    """One Ray actor: loads the pipeline once, extracts whole chunks."""

    def __init__(self, settings: Settings, known: Mapping[str, KnownPerson]) -> None:
        from wardesk.pipeline import Extractor

        self.settings = settings
        self.extractor = Extractor(settings, known)

    def extract(self, chunk: list[Article]) -> list[Result]:
        return list(guarded_run(self.extractor, chunk, self.settings.doc_timeout))


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise UsageError("Ray is not installed: pip install 'wardesk[ray]'") from exc
    return ray


def run_on_ray(items: Iterable[Article | Rejection], settings: Settings, *,
               known: Mapping[str, KnownPerson] | None = None,
               address: str | None = None) -> Iterator[Result]:
    """Results in input order; starts a local two-CPU Ray instance when ``address`` is None."""
    return _stream(_import_ray(), items, settings, dict(known or {}), address)


def _stream(ray: Any, items: Iterable[Article | Rejection], settings: Settings,
            known: dict[str, KnownPerson], address: str | None) -> Iterator[Result]:
    started = not ray.is_initialized()
    if started:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield from _RaySchedule(ray, settings, known).run(iter(items))
    finally:
        if started:
            ray.shutdown()


class _RaySchedule:
    def __init__(self, ray: Any, settings: Settings, known: dict[str, KnownPerson]) -> None:
        self.ray = ray
        self.settings = settings
        self.known = known
        self.actor_class = ray.remote(num_cpus=1)(ExtractorActor)
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.size = settings.workers if settings.workers > 1 else max(1, cpus)
        self.idle: deque[Any] = deque(self._actor() for _ in range(self.size))
        self.running: dict[Any, tuple[Any, list[int], list[Article], bool, float]] = {}
        self.pending: deque[tuple[list[int], list[Article], bool]] = deque()
        self.results: dict[int, Result] = {}

    def _actor(self) -> Any:
        return self.actor_class.remote(self.settings, self.known)

    def run(self, items: Iterator[Article | Rejection]) -> Iterator[Result]:
        read = next_out = 0
        exhausted = False
        window = self.settings.batch_size * self.size * 3
        while True:
            while not exhausted and read - next_out < window and len(self.pending) < self.size:
                chunk = list(islice(items, self.settings.batch_size))
                exhausted = len(chunk) < self.settings.batch_size
                read = self._queue(chunk, read)
            self._dispatch()
            while next_out in self.results:
                yield self.results.pop(next_out)
                next_out += 1
            if exhausted and next_out == read:
                return
            self._collect()

    def _queue(self, chunk: list[Article | Rejection], read: int) -> int:
        seqs, articles = [], []
        for item in chunk:
            if isinstance(item, Rejection):
                self.results[read] = item
            else:
                seqs.append(read)
                articles.append(item)
            read += 1
        if articles:
            self.pending.append((seqs, articles, False))
        return read

    def _dispatch(self) -> None:
        while self.idle and self.pending:
            actor = self.idle.popleft()
            seqs, chunk, single = self.pending.popleft()
            ref = actor.extract.remote(chunk)
            self.running[ref] = (actor, seqs, chunk, single, time.monotonic())

    def _collect(self) -> None:
        if not self.running:
            return
        done, _ = self.ray.wait(list(self.running), num_returns=1, timeout=1.0)
        for ref in done:
            actor, seqs, chunk, single, _start = self.running.pop(ref)
            try:
                self.results.update(zip(seqs, self.ray.get(ref), strict=True))
                self.idle.append(actor)
            except Exception as exc:  # the actor died or the chunk raised
                self._fail(actor, seqs, chunk, single, f"{type(exc).__name__}: {exc}", "worker_error")
        now = time.monotonic()
        for ref, (actor, seqs, chunk, single, start) in list(self.running.items()):
            if now - start > (len(chunk) + 1) * self.settings.doc_timeout + GRACE:
                del self.running[ref]
                self._fail(actor, seqs, chunk, single, "", "timeout")

    def _fail(self, actor: Any, seqs: list[int], chunk: list[Article], single: bool,
              message: str, reason: str) -> None:
        self.ray.kill(actor)
        self.idle.append(self._actor())
        if not single:
            self.pending.extendleft(([s], [a], True) for s, a in reversed(list(zip(seqs, chunk, strict=True))))
        elif reason == "timeout":
            self.results[seqs[0]] = timeout_rejection(chunk[0], self.settings.doc_timeout)
        else:
            self.results[seqs[0]] = error_rejection(chunk[0], message[:500])
