"""How many inputs the fuzz suite feeds, and how many each test gets.

FUZZ_EXAMPLES (env) is the total number of inputs to aim for (default 11,000, above the 10,000
floor); each test gets its share of it. Every test adds what it really fed to ``TRIED``, and the
suite's summary line and last test report the real total.
"""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, settings

FLOOR = 10_000
TOTAL = int(os.environ.get("FUZZ_EXAMPLES", "11000"))
TRIED: Counter[str] = Counter()  # test name -> inputs fed in this session
# share of the total each test gets, in inputs, and the mean inputs one example feeds
SHARES: dict[str, tuple[float, float]] = {
    "ingest_files": (0.41, 2.5),
    "ingest_corpus_lines": (0.15, 6.0),
    "ingest_feeds": (0.03, 1.0),
    "ingest_huge_fields": (0.005, 3.0),
    "extract_texts": (0.30, 20.0),
    "extract_through_ingest": (0.06, 20.0),
    "extract_pathological": (0.0015, 2.0),
}
SUPPRESSED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
              HealthCheck.filter_too_much]


def fuzz_settings(name: str) -> settings:
    """Reproducible hypothesis settings sized so that test ``name`` feeds its share of TOTAL."""
    share, per_example = SHARES[name]
    examples = max(5, round(TOTAL * share / per_example))
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=SUPPRESSED, print_blob=True)


def count(name: str, inputs: int) -> None:
    TRIED[name] += inputs
