"""Amounts in a Doc: where one starts, how far it reads ("three hundred and twenty five"), the
qualifier before it ("at least"), the noun it counts ("337 *drones*", "dozens of *people*"), and
one person killed or hurt with no number ("a journalist was killed": 1). What kind of count it
is (dead, injured, a crowd's size, other) is ``casualties.count_kind``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.grammar.labels import (
    ADJECTIVAL_MODIFIER,
    APPOSITION,
    ATTRIBUTE,
    CONJUNCT,
    DETERMINER,
    MODIFIER_NOUN,
    NOMINALS,
    NUMERIC_MODIFIER,
    OBJECT,
    PREP_OBJECT,
    QUANTIFIER_MODIFIER,
    SUBJECTS,
    SUBJECTS_AND_OBJECT,
)
from wardesk.extract.grammar.shapes import is_prep_object, prep_governor
from wardesk.extract.lexicon import words
from wardesk.extract.numbers.casualties import casualty_by_verb, count_kind
from wardesk.extract.numbers.parse import number_words, parse_amount
from wardesk.nlp.normalise import column, flag_column

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SKIP_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"})
_MAX_WORDS = 5  # the longest amount read as one: "three hundred and twenty five"
# Nouns that count ('a dozen', 'a handful').
_COUNT_NOUNS = words("numbers/quantities.json", "count_nouns")
_AMOUNT_WORDS = words("numbers/quantities.json", "amount_words")
_SINGULAR_PEOPLE = words("numbers/quantities.json", "singular_people")
_EXCHANGE_NOUNS = words("numbers/quantities.json", "exchange_nouns")
_OF = frozenset({"of"})
# How an amount hangs on the noun it counts ("*337* drones", "*two dozen* people").
_COUNTING_LINKS = NUMERIC_MODIFIER | QUANTIFIER_MODIFIER | ADJECTIVAL_MODIFIER | MODIFIER_NOUN
# Where a bare amount stands for the people it counts ("*three* were injured").
_STANDING_ALONE = SUBJECTS | OBJECT | CONJUNCT | PREP_OBJECT | ATTRIBUTE | APPOSITION


@dataclass(frozen=True, slots=True)
class CountMention:
    """One amount in the Doc and what it counts."""

    value: int
    qualifier: str
    kind: str  # dead | injured | size | other
    unit: str
    text: str
    first: int  # token index where the phrase starts (qualifier included)
    number: int  # token index of the amount's last word
    noun: int  # token index of the counted noun (== number when elliptic: "three injured")


def _amount_starts(doc: Doc) -> list[int]:
    """Tokens where ``_count_at`` may find an amount (a number-like word, a unit or vague
    amount, "a"/"an", "no"), read off the Doc's columns: most tokens are none of these."""
    words = number_words()
    lowers, like_num = column(doc, "lower"), flag_column(doc, "like_num")
    return [i for i, low in enumerate(lowers)
            if like_num[i] or low in _AMOUNT_WORDS or low in words.units or low in words.vague]

def _one_victim(token: Token) -> CountMention | None:
    """One person killed or hurt with no number given: "a journalist has been killed", "he
    died", "killed the deputy chief" (PLOVER counts these as 1)."""
    if token.dep_ not in SUBJECTS_AND_OBJECT:
        return None
    person = (token.lower_ in _SINGULAR_PEOPLE or (token.tag_ == "NN" and token.lemma_.lower() in number_words().words("people_nouns"))
              or (token.tag_ == "NNP" and token.ent_type_ == "PERSON"))
    if not person:
        return None
    if any(c.dep_ in NUMERIC_MODIFIER | CONJUNCT or c.lower_ in ("no", "every", "each") for c in token.children):
        return None
    kind = casualty_by_verb(token)
    if kind is None:
        return None
    return CountMention(1, "exact", kind, token.lower_, token.text, token.i, token.i, token.i)

def _count_at(doc: Doc, i: int) -> CountMention | None:
    """The amount starting at token i, classified; None when none starts there."""
    tok = doc[i]
    if tok.lower_ == "no" and tok.dep_ in DETERMINER:
        return _none_of(tok)
    if tok.ent_type_ in _SKIP_ENTS or not _may_start_amount(tok):
        return None
    end = _amount_end(doc, i)
    if end is None:
        return None
    amount = parse_amount(doc[i:end].text)
    if amount is None:
        return None
    number = doc[i:end].root  # "two dozen": "two" carries the amount's relation
    noun = _counted_noun(number)
    if noun is None or noun.lower_ in number_words().words("not_counts"):
        return None
    first, qualifier = _qualifier_before(doc, i, amount[1])
    kind = count_kind(number, noun)
    if kind == "other" and (noun.i == number.i or (amount[0] == 1 and not number.is_digit)):
        return None  # a bare number that counts nothing we can name, or "one user"
    last = max(noun.i, end - 1)
    text = doc[first:last + 1].text
    return CountMention(amount[0], qualifier, kind, noun.lower_ if noun.i != number.i else kind,
                        text, first, end - 1, noun.i)

def _none_of(det: Token) -> CountMention | None:
    """"no passengers were killed": a casualty count of zero (other "no X" are not counts)."""
    noun = det.head
    kind = count_kind(det, noun)
    if kind not in ("dead", "injured"):
        return None
    return CountMention(0, "exact", kind, noun.lower_, det.doc[det.i:noun.i + 1].text,
                        det.i, noun.i, noun.i)

def _may_start_amount(tok: Token) -> bool:
    words = number_words()
    low = tok.lower_
    if low in ("a", "an"):
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return nxt is not None and nxt.lower_ in _COUNT_NOUNS
    if tok.is_digit and len(tok.text) == 4 and 1900 <= int(tok.text) <= 2100:
        return False  # a year
    return bool(tok.like_num) or low in words.units or low in words.vague

def _amount_end(doc: Doc, i: int) -> int | None:
    """The end (exclusive) of the longest run of tokens from i that reads as one amount."""
    for end in range(min(len(doc), i + _MAX_WORDS), i, -1):
        if doc[end - 1].lower_ in ("-", "and", "of", "a"):
            continue
        if parse_amount(doc[i:end].text) is not None:
            return end
    return None

def _counted_noun(number: Token) -> Token | None:
    """What the amount counts: its head noun ("337 drones"), the object of "of" ("dozens of
    people"), or the number itself when it stands for people ("three injured")."""
    if number.dep_ in _COUNTING_LINKS and number.head.pos_ in NOMINALS:
        head = number.head
        # "seven apartment buildings" parsed as counting "apartment": climb to the noun it
        # modifies; a plural ("100 passengers hostage") is already what is counted
        while head.dep_ in MODIFIER_NOUN and head.tag_ == "NN" and head.head.pos_ in NOMINALS and head.head.i > head.i:
            head = head.head
        return head
    for child in number.children:
        if child.lower_ == "of" and child.i == number.i + 1 and number.lower_ != "one":
            objects = [g for g in child.children if g.dep_ in PREP_OBJECT]
            if objects and objects[0].lower_ not in ("the", "them", "those", "these"):
                return objects[0]
    exchanged = _exchanged(number)
    if exchanged is not None:
        return exchanged
    if number.dep_ in _STANDING_ALONE:
        return number
    return None

def _exchanged(number: Token) -> Token | None:
    """numbers.exchange_count: "a prisoner exchange of 1,000 each", "a hostage release of
    33": the amount counts the people the exchange is named after."""
    owner = prep_governor(number) if is_prep_object(number, _OF) else None
    if owner is None or owner.lemma_.lower() not in _EXCHANGE_NOUNS:
        return None
    return next((c for c in owner.children if c.dep_ in MODIFIER_NOUN and c.pos_ == "NOUN"), None)

def _qualifier_before(doc: Doc, i: int, own: str) -> tuple[int, str]:
    """The qualifier words just before token i ("at least", "more than", "about")."""
    for width in (3, 2, 1):
        if i - width < 0:
            continue
        phrase = doc[i - width:i].text.lower()
        found = number_words().qualifiers.get(phrase)
        if found:
            return i - width, found
    return i, own
