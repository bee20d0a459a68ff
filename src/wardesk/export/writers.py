"""Writers for each export format: rows in, bytes or text out, streaming where the format allows.

``source_codes`` become one "USA; GBR" cell in csv and stay lists in parquet and GeoJSON.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any, TextIO

from wardesk.export.shapes import TABLE_COLUMNS, plover_event, table_row

PARQUET_BATCH = 5_000
LIST_SEPARATOR = "; "


def write_json_lines(items: Iterable[Any], stream: TextIO) -> int:
    count = 0
    for item in items:
        stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_plover(events: Iterable[dict[str, Any]], stream: TextIO) -> int:
    return write_json_lines((plover_event(e) for e in events), stream)


def write_csv(rows: Iterable[dict[str, Any]], columns: Iterable[str], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: LIST_SEPARATOR.join(v) if isinstance(v, list) else v
                         for k, v in row.items()})
        count += 1
    return count


def write_events_csv(events: Iterable[dict[str, Any]], stream: TextIO) -> int:
    return write_csv((table_row(e) for e in events), TABLE_COLUMNS, stream)


def write_geojson(events: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """A FeatureCollection of the events that have coordinates, written feature by feature."""
    return _write_features(_features(events), stream)


def _write_features(features: Iterable[dict[str, Any]], stream: TextIO) -> int:
    stream.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for feature in features:
        stream.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False))
        count += 1
    stream.write("\n]}\n")
    return count


def _features(events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for event in events:
        row = table_row(event)
        if row["latitude"] is None or row["longitude"] is None:
            continue
        yield {"type": "Feature", "id": row["event_id"],
               "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
               "properties": row}


def write_incidents_csv(rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """One row per incident (wardesk.export.incidents.INCIDENT_COLUMNS)."""
    from wardesk.export.incidents import INCIDENT_COLUMNS

    return write_csv(rows, INCIDENT_COLUMNS, stream)


def write_incidents_geojson(rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """A FeatureCollection of the incidents whose place has coordinates."""
    features = ({"type": "Feature", "id": row["incident_id"],
                 "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                 "properties": row}
                for row in rows if row["latitude"] is not None and row["longitude"] is not None)
    return _write_features(features, stream)


def write_parquet(events: Iterable[dict[str, Any]], out: str | IO[bytes]) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "list": pa.list_(pa.string()), "bool": pa.bool_(),
             "float": pa.float64(), "int": pa.int64()}
    schema = pa.schema([(name, types[kind]) for name, kind in TABLE_COLUMNS.items()])
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for event in events:
            batch.append(table_row(event))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        # always write one (possibly empty) table so the file has its schema
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        count += len(batch)
    return count
