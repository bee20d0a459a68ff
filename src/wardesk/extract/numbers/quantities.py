"""Numbers: casualties (dead, injured), crowd sizes and other counts ("337 drones"), each
found once per Doc and handed to the event whose clause or sentence holds it.

Conventions (also in data/numbers_lexicon.json): "more than N" → N at_least, "up to N" → N
at_most; "dozens" → 24 at_least, "hundreds" → 200 at_least, "a dozen" → 12 about. When an
event has several counts of one kind, the largest wins (a toll that "rose to 15" after "12").
Casualties go to violent events (kill/attack/strike… and their nouns) anywhere in the
sentence, to other events only inside their clause. A casualty sentence that refers back to
"the attack"/"the strike" (a definite event noun) lends its dead/injured to the violent event
of the sentence before it, when that one has none.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import SUBJECTS_AND_OBJECT, SUBORDINATE_CLAUSES
from wardesk.extract.layers import Counts, clause_verb
from wardesk.extract.lexicon import words
from wardesk.extract.numbers.parse import number_words, parse_amount, parse_number
from wardesk.nlp.normalise import column, flag_column
from wardesk.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["CountMention", "QuantityTableImpl", "find_quantities", "parse_number"]

_SKIP_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"})
_MAX_WORDS = 5  # the longest amount read as one: "three hundred and twenty five"


# Nouns that count ('a dozen', 'a handful').
_COUNT_NOUNS = words("numbers/quantities.json", "count_nouns")


# Words that make a number a casualty count.
_CASUALTY_WORDS = words("numbers/quantities.json", "casualty_words")


# Casualty words that count the dead.
_DEATH_WORDS = words("numbers/quantities.json", "death_words")


# Predicative casualty words ('left 3 dead').
_CASUALTY_STATES = words("numbers/quantities.json", "casualty_states")


# Nouns whose count is a crowd size.
_CROWD_NOUNS = words("numbers/quantities.json", "crowd_nouns")


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


@dataclass(frozen=True)
class QuantityTableImpl:
    doc: Doc
    counts: tuple[CountMention, ...] = ()

    @property
    def quantities(self) -> tuple[Quantity, ...]:
        return tuple(_as_quantity(c) for c in self.counts if c.kind == "other")

    def counts_for(self, trigger: Token) -> Counts:
        own = self._in_scope(trigger)
        kinds = {k: _total(self.doc, own, k) for k in ("dead", "injured", "size")}
        if kinds["dead"] is None and kinds["injured"] is None and _violent(trigger):
            later = self._referring_back(_sentence(trigger))
            kinds["dead"], kinds["injured"] = _total(self.doc, later, "dead"), _total(self.doc, later, "injured")
        others = tuple(_as_quantity(c) for c in own if c.kind == "other")
        return Counts(dead=kinds["dead"], injured=kinds["injured"], size=kinds["size"],
                      quantities=others)

    def _in_scope(self, trigger: Token) -> list[CountMention]:
        """Counts of the trigger's clause (a verb's subtree, plus the noun a relative-clause
        verb modifies; the sentence for a nominal trigger). A violent trigger also takes the
        casualties of its whole sentence, any trigger the crowd sizes."""
        sent = _sentence(trigger)
        in_sent = [c for c in self.counts if sent.start <= c.number < sent.end]
        if trigger.pos_ in ("VERB", "AUX"):
            clause = {t.i for t in trigger.subtree}
            if trigger.dep_ in ("relcl", "acl"):
                clause.add(trigger.head.i)
        else:
            host = clause_verb(trigger)
            clause = {t.i for t in (host or trigger).subtree}
        violent = _violent(trigger)

        def belongs(c: CountMention) -> bool:
            inside = c.noun in clause or c.number in clause
            if c.kind in ("dead", "injured"):
                return violent or _same_clause(self.doc[c.noun], trigger)
            return c.kind == "size" or inside

        return [c for c in in_sent if belongs(c)]

    def _referring_back(self, sent: Span) -> list[CountMention]:
        """Casualty counts of the next sentence when it points back with "the attack" to an
        attack this sentence names ("…the largest drone attack of the war. One person was
        killed as a result of the attack")."""
        if sent.end >= len(self.doc):
            return []
        following = [_sentence(self.doc[sent.end])]
        named = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        if not following or not (_referred_events(following[0]) & named):
            return []
        nxt = following[0]
        return [c for c in self.counts if nxt.start <= c.number < nxt.end
                and c.kind in ("dead", "injured")]


def _total(doc: Doc, counts: list[CountMention], kind: str) -> int | None:
    """Conjoined counts add up ("18 soldiers, three staff and five passengers were killed");
    separate ones do not, and the largest wins (a toll that "rose to 15" after "12")."""
    groups: dict[int, int] = {}
    for c in counts:
        if c.kind != kind:
            continue
        head = first_conjunct(doc[c.noun])
        groups[head.i] = groups.get(head.i, 0) + c.value
    return max(groups.values()) if groups else None




def _same_clause(token: Token, trigger: Token) -> bool:
    """True when ``token`` reaches ``trigger`` without crossing into another clause
    ("left nine dead and 30 wounded" yes; "condemned it, as eight were killed" no)."""
    node = token
    for _ in range(40):
        if node.i == trigger.i:
            return True
        if node.dep_ in SUBORDINATE_CLAUSES or node.head.i == node.i:
            return False
        node = node.head
    return False


def _violent(trigger: Token) -> bool:
    words = number_words()
    lemma = trigger.lemma_.lower()
    return (lemma in words.words("violence_verbs") or lemma in words.words("dead_verbs")
            or lemma in words.words("injured_verbs") or trigger.lower_ in words.words("event_nouns")
            or lemma in words.words("event_nouns"))


def _as_quantity(c: CountMention) -> Quantity:
    return Quantity(value=c.value, unit=c.unit, text=c.text, qualifier=c.qualifier)


def _referred_events(sent: Span) -> set[str]:
    """Event nouns the sentence refers back to with a definite article ("the attack")."""
    nouns = number_words().words("event_nouns")
    return {t.lemma_.lower() for t in sent
            if t.lower_ in nouns and any(d.lower_ in ("the", "this", "that") for d in t.children)}


def find_quantities(doc: Doc) -> QuantityTableImpl:
    counts: list[CountMention] = []
    free = 0  # the first token not yet inside an amount read
    for i in _amount_starts(doc):
        if i < free:
            continue
        found = _count_at(doc, i)
        if found is not None:
            counts.append(found)
            free = found.number + 1
    counted = {c.noun for c in counts}
    deps = column(doc, "dep")
    victims = (doc[i] for i, dep in enumerate(deps) if dep in SUBJECTS_AND_OBJECT and i not in counted)
    counts += [c for c in map(_one_victim, victims) if c is not None]
    counts.sort(key=lambda c: c.number)
    return QuantityTableImpl(doc=doc, counts=tuple(counts))


def _amount_starts(doc: Doc) -> list[int]:
    """Tokens where ``_count_at`` may find an amount (a number-like word, a unit or vague
    amount, "a"/"an", "no"), read off the Doc's columns: most tokens are none of these."""
    words = number_words()
    lowers, like_num = column(doc, "lower"), flag_column(doc, "like_num")
    return [i for i, low in enumerate(lowers)
            if like_num[i] or low in _AMOUNT_WORDS or low in words.units or low in words.vague]


_AMOUNT_WORDS = words("numbers/quantities.json", "amount_words")
_SINGULAR_PEOPLE = words("numbers/quantities.json", "singular_people")


def _one_victim(token: Token) -> CountMention | None:
    """One person killed or hurt with no number given: "a journalist has been killed", "he
    died", "killed the deputy chief" (PLOVER counts these as 1)."""
    if token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    person = (token.lower_ in _SINGULAR_PEOPLE or (token.tag_ == "NN" and token.lemma_.lower() in number_words().words("people_nouns"))
              or (token.tag_ == "NNP" and token.ent_type_ == "PERSON"))
    if not person:
        return None
    if any(c.dep_ in ("nummod", "conj") or c.lower_ in ("no", "every", "each") for c in token.children):
        return None
    kind = _casualty_by_verb(token)
    if kind is None:
        return None
    return CountMention(1, "exact", kind, token.lower_, token.text, token.i, token.i, token.i)


def _count_at(doc: Doc, i: int) -> CountMention | None:
    """The amount starting at token i, classified; None when none starts there."""
    tok = doc[i]
    if tok.lower_ == "no" and tok.dep_ == "det":
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
    kind = _kind(number, noun)
    if kind == "other" and (noun.i == number.i or (amount[0] == 1 and not number.is_digit)):
        return None  # a bare number that counts nothing we can name, or "one user"
    last = max(noun.i, end - 1)
    text = doc[first:last + 1].text
    return CountMention(amount[0], qualifier, kind, noun.lower_ if noun.i != number.i else kind,
                        text, first, end - 1, noun.i)


def _none_of(det: Token) -> CountMention | None:
    """"no passengers were killed": a casualty count of zero (other "no X" are not counts)."""
    noun = det.head
    kind = _kind(det, noun)
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
    if number.dep_ in ("nummod", "quantmod", "amod", "compound") and number.head.pos_ in ("NOUN", "PROPN"):
        head = number.head
        # "seven apartment buildings" parsed as counting "apartment": climb to the noun it
        # modifies; a plural ("100 passengers hostage") is already what is counted
        while head.dep_ == "compound" and head.tag_ == "NN" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i:
            head = head.head
        return head
    for child in number.children:
        if child.lower_ == "of" and child.i == number.i + 1 and number.lower_ != "one":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].lower_ not in ("the", "them", "those", "these"):
                return objects[0]
    exchanged = _exchanged(number)
    if exchanged is not None:
        return exchanged
    if number.dep_ in ("nsubj", "nsubjpass", "dobj", "conj", "pobj", "attr", "appos"):
        return number
    return None


_EXCHANGE_NOUNS = words("numbers/quantities.json", "exchange_nouns")


def _exchanged(number: Token) -> Token | None:
    """numbers.exchange_count: "a prisoner exchange of 1,000 each", "a hostage release of
    33": the amount counts the people the exchange is named after."""
    if number.dep_ != "pobj" or number.head.lower_ != "of":
        return None
    owner = number.head.head
    if owner.lemma_.lower() not in _EXCHANGE_NOUNS:
        return None
    return next((c for c in owner.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)


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


def _kind(number: Token, noun: Token) -> str:
    words = number_words()
    if noun.lower_ in words.words("dead_words"):
        return "dead"
    if noun.lower_ in ("injuries",):
        return "injured"
    for child in noun.children:
        if child.lower_ in ("dead",):
            return "dead"
        if child.lower_ in ("wounded", "injured") and child.i > noun.i:
            return "injured"
    phrase = number if noun.head.lower_ == "of" and noun.head.head.i == number.i else noun
    while phrase.dep_ == "conj" and phrase.head.i != phrase.i and phrase.head.pos_ in ("NOUN", "PROPN", "NUM"):
        phrase = phrase.head  # "12 soldiers and three civilians were killed": as the first
    if noun.lemma_.lower() in words.words("not_people") or noun.lower_ in words.words("not_people"):
        return "other"  # "millions of dogs are killed": not casualties
    casualty = (_casualty_by_verb(phrase) or _among_the_dead(phrase) or _bodies_of(phrase)
                or _harm_to(phrase))
    if casualty:
        return casualty
    if _is_crowd(number, noun) or (phrase is not noun and _is_crowd(number, phrase)):
        return "size"
    return "other"


def _casualty_by_verb(noun: Token) -> str | None:
    """dead/injured when the counted phrase is the victim of a killing or wounding verb, is
    left "dead"/"wounded", or is what a death toll rose to."""
    words = number_words()
    verb = noun.head
    toll = _toll_kind(noun)
    if toll is not None:
        return toll
    lemma = verb.lemma_.lower()
    kind = "dead" if lemma in words.words("dead_verbs") else "injured" if lemma in words.words("injured_verbs") else None
    if kind is None and verb.lower_ in _CASUALTY_WORDS:
        kind = "dead" if verb.lower_ in _DEATH_WORDS else "injured"
    if noun.dep_ in ("dobj", "nsubjpass"):
        for c in verb.children:  # "left 12 people dead", "eight were shot dead"
            if c.dep_ in ("oprd", "acomp", "xcomp") and c.lower_ in _CASUALTY_STATES:
                return "dead" if c.lower_ == "dead" else "injured"
    if kind is None or not _realised(verb):
        return None
    if noun.dep_ in ("nsubjpass", "dobj"):
        return kind
    # "two soldiers died", "three injured", "dozens killed": a subject with no object is the
    # victim; in an active "drones killed three" it is the weapon.
    if noun.dep_ == "nsubj" and not _has_object(verb):
        return kind
    return None


def _realised(verb: Token) -> bool:
    """False for a killing that did not (yet) happen: "tried to kill", "want to kill her",
    "could kill", "was not killed"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return True
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")}
    if aux & {"to", "would", "could", "might", "may", "will", "shall", "should", "can", "not", "n't", "never"}:
        return False
    return verb.tag_ != "VB"


def _among_the_dead(noun: Token) -> str | None:
    """"18 soldiers were among the dead / among those killed"."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return None
    for prep in (c for c in verb.children if c.lower_ == "among"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            words = {obj.lower_, *(c.lower_ for c in obj.children)}
            if words & {"dead", "killed"}:
                return "dead"
            if words & {"injured", "wounded"}:
                return "injured"
    return None


def _harm_to(noun: Token) -> str | None:
    """"injuries to eight personnel", "the deaths of 16 militants"."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in ("to", "of", "among"):
        return None
    owner = head.head.lower_
    words = number_words()
    if owner in ("death", "deaths", "killing", "killings"):
        return "dead"
    if owner in words.words("injured_words") or owner == "injury":
        return "injured"
    return None


def _bodies_of(noun: Token) -> str | None:
    """"the bodies of five troops and six civilians"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in ("body", "corpse"):
        return "dead"
    return None


_TOLL_NOUNS = words("numbers/quantities.json", "toll_nouns")
_TOLL_COUNT_NOUNS = words("numbers/quantities.json", "toll_count_nouns")
_COUNT_DEAD = words("numbers/quantities.json", "count_dead")
_COUNT_INJURED = words("numbers/quantities.json", "count_injured")


def _toll_kind(noun: Token) -> str | None:
    """numbers.toll_update: the amount a toll rose to / stands at / is, or was brought to
    ("the death toll rose to 45", "raising the toll to 14": dead), also when the toll is "the
    number of people killed" or "the number of injured" (by what the number counts)."""
    if noun.dep_ not in ("pobj", "attr"):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    # "the toll rose to 45", and "bringing / raising the toll to 14": the toll as the object
    owners = [verb, *[c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]]
    for owner in owners:
        if owner.lemma_.lower() in _TOLL_NOUNS:
            return "dead"
        if owner.lemma_.lower() in _TOLL_COUNT_NOUNS and owner.i != noun.i:
            counted = _counted_by(owner)
            if counted is not None:
                return counted
    return None


def _counted_by(owner: Token) -> str | None:
    """What "the number of …" counts: the dead ("of dead", "of people killed") or the
    injured ("of wounded", "of people injured"); None for anything else."""
    for prep in (c for c in owner.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            said = {obj.lower_, *(c.lower_ for c in obj.children if c.dep_ in ("acl", "amod"))}
            if said & _COUNT_DEAD:
                return "dead"
            if said & _COUNT_INJURED:
                return "injured"
    return None


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "obj") for c in verb.children)


def _is_crowd(number: Token, noun: Token) -> bool:
    """The size of an event, as PLOVER counts it: a crowd ("5,000 protesters", "a crowd of
    5,000"), the people who demonstrate, strike or rally ("up to 100 Albanians
    demonstrated"), or the people an arrest, deportation or expulsion takes ("deported 168
    Liberians")."""
    words = number_words()
    if noun.lower_ in words.words("crowd_nouns") or noun.lemma_.lower() in words.words("crowd_nouns"):
        return True
    if number.dep_ == "pobj" and number.head.lower_ == "of":
        owner = number.head.head
        if owner.lower_ in _CROWD_NOUNS:
            return True
    verb = noun.head
    lemma = verb.lemma_.lower()
    if noun.dep_ == "nsubj" and lemma in words.words("crowd_verbs"):
        return True
    if noun.dep_ == "nsubj" and lemma in _STAGING and _protest_object(verb):
        return True  # "thousands of students staged demonstrations"
    return noun.dep_ in ("dobj", "nsubjpass") and lemma in words.words("taken_verbs")


_STAGING = words("numbers/quantities.json", "staging")


def _protest_object(verb: Token) -> bool:
    crowd = number_words().words("protest_nouns")
    return any(c.dep_ == "dobj" and c.lemma_.lower() in crowd for c in verb.children)


def _sentence(token: Token) -> Span:
    """The token's sentence; the whole Doc when it has no sentence boundaries."""
    doc = token.doc
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return token.sent
    return doc[:]
