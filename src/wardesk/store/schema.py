"""Opening a SQLite store: connection pragmas (WAL, foreign keys, busy timeout) and migrations.

Errors become StoreError with a one-line message that says what to do.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from wardesk.errors import StoreError
from wardesk.store.migrations import MIGRATIONS

BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another writer before giving up


def connect(path: str) -> sqlite3.Connection:
    """An open, migrated connection to the SQLite store at ``path`` (or ":memory:")."""
    if path.startswith(("postgresql:", "postgres:")):
        raise StoreError(
            "PostgreSQL backend not available yet: use a SQLite path such as --db wardesk.db"
        )
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
        _configure(conn)
        migrate(conn)
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


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")  # ":memory:" stays in "memory" mode
    conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; commits survive a process crash


def version(conn: sqlite3.Connection) -> int:
    """The schema version of an open database (0 for a new, empty one)."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)"
    )
    row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Apply the migrations after the database's version, up to ``target`` (default: latest)."""
    target = len(MIGRATIONS) if target is None else target
    current = version(conn)
    if current > len(MIGRATIONS):
        raise StoreError(
            f"this store has schema version {current}, newer than this wardesk "
            f"({len(MIGRATIONS)}): upgrade wardesk"
        )
    for number in range(current + 1, target + 1):
        _apply(conn, number, MIGRATIONS[number - 1])
    return max(current, target)


def _apply(conn: sqlite3.Connection, number: int, script: str) -> None:
    """Apply one migration in one transaction, unless another process applied it meanwhile
    (``wardesk serve`` and ``wardesk ingest`` may open a new database at the same moment)."""
    conn.execute("BEGIN IMMEDIATE")
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
