"""Draws a random sample of wardesk events from real news sentences nobody wrote rules for, to
judge by hand (issue 13), and prints the CAMEO quad-class agreement and coverage on that file.

The sentences are ../shared/train/cameo/cameo_class_train.tsv (``sentence<TAB>label``, label =
CAMEO quad class 0-4, read in place). Each sentence is extracted as one Article with no published
date. All events, with their sentence, go to a JSONL outside git (default /tmp/o/events.jsonl);
the sample is ``random.Random(seed).sample`` over that list in file order. It is the *train*
split: the agreement figure is a development figure, not a test score.

    nice .venv/bin/python bench/judge/sample.py [--seed 13] [--n 50] [--out /tmp/o/events.jsonl]
        [--skip-held-out]   (development runs: leave the held-out rows, index % 5 == 0, unread)
        [--held-out-only]   (the final hand judgement: read ONLY the held-out rows, minus the rows
                             already judged in --judged files, judged-1565496.md by default)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import wardesk
from wardesk.event_types import quad_classes
from wardesk.pipeline import Extractor
from wardesk.records import Article, Rejection, to_dict

HERE = Path(__file__).parent
TSV = HERE.parents[1].parent / "shared" / "train" / "cameo" / "cameo_class_train.tsv"
LABEL_QUAD = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}


HELD_OUT = -1  # the label of a row left unread: 0-based line index divisible by 5 (coord.md)


JUDGED = [HERE / "judged-1565496.md"]  # the seed-13 sample judged before the held-out rule


def judged_rows(paths: list[Path]) -> set[int]:
    """Row numbers already judged by hand: every "row N" in the given verdict files."""
    return {int(m) for p in paths for m in re.findall(r"\brow (\d+)\b", p.read_text("utf-8"))}


def read_sentences(path: Path, skip_held_out: bool = False, held_out_only: bool = False,
                   exclude: frozenset[int] = frozenset()) -> list[tuple[str, int]]:
    """(sentence, label) per line; with ``skip_held_out`` the held-out rows (line index divisible
    by 5) are never read: they stay as ("", HELD_OUT) so the rows keep their line numbers. With
    ``held_out_only`` it is the other way round: only held-out rows not in ``exclude`` are read."""
    rows = []
    for i, line in enumerate(path.read_text("utf-8").splitlines()):
        held_out = i % 5 == 0
        if (skip_held_out and held_out) or (held_out_only and (not held_out or i in exclude)):
            rows.append(("", HELD_OUT))
            continue
        sentence, _, label = line.rpartition("\t")
        if sentence and label.strip().isdigit():
            rows.append((sentence, int(label)))
    return rows


def extract_all(rows: list[tuple[str, int]]) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    extractor = Extractor()
    kept = [i for i, (_, lab) in enumerate(rows) if lab != HELD_OUT]
    articles = (Article(text=rows[i][0], id=f"cameo-{i}") for i in kept)
    for i, item in zip(kept, extractor.pipe(articles), strict=True):
        if isinstance(item, Rejection):
            print(f"rejected sentence {i}: {item.reason} {item.message}", file=sys.stderr)
            yield i, []
            continue
        yield i, [to_dict(e) for e in item[1].events]


def _actors(refs: list[dict[str, Any]]) -> str:
    return "; ".join(f"{r['actorText']} [{r['code'] or '-'}]" for r in refs) or "(none)"


def print_event(n: int, row: dict[str, Any]) -> None:
    e = row["event"]
    print(f"--- {n}. sentence {row['index']} (label {row['label']})")
    print(f"  S: {row['sentence']}")
    print(f"  type={e['event']} mode={e['mode']} text={e['eventText']!r}")
    print(f"  source={_actors(e['source'])}  target={_actors(e['target'])}")
    print(f"  status={e['status']} negated={e['negated']} certainty={e['certainty']}")
    print(f"  trace={','.join(e['trace']) or '-'}")


def agreement(rows: list[tuple[str, int]], by_sentence: dict[int, list[dict[str, Any]]]) -> None:
    quad = quad_classes()
    labelled = [i for i, (_, lab) in enumerate(rows) if lab in LABEL_QUAD]
    with_event = [i for i in labelled if by_sentence.get(i)]
    agree = [i for i in with_event
             if LABEL_QUAD[rows[i][1]] in {quad.get(e["event"]) for e in by_sentence[i]}]
    zero = [i for i, (_, lab) in enumerate(rows) if lab == 0]
    zero_event = [i for i in zero if by_sentence.get(i)]
    print("\n== CAMEO quad class (train split: a development figure, not a test score)")
    print(f"  sentences labelled 1-4 with an event whose quad matches the label: "
          f"{len(agree)}/{len(with_event)} = {len(agree) / max(len(with_event), 1):.3f}")
    print(f"  sentences labelled 1-4 with no event: {len(labelled) - len(with_event)}/{len(labelled)}"
          f" = {(len(labelled) - len(with_event)) / max(len(labelled), 1):.3f}")
    print(f"  sentences labelled 0 with an event: {len(zero_event)}/{len(zero)}"
          f" = {len(zero_event) / max(len(zero), 1):.3f}")
    for lab, name in LABEL_QUAD.items():
        ids = [i for i in with_event if rows[i][1] == lab]
        ok = [i for i in ids if i in set(agree)]
        print(f"    label {lab} {name}: {len(ok)}/{len(ids)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tsv", type=Path, default=TSV)
    ap.add_argument("--out", type=Path, default=Path("/tmp/o/events.jsonl"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--reuse", action="store_true", help="sample from --out without extracting again")
    ap.add_argument("--skip-held-out", action="store_true",
                    help="never read the rows held out for the final hand judgement (index %% 5 == 0)")
    ap.add_argument("--held-out-only", action="store_true",
                    help="read ONLY the held-out rows (index %% 5 == 0), minus rows judged in --judged")
    ap.add_argument("--judged", type=Path, action="append",
                    help="verdict file whose 'row N' are left out with --held-out-only "
                         "(repeatable; default bench/judge/judged-1565496.md)")
    args = ap.parse_args()
    if args.skip_held_out and args.held_out_only:
        ap.error("--skip-held-out and --held-out-only exclude each other")
    exclude = frozenset(judged_rows(args.judged or JUDGED)) if args.held_out_only else frozenset()
    rows = read_sentences(args.tsv, args.skip_held_out, args.held_out_only, exclude)
    held = sum(lab == HELD_OUT for _, lab in rows)
    print(f"wardesk from {Path(wardesk.__file__).parent}; {len(rows) - held} sentences from {args.tsv}"
          f" ({held} rows left unread)")
    if args.held_out_only:
        print(f"held-out rows only; already judged, left out: {sorted(i for i in exclude if i % 5 == 0)}")
    if not args.reuse:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with args.out.open("w", encoding="utf-8") as fh:
            for i, events in extract_all(rows):
                for e in events:
                    fh.write(json.dumps({"index": i, "sentence": rows[i][0], "label": rows[i][1],
                                         "event": e}) + "\n")
    events_out = [json.loads(line) for line in args.out.open(encoding="utf-8")]
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for row in events_out:
        by_sentence.setdefault(row["index"], []).append(row["event"])
    print(f"{len(events_out)} events in {len(by_sentence)} sentences -> {args.out}")
    sample = random.Random(args.seed).sample(events_out, min(args.n, len(events_out)))
    print(f"== random sample of {len(sample)} events, seed {args.seed}")
    for n, row in enumerate(sample, 1):
        print_event(n, row)
    agreement(rows, by_sentence)


if __name__ == "__main__":
    main()
