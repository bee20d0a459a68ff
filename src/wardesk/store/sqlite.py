"""Store: wardesk's store — one transaction per article, content-keyed, re-saving is a no-op.

A SQLite file by default, or PostgreSQL given a postgresql:// URL. The class holds the
connection and delegates each query to write/queries/positions/people.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any, Literal

from wardesk.errors import StoreError, UsageError
from wardesk.extract.layers import KnownPerson
from wardesk.incidents import Report
from wardesk.records import Article, ArticleRecord, Rejection, to_dict
from wardesk.store import (
    bulk,
    incident_queries,
    incidents,
    people,
    positions,
    process,
    queries,
    write,
)
from wardesk.store.filters import EventFilter
from wardesk.store.schema import Connection, connect, database_errors, is_postgres

SaveResult = Literal["new", "unchanged"]
_LOCK_RETRIES = 5  # on top of busy_timeout: a writer keeps trying rather than failing
_SQLITE_LOAD_CACHE_KIB = 1 << 20  # 1 GiB of page cache while loading
_PG_INDEX_MEMORY = "256MB"


class Store:
    """A wardesk store at ``path`` (a SQLite file, ":memory:", or a postgresql:// URL); use as a
    context manager."""

    def __init__(self, path: str | os.PathLike[str] = "wardesk.db") -> None:
        self.path = os.fspath(path)
        self._conn = connect(self.path)

    # --- lifecycle ----------------------------------------------------------------------

    def close(self) -> None:
        if not is_postgres(self._conn):  # PostgreSQL's autovacuum keeps its own statistics
            self._refresh_statistics()
        self._conn.close()

    def _refresh_statistics(self) -> None:
        """SQLite's advice for long-lived stores: the planner picks indexes by statistics that
        nothing else refreshes. optimize analyzes only tables that grew a lot since (or were
        never analyzed), and analysis_limit keeps each to a sample: milliseconds, not seconds."""
        try:
            self._conn.execute("PRAGMA analysis_limit = 1000")
            self._conn.execute("PRAGMA optimize")
        except sqlite3.Error:  # a busy or read-only store keeps its old statistics
            pass

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        """"postgresql" or "sqlite"."""
        return "postgresql" if is_postgres(self._conn) else "sqlite"

    @property
    def connection(self) -> Connection:
        """The underlying connection, for store/ modules only (SQL stays in wardesk.store)."""
        return self._conn

    # --- writing ------------------------------------------------------------------------

    def save(self, article: Article | ArticleRecord, record: ArticleRecord | None = None) -> SaveResult:
        """Store ``article`` and its ``record`` in one transaction. "unchanged" when an article
        with the same id (the same normalised text) is already stored. ``save(record)`` alone
        stores the record without the article text."""
        source: Article | None = None
        if isinstance(article, ArticleRecord):
            record = article
        else:
            source = article
        if record is None:
            raise TypeError("save() needs the article's record")
        if source is not None and source.id != record.article.id:
            raise UsageError(f"article {source.id} and record {record.article.id} differ")
        saved = record
        return self._write(lambda conn: self._save(conn, source, saved),
                           f"article {saved.article.id}")

    def save_many(self, pairs: Iterable[tuple[Article | None, ArticleRecord]]) -> dict[str, int]:
        """Bulk loading: every (article or None, record) of ``pairs`` in ONE transaction, with the
        same writing code as ``save``; all of them are kept or none. Counts "new"/"unchanged"."""
        def work(conn: Connection) -> dict[str, int]:
            counted = {"new": 0, "unchanged": 0}
            for article, record in pairs:
                if article is not None and article.id != record.article.id:
                    raise UsageError(f"article {article.id} and record {record.article.id} differ")
                counted[self._save(conn, article, record)] += 1
            return counted
        return dict(self._write(work, "batch"))

    def load(self, pairs: Iterable[tuple[Article | None, ArticleRecord]], batch: int = 2000,
             progress: Callable[[dict[str, int]], None] | None = None,
             given: Callable[[], Iterable[Sequence[Report]]] | None = None) -> dict[str, int]:
        """Bulk loading of many records (a first import, a generated store): the rows ``save``
        writes, in ONE transaction like ``save_many`` (all kept or none), ``batch`` records per
        INSERT per table. The secondary indexes are dropped for the load and rebuilt before the
        commit, so a load into a store that already holds much pays for rebuilding them. Until
        the commit, SQLite readers see the store as it was and PostgreSQL readers wait.
        ``progress`` is called with the running counts after each batch.

        ``given`` (a generator of synthetic records that knows its incidents): called after
        each batch, it returns the incidents now complete, each as the reports (with their
        anchors) of events already loaded; they are written as the store writes incidents
        (incidents.write_given) instead of being found by the merge rule. Events left without
        one join incidents as after any load."""
        def work(conn: Connection) -> dict[str, int]:
            counted = {"new": 0, "unchanged": 0}
            empty = not incidents.has_events(conn)
            rebuild = bulk.set_aside_indexes(conn)
            stream = iter(pairs)
            while chunk := list(itertools.islice(stream, max(1, batch))):
                for key, n in bulk.save_batch(conn, chunk).items():
                    counted[key] += n
                if given is not None:
                    incidents.write_given(conn, given())
                if progress is not None:
                    progress(dict(counted))
            if given is not None:
                incidents.write_given(conn, given())
            if is_postgres(conn):  # room to sort in memory while building the indexes
                conn.execute(f"SET LOCAL maintenance_work_mem = '{_PG_INDEX_MEMORY}'")
            bulk.restore_indexes(conn, rebuild)
            incidents.assign_pending(conn, empty and given is None)
            return counted
        cache = self._conn.execute("PRAGMA cache_size").fetchone() if self.dialect == "sqlite" else None
        if cache is not None:  # a large page cache: the load then rarely reads back what it wrote
            self._conn.execute(f"PRAGMA cache_size = -{_SQLITE_LOAD_CACHE_KIB}")
        try:
            counted = dict(self._write(work, "load"))
        finally:
            if cache is not None:
                self._conn.execute(f"PRAGMA cache_size = {int(cache[0])}")
        if cache is None:  # PostgreSQL: statistics, and the visibility map index-only scans need
            self._conn.execute("VACUUM ANALYZE")
            return counted
        self._conn.execute("PRAGMA analysis_limit = 2000")  # sampled statistics: seconds
        self.optimize()
        self._conn.execute("PRAGMA analysis_limit = 0")
        return counted

    def _save(self, conn: Connection, article: Article | None,
              record: ArticleRecord) -> SaveResult:
        if queries.has_article(conn, record.article.id):
            return "unchanged"
        data = to_dict(record)  # once: the stored JSON and the event rows both use it
        if not write.insert_article(conn, article, record, data):  # saved by another writer
            return "unchanged"
        write.save_parts(conn, record, data)
        incidents.assign(conn, [(record.article.id, e.id) for e in record.events])
        return "new"

    def optimize(self) -> None:
        """Refresh the query planner's statistics (after a bulk load: it picks indexes by them)."""
        self._conn.execute("ANALYZE")

    def delete(self, article_id: str) -> bool:
        """Remove an article and everything extracted from it (its events also leave every
        running total); False when no such article is stored. To re-code an article with a
        newer wardesk, delete it and save the new record."""
        def work(conn: Connection) -> bool:
            touched = incidents.before_delete(conn, article_id)
            deleted = write.delete_article(conn, article_id)
            incidents.after_delete(conn, touched)  # what only its events held together splits
            return deleted
        return bool(self._write(work, f"deletion of article {article_id}"))

    def reject(self, rejection: Rejection) -> None:
        self._write(lambda conn: write.insert_rejection(conn, rejection),
                    f"rejection of {rejection.source}")

    def _rollback(self) -> None:
        if self._conn.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
            self._conn.execute("ROLLBACK")

    def _write(self, work: Any, what: str) -> Any:
        """Run ``work(conn)`` in one IMMEDIATE transaction: all of it is kept or none."""
        errors = database_errors(self._conn)
        for attempt in range(_LOCK_RETRIES + 1):
            try:
                self._conn.execute("BEGIN IMMEDIATE")  # PostgreSQL: BEGIN
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == _LOCK_RETRIES:
                    raise StoreError(f"store {self.path} is busy: {exc}; try again") from exc
                time.sleep(0.2 * (attempt + 1))
                continue
            try:
                result = work(self._conn)
            except errors as exc:
                self._rollback()
                raise StoreError(f"{what} not stored (nothing of it was kept): "
                                 f"{type(exc).__name__}: {exc}; report this record") from exc
            except BaseException:
                self._rollback()
                raise
            self._conn.execute("COMMIT")
            return result
        raise AssertionError("unreachable")

    # --- reading ------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return queries.has_article(self._conn, article_id)

    def article(self, article_id: str) -> dict[str, Any] | None:
        return queries.article(self._conn, article_id)

    def record(self, article_id: str) -> ArticleRecord | None:
        return queries.record(self._conn, article_id)

    def articles(self, q: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        return queries.articles(self._conn, q, limit, offset)

    def events(self, f: EventFilter | None = None) -> list[dict[str, Any]]:
        return list(queries.iter_events(self._conn, f or EventFilter()))

    def iter_events(self, f: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Events one by one (all of them when ``f`` is None: exports)."""
        return queries.iter_events(self._conn, f or EventFilter(limit=None))

    def count_events(self, f: EventFilter | None = None) -> int:
        return queries.count_events(self._conn, f or EventFilter())

    def records(self, f: EventFilter | None = None) -> Iterator[ArticleRecord]:
        return queries.records(self._conn, f)

    def record_dicts(self, f: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        """Like ``records`` but as JSON-ready dicts, without rebuilding dataclasses (fast)."""
        return (incident_queries.with_incidents(self._conn, json.loads(text))
                for text in queries.record_json(self._conn, f))

    # --- incidents (migration 14; docs/incidents.md) --------------------------------------

    def incidents(self, f: EventFilter | None = None,
                  background: bool = False) -> list[dict[str, Any]]:
        """A page of incidents newest first (``f``: the filters of events; its limit and
        offset), each with its reports; ``background``: also those only recaps tell."""
        return list(self.iter_incidents(f or EventFilter(), background))

    def iter_incidents(self, f: EventFilter | None = None,
                       background: bool = False) -> Iterator[dict[str, Any]]:
        """Incidents one by one (all of them when ``f`` is None: exports)."""
        return incident_queries.iter_incidents(self._conn, f or EventFilter(limit=None),
                                               background)

    def count_incidents(self, f: EventFilter | None = None, background: bool = False) -> int:
        return incident_queries.count_incidents(self._conn, f or EventFilter(), background)

    def incident(self, incident_id: str) -> dict[str, Any] | None:
        """One incident with all its reports, or None."""
        return incident_queries.incident(self._conn, incident_id)

    def rebuild_incidents(self) -> int:
        """Compute every incident again (after a change of the merge rule, or once for a store
        upgraded from before incidents); returns how many there are."""
        return int(self._write(incidents.rebuild, "rebuild of incidents"))

    def search_incidents(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Incidents one of whose reports says ``text`` (newest first), each with its fields,
        reports and a one-line ``summary``."""
        return incident_queries.search_incidents(self._conn, text, limit)

    def pending_incidents(self) -> int:
        """How many events have no incident yet (a store upgraded from before incidents)."""
        return incidents.pending(self._conn)

    def actors(self, country: str | None = None, sector: str | None = None,
               text: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        return queries.actors(self._conn, country, sector, text, limit)

    def actor(self, actor_id: str) -> dict[str, Any] | None:
        return queries.actor(self._conn, actor_id)

    def statements(self, actor: str | None = None, text: str | None = None,
                   since: str | None = None, until: str | None = None,
                   limit: int = 100) -> list[dict[str, Any]]:
        return queries.statements(self._conn, actor, text, since, until, limit)

    def positions(self, actor: str | None = None, issue: str | None = None,
                  since: str | None = None, until: str | None = None,
                  limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """A party's stances in date order: all of them, or a page of ``limit`` from ``offset``."""
        return positions.positions(self._conn, actor, issue, since, until, limit, offset)

    def position_changes(self, since: str | None = None) -> list[dict[str, Any]]:
        return positions.position_changes(self._conn, since)

    # --- the peace process (store/process.py) ---------------------------------------------

    def proposals(self, parties: set[str] | None = None, since: str | None = None,
                  until: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        """Proposals, one per proposal however many reports, with every answer to them."""
        return process.proposals(self._conn, parties, since, until, kind)

    def coalitions(self, parties: set[str] | None = None, since: str | None = None,
                   until: str | None = None) -> list[dict[str, Any]]:
        """Coalitions with their members over time and the pledges made within them."""
        return process.coalitions(self._conn, parties, since, until)

    def pledges(self, parties: set[str] | None = None, since: str | None = None,
                until: str | None = None) -> list[dict[str, Any]]:
        return process.pledges(self._conn, parties, since, until)

    def rejections(self, limit: int = 100) -> list[dict[str, Any]]:
        return queries.rejections(self._conn, limit)

    def counts(self) -> dict[str, int]:
        return queries.counts(self._conn)

    def known_people(self) -> dict[str, KnownPerson]:
        return people.known_people(self._conn)
