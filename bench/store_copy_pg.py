"""Copy a generated SQLite store into an empty PostgreSQL store, table by table (COPY), to time
the PostgreSQL store at a size whose generation would take hours on a busy machine.

    python bench/store_copy_pg.py --from build/bench/store.db --to postgresql://…/db

The PostgreSQL store is created by wardesk (every migration), its secondary indexes and search
trigger set aside as Store.load does, every table's rows copied as they are (the generator
writes the same rows through Store.load on either backend: tests/store/test_store_bulk.py
compares them table by table), the identity sequences moved past the copied keys, then the
search words filled and the indexes built again as at the end of Store.load, and VACUUM ANALYZE.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from typing import Any

from wardesk.store import Store, bulk
from wardesk.store.schema import Connection

SKIPPED = ("schema_version", "article_words")  # the engine's own: kept / filled at the end


def _tables(conn: Connection) -> dict[str, list[str]]:
    """The store's tables and their columns, each after the tables its foreign keys name."""
    columns: dict[str, list[str]] = {}
    for table, column in conn.execute(
            "SELECT c.table_name, c.column_name FROM information_schema.columns c"
            " JOIN information_schema.tables t ON t.table_schema = c.table_schema"
            " AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'"
            " WHERE c.table_schema = current_schema() ORDER BY c.table_name, c.ordinal_position"):
        if table not in SKIPPED:
            columns.setdefault(table, []).append(column)
    needs: dict[str, set[str]] = {t: set() for t in columns}
    for table, other in conn.execute(
            "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c"
            " WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace"):
        if table in needs and other != table:
            needs[table].add(other)
    ordered: list[str] = []
    while len(ordered) < len(needs):
        ready = sorted(t for t, n in needs.items() if t not in ordered and n <= set(ordered))
        ordered += ready or sorted(set(needs) - set(ordered))  # (a cycle: as they come)
    return {t: columns[t] for t in ordered}


def copy(source: sqlite3.Connection, conn: Any) -> dict[str, int]:
    """Every table's rows from ``source`` into the store ``conn`` (in the caller's
    transaction); returns rows copied per table."""
    counted: dict[str, int] = {}
    for table, names in _tables(conn).items():
        have = {r[1] for r in source.execute(f"PRAGMA table_info({table})")}
        missing = [n for n in names if n not in have]
        if missing:
            raise SystemExit(f"{table}: the SQLite store lacks {missing}")
        quoted = ", ".join(f'"{n}"' for n in names)
        started, n = time.monotonic(), 0
        with conn.raw.cursor() as cursor, \
                cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as out:
            for row in source.execute(f"SELECT {quoted} FROM {table}"):
                out.write_row(row)
                n += 1
        counted[table] = n
        print(f"{table}: {n:,} rows in {time.monotonic() - started:.0f} s", file=sys.stderr)
    for table, column in conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND is_identity = 'YES'"):
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'),"
                     f" GREATEST(1, (SELECT COALESCE(MAX({column}), 0) FROM {table})))")
    return counted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--from", dest="source", required=True, help="the SQLite store")
    parser.add_argument("--to", required=True, help="an empty PostgreSQL store's URL")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with Store(args.source) as migrated:  # at the latest migration, as the target will be
        migrated.counts()
    source = sqlite3.connect(args.source)
    with Store(args.to) as store:
        if store.dialect != "postgresql" or store.counts()["articles"]:
            raise SystemExit(f"{args.to} is not an empty PostgreSQL store")

        def work(conn: Connection) -> dict[str, int]:
            kept = bulk.set_aside_indexes(conn)
            counted = copy(source, conn)
            conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
            bulk.restore_indexes(conn, kept)
            return counted

        store._write(work, "copy")
        store.connection.execute("VACUUM ANALYZE")
        counts = store.counts()
    print(f"{counts} in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
