"""Opening a store: a SQLite file (pragmas: WAL, foreign keys, busy timeout) or a PostgreSQL
URL, brought to the latest schema. Errors become StoreError with a one-line message.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeAlias

from wardesk.errors import StoreError
from wardesk.store.migrations import MIGRATIONS
from wardesk.store.postgres import PgConnection, is_url

Connection: TypeAlias = sqlite3.Connection | PgConnection

BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another writer before giving up


def is_postgres(conn: Any) -> bool:
    return isinstance(conn, PgConnection)


def rows(conn: Connection, sql: str, params: list[Any], whole: bool) -> Iterator[Any]:
    """The rows of ``sql``; ``whole`` (every row, e.g. an export): PostgreSQL streams them
    through a server-side cursor (SQLite's cursor already reads as it goes)."""
    if whole and isinstance(conn, PgConnection):
        return conn.stream(sql, params)
    return iter(conn.execute(sql, params))


def database_errors(conn: Any) -> tuple[type[Exception], ...]:
    """The exceptions the database driver of ``conn`` raises."""
    return (conn.Error,) if is_postgres(conn) else (sqlite3.Error,)


def connect(path: str) -> Connection:
    """An open, migrated connection to the store at ``path``: a SQLite file, ":memory:", or a
    postgresql:// URL."""
    if is_url(path):
        return _connect_postgres(path)
    if path != ":memory:" and not path.startswith("file:"):
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot open store {path}: folder {parent} does not exist; create it")
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False,
            uri=path.startswith("file:"),
        )
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}; check the path and permissions") from exc
    try:
        _prepare(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(
            f"cannot use {path} as a wardesk store: {exc}; point --db at a wardesk database "
            "or a new file"
        ) from exc
    except StoreError:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection, attempts: int = 6) -> None:
    """Pragmas and migrations; several processes opening one new file at once can meet a lock
    the busy timeout does not wait on (switching to WAL, a read turning into a write), so a
    locked database is tried again a few times before it is an error."""
    for attempt in range(attempts):
        try:
            _configure(conn)
            migrate(conn)
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            time.sleep(0.1 * (attempt + 1))


def _connect_postgres(url: str) -> PgConnection:
    conn = PgConnection(url)
    try:
        migrate(conn)
    except conn.Error as exc:
        conn.close()
        raise StoreError(f"cannot use this PostgreSQL database as a wardesk store: "
                         f"{str(exc).strip()}; point --db at a wardesk database or a new one") from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")  # ":memory:" stays in "memory" mode
    conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; commits survive a process crash


def version(conn: Connection) -> int:
    """The schema version of an open database (0 for a new, empty one)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrations(conn: Connection) -> tuple[str, ...]:
    if is_postgres(conn):
        from wardesk.store.pg_schema import postgres_migrations

        return postgres_migrations()
    return MIGRATIONS


def migrate(conn: Connection, target: int | None = None) -> int:
    """Apply the migrations after the database's version, up to ``target`` (default: latest)."""
    target = len(MIGRATIONS) if target is None else target
    current = version(conn)
    if current > len(MIGRATIONS):
        raise StoreError(
            f"this store has schema version {current}, newer than this wardesk "
            f"({len(MIGRATIONS)}): upgrade wardesk"
        )
    for number in range(current + 1, target + 1):
        _apply(conn, number, migrations(conn)[number - 1])
    return max(current, target)


# any constant: PostgreSQL sessions migrating at once queue on this advisory lock
_MIGRATION_LOCK = 0x57A2DE5


def _apply(conn: Connection, number: int, script: str) -> None:
    """Apply one migration in one transaction, unless another process applied it meanwhile
    (``wardesk serve`` and ``wardesk ingest`` may open a new database at the same moment)."""
    conn.execute("BEGIN IMMEDIATE")  # PostgreSQL: BEGIN, then the lock
    if is_postgres(conn):
        conn.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
    try:
        if version(conn) < number:
            for statement in statements(script):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version(version, applied) VALUES (?, ?)",
                (number, datetime.now(UTC).isoformat(timespec="seconds")),
            )
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def statements(script: str) -> list[str]:
    """The SQL statements of ``script``, one by one (a trigger's inner ``;`` does not split it).
    executescript would commit between them; running them singly keeps a migration atomic."""
    found, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                found.append(pending.strip())
            pending = ""
    return found
