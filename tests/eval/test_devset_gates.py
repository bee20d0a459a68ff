"""The development scorers (bench/incidents, bench/process, bench/positions, bench/acled) run on
their dev sets through their library functions, and every figure stays at its floor pinned in
tests/devset_floors.json (less its tolerance; counts and system incidents per real incident
stay at or under theirs). Re-pin deliberately after an accepted change, never to make CI pass."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from wardesk.pipeline import Extractor

pytestmark = [pytest.mark.model, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
FLOORS = json.loads((ROOT / "tests" / "devset_floors.json").read_text(encoding="utf-8"))
TOLERANCE = float(FLOORS["tolerance"])


def _load(scorer: str) -> ModuleType:
    path = ROOT / "bench" / scorer / "score.py"
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))  # the incidents scorer imports its devset module
    name = f"devgate_{scorer}_score"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def extractor() -> Iterator[Extractor]:
    yield Extractor()


def _incident_figures() -> dict[str, float]:
    scorer = _load("incidents")
    dev = scorer.score_devset(scorer.parse(ROOT / FLOORS["incidents"]["set"]), None)
    return {"pairwise_f1": dev["pairwise"]["f1"], "system_per_real": dev["system_per_real"] or 99.0,
            "lookalikes_merged": len(dev["lookalikes_merged"]),
            "recaps_stored_as_current": dev["recaps"]["stored_as_current"]}


def _process_figures(extractor: Extractor) -> dict[str, float]:
    tallies = _load("process").score(ROOT / FLOORS["process"]["set"], extractor, False)
    out: dict[str, float] = {}
    for kind, tally in tallies.items():
        assert tally.total > 0 and tally.made > 0, f"{kind}: nothing to score"
        out[f"{kind}_found"] = tally.found / tally.total
        out[f"{kind}_precision"] = tally.right / tally.made
    return out


def _position_figures(extractor: Extractor) -> dict[str, float]:
    found, total, right, made = _load("positions").score(
        ROOT / FLOORS["positions"]["set"], extractor, False)
    assert total > 0 and made > 0
    return {"recall": found / total, "precision": right / made}


def _acled_figures(extractor: Extractor) -> dict[str, float]:
    scorer = _load("acled")
    figures: dict[str, float] = scorer.figures(scorer.run(ROOT / FLOORS["acled"]["set"], extractor))
    assert figures["reports"] > 0
    return figures


def _below_floor(got: dict[str, float], pinned: dict[str, Any]) -> list[str]:
    low = [f"{k} {got[k]:.4f} < floor {v} - {TOLERANCE}" for k, v in
           pinned.get("at_least", {}).items() if got[k] < v - TOLERANCE]
    high = [f"{k} {got[k]} > pinned {v}" for k, v in pinned.get("at_most", {}).items()
            if got[k] > v + (TOLERANCE if isinstance(v, float) else 0)]
    return low + high


def test_incident_dev_set_stays_at_its_floors() -> None:
    assert _below_floor(_incident_figures(), FLOORS["incidents"]) == []


def test_process_dev_set_stays_at_its_floors(extractor: Extractor) -> None:
    assert _below_floor(_process_figures(extractor), FLOORS["process"]) == []


def test_positions_dev_set_stays_at_its_floors(extractor: Extractor) -> None:
    assert _below_floor(_position_figures(extractor), FLOORS["positions"]) == []


def test_acled_dev_set_stays_at_its_floors(extractor: Extractor) -> None:
    assert _below_floor(_acled_figures(extractor), FLOORS["acled"]) == []


def test_a_figure_under_its_floor_is_reported() -> None:
    pinned = {"at_least": {"recall": 0.9}, "at_most": {"lookalikes_merged": 0, "per_real": 1.3}}
    got = {"recall": 0.87, "lookalikes_merged": 1, "per_real": 1.33}
    assert _below_floor(got, pinned) == ["recall 0.8700 < floor 0.9 - 0.02",
                                         "lookalikes_merged 1 > pinned 0", "per_real 1.33 > pinned 1.3"]
