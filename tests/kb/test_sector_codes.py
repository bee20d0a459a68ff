"""Sector codes live in one table (data/sectors.json): every sector the knowledge base's word and
group tables give is a listed code, and every named group the rules test holds only listed codes."""

from __future__ import annotations

import pytest

from wardesk.kb.loading import rows
from wardesk.sectors import group_names, sector_codes, sector_group

# (file, column of the sector) for the kb tables that carry one.
SECTOR_COLUMNS = (("sectors.tsv", 1), ("groups.tsv", 4), ("office_holders.tsv", 3))


@pytest.mark.parametrize(("filename", "column"), SECTOR_COLUMNS)
def test_every_sector_in_the_kb_tables_is_a_listed_code(filename: str, column: int) -> None:
    used = {row[column] for row in rows(filename) if row[column]}
    assert used, f"{filename} gives no sectors in column {column}"
    assert used <= sector_codes(), sorted(used - sector_codes())


def test_every_named_group_holds_listed_codes_only() -> None:
    names = group_names()
    assert "armed_groups" in names and "office_holders" in names
    for name in names:
        assert sector_group(name) and sector_group(name) <= sector_codes(), name


def test_an_unknown_group_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="no sector group"):
        sector_group("no_such_group")
