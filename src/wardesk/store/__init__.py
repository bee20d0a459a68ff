"""wardesk's store: every SQL statement of the project lives in this package. A SQLite file by
default; ``Store("postgresql://user@host/db")`` keeps the same tables in PostgreSQL (psycopg 3).

    >>> with Store(":memory:") as store:
    ...     store.save(article, record)
    'new'
"""

from __future__ import annotations

from wardesk.store.filters import EventFilter
from wardesk.store.sqlite import SaveResult, Store

__all__ = ["EventFilter", "SaveResult", "Store"]
