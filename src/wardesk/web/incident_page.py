"""The incident page: every report of one real-world event side by side (publisher, date, its
sentence highlighted, the figure it gives), the range the reports give and how firmly the sources
stand behind it. Its JSON twin is /api/incidents/{id} (``store.incident``); the page adds only
what a reader needs to see the words: each report's article title and highlighted sentence.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from wardesk.api.deps import StoreDep
from wardesk.records import to_dict
from wardesk.store import Store
from wardesk.web.highlight import Mark, Segment, marks_from_record, segments

router = APIRouter(include_in_schema=False)
MAX_CARDS = 200  # reports shown side by side; the JSON twin lists every one

# What each certainty across sources means, in the reader's words.
CERTAINTY_NOTES = {
    "corroborated": "reported by two or more independent publishers",
    "reported": "reported by one publisher",
    "claimed": "every report is one party's claim",
    "disputed": "a report denies it, or the parties' claims give different figures",
}


def sentence_segments(text: str, record: dict[str, Any] | None, start: Any, end: Any
                      ) -> list[Segment]:
    """The report's sentence, cut into highlight segments by the marks of its article's record
    that fall inside it (offsets out of range give the evidence text alone)."""
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return []
    inside = [Mark(m.start - start, m.end - start, m.kind, m.label)
              for m in marks_from_record(record or {})
              if start <= m.start and m.end <= end and (m.start, m.end) != (start, end)]
    return segments(text[start:end], inside)


def figure(report: dict[str, Any]) -> str:
    """The figure a report gives: "8 dead, 29 injured", or that it gives none."""
    parts = [f"{report[k]} {k}" for k in ("dead", "injured") if report.get(k) is not None]
    return ", ".join(parts) or "no figure"


def _article_parts(store: Store, article_id: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
    article = store.article(article_id) or {}
    record = store.record(article_id) if article else None
    return article, (to_dict(record) if record is not None else None)


def report_cards(store: Store, found: dict[str, Any]) -> list[dict[str, Any]]:
    """The incident's reports, oldest first, each with its article and highlighted sentence."""
    articles: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {}
    cards = []
    for r in (found.get("reports") or ())[:MAX_CARDS]:
        aid = str(r.get("article") or "")
        if aid not in articles:
            articles[aid] = _article_parts(store, aid)
        article, record = articles[aid]
        evidence = r.get("evidence") or {}
        start, end = evidence.get("start"), evidence.get("end")
        cards.append({
            **r, "title": article.get("title"), "url": article.get("url"),
            "segments": sentence_segments(article.get("text") or "", record, start, end),
            "figure": figure(r),
            "hl": f"{start}-{end}" if isinstance(start, int) and isinstance(end, int) else None,
        })
    return sorted(cards, key=lambda c: (str(c.get("published") or "~"), str(c.get("publisher")
                                                                              or "")))


def disagreement(found: dict[str, Any]) -> list[str]:
    """Where the reports disagree: the figures that differ, said in words."""
    notes = []
    for what in ("dead", "injured"):
        value = found.get(what) or {}
        if value and value.get("min") != value.get("max"):
            notes.append(f"reports give {value['min']} to {value['max']} {what}")
    return notes


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, store: StoreDep, incident_id: str) -> HTMLResponse:
    from wardesk.web.pages import page

    found = store.incident(incident_id) if hasattr(store, "incident") else None
    if found is None:
        raise HTTPException(404, "no such incident")
    return page(request, "incident.html", f"/api/incidents/{incident_id}", incident=found,
                cards=report_cards(store, found), disagreement=disagreement(found),
                total_reports=len(found.get("reports") or ()),
                certainty_note=CERTAINTY_NOTES.get(found.get("certainty") or "", ""))
