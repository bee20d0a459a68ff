"""Benchmark corpora: the VOA stories of ../shared as they are, and a larger corpus made at run
time by recombining their sentences (deterministic for a given size; never committed)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VOA = ROOT.parent / "shared" / "corpus" / "voa_stories.jsonl"
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"]))\s+(?=[A-Z“\"])")


def load_voa(path: Path = VOA) -> list[dict[str, str]]:
    """The stories as {id, title, published, text}; published cut to the date."""
    stories = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            stories.append({"id": story["id"], "title": story["title"],
                            "published": story["published"][:10], "text": story["text"]})
    return stories


def generate(n: int, out: Path, *, seed: int = 0) -> Path:
    """Write ``n`` articles of 8–24 sentences drawn from the VOA stories to ``out`` (JSON lines);
    an existing file of the same size is reused."""
    if out.exists() and sum(1 for _ in out.open(encoding="utf-8")) == n:
        return out
    stories = load_voa()
    sentences = [s for story in stories for s in SENTENCE_END.split(story["text"]) if s.strip()]
    rng = random.Random(seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as lines:
        for i in range(n):
            story = stories[i % len(stories)]
            text = " ".join(rng.sample(sentences, rng.randint(8, 24)))
            lines.write(json.dumps({"id": f"gen-{i}", "title": f"Generated {i}",
                                    "published": story["published"], "text": text}) + "\n")
    return out


def read(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def words(texts: list[str]) -> int:
    """Whitespace-separated words: the one measure used for every leg's words per second."""
    return sum(len(t.split()) for t in texts)
