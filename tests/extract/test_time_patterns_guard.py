"""The date patterns run behind a lookahead of the characters their matches can begin with;
that guard must never change what they match."""

from __future__ import annotations

import json
from pathlib import Path

from wardesk.extract.time.patterns import PATTERNS, UNGUARDED, scan

AWKWARD = [
    "ſeven years ago",  # the long s: "s" under the count's case-insensitive flag
    "SEVEN years ago, Three weeks later, an hour ago, A few days earlier",
    "٣ years ago and ١٢ March 2024",  # Unicode digits are \\d too
    "mid-March 2023, Mid-2024, the end of the week, The start of the year",
    "Last Friday, coming Monday, this weekend, The past month, overnight",
    "on 2025-03-11, 11 March 2025, March 11, 2025, 4th of July, in May, May be",
]


def _texts(shared_dir: Path) -> list[str]:
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()] + AWKWARD


def test_guarded_patterns_match_exactly_what_the_plain_ones_do(shared_dir: Path) -> None:
    for text in _texts(shared_dir):
        for (kind, guarded), (_, plain) in zip(PATTERNS, UNGUARDED, strict=True):
            ours = [(m.span(), m.groupdict()) for m in guarded.finditer(text)]
            theirs = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
            assert ours == theirs, (kind, text[:80])


def test_awkward_dates_still_found() -> None:
    found = {(e.kind, AWKWARD[0][e.start:e.end]) for e in scan(AWKWARD[0])}
    assert found == {("ago", "ſeven years ago")}
    kinds = [e.kind for e in scan(AWKWARD[3])]
    assert kinds.count("my") == 1 and "deictic" in kinds
