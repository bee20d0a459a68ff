"""Scores wardesk's peace-process stage on the hand-written articles of bench/process
(dev.json, holdout.json): proposals found with their proposer, responses right, pledges found,
and the precision of each. ``--misses`` prints what was missed and what was wrong;
``--voa FILE`` writes the proposals, responses and pledges found on the 89 VOA stories to FILE
(one line each, for diffing before/after a change).

    .venv/bin/python bench/process/score.py --set dev --misses
    .venv/bin/python bench/process/score.py --set holdout
    .venv/bin/python bench/process/score.py --voa /tmp/voa_process.txt
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wardesk.pipeline import Extractor
from wardesk.records import ActorRef, Article, ArticleRecord

HERE = Path(__file__).parent
VOA = HERE.parents[1].parent / "shared" / "corpus" / "voa_stories.jsonl"


def party_ok(alternatives: list[str] | None, ref: ActorRef) -> bool:
    """A gold party: a 3-letter code, or words of the actor's name or id."""
    if alternatives is None:
        return True
    words = f"{ref.actorText} {ref.actor or ''}".lower()
    return any((alt.isupper() and len(alt) == 3 and ref.code == alt) or alt.lower() in words
               for alt in alternatives)


def _proposals(record: ArticleRecord) -> list[tuple[str, tuple[ActorRef, ...]]]:
    return [(p.kind, p.proposer) for p in record.proposals]


def proposal_ok(gold: dict[str, Any], item: tuple[str, tuple[ActorRef, ...]]) -> bool:
    kind, proposer = item
    if gold["kind"] != kind:
        return False
    return gold["proposer"] is None or any(party_ok(gold["proposer"], r) for r in proposer)


def proposal_fair(gold: dict[str, Any], item: tuple[str, tuple[ActorRef, ...]]) -> bool:
    """Precision: the kind is in the gold and the proposer, if any is given, is right."""
    return gold["kind"] == item[0] and (not item[1] or proposal_ok(gold, item))


def response_ok(gold: dict[str, Any], item: tuple[str, ActorRef, str]) -> bool:
    kind, party, answer = item
    return gold["kind"] == kind and party_ok(gold["party"], party) and answer in gold["response"]


def pledge_ok(gold: dict[str, Any], item: tuple[ActorRef, str, str]) -> bool:
    party, what, status = item
    return party_ok(gold["party"], party) and what in gold["what"] and status in gold["status"]


@dataclass
class Tally:
    found: int = 0
    total: int = 0
    right: int = 0
    made: int = 0
    lines: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        return (f"{name:<10} found {self.found}/{self.total} = {self.found / max(self.total, 1):.2f}   "
                f"precision {self.right}/{self.made} = {self.right / max(self.made, 1):.2f}")


def _tally(tally: Tally, golds: list[dict[str, Any]], items: list[Any], ok: Any, fair: Any, show: Any) -> None:
    required = [g for g in golds if not g.get("optional")]
    for g in required:
        tally.total += 1
        if any(ok(g, i) for i in items):
            tally.found += 1
        else:
            tally.lines.append(f"   MISS {json.dumps(g)}")
    for i in items:
        tally.made += 1
        if any(fair(g, i) for g in golds):
            tally.right += 1
        else:
            tally.lines.append(f"   WRONG {show(i)}")


def _ref(ref: ActorRef | None) -> str:
    return "-" if ref is None else (ref.code or ref.actor or ref.actorText)


def score(path: Path, extractor: Extractor, misses: bool) -> dict[str, Tally]:
    tallies = {"proposals": Tally(), "responses": Tally(), "pledges": Tally()}
    for case in json.loads(path.read_text(encoding="utf-8"))["articles"]:
        record = extractor(Article(text=case["text"], published=case["published"], publisher=case["publisher"]))
        before = {k: len(t.lines) for k, t in tallies.items()}
        _tally(tallies["proposals"], case["proposals"], _proposals(record), proposal_ok, proposal_fair,
               lambda i: f"{i[0]} by {[_ref(r) for r in i[1]]}")
        answers = [(p.kind, r.party, r.response) for p in record.proposals for r in p.responses]
        _tally(tallies["responses"], case["responses"], answers, response_ok, response_ok,
               lambda i: f"{i[0]} {_ref(i[1])} {i[2]}")
        pledges = [(p.party, p.what, p.status) for p in record.pledges]
        _tally(tallies["pledges"], case["pledges"], pledges, pledge_ok, pledge_ok,
               lambda i: f"{_ref(i[0])} {i[1]} {i[2]}")
        if misses and any(len(t.lines) > before[k] for k, t in tallies.items()):
            print(f"{case['id']}: {case['text']}")
            for k, t in tallies.items():
                for line in t.lines[before[k]:]:
                    print(f"  {k[:-1]}{line}")
    return tallies


def voa(extractor: Extractor, out: Path) -> None:
    lines = []
    for raw in VOA.read_text(encoding="utf-8").splitlines():
        story = json.loads(raw)
        record = extractor(Article(text=story["text"], published=story.get("published")))
        sid = story.get("id")
        for p in record.proposals:
            lines.append(f"{sid} PROPOSAL {p.kind} by {[_ref(r) for r in p.proposer]} "
                         f"to {[_ref(r) for r in p.addressees]} <{p.evidence.text[:110]}>")
            for r in p.responses:
                lines.append(f"{sid}   RESPONSE {p.kind} {_ref(r.party)} {r.response} "
                             f"cond={r.conditions!r} <{r.evidence.text[:110]}>")
        for pl in record.pledges:
            lines.append(f"{sid} PLEDGE {_ref(pl.party)} {pl.what} {pl.status} to={_ref(pl.to)} "
                         f"share={pl.share} <{pl.evidence.text[:110]}>")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", action="append", choices=["dev", "holdout"], default=[])
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--voa", type=Path, help="write the VOA listing to this file instead of scoring")
    args = ap.parse_args()
    extractor = Extractor()
    if args.voa:
        voa(extractor, args.voa)
        return
    for name in args.set or ["dev", "holdout"]:
        tallies = score(HERE / f"{name}.json", extractor, args.misses)
        print(f"== {name}")
        for key, tally in tallies.items():
            print("   " + tally.line(key))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
