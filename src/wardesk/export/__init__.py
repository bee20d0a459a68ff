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
from wardesk.export.incidents import BY, current, incident_row, summaries
from wardesk.export.writers import (
    write_csv,
    write_events_csv,
    write_geojson,
    write_incidents_csv,
    write_incidents_geojson,
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
    "csv": "one flat row per incident (--by report: per event)",
    "parquet": "one flat row per event, typed columns (pyarrow)",
    "geojson": "FeatureCollection of the incidents (--by report: events) that have coordinates",
    "jsonl": "JSON Lines, one whole article record a line",
    "acled": "CSV in ACLED's columns, violent and protest incidents (--by report: events) only",
}

__all__ = ["BY", "DESCRIPTIONS", "FORMATS", "write_export", "write_records"]


def write_export(
    fmt: str, source: Store | Iterable[ArticleRecord], f: EventFilter | None, out: Output,
    *, by: str = "incident", background: bool = False,
) -> int:
    """Write ``source`` (a Store, or records) as ``fmt`` to ``out`` (a path, "-" for stdout, or
    an open text/binary stream). ``f`` selects a Store's events (None: all of them; its limit
    applies) and, for jsonl/acled, the records that have a matching event.

    ``by``: "incident" (default) makes acled, csv and geojson one row per incident, deaths
    counted once; "report" one row per event, as before incidents. The other formats are per
    event (plover, parquet) or per record (jsonl) either way. ``background`` keeps the events
    an article recounts as past context (left out by default; jsonl records always hold them).
    Returns how many rows (events, incidents; records, for jsonl) were written."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    if by not in BY:
        raise UsageError(f"unknown export grouping {by!r}: use one of {', '.join(BY)}")
    if fmt == "jsonl":
        return _to_text(out, lambda stream: write_json_lines(_record_dicts(source, f), stream))
    if fmt == "acled":
        return _write_acled(source, f, out, by, background)
    if by == "incident" and fmt in ("csv", "geojson"):
        rows = (incident_row(found) for found in _incidents(source, f, background))
        writer = write_incidents_csv if fmt == "csv" else write_incidents_geojson
        return _to_text(out, lambda stream: writer(rows, stream))
    events = current(_events(source, f), background)
    if fmt == "parquet":
        return _to_binary(out, lambda stream: write_parquet(events, stream))
    by_event = {"plover": write_plover, "csv": write_events_csv, "geojson": write_geojson}[fmt]
    return _to_text(out, lambda stream: by_event(events, stream))


def write_records(fmt: str, records: Iterable[ArticleRecord], out: Output,
                  *, by: str = "report", background: bool = True) -> int:
    """Write fresh records (no store) as ``fmt``: `wardesk extract --format plover|csv|…`.
    Fresh records have no incidents yet: one row per event, background included, by default."""
    return write_export(fmt, records, None, out, by=by, background=background)


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


def _write_acled(source: Any, f: EventFilter | None, out: Output, by: str,
                 background: bool) -> int:
    try:
        from wardesk.export import acled
    except ImportError as exc:
        raise UsageError("acled export not available in this version of wardesk") from exc
    records = _records(source, f)
    if by == "report":
        rows = acled.acled_rows(records, background=background)
        return _to_text(out, lambda stream: write_csv(rows, acled.ACLED_COLUMNS, stream))
    rows = acled.acled_incident_rows(records, background=background)
    return _to_text(out, lambda stream: write_csv(rows, acled.ACLED_INCIDENT_COLUMNS, stream))


def _incidents(source: Any, f: EventFilter | None, background: bool) -> Iterator[dict[str, Any]]:
    """The incidents of a store (as it keeps them), or of fresh records (each event alone:
    records have no incidents until stored)."""
    if _is_store(source) and hasattr(source, "iter_incidents"):
        return iter(source.iter_incidents(f, background))
    return summaries(current(_events(source, f), background))


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
