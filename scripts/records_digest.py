"""Write one canonical JSON line (sorted keys) per article for the 89 VOA stories and the seed
article, extracted with the real model: the baseline that a refactoring must leave byte-identical.

    python scripts/records_digest.py OUT.jsonl [--no-trace]

Compare two runs with ``diff`` or ``cmp``. ``--no-trace`` blanks ``Event.trace`` (the rule ids
that fired), for comparing a run that records rules against one that did not.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_PUBLISHED = "2025-03-11"


def articles() -> list[tuple[str, str, str | None, str]]:
    """(name, text, title, published) for the VOA stories in file order, then the seed article."""
    out = []
    with open(SHARED / "corpus" / "voa_stories.jsonl", encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            out.append((f"voa:{story['id']}", story["text"], story["title"], story["published"][:10]))
    seed = (SHARED / "seed" / "article.txt").read_text(encoding="utf-8")
    out.append(("seed", seed, None, SEED_PUBLISHED))
    return out


def canonical(name: str, record: Any, keep_trace: bool) -> str:
    from wardesk.records import to_dict

    data = to_dict(record)
    if not keep_trace:
        for event in data.get("events", []):
            event.pop("trace", None)
    return json.dumps({"name": name, "record": data}, sort_keys=True, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--no-trace", action="store_true", help="drop Event.trace before writing")
    args = ap.parse_args(argv)

    import wardesk
    from wardesk.pipeline import Extractor
    from wardesk.records import Article

    print(f"wardesk from {Path(wardesk.__file__).parent}", file=sys.stderr)
    extractor = Extractor()
    digest = hashlib.sha256()
    with open(args.out, "w", encoding="utf-8") as out:
        for name, text, title, published in articles():
            record = extractor(Article(text=text, title=title, published=published))
            line = canonical(name, record, keep_trace=not args.no_trace) + "\n"
            digest.update(line.encode("utf-8"))
            out.write(line)
    print(f"{args.out}: sha256 {digest.hexdigest()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
