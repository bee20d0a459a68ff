"""Exports: events and records from a Store or from fresh records, in the formats of SCHEMA.md.

    >>> write_export("plover", store, EventFilter(country="UKR", limit=None), "events.jsonl")
    >>> write_records("csv", [record], sys.stdout)          # `wardesk extract --format csv`
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, BinaryIO, TextIO, cast

from wardesk.errors import UsageError
from wardesk.export.writers import (
    write_csv,
    write_events_csv,
    write_geojson,
    write_json_lines,
    write_parquet,
    write_plover,
)
from wardesk.records import ArticleRecord, to_dict
from wardesk.store.rows import flat_events

if TYPE_CHECKING:
    from wardesk.store import EventFilter, Store

Output = str | os.PathLike[str] | IO[str] | IO[bytes]
FORMATS: tuple[str, ...] = ("plover", "csv", "parquet", "geojson", "jsonl", "acled")
# what each format is made of, for `--help` and the API
DESCRIPTIONS: dict[str, str] = {
    "plover": "JSON Lines, one event a line in PLOVER field names (+ wardesk extensions)",
    "csv": "one flat row per event",
    "parquet": "one flat row per event, typed columns (pyarrow)",
    "geojson": "FeatureCollection of the events that have coordinates",
    "jsonl": "JSON Lines, one whole article record a line",
    "acled": "CSV in ACLED's columns, violent and protest events only",
}

__all__ = ["DESCRIPTIONS", "FORMATS", "write_export", "write_records"]


def write_export(
    fmt: str, source: Store | Iterable[ArticleRecord], f: EventFilter | None, out: Output,
) -> int:
    """Write ``source`` (a Store, or records) as ``fmt`` to ``out`` (a path, "-" for stdout, or
    an open text/binary stream). ``f`` selects a Store's events (None: all of them; its limit
    applies) and, for jsonl/acled, the records that have a matching event.
    Returns how many events (records, for jsonl; rows, for acled) were written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _to_binary(out, lambda stream: write_parquet(_events(source, f), stream))
    if fmt == "jsonl":
        return _to_text(out, lambda stream: write_json_lines(_record_dicts(source, f), stream))
    if fmt == "acled":
        return _write_acled(_records(source, f), out)
    writer = {"plover": write_plover, "csv": write_events_csv, "geojson": write_geojson}[fmt]
    return _to_text(out, lambda stream: writer(_events(source, f), stream))


def write_records(fmt: str, records: Iterable[ArticleRecord], out: Output) -> int:
    """Write fresh records (no store) as ``fmt``: `wardesk extract --format plover|csv|…`."""
    return write_export(fmt, records, None, out)


def _is_store(source: object) -> bool:
    return hasattr(source, "iter_events") and hasattr(source, "records")


def _events(source: Any, f: EventFilter | None) -> Iterator[dict[str, Any]]:
    if _is_store(source):
        return iter(source.iter_events(f))
    if f is not None:
        raise UsageError("event filters need a store: pass the Store, not records")
    return flat_events(source)


def _records(source: Any, f: EventFilter | None) -> Iterator[ArticleRecord]:
    if _is_store(source):
        return iter(source.records(f))
    if f is not None:
        raise UsageError("event filters need a store: pass the Store, not records")
    return iter(source)


def _record_dicts(source: Any, f: EventFilter | None) -> Iterator[dict[str, Any]]:
    if _is_store(source) and hasattr(source, "record_dicts"):
        return iter(source.record_dicts(f))  # the stored JSON as is: no dataclass round trip
    return (to_dict(r) for r in _records(source, f))


def _write_acled(records: Iterator[ArticleRecord], out: Output) -> int:
    try:
        from wardesk.export.acled import ACLED_COLUMNS, acled_rows
    except ImportError as exc:
        raise UsageError("acled export not available in this version of wardesk") from exc
    return _to_text(out, lambda stream: write_csv(acled_rows(records), ACLED_COLUMNS, stream))


def _to_text(out: Output, write: Callable[[TextIO], int]) -> int:
    with _text_stream(out) as stream:
        return write(stream)


def _to_binary(out: Output, write: Callable[[Any], int]) -> int:
    if out == "-":
        return write(sys.stdout.buffer)
    if isinstance(out, io.TextIOBase):
        raise UsageError("parquet is binary: give a file path or a binary stream")
    return write(os.fspath(out) if isinstance(out, (str, os.PathLike)) else out)


@contextmanager
def _text_stream(out: Output) -> Iterator[TextIO]:
    if out == "-":
        yield sys.stdout
    elif isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    elif isinstance(out, io.TextIOBase):
        yield out  # type: ignore[misc]  # TextIOBase is what TextIO means at run time
    else:  # a binary stream: encode as UTF-8 and hand the stream back untouched
        wrapper = io.TextIOWrapper(cast(BinaryIO, out), encoding="utf-8", newline="")
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()
