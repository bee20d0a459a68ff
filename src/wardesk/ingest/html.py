"""HTML pages to article text and metadata with trafilatura, guarded against hostile markup.

When trafilatura fails or finds nothing (e.g. 10,000 nested divs past libxml2's depth limit),
a plain tag-stripping fallback recovers the visible text.
"""

from __future__ import annotations

import html as html_entities
import logging
import re

import trafilatura
from lxml import etree

from wardesk.errors import SourceError
from wardesk.ingest.document import Metadata
from wardesk.ingest.reasons import BAD_HTML, EMPTY

_log = logging.getLogger(__name__)

_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "blockquote",
        "header",
        "footer",
        "ul",
        "ol",
        "table",
    }
)
_TAG_NAME = re.compile(r"/?([a-zA-Z][\w:-]*)")
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_MAX_TAGS = 100_000  # a long live blog has ~50,000; beyond this trafilatura takes >10 s
_MAX_ATTRIBUTES = 100  # real tags carry a few dozen at most
# Possessive quantifiers: the search stays linear, no backtracking into a tag's attributes.
_CROWDED_TAG = re.compile(rf"<(?:[^<>=]*+=){{{_MAX_ATTRIBUTES + 1}}}")
_HEAD_CHARS = 32_768  # metadata lives in <head>; never regex-scan a whole hostile page for it
_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t\f\v]+")


def read_html(markup: str, *, url: str | None) -> tuple[str, Metadata]:
    """(text, metadata) of one page; SourceError(bad_html | empty) when there is no text."""
    failure: str | None = _hostile_markup(markup)
    text, meta = "", Metadata(url=url)
    if failure is None:
        text, meta, failure = _with_trafilatura(markup, url)
    if not text:
        text, meta = html_to_text(markup), _fallback_meta(markup, url, meta)
    if not text and failure:
        raise SourceError(f"{url or 'page'}: HTML could not be parsed ({failure})", reason=BAD_HTML)
    if not text:
        raise SourceError(f"{url or 'page'}: no article text in the HTML", reason=EMPTY)
    return _without_headline(text, meta.title), meta


def _hostile_markup(markup: str) -> str | None:
    """Why trafilatura/libxml2 should not see this page (the fallback scan is linear): libxml2
    is quadratic in a tag's attribute count, and trafilatura takes seconds per 10,000 tags."""
    tags = markup.count("<")
    if tags > _MAX_TAGS:
        return f"{tags:,} tags, more than {_MAX_TAGS:,}"
    if _CROWDED_TAG.search(markup):
        return f"a tag with more than {_MAX_ATTRIBUTES} attributes"
    return None


def _with_trafilatura(markup: str, url: str | None) -> tuple[str, Metadata, str | None]:
    try:
        found = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    except (RecursionError, ValueError, TypeError, AttributeError, AssertionError,
            etree.LxmlError) as exc:  # AssertionError: lxml drop_tree in htmldate ("<IFRAME>x")
        _log.debug("trafilatura failed on %s: %r", url, exc)
        return "", Metadata(url=url), type(exc).__name__
    if found is None or isinstance(found, dict):
        return "", Metadata(url=url), None
    meta = Metadata(
        title=found.title,
        url=url or found.url,
        publisher=found.sitename,
        published=found.date,
        author=found.author,
    )
    return found.text or "", meta, None


def _without_headline(text: str, title: str | None) -> str:
    """trafilatura keeps the <h1> as the first line; the title is metadata, not body text."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and " ".join(first.split()) == " ".join(title.split()):
        return rest.lstrip()
    return text


def html_to_text(markup: str) -> str:
    """Visible text by a linear scan over tags (no regex backtracking, no tree, no recursion)."""
    pieces: list[str] = []
    pos, hidden = 0, ""
    while (start := markup.find("<", pos)) >= 0:
        if not hidden:
            pieces.append(markup[pos:start])
        if markup.startswith("<!--", start):
            close = markup.find("-->", start + 4)
            pos = len(markup) if close < 0 else close + 3
            continue
        close = markup.find(">", start)
        if close < 0:
            pos = len(markup)
            break
        hidden = _after_tag(markup[start + 1 : close], hidden, pieces)
        pos = close + 1
    if not hidden:
        pieces.append(markup[pos:])
    text = _SPACES.sub(" ", html_entities.unescape("".join(pieces)))
    return _BLANK_LINES.sub("\n\n", "\n".join(line.strip() for line in text.split("\n"))).strip()


def _after_tag(tag: str, hidden: str, pieces: list[str]) -> str:
    """Track whether we are inside an invisible element; break lines at block tags."""
    match = _TAG_NAME.match(tag)
    if not match:
        return hidden
    name, closing = match.group(1).lower(), tag.startswith("/")
    if hidden:
        return "" if closing and name == hidden else hidden
    if name in _INVISIBLE and not closing and not tag.rstrip().endswith("/"):
        return name
    if name in _BLOCKS:
        pieces.append("\n")
    return ""


def _fallback_meta(markup: str, url: str | None, known: Metadata) -> Metadata:
    head = markup[:_HEAD_CHARS]
    metas: dict[str, str] = {}
    for tag in _META.findall(head):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR.findall(tag)}
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        if key and "content" in attrs:
            metas.setdefault(key, html_entities.unescape(attrs["content"]))
    title = _title(head)
    return Metadata(
        title=known.title or title,
        url=url,
        publisher=known.publisher or metas.get("og:site_name"),
        published=known.published or metas.get("date") or metas.get("article:published_time"),
        author=known.author or metas.get("author"),
    )


def _title(head: str) -> str | None:
    start = head.lower().find("<title")
    opened = head.find(">", start) if start >= 0 else -1
    end = head.lower().find("</title", opened) if opened >= 0 else -1
    return html_entities.unescape(head[opened + 1 : end]).strip() or None if end >= 0 else None
