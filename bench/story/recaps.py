"""Recaps and reports on a tagged development set (bench/incidents/gold.json and its
articles.jsonl): how many recap/total sentences still yield an event stored as current news,
and how many reports of a real incident were wrongly made background — with the story stage
on, and with it switched off (``--off``: the stage's two pipeline hooks replaced by identity).

    .venv/bin/python bench/story/recaps.py [--off] [--misses]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import wardesk.pipeline as pipeline
from wardesk.extract.story import Story
from wardesk.pipeline import Extractor
from wardesk.records import Article

HERE = Path(__file__).resolve().parent.parent / "incidents"


def _switch_off() -> None:
    pipeline.story_counts = lambda table, dates, published=None: table  # type: ignore[assignment,return-value]
    pipeline.tell_story = lambda layers, events, article_id: Story(events)  # type: ignore[assignment]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--off", action="store_true")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    if args.off:
        _switch_off()
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    articles = [json.loads(x) for x in (HERE / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    ex = Extractor()
    records = {}
    for a in articles:
        records[a["id"]] = ex(Article(text=a["text"], published=a["published"], source_id=a["id"]))

    def events_in(aid: str, start: int, end: int) -> list:
        return [e for e in records[aid].events if e.evidence.start < end and start < e.evidence.end]

    current = bg_reports = with_events = n_reports = totals_found = 0
    for r in gold["recaps"]:
        evs = events_in(r["article"], r["start"], r["end"])
        with_events += bool(evs)
        if any(not e.background for e in evs):
            current += 1
            if args.misses:
                print("recap as news:", r["text"][:150])
        totals_found += r["kind"] == "total" and any(
            t.evidence.start < r["end"] and r["start"] < t.evidence.end for t in records[r["article"]].totals)
    for r in gold["reports"]:
        evs = events_in(r["article"], r["start"], r["end"])
        if evs:
            n_reports += 1
            if all(e.background for e in evs):
                bg_reports += 1
                if args.misses:
                    print("report as background:", r["text"][:150])
    n_totals = sum(r["kind"] == "total" for r in gold["recaps"])
    print(f"recap/total sentences {len(gold['recaps'])}, with an event {with_events}, "
          f"with an event stored as current news {current}")
    print(f"totals tagged {n_totals}, found as ReportedTotal {totals_found}")
    print(f"incident reports with an event {n_reports}, all of whose events are background {bg_reports}")


if __name__ == "__main__":
    main()
