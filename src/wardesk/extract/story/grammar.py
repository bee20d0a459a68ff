"""Reading the parse for the story stage: the trigger token of an event, the clauses an event's
words sit in, and where the cue words of data/story_cues.json stand in them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import ADVERBIAL_ATTACHMENTS, FRAMING_LINKS, SUBORDINATE_CLAUSES
from wardesk.extract.story.cues import cues
from wardesk.records import Event, content_id

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

# Words that may stand before a past adverbial ("two years ago", "several weeks ago").
_COUNT_WORDS = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                          "ten", "several", "few", "many", "some", "the", "just", "only", "about", "nearly"})


def trigger_of(event: Event, doc: Doc, article_id: str) -> Token | None:
    """The token an event was built on: its id is made from the article, the sentence start
    and the trigger's offset (events.py); the eventText's first word when that fails."""
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    if span is None:
        return None
    for tok in span:
        if content_id(article_id, event.evidence.start, tok.idx, event.event) == event.id:
            return tok
    first = event.eventText.split()[0] if event.eventText.split() else ""
    return next((t for t in span if t.text == first), None)


def words(tokens: Iterable[Token]) -> tuple[str, ...]:
    return tuple(t.lower_ for t in tokens)


def phrase_ending_at(tok: Token, phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The cue phrase whose last word is ``tok`` ("in retaliation for" ending at "for")."""
    doc = tok.doc
    for phrase in phrases:
        start = tok.i - len(phrase) + 1
        if start >= 0 and words(doc[start:tok.i + 1]) == phrase:
            return phrase
    return None


def matches_phrase(tokens: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """The words are a cue phrase, or one with a count before it ("two years ago")."""
    for phrase in phrases:
        if tokens == phrase:
            return True
        extra = len(tokens) - len(phrase)
        if 0 < extra <= 2 and tokens[extra:] == phrase and all(
                w in _COUNT_WORDS or w.isdigit() for w in tokens[:extra]):
            return True
    return False


def _participle(tok: Token) -> bool:
    """"…, killing one soldier": a participle clause with no subject or conjunction of its own
    tells the same event as the clause it hangs from."""
    return tok.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in tok.children)


def clause_chain(trigger: Token) -> list[Token]:
    """The trigger and the words whose modifiers are the event's own: a nominal's verb, the
    verb of a complement clause, up to a clause about something else (advcl, relcl, acl)."""
    chain = [trigger]
    tok = trigger
    for _ in range(8):
        if tok.dep_ not in FRAMING_LINKS or tok.head.i == tok.i:
            break
        if tok.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break  # a coordinated clause with its own subject is another event
        if tok.dep_ == "pobj" and phrase_ending_at(tok.head, cues().relational):
            break  # "after the talks": the talks are the relation's object, not its host
        if tok.dep_ == "advcl" and not _participle(tok):
            break
        tok = tok.head
        chain.append(tok)
    return chain


def modifiers(tok: Token) -> list[Token]:
    """The adverbial modifiers of one word: what may carry a time cue."""
    return [c for c in tok.children if c.dep_ in ADVERBIAL_ATTACHMENTS]




def own_tokens(head: Token) -> list[Token]:
    """A word's subtree without the clauses hanging in it (what modifies this clause only)."""
    skip: set[int] = set()
    for tok in head.subtree:
        if tok.i != head.i and tok.i not in skip and (
                tok.dep_ in SUBORDINATE_CLAUSES or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX"))):
            skip.update(t.i for t in tok.subtree)  # a clause anywhere below: another event's words
    return [t for t in head.subtree if t.i not in skip]


def _constituent(span: Span) -> bool:
    """The words form one phrase: only one of them has its head outside ("in the past" in
    "in the past 24 hours" does not: "past" modifies "hours")."""
    inside = {t.i for t in span}
    return sum(1 for t in span if t.head.i not in inside or t.head.i == t.i) == 1


def find_phrase(tokens: list[Token], phrases: tuple[tuple[str, ...], ...]) -> Span | None:
    """The first cue phrase standing as a whole phrase among ``tokens`` (contiguous runs)."""
    if not tokens:
        return None
    doc, present = tokens[0].doc, {t.i for t in tokens}
    for tok in tokens:
        for phrase in phrases:
            end = tok.i + len(phrase)
            if end <= len(doc) and all(i in present for i in range(tok.i, end)) \
                    and words(doc[tok.i:end]) == phrase and _constituent(doc[tok.i:end]) \
                    and (len(phrase) > 1 or not any(tok.children)):  # not "once and for all"
                return doc[tok.i:end]
    return None


def past_adverbial(trigger: Token) -> Span | None:
    """"last week", "earlier this month", "in recent years", "two years ago" on the event's
    own clause (not in a clause hanging from it)."""
    for tok in clause_chain(trigger):
        if tok.pos_ in ("VERB", "AUX") or tok is trigger:
            found = find_phrase(own_tokens(tok), cues().past_adverbials)
            if found is not None and not _after_since(found):
                return found
    return None


def _after_since(span: Span) -> bool:
    """"since last summer": the start of a period (the period rules read it; "the largest
    attack since last summer" is a ranking, and news)."""
    return span.start > 0 and span.doc[span.start - 1].lower_ == "since"


def _compared(tok: Token) -> bool:
    """"the second visit since taking office", "the deadliest since 2022", "for the first time
    since": a since-phrase that ranks, not a period the event runs over."""
    ranked = [tok, *tok.children]
    heads = [c for c in tok.children if c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")]
    heads += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    units = cues().period_units  # "in the last 15 months", "since last August": a period
    ranked += heads + [g for h in heads for g in h.children
                       if not ((h.lower_ in units or h.ent_type_ == "DATE")
                               and g.lower_ in ("last", "past"))]
    for word in ranked:
        if word.tag_ in ("JJS", "RBS") or word.ent_type_ == "ORDINAL" or word.lower_ in ("first", "last", "time"):
            return True
    return False


def since_phrase(verb: Token) -> Span | None:
    """A temporal "since" on a clause ("since the war began", "since 2009", "since taking office")."""
    if _compared(verb):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "since":
            return child.doc[child.i:child.right_edge.i + 1]
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
            past = child.tag_ in ("VBD", "VBN", "VBG") or any(a.lower_ in ("had", "has", "have") for a in child.children)
            if past:
                start = min(m.i for m in child.children if m.dep_ == "mark" and m.lower_ == "since")
                return child.doc[start:child.right_edge.i + 1]
    return None


def duration_phrase(verb: Token) -> Span | None:
    """"in 15 months", "over the past year", "during the war", "so far this year"."""
    c = cues()
    if _compared(verb):
        return None  # "their first talks in three years"
    for child in verb.children:
        span = child.doc[child.left_edge.i:child.right_edge.i + 1]
        if child.dep_ in ADVERBIAL_ATTACHMENTS and matches_phrase(words(span), c.period_words):
            return span
        if child.dep_ != "prep" or child.lower_ not in c.period_heads or child.lower_ == "since":
            continue
        for obj in (g for g in child.children if g.dep_ == "pobj"):
            counted = any(g.dep_ in ("nummod", "amod") or g.lower_ in ("last", "past", "recent") for g in obj.children)
            if obj.lower_ in c.period_units and counted:
                return span
            if child.lower_ in ("during", "throughout") and obj.lemma_.lower() in c.aggregate_nouns:
                return span
    return None


def period_phrase(trigger: Token) -> Span | None:
    """A period the event's clause runs over: since …, in N months, during the war."""
    for tok in clause_chain(trigger):
        found = since_phrase(tok) or duration_phrase(tok)
        if found is not None:
            return found
    return None


_SEQUENCE_WORDS = frozenset({"after", "following"})
_INTERVALS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades"})


def _sequenced(link: Token) -> bool:
    """"after"/"following" set an event before another only with a stretch of days between
    ("two weeks after", "a day after") or as what something "came after"/"follows"; a bare
    "after a strike that killed nine" (a caption, an arrest after an attack) may be the same
    day's news. Causes ("in retaliation for", "in response to") and "since" always do."""
    if link.lower_ not in _SEQUENCE_WORDS:
        return True
    clause = link.head if link.dep_ == "mark" else link  # "a day after drones struck": on "struck"
    if any(c.dep_ == "npadvmod" and c.lower_ in _INTERVALS for c in clause.children):
        return True
    host = clause.head
    return host.lemma_.lower() in ("come", "follow") or (host.dep_ == "npadvmod" and host.lower_ in _INTERVALS)


def relation_link(tok: Token) -> Token | None:
    """The relation word when ``tok`` is the object of one ("after <tok>", "in retaliation
    for <tok>", "since <tok> began", "follows <tok>"), else None."""
    c = cues()
    if tok.head.i == tok.i:
        return None
    if tok.dep_ in ("pobj", "pcomp") and phrase_ending_at(tok.head, c.relational):
        return tok.head
    if tok.dep_ == "advcl":
        mark = next((m for m in tok.children if m.dep_ == "mark" and phrase_ending_at(m, c.relational)), None)
        if mark is not None:
            return mark
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in c.relational_verbs:
        return tok.head
    return None


def prior_position(trigger: Token) -> Token | None:
    """The earlier event's head word (the relation's object) when the trigger names an earlier event another predicate is set
    against: "came after <it>", "in retaliation for <it>", "since <it> began", "follows <it>"
    (a relative clause on such a noun counts as the noun)."""
    tok = trigger
    for _ in range(12):
        link = relation_link(tok)
        if link is not None:
            return tok if _sequenced(link) else None
        if tok.dep_ in ("ROOT", "parataxis") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def relation_objects(sent: Span, but: frozenset[str] = frozenset()) -> list[frozenset[int]]:
    """The token sets of every earlier event a sentence sets another against (the object of
    "after", "in retaliation for", "since", "follows" ...), each with its relative clauses;
    ``but`` leaves out relations by their word."""
    out = []
    for tok in sent:
        link = relation_link(tok)
        if link is not None and link.lower_ not in but:
            out.append(frozenset(t.i for t in tok.subtree))
    return out


def apart(a: int, b: int, objects: list[frozenset[int]]) -> bool:
    """Tokens a and b name different events: one is inside an earlier event's words, the other not."""
    return any((a in obj) != (b in obj) for obj in objects)


def prior_modifier(trigger: Token) -> Token | None:
    """"a previous attack", "the last round of talks", "a similar law"."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c for c in trigger.children
                 if c.dep_ == "amod" and c.lower_ in cues().prior_modifiers), None)


def related_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of related-link lines: a line that starts "Also read:", "Related:",
    "Read more …", or the lines under a header line that is only such words."""
    prefixes = cues().related_prefixes
    out: list[tuple[int, int]] = []
    pos, under_header = 0, False
    for line in text.splitlines(keepends=True):
        body = line.strip().lower()
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if not body:
            under_header = False
            continue
        head = next((p for p in prefixes if body.startswith(p)), None)
        if head is not None and (len(body) == len(head) or not body[len(head)].isalnum()):
            out.append((start, end))
            under_header = body.rstrip(":").strip() == head.rstrip(":")
        elif under_header:
            out.append((start, end))
    return out
