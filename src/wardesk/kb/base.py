"""Loading the knowledge base's data files (placeholder: replaced by the actors work)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any


@dataclass(frozen=True)
class KnowledgeBase:
    def ruler_patterns(self) -> list[dict[str, Any]]:
        """Entity-ruler patterns for the known actors and places."""
        return []


@lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    return KnowledgeBase()
