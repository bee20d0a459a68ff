"""The story of a peace process across days: for a set of parties, what each day brought —
meetings held and ahead, proposals and every answer, pledges, changes of position, and the
violent incidents the reports tie to the talks ("hours before the talks") — each with its sources.
Built from the store's read functions only; ``Store`` is any object that has them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Protocol

from wardesk.process.common import data
from wardesk.process.merge import party
from wardesk.store.filters import EventFilter

Item = dict[str, Any]


class ProcessStore(Protocol):
    def proposals(self, parties: set[str] | None = None, since: str | None = None,
                  until: str | None = None, kind: str | None = None) -> list[dict[str, Any]]: ...

    def pledges(self, parties: set[str] | None = None, since: str | None = None,
                until: str | None = None) -> list[dict[str, Any]]: ...

    def position_changes(self, since: str | None = None) -> list[dict[str, Any]]: ...

    def iter_events(self, f: EventFilter | None = None) -> Any: ...


def story(store: ProcessStore, parties: set[str] | None, since: str | None = None,
          until: str | None = None, process: str | None = None) -> dict[str, Any]:
    """{"parties", "since", "until", "process", "days": [{"day", "items": [...]}]} in date
    order; each item has ``what`` (meeting|meeting_ahead|proposal|response|pledge|position|
    incident), ``day``, ``text`` (one line), ``topic`` and ``sources``. ``process`` names one
    process: a proposal kind ("ceasefire") or a grouping ("coalition of the willing"); then only
    the items of that topic, and the meetings whose words name it, are told."""
    items = (_proposal_items(store, parties, since, until) + _pledge_items(store, parties, since, until)
             + _event_items(store, parties, since, until) + _position_items(store, parties, since, until))
    items = [i for i in items if _within(i["day"], since, until) and _about(i, process)]
    days: dict[str, list[Item]] = {}
    for item in sorted(items, key=lambda i: (i["day"] or "", _RANK.get(i["what"], 9), i["text"])):
        days.setdefault(item["day"] or "undated", []).append(item)
    return {"parties": sorted(parties or []), "since": since, "until": until, "process": process,
            "days": [{"day": d, "items": its} for d, its in days.items()]}


_RANK = {"meeting": 0, "meeting_ahead": 1, "proposal": 2, "response": 3, "pledge": 4,
         "position": 5, "incident": 6}


def _about(item: Item, process: str | None) -> bool:
    if not process:
        return True
    wanted = process.lower().replace("-", " ").replace("_", " ")
    topic = str(item.get("topic") or "").lower().replace("_", " ")
    if topic:
        return topic == wanted
    return item["what"].startswith("meeting") and wanted in " ".join(
        str(s.get("evidence") or "") for s in item["sources"]).lower()


def _within(day: str | None, since: str | None, until: str | None) -> bool:
    return day is not None and (since is None or day >= since) and (until is None or day <= until)


def _names(refs: list[dict[str, Any]]) -> str:
    return ", ".join(str(party(r) or "?") for r in refs) or "unnamed"


def _source(r: dict[str, Any]) -> dict[str, Any]:
    return {"article": r.get("article") or r.get("article_id"), "publisher": r.get("publisher"),
            "published": r.get("published"), "evidence": (r.get("evidence") or {}).get("text")}


def _proposal_items(store: ProcessStore, parties: set[str] | None, since: str | None,
                    until: str | None) -> list[Item]:
    out: list[Item] = []
    for p in store.proposals(parties, None, until):
        terms = ", ".join(f"{k}={v}" for k, v in p["terms"].items() if v and k != "numbers")
        out.append({"what": "proposal", "day": p["first_reported"], "proposal": p["id"], "topic": p["kind"],
                    "text": f"{p['kind']} proposed by {_names(p['proposer'])}"
                            + (f" to {_names(p['addressees'])}" if p["addressees"] else "")
                            + (f" ({terms})" if terms else ""),
                    "sources": [_source(r) for r in p["reports"]]})
        for resp in p["responses"]:
            cond = f": {resp['conditions']}" if resp.get("conditions") else ""
            out.append({"what": "response", "day": resp.get("date") or resp.get("published"),
                        "proposal": p["id"], "topic": p["kind"],
                        "text": f"{party(resp['party'])} {resp['response']} the {p['kind']}{cond}",
                        "sources": [_source(resp)]})
    return out


def _pledge_items(store: ProcessStore, parties: set[str] | None, since: str | None,
                  until: str | None) -> list[Item]:
    out: list[Item] = []
    for g in store.pledges(parties, since, until):
        to = f" to {party(g['to'])}" if g.get("to") else ""
        cond = f" ({g['conditions']})" if g.get("conditions") else ""
        share = f" ({g['share']} of them)" if g.get("share") else ""
        asked = f", asked by {party(g['requested_by'])}" if g.get("requested_by") else ""
        group = g["party"].get("actorText") if g.get("share") else None
        out.append({"what": "pledge", "day": g.get("date") or g.get("published"),
                    "topic": group or g.get("coalition_name"),
                    "text": f"{party(g['party'])}{share}: {g['what']}{to}, {g['status']}{cond}{asked}",
                    "sources": [_source(g)]})
    return out


def _touches(event: dict[str, Any], parties: set[str] | None) -> bool:
    codes = {r.get("code") for r in event["source"] + event["target"]}
    return not parties or bool(parties & codes)


def _event_items(store: ProcessStore, parties: set[str] | None, since: str | None,
                 until: str | None) -> list[Item]:
    out: list[Item] = []
    for etype in ("CONSULT", "ASSAULT"):
        for e in store.iter_events(EventFilter(type=etype, since=since, until=until, limit=None)):
            if not _touches(e, parties) or e.get("background"):
                continue
            day = (e.get("date") or {}).get("value") or e.get("published")
            sides = f"{_names(e['source'])} – {_names(e['target'])}"
            if etype == "CONSULT":
                what = "meeting_ahead" if e["status"] == "planned" else "meeting"
                if e["status"] not in ("planned", "occurred", "ongoing"):
                    continue
                place = (e.get("eventLoc") or {}).get("name")
                text = f"{sides}: {e['eventText']}" + (f" in {place}" if place else "")
            elif _tied_to_talks(e["evidence"]["text"]):
                what, text = "incident", f"{sides}: {e['eventText']} (tied to the talks)"
            else:
                continue
            out.append({"what": what, "day": day, "text": text, "event": e["id"],
                        "sources": [_source(e)]})
    return out


@lru_cache(maxsize=1)
def _talk_pattern() -> re.Pattern[str]:
    cues = data("story_cues.json")
    times = "|".join(re.escape(w) for w in sorted(cues["time_words"], key=len, reverse=True))
    talks = "|".join(re.escape(w) for w in cues["talk_words"])
    gap = int(cues["window"])
    return re.compile(rf"\b(?:{times})\s+(?:\S+\s+){{0,{gap}}}?(?:{talks})\b", re.IGNORECASE)


def _tied_to_talks(text: str) -> bool:
    """"Hours before talks were due to begin, …", "as talks got under way": a time word and a
    talks word a few words apart."""
    return bool(_talk_pattern().search(text))


def _position_items(store: ProcessStore, parties: set[str] | None, since: str | None,
                    until: str | None) -> list[Item]:
    out: list[Item] = []
    for change in store.position_changes(since):
        if parties and change["party"] not in parties:
            continue
        new = change.get("new") or {}
        old = change.get("old") or {}
        text = (f"{change['party']} on {change['issue']}: {old.get('stance', '—')} → "
                f"{new.get('stance', 'dropped')}")
        source = new or old
        out.append({"what": "position", "day": source.get("sort_date") or source.get("published"),
                    "text": text, "sources": [_source(source)]})
    return out
