"""Scores incident building on a multi-outlet development set (bench/incidents/dev.txt) and the
brief on the VOA corpus, against the targets of issue 12.

    python bench/incidents/score.py                       # dev.txt + VOA, fresh SQLite stores
    python bench/incidents/score.py --no-voa --json out.json
    python bench/incidents/score.py --set my.txt --misses  # another tagged set; list the errors

It ingests the set's articles into a fresh store (the real pipeline, real SQLite), then matches
every stored event to the gold sentence its evidence overlaps:
- pairwise F1 over the events that report a real incident (only events of the incident's type);
  two events are "together" when the store gave them the same ``incident`` (an event without
  one is alone);
- system incidents per real incident (distinct incidents among its events of its type);
- look-alike pairs merged (a system incident holding events of both);
- deaths counted once: the fatalities the ACLED export gives a real incident (its default mode)
  fall inside the range of figures its reports give; and, where the store exposes
  ``store.incident(id)``, the incident's own ``dead`` {min, max} inside that range;
- recaps stored as current news: recap/total sentences that produced an event with
  ``background`` false, over those that produced any event;
- the brief: lines per real incident in "Key events" and "Casualties" (should be 1).
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset import DEFAULT_SET, DevSet, Span, parse, write

from wardesk.settings import Settings
from wardesk.store import EventFilter, Store

ROOT = Path(__file__).resolve().parents[2]
VOA = ROOT.parent / "shared" / "corpus" / "voa_stories.jsonl"
VOA_GOLD = Path(__file__).resolve().parent / "voa_gold.json"
VIOLENT = {"ASSAULT"}


def ingest(paths: list[Path], store: Store) -> float:
    from wardesk.service import ingest as run_ingest

    started = time.perf_counter()
    done = run_ingest([str(p) for p in paths], store, Settings(db=":memory:"))
    if done.rejected:
        reasons = "; ".join(f"{r.reason}: {r.message}"[:200] for r in done.rejections[:3])
        print(f"warning: {done.rejected} articles rejected ({reasons})", file=sys.stderr)
    return time.perf_counter() - started


def stored_events(store: Store) -> list[dict[str, Any]]:
    return list(store.iter_events(EventFilter(limit=None)))


def _overlaps(ev: dict[str, Any], span: Span) -> bool:
    evidence = ev.get("evidence") or {}
    start, end = evidence.get("start"), evidence.get("end")
    if not isinstance(start, int) or not isinstance(end, int):
        return False
    return start < span.end and span.start < end


def label_events(events: list[dict[str, Any]], devset: DevSet) -> dict[str, Span]:
    """Event id → the gold span its evidence overlaps most (same article)."""
    by_article: dict[str, list[Span]] = defaultdict(list)
    for span in devset.spans:
        by_article[span.article].append(span)
    labels: dict[str, Span] = {}
    for ev in events:
        spans = [s for s in by_article.get(ev.get("source_id") or "", []) if _overlaps(ev, s)]
        if spans:
            ev_start, ev_end = ev["evidence"]["start"], ev["evidence"]["end"]
            labels[ev["id"]] = max(spans, key=lambda s: min(s.end, ev_end) - max(s.start, ev_start))
    return labels


def _incident_of(ev: dict[str, Any]) -> str:
    return str(ev.get("incident") or "event:" + str(ev["id"]))


def pairwise(reports: list[tuple[str, str]]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of (gold, system) cluster labels."""
    both = gold_pairs = sys_pairs = 0
    for (g1, s1), (g2, s2) in itertools.combinations(reports, 2):
        gold_pairs += g1 == g2
        sys_pairs += s1 == s2
        both += g1 == g2 and s1 == s2
    p = both / sys_pairs if sys_pairs else 0.0
    r = both / gold_pairs if gold_pairs else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "gold_pairs": gold_pairs, "system_pairs": sys_pairs}


def clustering(events: list[dict[str, Any]], labels: dict[str, Span],
               devset: DevSet) -> dict[str, Any]:
    typed = [(labels[e["id"]].incident, _incident_of(e)) for e in events
             if e["id"] in labels and labels[e["id"]].incident
             and devset.incidents[str(labels[e["id"]].incident)]["type"] == e.get("event")]
    reports = [(str(g), s) for g, s in typed]
    per_gold: dict[str, set[str]] = defaultdict(set)
    for g, s in reports:
        per_gold[g].add(s)
    golds_in: dict[str, set[str]] = defaultdict(set)
    for e in events:
        span = labels.get(e["id"])
        if span and span.incident:
            golds_in[_incident_of(e)].add(span.incident)
    merged = [list(pair) for pair in devset.lookalikes
              if any(set(pair) <= golds for golds in golds_in.values())]
    found = {g: len(s) for g, s in sorted(per_gold.items())}
    missed = sorted(set(devset.incidents) - set(found))
    return {"pairwise": pairwise(reports), "typed_reports": len(reports),
            "system_per_real": round(sum(found.values()) / len(found), 2) if found else None,
            "system_incidents_by_real": found, "real_incidents_without_typed_event": missed,
            "lookalikes_merged": merged, "lookalike_pairs": len(devset.lookalikes)}


def recaps(events: list[dict[str, Any]], labels: dict[str, Span]) -> dict[str, Any]:
    by_span: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        span = labels.get(e["id"])
        if span and span.recap:
            by_span[(span.article, span.start)].append(e)
    current = [k for k, evs in by_span.items() if any(not e.get("background") for e in evs)]
    return {"recaps_with_events": len(by_span), "stored_as_current": len(current),
            "share_current": round(len(current) / len(by_span), 3) if by_span else 0.0,
            "current": [f"{a}@{s}" for a, s in sorted(current)]}


def _acled_rows(store: Store) -> list[dict[str, str]]:
    from wardesk.export import write_export

    out = io.StringIO()
    write_export("acled", store, None, out)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def deaths(store: Store, events: list[dict[str, Any]], labels: dict[str, Span],
           devset: DevSet) -> dict[str, Any]:
    """Fatalities per real incident as the ACLED export gives them, against the gold range."""
    golds_of: dict[str, set[str]] = defaultdict(set)  # export row id → real incidents
    for e in events:
        span = labels.get(e["id"])
        if span and span.incident:
            golds_of[e["id"]].add(span.incident)
            golds_of[_incident_of(e)].add(span.incident)
    fatalities: Counter[str] = Counter()
    for row in _acled_rows(store):
        for gold in golds_of.get(row.get("incident_id") or row.get("event_id") or "", ()):
            fatalities[gold] += int(row.get("fatalities") or 0)
    checks, own = {}, {}
    for ident, inc in devset.incidents.items():
        if inc["type"] not in VIOLENT:
            continue
        rng = inc["dead"] or {"min": 0, "max": 0}
        got = fatalities.get(ident, 0)
        checks[ident] = {"export": got, "gold": [rng["min"], rng["max"]],
                         "inside": rng["min"] <= got <= rng["max"]}
        own[ident] = _incident_dead(store, events, labels, ident, rng)
    inside = sum(c["inside"] for c in checks.values())
    result: dict[str, Any] = {"export_inside_range": f"{inside}/{len(checks)}", "by_incident": checks}
    if any(v is not None for v in own.values()):
        ok = sum(1 for v in own.values() if v and v["inside"])
        result["incident_dead_inside_range"] = f"{ok}/{len(own)}"
        result["incident_dead"] = own
    return result


def _incident_dead(store: Store, events: list[dict[str, Any]], labels: dict[str, Span],
                   ident: str, rng: dict[str, int]) -> dict[str, Any] | None:
    """The store's own dead {min, max} for the system incident holding most of ``ident``'s reports."""
    if not hasattr(store, "incident"):
        return None
    held = Counter(_incident_of(e) for e in events
                   if labels.get(e["id"]) and labels[e["id"]].incident == ident and e.get("incident"))
    if not held:
        return {"inside": False, "dead": None, "why": "no incident"}
    found = store.incident(held.most_common(1)[0][0])
    dead = (found or {}).get("dead")
    lo, hi = (dead or {}).get("min") or 0, (dead or {}).get("max") or 0
    return {"dead": dead, "inside": rng["min"] <= lo <= hi <= rng["max"]}


def brief_lines(store: Store, since: str, until: str) -> dict[str, list[dict[str, Any]]]:
    from wardesk.brief import make_brief

    brief = make_brief(store, since=since, until=until)
    return {"key_events": list(brief.key_events), "casualties": list(brief.casualties)}


def _line_events(line: dict[str, Any], members: dict[str, list[str]]) -> list[str]:
    ids = [str(i) for i in line.get("events") or ()] or [str(line.get("id"))]
    return [e for i in ids for e in members.get(i, [i])]


def brief_duplicates(lines: dict[str, list[dict[str, Any]]], events: list[dict[str, Any]],
                     gold_of: dict[str, set[str]]) -> dict[str, Any]:
    """How many lines of each brief section tell each real incident (1 is right)."""
    members: dict[str, list[str]] = defaultdict(list)
    for e in events:
        if e.get("incident"):
            members[str(e["incident"])].append(e["id"])
    out: dict[str, Any] = {}
    for section, rows in lines.items():
        per: Counter[str] = Counter()
        for line in rows:
            for gold in set().union(*(gold_of.get(e, set()) for e in _line_events(line, members))):
                per[gold] += 1
        out[section] = {"lines_per_incident": dict(sorted(per.items())),
                        "told_more_than_once": sorted(g for g, n in per.items() if n > 1)}
    return out


def score_devset(devset: DevSet, db: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="wardesk-incidents-") as tmp:
        articles, _ = write(devset, Path(tmp))
        with Store(db or str(Path(tmp) / "dev.db")) as store:
            seconds = ingest([articles], store)
            events = stored_events(store)
            labels = label_events(events, devset)
            gold_of = {eid: {str(s.incident)} for eid, s in labels.items() if s.incident}
            days = sorted(str(i["date"]) for i in devset.incidents.values())
            lines = brief_lines(store, days[0], days[-1])
            detail = [_detail(e, labels[e["id"]]) for e in events if e["id"] in labels]
            return {"articles": len(devset.articles), "events": len(events), "detail": detail,
                    "labelled_events": len(labels), "ingest_seconds": round(seconds, 1),
                    "incidents_in_store": len({e.get("incident") for e in events} - {None}),
                    **clustering(events, labels, devset),
                    "recaps": recaps(events, labels),
                    "deaths": deaths(store, events, labels, devset),
                    "brief": brief_duplicates(lines, events, gold_of)}


def _detail(e: dict[str, Any], span: Span) -> dict[str, Any]:
    """What --misses shows of an event on a gold sentence."""
    loc = e.get("eventLoc") or {}
    return {"gold": span.tag, "incident": e.get("incident"), "type": e.get("event"),
            "date": (e.get("date") or {}).get("value"), "place": loc.get("name"),
            "admin1": loc.get("admin1"), "background": bool(e.get("background")),
            "source": [r.get("actorText") for r in e.get("source") or ()],
            "target": [r.get("actorText") for r in e.get("target") or ()],
            "dead": e.get("dead"), "article": e.get("source_id"),
            "text": ((e.get("evidence") or {}).get("text") or "")[:80]}


def voa_gold_of(events: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Event id → the VOA incidents (voa_gold.json) its article and evidence words point to."""
    gold = json.loads(VOA_GOLD.read_text(encoding="utf-8"))
    out: dict[str, set[str]] = defaultdict(set)
    for e in events:
        text = ((e.get("evidence") or {}).get("text") or "").lower()
        for inc in gold["incidents"]:
            if (e.get("source_id") in inc["articles"] and e.get("event") == inc["type"]
                    and any(w in text for w in inc["words"])
                    and not any(w in text for w in inc.get("not_words", []))):
                out[e["id"]].add(inc["id"])
    return out


def score_voa(db: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="wardesk-voa-") as tmp, \
            Store(db or str(Path(tmp) / "voa.db")) as store:
        seconds = ingest([VOA], store)
        events = stored_events(store)
        lines = brief_lines(store, "2025-03-08", "2025-03-15")
        return {"ingest_seconds": round(seconds, 1), "events": len(events),
                "brief": brief_duplicates(lines, events, voa_gold_of(events))}


def summary(dev: dict[str, Any], voa: dict[str, Any] | None) -> list[str]:
    pw = dev["pairwise"]
    out = [f"{dev['set']}: {dev['articles']} articles, {dev['events']} events "
           f"({dev['labelled_events']} on gold sentences), ingest {dev['ingest_seconds']} s",
           f"pairwise F1 {pw['f1']} (P {pw['precision']}, R {pw['recall']}; "
           f"{dev['typed_reports']} typed reports)          target >= 0.85",
           f"system incidents per real incident {dev['system_per_real']}            target <= 1.3",
           f"look-alike pairs merged {len(dev['lookalikes_merged'])}/{dev['lookalike_pairs']} "
           f"{dev['lookalikes_merged'] or ''}   target 0",
           f"deaths: export fatalities inside range {dev['deaths']['export_inside_range']}"
           + (f"; incident dead inside range {dev['deaths']['incident_dead_inside_range']}"
              if "incident_dead_inside_range" in dev["deaths"] else ""),
           f"recaps stored as current news {dev['recaps']['stored_as_current']}/"
           f"{dev['recaps']['recaps_with_events']} ({dev['recaps']['share_current']:.0%})   "
           f"target <= 10%"]
    for name, result in ((dev["set"], dev), ("VOA", voa)):
        if result is None:
            continue
        for section, got in result["brief"].items():
            out.append(f"brief ({name}) {section}: told more than once "
                       f"{got['told_more_than_once'] or 'none'}; lines {got['lines_per_incident']}")
    return out


def misses(dev: dict[str, Any]) -> list[str]:
    found = dev["system_incidents_by_real"]
    out = []
    for g, n in found.items():
        if n > 1:
            out.append(f"  split: {g} -> {n} system incidents")
            out += [f"    {str(d['incident'])[-6:]} {d['type']} {d['date']} {d['place']}"
                    f" ({d['admin1']}) {d['source']}->{d['target']} dead={d['dead']}"
                    f" {d['article']}: {d['text']}"
                    for d in dev["detail"] if d["gold"] == g]
    out += [f"  no typed event: {g}" for g in dev["real_incidents_without_typed_event"]]
    out += [f"  recap as current: {r}" for r in dev["recaps"]["current"]]
    out += [f"  deaths: {g} export {c['export']} vs gold {c['gold']}"
            for g, c in dev["deaths"]["by_incident"].items() if not c["inside"]]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default=str(DEFAULT_SET), help="tagged development set")
    parser.add_argument("--db", default=None, help="an empty store to use (e.g. a PostgreSQL URL)")
    parser.add_argument("--no-voa", action="store_true", help="skip the VOA brief check")
    parser.add_argument("--json", default=None, help="write every figure to this file")
    parser.add_argument("--misses", action="store_true", help="list what went wrong")
    args = parser.parse_args()
    dev = {"set": Path(args.set).name, **score_devset(parse(Path(args.set)), args.db)}
    voa = None if args.no_voa or not VOA.exists() else score_voa(None)
    print("\n".join(summary(dev, voa)))
    if args.misses:
        print("\n".join(misses(dev)))
    if args.json:
        Path(args.json).write_text(json.dumps({"dev": dev, "voa": voa}, indent=1) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
