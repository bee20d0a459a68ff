"""Record shards read back exactly what was written, in order, with rejections kept apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from wardesk.errors import UsageError
from wardesk.records import (
    Actor,
    Article,
    ArticleMeta,
    ArticleRecord,
    Event,
    Evidence,
    Mention,
    Rejection,
    Tone,
)
from wardesk.runners import read_rejections, read_shards, write_shards
from wardesk.runners.guard import Result


def sample(i: int) -> tuple[Article, ArticleRecord]:
    text = f"Troops of Ruritania shelled Vostok on day {i}. “We will answer,” the mayor said."
    article = Article(text=text, title=f"Story {i}", published="2025-03-11", origin=f"s{i}.txt")
    actor = Actor(id="rur/mil", name="Ruritanian troops", kind="group", country="RUR",
                  mentions=(Mention(0, 20, text[:20]),))
    event = Event(id=f"e{i}", event="ASSAULT", source=(), target=(), eventText="shelled",
                  evidence=Evidence(text[:44], 0, 44), dead=i or None)
    meta = ArticleMeta(id=article.id, title=article.title, published="2025-03-11", words=15,
                       tone=Tone(score=-0.25))
    return article, ArticleRecord(article=meta, actors=(actor,), events=(event,))


@pytest.mark.parametrize("format", ["parquet", "jsonl"])
def test_shards_round_trip_in_order(tmp_path: Path, format: str) -> None:
    results: list[Result] = [sample(i) for i in range(5)]
    results.insert(2, Rejection("bad.bin", "binary", "not text"))
    manifest = write_shards(results, tmp_path / "out", shard_size=2, format=format)
    assert manifest["shards"] == [f"records-0000{n}.{format}" for n in range(3)]
    assert (manifest["articles"], manifest["rejections"]) == (5, 1)
    assert list(read_shards(tmp_path / "out")) == [r for r in results
                                                   if not isinstance(r, Rejection)]
    assert list(read_rejections(tmp_path / "out")) == [results[2]]


def test_unfinished_shard_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "records-00000.parquet").write_bytes(b"")
    with pytest.raises(UsageError, match="not a finished shard directory"):
        list(read_shards(tmp_path))


def test_shards_never_overwrite_a_finished_directory(tmp_path: Path) -> None:
    write_shards([sample(1)], tmp_path)
    with pytest.raises(UsageError, match="already holds shards"):
        write_shards([sample(2)], tmp_path)


def test_writer_says_where_each_record_went_and_lists_files_written_elsewhere(
        tmp_path: Path) -> None:
    from wardesk.runners import Written
    from wardesk.runners.shards import ShardWriter, shard_row, write_record_file

    writer = ShardWriter(tmp_path, shard_size=2)
    assert writer.add(sample(0)) == Written("records-00000.parquet", 1)
    assert writer.add(Rejection("bad.bin", "binary", "")) == Rejection("bad.bin", "binary", "")
    # a file another process wrote (a Ray actor's batch), with two records
    write_record_file(tmp_path / "part-0000000002.parquet", [shard_row(sample(2)), shard_row(sample(3))])
    for _ in range(2):
        writer.add_written(Written("part-0000000002.parquet", 1))
    assert writer.add(sample(4)) == Written("records-00001.parquet", 1)
    (tmp_path / "part-0000000009.parquet").write_bytes(b"left by an actor that died")
    writer.remove_unlisted("part-*.parquet")
    manifest = writer.finish()
    assert manifest["shards"] == ["records-00000.parquet", "part-0000000002.parquet",
                                  "records-00001.parquet"]
    assert (manifest["articles"], manifest["rejections"]) == (4, 1)
    assert [a.title for a, _ in read_shards(tmp_path)] == ["Story 0", "Story 2", "Story 3",
                                                          "Story 4"]
    assert not (tmp_path / "part-0000000009.parquet").exists()


def test_a_run_that_fails_leaves_no_manifest(tmp_path: Path) -> None:
    def failing() -> Iterator[Result]:
        yield sample(0)
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError):
        write_shards(failing(), tmp_path)
    with pytest.raises(UsageError, match="not a finished shard directory"):
        list(read_shards(tmp_path))
    write_shards([sample(1)], tmp_path)  # not finished, so it may be written again
    assert [a.title for a, _ in read_shards(tmp_path)] == ["Story 1"]
