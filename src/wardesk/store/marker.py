"""The store's change marker: a number that moves whenever another connection commits.

Read-only; the desk keys its answer cache on it so a cached page is never older than the store.
"""

from __future__ import annotations

from wardesk.store.schema import Connection, is_postgres


def change_marker(conn: Connection) -> int | None:
    """SQLite's ``data_version`` of ``conn`` (changes when any OTHER connection commits), or None
    on PostgreSQL, which has no cheap equivalent (callers then do not cache)."""
    if is_postgres(conn):
        return None
    row = conn.execute("PRAGMA data_version").fetchone()
    return int(row[0]) if row else None
