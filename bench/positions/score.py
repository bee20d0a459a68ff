"""Scores wardesk positions on the hand-written sentences of bench/positions (dev.jsonl,
holdout.jsonl): recall of the stated positions (holder, issue, stance) and precision of what is
found. An open issue in the gold ("open:mineral") matches any label outside issues.json whose
words hold that word. ``--voa N`` lists the positions found on the first N VOA stories."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from wardesk.extract.lexicon.phrases import load_data
from wardesk.pipeline import Extractor
from wardesk.records import Actor, Article, Position

HERE = Path(__file__).parent
VOA = HERE.parents[1].parent / "shared" / "corpus" / "voa_stories.jsonl"
LISTED = frozenset(load_data("issues.json")["issues"])


def _holder_ok(names: list[str], actor: Actor | None) -> bool:
    if actor is None:
        return False
    words = " ".join([actor.id, actor.name, *actor.aliases]).lower()
    return any((n.isupper() and len(n) == 3 and actor.country == n) or n.lower() in words for n in names)


def _issue_ok(options: list[str], issue: str) -> bool:
    for opt in options:
        if opt.startswith("open:"):
            if issue not in LISTED and opt[5:] in issue:
                return True
        elif opt == issue:
            return True
    return False


def _match(item: dict[str, Any], pos: Position, actors: dict[str, Actor]) -> bool:
    return (_holder_ok(item["holder"], actors.get(pos.holder or "")) and _issue_ok(item["issue"], pos.issue)
            and pos.stance in item["stance"])


def score(path: Path, extractor: Extractor, show: bool) -> tuple[int, int, int, int]:
    found = total = right = made = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        record = extractor(Article(text=case["text"], published="2025-03-10"))
        actors = {a.id: a for a in record.actors}
        required = [g for g in case["gold"] if not g.get("optional")]
        hit = [g for g in required if any(_match(g, p, actors) for p in record.positions)]
        good = [p for p in record.positions if any(_match(g, p, actors) for g in case["gold"])]
        total, found = total + len(required), found + len(hit)
        made, right = made + len(record.positions), right + len(good)
        if show and (len(hit) < len(required) or len(good) < len(record.positions)):
            print(f"{case['id']}: {case['text']}")
            for g in required:
                if g not in hit:
                    print(f"   MISS {g['holder'][0]} {g['stance'][0]} {g['issue'][0]}")
            for p in record.positions:
                if p not in good:
                    print(f"   WRONG {p.holder} {p.stance} {p.issue} <{p.text}>")
    return found, total, right, made


def voa(extractor: Extractor, n: int) -> None:
    for line in VOA.read_text(encoding="utf-8").splitlines()[:n]:
        story = json.loads(line)
        record = extractor(Article(text=story["text"], published=story.get("published")))
        print(f"== {story.get('id')} {story.get('title', '')[:80]}")
        for p in record.positions:
            print(f"   {p.holder} {p.stance} {p.issue} target={p.target} <{p.text[:90]}>")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", action="append", default=[], help="dev.jsonl / holdout.jsonl (default both)")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--voa", type=int, default=0)
    args = ap.parse_args()
    extractor = Extractor()
    if args.voa:
        voa(extractor, args.voa)
        return
    for name in args.set or ["dev.jsonl", "holdout.jsonl"]:
        found, total, right, made = score(HERE / name, extractor, args.misses)
        print(f"{name}: recall {found}/{total} = {found / max(total, 1):.2f}  "
              f"precision {right}/{made} = {right / max(made, 1):.2f}", file=sys.stdout)


if __name__ == "__main__":
    main()
