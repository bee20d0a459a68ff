"""Pin the current `wardesk eval` scores as CI floors (tests/eval_floors.json).

Run after a change that moves accuracy on purpose: `make pin-eval`. The gate test fails when a
pinned score drops by more than the tolerance, or when a gold file's sha256 changes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wardesk.eval import evaluate
from wardesk.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
GOLDS = {
    "seed": ROOT.parent / "shared" / "seed" / "gold.json",
    "plover": ROOT.parent / "shared" / "eval" / "plover_gsr_cameo.json",
}


def main() -> int:
    pinned: dict[str, object] = {"tolerance": 0.02, "golds": {}}
    for name, path in GOLDS.items():
        reports = evaluate(str(path), Settings())
        scores = {}
        for report in reports:
            for s in report.scores:
                scores[s.name] = {"recall": round(s.recall, 4)}
                if not s.recall_only:
                    scores[s.name]["precision"] = round(s.precision, 4)
        pinned["golds"][name] = {  # type: ignore[index]  # built just above as a dict
            "path": f"../shared/{path.relative_to(ROOT.parent / 'shared')}",
            "sha256": reports[0].sha256, "scores": scores,
        }
    out = ROOT / "tests" / "eval_floors.json"
    out.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n")
    print(f"pinned {sum(len(g['scores']) for g in pinned['golds'].values())} scores to {out}")  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
