"""Score event coding against PLOVER one-sentence gold records (plover_gsr_cameo.json):
event type recall/precision and source/target country among the matched sentences.

Choices, documented:
- Older PLOVER names are read through records.EVENT_ALIASES; INVESTIGATE, which has no
  PLOVER-16 category of its own, is ACCUSE with mode "investigate" (PLOVER manual and the
  CAMEO→PLOVER table: CAMEO 09 → ACCUSE, investigate). DOCUMENT records are skipped.
- "plover.event_type": tp = sentences where an extracted event has the gold type, fn = the
  other sentences, fp = extracted events whose type is not the gold type (a second event of
  the right type in one sentence is neither), so precision ≈ right events / extracted events.
- Country codes: CAMEO codes are mapped to ISO3 (extract/data/events_cameo_codes.tsv).
- On matched sentences, recall of the place (either name inside the other, or a spelling variant
  at rapidfuzz ratio ≥ 85), the number killed
  and the mode (older mode names read through MODE_ALIASES).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from wardesk.eval.scoring import EvalReport, FieldScore
from wardesk.records import EVENT_ALIASES, Article, ArticleRecord, Event

CODES_PATH = Path(__file__).resolve().parent.parent / "extract" / "data" / "events_cameo_codes.tsv"
GOLD_ALIASES = {**EVENT_ALIASES, "INVESTIGATE": "ACCUSE"}

Extractor = Callable[[Article], ArticleRecord]


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for line in CODES_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cameo, iso = line.split("\t")[:2]
            table[cameo.strip()] = None if iso.strip() == "-" else iso.strip()
    return table


def iso3(code: str | None) -> str | None:
    """A gold actor code as wardesk writes it (ISO3, or the non-state code unchanged)."""
    if not code:
        return None
    code = code.strip().upper()[:3]
    table = cameo_codes()
    if code in table:
        return table[code] or code
    return code


def gold_type(event: str) -> str:
    return GOLD_ALIASES.get(event, event)


def _codes(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    out = set()
    for a in actors:
        code = iso3(a.get("code") if isinstance(a, dict) else a)
        if code:
            out.add(code)
    return out


def _extracted_codes(refs: Iterable[Any]) -> set[str]:
    return {r.code.upper() for r in refs if r.code}


def sentence_records(gold: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in gold if r.get("event") != "DOCUMENT" and r.get("text")]


def _records(gold: list[dict[str, Any]], extractor: Any) -> Iterator[ArticleRecord]:
    articles = [Article(text=r["text"], published=r.get("date")) for r in gold]
    pipe = getattr(extractor, "pipe", None)
    if pipe is None:
        for a in articles:
            yield extractor(a)
        return
    for item in pipe(articles):
        yield item[1] if isinstance(item, tuple) else ArticleRecord(article=_empty_meta(item))


def _empty_meta(item: Any) -> Any:
    from wardesk.records import ArticleMeta

    return ArticleMeta(id=str(getattr(item, "source", "")))


def _role_score(name: str, gold_codes: set[str], events: list[Event], role: str) -> tuple[bool, str]:
    got: set[str] = set()
    for ev in events:
        got |= _extracted_codes(getattr(ev, role))
    return bool(gold_codes & got), f"{name}: want {sorted(gold_codes)}, got {sorted(got) or '-'}"


DETAIL_FIELDS = ("place", "dead", "mode")
# Modes of the gold file's PLOVER version under the codebook names wardesk writes
# (reference/ngec/PLOVER_structured_codebook_updated.csv): organised/spontaneous variants of a
# demonstration or riot are one mode there; "strike-hun" is the hunger strike.
MODE_ALIASES = {"demo-org": "demo", "demo-spon": "demo", "riot-org": "riot", "riot-spon": "riot",
                "strike-gen": "strike", "strike-hun": "hunger"}


def _detail_checks(rec: dict[str, Any], events: list[Event]) -> Iterator[tuple[str, bool]]:
    """Per matched sentence, the gold fields it has: the place named (either name inside the
    other, case-insensitive), the number killed, and the PLOVER mode."""
    loc = rec.get("eventLoc")
    if isinstance(loc, dict) and loc.get("name"):
        want = str(loc["name"]).lower()
        got = [e.eventLoc.name.lower() for e in events if e.eventLoc is not None]
        yield "place", any(_same_place(want, g) for g in got)
    dead = rec.get("dead")
    if isinstance(dead, int | str) and str(dead).strip().isdigit():
        yield "dead", any(e.dead == int(str(dead).strip()) for e in events)
    mode = rec.get("mode")
    if isinstance(mode, str) and mode.strip():
        want_mode = MODE_ALIASES.get(mode.strip().lower(), mode.strip().lower())
        yield "mode", any((e.mode or "").lower() == want_mode for e in events)


def _same_place(want: str, got: str) -> bool:
    """Either name inside the other ("province of Herat" / "Herat"), or a spelling variant
    ("Algers" / "Algiers", "Basra" / "Basrah")."""
    from rapidfuzz import fuzz

    return want in got or got in want or fuzz.ratio(want, got) >= 85


def score_plover(records: list[dict[str, Any]], extractor: Any, gold_name: str = "plover") -> EvalReport:
    gold = sentence_records(records)
    tp = fn = fp = 0
    src = {"tp": 0, "fn": 0}
    tgt = {"tp": 0, "fn": 0}
    misses: list[str] = []
    details = {name: {"tp": 0, "fn": 0} for name in DETAIL_FIELDS}
    for rec, record in zip(gold, _records(gold, extractor), strict=True):
        want = gold_type(rec["event"])
        right = [e for e in record.events if e.event == want]
        fp += sum(1 for e in record.events if e.event != want)
        if not right:
            fn += 1
            got = ",".join(e.event for e in record.events) or "nothing"
            misses.append(f"{rec.get('id')}: want {want}, got {got} — {rec['text'][:90]}")
            continue
        tp += 1
        for field, ok in _detail_checks(rec, right):
            details[field]["tp" if ok else "fn"] += 1
            if not ok:
                misses.append(f"{rec.get('id')}: {want} {field} — {rec['text'][:90]}")
        for role, tally in (("source", src), ("target", tgt)):
            codes = _codes(rec.get(role))
            if not codes:
                continue
            ok, line = _role_score(role, codes, right, role)
            tally["tp" if ok else "fn"] += 1
            if not ok:
                misses.append(f"{rec.get('id')}: {want} {line}")
    scores = (
        FieldScore("plover.event_type", tp=tp, fp=fp, fn=fn),
        FieldScore("plover.source_country", tp=src["tp"], fn=src["fn"], recall_only=True),
        FieldScore("plover.target_country", tp=tgt["tp"], fn=tgt["fn"], recall_only=True),
        *(FieldScore(f"plover.{name}", tp=t["tp"], fn=t["fn"], recall_only=True) for name, t in details.items()),
    )
    return EvalReport(gold_name, "", scores, tuple(misses))


def run_plover(gold_path: str, extractor: Any) -> EvalReport:
    path = Path(gold_path)
    raw = path.read_bytes()
    report = score_plover(json.loads(raw.decode("utf-8")), extractor, gold_name=path.name)
    return EvalReport(report.gold, hashlib.sha256(raw).hexdigest(), report.scores, report.misses)
