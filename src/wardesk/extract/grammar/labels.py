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
COMPLEMENTS = ("acomp", "xcomp", "attr")
VERBALS = ("VERB", "AUX")
