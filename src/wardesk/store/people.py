"""Known people: offices learned from saved records, so a bare surname in a later article
("Lavrov said") resolves to the office an earlier article gave the full name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.layers import KnownPerson

if TYPE_CHECKING:
    from wardesk.store.schema import Connection


def known_people(conn: Connection) -> dict[str, KnownPerson]:
    """Lower-cased full name and (when only one known person has it) surname → KnownPerson.
    The latest published article wins field by field; a missing field keeps the older value."""
    rows = conn.execute(
        "SELECT aa.name, aa.country, aa.sector, aa.role, a.published FROM article_actors aa"
        " JOIN articles a ON a.id = aa.article_id WHERE aa.kind = 'person'"
        " AND (aa.role IS NOT NULL OR (aa.country IS NOT NULL AND aa.sector IS NOT NULL))"
        " ORDER BY a.published IS NOT NULL, a.published, a.pk, aa.seq"
    )
    people: dict[str, KnownPerson] = {}
    for name, country, sector, role, published in rows:
        old = people.get(name.lower())
        people[name.lower()] = KnownPerson(
            name=name,
            country=country or (old.country if old else None),
            sector=sector or (old.sector if old else None),
            role=role or (old.role if old else None),
            since=published or (old.since if old else None),
        )
    return {**people, **_by_surname(people)}


def _by_surname(people: dict[str, KnownPerson]) -> dict[str, KnownPerson]:
    owners: dict[str, set[str]] = {}
    for full in people:
        parts = full.split()
        if len(parts) > 1:
            owners.setdefault(parts[-1], set()).add(full)
    return {
        surname: people[next(iter(fulls))]
        for surname, fulls in owners.items()
        if len(fulls) == 1 and surname not in people
    }
