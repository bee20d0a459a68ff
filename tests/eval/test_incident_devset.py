"""The incidents development sets and their scorer (bench/incidents): every gold span is the
exact text of its sentence, every look-alike names a real incident, and pairwise F1 counts pairs
of reports as it should."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "incidents"


def _load(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(f"incidents_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["dev.txt", "holdout.txt"])
def test_gold_spans_are_the_sentences_of_their_articles(name: str) -> None:
    devset = _load("devset").parse(BENCH / name)
    texts = {a["id"]: a["text"] for a in devset.articles}
    assert devset.spans and devset.lookalikes
    for span in devset.spans:
        assert texts[span.article][span.start:span.end] == span.text
    reported = {s.incident for s in devset.reports}
    assert reported == set(devset.incidents)  # every incident is told at least once
    for a, b in devset.lookalikes:
        assert devset.incidents[a]["type"] == devset.incidents[b]["type"]


def test_dev_set_has_several_outlets_per_incident_and_enough_recaps() -> None:
    devset = _load("devset").parse(BENCH / "dev.txt")
    publishers = {a["id"]: a["publisher"] for a in devset.articles}
    lookalikes = {a for a, _ in devset.lookalikes}
    for ident in set(devset.incidents) - lookalikes:
        told = {publishers[s.article] for s in devset.reports if s.incident == ident}
        assert len(told) >= 3, ident
    assert len(devset.recaps) >= 30


def test_pairwise_f1_counts_pairs() -> None:
    pairwise = _load("score").pairwise
    perfect = pairwise([("a", "1"), ("a", "1"), ("b", "2")])
    assert perfect["f1"] == 1.0
    split = pairwise([("a", "1"), ("a", "2"), ("a", "2")])  # 1 of 3 gold pairs found
    assert (split["precision"], split["recall"]) == (1.0, 0.333)
    merged = pairwise([("a", "1"), ("b", "1")])  # one wrong pair, no right one
    assert merged["f1"] == 0.0 and merged["system_pairs"] == 1


def test_malformed_set_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("@lookalike x y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown incident"):
        _load("devset").parse(bad)
