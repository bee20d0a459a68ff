"""Dispatch each source (file, directory, "-", URL, feed) to its reader, one document at a time.

Errors about one document become Rejections here; only a bad argument raises.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

import httpx

from wardesk.errors import SourceError, UsageError
from wardesk.ingest.corpus import read_corpus, read_json_file
from wardesk.ingest.decode import declared_charset, decode_text
from wardesk.ingest.document import Metadata, build_article
from wardesk.ingest.feeds import is_feed_type, looks_like_feed, read_feed
from wardesk.ingest.fetch import Fetched, fetch, make_client
from wardesk.ingest.html import read_html
from wardesk.ingest.reasons import (
    INGEST_ERROR,
    MANY_DOCUMENTS,
    NOT_FOUND,
    TOO_LARGE,
    UNREADABLE,
    UNSUPPORTED,
)
from wardesk.records import Article, Rejection
from wardesk.settings import Settings

_log = logging.getLogger(__name__)

CORPUS_SUFFIXES = frozenset({".jsonl", ".ndjson"})
FEED_SUFFIXES = frozenset({".rss", ".atom", ".rdf", ".xml"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div")


class Reader:
    """Reads sources with one settings object, one HTTP client (made on first use)."""

    def __init__(
        self,
        settings: Settings,
        *,
        published: str | None = None,
        transport: httpx.BaseTransport | None = None,
        stdin: BinaryIO | None = None,
    ) -> None:
        self.settings = settings
        self.published = published
        self._transport = transport
        self._stdin = stdin
        self._client: httpx.Client | None = None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # --- many documents -------------------------------------------------------------------

    def read(self, source: str) -> Iterator[Article | Rejection]:
        """Every Article or Rejection one source holds."""
        if is_url(source):
            yield from self._url(source)
        elif source == "-" or not _has_scheme(source):
            yield from self._path(source)
        else:
            yield Rejection(source, UNSUPPORTED, f"{source}: only files, '-' and http(s) URLs")

    def guard(self, where: str, make: Callable[[], Article]) -> Article | Rejection:
        """Run one document's reader; its failure becomes a Rejection, never an exception."""
        try:
            return make()
        except SourceError as exc:
            return Rejection(where, exc.reason, _one_line(str(exc)))
        except Exception as exc:  # a bug must not kill a batch; counted under its own code
            _log.exception("ingest failed on %s", where)
            return Rejection(
                where, INGEST_ERROR, _one_line(f"{where}: {type(exc).__name__}: {exc}")
            )

    def _path(self, source: str) -> Iterator[Article | Rejection]:
        if source == "-":
            yield self.guard("-", lambda: self.one("-"))
            return
        path = Path(source)
        if path.is_dir():
            for file in walk(path):
                yield from self._file(file)
        elif not path.exists():
            yield Rejection(source, NOT_FOUND, f"{source}: no such file or directory")
        else:
            yield from self._file(path)

    def _file(self, path: Path) -> Iterator[Article | Rejection]:
        where = str(path)
        suffix = path.suffix.lower()
        if path.is_dir():
            yield Rejection(where, UNREADABLE, f"{where}: folder cannot be listed")
            return
        try:
            if suffix in CORPUS_SUFFIXES and path.is_file():
                yield from read_corpus(path, self.settings, self.guard, published=self.published)
                return
            data = read_file_capped(path, self.settings.max_bytes)
        except SourceError as exc:
            yield Rejection(where, exc.reason, _one_line(str(exc)))
            return
        if suffix == ".json":
            yield from read_json_file(
                data, where, self.settings, self.guard, published=self.published
            )
        elif suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and looks_like_feed(data)):
            yield from self._feed(data, where)
        else:
            yield self.guard(where, lambda: self._document(data, where, html=_html_hint(suffix)))

    def _url(self, url: str) -> Iterator[Article | Rejection]:
        try:
            fetched = self._fetch(url)
        except SourceError as exc:
            yield Rejection(url, exc.reason, _one_line(str(exc)))
            return
        if is_feed_type(fetched.content_type) or looks_like_feed(fetched.body):
            yield from self._feed(fetched.body, url)
        else:
            yield self.guard(url, lambda: self._page(fetched, Metadata()))

    def _feed(self, body: bytes, origin: str) -> Iterator[Article | Rejection]:
        yield from read_feed(
            body, origin, self.settings, self.guard, self._read_page, published=self.published
        )

    # --- one document ---------------------------------------------------------------------

    def one(self, source: str, *, text: str | None = None, data: bytes | None = None) -> Article:
        """The single document at `source` (or given as `text` / raw `data`), or SourceError."""
        if text is not None:
            return self._text(text, source, html=None, url=None)
        if data is not None:
            if len(data) > self.settings.max_bytes:
                message = f"{source}: more than max_bytes={self.settings.max_bytes:,} bytes"
                raise SourceError(message, reason=TOO_LARGE)
            return self._document(data, source, html=None)
        if source == "-":
            data = _read_stream_capped(self._stdin or sys.stdin.buffer, self.settings.max_bytes)
            return self._document(data, "-", html=None)
        if is_url(source):
            fetched = self._fetch(source)
            if is_feed_type(fetched.content_type) or looks_like_feed(fetched.body):
                raise SourceError(
                    f"{source}: a feed holds many articles; ingest it", reason=MANY_DOCUMENTS
                )
            return self._page(fetched, Metadata())
        return self._one_file(Path(source))

    def _one_file(self, path: Path) -> Article:
        suffix = path.suffix.lower()
        if path.is_dir() or suffix in CORPUS_SUFFIXES | FEED_SUFFIXES | {".json"}:
            raise SourceError(
                f"{path}: holds many documents; ingest it instead", reason=MANY_DOCUMENTS
            )
        if not path.exists():
            raise SourceError(f"{path}: no such file", reason=NOT_FOUND)
        data = read_file_capped(path, self.settings.max_bytes)
        if suffix not in HTML_SUFFIXES and looks_like_feed(data):
            raise SourceError(
                f"{path}: a feed holds many articles; ingest it", reason=MANY_DOCUMENTS
            )
        return self._document(data, str(path), html=_html_hint(suffix))

    def _document(self, data: bytes, origin: str, *, html: bool | None) -> Article:
        text = decode_text(data, origin, declared=declared_charset(data))
        return self._text(text, origin, html=html, url=None)

    def _text(self, text: str, origin: str, *, html: bool | None, url: str | None) -> Article:
        """Plain text or HTML (html=None: decide by sniffing) to an Article."""
        if html or (html is None and looks_like_html(text)):
            body, meta = read_html(text, url=url)
            return build_article(
                body, meta, origin=origin, settings=self.settings, published=self.published
            )
        return build_article(
            text, Metadata(url=url), origin=origin, settings=self.settings, published=self.published
        )

    def _page(self, fetched: Fetched, known: Metadata) -> Article:
        declared = declared_charset(fetched.body, fetched.content_type)
        text = decode_text(fetched.body, fetched.url, declared=declared)
        html = "html" in fetched.content_type.lower() or looks_like_html(text)
        if not html:
            meta = replace(known, url=fetched.url)
            return build_article(
                text, meta, origin=fetched.url, settings=self.settings, published=self.published
            )
        body, page = read_html(text, url=fetched.url)
        meta = Metadata(
            title=page.title or known.title,
            url=fetched.url,
            publisher=page.publisher or known.publisher,
            published=page.published or known.published,
            author=page.author or known.author,
            source_id=known.source_id,
        )
        return build_article(
            body, meta, origin=fetched.url, settings=self.settings, published=self.published
        )

    def _read_page(self, url: str, known: Metadata) -> Article:
        return self._page(self._fetch(url), known)

    def _fetch(self, url: str) -> Fetched:
        if self._client is None:
            self._client = make_client(self.settings, self._transport)
        return fetch(url, self._client, self.settings)


def walk(root: Path) -> Iterator[Path]:
    """Files under `root` in sorted path order (folders in place), skipping hidden names, README
    files and symlinked folders (no loops). An explicit stack: no recursion limit on deep trees."""
    top = _sorted_entries(root)
    if top is None:
        yield root  # unlistable: the reader turns it into a Rejection
        return
    stack = [iter(top)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif not entry.is_dir(follow_symlinks=False):
            yield Path(entry.path)
        elif (inside := _sorted_entries(Path(entry.path))) is None:
            yield Path(entry.path)  # unlistable: the reader turns it into a Rejection
        else:
            stack.append(iter(inside))


def _sorted_entries(folder: Path) -> list[os.DirEntry[str]] | None:
    try:
        with os.scandir(folder) as entries:
            kept = (e for e in entries if not _skipped_name(e.name))
            return sorted(kept, key=lambda e: e.name)
    except OSError:
        return None


def read_file_capped(path: Path, limit: int) -> bytes:
    """A file's bytes, or SourceError(too_large | unreadable | unsupported) without reading it."""
    try:
        if not path.is_file():
            raise SourceError(f"{path}: not a regular file", reason=UNSUPPORTED)
        size = path.stat().st_size
        if size > limit:
            raise SourceError(f"{path}: {size:,} bytes, over max_bytes={limit:,}", reason=TOO_LARGE)
        with path.open("rb") as stream:
            return _read_stream_capped(stream, limit, str(path))
    except OSError as exc:
        raise SourceError(
            f"{path}: cannot read ({exc.strerror or exc})", reason=UNREADABLE
        ) from exc


def _read_stream_capped(stream: BinaryIO, limit: int, where: str = "-") -> bytes:
    data = stream.read(limit + 1)  # a file may grow after stat; stdin has no size at all
    if len(data) > limit:
        raise SourceError(f"{where}: more than max_bytes={limit:,} bytes", reason=TOO_LARGE)
    return data


def _html_hint(suffix: str) -> bool | None:
    """True for HTML by extension; otherwise None: sniff, since a page saved as .txt (or with
    no extension) still starts like HTML, and plain prose never starts with "<html"."""
    return True if suffix in HTML_SUFFIXES else None


def _skipped_name(name: str) -> bool:
    """Hidden files, and a folder's README (it describes the folder, it is not an article)."""
    return name.startswith(".") or name.lower().startswith("readme")


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _has_scheme(source: str) -> bool:
    scheme, sep, _ = source.partition("://")
    return bool(sep) and scheme.isalpha()


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith("<") and any(marker in head for marker in _HTML_MARKERS)


def _one_line(message: str) -> str:
    return " ".join(message.split())[:500]


def check_published(published: str | None) -> str | None:
    """The --published date, validated at once (a bad argument fails loudly)."""
    from wardesk.ingest.dates import normalise_date

    if published is None:
        return None
    day = normalise_date(published)
    if day is None:
        raise UsageError(f"--published {published!r}: expected a date like 2025-03-11")
    return day


def read_sources(
    sources: Sequence[str],
    settings: Settings,
    *,
    published: str | None = None,
    transport: httpx.BaseTransport | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Article | Rejection]:
    """Stream every Article and Rejection from `sources`, in order."""
    reader = Reader(
        settings, published=check_published(published), transport=transport, stdin=stdin
    )
    return _stream(reader, sources)


def _stream(reader: Reader, sources: Sequence[str]) -> Iterator[Article | Rejection]:
    try:
        for source in sources:
            try:
                yield from reader.read(source)
            except (SourceError, OSError) as exc:  # e.g. a corpus that vanished mid-read
                reason = getattr(exc, "reason", UNREADABLE)
                yield Rejection(source, reason, _one_line(f"{source}: {exc}"))
            except Exception as exc:  # last resort: one bad source never ends the batch
                _log.exception("ingest failed on %s", source)
                message = _one_line(f"{source}: {type(exc).__name__}: {exc}")
                yield Rejection(source, INGEST_ERROR, message)
    finally:
        reader.close()


def read_one(
    source: str,
    settings: Settings,
    *,
    published: str | None = None,
    text: str | None = None,
    data: bytes | None = None,
    transport: httpx.BaseTransport | None = None,
    stdin: BinaryIO | None = None,
) -> Article:
    """The single document at `source`; SourceError if unusable.

    With `text` (already decoded) or `data` (raw bytes of an upload: binary files and legacy
    encodings are detected as for files) nothing is read and `source` is only the label.
    """
    reader = Reader(
        settings, published=check_published(published), transport=transport, stdin=stdin
    )
    try:
        return reader.one(source, text=text, data=data)
    except SourceError as exc:
        if "\n" not in str(exc):
            raise
        raise SourceError(_one_line(str(exc)), reason=exc.reason) from exc  # CLI prints one line
    finally:
        reader.close()
