"""The local process pool: worker processes that each load the pipeline once, fed chunks of
articles, answering with results that the parent yields back in input order.

Failure handling, in one place (the parent's watchdog):
- a worker streams one message per finished document, so the parent always knows what is left;
- a worker that dies (crash, OOM kill) or goes silent past its limit is killed and replaced;
  what was left of a chunk is re-submitted one document per task, so only the guilty document
  is lost: as ``Rejection(reason="worker_error")`` after a crash, ``"timeout"`` after a stall;
- inside each worker the alarm of ``guard.py`` stops slow Python-level work without a restart.
Memory stays bounded: input is read lazily and at most ``window`` documents are in flight or
waiting to be yielded.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from wardesk.errors import WardeskError
from wardesk.extract.layers import KnownPerson
from wardesk.records import Article, Rejection
from wardesk.runners.guard import (
    ExtractorFactory,
    Result,
    default_extractor,
    error_rejection,
    guarded_run,
    timeout_rejection,
)
from wardesk.settings import Settings

GRACE = 5.0  # seconds beyond the soft limit before the hard watchdog kills a silent worker
# Articles per task: small enough that two workers finish a short corpus together, large enough
# that spaCy still batches (its speed gains little past ~8 documents a batch on CPU).
CHUNK = 8
MAX_EARLY_DEATHS = 3  # workers that die before loading the model: a broken install, not a document


def _start_method() -> str:
    """fork when this process has one thread (fast, and needs no ``__main__`` guard in the
    caller's script); forkserver otherwise, since forking a threaded process can deadlock."""
    if "fork" in mp.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"


def _worker_main(conn: Connection, settings: Settings, known: Mapping[str, KnownPerson],
                 factory: ExtractorFactory) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        extractor = factory(settings, known)
    except Exception as exc:
        conn.send(("fatal", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready",))
    while (task := conn.recv()) is not None:
        seqs, chunk = task
        done = 0
        try:
            for result in guarded_run(extractor, chunk, settings.doc_timeout):
                conn.send(("result", seqs[done], result))
                done += 1
            conn.send(("done",))
        except Exception as exc:  # a chunk-level failure: the parent decides what is lost
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


@dataclass
class _Task:
    seqs: list[int]
    chunk: list[Article]
    single: bool = False


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    task: _Task | None = None
    finished: int = 0  # documents of the task answered so far
    last_progress: float = field(default_factory=time.monotonic)


class LocalPool:
    """Runs an extractor over documents in ``settings.workers`` processes."""

    def __init__(self, settings: Settings, known: Mapping[str, KnownPerson] | None = None, *,
                 factory: ExtractorFactory = default_extractor, start_method: str | None = None,
                 chunk_size: int | None = None, window_chunks: int = 3) -> None:
        self.settings = settings
        self.known = dict(known or {})
        self.factory = factory
        self.context = mp.get_context(start_method or _start_method())
        self.chunk_size = chunk_size or min(settings.batch_size, CHUNK)
        self.window = self.chunk_size * settings.workers * window_chunks
        self.workers: list[_Worker] = []
        self.pending: deque[_Task] = deque()
        self.results: dict[int, Result] = {}
        self.early_deaths = 0

    def run(self, items: Iterable[Article | Rejection]) -> Iterator[Result]:
        self.workers = [self._start() for _ in range(self.settings.workers)]
        try:
            yield from self._loop(iter(items))
        finally:
            self._stop_all()

    # --- the scheduling loop ----------------------------------------------------------------

    def _loop(self, items: Iterator[Article | Rejection]) -> Iterator[Result]:
        next_out = read = 0
        exhausted = False
        while True:
            if not exhausted:
                read, exhausted = self._read(items, read, next_out)
            self._dispatch()
            while next_out in self.results:
                yield self.results.pop(next_out)
                next_out += 1
            if exhausted and next_out == read:
                return
            self._wait()

    def _read(self, items: Iterator[Article | Rejection], read: int,
              next_out: int) -> tuple[int, bool]:
        """Read input into chunks while the window has room; (documents read, exhausted)."""
        task = _Task([], [])
        exhausted = False
        while read - next_out < self.window and len(self.pending) < 2 * len(self.workers):
            item = next(items, None)
            if item is None:
                exhausted = True
                break
            if isinstance(item, Rejection):
                self.results[read] = item
            else:
                task.seqs.append(read)
                task.chunk.append(item)
            read += 1
            if len(task.chunk) >= self.chunk_size:
                self.pending.append(task)
                task = _Task([], [])
        if task.chunk:
            self.pending.append(task)
        return read, exhausted

    def _dispatch(self) -> None:
        for worker in self.workers:
            if worker.ready and worker.task is None and self.pending:
                worker.task = self.pending.popleft()
                worker.finished = 0
                worker.last_progress = time.monotonic()
                worker.conn.send((worker.task.seqs, worker.task.chunk))

    def _wait(self) -> None:
        conns: dict[Any, _Worker] = {}
        for worker in self.workers:
            conns[worker.conn] = worker
            conns[worker.process.sentinel] = worker
        for ready in wait(list(conns), timeout=self._next_deadline()):
            worker = conns[ready]
            if worker in self.workers:  # it may have been replaced already in this round
                self._service(worker)
        self._watchdog()

    def _next_deadline(self) -> float:
        now = time.monotonic()
        busy = [w.last_progress + self._limit(w) - now for w in self.workers if w.task]
        return max(0.05, min(busy, default=1.0))

    def _limit(self, worker: _Worker) -> float:
        # a batch may stall once before the worker's own alarm falls back to single documents
        attempts = 1 if worker.task and worker.task.single else 2
        return attempts * self.settings.doc_timeout + GRACE

    # --- messages, deaths and stalls --------------------------------------------------------

    def _service(self, worker: _Worker) -> None:
        try:
            while worker.conn.poll():
                self._message(worker, worker.conn.recv())
        except (EOFError, OSError):
            pass
        if not worker.process.is_alive() and worker in self.workers:
            if not worker.ready:
                self.early_deaths += 1
                if self.early_deaths >= MAX_EARLY_DEATHS:
                    raise WardeskError("worker processes keep dying while loading the pipeline "
                                       f"(exit code {worker.process.exitcode})")
            self._replace(worker, "worker_error", "worker process died "
                          f"(exit code {worker.process.exitcode})")

    def _message(self, worker: _Worker, message: tuple[Any, ...]) -> None:
        kind = message[0]
        if kind == "ready":
            worker.ready = True
        elif kind == "fatal":
            raise WardeskError(f"a worker could not start: {message[1]}")
        elif kind == "result":
            self.results[message[1]] = message[2]
            worker.finished += 1
            worker.last_progress = time.monotonic()
        elif kind == "done":
            worker.task = None
        elif kind == "error":
            self._salvage(worker, "worker_error", message[1])
            worker.task = None

    def _watchdog(self) -> None:
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.task and now - worker.last_progress > self._limit(worker):
                self._replace(worker, "timeout", "")

    def _replace(self, worker: _Worker, reason: str, message: str) -> None:
        self._kill(worker)
        self._salvage(worker, reason, message)
        self.workers[self.workers.index(worker)] = self._start()

    def _salvage(self, worker: _Worker, reason: str, message: str) -> None:
        """Re-queue the unanswered documents of a failed task one by one, or reject the one
        document of a failed single task."""
        task = worker.task
        if task is None:
            return
        seqs, chunk = task.seqs[worker.finished:], task.chunk[worker.finished:]
        if task.single:
            article = chunk[0]
            self.results[seqs[0]] = (
                timeout_rejection(article, self.settings.doc_timeout) if reason == "timeout"
                else error_rejection(article, message)
            )
        else:
            self.pending.extendleft(
                _Task([s], [a], single=True) for s, a in reversed(list(zip(seqs, chunk, strict=True)))
            )
        worker.task = None

    # --- processes --------------------------------------------------------------------------

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(  # type: ignore[attr-defined]  # every concrete context has it
            target=_worker_main, args=(child, self.settings, self.known, self.factory),
            daemon=True, name="wardesk-worker",
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _kill(self, worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()

    def _stop_all(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        deadline = time.monotonic() + 5
        for worker in self.workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(1)
            worker.conn.close()
        self.workers = []
