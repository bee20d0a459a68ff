"""People: grouping the mentions of one person ("Sergey Lavrov", "Lavrov", "Mr Lavrov") and learning
their country, sector and role from the text, then from earlier articles, then from the office table."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.actors.drafts import Draft, Drafts
from wardesk.extract.actors.phrases import (
    Cues,
    Scan,
    is_plural,
    left_run,
    nearest_owner,
    prep_countries,
    role_text,
    sentence_country,
)
from wardesk.extract.actors.scan import PersonName
from wardesk.extract.grammar.labels import APPOSITION, SUBJECTS
from wardesk.extract.grammar.shapes import prep_marker
from wardesk.extract.layers import KnownPerson
from wardesk.extract.lexicon import words
from wardesk.kb.base import name_key
from wardesk.kb.entries import GROUP, IGO, PEOPLE, TITLE
from wardesk.sectors import sector_group

if TYPE_CHECKING:
    from spacy.tokens import Token

PLACE_PREPS = words("actors/people.json", "place_preps")
LOCATIVE_PREPS = words("actors/people.json", "locative_preps")
PLACE_NOUNS = words("actors/people.json", "place_nouns")
_OF = frozenset({"of"})


@dataclass
class PersonMention:
    name: PersonName
    draft: Draft
    cues: Cues
    head: int  # the token that heads the name in the parse


def canonical_names(scan: Scan, known: Mapping[str, KnownPerson], when: str | None) -> list[str]:
    """Each person mention's canonical full name: a lone surname takes the full name it has
    elsewhere in the Doc, else in ``known``, else in the office table."""
    full: dict[str, str] = {}
    loose: dict[str, str] = {}  # any other word of a full name: "Kim" of "Kim Jong Un"
    for person in scan.persons:
        words = name_key(person.text).split()
        if len(words) > 1:
            canon = _holder_spelling(scan, words) or " ".join(words)
            last = words[-1].lower()
            full.setdefault(last, canon)
            full.setdefault(last.split("-", 1)[-1], canon)  # "Sudani" of "al-Sudani"
            for word in words[:-1]:
                loose.setdefault(word.lower(), canon)
    for word, canon in loose.items():
        full.setdefault(word, canon)
    out = []
    for person in scan.persons:
        text = name_key(person.text)
        key = text.lower()
        if len(text.split()) > 1:
            out.append(_holder_spelling(scan, text.split()) or text)
        elif key in full:
            out.append(full[key])
        elif key in known:
            out.append(known[key].name)
        else:
            holder = scan.kb.holder_named(text, when)
            out.append(holder.name if holder else text)
    return out


def _holder_spelling(scan: Scan, words: list[str]) -> str | None:
    """The office table's spelling of a full name whose surname is a variant ("Zelenskyy")."""
    holder = scan.kb.holder_named(words[-1])
    if holder and holder.name.split()[0].lower() == words[0].lower():
        return holder.name
    holder = scan.kb.holder_named(" ".join(words))
    return holder.name if holder else None


def name_head(scan: Scan, person: PersonName) -> int:
    """The token of the name whose parse head lies outside it (the last token by default)."""
    for token in scan.doc[person.start:person.end]:
        if not (person.start <= token.head.i < person.end) or token.head.i == token.i:
            return token.i
    return person.end - 1


def looks_like_place(scan: Scan, person: PersonName, head: int) -> bool:
    """A lone unknown "name" after "in"/"at" is a place the NER took for a person."""
    token = scan.doc[head]
    after = scan.doc[person.end] if person.end < len(scan.doc) else None
    if scan.doc[person.end - 1].lower_ in PLACE_NOUNS or (after is not None and after.lower_ in PLACE_NOUNS):
        return True  # "Beledweyne district"
    marker = prep_marker(token)
    if marker is None:
        return False
    single = person.end - person.start == 1
    return marker.lower_ in (PLACE_PREPS if single else LOCATIVE_PREPS)  # "in Diego Garcia"


def read_people(scan: Scan, drafts: Drafts, known: Mapping[str, KnownPerson],
                when: str | None) -> list[PersonMention]:
    """Drafts for every person, with what the words in front of each mention say."""
    mentions: list[PersonMention] = []
    canons = canonical_names(scan, known, when)
    heads = [name_head(scan, person) for person in scan.persons]
    placey = {c for p, c, h in zip(scan.persons, canons, heads, strict=True) if looks_like_place(scan, p, h)}
    for person, canon, head in zip(scan.persons, canons, heads, strict=True):
        known_here = canon.lower() in known or scan.kb.holder_named(canon, when) is not None
        cues = left_run(scan, person.start)
        if canon in placey and not known_here and cues.title is None:
            continue
        draft = drafts.get("person:" + canon.lower(), "person", canon)
        mentions.append(PersonMention(person, draft, cues, head))
    for mention in mentions:
        _learn_from_text(scan, mention)
    for mention in mentions:
        _learn_from_elsewhere(scan, mention.draft, known, when)
    for mention in mentions:  # "his chief of staff": after everyone's own country is known
        if mention.draft.country is None:
            mention.draft.fill(_related_country(scan, mention, mentions), None)
    for mention in mentions:
        if mention.draft.country is None and _holds_office(mention):
            mention.draft.fill(_home_country(scan, mention), None)
    for mention in mentions:
        draft = mention.draft
        if draft.country and draft.sector is None:
            # A named person tied to a country in war news is mostly an official, unless a plain
            # noun describes them ("Afghan writer"): then a civilian.
            draft.sector = "CVL" if mention.cues.descriptor else "GOV"
    return mentions


def _learn_from_text(scan: Scan, mention: PersonMention) -> None:
    cues, draft = mention.cues, mention.draft
    cues = _with_apposition(scan, mention) or cues
    mention.cues = cues
    title = cues.title.word if cues.title else None
    named = nearest_owner(cues.entries)
    country = named.country if named else (title.country if title else None)
    sector = title.sector if title else None
    if named is not None and named.kind in (IGO, GROUP):
        sector = named.sector
    elif sector == "IGO" and country != "IGO":
        sector = "GOV" if country else None  # "secretary-general" of no body the text names
    if title is None and cues.rank:
        sector = cues.rank
    if title is not None and title.slug == "counterpart":  # "his Turkish counterpart": a peer, no office
        draft.fill(country, sector)
    else:
        draft.fill(country, sector, role_text(scan, cues), title.slug if title else None)
    doc = scan.doc
    span = doc[mention.name.start:mention.name.end]
    draft.mentions[(span.start_char, span.end_char)] = span.text
    draft.alias(span.text)
    if cues.start < mention.name.start:
        draft.alias(doc[cues.start:mention.name.end].text)


def _with_apposition(scan: Scan, mention: PersonMention) -> Cues | None:
    """Cues from an apposition: "Sergey Lavrov, Russia's foreign minister" or
    "Russia's foreign minister, Sergey Lavrov" (only when the words in front gave no title)."""
    if mention.cues.title is not None:
        return None
    token = scan.doc[mention.head]
    candidates = [c for c in token.children if c.dep_ in APPOSITION]
    if token.dep_ in APPOSITION:
        candidates.append(token.head)
    for cand in candidates:
        hit = scan.words.get(cand.i)
        if hit and hit.word.kind in (TITLE, PEOPLE) and hit.head == cand.i:
            cues = left_run(scan, hit.start)
            cues.title = hit
            return cues
    return None


def _related_country(scan: Scan, mention: PersonMention, everyone: list[PersonMention]) -> str | None:
    """The country of a possessor: "Zelensky's envoy", "his chief of staff"."""
    cues = mention.cues
    if cues.possessor is not None:
        for other in everyone:
            if other.name is scan.persons[cues.possessor]:
                return other.draft.country
    if cues.pronoun is not None:
        antecedent = pronoun_antecedent(scan, cues.pronoun, everyone)
        if antecedent is not None and antecedent.draft is not mention.draft:
            return antecedent.draft.country
    return None


def _learn_from_elsewhere(scan: Scan, draft: Draft, known: Mapping[str, KnownPerson],
                          when: str | None) -> None:
    met = known.get(draft.name.lower()) or known.get(draft.name.split()[-1].lower())
    if met is not None:
        draft.fill(met.country, met.sector, met.role)
    holder = scan.kb.holder_named(draft.name, when)
    if holder is not None and draft.country in (None, holder.country):
        draft.fill(holder.country, holder.sector, holder.role, holder.office)


# Sectors of people who hold an office in their own country: a titled official the text gives
# no country is, in news, mostly of the one country the sentence is about.
OFFICE_SECTORS = sector_group("office_holders")


def _holds_office(mention: PersonMention) -> bool:
    titled = mention.cues.title is not None or mention.cues.rank is not None
    return titled and mention.draft.sector in OFFICE_SECTORS


def _home_country(scan: Scan, mention: PersonMention) -> str | None:
    """"King Hassan of Morocco" (a country after the name), else the one country the sentence
    names outside other parties' phrases ("President X ... in Algiers", "Haiti's elections")."""
    head = scan.doc[mention.head]
    after = [e.country for e in prep_countries(scan, head, _OF) if e.country]
    if after:
        return after[0]
    return sentence_country(scan, head)




def pronoun_antecedent(scan: Scan, pronoun: int, everyone: list[PersonMention]) -> PersonMention | None:
    """The person a he/his/she/her most likely means: a subject earlier in the same sentence,
    else the nearest person before it there, else the subject (or first person) of the sentence before."""
    sent = scan.doc[pronoun].sent
    before = [m for m in everyone if sent.start <= m.name.start and m.name.end <= pronoun]
    subjects = [m for m in before if scan.doc[m.head].dep_ in SUBJECTS]
    if subjects or before:
        return (subjects or before)[-1]
    if _missed_person_subject(scan, pronoun):
        return None  # "Jo Bloggs, the group's director, said …. He …": someone the finder missed
    earlier = [m for m in everyone if m.name.end <= sent.start]
    if not earlier:
        return None
    last_sent = scan.doc[earlier[-1].head].sent
    same = [m for m in earlier if m.name.start >= last_sent.start]
    subjects = [m for m in same if scan.doc[m.head].dep_ in SUBJECTS]
    return (subjects or same)[0]


# Entity types a proper-noun subject has when it is no person ("Kyiv said", "Reuters reported").
NOT_PERSON_ENTS = {"ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                   "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT"}


def _missed_person_subject(scan: Scan, pronoun: int) -> bool:
    """Whether the nearest subject before the pronoun (in its sentence, else the main subject of
    the sentence before) looks like a person the name finder missed: a proper noun no table
    knows, or a noun with a title in apposition ("X, the association's director, said")."""
    doc = scan.doc
    sent = doc[pronoun].sent
    own = [t for t in doc[sent.start:pronoun] if t.dep_ in SUBJECTS]
    if own:
        return _looks_like_person(scan, own[-1])
    if sent.start == 0:
        return False
    root = doc[sent.start - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS), None)
    return subject is not None and _looks_like_person(scan, subject)


def _looks_like_person(scan: Scan, token: Token) -> bool:
    if token.i in scan.person_at or token.i in scan.names:
        return False  # a person the finder has (read above), or a country, body or group
    for appos in token.children:
        hit = scan.words.get(appos.i)
        if appos.dep_ in APPOSITION and hit is not None and hit.word.kind == TITLE and not is_plural(appos):
            return True
    return token.pos_ == "PROPN" and token.ent_type_ not in NOT_PERSON_ENTS and token.text[:1].isupper()
