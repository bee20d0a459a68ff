"""The JSON-ready row shapes the store returns, built the same way from stored or fresh records.

A flat event is the event's SCHEMA.md fields plus where it came from; exports use the same shape.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wardesk.records import EVENT_ALIASES, QUAD_CLASS, ArticleMeta, ArticleRecord, Event, to_dict


def canonical_type(event_type: str) -> str:
    """The PLOVER type an event type names (older names read as aliases)."""
    upper = event_type.strip().upper()
    return EVENT_ALIASES.get(upper, upper)


def codes(refs: Iterable[dict[str, Any]]) -> list[str]:
    """The distinct country codes of source or target actor refs, in order."""
    seen: list[str] = []
    for ref in refs:
        code = ref.get("code")
        if code and code not in seen:
            seen.append(code)
    return seen


def flat_event(event: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """``event`` (to_dict of an Event) with its article's id, title, date and links."""
    row = dict(event)
    row.update(
        article_id=article.get("id"), article_title=article.get("title"),
        published=article.get("published"), url=article.get("url"),
        publisher=article.get("publisher"), source_id=article.get("source_id"),
        quad=QUAD_CLASS.get(canonical_type(event.get("event") or "")),
        source_codes=codes(event.get("source") or ()),
        target_codes=codes(event.get("target") or ()),
    )
    return row


def event_dict(event: Event, meta: ArticleMeta) -> dict[str, Any]:
    return flat_event(to_dict(event), to_dict(meta))


def flat_events(records: Iterable[ArticleRecord]) -> Iterator[dict[str, Any]]:
    """Every event of ``records`` as a flat event, in record order."""
    for record in records:
        meta = to_dict(record.article)
        for event in record.events:
            yield flat_event(to_dict(event), meta)
