"""Scores wardesk's ACLED sub-types on the hand-written short reports of bench/acled (dev.jsonl,
holdout.jsonl): each report is ingested as one article with its published date; the report's
class is ``export.acled.report_class`` over its events (the main ACLED-coded event: see its
docstring). Prints weighted F1 over sub-types (weights = gold support), accuracy of the event
type, per-sub-type precision/recall, the confusions, and how many reports got no event / no
ACLED row.

    .venv/bin/python bench/acled/score.py [--set dev.jsonl] [--show]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from wardesk.export.acled import report_class
from wardesk.pipeline import Extractor
from wardesk.records import Article

HERE = Path(__file__).parent
NONE = "(none)"


@dataclass
class Tally:
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (gold, predicted) sub-types
    types: list[tuple[str, str]] = field(default_factory=list)  # (gold, predicted) event types
    no_event: int = 0
    no_row: int = 0
    lines: list[str] = field(default_factory=list)


def run(path: Path, extractor: Extractor) -> Tally:
    tally = Tally()
    for line in path.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        record = extractor(Article(text=case["text"], published=case["published"]))
        kind = report_class(record.events)
        tally.no_event += not record.events
        tally.no_row += kind is None
        got_type, got_sub = kind if kind else (NONE, NONE)
        tally.pairs.append((case["sub_event_type"], got_sub))
        tally.types.append((case["event_type"], got_type))
        if got_sub != case["sub_event_type"]:
            events = "; ".join(f"{e.event}/{e.mode or '-'}/{e.status}{'/neg' if e.negated else ''}"
                               f"<{e.eventText}>" for e in record.events) or "no events"
            tally.lines.append(f"{case['id']} gold={case['sub_event_type']} got={got_sub}\n"
                               f"    {case['text']}\n    {events}")
    return tally


def weighted_f1(pairs: list[tuple[str, str]]) -> tuple[float, dict[str, tuple[float, float, int]]]:
    """Weighted F1 over the gold labels (sklearn's 'weighted' average), and per label (P, R, n)."""
    gold = Counter(g for g, _ in pairs)
    pred = Counter(p for _, p in pairs)
    right = Counter(g for g, p in pairs if g == p)
    per: dict[str, tuple[float, float, int]] = {}
    total = 0.0
    for label, n in gold.items():
        prec = right[label] / pred[label] if pred[label] else 0.0
        rec = right[label] / n
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = (prec, rec, n)
        total += f1 * n
    return total / max(1, len(pairs)), per


def figures(tally: Tally) -> dict[str, float]:
    f1, _ = weighted_f1(tally.pairs)
    type_f1, _ = weighted_f1(tally.types)
    return {"weighted_f1": f1, "event_type_f1": type_f1, "reports": len(tally.pairs),
            "no_event": tally.no_event, "no_row": tally.no_row}


def report(name: str, tally: Tally, show: bool) -> None:
    figs = figures(tally)
    print(f"== {name}: {figs['reports']} reports; sub-type weighted F1 {figs['weighted_f1']:.3f}; "
          f"event-type weighted F1 {figs['event_type_f1']:.3f}; no event {figs['no_event']}; "
          f"no ACLED row {figs['no_row']}")
    _, per = weighted_f1(tally.pairs)
    for label, (prec, rec, n) in sorted(per.items(), key=lambda kv: -kv[1][2]):
        print(f"   {label:38s} n={n:3d}  P {prec:.2f}  R {rec:.2f}")
    confusions = Counter((g, p) for g, p in tally.pairs if g != p)
    print("   confusions (gold -> got):")
    for (g, p), n in confusions.most_common():
        print(f"     {n:3d}  {g} -> {p}")
    if show:
        print("\n".join(tally.lines))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", action="append", default=[], help="dev.jsonl / holdout.jsonl (default dev.jsonl)")
    ap.add_argument("--show", action="store_true", help="print every wrong report with its events")
    args = ap.parse_args()
    extractor = Extractor()
    for name in args.set or ["dev.jsonl"]:
        report(name, run(HERE / name, extractor), args.show)


if __name__ == "__main__":
    main()
