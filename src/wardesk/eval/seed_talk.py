"""Scores statements, positions and loaded terms against a seed gold file (../shared/seed/gold.json
shape): who said what, what each side wants, and which loaded words the article uses."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from wardesk.eval.scoring import EvalReport, FieldScore
from wardesk.records import Article, ArticleRecord, Position, Statement

Gold = dict[str, Any]
Extractor = Callable[[Article], ArticleRecord]


def run_seed_talk(gold_path: str | Path, extractor: Extractor) -> EvalReport:
    """Extract the article beside ``gold_path`` (article.txt) and score it."""
    path = Path(gold_path)
    raw = path.read_bytes()
    gold: Gold = json.loads(raw)
    text = path.with_name("article.txt").read_text(encoding="utf-8")
    record = extractor(Article(text=text, published=gold.get("published")))
    report = score_seed_talk(gold, record)
    return EvalReport(str(path), hashlib.sha256(raw).hexdigest(), report.scores, report.misses)


def score_seed_talk(gold: Gold, record: ArticleRecord) -> EvalReport:
    names = _ActorNames(gold, record)
    scores: list[FieldScore] = []
    misses: list[str] = []
    for part in (_statements(gold, record, names), _positions(gold, record, names),
                 _loaded_terms(gold, record)):
        scores.extend(part[0])
        misses.extend(part[1])
    sha = hashlib.sha256(json.dumps(gold, sort_keys=True).encode()).hexdigest()
    return EvalReport("seed_talk", sha, tuple(scores), tuple(misses))


def _norm(text: str | None) -> str:
    text = (text or "").lower().replace("’", "'").replace("“", '"').replace("”", '"')
    words = text.replace("'s ", " ").split()
    return " ".join(w for w in words if w not in ("the", "mr", "mr.", "sir"))


class _ActorNames:
    """Names a gold actor goes by, and names and country of a record's actor id."""

    def __init__(self, gold: Gold, record: ArticleRecord) -> None:
        self.gold: dict[str, set[str]] = {}
        for actor in gold.get("actors", []):
            self.gold[_norm(actor["name"])] = {_norm(n) for n in [actor["name"], *actor.get("aliases", [])]}
        self.record = {a.id: a for a in record.actors}

    def gold_names(self, name: str) -> set[str]:
        return self.gold.get(_norm(name), {_norm(name)})

    def record_names(self, actor_id: str | None, text: str) -> set[str]:
        found = {_norm(text)} if text else set()
        actor = self.record.get(actor_id or "")
        if actor is not None:
            found |= {_norm(actor.name), *(_norm(a) for a in actor.aliases)}
        return found - {""}

    def country(self, actor_id: str | None) -> str | None:
        if not actor_id:
            return None
        actor = self.record.get(actor_id)
        if actor is not None and actor.country:
            return actor.country
        prefix = actor_id.split("/")[0].upper()
        return None if prefix in ("", "UNK") else prefix


def _same_name(gold: set[str], found: set[str]) -> bool:
    for g in gold:
        for f in found:
            if g == f or (len(g) > 3 and f" {g} " in f" {f} ") or (len(f) > 3 and f" {f} " in f" {g} "):
                return True
    return False


# --- statements ---------------------------------------------------------------------------


def _speaker_ok(item: Gold, stmt: Statement, names: _ActorNames) -> bool:
    options = item.get("speaker_any", [item.get("speaker")])
    for option in options:
        if option is None:
            if stmt.speaker is None and not stmt.speakerText:
                return True
            continue
        if _same_name(names.gold_names(option), names.record_names(stmt.speaker, stmt.speakerText)):
            return True
    return False


def _content_ok(item: Gold, stmt: Statement) -> bool:
    return _norm(item["content_contains"]) in _norm(stmt.content)


def _statements(gold: Gold, record: ArticleRecord, names: _ActorNames) -> tuple[list[FieldScore], list[str]]:
    items = gold.get("statements", [])
    found: dict[str, Statement] = {}
    content_only: set[str] = set()
    misses = []
    for item in items:
        with_content = [s for s in record.statements if _content_ok(item, s)]
        if with_content:
            content_only.add(item["key"])
        hit = next((s for s in with_content if _speaker_ok(item, s, names)), None)
        if hit is not None:
            found[item["key"]] = hit
        elif item.get("required"):
            got = "; ".join(f"{s.speakerText!r}" for s in with_content) or "no statement with it"
            misses.append(f"statement {item['key']}: speaker {item.get('speaker_any', item.get('speaker'))} "
                          f"saying {item['content_contains']!r} not found ({got})")
    required = [i for i in items if i.get("required")]
    certain = [i for i in items if "certainty" in i and i["key"] in found]
    cert_ok = [i for i in certain if found[i["key"]].certainty in i["certainty"]]
    misses += [f"statement {i['key']}: certainty {found[i['key']].certainty} not in {i['certainty']}"
               for i in certain if i not in cert_ok]
    return [
        _recall("statements.required_recall", sum(i["key"] in found for i in required), len(required)),
        _recall("statements.recall", len(found), len(items)),
        _recall("statements.content_recall", len(content_only), len(items)),
        FieldScore("statements.certainty", len(cert_ok), len(certain) - len(cert_ok), 0),
    ], misses


def _recall(name: str, tp: int, total: int) -> FieldScore:
    return FieldScore(name, tp=tp, fn=total - tp, recall_only=True)


# --- positions ----------------------------------------------------------------------------


def _position_ok(item: Gold, pos: Position, names: _ActorNames, with_target: bool = False) -> bool:
    stances = [item["stance"], *item.get("acceptable_stances", [])]
    ok = (names.country(pos.holder) == item["holder"] and pos.issue == item["issue"]
          and pos.stance in stances)
    if ok and with_target and item.get("target"):
        return names.country(pos.target) == item["target"]
    return ok


def _positions(gold: Gold, record: ArticleRecord, names: _ActorNames) -> tuple[list[FieldScore], list[str]]:
    items = gold.get("positions", [])
    hits = {n: any(_position_ok(i, p, names) for p in record.positions) for n, i in enumerate(items)}
    required = [n for n, i in enumerate(items) if i.get("required")]
    targeted = [n for n in hits if hits[n] and items[n].get("target")]
    target_ok = [n for n in targeted if any(_position_ok(items[n], p, names, True) for p in record.positions)]
    matched = [p for p in record.positions if any(_position_ok(i, p, names) for i in items)]
    misses = [f"position {items[n]['holder']} {items[n]['stance']} {items[n]['issue']} not found"
              for n in required if not hits[n]]
    misses += [f"position {items[n]['holder']} {items[n]['issue']}: target is not {items[n]['target']}"
               for n in targeted if n not in target_ok]
    return [
        _recall("positions.required_recall", sum(hits[n] for n in required), len(required)),
        _recall("positions.recall", sum(hits.values()), len(items)),
        FieldScore("positions.target", len(target_ok), len(targeted) - len(target_ok), 0),
        FieldScore("positions.precision", len(matched), len(record.positions) - len(matched), 0),
    ], misses


# --- loaded terms -------------------------------------------------------------------------


def _loaded_terms(gold: Gold, record: ArticleRecord) -> tuple[list[FieldScore], list[str]]:
    spec = gold.get("loaded_terms", {})
    required = [_norm(t) for t in spec.get("required", [])]
    allowed = set(required) | {_norm(t) for t in spec.get("acceptable", [])}
    found = {_norm(t.text) for t in record.article.tone.loaded_terms}
    hits = [t for t in required if _term_found(t, found)]
    fp = [t for t in found if not _term_found(t, allowed)]
    misses = [f"loaded term {t!r} not found" for t in required if t not in hits]
    return [
        _recall("loaded_terms.required_recall", len(hits), len(required)),
        FieldScore("loaded_terms.precision", len(found) - len(fp), len(fp), 0),
    ], misses


def _term_found(term: str, found: Iterable[str]) -> bool:
    return any(term == f or term in f or f in term for f in found)
