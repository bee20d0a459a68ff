"""RSS/Atom feeds: each entry's linked page is fetched (same safety as any URL); when that
fails, the entry's own content or summary is used with its HTML stripped.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import feedparser

from wardesk.errors import SourceError
from wardesk.ingest.document import Metadata, build_article
from wardesk.ingest.html import html_to_text
from wardesk.ingest.reasons import EMPTY, NOT_A_FEED
from wardesk.records import Article, Rejection
from wardesk.settings import Settings

Guard = Callable[[str, Callable[[], Article]], Article | Rejection]
PageReader = Callable[[str, Metadata], Article]  # url, entry metadata -> Article | SourceError

_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
_ROOT = re.compile(rb"<([A-Za-z][\w:.-]*)")
_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)


def xml_root(body: bytes) -> str | None:
    """The root element name of an XML document (lower-case), or None when it is not XML."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf").lstrip()
    while (prologue := _PROLOGUE.match(head)) and prologue.end() > 0:
        head = head[prologue.end() :].lstrip()
    match = _ROOT.match(head)
    return match.group(1).decode("ascii").lower() if match else None


def is_feed_type(content_type: str) -> bool:
    """Whether a Content-Type announces a feed (RSS, Atom, or generic XML)."""
    kind = content_type.split(";", 1)[0].strip().lower()
    return "rss" in kind or "atom" in kind or (kind.endswith("xml") and "html" not in kind)


def looks_like_feed(body: bytes) -> bool:
    return xml_root(body) in _FEED_ROOTS


def read_feed(
    body: bytes,
    origin: str,
    settings: Settings,
    guard: Guard,
    read_page: PageReader | None,
    *,
    published: str | None,
) -> Iterator[Article | Rejection]:
    """One Article or Rejection per entry; Rejection(not_a_feed) when the body is no feed."""
    if xml_root(body) is None:
        yield Rejection(origin, NOT_A_FEED, f"{origin}: announced as a feed but is not XML")
        return
    try:
        parsed = feedparser.parse(body)  # bytes, never a URL: feedparser must not fetch by itself
    except (ValueError, OverflowError) as exc:  # its loose parser chokes on &#2000000; and kin
        yield Rejection(origin, NOT_A_FEED, f"{origin}: feed that cannot be parsed ({exc})")
        return
    if not parsed.get("version") and not parsed.entries:
        yield Rejection(origin, NOT_A_FEED, f"{origin}: XML but not an RSS or Atom feed")
        return
    channel = parsed.feed.get("title")
    for index, entry in enumerate(parsed.entries):
        where = entry.get("link") or f"{origin}#{index}"
        meta = _entry_meta(entry, channel)
        yield guard(
            where,
            lambda entry=entry, meta=meta, where=where: _entry_article(  # type: ignore[misc]
                entry, meta, where, settings, read_page, published
            ),
        )


def _entry_meta(entry: Any, channel: str | None) -> Metadata:
    with warnings.catch_warnings():  # feedparser warns about its updated→published fallback
        warnings.simplefilter("ignore", DeprecationWarning)
        day = entry.get("published_parsed") or entry.get("updated_parsed")
    return Metadata(
        title=entry.get("title"),
        url=entry.get("link"),
        publisher=channel,
        published=day,
        author=entry.get("author"),
        source_id=entry.get("id"),
    )


def _entry_article(
    entry: Any,
    meta: Metadata,
    where: str,
    settings: Settings,
    read_page: PageReader | None,
    published: str | None,
) -> Article:
    link = meta.url or ""
    failure: SourceError | None = None
    if read_page and link.startswith(("http://", "https://")):
        try:
            return read_page(link, meta)
        except SourceError as exc:
            failure = exc
    text = html_to_text(_entry_body(entry))
    if not text.strip():
        if failure:
            raise failure
        raise SourceError(f"{where}: feed entry has no link and no content", reason=EMPTY)
    return build_article(text, meta, origin=where, settings=settings, published=published)


def _entry_body(entry: Any) -> str:
    for content in entry.get("content") or ():
        if content.get("value"):
            return str(content["value"])
    return str(entry.get("summary") or "")
