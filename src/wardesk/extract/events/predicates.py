"""The predicate lexicon (data/events_lexicon.tsv) and the matcher that finds event predicates
in a parsed sentence: verbs, phrasal verbs, light-verb + noun pairs and nominal predicates."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from wardesk.extract.grammar.frames import speech_verbs
from wardesk.extract.grammar.labels import (
    ATTRIBUTIVE_MODIFIERS,
    NOMINALS,
    OBJECT_OR_ATTRIBUTE,
    PARTICLE_POSITIONS,
    PASSIVE_SUBJECT,
)
from wardesk.extract.grammar.syntax import asking_noun_before, reduced_passive
from wardesk.extract.grammar.syntax import is_passive as _is_passive
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.extract.lexicon import data_file, words
from wardesk.nlp.normalise import column

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from spacy.tokens import Span, Token

LEXICON_PATH = data_file("events_lexicon.tsv")


@dataclass(frozen=True, slots=True)
class Predicate:
    """One lexicon entry: what a word or phrase means as an event."""

    kind: str  # verb | phrasal | light | noun
    phrase: str
    event: str
    mode: str | None
    context: tuple[str, ...]
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Match:
    """A predicate found in a sentence. ``trigger`` is the verb (or the noun of a nominal
    predicate); ``noun`` the event noun of a light verb or nominal predicate; ``words`` the
    tokens of the trigger phrase, in order."""

    predicate: Predicate
    trigger: Token
    words: tuple[Token, ...]
    noun: Token | None = None


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Predicate]
    phrasal: dict[str, Predicate]
    light: dict[str, Predicate]
    nouns: dict[str, Predicate]
    veto: frozenset[str] = frozenset()
    things: frozenset[str] = frozenset()
    veto_nouns_only: frozenset[str] = frozenset()  # vetoes whose verb is violent ("stormed a hotel")

    def __len__(self) -> int:
        return len(self.verbs) + len(self.phrasal) + len(self.light) + len(self.nouns)


@lru_cache(maxsize=2)
def load_lexicon(path: Traversable = LEXICON_PATH) -> Lexicon:
    tables: dict[str, dict[str, Predicate]] = {"verb": {}, "phrasal": {}, "light": {}, "noun": {}, "veto": {},
                                             "thing": {}}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + [""] * 6)[:6]
        kind, phrase, event, mode, context, flags = (c.strip() for c in cols)
        if kind in ("veto", "thing"):
            tables[kind][phrase] = Predicate(kind, phrase, "", None, (), frozenset(f for f in flags.split(",") if f))
            continue
        if kind == "light" and phrase.endswith("s") and not phrase.endswith("ss"):
            # light entries are matched on the object's lemma: "hold talks" → "hold talk"
            tables[kind][phrase[:-1]] = Predicate(
                kind, phrase, event, mode or None,
                tuple(c for c in context.split(";") if c),
                frozenset(f for f in flags.split(",") if f),
            )
        tables[kind][phrase] = Predicate(
            kind, phrase, event, mode or None,
            tuple(c for c in context.split(";") if c),
            frozenset(f for f in flags.split(",") if f),
        )
    return Lexicon(tables["verb"], tables["phrasal"], tables["light"], tables["noun"],
                   frozenset(tables["veto"]), frozenset(tables["thing"]),
                   frozenset(w for w, p in tables["veto"].items() if "noun_only" in p.flags))


def _noun_lemma(token: Token) -> str:
    lemma = _lemma(token)
    # The small model sometimes leaves plurals unlemmatised ("talks", "sanctions").
    if lemma.endswith("s") and lemma[:-1] in load_lexicon().nouns:
        return lemma[:-1]
    if lemma == "talks":
        return "talk"
    return lemma


def _objects(verb: Token) -> list[Token]:
    """Noun objects, and sums of money ("provided $1.5 million")."""
    return [c for c in verb.children if c.dep_ in OBJECT_OR_ATTRIBUTE
            and (c.pos_ in ("NOUN", "PROPN") or c.ent_type_ == "MONEY")]


def _clause_marks(verb: Token) -> list[Token]:
    """A "for" right after the verb that the parser hung on the following clause: "called
    for the Taliban to lift the ban" is "call for" with a clause as its object."""
    return [m for c in verb.children if c.dep_ in ("advcl", "xcomp", "ccomp")
            for m in c.children if m.dep_ == "mark" and m.lower_ == "for" and m.i == verb.i + 1]


def _match_verb(verb: Token, lex: Lexicon) -> Match | None:
    lemma = _lemma(verb)
    particles = [c for c in verb.children if c.dep_ in PARTICLE_POSITIONS and not _dated(c)]
    particles += _clause_marks(verb)
    objects = _objects(verb)
    for prt in particles:
        if prt.dep_ != "prt":
            continue
        for obj in objects:
            key = f"{lemma} {prt.lower_} {_noun_lemma(obj)}"
            if key in lex.light:
                return Match(lex.light[key], verb, (verb, prt, obj), obj)
    # "called off the strike": the particle verb's meaning wins over "call" + "strike"
    bound = any(p.dep_ == "prt" and f"{lemma} {p.lower_}" in lex.phrasal for p in particles)
    for obj in objects + _passive_objects(verb) if not bound else []:
        named = _named_noun(obj, lex)
        if named is not None:  # "launched cyber attacks": the kind of attack decides
            return Match(named, verb, (verb, obj), obj)
        key = f"{lemma} {_noun_lemma(obj)}"
        if key in lex.light:
            return Match(lex.light[key], verb, (verb, obj), obj)
        compound = [c for c in obj.children if c.dep_ in ("compound", "amod")]
        for mod in compound:  # "declare martial law", "ended mediation efforts"
            for key in (f"{lemma} {mod.lower_} {_noun_lemma(obj)}", f"{lemma} {mod.lower_}"):
                if key in lex.light:
                    return Match(lex.light[key], verb, (verb, mod, obj), obj)
    complement = _complement_match(verb, lemma, lex)
    if complement is not None:
        return complement
    for prt in particles:
        key = f"{lemma} {prt.lower_}"
        if key in lex.phrasal and _flags_allow(lex.phrasal[key], verb, objects, lex):
            if _audience_only(verb, prt, lex.phrasal[key]):
                return None
            return Match(lex.phrasal[key], verb, tuple(sorted((verb, prt), key=lambda t: t.i)))
    pred = lex.verbs.get(lemma)
    offered = _offered_meeting(verb, lemma, lex, "pcomp") if pred is not None else None
    if offered is not None:
        return offered  # "open to negotiating": a willingness to meet
    if pred is None:
        for obj in objects:  # "announced sanctions": the noun alone names the event
            if f"* {_noun_lemma(obj)}" in lex.light:
                return Match(lex.light[f"* {_noun_lemma(obj)}"], verb, (verb, obj), obj)
        return _must_request(verb)
    if not _flags_allow(pred, verb, objects, lex):
        return None
    if "reciprocal" in pred.flags and not _reciprocal(verb):
        return None
    if "asked_someone" in pred.flags and _question(verb):
        return None  # "…, she asked": a question, not a request
    if "named_object" in pred.flags and not _phoned(verb, objects):
        return None  # "called the move a provocation" names, it does not phone
    return Match(pred, verb, (verb,))


def _passive_objects(verb: Token) -> list[Token]:
    """A passive's subject is the object a light verb takes ("their demands are met": meet demand)."""
    if not _is_passive(verb):
        return []
    return [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT and c.pos_ in NOMINALS]


def _modifiers(noun: Token) -> list[Token]:
    """Left modifiers of a noun, nearest first ("joint military exercise": military, joint)."""
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod") and noun.i - 4 < c.i < noun.i]
    return sorted(mods, key=lambda t: -t.i)


def _named_noun(obj: Token, lex: Lexicon) -> Predicate | None:
    """An object whose modifier makes a different event of it ("cyber attack" is COERCE, not
    the ASSAULT of "launch attack"), as a verb + noun predicate."""
    plain = lex.nouns.get(_noun_lemma(obj))
    for mod in _modifiers(obj):
        pred = lex.nouns.get(f"{mod.lower_} {_noun_lemma(obj)}")
        if pred is not None and plain is not None and pred.event != plain.event:
            return Predicate("light", pred.phrase, pred.event, pred.mode, pred.context, pred.flags)
    return None


def _complement_match(verb: Token, lemma: str, lex: Lexicon) -> Match | None:
    """Verb + complement entries: "found X guilty", "held X responsible" (light "find guilty"),
    and verb + preposition + noun ("remained on alert": light "remain on alert")."""
    for c in verb.children:
        if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.pos_ == "ADJ":
            key = f"{lemma} {c.lower_}"
            if key in lex.light:
                return Match(lex.light[key], verb, (verb, c))
        if c.dep_ == "prep":
            for pobj in c.children:
                key = f"{lemma} {c.lower_} {_noun_lemma(pobj)}"
                if pobj.dep_ == "pobj" and key in lex.light:
                    return Match(lex.light[key], verb, (verb, c, pobj))
    return None


_WH_TAGS = {"WDT", "WP", "WP$", "WRB"}


def _question(verb: Token) -> bool:
    """"What … ?, she asked", "asked whether …": the verb reports a question."""
    if any(c.dep_ in ("dobj", "dative", "xcomp", "nsubjpass") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "ccomp":
            words = list(c.subtree)
            return any(t.tag_ in _WH_TAGS or t.text == "?" or t.lower_ in ("whether", "if") for t in words)
    return True


def _phoned(verb: Token, objects: list[Token]) -> bool:
    """"called the president", "received the envoy": an active verb whose object is a named
    person or body, not "called X a liar", "were called as witnesses" or "called elections"."""
    if _is_passive(verb) or any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr") or c.lower_ == "as"
                                for c in verb.children):
        return False
    return any(o.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for o in objects)


def _dated(prep: Token) -> bool:
    """"called X on Wednesday": a date after the preposition is no bound preposition."""
    return prep.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _flags_allow(pred: Predicate, verb: Token, objects: list[Token], lex: Lexicon) -> bool:
    """The entry's "object" and "not_thing" conditions; a passive's subject is its object
    ("no evidence has been released" releases nobody)."""
    if pred.event not in ("AID", "AGREE"):  # a sum is an object only of giving ("trade hit $1 billion")
        objects = [o for o in objects if o.ent_type_ != "MONEY"]
    passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if reduced_passive(verb):
        passive_subjects.append(verb.head)
    if "object" in pred.flags and not objects and not _is_passive(verb):
        return False
    things = any(_noun_lemma(o) in lex.things for o in objects + passive_subjects)
    return not ("not_thing" in pred.flags and things)


# Listeners of a statement, not parties to a consultation ("speaking to reporters").
_AUDIENCES = words("events/predicates.json", "audiences")
# Named things that contain an event word ("the Organization for Economic Cooperation").
_NAME_ENTS = {"ORG", "WORK_OF_ART", "LAW", "FAC", "EVENT", "PRODUCT"}


def _audience_only(verb: Token, prt: Token, pred: Predicate) -> bool:
    if pred.event != "CONSULT" or prt.dep_ != "prep":
        return False
    heads = [c for c in prt.children if c.dep_ == "pobj"]
    return bool(heads) and all(_noun_lemma(h) in _AUDIENCES for h in heads)


# Verbs that report an obligation put on someone else: "said X must withdraw" is a REQUEST.
_DEMAND_SPEECH = speech_verbs("demand_reports")
_OBLIGATION = words("events/predicates.json", "obligation")
_COGNITION = words("events/predicates.json", "cognition")
MUST_REQUEST = Predicate("verb", "say … must", "REQUEST", None, ())


def _must_request(verb: Token) -> Match | None:
    if _lemma(verb) not in _DEMAND_SPEECH:
        return None
    for comp in verb.children:
        if comp.dep_ != "ccomp":
            continue
        auxes = {c.lower_ for c in comp.children if c.dep_ in ("aux", "auxpass")}
        subjects = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "X must withdraw" puts an obligation on X; "we must", "it should be seen" do not
        if not subjects or not (subjects[0].pos_ in ("NOUN", "PROPN") or subjects[0].lower_ in ("you", "they")):
            continue
        if _noun_lemma(subjects[0]) in load_lexicon().nouns:
            continue  # "talks must continue": an obligation on an event, not on a party
        if _lemma(comp) in _COGNITION:
            continue  # "the insurgents should know that …": a warning, not a demand
        if auxes & _OBLIGATION and not auxes & {"have", "'ve"}:  # "must have given": a guess
            return Match(MUST_REQUEST, verb, (verb,))
    return None


_PAIR_SUBJECTS = words("events/predicates.json", "pair_subjects")


def _reciprocal(verb: Token) -> bool:
    """"the pair spoke", "the two leaders talked": a talk verb with two parties as subject
    (not "as we speak", a time clause)."""
    if any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ == "nsubj" and (
            c.lower_ in _PAIR_SUBJECTS or any(g.dep_ == "conj" for g in c.children)
            or any(g.lower_ in ("two", "both") for g in c.children)
        ):
            return True
    return False


def _match_noun(noun: Token, lex: Lexicon) -> Match | None:
    if noun.dep_ in ATTRIBUTIVE_MODIFIERS or noun.ent_type_ in _NAME_ENTS:
        return None
    lemma = _noun_lemma(noun)
    offered = _offered_meeting(noun, lemma, lex)
    if offered is not None:
        return offered
    for mod in _modifiers(noun):
        key = f"{mod.lower_} {lemma}"
        if key in lex.nouns:
            return Match(lex.nouns[key], noun, (mod, noun), noun)
    pred = lex.nouns.get(lemma)
    if pred is None:
        return None
    if lemma == "call" and (any(c.lower_ in ("for", "to") for c in noun.children) or _asks_clause(noun)):
        pred = Predicate("noun", "call for", "REQUEST", None, ())
    return Match(pred, noun, (noun,), noun)


def _asks_clause(noun: Token) -> bool:
    """"calls in Congress to impose …": an infinitive after the noun's phrase, hung elsewhere."""
    sent = noun.sent
    for t in sent[noun.i - sent.start + 1:]:
        asking = asking_noun_before(t) if t.pos_ == "VERB" else None
        if asking is not None and asking.i == noun.i:
            return True
    return False


def _offered_meeting(noun: Token, lemma: str, lex: Lexicon, dep: str = "pobj") -> Match | None:
    """"open for dialogue", "ready for talks", "open to negotiating": a willingness to meet
    (PLOVER AGREE), not a meeting held; the lexicon's light entries "<adjective> <preposition>
    <noun or verb>" say which."""
    prep = noun.head
    if noun.dep_ != dep or prep.dep_ != "prep" or prep.head.pos_ != "ADJ":
        return None
    adjective = prep.head
    key = f"{adjective.lower_} {prep.lower_} {lemma}"
    if key not in lex.light:
        return None
    return Match(lex.light[key], noun, (adjective, prep, noun), noun)


def disaster_sentence(sent: Span) -> bool:
    """A sentence about a storm, quake or accident: its casualties are not an attack's."""
    lex = load_lexicon()
    lemmas, lowers, pos = column(sent.doc, "lemma_lower"), column(sent.doc, "lower"), column(sent.doc, "pos")
    for i in range(sent.start, sent.end):
        word = lemmas[i] or lowers[i]
        if word in lex.veto and not (word in lex.veto_nouns_only and pos[i] == "VERB"):
            return True
    return False


def match_sentence(sent: Span) -> list[Match]:
    """Every predicate in the sentence; a noun already used by a light verb is not repeated."""
    lex = load_lexicon()
    matches: list[Match] = []
    used: set[int] = set()
    doc = sent.doc
    pos, deps = column(doc, "pos"), column(doc, "dep")  # columns: no Token for the others
    for i in range(sent.start, sent.end):
        if pos[i] == "VERB" and deps[i] not in ("amod", "compound"):
            m = _match_verb(doc[i], lex)
            if m is not None:
                matches.append(m)
                used.update(t.i for t in m.words)
    for i in range(sent.start, sent.end):
        if pos[i] in ("NOUN", "PROPN") and i not in used:
            m = _match_noun(doc[i], lex)
            if m is not None:
                matches.append(m)
    return sorted(matches, key=lambda m: m.trigger.i)
