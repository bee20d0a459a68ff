"""The brief's incident lines: one line per incident with its deaths as the range its reports
give and who gave which figure; totals per theatre (each incident counted once); and the period
totals articles report, kept apart and never added up.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from wardesk.export.incidents import group, summary
from wardesk.store.stats import event_day

if TYPE_CHECKING:
    from wardesk.store import Store

MAX_TOTALS = 30
MAX_FIGURES = 6  # per casualty line: who gave which figure (the JSON keeps them all)
MAX_THEATRES = 15


def _names(refs: Any, most: int = 3) -> str:
    names = [r.get("actorText") or r.get("actor") or "" for r in refs or [] if isinstance(r, dict)]
    return ", ".join(list(dict.fromkeys(n for n in names if n))[:most])


def _lead(members: list[dict[str, Any]]) -> dict[str, Any]:
    """The report a line quotes: the one that says most (who, whom, where, a toll), the
    earliest published among equals, its first sentence in the article."""
    return min(members, key=lambda e: (
        -(bool(e.get("source")) + bool(e.get("target")) + bool(e.get("eventLoc"))
          + (e.get("dead") is not None or e.get("injured") is not None)),
        str(e.get("published") or "~"), (e.get("evidence") or {}).get("start") or 0))


def _figures(members: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Who gave which figure: each report that gives one (same publisher and figure once)."""
    seen, out = set(), []
    for e in members:
        if e.get("dead") is None and e.get("injured") is None:
            continue
        attribution = (e.get("attribution") or {}).get("text")
        key = (e.get("publisher"), e.get("dead"), e.get("injured"))
        if key not in seen:
            seen.add(key)
            out.append({"publisher": e.get("publisher") or e.get("article_title"),
                        "attribution": attribution, "dead": e.get("dead"),
                        "injured": e.get("injured"), "event": e.get("id")})
    return out


def _country(found: dict[str, Any]) -> str | None:
    place = found.get("place") or {}
    if place.get("country"):
        return str(place["country"])
    for side in ("target", "source"):
        for ref in found.get(side) or ():
            if ref.get("code") and ref["code"] not in ("IGO", "NGO"):
                return str(ref["code"])
    return None


def incident_line(s: dict[str, Any]) -> str:
    """A key-event line of the Markdown brief."""
    who = f"{s['source'] or '?'} → {s['target']}" if s["target"] else s["source"] or "?"
    where = f" in {s['place']}" if s["place"] else ""
    toll = f"; {_toll(s)}" if s.get("dead") or s.get("injured") else ""
    return (f"- {s['date'] or 'undated'} **{s['event']}** {who}{where}: {s['text'] or ''}{toll}"
            f" [{s['status']}, {s['certainty']}; {_told(s)}]")


def _told(s: dict[str, Any]) -> str:
    reports, publishers = s.get("reports") or 1, s.get("publishers") or 1
    return (f"{reports} report{'s' if reports != 1 else ''} from {publishers} "
            f"publisher{'s' if publishers != 1 else ''}")


def span(value: dict[str, Any] | None) -> str:
    """A range as the brief writes it: "8–11", or "4" when the reports agree."""
    if not value:
        return ""
    low, high = value.get("min"), value.get("max")
    return str(low) if low == high else f"{low}–{high}"


def _toll(s: dict[str, Any]) -> str:
    parts = [f"{span(s.get('dead'))} dead" if s.get("dead") else "",
             f"{span(s.get('injured'))} injured" if s.get("injured") else ""]
    return ", ".join(p for p in parts if p)


def casualty_line(s: dict[str, Any]) -> str:
    """A casualty line: the incident's range, then who gave which figure."""
    where = f" in {s['place']}" if s["place"] else ""
    given = "; ".join(
        f"{f['publisher'] or 'an article'}"
        + (f" (according to {f['attribution']})" if f.get("attribution") else "")
        + ": " + ", ".join(p for p in (f"{f['dead']} dead" if f["dead"] is not None else "",
                                      f"{f['injured']} injured" if f["injured"] is not None else "")
                          if p)
        for f in (s.get("figures") or ())[:MAX_FIGURES])
    more = len(s.get("figures") or ()) - MAX_FIGURES
    if more > 0:
        given += f"; and {more} more"
    return f"- {s['date'] or 'undated'} {_toll(s)}{where} — {_told(s)}" + (
        f": {given}" if given else "")


def line_of(members: list[dict[str, Any]]) -> dict[str, Any]:
    """One incident of the brief, from its current reports (flat events)."""
    found = summary(members)
    lead = _lead(members)
    stored = members[0].get("incident")
    place = found.get("place") or {}
    date = found.get("date") or {}
    return {
        "id": found["id"], "incident": stored,
        "href": f"/incidents/{stored}" if stored else f"/events/{lead.get('id')}",
        "events": [e.get("id") for e in members], "lead_event": lead.get("id"),
        "event": found.get("type"), "date": date.get("value") or event_day(lead),
        "source": _names(found.get("source")), "target": _names(found.get("target")),
        "text": lead.get("eventText"), "place": place.get("name"), "country": _country(found),
        "status": found.get("status"), "certainty": found.get("certainty"),
        "dead": found.get("dead"), "injured": found.get("injured"), "figures": _figures(members),
        "reports": len(members), "articles": found.get("articles"),
        "publishers": found.get("publishers"),
        "attribution": (lead.get("attribution") or {}).get("text"),
        "evidence": (lead.get("evidence") or {}).get("text"),
        "article_id": lead.get("article_id"), "article_title": lead.get("article_title"),
    }


def incident_lines(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The incidents of ``events`` (current reports in the window), one line each."""
    return [line_of(members) for members in group(events)]


def theatres(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per country where violence was reported: how many incidents, and their deaths and
    injuries summed once per incident (the sum of the lowest figures to the sum of the highest)."""
    from wardesk.export.acled import country_name

    by: dict[str, dict[str, Any]] = defaultdict(lambda: {
        "incidents": 0, "violent": 0, "dead": {"min": 0, "max": 0},
        "injured": {"min": 0, "max": 0}})
    for s in lines:
        t = by[s.get("country") or ""]
        t["incidents"] += 1
        t["violent"] += s.get("event") == "ASSAULT"
        for what in ("dead", "injured"):
            if s.get(what):
                t[what]["min"] += s[what]["min"]
                t[what]["max"] += s[what]["max"]
    out = [{"country": code or None, "name": country_name(code) if code else "no country",
            **t} for code, t in by.items() if t["violent"] or t["dead"]["max"] or t["injured"]["max"]]
    return sorted(out, key=lambda t: (-t["dead"]["max"], -t["incidents"], t["name"]))[:MAX_THEATRES]


def theatre_line(t: dict[str, Any]) -> str:
    figures = [f"{span(t[w])} {w}" for w in ("dead", "injured") if t[w]["max"]]
    return (f"- {t['name']}: {t['incidents']} incident{'s' if t['incidents'] != 1 else ''}"
            f" ({t['violent']} violent)" + (f", {', '.join(figures)}" if figures else ""))


def reported_totals(store: Store, since: str, until: str) -> list[dict[str, Any]]:
    """The period totals of the window's articles (ArticleRecord.totals), each kind once."""
    from wardesk.store import EventFilter

    seen, out = set(), []
    for record in store.record_dicts(EventFilter(since=since, until=until, limit=None)):
        article = record.get("article") or {}
        for t in record.get("totals") or ():
            attribution = (t.get("attribution") or {}).get("text")
            key = (t.get("what"), t.get("value"), (t.get("period") or "").lower(),
                   (attribution or "").lower())
            if key in seen:
                continue
            seen.add(key)
            out.append({**t, "attribution": attribution, "article_id": article.get("id"),
                        "article_title": article.get("title"),
                        "published": article.get("published")})
            if len(out) >= MAX_TOTALS:
                return out
    return out


def total_line(t: dict[str, Any]) -> str:
    period = f", {t['period']}" if t.get("period") else ""
    who = f" — according to {t['attribution']}" if t.get("attribution") else ""
    source = t.get("article_title") or "an article"
    return (f"- {t.get('what') or 'count'}: “{t.get('text') or t.get('value')}”{period}{who}"
            f" (source: {source}, {t.get('published') or 'undated'})")
