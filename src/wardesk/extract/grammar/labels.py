"""The dependency labels the grammar tests read, named once.

spaCy's English pipelines use the ClearNLP label set; a pipeline with Universal Dependencies
labels (French, Russian) gets its own sets here, and the tests stay as they are.
"""

from __future__ import annotations

SUBJECT = "nsubj"
PASSIVE_SUBJECT = "nsubjpass"
SUBJECTS = (SUBJECT, PASSIVE_SUBJECT)
AUX = "aux"
PASSIVE_AUX = "auxpass"
AUXILIARIES = (AUX, PASSIVE_AUX)
PASSIVE_MARKERS = (PASSIVE_AUX, PASSIVE_SUBJECT)
NEGATION = "neg"
MARK = "mark"
ADVERBIAL_CLAUSE = "advcl"
CLAUSAL_MODIFIER = "acl"
PARTICIPLE_TAG = "VBN"
NOMINALS = ("NOUN", "PROPN")
# Clause attachments whose tokens do not belong to a noun phrase of their head.
CLAUSE_ATTACHMENTS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "appos", "pcomp"})
PUNCT = "punct"
PREP = "prep"
DETERMINER = "det"
ADVERBIAL_MODIFIER = "advmod"
# Predicate complements: the word completes a verb ("is not *ready*", "refused to *sign*").
PREDICATE_COMPLEMENTS = ("acomp", "xcomp", "attr")
VERBALS = ("VERB", "AUX")

# Subjects of every kind, clausal ones included ("*What he said* was …").
CLAUSAL_SUBJECT = "csubj"
ALL_SUBJECTS = (SUBJECT, PASSIVE_SUBJECT, CLAUSAL_SUBJECT)
# Where a noun phrase stands as an argument of its clause, or is the clause ("the militants").
ARGUMENT_POSITIONS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative", "ROOT"})
# A clause's core arguments: subjects, direct object, predicate nominals ("was *the target*").
CORE_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd"})
CORE_ARGUMENTS_OR_APPOSITION = CORE_ARGUMENTS | {"appos"}
# Modifiers after a description that say who is meant ("the group *of experts*", "militants *who* …").
IDENTIFYING_MODIFIERS = frozenset({"appos", "acl", "nummod"})
# Modifiers before or inside a noun phrase that name its kind or owner ("*rebel* forces", "*Russia's* army").
NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod", "nn"})
# Attributive modifiers: a noun in these positions names a thing ("*attack* helicopters").
ATTRIBUTIVE_MODIFIERS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# Owners of a noun ("*Ukraine's* request", "*NATO* membership", "the *EU* bid").
OWNER_MODIFIERS = ("poss", "compound", "nmod")
# Links from a word up to the verb that governs it inside one clause chain: complements, objects,
# subjects, conjuncts ("are preparing *to hash out*"); not adverbial clauses, which keep their tense.
GOVERNING_LINKS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "attr",
                             "acomp", "conj"})
# The same links and adverbial clauses: a clause and the clause that frames it.
FRAMING_LINKS = GOVERNING_LINKS | {"advcl"}
# Links a walk up from an event to its frame ("the prospect *of talks*", "hopes *to meet*") follows.
CLAUSE_WALK_LINKS = frozenset({"xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "dobj", "conj", "prep"})
# Subordinate clauses: complements, adverbial and relative clauses, side clauses.
SUBORDINATE_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "csubj"})
# Adverbials that may carry a number of a period ("two years *ago*", "*last* week").
ADVERBIAL_ATTACHMENTS = frozenset({"npadvmod", "advmod", "prep", "tmod", "obl", "nmod"})
# A verb's particle or bound preposition ("rule *out*", "call *for*").
PARTICLE_POSITIONS = frozenset({"prt", "prep", "dobj", "advmod", "acomp"})
# What a verb names as its thing: direct object (ClearNLP or UD) or predicate nominal.
OBJECT_OR_ATTRIBUTE = frozenset({"dobj", "obj", "attr"})
# What a stance verb's content may be, to its right ("agreed *to talks*", "ready *for a ceasefire*").
RIGHT_COMPLEMENTS = ("dobj", "xcomp", "ccomp", "prep", "attr", "oprd", "acomp", "pcomp", "conj", "advcl", "acl")
# Where the undergoer of an action stands below it ("the deployment *of troops*", "*troops* were sent").
UNDERGOER_POSITIONS = ("dobj", "pobj", "pcomp", "xcomp", "attr", "oprd", "nsubjpass")
# Side clauses: a purpose or description, not the content ("quotas *to support* conservation").
SIDE_CLAUSES = ("advcl", "acl", "relcl", "pcomp")
# How a speech verb after its quote attaches ("…, *said* the minister", "… , he *added*").
TRAILING_SPEECH_LINKS = ("parataxis", "advcl", "conj", "ccomp")
CLAUSAL_COMPLEMENT = "ccomp"
# Links from an event word up to the verb that embeds it ("offered *to withdraw*", "the *attack* on").
EMBEDDING_LINKS = frozenset({"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "acl"})
# Active subjects, nominal or clausal (a passive subject is the one acted on).
ACTIVE_SUBJECTS = (SUBJECT, CLAUSAL_SUBJECT)
# Clauses that say something about a noun ("the town *that was shelled*", "talks *held in Doha*").
NOUN_CLAUSES = frozenset({"relcl", "acl"})
# Clauses about something else: a noun's clause, or an adverbial or loosely attached clause.
ASIDE_CLAUSES = NOUN_CLAUSES | {"advcl", "parataxis"}
# Subjects and the direct object: where a clause names who acted or was acted on.
SUBJECTS_AND_OBJECT = frozenset({"nsubj", "nsubjpass", "dobj"})
CONJUNCT = "conj"
