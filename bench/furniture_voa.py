"""What page furniture handling changes on a corpus: events and statements with and without it.

    .venv/bin/python bench/furniture_voa.py [--corpus ../shared/corpus/voa_stories.jsonl]

Runs the extractor twice in fresh interpreters (furniture off: no sentence breaks, nothing
dropped; furniture on: as wardesk runs) and prints every event or statement that differs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

DEFAULT = Path(__file__).parents[1] / "../shared/corpus/voa_stories.jsonl"


def run(corpus: Path, on: bool) -> dict[str, list[str]]:
    if not on:
        import wardesk.nlp.furniture as breaks

        breaks.add_furniture_breaks = lambda nlp: None  # type: ignore[assignment]
        import wardesk.nlp.pipeline as nlp_pipeline

        nlp_pipeline.add_furniture_breaks = lambda nlp: None  # type: ignore[assignment]
    from wardesk.ingest.furniture import find_furniture
    from wardesk.pipeline import Extractor
    from wardesk.records import Article

    extractor = Extractor()
    out: dict[str, list[str]] = {}
    for line in corpus.read_text("utf-8").splitlines():
        story = json.loads(line)
        text = story["text"]
        article = Article(text=text, published=story["published"][:10],
                          furniture=find_furniture(text) if on else ())
        doc = extractor.nlp(text)
        record = extractor.record(article, doc) if on else extractor._record(article, doc)
        out[story["id"]] = sorted(
            [f"EVENT {e.event} src={[s.actorText for s in e.source]} "
             f"tgt={[t.actorText for t in e.target]} att={e.attribution and e.attribution.text}"
             f" | {e.evidence.text[:110]}" for e in record.events]
            + [f"STATEMENT {s.speakerText}: {s.content[:100]}" for s in record.statements])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT)
    parser.add_argument("--mode", choices=["on", "off"])
    args = parser.parse_args()
    if args.mode:
        json.dump(run(args.corpus, args.mode == "on"), sys.stdout)
        return
    results = {}
    for mode in ("off", "on"):
        done = subprocess.run([sys.executable, __file__, "--corpus", str(args.corpus), "--mode",
                               mode], capture_output=True, text=True, check=True)
        results[mode] = json.loads(done.stdout)
    changed = 0
    for story, before in results["off"].items():
        after = results["on"][story]
        gone = [x for x in before if x not in after]
        new = [x for x in after if x not in before]
        if gone or new:
            changed += 1
            print(f"== {story}")
            print("\n".join([f"  - {x}" for x in gone] + [f"  + {x}" for x in new]))
    total = sum(len(v) for v in results["off"].values())
    print(f"{changed} of {len(results['off'])} stories changed; items before {total}, "
          f"after {sum(len(v) for v in results['on'].values())}")


if __name__ == "__main__":
    main()
