"""Every export format parses back with an ordinary reader and carries the right values."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from wardesk.errors import UsageError
from wardesk.export import FORMATS, write_export, write_records
from wardesk.records import ArticleRecord, record_from_dict
from wardesk.store import EventFilter, Store


def test_plover_lines(records: list[ArticleRecord]) -> None:
    out = io.StringIO()
    assert write_records("plover", records, out) == 2
    strike, talks = [json.loads(line) for line in out.getvalue().splitlines()]
    assert list(strike)[:13] == ["id", "date", "event", "mode", "context", "source", "target",
                                 "eventText", "eventLoc", "dead", "injured", "size", "text"]
    assert strike["date"] == "2025-03-10" and strike["event"] == "ASSAULT"
    assert strike["text"] == 'Russia struck Kharkiv, "killing 2"'
    assert strike["source"][0]["code"] == "RUS" and strike["eventLoc"]["country"] == "UKR"
    assert strike["attribution"]["text"] == "Ukraine's air force"
    assert strike["certainty"] == "claimed" and strike["quantities"][0]["value"] == 40
    assert strike["source_id"] == "7" and strike["publisher"] == "Example"
    assert talks["date"] == "2025-03-12"  # no event date: the article's published date
    assert talks["status"] == "planned" and talks["negated"] is False


def test_csv_round_trip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    assert write_export("csv", store, None, path, by="report") == 2
    with path.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["event_id"] for r in rows] == ["ev-strike", "ev-talks"]
    assert rows[0]["evidence"] == 'Russia struck Kharkiv, "killing 2"'
    assert rows[0]["dead"] == "2" and rows[0]["latitude"] == "49.99"
    assert rows[1]["source_codes"] == "UKR; GBR"
    assert rows[1]["source_text"] == "Ukraine; Starmer, Keir"
    assert rows[1]["quad"] == "verbal_cooperation" and rows[1]["dead"] == ""


def test_parquet_round_trip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    assert write_export("parquet", store, None, str(path)) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2
    rows = table.to_pylist()
    assert rows[0]["dead"] == 2 and rows[0]["longitude"] == pytest.approx(36.23)
    assert rows[1]["source_codes"] == ["UKR", "GBR"] and rows[1]["dead"] is None
    assert str(table.schema.field("negated").type) == "bool"


def test_parquet_empty_and_to_a_binary_stream(store: Store) -> None:
    buffer = io.BytesIO()
    assert write_export("parquet", store, EventFilter(type="SANCTION", limit=None), buffer) == 0
    buffer.seek(0)
    table = pq.read_table(buffer)
    assert table.num_rows == 0 and "event_id" in table.column_names
    with pytest.raises(UsageError, match="binary"):
        write_export("parquet", store, None, io.StringIO())


def test_geojson_has_only_placed_events(records: list[ArticleRecord]) -> None:
    out = io.StringIO()
    assert write_records("geojson", records, out) == 1
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [36.23, 49.99]}
    assert feature["properties"]["place"] == "Kharkiv"
    assert feature["properties"]["event"] == "ASSAULT"


def test_geojson_empty_is_valid(store: Store) -> None:
    out = io.StringIO()
    write_export("geojson", store, EventFilter(type="AID", limit=None), out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_jsonl_records_read_back_equal(store: Store, records: list[ArticleRecord]) -> None:
    out = io.BytesIO()  # a binary stream is written as UTF-8 and left open
    assert write_export("jsonl", store, None, out) == 2
    back = [record_from_dict(json.loads(line)) for line in out.getvalue().decode().splitlines()]
    # the store adds each event's incident; everything else reads back as saved
    assert all(e.incident for r in back for e in r.events)
    assert [replace(r, events=tuple(replace(e, incident=None) for e in r.events))
            for r in back] == records
    assert not out.closed


def test_store_filter_selects_events(store: Store) -> None:
    out = io.StringIO()
    assert write_export("plover", store, EventFilter(status="planned", limit=None), out) == 1
    assert json.loads(out.getvalue())["id"] == "ev-talks"
    assert write_export("jsonl", store, EventFilter(country="GBR"), io.StringIO()) == 1


def test_store_and_records_export_alike(store: Store, records: list[ArticleRecord]) -> None:
    from_store, from_records = io.StringIO(), io.StringIO()
    write_export("csv", store, None, from_store, by="report")
    write_records("csv", records, from_records)
    assert from_store.getvalue() == from_records.getvalue()


@pytest.mark.parametrize(("fmt", "f"), [("xml", None), ("csv", EventFilter())])
def test_bad_requests(records: list[ArticleRecord], fmt: str, f: EventFilter | None) -> None:
    with pytest.raises(UsageError):
        write_export(fmt, records, f, io.StringIO())


def test_acled_is_dispatched_or_says_unavailable(records: list[ArticleRecord]) -> None:
    assert "acled" in FORMATS
    out = io.StringIO()
    try:
        import wardesk.export.acled  # noqa: F401
    except ImportError:
        with pytest.raises(UsageError, match="acled export not available"):
            write_records("acled", records, out)
        return
    write_records("acled", records, out)
    header = next(csv.reader(io.StringIO(out.getvalue())))
    assert "event_date" in header
