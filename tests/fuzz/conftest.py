"""The fuzz suite's summary line: how many inputs were really fed, per test and in all."""

from __future__ import annotations

from typing import Any

from .budget import TRIED


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if TRIED:
        parts = ", ".join(f"{name} {n:,}" for name, n in sorted(TRIED.items()))
        terminalreporter.write_line(f"fuzz: {sum(TRIED.values()):,} inputs tried ({parts})")
