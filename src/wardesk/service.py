"""Library operations behind the CLI and the API: ingest into a store, extract without one.

Each CLI command ends in one call here (or in store/export/brief); nothing here formats output.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wardesk.errors import StoreError
from wardesk.records import Article, ArticleRecord, Rejection
from wardesk.settings import Settings

if TYPE_CHECKING:
    from wardesk.pipeline import Extracted
    from wardesk.store import Store

Progress = Callable[[int], None]  # called with the number of documents just finished


@dataclass
class IngestSummary:
    """What an ingest did: articles new/unchanged/rejected, events stored, reasons."""

    new: int = 0
    unchanged: int = 0
    rejected: int = 0
    events: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "new": self.new, "unchanged": self.unchanged, "rejected": self.rejected,
            "events": self.events, "reasons": dict(self.reasons),
        }


def _skip_known(
    items: Iterable[Article | Rejection], store: Store | None, summary: IngestSummary,
    progress: Progress | None,
) -> Iterator[Article | Rejection]:
    """Drop articles the store already holds, or that came before in this run, before the
    costly parse (re-ingest is a no-op)."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Article) and (
                item.id in seen or (store is not None and store.has_article(item.id))):
            summary.unchanged += 1
            if progress:
                progress(1)
            continue
        if isinstance(item, Article):
            seen.add(item.id)
        yield item


def ingest(
    sources: Sequence[str], store: Store, settings: Settings, *, published: str | None = None,
    runner: str = "local", address: str | None = None, progress: Progress | None = None,
) -> IngestSummary:
    """Read, extract and store every document of ``sources``; one transaction per article."""
    from wardesk.ingest import read_sources
    from wardesk.runners import run

    summary = IngestSummary()
    items = _skip_known(read_sources(sources, settings, published=published), store, summary, progress)
    results = run(items, settings, known=store.known_people(), runner=runner, address=address)
    _store_results(results, store, summary, progress)
    return summary


def ingest_to_shards(
    sources: Sequence[str], out_dir: str, settings: Settings, *, store: Store | None = None,
    published: str | None = None, runner: str = "local", address: str | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """As ``ingest``, but the records and Rejections go to a shard directory (for ``wardesk
    import``) instead of the store. ``store``, if given, is only read: its known people, and
    the articles it already holds, which are skipped as ``ingest`` skips them.

    ``new`` counts the articles written. A directory that already holds shards is refused
    before anything is read.
    """
    from wardesk.ingest import read_sources
    from wardesk.runners import Written, run_to_shards

    summary = IngestSummary()
    known = store.known_people() if store is not None else {}
    items = _skip_known(read_sources(sources, settings, published=published), store, summary,
                        progress)
    for outcome in run_to_shards(items, settings, out_dir, known=known, runner=runner,
                                 address=address):
        if isinstance(outcome, Written):
            summary.new += 1
            summary.events += outcome.events
        else:
            _count_rejection(outcome, summary)
        if progress:
            progress(1)
    return summary


def import_shards(directory: str, store: Store, progress: Progress | None = None) -> IngestSummary:
    """Load record shards written by a runner (e.g. on a Ray cluster) into the store."""
    from wardesk.runners import read_rejections, read_shards

    summary = IngestSummary()
    _store_results(read_shards(directory), store, summary, progress)
    _store_results(read_rejections(directory), store, summary, progress)
    return summary


def _store_results(
    results: Iterable[Extracted | Rejection], store: Store, summary: IngestSummary,
    progress: Progress | None,
) -> None:
    for result in results:
        if isinstance(result, Rejection):
            _reject(result, store, summary)
        else:
            _save(*result, store, summary)
        if progress:
            progress(1)


def _reject(rejection: Rejection, store: Store, summary: IngestSummary) -> None:
    store.reject(rejection)
    _count_rejection(rejection, summary)


def _count_rejection(rejection: Rejection, summary: IngestSummary) -> None:
    summary.rejected += 1
    summary.reasons[rejection.reason] += 1
    if len(summary.rejections) < 1000:
        summary.rejections.append(rejection)


def _save(article: Article, record: ArticleRecord, store: Store, summary: IngestSummary) -> None:
    try:
        outcome = store.save(article, record)
    except StoreError as exc:  # one record the store refuses must not end the batch
        _reject(Rejection(article.origin or article.id, "store_error", str(exc)), store, summary)
        return
    if outcome == "new":
        summary.new += 1
        summary.events += len(record.events)
    else:
        summary.unchanged += 1


def _may_hold_many(path: str) -> bool:
    """A corpus, feed or JSON list: read_sources, not read_one, takes those."""
    from wardesk.ingest.sources import CORPUS_SUFFIXES, FEED_SUFFIXES

    return os.path.splitext(path)[1].lower() in CORPUS_SUFFIXES | FEED_SUFFIXES | {".json"}


def extract_sources(
    sources: Sequence[str], settings: Settings, *, published: str | None = None,
    text: str | None = None,
) -> Iterator[ArticleRecord | Rejection]:
    """Records for the given sources (or one ``text``), in input order; nothing is stored."""
    from wardesk.ingest import read_one, read_sources
    from wardesk.runners import run

    items: Iterable[Article | Rejection]
    if text is not None:
        items = [read_one("-", settings, published=published, text=text)]
    elif len(sources) == 1 and os.path.isfile(sources[0]) and not _may_hold_many(sources[0]):
        items = [read_one(sources[0], settings, published=published)]
    else:
        items = read_sources(sources, settings, published=published)
    for result in run(items, settings, runner="local"):
        yield result if isinstance(result, Rejection) else result[1]
