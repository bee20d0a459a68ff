"""Ingest: read files, folders, stdin, URLs and RSS/Atom feeds into :class:`Article` records,
and say why anything unusable was refused with a :class:`Rejection`.

    read_sources(sources, settings, *, published=None) -> Iterator[Article | Rejection]
    read_one(source, settings, *, published=None, text=None, data=None) -> Article  (or SourceError)

A source is a file path, a directory (recursive, sorted; hidden and README files skipped), "-"
(stdin), an http(s) URL, or a feed URL (known by Content-Type or an <rss>/<feed>/<rdf:RDF> root).
Files by extension: .txt/.md/none → text (UTF-8, else a detected legacy encoding), .html/.htm →
trafilatura, .jsonl/.ndjson → a streamed corpus (fields text, id, title, url, published,
publisher, author), .json → one object or a list, .rss/.atom/.xml → a feed; others are sniffed.
``Article.origin`` is the path, URL or "-" (for corpus lines "path:N", for feed entries the link).

Rejection reason codes (stable; see ``wardesk.ingest.reasons.REASONS``):

==================== ===========================================================================
code                 meaning
==================== ===========================================================================
empty                nothing but whitespace (or an HTML page / feed entry with no text)
binary               not text: PDF, image, archive, executable, or NUL bytes
bad_encoding         bytes that are neither UTF-8 nor a recognisable legacy encoding
not_english          text that is not in English (wardesk's rules are English-only)
too_large            file, download, corpus line or text above max_bytes / max_chars
bad_json             a corpus line (or .json file) that is not a JSON object
missing_text         a corpus record without a non-empty string ``text``
bad_html             HTML that could not be parsed into text
not_a_feed           a feed (by extension or content type) that is not RSS/Atom XML
not_found            no such file or directory, or HTTP 404/410
unreadable           the file exists but cannot be read (permissions, I/O error)
unsupported          a source kind wardesk does not read (e.g. ftp://, a socket)
many_documents       read_one was given a directory, corpus or feed (use read_sources)
fetch_failed         a URL that could not be fetched (network error, timeout, HTTP error)
blocked_address      a URL on a loopback/private/link-local/metadata address (SSRF guard)
too_many_redirects   more than 5 HTTP redirects
ingest_error         an unexpected error while reading one document (a wardesk bug)
==================== ===========================================================================

URLs are fetched with httpx: ``settings.http_timeout`` per request, ``settings.max_bytes`` cap
(streamed), at most 5 redirects each checked, and no loopback/private/link-local/multicast/
metadata address, checked per hop and again on the resolved IP at connect time, which is the IP
connected to (unless ``settings.allow_private``).
"""

from __future__ import annotations

from wardesk.ingest.reasons import REASONS
from wardesk.ingest.sources import read_one, read_sources

__all__ = ["REASONS", "read_one", "read_sources"]
