"""What the story stage changed on a corpus: two `wardesk extract` outputs (before, after)
compared event by event (by event id), with a seeded random sample of the changes to judge.

    .venv/bin/wardesk extract ../shared/corpus/voa_stories.jsonl > after.jsonl   # and before.jsonl
    .venv/bin/python bench/story/compare.py before.jsonl after.jsonl --sample 30
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path
from typing import Any


def _load(path: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["article"]["id"]] = rec
    return out


def _changes(before: dict[str, Any], after: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(kind, detail, evidence) for every change in one article."""
    old = {e["id"]: e for e in before["events"]}
    new = {e["id"]: e for e in after["events"]}
    out = []
    for eid, e in old.items():
        if eid not in new:
            out.append(("dropped", f"{e['event']} dead={e['dead']}", e["evidence"]["text"]))
    for eid, e in new.items():
        ev = e["evidence"]["text"]
        if eid not in old:
            out.append(("new", f"{e['event']} dead={e['dead']} bg={e['background']}", ev))
            continue
        o = old[eid]
        if e["background"]:
            out.append(("background", ",".join(e["trace"]), ev))
        for rule in e["trace"]:
            if rule.startswith("story.fill"):
                src = [s["actorText"] for s in e["source"]]
                out.append(("fill", f"{rule} src={src} loc={(e['eventLoc'] or {}).get('name')}", ev))
        for key in ("dead", "injured", "size"):
            if o[key] != e[key]:
                out.append((f"{key}_changed", f"{o[key]} -> {e[key]}", ev))
    for t in after.get("totals", []):
        out.append(("total", f"{t['what']} {t['value']} {t['qualifier']} period={t['period']!r} since={t['since']}",
                    t["evidence"]["text"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=12)
    args = ap.parse_args()
    before, after = _load(args.before), _load(args.after)
    changes = [c for aid in after for c in _changes(before.get(aid, {"events": []}), after[aid])]
    n_before = sum(len(r["events"]) for r in before.values())
    n_after = sum(len(r["events"]) for r in after.values())
    print(f"articles {len(after)}  events before {n_before}  after {n_after}")
    for kind, n in sorted(Counter(k for k, _, _ in changes).items()):
        print(f"  {kind:14} {n}")
    rules = Counter(r for rec in after.values() for e in rec["events"] for r in e["trace"])
    for rule, n in sorted(rules.items()):
        print(f"  rule {rule:40} {n}")
    sample = random.Random(args.seed).sample(changes, min(args.sample, len(changes)))
    print(f"\nsample of {len(sample)} changes (seed {args.seed}):")
    for i, (kind, detail, ev) in enumerate(sample, 1):
        print(f"{i:2}. [{kind}] {detail}\n    {ev[:260]}")


if __name__ == "__main__":
    main()
