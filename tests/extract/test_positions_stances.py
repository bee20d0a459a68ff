"""Positions from real parses of sentences written for these tests: stance, issue, holder, target."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

_spec = importlib.util.spec_from_file_location("wardesk_positions_fakes",
                                               Path(__file__).with_name("positions_fakes.py"))
assert _spec is not None and _spec.loader is not None
fakes: Any = importlib.util.module_from_spec(_spec)
sys.modules["wardesk_positions_fakes"] = fakes
_spec.loader.exec_module(fakes)

pytestmark = pytest.mark.model

NAMES = {
    "kremlin": "rus/gov/kremlin", "moscow": "rus/gov/russia", "russia": "rus/gov/russia",
    "kyiv": "ukr/gov/ukraine", "ukraine": "ukr/gov/ukraine", "london": "gbr/gov/united-kingdom",
    "paris": "fra/gov/france", "washington": "usa/gov/united-states", "hamas": "pse/ins/hamas",
    "israel": "isr/gov/israel", "petrov": "rus/gov/ivan-petrov", "kovalenko": "ukr/gov/olena-kovalenko",
}


def _positions(nlp: Any, text: str) -> list[tuple[str | None, str, str, str | None]]:
    doc, found = fakes.positions_of(nlp, text, NAMES)
    for p in found:
        assert doc.text[p.evidence.start:p.evidence.end]
        assert p.date == "2025-05-01"
    return [(p.holder, p.issue, p.stance, p.target) for p in found]


def test_coordinated_demands_one_per_issue(nlp: Any) -> None:
    found = _positions(nlp, "Moscow demanded that Kyiv must withdraw its troops, accept neutrality and hold new elections.")
    issues = {(h, i, s) for h, i, s, _ in found}
    assert ("rus/gov/russia", "troop_withdrawal", "demand") in issues
    assert ("rus/gov/russia", "neutrality", "demand") in issues
    assert ("rus/gov/russia", "elections", "demand") in issues
    assert all(t == "ukr/gov/ukraine" for h, _, _, t in found if h == "rus/gov/russia")


def test_rule_out_is_reject(nlp: Any) -> None:
    assert ("ukr/gov/ukraine", "territory", "reject", None) in _positions(
        nlp, "Kyiv has ruled out giving up any territory in the east.")


def test_agree_to_ceasefire_is_accept(nlp: Any) -> None:
    found = _positions(nlp, "Hamas agreed to a 30-day ceasefire on Sunday.")
    assert ("pse/ins/hamas", "ceasefire", "accept", None) in found


def test_negated_agreement_is_reject(nlp: Any) -> None:
    found = _positions(nlp, "Israel did not accept the ceasefire proposal.")
    assert found and found[0][:3] == ("isr/gov/israel", "ceasefire", "reject")


def test_call_for_is_demand(nlp: Any) -> None:
    found = _positions(nlp, "Paris called for an immediate ceasefire and more humanitarian aid.")
    assert ("fra/gov/france", "ceasefire", "demand", None) in found
    assert ("fra/gov/france", "humanitarian_access", "demand", None) in found


def test_offer_troops(nlp: Any) -> None:
    found = _positions(nlp, "London offered to send peacekeepers if a deal is signed.")
    assert ("gbr/gov/united-kingdom", "peacekeepers", "offer", None) in found


def test_need_for_guarantee_targets_the_asked(nlp: Any) -> None:
    found = _positions(nlp, "Kovalenko stressed the need for Washington to give security guarantees.")
    assert ("ukr/gov/olena-kovalenko", "security_guarantees", "demand", "usa/gov/united-states") in found


def test_ready_for_peace_is_support(nlp: Any) -> None:
    found = _positions(nlp, "Petrov says that Russia is ready to sign a peace agreement.")
    assert ("rus/gov/russia", "peace_deal", "support", None) in found


def test_blocking_verb_turns_the_stance(nlp: Any) -> None:
    found = _positions(nlp, "Washington will act to prevent Tehran from achieving a nuclear weapon.")
    assert all(s != "support" for _, _, s, _ in found)


def test_phrasal_verb_is_not_its_base(nlp: Any) -> None:
    assert _positions(nlp, "Washington may back off its tariff threats.") == []


def test_no_stance_no_position(nlp: Any) -> None:
    assert _positions(nlp, "The delegations met in Geneva and discussed the ceasefire.") == []


def test_rejecting_an_allegation_is_no_stance(nlp: Any) -> None:
    assert _positions(nlp, "Kyiv rejected the allegation that its troops had crossed the border into Russia.") == []


def test_call_on_targets_the_one_called(nlp: Any) -> None:
    found = _positions(nlp, "Paris called on Moscow to return to negotiations.")
    assert ("fra/gov/france", "peace_deal", "demand", "rus/gov/russia") in found


def test_passive_urged_is_target_not_holder(nlp: Any) -> None:
    found = _positions(nlp, "Moscow was urged by Paris to accept the ceasefire.")
    assert all(h != "rus/gov/russia" for h, _, _, _ in found)
    assert ("fra/gov/france", "ceasefire", "demand", "rus/gov/russia") in found
    assert _positions(nlp, "Moscow was urged to accept the ceasefire.") == []  # no one named


def test_condition_is_kept_apart(nlp: Any) -> None:
    found = _positions(nlp, "Hamas agreed to release the hostages on condition that Israel ends the truce violations.")
    assert ("pse/ins/hamas", "prisoners", "accept", None) in found
    assert any(s == "condition" and i == "ceasefire" and t == "isr/gov/israel" for _, i, s, t in found)


def test_if_clause_of_an_acceptance_is_its_condition(nlp: Any) -> None:
    found = _positions(nlp, "Kyiv will only accept a ceasefire if Moscow withdraws its troops.")
    assert ("ukr/gov/ukraine", "ceasefire", "accept", None) in found
    assert ("ukr/gov/ukraine", "troop_withdrawal", "condition", "rus/gov/russia") in found


def test_defence_spending_demand_from_a_modal_in_speech(nlp: Any) -> None:
    found = _positions(nlp, "Petrov insisted that Ukraine must spend more on defence.")
    assert ("rus/gov/ivan-petrov", "defense_spending", "demand", "ukr/gov/ukraine") in found
