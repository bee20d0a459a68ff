""""In the last 15 months, 1,250 were killed" is a period total (kept as a ReportedTotal, no
incident), though "last" also ranks ("their first talks in three years" stays news) (real model;
sentences written for these tests)."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.records import Article

pytestmark = pytest.mark.model


def test_a_toll_over_the_last_months_is_a_total_not_an_incident(extractor: Any) -> None:
    record = extractor(Article(text="In the last 18 months, 940 militants have been killed in"
                               " Khyber Pakhtunkhwa, the army spokesman said.",
                               published="2025-08-16"))
    assert not [e for e in record.events if e.dead == 940], record.events
    assert any(t.value == 940 for t in record.totals), record.totals


def test_first_talks_in_years_stay_news(extractor: Any) -> None:
    record = extractor(Article(text="Armenia and Azerbaijan held their first direct talks in"
                               " three years on Friday.", published="2025-08-16"))
    assert record.events and not any(e.background for e in record.events), record.events


def test_attacks_since_last_month_are_a_period_not_news(extractor: Any) -> None:
    record = extractor(Article(text="Since last August, the group has claimed responsibility for"
                               " several deadly attacks on police posts.", published="2025-08-16"))
    assert record.events and all(e.background for e in record.events), record.events


def test_the_largest_attack_since_last_summer_is_news(extractor: Any) -> None:
    record = extractor(Article(text="Russia launched its largest attack since last summer on"
                               " Odesa on Friday.", published="2025-08-16"))
    assert record.events and not any(e.background for e in record.events), record.events
    recap = extractor(Article(text="Last summer, Russian drones hit the port of Odesa.",
                              published="2025-08-16"))
    assert recap.events and all(e.background for e in recap.events), recap.events
