"""The stable reason codes a :class:`~wardesk.records.Rejection` may carry, with their meaning.

Codes are snake_case and never renamed: stores, dashboards and tests count by them.
"""

from __future__ import annotations

REASONS: dict[str, str] = {
    "empty": "nothing but whitespace (or an HTML page / feed entry with no text)",
    "binary": "not text: PDF, image, archive, executable, or NUL bytes",
    "bad_encoding": "bytes that are neither UTF-8 nor a recognisable legacy encoding",
    "not_english": "text that is not in English (wardesk's rules are English-only)",
    "too_large": "file, download, corpus line or text above max_bytes / max_chars",
    "bad_json": "a corpus line (or .json file) that is not a JSON object",
    "missing_text": "a corpus record without a non-empty string `text`",
    "bad_html": "HTML that could not be parsed into text",
    "not_a_feed": "a feed (by extension or content type) that is not RSS/Atom XML",
    "not_found": "no such file or directory, or HTTP 404/410",
    "unreadable": "the file exists but cannot be read (permissions, I/O error)",
    "unsupported": "a source kind wardesk does not read (e.g. ftp://, a socket)",
    "many_documents": "read_one was given a directory, corpus or feed (use read_sources)",
    "fetch_failed": "a URL that could not be fetched (network error, timeout, HTTP error)",
    "blocked_address": "a URL on a loopback/private/link-local/metadata address (SSRF guard)",
    "too_many_redirects": "more than 5 HTTP redirects",
    "ingest_error": "an unexpected error while reading one document (a wardesk bug)",
}

EMPTY = "empty"
BINARY = "binary"
BAD_ENCODING = "bad_encoding"
NOT_ENGLISH = "not_english"
TOO_LARGE = "too_large"
BAD_JSON = "bad_json"
MISSING_TEXT = "missing_text"
BAD_HTML = "bad_html"
NOT_A_FEED = "not_a_feed"
NOT_FOUND = "not_found"
UNREADABLE = "unreadable"
UNSUPPORTED = "unsupported"
MANY_DOCUMENTS = "many_documents"
FETCH_FAILED = "fetch_failed"
BLOCKED_ADDRESS = "blocked_address"
TOO_MANY_REDIRECTS = "too_many_redirects"
INGEST_ERROR = "ingest_error"
