"""Offsets hold on real text: every statement's content and every loaded term cut exactly their
text from the article (VOA stories no rule was written for)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from wardesk.extract.speech.statements import find_statements
from wardesk.extract.tone.score import score_tone
from wardesk.records import ActorRef

pytestmark = pytest.mark.model


class _NoActors:
    actors = ()

    def refs(self, token: Any) -> tuple[ActorRef, ...]:
        return ()

    def refs_in(self, start: int, end: int) -> tuple[ActorRef, ...]:
        return ()


def test_offsets_over_voa_stories(nlp: Any, shared_dir: Path) -> None:
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines[::3]]  # every third story keeps it quick
    statements = terms = 0
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        table = find_statements(doc, _NoActors())
        for s in table.statements:
            assert s.content == text[s.start:s.end]
            assert s.content and s.content == s.content.strip()
            assert s.certainty in ("confirmed", "reported", "claimed", "hedged", "speculative")
        tone = score_tone(doc, table)
        for t in tone.loaded_terms:
            assert t.text == text[t.start:t.end]
        statements += len(table.statements)
        terms += len(tone.loaded_terms)
    assert statements > 5 * len(texts)  # VOA stories are full of "said" and quotes
    assert terms > 0
