"""Score one article's record against a seed gold file (../shared/seed/gold.json format):
events matched by meaning (type, actor codes), then their date, place, numbers, attribution,
status and certainty; actors' country and sector; resolved dates; places' countries.

Matching: a gold event is found when some extracted event has its type (or an acceptable
one, aliases read) and actor codes that fit ("source"/"target" lists must all be present,
"*_any" needs one of them, null in "*_any" allows an empty side, "symmetric" lets the two
sides swap or all codes appear on either side). One extracted event may match several gold
events (gold notes that one record can carry two descriptions of the same attack).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from wardesk.eval.scoring import EvalReport, FieldScore
from wardesk.records import EVENT_ALIASES, Article, ArticleRecord, Event

_FIELDS = ("date", "place", "numbers", "attribution", "status", "certainty")


def _type(name: str) -> str:
    return EVENT_ALIASES.get(name, name)


def _codes(refs: Iterable[Any]) -> set[str]:
    return {r.code.upper() for r in refs if r.code}


def _side_fits(gold: dict[str, Any], side: str, codes: set[str]) -> bool:
    if side in gold:
        return set(gold[side]) <= codes
    any_key = f"{side}_any"
    if any_key in gold:
        options = gold[any_key]
        return bool(codes & {c for c in options if c}) or (None in options and not codes)
    return True


def actors_fit(gold: dict[str, Any], ev: Event) -> bool:
    src, tgt = _codes(ev.source), _codes(ev.target)
    if _side_fits(gold, "source", src) and _side_fits(gold, "target", tgt):
        return True
    if gold.get("symmetric"):
        if _side_fits(gold, "source", tgt) and _side_fits(gold, "target", src):
            return True
        wanted = set(gold.get("source", [])) | set(gold.get("target", []))
        return bool(wanted) and wanted <= src | tgt
    return False


def type_fits(gold: dict[str, Any], ev: Event) -> bool:
    types = {_type(gold["event"])} | {_type(t) for t in gold.get("acceptable_events", [])}
    return ev.event in types


def _days(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return None


def check_date(gold: dict[str, Any], ev: Event) -> bool:
    want = str(gold["date"])
    got = ev.date.value if ev.date else None
    if not got:
        return False
    if len(want) < 10:  # a year or month: the value must fall in it
        return got.startswith(want)
    days = _days(want, got)
    return days is not None and days <= int(gold.get("date_tolerance_days", 0))


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def check_place(gold: dict[str, Any], ev: Event) -> bool:
    loc, want = ev.eventLoc, gold["eventLoc"]
    if loc is None:
        return False
    if want.get("country") and loc.country != want["country"]:
        return False
    names = [want["name"]] if "name" in want else want.get("name_any", [])
    return not names or any(_norm(n) in _norm(loc.name) or _norm(loc.name) in _norm(n) for n in names)


def check_numbers(gold: dict[str, Any], ev: Event) -> bool:
    for key in ("dead", "injured"):
        if key in gold and getattr(ev, key) != gold[key]:
            return False
    for q in gold.get("quantities", []):
        unit = _norm(q["unit"]).rstrip("s")
        if not any(x.value == q["value"] and unit in _norm(x.unit) for x in ev.quantities):
            return False
    return True


def check_attribution(gold: dict[str, Any], ev: Event) -> bool:
    if ev.attribution is None:
        return False
    got = _norm(ev.attribution.text)
    return any(_norm(a) in got or got in _norm(a) for a in gold["attribution_any"])


def _checks(gold: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if "date" in gold:
        out["date"] = check_date
    if "eventLoc" in gold:
        out["place"] = check_place
    if any(k in gold for k in ("dead", "injured", "quantities")):
        out["numbers"] = check_numbers
    if "attribution_any" in gold:
        out["attribution"] = check_attribution
    if "status" in gold:
        out["status"] = lambda g, e: e.status in g["status"]
    if "certainty" in gold:
        out["certainty"] = lambda g, e: e.certainty in g["certainty"]
    return out


def _describe(gold: dict[str, Any]) -> str:
    src = gold.get("source") or gold.get("source_any") or ["?"]
    tgt = gold.get("target") or gold.get("target_any") or ["?"]
    arrow = "↔" if gold.get("symmetric") else "→"
    return f"{gold.get('key')} ({gold['event']} {'/'.join(map(str, src))}{arrow}{'/'.join(map(str, tgt))})"


def _got(field: str, ev: Event) -> str:
    values = {
        "date": ev.date.value if ev.date else None,
        "place": ev.eventLoc.name if ev.eventLoc else None,
        "numbers": f"dead={ev.dead} injured={ev.injured} {[q.text for q in ev.quantities]}",
        "attribution": ev.attribution.text if ev.attribution else None,
        "status": ev.status, "certainty": ev.certainty,
    }
    return str(values[field])


def score_events(gold_events: list[dict[str, Any]], events: tuple[Event, ...]) -> tuple[list[FieldScore], list[str]]:
    tally = {k: [0, 0] for k in ("required_recall", "optional_recall", *_FIELDS)}
    misses: list[str] = []
    for g in gold_events:
        recall_key = "required_recall" if g.get("required") else "optional_recall"
        candidates = [e for e in events if type_fits(g, e) and actors_fit(g, e)]
        if not candidates:
            tally[recall_key][1] += 1
            near = [f"{e.event} {sorted(_codes(e.source))}→{sorted(_codes(e.target))}" for e in events if type_fits(g, e)]
            misses.append(f"events: {_describe(g)} not found" + (f"; same type: {near}" if near else ""))
            continue
        tally[recall_key][0] += 1
        checks = _checks(g)
        best = max(candidates, key=lambda e: sum(bool(c(g, e)) for c in checks.values()))
        for field, check in checks.items():
            ok = bool(check(g, best))
            tally[field][0 if ok else 1] += 1
            if not ok:
                misses.append(f"events.{field}: {g.get('key')}: got {_got(field, best)} ({best.eventText!r})")
    scores = [FieldScore(f"events.{k}", tp=v[0], fn=v[1], recall_only=True) for k, v in tally.items()]
    return scores, misses


def score_actors(gold_actors: list[dict[str, Any]], record: ArticleRecord) -> tuple[FieldScore, list[str]]:
    tp = fn = 0
    misses: list[str] = []
    for g in gold_actors:
        names = {_norm(n) for n in [g["name"], *g.get("aliases", [])]}
        found = [a for a in record.actors if {_norm(a.name), *(_norm(x) for x in a.aliases)} & names]
        countries = {g.get("country"), *g.get("acceptable_countries", [])}
        sectors = {g.get("sector"), *g.get("acceptable_sectors", [])}
        if any(a.country in countries and a.sector in sectors for a in found):
            tp += 1
            continue
        fn += 1
        got = [(a.country, a.sector) for a in found] or "not found"
        misses.append(f"actors.country_sector: {g['name']}: want {g.get('country')}/{g.get('sector')}, got {got}")
    return FieldScore("actors.country_sector", tp=tp, fn=fn, recall_only=True), misses


def score_dates(gold_dates: list[dict[str, Any]], record: ArticleRecord) -> tuple[FieldScore, list[str]]:
    tp = fn = 0
    misses: list[str] = []
    for g in gold_dates:
        found = [d for d in record.dates if _norm(g["text"]) in _norm(d.text)]
        if any(d.value and d.value.startswith(str(g["value"])) for d in found):
            tp += 1
        else:
            fn += 1
            misses.append(f"dates.value: {g['text']!r}: want {g['value']}, got {[d.value for d in found] or 'not found'}")
    return FieldScore("dates.value", tp=tp, fn=fn, recall_only=True), misses


def _same_place(a: str, b: str) -> bool:
    """Names of one place in two spellings ("Ramensky", "Ramenskoye")."""
    from rapidfuzz import fuzz

    x, y = _norm(a), _norm(b)
    return x == y or fuzz.ratio(x, y) >= 80


def score_places(gold_places: list[dict[str, Any]], record: ArticleRecord) -> tuple[FieldScore, list[str]]:
    """A gold place counts when some event is located there, or an actor of that name is."""
    tp = fn = 0
    misses: list[str] = []
    seen = [(e.eventLoc.name, e.eventLoc.country) for e in record.events if e.eventLoc]
    seen += [(name, a.country) for a in record.actors for name in (a.name, *a.aliases)]
    for g in gold_places:
        hits = [c for n, c in seen if n and _same_place(g["name"], n)]
        if g.get("country") in hits:
            tp += 1
        else:
            fn += 1
            misses.append(f"places.country: {g['name']}: want {g.get('country')}, got {hits or 'not found'}")
    return FieldScore("places.country", tp=tp, fn=fn, recall_only=True), misses


def score_seed_events(gold: dict[str, Any], record: ArticleRecord, name: str = "seed") -> EvalReport:
    scores, misses = score_events(gold.get("events", []), record.events)
    for part, scorer in (("actors", score_actors), ("dates", score_dates), ("places", score_places)):
        if part in gold:
            score, more = scorer(gold[part], record)
            scores.append(score)
            misses.extend(more)
    return EvalReport(name, "", tuple(scores), tuple(misses))


def run_seed_events(gold_path: str, extractor: Any, article_path: str | None = None) -> EvalReport:
    """Extract the gold file's article (article.txt beside it unless given) and score it."""
    path = Path(gold_path)
    raw = path.read_bytes()
    gold = json.loads(raw.decode("utf-8"))
    article = Path(article_path) if article_path else path.with_name("article.txt")
    record = extractor(Article(text=article.read_text(encoding="utf-8"), published=gold.get("published")))
    report = score_seed_events(gold, record, name=path.name)
    return EvalReport(report.gold, hashlib.sha256(raw).hexdigest(), report.scores, report.misses)
