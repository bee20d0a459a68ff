"""The CLI as a person uses it: exit codes, one-line errors, and the ingest → query path."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wardesk.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, input: str | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_usage_error_exits_2() -> None:
    result = run("events", "--since", "last tuesday")
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_unknown_command_exits_2() -> None:
    assert run("frobnicate").exit_code == 2


def test_missing_file_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("wardesk: "), result.output
    assert "Traceback" not in result.output


def test_empty_file_is_one_line_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(cli, ["extract", str(empty)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert len([ln for ln in result.output.splitlines() if ln.strip()]) == 1


@pytest.mark.model
def test_extract_seed_prints_one_valid_record(shared_dir: Path) -> None:
    import jsonschema

    result = run("extract", str(shared_dir / "seed" / "article.txt"), "--published", "2025-03-11")
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    schema = json.loads((ROOT / "src/wardesk/data/record.schema.json").read_text())
    jsonschema.validate(record, schema)
    assert record["article"]["published"] == "2025-03-11"
    assert record["events"], "the seed article must give events"


@pytest.mark.model
def test_extract_corpus_keeps_order_and_source_ids(shared_dir: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "three.jsonl"
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text().splitlines()[:3]
    corpus.write_text("\n".join(lines) + "\n")
    result = run("--quiet", "extract", str(corpus))
    assert result.exit_code == 0, result.output
    ids = [json.loads(x)["article"]["source_id"] for x in result.output.strip().splitlines()]
    assert ids == [json.loads(x)["id"] for x in lines]


@pytest.mark.model
def test_ingest_twice_changes_nothing_and_events_are_listed(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    first = run("--db", db, "--quiet", "ingest", str(ROOT / "samples"))
    assert first.exit_code == 0, first.output
    assert " new" in first.output
    listed = run("--db", db, "events", "--format", "jsonl", "--limit", "1000")
    events = [json.loads(x) for x in listed.output.strip().splitlines()]
    assert events
    second = run("--db", db, "--quiet", "ingest", str(ROOT / "samples"))
    assert "0 new" in second.output
    again = run("--db", db, "events", "--format", "jsonl", "--limit", "1000")
    assert len(again.output.strip().splitlines()) == len(events)


@pytest.mark.model
def test_bad_documents_in_a_batch_exit_1_and_are_stored(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("Russian forces shelled the city of Kharkiv on Monday, officials said.")
    (docs / "empty.txt").write_text("")
    (docs / "image.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(200))
    db = str(tmp_path / "w.db")
    result = CliRunner().invoke(cli, ["--db", db, "--quiet", "ingest", str(docs)])
    assert result.exit_code == 1
    assert "1 new" in result.output and "2 rejected" in result.output
    listed = run("--db", db, "rejections", "--format", "json")
    assert len(json.loads(listed.output)) == 2


def test_entry_point_runs_without_loading_the_model() -> None:
    out = subprocess.run([sys.executable, "-m", "wardesk.cli", "--help"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0 and "ingest" in out.stdout
