"""Scores shared by every evaluator: per-field true/false positives and the misses behind them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FieldScore:
    """Precision/recall for one field (e.g. "events.type", "statements.speaker").

    ``tp``/``fp``/``fn`` count items; a field scored only on recall (gold lists what must be
    found, not everything that may be) leaves ``fp`` at 0 and says so with ``recall_only``.
    """

    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    recall_only: bool = False

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class EvalReport:
    """What one gold file gave: its name, sha256, the field scores and each miss in words."""

    gold: str
    sha256: str
    scores: tuple[FieldScore, ...]
    misses: tuple[str, ...] = field(default=())

    def score(self, name: str) -> FieldScore:
        for s in self.scores:
            if s.name == name:
                return s
        raise KeyError(name)
