"""Which matched predicates become events (extract/events/selection.py): every selection row
decides some match on each of its example sentences with the real model, `wardesk explain` names
the deciding row, and the rows are well formed."""

from __future__ import annotations

from typing import Any

import pytest

from wardesk.explain import explain, render
from wardesk.extract.events.selection import ABSORB, CONTENT_NOUN, DROP, DROPS, GOVERNED, KEEP

ROWS = (*DROPS, *GOVERNED)
EXAMPLES = [(row.id, text) for row in ROWS for text in row.examples]


def test_selection_rows_are_named_unique_and_have_an_outcome() -> None:
    ids = [row.id for row in ROWS]
    assert len(ids) == len(set(ids)) and CONTENT_NOUN not in ids
    assert all(i.startswith("select.") for i in ids)
    assert {row.outcome for row in DROPS} == {DROP}
    assert {row.outcome for row in GOVERNED} == {DROP, KEEP, ABSORB}


def test_the_last_governed_row_catches_every_match() -> None:
    last = GOVERNED[-1]
    assert last.outcome == DROP and last.test(None, None, None)  # type: ignore[arg-type]


@pytest.mark.model
@pytest.mark.parametrize(("row_id", "text"), EXAMPLES, ids=[f"{r}:{t[:30]}" for r, t in EXAMPLES])
def test_each_selection_row_decides_a_match_on_its_examples(extractor: Any, row_id: str, text: str) -> None:
    found = explain(text, "2025-03-11", extractor)
    deciding = [reading.rules[0] for reading in found.readings if reading.rules]
    assert row_id in deciding, render(found)
