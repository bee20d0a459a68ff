"""The situation brief: key events, casualty figures with their sources, meetings ahead, and
what changed in the parties' positions, over a window of days. Rendered as Markdown or HTML.

It works on incidents, not reports: an incident told by four outlets is one key event and one
casualty line, its deaths given as the range its reports give (min–max) with who gave which
figure. Background events (an article's recap of the past) are left out; period totals
("12,000 civilians killed since the war began") are listed apart and never added to anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wardesk.brief_incidents import (
    casualty_line,
    incident_line,
    incident_lines,
    reported_totals,
    theatre_line,
    theatres,
    total_line,
)
from wardesk.event_types import brief_weights, event_type_table
from wardesk.process.weekly import process_lines
from wardesk.store.stats import event_day

if TYPE_CHECKING:
    from wardesk.store import Store

WINDOW_DAYS = 7
KEY_EVENTS = 12
PER_TYPE = 4
MEETING_TYPES = event_type_table().brief_meetings
# Ranks events for the brief: violence and agreements first, then how firmly they are reported.
TYPE_WEIGHT = brief_weights()  # data/event_types.json
CERTAINTY_WEIGHT = {"corroborated": 4, "confirmed": 3, "reported": 2, "claimed": 1, "disputed": 1,
                    "hedged": 0, "speculative": 0}


@dataclass(frozen=True, slots=True)
class Brief:
    since: str
    until: str
    counts: dict[str, int]
    key_events: tuple[dict[str, Any], ...]
    casualties: tuple[dict[str, Any], ...]
    meetings_ahead: tuple[dict[str, Any], ...]
    position_changes: tuple[dict[str, Any], ...]
    # incidents, not reports: how many current reports the incidents above are made of
    reports: int = 0
    theatres: tuple[dict[str, Any], ...] = ()  # per country: incidents and their deaths, once each
    reported_totals: tuple[dict[str, Any], ...] = ()  # period totals, as reported, never summed
    process: tuple[str, ...] = ()  # "the process this week" (wardesk.process.weekly)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def _window(store: Store, since: str | None, until: str | None) -> tuple[str, str]:
    """Default window: the week up to the newest article (or today, on an empty store)."""
    if until is None:
        newest = store.articles(limit=1, offset=0)  # newest published first
        day = newest[0].get("published") if newest else None
        until = str(day)[:10] if day else dt.date.today().isoformat()
    if since is None:
        since = (dt.date.fromisoformat(until[:10]) - dt.timedelta(days=WINDOW_DAYS)).isoformat()
    return since[:10], until[:10]


def _names(refs: Any) -> str:
    """The distinct names of an event side, in order."""
    names = [r.get("actorText") or r.get("actor") or "" for r in refs or [] if isinstance(r, dict)]
    return ", ".join(dict.fromkeys(n for n in names if n))


def _summary(e: dict[str, Any]) -> dict[str, Any]:
    """The fields of an event a brief shows."""
    source = _names(e.get("source"))
    target = _names(e.get("target"))
    place = e.get("eventLoc") or {}
    attribution = e.get("attribution") or {}
    return {"id": e.get("id"), "event": e.get("event"), "date": event_day(e),
            "source": source, "target": target, "text": e.get("eventText"),
            "place": place.get("name") if isinstance(place, dict) else None,
            "status": e.get("status"), "certainty": e.get("certainty"),
            "dead": e.get("dead"), "injured": e.get("injured"),
            "attribution": attribution.get("text") if isinstance(attribution, dict) else None,
            "evidence": (e.get("evidence") or {}).get("text"),
            "article_id": e.get("article_id"), "article_title": e.get("article_title")}


def _weight(s: dict[str, Any]) -> tuple[int, int, int]:
    """Ranks an incident line: violence and agreements first, casualties, named sides, then how
    many publishers and how firmly it is reported."""
    dead, injured = s.get("dead") or {}, s.get("injured") or {}
    casualties = (dead.get("max") or 0) + (injured.get("max") or 0)
    named = bool(s.get("source")) + bool(s.get("target"))
    return (TYPE_WEIGHT.get(s.get("event") or "", 1) + (3 if casualties else 0) + named
            + min(s.get("publishers") or 1, 3) - 1,
            CERTAINTY_WEIGHT.get(s.get("certainty") or "", 0), casualties)


def _key_events(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    happened = [s for s in lines if s.get("status") in ("occurred", "ongoing")]
    seen: set[tuple[Any, ...]] = set()
    chosen = []
    per_type: Counter[str] = Counter()
    for s in sorted(happened, key=_weight, reverse=True):
        # two incidents the store kept apart but that read the same on a line are told once
        key = (s["event"], s["source"], s["target"], s["place"], s["date"])
        # a few of each type, so one day of heavy fighting does not hide the talks
        if key not in seen and per_type[s["event"]] < PER_TYPE:
            seen.add(key)
            per_type[s["event"]] += 1
            chosen.append(s)
    return chosen[:KEY_EVENTS]


def _meetings_ahead(store: Store, until: str) -> list[dict[str, Any]]:
    from wardesk.store import EventFilter

    ahead, seen = [], set()
    for kind in MEETING_TYPES:
        for e in store.iter_events(EventFilter(type=kind, status="planned", limit=None)):
            day = event_day(e)
            once = e.get("incident") or e.get("id")
            if day and day >= until and not e.get("background") and once not in seen:
                seen.add(once)
                ahead.append(_summary(e))
    return sorted(ahead, key=lambda s: s["date"] or "")


def make_brief(store: Store, since: str | None = None, until: str | None = None) -> Brief:
    """The brief for incidents dated between ``since`` and ``until`` (default: the last week)."""
    from wardesk.store import EventFilter
    from wardesk.store.desk import position_moves

    since, until = _window(store, since, until)
    news = EventFilter(since=since, until=until, limit=None, background=False)
    events = [e for e in store.iter_events(news) if not e.get("background")]
    lines = incident_lines(events)
    casualties = [s for s in lines if s.get("dead") or s.get("injured")]
    types = Counter(s.get("event") or "?" for s in lines)
    return Brief(
        since=since, until=until, counts=dict(sorted(types.items())),
        key_events=tuple(_key_events(lines)),
        casualties=tuple(sorted(casualties, key=lambda s: (s["date"] or "", s["id"]))),
        meetings_ahead=tuple(_meetings_ahead(store, until)),
        position_changes=tuple(position_moves(store, since)),  # = position_changes, read light
        reports=len(events), theatres=tuple(theatres(lines)),
        reported_totals=tuple(reported_totals(store, since, until)),
        process=tuple(process_lines(store, since, until)),
    )


def _line(s: dict[str, Any]) -> str:
    who = f"{s['source'] or '?'} → {s['target']}" if s["target"] else s["source"] or "?"
    where = f" in {s['place']}" if s["place"] else ""
    said = f" (according to {s['attribution']})" if s["attribution"] else ""
    return f"- {s['date'] or 'undated'} **{s['event']}** {who}{where}: {s['text'] or ''}" \
        f" [{s['status']}, {s['certainty']}]{said}"


def _change_line(c: dict[str, Any]) -> str:
    old, new = c.get("old") or {}, c.get("new") or {}
    when = new.get("date") or new.get("published") or old.get("date") or old.get("published")
    source = new.get("article_title") or old.get("article_title") or "the article"
    return (f"- {when or 'undated'} {c.get('party')} on {c.get('issue')}: "
            f"{old.get('stance') or '—'} → {new.get('stance') or '—'} ({c.get('kind')};"
            f" source: {source})")


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown (what `wardesk brief` prints)."""
    out = [f"# Situation brief, {brief.since} to {brief.until}", ""]
    total = sum(brief.counts.values())
    kinds = ", ".join(f"{k} {n}" for k, n in brief.counts.items())
    out += [f"{total} incidents ({kinds}), from {brief.reports} reports." if total
            else "No events in this window.", ""]
    out += _section("Key events", [incident_line(s) for s in brief.key_events])
    out += _section("Casualties", [casualty_line(s) for s in brief.casualties])
    out += _section("By theatre", [theatre_line(t) for t in brief.theatres])
    out += _section("Reported totals (as reported; not added to the incidents above)",
                    [total_line(t) for t in brief.reported_totals])
    out += _section("Meetings ahead", [_line(s) for s in brief.meetings_ahead])
    out += _section("Position changes", [_change_line(c) for c in brief.position_changes])
    out += _section("The process this week", list(brief.process))
    return "\n".join(out)


def _section(title: str, lines: list[str]) -> list[str]:
    return [f"## {title}", "", *(lines or ["- none reported in this window"]), ""]


def render_html(brief: Brief) -> str:
    """The brief as an HTML fragment, from the same template the desk's pages use."""
    from wardesk.web.templating import environment

    return environment().get_template("brief_fragment.html").render(brief=brief)
