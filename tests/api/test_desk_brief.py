"""The situation brief (Markdown and HTML) and the article highlighter, without a server."""

from __future__ import annotations

from typing import Any

from wardesk.brief import make_brief, render_html, render_markdown
from wardesk.store import Store
from wardesk.web.highlight import Mark, segments


def test_brief_sections(desk_db: tuple[str, dict[str, str]]) -> None:
    with Store(desk_db[0]) as store:
        brief = make_brief(store, since="2025-03-09", until="2025-03-13")
    assert (brief.since, brief.until) == ("2025-03-09", "2025-03-13")
    # the strike and the ministry's claim about it are one incident
    assert brief.counts == {"AGREE": 1, "ASSAULT": 1, "REJECT": 1} and brief.reports == 4
    markdown = render_markdown(brief)
    assert markdown.startswith("# Situation brief, 2025-03-09 to 2025-03-13")
    assert "3 incidents (AGREE 1, ASSAULT 1, REJECT 1), from 4 reports." in markdown
    assert ("4 dead in Odesa — 2 reports from 1 publisher: Example Wire (according to the"
            " regional governor): 4 dead") in markdown
    meetings = markdown.split("## Meetings ahead")[1].split("##")[0]
    assert "CONSULT" in meetings and "Ankara" in meetings
    changes = markdown.split("## Position changes")[1]
    assert "UKR on ceasefire: condition → reject (changed" in changes


def test_brief_defaults_to_the_week_before_the_newest_article(
    desk_db: tuple[str, dict[str, str]],
) -> None:
    with Store(desk_db[0]) as store:
        brief = make_brief(store)
    assert (brief.since, brief.until) == ("2025-03-06", "2025-03-13")


def test_brief_on_an_empty_store() -> None:
    with Store(":memory:") as store:
        brief = make_brief(store, since="2025-01-01", until="2025-01-31")
    assert "No events in this window." in render_markdown(brief)
    assert brief.key_events == () and brief.meetings_ahead == ()


def test_brief_html_escapes(tmp_path: Any, demo: Any) -> None:
    path = str(tmp_path / "h.db")
    demo.fill(path, hostile=True)
    with Store(path) as store:
        html = render_html(make_brief(store, since="2025-03-01", until="2025-03-20"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<h3>Casualties</h3>" in html


def test_segments_cover_the_text_and_drop_bad_offsets() -> None:
    text = "Kyiv said talks resume Monday."
    marks = [Mark(0, 4, "actor"), Mark(0, 30, "event"), Mark(23, 29, "date"),
             Mark(25, 99, "loaded"), Mark(5, 5, "date")]
    parts = segments(text, marks)
    assert "".join(p.text for p in parts) == text
    assert parts[0].text == "Kyiv" and parts[0].kinds == ("actor", "event")
    monday = next(p for p in parts if p.text == "Monday")
    assert monday.kinds == ("date", "event")
    assert all("loaded" not in p.kinds for p in parts)  # ran past the end: dropped
