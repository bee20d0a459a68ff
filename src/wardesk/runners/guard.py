"""The per-document time limit inside one process: a batch runs fast under a progress alarm,
and when it stalls the rest of it is re-run one document at a time, each under its own alarm.

Why an alarm (SIGALRM via ``setitimer``): it stops the Python-level work of wardesk's rule
layers, where a pathological sentence hurts most, without restarting the process or reloading
the model. It cannot interrupt a loop inside compiled code, so the process pool adds a hard
watchdog that kills a worker that stops answering (see ``local.py``). The alarm is only used
in the main thread on platforms that have ``setitimer``; elsewhere documents run unguarded.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import FrameType
from typing import Protocol

from wardesk.extract.layers import KnownPerson
from wardesk.records import Article, ArticleRecord, Rejection
from wardesk.settings import Settings

Extracted = tuple[Article, ArticleRecord]
Result = Extracted | Rejection


class ExtractorLike(Protocol):
    """What a runner needs from wardesk.pipeline.Extractor (tests pass a fake)."""

    def pipe(self, items: Iterable[Article | Rejection]) -> Iterator[Result]: ...


ExtractorFactory = Callable[[Settings, Mapping[str, KnownPerson]], ExtractorLike]


def default_extractor(settings: Settings, known: Mapping[str, KnownPerson]) -> ExtractorLike:
    """The pipeline a runner's worker loads once (the local pool's process, a Ray actor)."""
    from wardesk.pipeline import Extractor

    return Extractor(settings, known)


class DocTimeout(BaseException):
    """Raised by the alarm. A BaseException, so the pipeline's per-document
    ``except Exception`` does not swallow it as an extraction error."""


def can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def source_of(article: Article) -> str:
    return article.origin or article.id


def timeout_rejection(article: Article, seconds: float) -> Rejection:
    return Rejection(source_of(article), "timeout", f"extraction took longer than {seconds:g} s")


def error_rejection(article: Article, message: str) -> Rejection:
    return Rejection(source_of(article), "worker_error", message)


@contextmanager
def alarm(seconds: float) -> Iterator[Callable[[], None]]:
    """Raise DocTimeout when ``seconds`` pass without a call to the yielded ``rearm``
    (``seconds`` <= 0: no alarm at all)."""
    if seconds <= 0:
        yield lambda: None
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise DocTimeout

    def rearm() -> None:
        signal.setitimer(signal.ITIMER_REAL, seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    rearm()
    try:
        yield rearm
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guarded_run(extractor: ExtractorLike, chunk: Sequence[Article | Rejection],
                doc_timeout: float) -> Iterator[Result]:
    """Results for ``chunk`` in order, each document stopped after ``doc_timeout`` seconds.

    Results are collected while the alarm is armed and yielded only once it is disarmed, so the
    alarm never fires in the caller's code (e.g. while it writes to the store).
    """
    if doc_timeout <= 0 or not can_alarm():
        doc_timeout = 0.0  # an alarm of 0 s is no alarm: documents run unguarded
    done = _batch_attempt(extractor, chunk, doc_timeout)
    yield from done
    for item in chunk[len(done):]:
        yield _single_attempt(extractor, item, doc_timeout)


def _batch_attempt(extractor: ExtractorLike, chunk: Sequence[Article | Rejection],
                   doc_timeout: float) -> list[Result]:
    """As many results as came before the batch went ``doc_timeout`` seconds without one, or
    before it failed as a whole (the rest is then re-run one by one to find the culprit)."""
    done: list[Result] = []
    try:
        with alarm(doc_timeout) as rearm:
            for result in extractor.pipe(chunk):
                done.append(result)
                rearm()
    except (DocTimeout, Exception):
        pass
    return done


def _single_attempt(extractor: ExtractorLike, item: Article | Rejection,
                    doc_timeout: float) -> Result:
    if isinstance(item, Rejection):
        return item
    try:
        with alarm(doc_timeout):
            return next(iter(extractor.pipe([item])))
    except DocTimeout:
        return timeout_rejection(item, doc_timeout)
    except Exception as exc:
        return error_rejection(item, f"{type(exc).__name__}: {exc}")
