"""`wardesk ingest SOURCES --shards DIR` then `wardesk import DIR` fills a store exactly as a
direct `wardesk ingest` does, table by table; a directory that already holds shards is refused."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wardesk.cli import cli

STORIES = 10
VOLATILE = {"saved", "time", "applied"}  # when a row was written, not what it says


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows (volatile time columns left out), sorted; and the articles in order."""
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        dump: dict[str, list[tuple[Any, ...]]] = {}
        for name in names:
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')
                       if r[1] not in VOLATILE]
            select = ", ".join(f'"{c}"' for c in columns)
            dump[name] = sorted(conn.execute(f'SELECT {select} FROM "{name}"'), key=repr)
        dump["articles in order"] = list(conn.execute("SELECT id FROM articles ORDER BY pk"))
    return dump


@pytest.fixture
def sources(shared_dir: Path, tmp_path: Path) -> list[str]:
    corpus = tmp_path / "voa.jsonl"
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text().splitlines()[:STORIES]
    corpus.write_text("\n".join(lines) + "\n")
    empty = tmp_path / "empty.txt"  # a bad document: it must come through as a Rejection
    empty.write_text("")
    return [str(corpus), str(empty)]


@pytest.mark.model
def test_shards_then_import_give_the_store_of_a_direct_ingest(
        sources: list[str], tmp_path: Path) -> None:
    direct = run("--db", str(tmp_path / "direct.db"), "--quiet", "ingest", *sources)
    shard_dir = tmp_path / "out" / "run1"
    written = run("--db", str(tmp_path / "absent.db"), "--quiet", "ingest", *sources,
                  "--shards", str(shard_dir))
    summary = f"articles: {STORIES} new, 0 unchanged, 1 rejected; events found: "
    assert direct.exit_code == written.exit_code == 1  # the empty document was rejected
    assert direct.stdout.startswith(summary), direct.output
    assert written.stdout == direct.stdout  # the same counts, events included
    assert str(shard_dir / "rejections.jsonl") in written.stderr
    assert not (tmp_path / "absent.db").exists()  # writing shards creates no store
    manifest = json.loads((shard_dir / "_manifest.json").read_text())
    assert (manifest["articles"], manifest["rejections"]) == (STORIES, 1)

    imported = run("--db", str(tmp_path / "imported.db"), "--quiet", "import", str(shard_dir))
    assert imported.exit_code == 1 and imported.stdout == direct.stdout
    want, got = tables(tmp_path / "direct.db"), tables(tmp_path / "imported.db")
    assert want.keys() == got.keys()
    assert len(want["events"]) > STORIES and len(want["rejections"]) == 1
    for name in want:
        assert got[name] == want[name], f"table {name} differs"


@pytest.mark.model
def test_an_existing_store_is_read_not_written(sources: list[str], tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    run("--db", db, "--quiet", "ingest", *sources)
    before = tables(Path(db))
    again = run("--db", db, "--quiet", "ingest", *sources, "--shards", str(tmp_path / "s"))
    # what the store holds is skipped, as a direct ingest skips it
    assert again.stdout.startswith(f"articles: 0 new, {STORIES} unchanged, 1 rejected")
    assert tables(Path(db)) == before
    assert list((tmp_path / "s").glob("*.parquet")) == []


def test_a_directory_that_holds_shards_is_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "_manifest.json").write_text("{}")
    doc = tmp_path / "a.txt"
    doc.write_text("Troops shelled the town on Monday, officials said.")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "w.db"), "--quiet", "ingest",
                                      str(doc), "--shards", str(tmp_path / "out")])
    assert result.exit_code == 2  # a usage error, as the CLI's exit codes say
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [f"wardesk: error: {tmp_path / 'out'} already holds shards; "
                     "choose an empty directory [W100]"]
    assert not (tmp_path / "w.db").exists()
