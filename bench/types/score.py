"""Event-type accuracy on the NGEC synthetic stories (issue 13): a development bench.

Each of the 4,500 stories in ../shared/train/ngec_synthetic_events.csv.zip (read in place) is
labelled with one PLOVER type and mode: the type of the story's main event. A seeded shuffle of
the story indices gives two disjoint samples of ``--n`` stories: ``dev`` (the first n, to work
on) and ``holdout`` (the next n, reported only at the end). Each story is extracted as one
Article (no published date); the events go to a cache in /tmp, named by ``--tag``, so a later
run can ``--reuse`` them or compare tags.

Reported, per labelled type T:
- story recall: stories labelled T with a non-negated T event among those found;
- story precision: stories with a T event that are labelled T (a lower bound: a story about a
  protest may rightly hold an accusation too);
- lede: the type of the story's first event (by offset), against the label;
- event share: events of type T that sit in stories labelled T;
and a confusion table of label × type of the lede event.

    nice .venv/bin/python bench/types/score.py [--split dev|holdout] [--n 400] [--seed 13]
        [--tag NAME] [--reuse] [--misses FILE]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
ZIP = HERE.parents[1].parent / "shared" / "train" / "ngec_synthetic_events.csv.zip"
CACHE = Path("/tmp/types")


def read_stories(path: Path = ZIP) -> list[dict[str, str]]:
    with zipfile.ZipFile(path) as z:
        name = z.namelist()[0]
        with z.open(name) as raw:
            return list(csv.DictReader(io.TextIOWrapper(raw, "utf-8")))


def split(n_rows: int, n: int, seed: int, which: str) -> list[int]:
    order = list(range(n_rows))
    random.Random(seed).shuffle(order)
    return sorted(order[:n] if which == "dev" else order[n:2 * n])


def extract(stories: list[dict[str, str]], indices: list[int]) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    from wardesk.pipeline import Extractor
    from wardesk.records import Article, Rejection, to_dict

    extractor = Extractor()
    articles = (Article(text=stories[i]["text"], id=f"ngec-{i}") for i in indices)
    for i, item in zip(indices, extractor.pipe(articles), strict=True):
        if isinstance(item, Rejection):
            print(f"rejected story {i}: {item.reason}", file=sys.stderr)
            yield i, []
            continue
        events = sorted((to_dict(e) for e in item[1].events), key=lambda e: e["evidence"]["start"])
        yield i, [{k: e[k] for k in ("event", "mode", "status", "negated", "eventText", "trace")}
                  | {"evidence": e["evidence"]["text"]} for e in events]


def load(args: argparse.Namespace, stories: list[dict[str, str]]) -> dict[int, list[dict[str, Any]]]:
    cache = CACHE / f"ngec-{args.split}-{args.n}-{args.seed}-{args.tag}.jsonl"
    if not (args.reuse and cache.exists()):
        cache.parent.mkdir(parents=True, exist_ok=True)
        with cache.open("w", encoding="utf-8") as fh:
            for i, events in extract(stories, split(len(stories), args.n, args.seed, args.split)):
                fh.write(json.dumps({"index": i, "events": events}) + "\n")
    print(f"events from {cache}")
    return {row["index"]: row["events"] for row in map(json.loads, cache.open(encoding="utf-8"))}


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b}={a / b:.2f}" if b else "-"


def report(stories: list[dict[str, str]], found: dict[int, list[dict[str, Any]]]) -> None:
    labels = {i: stories[i]["label"] for i in found}
    asserted = {i: [e for e in evs if not e["negated"]] for i, evs in found.items()}
    types_in = {i: {e["event"] for e in evs} for i, evs in asserted.items()}
    lede = {i: evs[0]["event"] if evs else "(none)" for i, evs in asserted.items()}
    n_events = sum(len(v) for v in asserted.values())
    print(f"{len(found)} stories, {n_events} asserted events, "
          f"{sum(not v for v in asserted.values())} stories without an event")
    print(f"{'type':10} {'stories':>7} {'story recall':>16} {'story precision':>16} {'lede right':>14} "
          f"{'event share':>16}")
    hit_all = 0
    for t in sorted(set(labels.values())):
        mine = [i for i in found if labels[i] == t]
        hit = [i for i in mine if t in types_in[i]]
        hit_all += len(hit)
        with_t = [i for i in found if t in types_in[i]]
        ev_t = [(i, e) for i, evs in asserted.items() for e in evs if e["event"] == t]
        print(f"{t:10} {len(mine):7} {_ratio(len(hit), len(mine)):>16} "
              f"{_ratio(sum(labels[i] == t for i in with_t), len(with_t)):>16} "
              f"{_ratio(sum(lede[i] == t for i in mine), len(mine)):>14} "
              f"{_ratio(sum(labels[i] == t for i, _ in ev_t), len(ev_t)):>16}")
    right = sum(lede[i] == labels[i] for i in found)
    print(f"ALL: story recall {_ratio(hit_all, len(found))}, lede right {_ratio(right, len(found))}")
    confusion(labels, lede)


def confusion(labels: dict[int, str], lede: dict[int, str]) -> None:
    cols = sorted(set(lede.values()))
    print("\nconfusion: label (row) × lede event type (column)")
    print(f"{'':9}" + "".join(f"{c[:6]:>7}" for c in cols))
    for t in sorted(set(labels.values())):
        row = Counter(lede[i] for i in labels if labels[i] == t)
        print(f"{t[:9]:9}" + "".join(f"{row.get(c, 0) or '.':>7}" for c in cols))


def write_misses(path: Path, stories: list[dict[str, str]], found: dict[int, list[dict[str, Any]]]) -> None:
    """Stories whose labelled type was not found: the lede and the events read, to classify."""
    with path.open("w", encoding="utf-8") as fh:
        for i, evs in sorted(found.items()):
            label = stories[i]["label"]
            if any(e["event"] == label and not e["negated"] for e in evs):
                continue
            fh.write(f"=== {i} {label}/{stories[i]['mode']}\n{stories[i]['text'][:500]}\n")
            for e in evs[:6]:
                fh.write(f"  -> {e['event']}/{e['mode']} {e['status']}{' NEG' if e['negated'] else ''} "
                         f"{e['eventText']!r} [{','.join(e['trace'])}]\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "holdout"), default="dev")
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--tag", default="current", help="name of the cached extraction")
    ap.add_argument("--reuse", action="store_true", help="read the cached extraction of --tag")
    ap.add_argument("--misses", type=Path, help="write the stories whose type was missed here")
    args = ap.parse_args()
    stories = read_stories()
    found = load(args, stories)
    report(stories, found)
    if args.misses:
        write_misses(args.misses, stories, found)


if __name__ == "__main__":
    main()
