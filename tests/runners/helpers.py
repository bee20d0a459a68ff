"""What the runner tests share: articles to run and one line per result to compare."""

from __future__ import annotations

from wardesk.records import Article, Rejection
from wardesk.runners.guard import Result


def articles(*texts: str) -> list[Article]:
    return [Article(text=t, origin=f"doc-{i}") for i, t in enumerate(texts)]


def outcome(result: Result) -> str:
    """"source:reason" for a Rejection, the article's title for a record."""
    if isinstance(result, Rejection):
        return f"{result.source}:{result.reason}"
    return result[1].article.title or ""
