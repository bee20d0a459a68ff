"""Quotation marks → quoted spans, at the character level (no parse needed).

Handles straight and curly double quotes, curly and straight single quotes (not apostrophes:
"it’s", "Russia’s", "soldiers’ families"), and quotes running over paragraphs, where a paragraph
leaves the quote open and the next re-opens it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT_SINGLE = "'"
OPEN_BEFORE = " \t\n([{—–-/:"  # characters after which a single quote can open
MAX_SINGLE = 400  # a single-quoted span longer than this is taken for apostrophes
# the characters the scanners act on; every other character is skipped by the regex engine
_DOUBLE_MARKS = re.compile(f"[{re.escape(DOUBLE_OPEN + DOUBLE_CLOSE + STRAIGHT_DOUBLE)}]")
_SINGLE_MARKS = {mark: re.compile(f"[\n{re.escape(mark)}]") for mark in
                 (SINGLE_OPEN + SINGLE_CLOSE, STRAIGHT_SINGLE)}


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted span: ``start``/``end`` are the offsets of the words inside the marks."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark (== end of the paragraph for an open-ended part)
    start: int
    end: int
    single: bool = False
    continues: bool = False  # re-opens a quote left open at the end of the previous paragraph
    open_ended: bool = False  # left open at the end of its paragraph, continued in the next

    def contains(self, offset: int) -> bool:
        return self.open <= offset <= self.close


def find_quotes(text: str) -> tuple[Quote, ...]:
    """Every quoted span in ``text``, in order; single-quoted spans inside double ones are kept."""
    doubles = _double_quotes(text)
    all_singles = _single_quotes(text)
    singles = [q for q in all_singles if not _inside_any(q, doubles)]
    nested = [q for q in all_singles if _inside_any(q, doubles)]
    return tuple(sorted([*doubles, *singles, *nested], key=lambda q: (q.open, -q.close)))


def outer_quotes(quotes: tuple[Quote, ...]) -> tuple[Quote, ...]:
    """The quotes not nested inside another quote."""
    return tuple(q for q in quotes if not _inside_any(q, [o for o in quotes if o is not q]))


def quoted_at(quotes: tuple[Quote, ...], start: int, end: int) -> bool:
    """Whether the text between ``start`` and ``end`` lies inside some quotation."""
    return any(q.start <= start and end <= q.end for q in quotes)


def _inside_any(q: Quote, others: list[Quote]) -> bool:
    return any(o.open < q.open and q.close < o.close for o in others)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _double_quotes(text: str) -> list[Quote]:
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    for n, (p_start, p_end) in enumerate(paragraphs):
        found, left_open = _scan_paragraph(text, p_start, p_end)
        quotes.extend(found)
        if left_open is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is not None and text[nxt[0]] in DOUBLE_OPEN + STRAIGHT_DOUBLE:
                quotes.append(_make(text, left_open, p_end, open_ended=True))
    return _link_continuations(quotes)


def _scan_paragraph(text: str, p_start: int, p_end: int) -> tuple[list[Quote], int | None]:
    found: list[Quote] = []
    opened: int | None = None
    for mark in _DOUBLE_MARKS.finditer(text, p_start, p_end):
        i, ch = mark.start(), mark.group()
        if ch in DOUBLE_OPEN or (ch == STRAIGHT_DOUBLE and opened is None):
            opened = i  # a second opener in a row: the first was unbalanced
        elif (ch in DOUBLE_CLOSE or ch == STRAIGHT_DOUBLE) and opened is not None:
            found.append(_make(text, opened, i))
            opened = None
    return found, opened


def _replace_continues(q: Quote) -> Quote:
    return Quote(q.open, q.close, q.start, q.end, q.single, True, q.open_ended)


def _link_continuations(quotes: list[Quote]) -> list[Quote]:
    """Mark each part after an open-ended part as continuing it."""
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: q.open):
        if out and out[-1].open_ended and not q.continues:
            q = _replace_continues(q)
        out.append(q)
    return out


def _make(text: str, open_: int, close: int, single: bool = False, open_ended: bool = False) -> Quote:
    start, end = open_ + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(open_, close, start, end, single=single, open_ended=open_ended)


def _single_quotes(text: str) -> list[Quote]:
    curly = SINGLE_OPEN in text
    opener = SINGLE_OPEN if curly else STRAIGHT_SINGLE
    closer = SINGLE_CLOSE if curly else STRAIGHT_SINGLE
    quotes: list[Quote] = []
    opened: int | None = None
    marks = _SINGLE_MARKS[opener + closer if curly else opener]
    for mark in marks.finditer(text):  # only newlines and the marks themselves can act
        i, ch = mark.start(), mark.group()
        if opened is not None and (ch == "\n" or i - opened > MAX_SINGLE):
            opened = None  # single quotes do not run over paragraphs
        if opened is None and ch == opener and _can_open(text, i):
            opened = i
        elif opened is not None and ch == closer and _can_close(text, i, opened):
            quotes.append(_make(text, opened, i, single=True))
            opened = None
    return quotes


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in OPEN_BEFORE or before in DOUBLE_OPEN + STRAIGHT_DOUBLE) and after.isalpha()


def _can_close(text: str, i: int, opened: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < len(text) else " "
    if i - opened < 2 or before.isspace() or after.isalnum():
        return False  # "it’s", "Russia’s", "’90s"
    # "the soldiers’ families": a plural possessive, not a close, when a word follows.
    rest = text[i + 1: i + 3]
    return not (before == "s" and rest[:1] == " " and rest[1:2].islower())
