"""`wardesk eval`: score extraction against gold files, so accuracy is measured, not hoped.

Two gold formats: the seed format (a dict with events/statements/positions/... for one article,
like ../shared/seed/gold.json) and PLOVER records (a JSON list of one-sentence records).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from wardesk.errors import UsageError
from wardesk.eval.scoring import EvalReport, FieldScore
from wardesk.settings import Settings

__all__ = ["EvalReport", "FieldScore", "evaluate", "report_json", "report_text"]


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot read gold file {path}: {exc}") from exc


def _seed_article(gold_path: Path, against: str | None) -> Path:
    article = Path(against) if against else gold_path.with_name("article.txt")
    if not article.is_file():
        raise UsageError(f"no article to score: give --against FILE (looked for {article})")
    return article


def _with_gold_hash(report: EvalReport, sha: str) -> EvalReport:
    return EvalReport(report.gold, sha, report.scores, report.misses)


def evaluate(gold: str, settings: Settings, against: str | None = None) -> list[EvalReport]:
    """Every report the gold file supports, each carrying the gold file's sha256."""
    from wardesk.pipeline import Extractor
    from wardesk.records import Article

    path = Path(gold)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    data = _load(path)
    extractor = Extractor(settings)
    if isinstance(data, list):
        from wardesk.eval.plover import run_plover

        return [_with_gold_hash(run_plover(str(path), extractor), sha)]
    if not isinstance(data, dict) or "events" not in data:
        raise UsageError(f"{path} is neither a seed gold file nor a list of PLOVER records")
    from wardesk.eval.seed_events import score_seed_events
    from wardesk.eval.seed_talk import score_seed_talk

    text = _seed_article(path, against).read_text(encoding="utf-8")
    record = extractor(Article(text=text, published=data.get("published")))
    return [_with_gold_hash(score_seed_events(data, record), sha),
            _with_gold_hash(score_seed_talk(data, record), sha)]


def report_json(report: EvalReport) -> dict[str, Any]:
    return {
        "gold": report.gold, "sha256": report.sha256,
        "scores": {s.name: {"precision": round(s.precision, 4), "recall": round(s.recall, 4),
                            "f1": round(s.f1, 4), "tp": s.tp, "fp": s.fp, "fn": s.fn,
                            "recall_only": s.recall_only} for s in report.scores},
        "misses": list(report.misses),
    }


def report_text(report: EvalReport, misses: bool = True) -> str:
    lines = [f"# {report.gold} (sha256 {report.sha256[:12]})",
             f"{'field':38} {'prec':>6} {'recall':>6} {'f1':>6}   tp/fp/fn"]
    for s in report.scores:
        prec = "   -  " if s.recall_only else f"{s.precision:6.3f}"
        lines.append(f"{s.name:38} {prec} {s.recall:6.3f} {s.f1:6.3f}   {s.tp}/{s.fp}/{s.fn}")
    if misses and report.misses:
        lines.append("misses:")
        lines.extend(f"  - {m}" for m in report.misses)
    return "\n".join(lines)
