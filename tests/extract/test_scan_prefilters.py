"""The per-token scans only look at tokens a Doc column says can matter (a cue word, a number,
a stance word); every token the full test accepts must be among them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest


def _docs(nlp: Any, shared_dir: Path) -> list[Any]:
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines[:12] if line.strip()]
    texts.append((shared_dir / "seed" / "article.txt").read_text(encoding="utf-8"))
    return list(nlp.pipe(texts))


@pytest.mark.model
def test_amounts_start_only_where_the_prefilter_looks(nlp: Any, shared_dir: Path) -> None:
    from wardesk.extract.numbers.quantities import _amount_starts, _count_at

    total = 0
    for doc in _docs(nlp, shared_dir):
        starts = set(_amount_starts(doc))
        found = {i for i in range(len(doc)) if _count_at(doc, i) is not None}
        assert found <= starts
        total += len(found)
    assert total > 0


@pytest.mark.model
def test_statements_start_only_at_cue_words(nlp: Any, shared_dir: Path) -> None:
    from wardesk.extract.speech.reported import _cue_words, _from_source_phrase, _from_verb

    total = 0
    for doc in _docs(nlp, shared_dir):
        cues = set(_cue_words(doc))
        found = {t.i for t in doc if _from_verb(doc, t) or _from_source_phrase(doc, t)}
        assert found <= cues
        total += len(found)
    assert total > 0


@pytest.mark.model
def test_stances_start_only_at_trigger_words(nlp: Any, shared_dir: Path) -> None:
    from wardesk.extract.positions.cues import _trigger, _trigger_words

    total = 0
    for doc in _docs(nlp, shared_dir):
        for sent in doc.sents:
            words = {t.i for t in _trigger_words(sent)}
            found = {t.i for t in sent if _trigger(t) is not None}
            assert found <= words
            total += len(found)
    assert total > 0
