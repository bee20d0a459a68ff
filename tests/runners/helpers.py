"""What the runner tests share: articles to run and one line per result to compare."""

from __future__ import annotations

import json
from pathlib import Path

from wardesk.records import Article, Rejection
from wardesk.runners.guard import Result


def articles(*texts: str) -> list[Article]:
    return [Article(text=t, origin=f"doc-{i}") for i, t in enumerate(texts)]


def outcome(result: Result) -> str:
    """"source:reason" for a Rejection, the article's title for a record."""
    if isinstance(result, Rejection):
        return f"{result.source}:{result.reason}"
    return result[1].article.title or ""


def voa_stories(shared_dir: Path, count: int) -> list[Article | Rejection]:
    """The first ``count`` VOA stories of ../shared, with an input Rejection as the fifth item."""
    items: list[Article | Rejection] = []
    with open(shared_dir / "corpus" / "voa_stories.jsonl", encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            items.append(Article(text=story["text"], title=story["title"],
                                 published=story["published"][:10], origin=story["id"]))
            if len(items) == count:
                break
    items.insert(4, Rejection("not-a-story", "empty", "no text"))
    return items
