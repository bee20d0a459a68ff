"""Hand-listed stated positions on eight VOA talks/diplomacy stories (voa_hand.jsonl: story id,
sentence numbers, holder, issue and stance options, a note in our own words; no story text is
copied). Scores what wardesk finds on those stories: recall of the required items and precision
of everything found (a position matching no listed item, optional or not, is wrong).

    .venv/bin/python bench/positions/voa_hand.py [--show]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from score import VOA, _holder_ok, _issue_ok  # type: ignore[import-not-found]

from wardesk.pipeline import Extractor
from wardesk.records import Actor, Article, Position

HERE = Path(__file__).parent


def _match(item: dict, pos: Position, actors: dict[str, Actor]) -> bool:
    return (_holder_ok(item["holder"], actors.get(pos.holder or "")) and _issue_ok(item["issue"], pos.issue)
            and pos.stance in item["stance"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print misses and wrong positions")
    ap.add_argument("--gold", default="voa_hand.jsonl", help="voa_hand.jsonl (8 stories) or voa_fresh.jsonl (2, listed last)")
    args = ap.parse_args()
    gold = [json.loads(line) for line in (HERE / args.gold).read_text(encoding="utf-8").splitlines()]
    wanted = {g["story"] for g in gold}
    stories = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines()]
    extractor = Extractor()
    found = total = right = made = 0
    for story in (s for s in stories if s["id"] in wanted):
        record = extractor(Article(text=story["text"], published=story.get("published")))
        actors = {a.id: a for a in record.actors}
        items = [g for g in gold if g["story"] == story["id"]]
        required = [g for g in items if not g.get("optional")]
        hit = [g for g in required if any(_match(g, p, actors) for p in record.positions)]
        good = [p for p in record.positions if any(_match(g, p, actors) for g in items)]
        found, total, right, made = found + len(hit), total + len(required), right + len(good), made + len(record.positions)
        if args.show:
            print(f"== {story['id']}: recall {len(hit)}/{len(required)}, precision {len(good)}/{len(record.positions)}")
            for g in required:
                if g not in hit:
                    print(f"   MISS s{g['sent']} {g['holder'][0]} {g['stance'][0]} {g['issue'][0]}  ({g['note']})")
            for p in record.positions:
                if p not in good:
                    print(f"   WRONG {p.holder} {p.stance} {p.issue} <{p.text[:70]}>")
    print(f"{args.gold}: recall {found}/{total} = {found / max(total, 1):.2f}  precision {right}/{made} = {right / max(made, 1):.2f}")


if __name__ == "__main__":
    main()
