"""Record shards: a runner's output written as numbered Parquet (or JSON-lines) files that
``wardesk import`` loads into a store, so extraction and storage can run on different machines.

A shard directory holds ``records-00000.parquet`` … (one row per article: ``id``, ``published``,
``source_id`` for quick filtering, and ``article``/``record`` as SCHEMA.md JSON), the
rejections as ``rejections.jsonl``, and ``_manifest.json``, written last, which lists the
shards; a directory without a manifest is an unfinished run and is refused.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wardesk.errors import UsageError
from wardesk.records import (
    SCHEMA_VERSION,
    Article,
    Rejection,
    from_dict,
    record_from_dict,
    to_dict,
)
from wardesk.runners.guard import Extracted, Result

FORMATS = ("parquet", "jsonl")
MANIFEST = "_manifest.json"


def write_shards(results: Iterable[Result], out_dir: str | Path, *, shard_size: int = 1000,
                 format: str = "parquet") -> dict[str, Any]:
    """Write ``results`` as shards of ``shard_size`` articles; returns the manifest."""
    if format not in FORMATS:
        raise UsageError(f"unknown shard format {format!r}: choose one of {', '.join(FORMATS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if (out / MANIFEST).exists():
        raise UsageError(f"{out} already holds shards; choose an empty directory")
    shards: list[str] = []
    rows: list[dict[str, str | None]] = []
    rejected = articles = 0
    with open(out / "rejections.jsonl", "w", encoding="utf-8") as rejections:
        for result in results:
            if isinstance(result, Rejection):
                rejections.write(json.dumps(to_dict(result), ensure_ascii=False) + "\n")
                rejected += 1
                continue
            rows.append(_row(result))
            articles += 1
            if len(rows) >= shard_size:
                shards.append(_write_shard(out, len(shards), rows, format))
                rows = []
    if rows:
        shards.append(_write_shard(out, len(shards), rows, format))
    manifest = {"schema": SCHEMA_VERSION, "format": format, "shards": shards,
                "articles": articles, "rejections": rejected}
    _atomic_write(out / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
    return manifest


def read_shards(shard_dir: str | Path) -> Iterator[Extracted]:
    """(article, record) pairs from a shard directory, shard by shard, in written order."""
    root = Path(shard_dir)
    manifest = _manifest(root)
    for name in manifest["shards"]:
        for row in _read_shard(root / name, manifest["format"]):
            article = from_dict(Article, json.loads(row["article"]))
            yield article, record_from_dict(json.loads(row["record"]))


def read_rejections(shard_dir: str | Path) -> Iterator[Rejection]:
    root = Path(shard_dir)
    _manifest(root)
    with open(root / "rejections.jsonl", encoding="utf-8") as lines:
        for line in lines:
            yield from_dict(Rejection, json.loads(line))


def _manifest(root: Path) -> dict[str, Any]:
    try:
        manifest: dict[str, Any] = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UsageError(f"{root} has no {MANIFEST}: not a finished shard directory") from exc
    if manifest.get("schema") != SCHEMA_VERSION:
        raise UsageError(f"{root} holds {manifest.get('schema')!r} records, "
                         f"this wardesk reads {SCHEMA_VERSION!r}")
    return manifest


def _row(result: Extracted) -> dict[str, str | None]:
    article, record = result
    return {
        "id": article.id, "published": article.published, "source_id": article.source_id,
        "article": json.dumps(to_dict(article), ensure_ascii=False),
        "record": json.dumps(to_dict(record), ensure_ascii=False),
    }


def _write_shard(out: Path, number: int, rows: list[dict[str, str | None]], format: str) -> str:
    name = f"records-{number:05d}.{format}"
    if format == "jsonl":
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        _atomic_write(out / name, text.encode("utf-8"))
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        tmp = out / f".{name}.tmp"
        pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), tmp, compression="zstd")
        os.replace(tmp, out / name)
    return name


def _read_shard(path: Path, format: str) -> Iterator[dict[str, Any]]:
    if format == "jsonl":
        with open(path, encoding="utf-8") as lines:
            yield from (json.loads(line) for line in lines)
        return
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=256):
        yield from batch.to_pylist()


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in
                      ("id", "published", "source_id", "article", "record")])


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
