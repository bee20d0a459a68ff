"""The event rule table (extract/events/rules.py): every example sentence of a rule makes that
rule fire with the real model, the table is well formed, kept events carry the rules that fired
in their trace, and `wardesk explain` prints the parse, the predicates and the rules."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from wardesk.event_types import event_type_table, types_with
from wardesk.explain import explain, render
from wardesk.extract.events.rules import RULES, STAGES, Rule

EXAMPLES = [(rule.id, text) for rule in RULES for text in rule.examples]


def test_rule_ids_are_unique_and_named_by_their_stage() -> None:
    ids = [rule.id for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.stage in STAGES and rule.id.startswith(rule.stage + ".")
        assert (rule.then is None) == (rule.action == "drop"), rule.id


def test_rule_types_are_event_types() -> None:
    known = set(event_type_table().names())
    for rule in RULES:
        assert rule.types is None or rule.types <= known, rule.id


def test_most_rules_have_an_example() -> None:
    with_examples = [rule for rule in RULES if rule.examples]
    assert len(with_examples) * 2 > len(RULES)


def test_an_unknown_type_flag_is_an_error() -> None:
    with pytest.raises(KeyError):
        types_with("no_such_flag")


def test_table_flags_match_what_the_coder_reads() -> None:
    assert types_with("host_target") == {"CONSULT"}
    assert "ASSAULT" in types_with("place_target") and "AGREE" not in types_with("place_target")
    assert event_type_table().names()[0] == "AGREE" and len(event_type_table().names()) == 16


@pytest.mark.model
@pytest.mark.parametrize(("rule_id", "text"), EXAMPLES, ids=[f"{r}:{t[:30]}" for r, t in EXAMPLES])
def test_each_rule_fires_on_its_examples(extractor: Any, rule_id: str, text: str) -> None:
    found = explain(text, "2025-03-11", extractor)
    fired = [r for reading in found.readings for r in reading.rules]
    assert rule_id in fired, render(found)


@pytest.mark.model
def test_a_kept_event_carries_the_rules_that_fired(extractor: Any) -> None:
    found = explain("The president blocked the sale of fighter jets to Turkey.", "2025-03-11", extractor)
    (event,) = [e for e in found.events if e.event == "REJECT"]
    assert "type.veto-is-reject" in event.trace


@pytest.mark.model
def test_a_dropped_predicate_names_the_rule_that_dropped_it(extractor: Any) -> None:
    found = explain("Firefighters in Greece battled blazes near Athens.", "2025-03-11", extractor)
    dropped = [r for r in found.readings if r.outcome == "dropped"]
    assert dropped and dropped[0].rules[-1] == "keep.fights-nature" and not found.events


@pytest.mark.model
def test_explain_command_prints_parse_predicates_and_rules() -> None:
    from wardesk.cli.main import cli

    out = CliRunner().invoke(cli, ["explain", "Russia deployed more troops in Crimea.", "--published", "2025-03-11"])
    assert out.exit_code == 0, out.output
    assert "parse:" in out.output and "predicates:" in out.output
    assert "'deployed'" in out.output and "→ MOBILIZE: kept" in out.output
    assert "rule fill.place-target" in out.output


def _drop_everything() -> tuple[Rule, ...]:
    return (Rule("keep.always", "keep", "drop", lambda d: True), Rule("keep.never-reached", "keep", "drop", lambda d: True))


def test_apply_stops_at_the_first_drop() -> None:
    from wardesk.extract.events.rules import apply

    d = SimpleNamespace(event_type="ASSAULT", fired=[])
    assert apply("keep", d, _drop_everything()) is False  # type: ignore[arg-type]
    assert d.fired == ["keep.always"]
