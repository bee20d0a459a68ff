"""The last step of every reader: checks shared by all formats, then an :class:`Article`.

Empty, over-long and non-English texts are refused here, whatever format they came in.
"""

from __future__ import annotations

from dataclasses import dataclass

from wardesk.errors import SourceError
from wardesk.ingest.dates import normalise_date
from wardesk.ingest.furniture import find_furniture
from wardesk.ingest.language import why_not_english
from wardesk.ingest.reasons import EMPTY, NOT_ENGLISH, TOO_LARGE
from wardesk.records import Article
from wardesk.settings import Settings


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a source says about a document besides its text (all optional)."""

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: object = None  # any date shape normalise_date reads
    author: str | None = None
    source_id: str | None = None


def clean_text(text: str) -> str:
    """Unify line ends and trim the ends; inner spacing is kept (offsets point into it)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def build_article(
    text: str, meta: Metadata, *, origin: str, settings: Settings, published: str | None = None
) -> Article:
    """An Article from text and metadata, or SourceError(empty | too_large | not_english)."""
    body = clean_text(text)
    if not body:
        raise SourceError(f"{origin}: no text (empty or whitespace only)", reason=EMPTY)
    if len(body) > settings.max_chars:
        raise SourceError(
            f"{origin}: {len(body):,} characters, more than max_chars={settings.max_chars:,}",
            reason=TOO_LARGE,
        )
    why = why_not_english(body)
    if why:
        raise SourceError(f"{origin}: not English ({why})", reason=NOT_ENGLISH)
    return Article(
        text=body,
        source_id=_clean(meta.source_id),
        title=_clean(meta.title),
        url=_clean(meta.url),
        publisher=_clean(meta.publisher),
        published=normalise_date(meta.published) or published,
        author=_clean(meta.author),
        origin=origin,
        furniture=find_furniture(body),
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None
