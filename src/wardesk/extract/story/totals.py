"""Period totals: a count over a stretch of time or a whole war ("1,250 civilians killed in 15
months", "tens of thousands killed since April 2023", "a war that killed 100,000"), told apart
from the figures of one incident and kept as ReportedTotals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import CORE_ARGUMENTS_OR_APPOSITION
from wardesk.extract.layers import clause_verb, doc_text
from wardesk.extract.numbers.parse import parse_amount
from wardesk.extract.story.background import recent_since
from wardesk.extract.story.cues import cues
from wardesk.extract.story.grammar import clause_chain, modifiers, period_phrase
from wardesk.records import Evidence, ReportedTotal

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from wardesk.extract.layers import DateTable, Layers
    from wardesk.extract.numbers.quantities import CountMention



@dataclass(frozen=True)
class PeriodCue:
    predicate: Token  # the word the count hangs on: "killed", "toll", "deaths"
    words: Span | None  # the period's words ("since the war began"), or the aggregate ("the war")


def is_vague(c: CountMention, doc: Doc) -> bool:
    """The amount is words such as "dozens", "thousands of", "several", not a figure."""
    return c.kind in ("dead", "injured", "size") and any(
        t.lower_ in cues().vague_words for t in doc[c.first:c.number + 1])


def vague_reading(c: CountMention, doc: Doc) -> tuple[int, str]:
    """A vague amount's lower bound and words, with the "tens of" / "hundreds of" the count
    table leaves before "thousands" ("tens of thousands" is 20,000, not 2,000)."""
    if c.first >= 2:
        lead = doc[c.first - 2:c.first]
        found = parse_amount(f"{lead.text} {doc[c.first:c.number + 1].text}")
        if lead[1].lower_ == "of" and found is not None and found[0] > c.value:
            return found[0], doc[c.first - 2:c.noun + 1 if c.noun > c.number else c.number + 1].text
    return c.value, c.text


def counted_predicate(c: CountMention, doc: Doc) -> Token:
    """What happened to the counted: "killed" in "400 people were killed", "rose" in "the toll
    rose to 45", "deaths" in "the deaths of 16 militants"."""
    node = doc[c.noun]
    for _ in range(10):
        if node.head.i == node.i:
            break
        if node.dep_ in CORE_ARGUMENTS_OR_APPOSITION:
            return node.head
        if node.dep_ == "pobj" and node.head.head.pos_ in ("VERB", "AUX"):
            return node.head.head  # "the toll rose to 45"
        if node.dep_ not in ("conj", "pobj", "prep", "nummod", "quantmod", "compound", "amod"):
            break
        node = node.head  # "tens of thousands of people": up to the phrase's head
    if node.dep_ == "relcl" or node.pos_ in ("VERB", "AUX"):
        return node
    return clause_verb(node) or node


def kind_of(c: CountMention, predicate: Token) -> str | None:
    if c.kind in ("dead", "injured"):
        return c.kind
    lemma = predicate.lemma_.lower()
    if any(c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "home") for c in predicate.children):
        return None  # "fled back to their villages": people returning
    for what in ("displaced", "detained", "missing"):
        if lemma in cues().total_verbs.get(what, frozenset()):
            return what
    return None


def period_total(c: CountMention, doc: Doc, dates: DateTable, published: str | None = None) -> PeriodCue | None:
    """The period cue when the count is a total over time rather than one incident's toll:
    a "since"/duration phrase on its clause (not one that starts inside the news window), a
    whole war or conflict as the killer, or a year or month with attacks in the plural."""
    predicate = counted_predicate(c, doc)
    if kind_of(c, predicate) is None:
        return None
    words = period_phrase(predicate)
    if words is not None:
        return None if recent_since(words, dates, published) else PeriodCue(predicate, words)
    chain = clause_chain(predicate)
    dated = _dated(chain, dates)
    if dated is not None and dated[1] in ("day", "week"):
        return None  # "attacks on Tuesday killed 20": one day's reporting
    aggregate = _aggregate(predicate)
    if aggregate is not None:
        return PeriodCue(predicate, aggregate)
    if dated is not None and dated[1] in ("year", "month") and _many_attacks(predicate):
        return PeriodCue(predicate, dated[0])
    return None


def _dated(chain: list[Token], dates: DateTable) -> tuple[Span, str] | None:
    """A date on the counted clause: its words and granularity."""
    for tok in chain:
        for mod in modifiers(tok):
            lo, hi = mod.left_edge.idx, mod.right_edge.idx + len(mod.right_edge.text)
            for m in dates.mentions:
                if lo <= m.start < hi and m.value is not None:
                    span = tok.doc.char_span(m.start, m.end, alignment_mode="expand")
                    if span is not None:
                        return tok.doc[mod.left_edge.i:mod.right_edge.i + 1], m.granularity
    return None


def agents(predicate: Token) -> list[Token]:
    """Who or what did the counted thing: the subject of an active verb, a passive's "by"
    object, the noun a relative clause hangs on, an "in"-object ("killed in attacks"), the
    owner of a toll ("the toll from the war")."""
    out: list[Token] = []
    node = first_conjunct(predicate)
    if node.dep_ == "relcl":
        out.append(node.head)
    for child in list(predicate.children) + ([] if node is predicate else list(node.children)):
        if child.dep_ == "nsubj":
            out.append(child)
        if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "in", "from", "of", "during"):
            out += [g for g in child.children if g.dep_ == "pobj"]
    return out


def _aggregate(predicate: Token) -> Span | None:
    """A whole war, conflict or campaign as what killed ("the war has killed", "a war that
    killed 100,000", "the death toll from the conflict"): its words, relative clause left out."""
    c = cues()
    for agent in agents(predicate):
        if agent.lemma_.lower() == "toll":
            agent = next((o for o in agents(agent) if o.lemma_.lower() in c.aggregate_nouns), agent)
        if agent.lemma_.lower() in c.aggregate_nouns:
            return agent.doc[agent.left_edge.i:agent.i + 1]
    return None


def _many_attacks(predicate: Token) -> bool:
    """The count is over attacks in the plural ("killed 400 people in over 500 attacks")."""
    plural = cues().plural_attacks
    return any(agent.lower_ in plural for agent in agents(predicate))


def reported_total(c: CountMention, cue: PeriodCue, layers: Layers) -> ReportedTotal:
    doc = layers.doc
    sent = cue.predicate.sent
    text = doc_text(doc)
    lead = len(sent.text) - len(sent.text.lstrip())
    start, end = sent.start_char + lead, sent.start_char + len(sent.text.rstrip())
    since, until = _bounds(cue.words, layers)
    attribution, _ = layers.statements.attribution_for(cue.predicate)
    value, words = vague_reading(c, doc) if is_vague(c, doc) else (c.value, c.text)
    return ReportedTotal(
        what=kind_of(c, cue.predicate) or "other", value=value, text=words,
        evidence=Evidence(text[start:end], start, end),
        qualifier="vague" if is_vague(c, doc) else c.qualifier,
        period=cue.words.text if cue.words is not None else None,
        since=since, until=until,
        place=layers.places.place_for(cue.predicate), attribution=attribution,
    )


def _bounds(words: Span | None, layers: Layers) -> tuple[str | None, str | None]:
    """since/until from a date inside the period's words: "since April 2023" runs to the
    published day, "in 2024" is that year."""
    if words is None:
        return None, None
    lo, hi = words.start_char, words.end_char
    inside = [m for m in layers.dates.mentions if lo <= m.start < hi and m.value is not None]
    if not inside:
        return None, None
    first = inside[0]
    if words[0].lower_ == "since":
        return first.value, layers.published
    return first.value, first.end_value or first.value
