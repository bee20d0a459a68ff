"""Bytes to text: refuse binary files, decode UTF-8 (with BOMs) or a detected legacy encoding.

A Russian cp1251 file decodes to Russian (and is then refused as not English, not as garbage).
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from wardesk.errors import SourceError
from wardesk.ingest.reasons import BAD_ENCODING, BINARY

# Leading bytes of formats people drop into a news folder by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or docx/xlsx/epub)"),
    (b"PK\x05\x06", "an empty zip archive"),
    (b"\x1f\x8b", "a gzip file"),
    (b"\xfd7zXZ\x00", "an xz file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd file"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"wOFF", "a web font"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Legacy encodings worth guessing for news text; a narrow list keeps guesses sane
# (left to itself charset-normalizer happily picks cp1006 for Latin-1 English).
_LEGACY = [
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp1253",
    "iso8859_7",
    "cp1254",
    "cp1255",
    "cp1256",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_jp",
    "euc_kr",
]
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROL_OK = frozenset(b"\t\n\r\f\v\x1b")
_SNIFF = 8192
_MAX_CHAOS = 0.1  # charset-normalizer's mess ratio above which a guess is not "sensible"
_MOSTLY_ASCII = 0.9
_MAX_BAD_UTF8 = 0.02  # share of broken sequences tolerated in otherwise-UTF-8 text


def binary_kind(data: bytes) -> str | None:
    """What kind of binary file `data` starts like, or None when it looks like text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[4:8] == b"ftyp":
        return "an MP4/MOV media file"
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text is full of NULs
    head = data[:_SNIFF]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = sum(1 for byte in head if byte < 32 and byte not in _CONTROL_OK)
    if head and controls / len(head) > 0.1:
        return "binary data (control bytes)"
    return None


def declared_charset(data: bytes, content_type: str = "") -> str | None:
    """The charset a Content-Type header or an HTML <meta> declares, if Python knows it."""
    found = _CHARSET.search(content_type.encode("latin-1", "replace")) or _CHARSET.search(
        data[:_SNIFF]
    )
    if not found:
        return None
    name = found.group(1).decode("ascii", "replace")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): a page labelled Latin-1 or ASCII is read as cp1252.
    return "cp1252" if codec in ("iso8859-1", "latin-1", "ascii") else codec


def decode_text(data: bytes, source: str, *, declared: str | None = None) -> str:
    """Decode a text document, raising SourceError(binary | bad_encoding). Valid UTF-8 wins;
    otherwise a `declared` charset (HTTP header, HTML meta) that decodes cleanly; then a guess."""
    kind = binary_kind(data)
    if kind:
        raise SourceError(f"{source}: {kind}, not text", reason=BINARY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(f"{source}: broken {encoding} text", reason=BAD_ENCODING) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration is wrong: fall through to detection
    return _decode_damaged_or_legacy(data, source)


def _decode_damaged_or_legacy(data: bytes, source: str) -> str:
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd")
    multibyte = sum(1 for ch in replaced if ord(ch) > 127) - broken
    if multibyte > broken and broken / max(len(replaced), 1) <= _MAX_BAD_UTF8:
        return replaced  # UTF-8 with a few damaged bytes: keep it, mark the damage
    if multibyte == 0 or multibyte < broken:
        if _ascii_share(data) >= _MOSTLY_ASCII:
            try:  # mostly-ASCII legacy text is English-like: Windows-1252 is by far the likeliest
                return data.decode("cp1252")
            except UnicodeDecodeError:
                pass
        guess = charset_normalizer.from_bytes(data, cp_isolation=_LEGACY).best()
        if guess is not None and guess.chaos <= _MAX_CHAOS:
            return str(guess)
    raise SourceError(
        f"{source}: not UTF-8 and no sensible legacy encoding fits; re-save it as UTF-8",
        reason=BAD_ENCODING,
    )


def _ascii_share(data: bytes) -> float:
    head = data[:65536]
    return sum(1 for byte in head if byte < 128) / max(len(head), 1)
