"""JSON-lines corpora (one article object per line) read as a stream, and small .json files.

Memory stays flat whatever the corpus size: one line at a time, each line capped at max_bytes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from wardesk.errors import SourceError
from wardesk.ingest.document import Metadata, build_article
from wardesk.ingest.reasons import BAD_ENCODING, BAD_JSON, MISSING_TEXT, TOO_LARGE
from wardesk.records import Article, Rejection
from wardesk.settings import Settings

Guard = Callable[[str, Callable[[], Article]], Article | Rejection]

_SKIP_CHUNK = 1 << 20


def read_corpus(
    path: Path, settings: Settings, guard: Guard, *, published: str | None
) -> Iterator[Article | Rejection]:
    """One Article or Rejection per non-blank line; origin and rejection source are "path:N"."""
    with path.open("rb") as stream:
        for number, line in enumerate(_capped_lines(stream, settings.max_bytes), start=1):
            where = f"{path}:{number}"
            if line is None:
                message = f"{where}: line longer than max_bytes={settings.max_bytes:,}"
                yield Rejection(where, TOO_LARGE, message)
            elif line.strip():
                yield guard(
                    where,
                    lambda line=line, where=where: _line_article(  # type: ignore[misc]
                        line, where, settings, published
                    ),
                )


def read_json_file(
    data: bytes, where: str, settings: Settings, guard: Guard, *, published: str | None
) -> Iterator[Article | Rejection]:
    """A .json file holding one article object or a list of them."""
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        yield Rejection(where, BAD_ENCODING, f"{where}: JSON is not UTF-8")
        return
    except (ValueError, RecursionError) as exc:
        yield Rejection(where, BAD_JSON, f"{where}: not JSON ({_short(exc)})")
        return
    items = value if isinstance(value, list) else [value]
    for index, item in enumerate(items):
        spot = where if len(items) == 1 else f"{where}#{index}"
        yield guard(
            spot,
            lambda item=item, spot=spot: record_article(  # type: ignore[misc]
                item, spot, settings, published
            ),
        )


def record_article(item: Any, where: str, settings: Settings, published: str | None) -> Article:
    """An Article from one corpus object: text, id, title, url, published, publisher, author."""
    if not isinstance(item, dict):
        raise SourceError(f"{where}: a JSON {type(item).__name__}, not an object", reason=BAD_JSON)
    text = item.get("text")
    if not isinstance(text, str):
        raise SourceError(f"{where}: no string field 'text'", reason=MISSING_TEXT)
    meta = Metadata(
        title=_string(item.get("title")),
        url=_string(item.get("url")),
        publisher=_string(item.get("publisher") or item.get("source") or item.get("sitename")),
        published=item.get("published") or item.get("date"),
        author=_string(item.get("author")),
        source_id=_string(item.get("id")),
    )
    return build_article(text, meta, origin=where, settings=settings, published=published)


def _line_article(line: bytes, where: str, settings: Settings, published: str | None) -> Article:
    try:
        item = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SourceError(f"{where}: line is not UTF-8", reason=BAD_ENCODING) from exc
    except (ValueError, RecursionError) as exc:
        raise SourceError(f"{where}: not JSON ({_short(exc)})", reason=BAD_JSON) from exc
    return record_article(item, where, settings, published)


def _capped_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | None]:
    """Lines of at most `limit` bytes; None for a longer line, whose rest is skipped unread."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _string(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    return str(value)


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
