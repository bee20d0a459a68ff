"""Record shards: a runner's output written as Parquet (or JSON-lines) files that ``wardesk
import`` loads into a store, so extraction and storage can run on different machines.

A shard directory holds record files (one row per article: ``id``, ``published``, ``source_id``
for quick filtering, and ``article``/``record`` as SCHEMA.md JSON), the rejections as
``rejections.jsonl``, and ``_manifest.json``, written last, which lists the record files in
input order; a directory without a manifest is an unfinished run and is refused. The driver
writes ``records-00000.parquet``, …; Ray actors write one ``part-<first seq>.parquet`` per batch
(same columns) and the driver lists them (see ``ray_runner.py``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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
REJECTIONS = "rejections.jsonl"
COLUMNS = ("id", "published", "source_id", "article", "record")


@dataclass(frozen=True)
class Written:
    """An article whose record a Ray actor wrote to ``file`` of the shard directory (the
    record itself never reaches the driver); ``events``: how many it holds."""

    file: str
    events: int


class ShardWriter:
    """Streams results into a shard directory; ``finish()`` writes the manifest.

    Holds at most ``shard_size`` rows. Record files written elsewhere (by Ray actors, with the
    same columns) are listed with ``add_file``; the manifest keeps files in the order added.
    """

    def __init__(self, out_dir: str | Path, *, shard_size: int = 1000,
                 format: str = "parquet") -> None:
        if format not in FORMATS:
            raise UsageError(f"unknown shard format {format!r}: choose one of {', '.join(FORMATS)}")
        self.out = Path(out_dir)
        refuse_finished(self.out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.shard_size = shard_size
        self.format = format
        self.shards: list[str] = []
        self.listed: set[str] = set()  # files written elsewhere, listed in self.shards
        self.rows: list[dict[str, str | None]] = []
        self.articles = self.rejected = self.numbered = 0
        self._rejections = open(self.out / REJECTIONS, "w", encoding="utf-8")  # noqa: SIM115

    def add(self, result: Result) -> Written | Rejection:
        """Take one result; say which file its record goes to."""
        if isinstance(result, Rejection):
            self.reject(result)
            return result
        name = self._next_name()
        self.rows.append(shard_row(result))
        self.articles += 1
        if len(self.rows) >= self.shard_size:
            self._flush()
        return Written(name, len(result[1].events))

    def reject(self, rejection: Rejection) -> None:
        self._rejections.write(json.dumps(to_dict(rejection), ensure_ascii=False) + "\n")
        self.rejected += 1

    def add_written(self, written: Written) -> None:
        """Count an article whose record a Ray actor wrote, listing its file when first seen
        (a batch's articles are consecutive, so the files come in input order)."""
        if written.file not in self.listed:
            self._flush()  # keep input order should driver rows and actor files ever mix
            self.shards.append(written.file)
            self.listed.add(written.file)
        self.articles += 1

    def remove_unlisted(self, pattern: str) -> None:
        """Delete files matching ``pattern`` that the manifest does not list: those of a batch
        whose actor died after writing it, since re-run one article per file."""
        for path in self.out.glob(pattern):
            if path.name not in self.listed:
                path.unlink(missing_ok=True)

    def finish(self) -> dict[str, Any]:
        self._flush()
        self._rejections.close()
        manifest = {"schema": SCHEMA_VERSION, "format": self.format, "shards": self.shards,
                    "articles": self.articles, "rejections": self.rejected}
        _atomic_write(self.out / MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
        return manifest

    def abort(self) -> None:
        """Stop without a manifest: the directory stays an unfinished run, refused by import."""
        self._rejections.close()

    def _next_name(self) -> str:
        return f"records-{self.numbered:05d}.{self.format}"

    def _flush(self) -> None:
        if self.rows:
            name = self._next_name()
            write_record_file(self.out / name, self.rows, self.format)
            self.shards.append(name)
            self.numbered += 1
            self.rows = []


def refuse_finished(out: Path) -> None:
    """A directory that already holds finished shards is never written over."""
    if (out / MANIFEST).exists():
        raise UsageError(f"{out} already holds shards; choose an empty directory")


def write_shards(results: Iterable[Result], out_dir: str | Path, *, shard_size: int = 1000,
                 format: str = "parquet") -> dict[str, Any]:
    """Write ``results`` as shards of ``shard_size`` articles; returns the manifest."""
    writer = ShardWriter(out_dir, shard_size=shard_size, format=format)
    try:
        for result in results:
            writer.add(result)
    except BaseException:
        writer.abort()
        raise
    return writer.finish()


def read_shards(shard_dir: str | Path) -> Iterator[Extracted]:
    """(article, record) pairs from a shard directory, file by file, in written order."""
    root = Path(shard_dir)
    manifest = _manifest(root)
    for name in manifest["shards"]:
        for row in _read_shard(root / name, _format_of(name, manifest["format"])):
            article = from_dict(Article, json.loads(row["article"]))
            yield article, record_from_dict(json.loads(row["record"]))


def read_rejections(shard_dir: str | Path) -> Iterator[Rejection]:
    root = Path(shard_dir)
    _manifest(root)
    with open(root / REJECTIONS, encoding="utf-8") as lines:
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


def _format_of(name: str, default: str) -> str:
    return "jsonl" if name.endswith(".jsonl") else "parquet" if name.endswith(".parquet") else default


def shard_row(result: Extracted) -> dict[str, str | None]:
    article, record = result
    return {
        "id": article.id, "published": article.published, "source_id": article.source_id,
        "article": json.dumps(to_dict(article), ensure_ascii=False),
        "record": json.dumps(to_dict(record), ensure_ascii=False),
    }


def write_record_file(path: Path, rows: list[dict[str, str | None]], format: str = "parquet") -> None:
    """One record file, written under a temporary name and renamed, so it is whole or absent."""
    tmp = path.with_name(f".{path.name}.tmp")
    if format == "jsonl":
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        tmp.write_bytes(text.encode("utf-8"))
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows, schema=_schema()), tmp, compression="zstd")
    os.replace(tmp, path)


def _read_shard(path: Path, format: str) -> Iterator[dict[str, Any]]:
    if format == "jsonl":
        with open(path, encoding="utf-8") as lines:
            yield from (json.loads(line) for line in lines)
        return
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(batch_size=256, columns=["article", "record"]):
        yield from batch.to_pylist()


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([(name, pa.string()) for name in COLUMNS])


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
