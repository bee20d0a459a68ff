""""The process this week" for the brief: the proposals first reported, the answers given and
the pledges made between two days, one Markdown line each with its sources."""

from __future__ import annotations

from typing import Any

from wardesk.process.story import ProcessStore, story

_WHAT = ("proposal", "response", "pledge")


def process_lines(store: ProcessStore, since: str | None, until: str | None) -> list[str]:
    told = story(store, None, since, until)
    lines = []
    for day in told["days"]:
        for item in day["items"]:
            if item["what"] in _WHAT:
                lines.append(f"- {day['day']} [{item['what']}] {item['text']} ({_sources(item)})")
    return lines


def _sources(item: dict[str, Any]) -> str:
    names = sorted({s.get("publisher") or (s.get("article") or "")[:8] for s in item["sources"]})
    return "; ".join(n for n in names if n) or "source unknown"
