"""The counts events may carry, as the story stage reads them: a vague amount ("dozens",
"thousands of") is never a number in dead/injured/size, only a Quantity with its words and a
lower bound; a period total ("1,250 killed in 15 months") belongs to no event (it becomes a
ReportedTotal); a figure inside an earlier event's words ("in retaliation for a raid that killed
12") goes to that event only.

``StoryCounts`` wraps the QuantityTable of quantities.py and answers the same question."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wardesk.extract.layers import Counts
from wardesk.extract.numbers.quantities import CountMention, QuantityTableImpl
from wardesk.extract.story.grammar import apart, relation_objects
from wardesk.extract.story.totals import is_vague, period_total, vague_reading
from wardesk.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from wardesk.extract.layers import DateTable




def vague_quantity(c: CountMention, doc: Doc) -> Quantity:
    """The lower bound of a vague amount, under the field it would have filled."""
    unit = c.kind if c.kind in ("dead", "injured") else c.unit
    qualifier = c.qualifier if c.qualifier in ("about", "at_least") else "at_least"
    value, words = vague_reading(c, doc)
    return Quantity(value=value, unit=unit, text=words, qualifier=qualifier)


_SINCE = frozenset({"since"})


@dataclass(frozen=True)
class StoryCounts:
    """A QuantityTable that keeps vague amounts, period totals and other events' figures out
    of an event's dead/injured/size."""

    doc: Doc
    plain: tuple[CountMention, ...]
    vague: tuple[CountMention, ...]
    totals: tuple[CountMention, ...]

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        return QuantityTableImpl(self.doc, self.plain).quantities

    def counts_for(self, trigger: Token) -> Counts:
        # "since" frames a period, not a neighbour: "bodies found since the attacks began"
        # are the attacks' dead
        objects = relation_objects(trigger.sent, but=_SINCE) if self.doc.has_annotation("DEP") else []
        own = tuple(c for c in self.plain if not apart(c.noun, trigger.i, objects))
        counts = QuantityTableImpl(self.doc, own).counts_for(trigger)
        loose = tuple(c for c in self.vague if not apart(c.noun, trigger.i, objects))
        if not loose:
            return counts
        rough = QuantityTableImpl(self.doc, loose).counts_for(trigger)
        extra = tuple(vague_quantity(c, self.doc) for c in _giving(loose, rough))
        return replace(counts, quantities=counts.quantities + tuple(q for q in extra if q not in counts.quantities))


def _giving(loose: tuple[CountMention, ...], rough: Counts) -> list[CountMention]:
    """The vague mentions behind a Counts' dead/injured/size (first of each value)."""
    out: list[CountMention] = []
    for kind, value in (("dead", rough.dead), ("injured", rough.injured), ("size", rough.size)):
        if value is None:
            continue
        found = next((c for c in loose if c.kind == kind and c.value == value), None)
        if found is not None:
            out.append(found)
    return out


def story_counts(table: QuantityTableImpl, dates: DateTable, published: str | None = None) -> StoryCounts:
    """The story's view of a Doc's counts (``table`` from quantities.find_quantities)."""
    doc = table.doc
    parsed = doc.has_annotation("DEP")
    totals = tuple(c for c in table.counts if parsed and period_total(c, doc, dates, published) is not None)
    rest = [c for c in table.counts if c not in totals]
    vague = tuple(c for c in rest if is_vague(c, doc))
    plain = tuple(c for c in rest if c not in vague)
    return StoryCounts(doc=doc, plain=plain, vague=vague, totals=totals)
