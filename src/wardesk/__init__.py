"""wardesk: news about wars and peace talks → structured, source-attributed event data.

    >>> import wardesk
    >>> record = wardesk.extract("Russia attacked Kyiv on Monday.", published="2025-03-11")
    >>> with wardesk.Store("wardesk.db") as store:
    ...     store.save(record)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import wardesk.extract  # noqa: F401  # the stage package first, so `extract` below stays the function
from wardesk.errors import ModelError, SourceError, StoreError, UsageError, WardeskError
from wardesk.records import (
    Article,
    ArticleRecord,
    Event,
    Position,
    Rejection,
    Statement,
    record_from_dict,
    to_dict,
)
from wardesk.settings import Settings, load_settings

if TYPE_CHECKING:
    from wardesk.pipeline import Extractor
    from wardesk.store import Store

__version__ = "0.1.0"

__all__ = [
    "Article", "ArticleRecord", "Event", "Extractor", "ModelError", "Position", "Rejection",
    "Settings", "SourceError", "Statement", "Store", "StoreError", "UsageError", "WardeskError",
    "__version__", "extract", "load_settings", "record_from_dict", "to_dict",
]


def extract(text: str, published: str | None = None, title: str | None = None) -> ArticleRecord:
    """Extract the SCHEMA.md record of one article (loads the spaCy pipeline on first use)."""
    from wardesk.pipeline import extract as _extract

    return _extract(text, published=published, title=title)


def __getattr__(name: str) -> Any:  # lazy: `import wardesk` must not load spaCy
    if name == "Store":
        from wardesk.store import Store

        return Store
    if name == "Extractor":
        from wardesk.pipeline import Extractor

        return Extractor
    raise AttributeError(name)
