"""Seed scoring of statements, positions and loaded terms: hand-built records, then the real seed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from wardesk.eval.seed_talk import run_seed_talk, score_seed_talk
from wardesk.records import (
    Actor,
    ArticleMeta,
    ArticleRecord,
    LoadedTerm,
    Position,
    Span,
    Statement,
    Tone,
)

GOLD: dict[str, Any] = {
    "actors": [{"name": "Olena Kovalenko", "aliases": ["Kovalenko"], "country": "UKR"}],
    "statements": [
        {"key": "a", "required": True, "speaker": "Olena Kovalenko", "content_contains": "ready to talk",
         "certainty": ["reported"]},
        {"key": "b", "required": True, "speaker_any": ["analysts", None], "content_contains": "long war"},
    ],
    "positions": [
        {"holder": "UKR", "issue": "peace_deal", "stance": "support", "acceptable_stances": ["offer"],
         "required": True},
        {"holder": "RUS", "issue": "territory", "stance": "demand", "target": "UKR", "required": True},
    ],
    "loaded_terms": {"required": ["tyrant", "meat grinder"], "acceptable": ["crunch talks"]},
}


def _record(statements: tuple[Statement, ...], positions: tuple[Position, ...],
            terms: tuple[LoadedTerm, ...]) -> ArticleRecord:
    actors = (Actor("ukr/gov/olena-kovalenko", "Olena Kovalenko", "person", "UKR"),
              Actor("unk/gov/kremlin", "Kremlin", "organization", "RUS"))
    return ArticleRecord(ArticleMeta("x", tone=Tone(-1.0, terms)), actors=actors,
                         statements=statements, positions=positions)


def _stmt(speaker: str | None, text: str, content: str, certainty: str = "reported") -> Statement:
    return Statement(speaker, text, "said", content, False, 0, len(content), certainty)


def test_everything_found() -> None:
    record = _record(
        (_stmt("ukr/gov/olena-kovalenko", "Kovalenko", "Kyiv is ready to talk"),
         _stmt(None, "", "this will be a long war")),
        (Position("ukr/gov/ukraine", "peace_deal", "offer", "t", Span(0, 1)),
         Position("unk/gov/kremlin", "territory", "demand", "t", Span(0, 1), target="ukr/gov/ukraine")),
        (LoadedTerm("tyrant", 0, 6, "pejorative"), LoadedTerm("meat grinder", 9, 21, "dehumanising")),
    )
    report = score_seed_talk(GOLD, record)
    for name in ("statements.required_recall", "positions.required_recall", "loaded_terms.required_recall"):
        assert report.score(name).recall == 1.0, report.misses
    assert report.score("statements.certainty").precision == 1.0
    assert report.score("positions.target").precision == 1.0
    assert report.score("loaded_terms.precision").precision == 1.0


def test_wrong_speaker_stance_and_missing_term_are_misses() -> None:
    record = _record(
        (_stmt("unk/gov/someone", "a spokesman", "Kyiv is ready to talk"),),
        (Position("ukr/gov/ukraine", "peace_deal", "reject", "t", Span(0, 1)),),
        (LoadedTerm("tyrant", 0, 6, "pejorative"), LoadedTerm("bloodbath", 9, 18, "dehumanising")),
    )
    report = score_seed_talk(GOLD, record)
    assert report.score("statements.required_recall").recall == 0.0
    assert report.score("statements.content_recall").recall == 0.5
    assert report.score("positions.required_recall").recall == 0.0
    assert report.score("positions.precision").precision == 0.0
    assert report.score("loaded_terms.required_recall").recall == 0.5
    assert report.score("loaded_terms.precision").precision == 0.5
    assert any("meat grinder" in m for m in report.misses)


@pytest.mark.model
def test_seed_meets_the_target(extractor: Any, shared_dir: Path) -> None:
    report = run_seed_talk(shared_dir / "seed" / "gold.json", extractor)
    assert report.score("statements.required_recall").recall >= 0.85, report.misses
    assert report.score("positions.required_recall").recall >= 0.85, report.misses
    assert report.score("loaded_terms.required_recall").recall == 1.0, report.misses
