"""The CI gate: `wardesk eval` scores must not drop below the floors pinned in eval_floors.json."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from wardesk.eval import evaluate
from wardesk.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FLOORS = json.loads((Path(__file__).with_name("eval_floors.json")).read_text())


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(FLOORS["golds"]))
def test_scores_hold_their_floor(name: str) -> None:
    pinned = FLOORS["golds"][name]
    gold = (ROOT / pinned["path"]).resolve()
    assert hashlib.sha256(gold.read_bytes()).hexdigest() == pinned["sha256"], (
        f"{gold} changed: re-pin the floors with `make pin-eval` after checking the scores"
    )
    got = {s.name: s for r in evaluate(str(gold), Settings()) for s in r.scores}
    tolerance = FLOORS["tolerance"]
    drops = []
    for field, floor in pinned["scores"].items():
        assert field in got, f"{name}: score {field} is pinned but no longer reported"
        for metric, value in floor.items():
            now = getattr(got[field], metric)
            if now < value - tolerance:
                drops.append(f"{field}.{metric}: {now:.3f} < pinned {value:.3f}")
    assert not drops, f"{name}: scores dropped: " + "; ".join(drops)
