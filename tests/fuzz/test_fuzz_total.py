"""The fuzz suite's figure: when every fuzz test ran in this session, together they fed at least
10,000 inputs (FUZZ_EXAMPLES sets the aim; `make fuzz` raises it). Runs last (file order)."""

from __future__ import annotations

import pytest

from .budget import FLOOR, SHARES, TOTAL, TRIED


def test_fuzz_suite_fed_at_least_ten_thousand_inputs() -> None:
    missing = set(SHARES) - set(TRIED)
    if missing:
        pytest.skip(f"not every fuzz test ran in this session (missing: {', '.join(sorted(missing))})")
    tried = sum(TRIED.values())
    print(f"\nfuzz: {tried:,} inputs tried")
    assert tried >= min(FLOOR, TOTAL), f"only {tried:,} inputs fed (aim {TOTAL:,})"
