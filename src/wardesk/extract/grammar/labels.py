"""The dependency labels the grammar tests read, named once, per label SCHEME.

spaCy's English pipelines label with ClearNLP's set (``nsubjpass``, ``dobj``, ``prep`` → ``pobj``,
``agent``, ``auxpass``, ``neg`` …); the French (``fr_core_news_md``) and Russian (natasha) parsers
label with Universal Dependencies (``nsubj:pass``, ``obj``, ``obl`` with a ``case`` child,
``obl:agent``, ``aux:pass``, negation as ``advmod`` with ``Polarity=Neg`` …).

Two layers:
- ``LabelScheme``: the labels of each role in one parser's set (``CLEARNLP``, ``UD``), chosen for a
  Doc by ``scheme_of`` (its language, or ``doc.user_data["label_scheme"]``, or
  ``scheme_for_labels`` on a pipeline's label set). The tests whose trees differ in SHAPE, not only
  in names (prepositional objects, the passive agent, negation, copulas), live in
  ``grammar.shapes`` and read these.
- Module-level role names (``SUBJECT``, ``OBJECT``, ``PREP_OBJECT``…): frozensets usable in any
  rule (``tok.dep_ in OBJECT``). Each is the role's ClearNLP labels plus the UD labels that ClearNLP
  does not use, so an English parse reads exactly what it read before and a UD parse finds its
  own labels where the two trees have the same shape. A UD label that ClearNLP uses for something
  else (``case``, ``nmod``) is left out of the union: ask the scheme for it.

Test membership with ``in``: every role name is a set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

Labels = frozenset[str]

# Every label spaCy's English (ClearNLP) parser assigns.
CLEARNLP_LABELS: Labels = frozenset({
    "ROOT", "acl", "acomp", "advcl", "advmod", "agent", "amod", "appos", "attr", "aux", "auxpass", "case",
    "cc", "ccomp", "compound", "conj", "csubj", "csubjpass", "dative", "dep", "det", "dobj", "expl", "intj",
    "mark", "meta", "neg", "nmod", "npadvmod", "nsubj", "nsubjpass", "nummod", "oprd", "parataxis", "pcomp",
    "pobj", "poss", "preconj", "predet", "prep", "prt", "punct", "quantmod", "relcl", "xcomp"})


@dataclass(frozen=True)
class LabelScheme:
    """The labels of each grammatical role in one parser's label set. An empty set: the scheme
    has no such label (UD has no ``prep``: the preposition is a ``case`` child of its noun)."""

    name: str
    root: Labels
    subject: Labels
    passive_subject: Labels
    clausal_subject: Labels
    object: Labels
    indirect_object: Labels
    preposition: Labels  # a preposition heading its object (ClearNLP "prep", "dative" "to")
    prep_object: Labels  # the object under a preposition (ClearNLP) / the oblique noun (UD)
    case_marker: Labels  # the preposition as the noun's child (UD "case")
    passive_agent: Labels  # ClearNLP "agent" (the "by" word) / UD "obl:agent" (the noun)
    aux: Labels
    passive_aux: Labels
    copula: Labels
    negation: Labels
    mark: Labels
    adverbial_clause: Labels
    clausal_modifier: Labels
    relative_clause: Labels
    clausal_complement: Labels
    open_complement: Labels
    prep_complement: Labels
    attribute: Labels  # a predicate nominal under the copula ("was *the target*")
    adjectival_complement: Labels  # "is *ready*"
    object_predicate: Labels  # "left three *dead*"
    conjunct: Labels
    coordinator: Labels
    apposition: Labels
    modifier_noun: Labels  # "*rebel* forces", "*Gaza* ceasefire"
    adjectival_modifier: Labels
    noun_modifier: Labels
    possessor: Labels
    numeric_modifier: Labels
    quantifier_modifier: Labels
    noun_adverbial: Labels  # "two years *ago*", "*Tuesday*" as an adverb
    temporal_modifier: Labels
    adverbial_modifier: Labels
    determiner: Labels
    particle: Labels
    parataxis: Labels
    punct: Labels
    expletive: Labels
    infinitive: Labels = field(default=frozenset())  # the infinitive's "to" (ClearNLP aux, UD mark)
    participle_tags: Labels = field(default=frozenset())  # fine tags of a past participle
    predeterminer: Labels = field(default=frozenset())  # "*all* the troops" (UD: a plain det)
    possessive_marker: Labels = field(default=frozenset())  # the "'s" of "Russia*'s* army" (ClearNLP case)


CLEARNLP = LabelScheme(
    name="clearnlp", root=frozenset({"ROOT"}), subject=frozenset({"nsubj"}),
    passive_subject=frozenset({"nsubjpass"}), clausal_subject=frozenset({"csubj"}),
    object=frozenset({"dobj"}), indirect_object=frozenset({"dative"}),
    preposition=frozenset({"prep"}), prep_object=frozenset({"pobj"}), case_marker=frozenset(),
    passive_agent=frozenset({"agent"}), aux=frozenset({"aux"}), passive_aux=frozenset({"auxpass"}),
    copula=frozenset(), negation=frozenset({"neg"}), mark=frozenset({"mark"}),
    adverbial_clause=frozenset({"advcl"}), clausal_modifier=frozenset({"acl"}),
    relative_clause=frozenset({"relcl"}), clausal_complement=frozenset({"ccomp"}),
    open_complement=frozenset({"xcomp"}), prep_complement=frozenset({"pcomp"}),
    attribute=frozenset({"attr"}), adjectival_complement=frozenset({"acomp"}),
    object_predicate=frozenset({"oprd"}), conjunct=frozenset({"conj"}), coordinator=frozenset({"cc"}),
    apposition=frozenset({"appos"}), modifier_noun=frozenset({"compound"}),
    adjectival_modifier=frozenset({"amod"}), noun_modifier=frozenset({"nmod"}),
    possessor=frozenset({"poss"}), numeric_modifier=frozenset({"nummod"}),
    quantifier_modifier=frozenset({"quantmod"}), noun_adverbial=frozenset({"npadvmod"}),
    temporal_modifier=frozenset({"tmod"}), adverbial_modifier=frozenset({"advmod"}),
    determiner=frozenset({"det"}), particle=frozenset({"prt"}), parataxis=frozenset({"parataxis"}),
    punct=frozenset({"punct"}), expletive=frozenset({"expl"}), infinitive=frozenset({"aux"}), participle_tags=frozenset({"VBN"}),
    predeterminer=frozenset({"predet"}), possessive_marker=frozenset({"case"}),
)

UD = LabelScheme(
    name="ud", root=frozenset({"ROOT", "root"}), subject=frozenset({"nsubj"}),
    passive_subject=frozenset({"nsubj:pass"}), clausal_subject=frozenset({"csubj"}),
    object=frozenset({"obj"}), indirect_object=frozenset({"iobj"}),
    preposition=frozenset(), prep_object=frozenset({"obl", "obl:arg", "obl:mod", "obl:tmod", "nmod"}),
    case_marker=frozenset({"case"}), passive_agent=frozenset({"obl:agent"}), aux=frozenset({"aux", "aux:tense"}),
    passive_aux=frozenset({"aux:pass"}), copula=frozenset({"cop"}), negation=frozenset(),
    mark=frozenset({"mark"}), adverbial_clause=frozenset({"advcl"}), clausal_modifier=frozenset({"acl"}),
    relative_clause=frozenset({"acl:relcl"}), clausal_complement=frozenset({"ccomp"}),
    open_complement=frozenset({"xcomp"}), prep_complement=frozenset(), attribute=frozenset(),
    adjectival_complement=frozenset(), object_predicate=frozenset({"xcomp"}), conjunct=frozenset({"conj"}),
    coordinator=frozenset({"cc"}), apposition=frozenset({"appos"}),
    modifier_noun=frozenset({"compound", "flat", "flat:name", "flat:foreign"}),
    adjectival_modifier=frozenset({"amod"}), noun_modifier=frozenset({"nmod"}),
    possessor=frozenset({"nmod:poss"}), numeric_modifier=frozenset({"nummod", "nummod:gov", "nummod:entity"}),
    quantifier_modifier=frozenset(), noun_adverbial=frozenset({"obl:npmod", "obl:tmod", "nmod:tmod"}),
    temporal_modifier=frozenset({"obl:tmod", "nmod:tmod"}), adverbial_modifier=frozenset({"advmod"}),
    determiner=frozenset({"det", "det:poss"}), particle=frozenset({"compound:prt"}),
    parataxis=frozenset({"parataxis"}), punct=frozenset({"punct"}),
    expletive=frozenset({"expl", "expl:pass", "expl:subj", "expl:comp", "expl:pv"}), infinitive=frozenset({"mark"}),
)

SCHEMES = {CLEARNLP.name: CLEARNLP, UD.name: UD}
# The parser of each language wardesk reads; a language not listed parses in UD.
_BY_LANGUAGE = {"en": CLEARNLP}
SCHEME_KEY = "label_scheme"  # doc.user_data[SCHEME_KEY] = "ud" overrides the language


# The scheme of each vocabulary's language, cached (holding the vocabulary, so its id stays its own).
_BY_VOCAB: dict[int, tuple[Vocab, LabelScheme]] = {}


def scheme_of(doc: Doc) -> LabelScheme:
    """The label scheme of a Doc's parse: ``doc.user_data["label_scheme"]`` when set, else by its
    language (English: ClearNLP; French, Russian and others: UD)."""
    if doc.user_data:
        named = doc.user_data.get(SCHEME_KEY)
        if named is not None:
            return SCHEMES[named]
    vocab = doc.vocab
    known = _BY_VOCAB.get(id(vocab))
    if known is None:
        known = _BY_VOCAB[id(vocab)] = (vocab, _BY_LANGUAGE.get(vocab.lang, UD))
    return known[1]


def scheme_at(tok: Token) -> LabelScheme:
    """The label scheme of the token's Doc."""
    return scheme_of(tok.doc)


def scheme_for_labels(labels: Iterable[str]) -> LabelScheme:
    """The scheme a parser's label set belongs to (``nlp.get_pipe("parser").labels``)."""
    found = set(labels)
    return CLEARNLP if found & {"nsubjpass", "pobj", "dobj", "auxpass"} else UD


def _role(clear: Labels, ud: Labels) -> Labels:
    """A role's labels in either scheme, without UD labels that mean something else in ClearNLP."""
    return clear | (ud - CLEARNLP_LABELS)


def _union(name: str) -> Labels:
    return _role(getattr(CLEARNLP, name), getattr(UD, name))


# ---- roles, usable in any rule (see the module note) ----
ROOT = _union("root")
SUBJECT = _union("subject")
PASSIVE_SUBJECT = _union("passive_subject")
CLAUSAL_SUBJECT = _union("clausal_subject")
OBJECT = _union("object")
INDIRECT_OBJECT = _union("indirect_object")
PREPOSITION = _union("preposition")
PREP_OBJECT = _union("prep_object")
PASSIVE_AGENT = _union("passive_agent")
AUX = _union("aux")
PASSIVE_AUX = _union("passive_aux")
COPULA = _union("copula")
NEGATION = _union("negation")
MARK = _union("mark")
ADVERBIAL_CLAUSE = _union("adverbial_clause")
CLAUSAL_MODIFIER = _union("clausal_modifier")
RELATIVE_CLAUSE = _union("relative_clause")
CLAUSAL_COMPLEMENT = _union("clausal_complement")
OPEN_COMPLEMENT = _union("open_complement")
PREP_COMPLEMENT = _union("prep_complement")
ATTRIBUTE = _union("attribute")
ADJECTIVAL_COMPLEMENT = _union("adjectival_complement")
OBJECT_PREDICATE = _union("object_predicate")
CONJUNCT = _union("conjunct")
COORDINATOR = _union("coordinator")
APPOSITION = _union("apposition")
MODIFIER_NOUN = _union("modifier_noun")
ADJECTIVAL_MODIFIER = _union("adjectival_modifier")
NOUN_MODIFIER = _union("noun_modifier")
POSSESSOR = _union("possessor")
NUMERIC_MODIFIER = _union("numeric_modifier")
QUANTIFIER_MODIFIER = _union("quantifier_modifier")
NOUN_ADVERBIAL = _union("noun_adverbial")
TEMPORAL_MODIFIER = _union("temporal_modifier")
ADVERBIAL_MODIFIER = _union("adverbial_modifier")
DETERMINER = _union("determiner")
PARTICLE = _union("particle")
PARATAXIS = _union("parataxis")
PUNCT = _union("punct")
EXPLETIVE = _union("expletive")
PREDETERMINER = _union("predeterminer")
POSSESSIVE_MARKER = _union("possessive_marker")  # ClearNLP's "case"; on a UD parse a preposition: ask the scheme

# ---- role groups ----
SUBJECTS = SUBJECT | PASSIVE_SUBJECT
AUXILIARIES = AUX | PASSIVE_AUX
PASSIVE_MARKERS = PASSIVE_AUX | PASSIVE_SUBJECT
PREP_LINKS = PREPOSITION | PASSIVE_AGENT | INDIRECT_OBJECT  # ClearNLP words that head a "pobj"
PARTICIPLE_TAG = "VBN"
NOMINALS = ("NOUN", "PROPN")
VERBALS = ("VERB", "AUX")
# Clause attachments whose tokens do not belong to a noun phrase of their head.
CLAUSE_ATTACHMENTS = (RELATIVE_CLAUSE | CLAUSAL_MODIFIER | ADVERBIAL_CLAUSE | CLAUSAL_COMPLEMENT
                      | OPEN_COMPLEMENT | PARATAXIS | APPOSITION | PREP_COMPLEMENT)
# Predicate complements: the word completes a verb ("is not *ready*", "refused to *sign*").
PREDICATE_COMPLEMENTS = ADJECTIVAL_COMPLEMENT | OPEN_COMPLEMENT | ATTRIBUTE
# Subjects of every kind, clausal ones included ("*What he said* was …").
ALL_SUBJECTS = SUBJECT | PASSIVE_SUBJECT | CLAUSAL_SUBJECT
# Where a noun phrase stands as an argument of its clause, or is the clause ("the militants").
ARGUMENT_POSITIONS = (SUBJECTS | OBJECT | PREP_OBJECT | CONJUNCT | APPOSITION | ATTRIBUTE | INDIRECT_OBJECT
                      | ROOT)
# A clause's core arguments: subjects, direct object, predicate nominals ("was *the target*").
CORE_ARGUMENTS = OBJECT | SUBJECTS | ATTRIBUTE | OBJECT_PREDICATE
CORE_ARGUMENTS_OR_APPOSITION = CORE_ARGUMENTS | APPOSITION
# Modifiers after a description that say who is meant ("the group *of experts*", "militants *who* …").
IDENTIFYING_MODIFIERS = APPOSITION | CLAUSAL_MODIFIER | NUMERIC_MODIFIER
# Modifiers before or inside a noun phrase that name its kind or owner ("*rebel* forces", "*Russia's* army").
NOUN_MODIFIERS = ADJECTIVAL_MODIFIER | MODIFIER_NOUN | NOUN_MODIFIER | POSSESSOR | NOUN_ADVERBIAL | {"nn"}
# Attributive modifiers: a noun in these positions names a thing ("*attack* helicopters").
ATTRIBUTIVE_MODIFIERS = MODIFIER_NOUN | ADJECTIVAL_MODIFIER | NOUN_MODIFIER | NOUN_ADVERBIAL
# Owners of a noun ("*Ukraine's* request", "*NATO* membership", "the *EU* bid").
OWNER_MODIFIERS = POSSESSOR | MODIFIER_NOUN | NOUN_MODIFIER
# Links from a word up to the verb that governs it inside one clause chain: complements, objects,
# subjects, conjuncts ("are preparing *to hash out*"); not adverbial clauses, which keep their tense.
GOVERNING_LINKS = (OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT | PREP_COMPLEMENT | PREPOSITION | PREP_OBJECT | OBJECT
                   | SUBJECTS | ATTRIBUTE | ADJECTIVAL_COMPLEMENT | CONJUNCT)
# The same links and adverbial clauses: a clause and the clause that frames it.
FRAMING_LINKS = GOVERNING_LINKS | ADVERBIAL_CLAUSE
# Links a walk up from an event to its frame ("the prospect *of talks*", "hopes *to meet*") follows.
CLAUSE_WALK_LINKS = (OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT | CLAUSAL_MODIFIER | ADVERBIAL_CLAUSE | PREP_COMPLEMENT
                     | PREP_OBJECT | OBJECT | CONJUNCT | PREPOSITION)
# Subordinate clauses: complements, adverbial and relative clauses, side clauses.
SUBORDINATE_CLAUSES = (CLAUSAL_COMPLEMENT | ADVERBIAL_CLAUSE | RELATIVE_CLAUSE | CLAUSAL_MODIFIER | OPEN_COMPLEMENT
                       | PARATAXIS | CLAUSAL_SUBJECT)
# Adverbials that may carry a number of a period ("two years *ago*", "*last* week").
ADVERBIAL_ATTACHMENTS = (NOUN_ADVERBIAL | ADVERBIAL_MODIFIER | PREPOSITION | TEMPORAL_MODIFIER
                         | frozenset({"obl", "nmod"}))
# A verb's particle or bound preposition ("rule *out*", "call *for*").
PARTICLE_POSITIONS = PARTICLE | PREPOSITION | OBJECT | ADVERBIAL_MODIFIER | ADJECTIVAL_COMPLEMENT
# What a verb names as its thing: direct object (ClearNLP or UD) or predicate nominal.
OBJECT_OR_ATTRIBUTE = OBJECT | ATTRIBUTE
# What a stance verb's content may be, to its right ("agreed *to talks*", "ready *for a ceasefire*").
RIGHT_COMPLEMENTS = (OBJECT | OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT | PREPOSITION | ATTRIBUTE | OBJECT_PREDICATE
                     | ADJECTIVAL_COMPLEMENT | PREP_COMPLEMENT | CONJUNCT | ADVERBIAL_CLAUSE | CLAUSAL_MODIFIER)
# Where the undergoer of an action stands below it ("the deployment *of troops*", "*troops* were sent").
UNDERGOER_POSITIONS = (OBJECT | PREP_OBJECT | PREP_COMPLEMENT | OPEN_COMPLEMENT | ATTRIBUTE | OBJECT_PREDICATE
                       | PASSIVE_SUBJECT)
# Side clauses: a purpose or description, not the content ("quotas *to support* conservation").
SIDE_CLAUSES = ADVERBIAL_CLAUSE | CLAUSAL_MODIFIER | RELATIVE_CLAUSE | PREP_COMPLEMENT
# How a speech verb after its quote attaches ("…, *said* the minister", "… , he *added*").
TRAILING_SPEECH_LINKS = PARATAXIS | ADVERBIAL_CLAUSE | CONJUNCT | CLAUSAL_COMPLEMENT
# Links from an event word up to the verb that embeds it ("offered *to withdraw*", "the *attack* on").
EMBEDDING_LINKS = (OPEN_COMPLEMENT | CLAUSAL_COMPLEMENT | PREP_COMPLEMENT | PREPOSITION | PREP_OBJECT | OBJECT
                   | SUBJECTS | ATTRIBUTE | CLAUSAL_MODIFIER)
# Active subjects, nominal or clausal (a passive subject is the one acted on).
ACTIVE_SUBJECTS = SUBJECT | CLAUSAL_SUBJECT
# Clauses that say something about a noun ("the town *that was shelled*", "talks *held in Doha*").
NOUN_CLAUSES = RELATIVE_CLAUSE | CLAUSAL_MODIFIER
# Clauses about something else: a noun's clause, or an adverbial or loosely attached clause.
ASIDE_CLAUSES = NOUN_CLAUSES | ADVERBIAL_CLAUSE | PARATAXIS
# Subjects and the direct object: where a clause names who acted or was acted on.
SUBJECTS_AND_OBJECT = SUBJECTS | OBJECT
# Direct and indirect objects.
OBJECTS = OBJECT | INDIRECT_OBJECT
# Modifiers that name a noun's kind: "*rebel* forces", "*military* aid", "*Gaza* ceasefire".
NOMINAL_MODIFIERS = MODIFIER_NOUN | ADJECTIVAL_MODIFIER | NOUN_MODIFIER
# Where a noun stands when the verb acts on it: object or passive subject ("killed *three*", "*three* were killed").
ACTED_ON = OBJECT | PASSIVE_SUBJECT
# How a preposition hangs on its head in ClearNLP, the dative "to" included ("gave aid *to* X").
PREPOSITIONAL_LINKS = PREPOSITION | INDIRECT_OBJECT
