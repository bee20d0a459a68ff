"""PostgreSQL behind the same calls as sqlite3: a connection whose ``execute`` takes the store's
SQLite-flavoured SQL (``?`` placeholders, LIKE, SQLite's NULL ordering) and runs it on psycopg 3.

Only the small differences are translated here; queries that differ more (full-text search,
migrations) ask ``is_postgres(conn)`` and say their own SQL.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from wardesk.errors import StoreError

URL_PREFIXES = ("postgresql:", "postgres:")
CONNECT_TIMEOUT_S = 10


def is_url(path: str) -> bool:
    return path.startswith(URL_PREFIXES)


class Row(tuple[Any, ...]):
    """A result row read like sqlite3.Row: by position, by column name, and ``dict(row)``."""

    _index: dict[str, int]

    def __new__(cls, values: Sequence[Any], index: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._index = index
        return row

    def keys(self) -> list[str]:
        return list(self._index)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._index[key])
        return tuple.__getitem__(self, key)


def _row_factory(cursor: Any) -> Any:
    names = [d.name for d in cursor.description or ()]
    index = {name: i for i, name in enumerate(names)}
    return lambda values: Row(values, index)


def _clean(value: Any) -> Any:
    # PostgreSQL text cannot hold NUL; SQLite can. The record's JSON keeps it (as \u0000).
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def _params(params: Iterable[Any]) -> list[Any]:
    return [_clean(v) for v in params]


class PgConnection:
    """A psycopg connection in autocommit mode (the store says BEGIN/COMMIT itself)."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL store needs psycopg: pip install 'psycopg[binary]'"
            ) from exc
        self.Error: type[Exception] = psycopg.Error
        try:
            self.raw = psycopg.connect(url, autocommit=True, row_factory=_row_factory,
                                       connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to PostgreSQL at {_safe(url)}: "
                             f"{str(exc).strip()}; check the URL and that the server runs") from exc
        # psycopg prepares a statement run five times, and PostgreSQL may then plan it once for
        # all values; the store's values are skewed (an actor in 40,000 events or in 3, a word
        # in most articles or in a few), and such a generic plan made the p95 of an actor's
        # events in a date range 96-259 ms instead of 23-28 at 1M events: plan for the values.
        self.raw.execute("SET plan_cache_mode = force_custom_plan")

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        return self.raw.execute(translate(sql), _params(params))  # type: ignore[call-overload]

    def executemany(self, sql: str, rows: Iterable[Iterable[Any]]) -> None:
        with self.raw.cursor() as cursor:
            cursor.executemany(translate(sql), [_params(r) for r in rows])  # type: ignore[arg-type]

    def stream(self, sql: str, params: Iterable[Any] = (), size: int = 1000) -> Iterator[Any]:
        """The rows of a large result, ``size`` at a time, through a server-side cursor (WITH
        HOLD: it lives outside a transaction), so that memory holds a batch, not the result."""
        name = f"wardesk_stream_{next(_STREAMS)}"
        with self.raw.cursor(name=name, withhold=True) as cursor:
            cursor.execute(translate(sql), _params(params))  # type: ignore[arg-type]
            while rows := cursor.fetchmany(size):
                yield from rows

    def close(self) -> None:
        self.raw.close()


_STREAMS = itertools.count()


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@]*@", r"://\1:***@", url)


_LITERAL = re.compile(r"('(?:[^']|'')*'|\"[^\"]*\")")
_ORDER_BY = re.compile(r"\bORDER BY\b")
_STOP = re.compile(r"\s(LIMIT|OFFSET)\b")


@functools.lru_cache(maxsize=512)
def translate(sql: str) -> str:
    """The store's SQL in PostgreSQL's words: ``?`` → ``%s`` (a literal ``%`` doubled), LIKE →
    ILIKE (SQLite's LIKE ignores case), BEGIN IMMEDIATE → BEGIN, and in every ORDER BY the NULLs
    placed as SQLite places them (first when ascending, last when descending)."""
    if sql.strip() == "BEGIN IMMEDIATE":
        return "BEGIN"
    # psycopg reads every % as a placeholder, even inside quotes: all of them are doubled
    pieces = _LITERAL.split(sql.replace("%", "%%"))
    for i in range(0, len(pieces), 2):  # even pieces lie outside quotes
        code = pieces[i].replace("?", "%s")
        pieces[i] = re.sub(r"\bLIKE\b", "ILIKE", code)
    return _null_order("".join(pieces))


def _null_order(sql: str) -> str:
    out, pos = [], 0
    for match in _ORDER_BY.finditer(sql):
        if match.start() < pos:
            continue
        out.append(sql[pos:match.end()])
        terms, pos = _order_terms(sql, match.end())
        out.append(" " + ", ".join(_with_nulls(t) for t in terms))
    out.append(sql[pos:])
    return "".join(out)


def _order_terms(sql: str, start: int) -> tuple[list[str], int]:
    """The ORDER BY terms from ``start``; they end at LIMIT/OFFSET, an unmatched ``)`` or the
    end of the statement."""
    depth, terms, begin, i = 0, [], start, start
    while i < len(sql):
        char = sql[i]
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        elif char == "," and depth == 0:
            terms.append(sql[begin:i])
            begin = i + 1
        elif depth == 0 and (stop := _STOP.match(sql, i)):
            i = stop.start()
            break
        i += 1
    terms.append(sql[begin:i])
    return [t.strip() for t in terms], i


def _with_nulls(term: str) -> str:
    if "NULLS" in term.upper():
        return term
    return f"{term} NULLS LAST" if term.upper().endswith(" DESC") else f"{term} NULLS FIRST"
