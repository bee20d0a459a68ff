"""Actors that are not named people: institutions and groups ("Russia's defence ministry",
"Hungarian and Romanian officials"), titles standing for a person ("the PM"), and known names
(countries, capitals used for their governments, seats of power, bodies, armed groups, outlets)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wardesk.extract.actors.drafts import Draft, Drafts
from wardesk.extract.actors.people import PersonMention, pronoun_antecedent
from wardesk.extract.actors.phrases import (
    Cues,
    Scan,
    is_plural,
    left_run,
    prep_countries,
    sentence_country,
    with_article,
)
from wardesk.extract.actors.pronouns import (
    clause_subject_before,
    its_owner,
    possessed_relations,
)
from wardesk.extract.actors.scan import NameHit, WordHit
from wardesk.extract.grammar.coordination import first_conjunct
from wardesk.extract.grammar.labels import (
    ADJECTIVAL_MODIFIER,
    APPOSITION,
    CLAUSAL_MODIFIER,
    NOUN_MODIFIERS,
    POSSESSOR,
    PREPOSITION,
    SUBJECTS,
    scheme_at,
)
from wardesk.extract.grammar.shapes import is_prep_object, prep_pairs
from wardesk.extract.lexicon import words
from wardesk.kb.entries import (
    CAPITAL,
    COUNTRY,
    DEMONYM,
    GROUP,
    IGO,
    MEDIA,
    PEOPLE,
    SEAT,
    TITLE,
    Entry,
)
from wardesk.kb.loading import slugify
from wardesk.sectors import sector_group

if TYPE_CHECKING:
    from spacy.tokens import Token

# A phrase (tokens [start, end), head token) and the drafts it denotes.
PLACE_PREPS = words("actors/groups.json", "place_preps")
# Offices one person holds at a time in a country: "the Russian president" is someone;
# "a Russian spokesperson" or "the US envoy" is not (there are many).
SINGLE_OFFICES = words("actors/groups.json", "single_offices")
# Sectors whose people act at home: "police in Tbilisi" are Georgia's (troops in a country are
# often someone else's, so MIL is not here).
HOME_SECTORS = sector_group("act_at_home")
HEADS_OF_STATE = words("actors/groups.json", "heads_of_state")
BODY_KINDS = {IGO, GROUP, MEDIA}
ENTRY_KIND = {COUNTRY: "country", CAPITAL: "country", DEMONYM: "country", SEAT: "organization",
              IGO: "organization", GROUP: "group", MEDIA: "organization"}


@dataclass(frozen=True, slots=True)
class Phrase:
    start: int
    end: int
    head: int
    drafts: tuple[Draft, ...]


def entry_draft(drafts: Drafts, entry: Entry, kb_name: str | None = None) -> Draft:
    """The one draft of a known name: a capital or demonym is its country's draft."""
    kind = ENTRY_KIND[entry.kind]
    if kind == "country":
        key = "country:" + (entry.country or "")
        draft = drafts.get(key, "country", kb_name or entry.name, entry.slug)
    else:
        draft = drafts.get(f"{entry.kind}:{entry.slug}:{entry.country}", kind, entry.name, entry.slug)
    draft.fill(entry.country, entry.sector)
    draft.entry_kind = draft.entry_kind or entry.kind
    return draft


def _is_modifier(token: Token) -> bool:
    token = first_conjunct(token)
    return token.dep_ in NOUN_MODIFIERS or token.dep_ in scheme_at(token).possessive_marker


def word_phrase(scan: Scan, drafts: Drafts, hit: WordHit, people: list[PersonMention],
                when: str | None) -> Phrase | None:
    """The actor(s) a group noun, institution or bare title denotes, or None."""
    head = scan.doc[hit.head]
    if _is_modifier(head) and head.head.i not in scan.words:
        return None  # "drone attack", "defence spending"
    if hit.head in scan.names:
        return None  # part of a known name: "Rapid Support Forces", "National People's Congress"
    cues = left_run(scan, hit.start)
    entries = cues.entries + prep_countries(scan, head)
    end = _phrase_end(scan, hit, head)
    start = with_article(scan, cues.start)
    text = scan.doc[cues.start:end].text
    word = hit.word
    if word.kind == TITLE and not is_plural(head):
        found = _title_holder(scan, drafts, hit, cues, people, when)
        if found is None and _describes_someone(head):
            return None  # "Lina Haddad, the director of Caritas": the person acts, not the title
        found = found or (None if cues.entries else _speaks_for(scan, drafts, head, hit.word.slug))
        if found:
            return Phrase(start, _phrase_end(scan, hit, head, ("of", "for")), hit.head, (found,))
        # An unnamed holder of a title still acts for whoever the words before it name: "China's
        # U.N. ambassador", "a Hamas official", "Trump's envoy" (below, as a one-person group).
    if word.kind == PEOPLE and not is_plural(head) and _describes_someone(head):
        return None  # "Josephine Odumakin, a Nigerian activist": the person, not a group
    bodies = [e for e in entries if e.kind in BODY_KINDS]
    if not bodies and word.kind == PEOPLE and word.sector in ARMED_SECTORS:
        bodies, end = _affiliated(scan, head, end)  # "militants linked with the BLA" are the BLA's
    if word.kind == TITLE and any(e.kind in (COUNTRY, CAPITAL, DEMONYM) for e in entries):
        # "China's U.N. ambassador" is China's alone, as for a named person
        bodies, entries = [], [e for e in entries if e.kind in (COUNTRY, CAPITAL, DEMONYM)]
    if bodies:
        return Phrase(start, end, hit.head, (entry_draft(drafts, bodies[-1]),))
    countries = _countries(entries, cues, people, scan, word.country, head, word.sector)
    kind = {"org": "organization", "title": "group"}.get(word.kind, word.kind)
    if kind == "coalition":
        if word.slug == "coalition" and not countries and not _telling(scan, cues.start, hit.start):
            return None  # "the coalition": which one, the rules cannot tell
        return Phrase(start, end, hit.head, (_coalition(drafts, word.slug, text, countries),))
    if not countries:
        if (word.kind == TITLE and not is_plural(head)) or not _telling(scan, cues.start, hit.start):
            return None  # bare "officials", "a peacekeeping force": no actor to name
        draft = drafts.get(f"group::{slugify(text)}", kind, text)
        draft.fill(None, word.sector)
        draft.word = draft.word or word.slug
        return Phrase(cues.start, end, hit.head, (draft,))
    out = []
    for country in countries:
        draft = drafts.get(f"group:{country}:{word.sector}:{word.slug}", kind, text, word.slug)
        draft.fill(country, word.sector)
        draft.word = draft.word or word.slug
        out.append(draft)
    return Phrase(cues.start, end, hit.head, tuple(out))


# "militants linked with X", "fighters loyal to X": the words that tie armed people to a group.
ARMED_SECTORS = sector_group("armed_groups")
TIES = words("actors/groups.json", "ties")
_TIE_LINKS = CLAUSAL_MODIFIER | ADJECTIVAL_MODIFIER  # "militants *linked* with", "fighters *loyal* to"
_TIE_PREPS = frozenset({"with", "to"})


def _affiliated(scan: Scan, head: Token, end: int) -> tuple[list[Entry], int]:
    """The armed group named in "militants linked with/to X", "fighters loyal to X", and where
    the phrase then ends (after the group's name)."""
    for tie in head.children:
        if tie.dep_ not in _TIE_LINKS or (tie.lemma_.lower() not in TIES and tie.lower_ not in TIES):
            continue
        for _, pobj in prep_pairs(tie, _TIE_PREPS, PREPOSITION):
            hit = scan.names.get(pobj.i)
            if hit is not None and hit.entry.kind == GROUP:
                return [hit.entry], max(end, hit.end)
    return [], end


def _describes_someone(head: Token) -> bool:
    """A title in apposition to a name, or before one, describes that person ("Joe, a US
    diplomat"; "envoy Steve Witkoff"): the person is the actor, not the title."""
    if head.dep_ in APPOSITION or any(c.dep_ in APPOSITION for c in head.children):
        return True
    nxt = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    return nxt is not None and nxt.ent_type_ == "PERSON"


TELLING = words("actors/groups.json", "telling")


def _telling(scan: Scan, start: int, end: int) -> bool:
    """Whether modifiers say whose group this is even without a country ("western officials")."""
    return any(t.lower_ in TELLING or (t.text[:1].isupper() and not t.is_sent_start)
               for t in scan.doc[start:end])


# Titles whose "for X" names where the holder is sent, not whom they act for ("envoy for Syria").
SENT_TO = words("actors/groups.json", "sent_to")
_OF = frozenset({"of"})
_OF_FOR = frozenset({"of", "for"})
_IN = frozenset({"in"})
_IN_OF_FROM = frozenset({"in", "of", "from"})


def _speaks_for(scan: Scan, drafts: Drafts, head: Token, slug: str) -> Draft | None:
    """An unnamed holder of a title stands for the body named after it: "a spokesman for the
    Kremlin", "the head of the IAEA", "the leader of ISIS". A name before the title owns it
    instead ("the U.N. envoy for Syria" is the U.N.'s), so callers ask only without one."""
    preps = _OF if slug in SENT_TO else _OF_FOR
    for prep, pobj in prep_pairs(head, preps, PREPOSITION):
        hit = scan.names.get(pobj.i)
        if prep.i > head.i and hit is not None:
            return entry_draft(drafts, hit.entry)
    return None


def _phrase_end(scan: Scan, hit: WordHit, head: Token, preps: tuple[str, ...] = ("of", "from")) -> int:
    end = hit.end
    for prep in head.rights:  # "officials from the US and Ukraine"
        if prep.dep_ in PREPOSITION and prep.lower_ in preps and prep.i >= end:
            last = max(t.i for t in prep.subtree)
            if any(t.i in scan.names for t in prep.subtree):
                end = last + 1
    return end


def _countries(entries: list[Entry], cues: Cues, people: list[PersonMention], scan: Scan,
               national: str | None, head: Token, sector: str | None) -> list[str]:
    out: list[str] = []
    for entry in entries:
        if entry.country and entry.country not in out:
            out.append(entry.country)
    if not out and cues.possessor is not None:
        for person in people:
            if person.name is scan.persons[cues.possessor] and person.draft.country:
                out.append(person.draft.country)
                break
    if not out:  # "X's envoy came, but his mission objected": the subject before it owns it
        out.extend(_owner_subject_country(scan, cues, people, head))
    if not out and cues.pronoun is not None:  # "his troops"
        found = pronoun_antecedent(scan, cues.pronoun, people)
        if found is not None and found.draft.country:
            out.append(found.draft.country)
    if not out:  # "Russia said its forces": the body or country that is the subject before
        owner = its_owner(scan, cues.start, head)
        if owner is not None:
            out.append(owner)
    if not out:  # "the Trump administration" where the NER did not see a person
        surnames = {p.draft.name.split()[-1]: p.draft for p in people if p.draft.country}
        for token in scan.doc[cues.start:cues.end]:
            if token.text in surnames:
                out.append(surnames[token.text].country or "")
                break
    if not out and national:
        out.append(national)
    if not out and sector in HOME_SECTORS:  # "police in Tbilisi", "protesters in Georgia"
        out.extend(e.country for e in prep_countries(scan, head, _IN) if e.country)
    if not out and sector in HOME_SECTORS | {"MIL"} and _bare_institution(scan, cues, head):
        country = sentence_country(scan, head)
        out.extend([country] if country else [])
    return out


def _owner_subject_country(scan: Scan, cues: Cues, people: list[PersonMention], head: Token) -> list[str]:
    """The one country of the subject before a possessive pronoun that owns a subject phrase
    ("X's ambassador arrived, but her delegation objected"), as the event roles read it; empty
    when there is no such subject or it has no single country (then older readings decide)."""
    at = cues.pronoun if cues.pronoun is not None else cues.start - 1
    if at < 0 or head.dep_ not in SUBJECTS or head.lemma_.lower() in possessed_relations():
        return []
    subject = clause_subject_before(scan.doc[at])
    if subject is None:
        return []
    codes = _subject_countries(scan, subject, people)
    return codes if len(codes) == 1 else []


def _subject_countries(scan: Scan, subject: Token, people: list[PersonMention]) -> list[str]:
    """The countries a subject noun names: a person's, a known name's, or those of the words
    in front of a sector noun ("Mexico's ambassador", "Kenyan officials")."""
    if subject.i in scan.person_at:
        name = scan.persons[scan.person_at[subject.i]]
        return [p.draft.country for p in people if p.name is name and p.draft.country][:1]
    if subject.i in scan.names:
        country = scan.names[subject.i].entry.country
        return [country] if country else []
    word = scan.words.get(subject.i)
    if word is None or word.head != subject.i:
        return []
    cues = left_run(scan, word.start)
    codes = cues.countries() + [e.country for e in prep_countries(scan, subject) if e.country]
    if not codes and cues.possessor is not None:
        name = scan.persons[cues.possessor]
        codes = [p.draft.country for p in people if p.name is name and p.draft.country][:1]
    if not codes and word.word.country:
        codes = [word.word.country]
    return list(dict.fromkeys(codes))


# Institutions a country has one of: "the government", "police", "the army" in a sentence that
# names one country only are that country's.
NATIONAL_INSTITUTIONS = words("actors/groups.json", "national_institutions")


def _bare_institution(scan: Scan, cues: Cues, head: Token) -> bool:
    """A definite national institution with nothing before it ("the government", "police");
    not "governments" (many countries') nor "the authority" (a power, not a body)."""
    word = scan.words.get(head.i)
    if word is None or word.word.slug not in NATIONAL_INSTITUTIONS or cues.start != word.start:
        return False
    if is_plural(head) != (word.word.slug == "authorities") and word.word.slug != "police":
        return False
    before = scan.doc[word.start - 1].lower_ if word.start > 0 else ""
    return before == "the" or ((is_plural(head) or word.word.slug == "police") and before not in ("a", "an"))


def _coalition(drafts: Drafts, slug: str, text: str, members: list[str]) -> Draft:
    name = text.replace("so-called", "").strip(" \u201c\u201d\"'")
    name = name if slug == "coalition" else slug.replace("-", " ")
    draft = drafts.get(f"coalition:{slug}:{','.join(members)}", "coalition", name, slug)
    for member in members:
        if member not in draft.members:
            draft.members.append(member)
    return draft


def _title_holder(scan: Scan, drafts: Drafts, hit: WordHit, cues: Cues,
                  people: list[PersonMention], when: str | None) -> Draft | None:
    """The person a bare title means: "the PM" → the article's prime minister; "the US leader"
    → the US head of state or government; "the Russian president" → the office holder."""
    head = scan.doc[hit.head]
    if any(c.dep_ in APPOSITION for c in head.children) or cues.possessor is not None:
        return None  # "his chief of staff Andriy Yermak": the person carries the title
    if any(c.dep_ in PREPOSITION and c.i >= hit.end and c.lower_ in ("of", "for") for c in head.children):
        return None  # "the leader of ISIS": the title belongs to someone the rules do not know
    country = next((e.country for e in reversed(cues.entries) if e.country), None)
    if country is None and hit.word.slug == "leader":
        return None  # a bare "leader" could be anyone's
    offices = HEADS_OF_STATE if hit.word.slug == "leader" else {hit.word.slug}
    earlier = [p for p in people if p.name.start < hit.start]
    for person in reversed(earlier):
        draft = person.draft
        if draft.office in offices and (country is None or draft.country == country):
            return draft
    if country is None:
        return None
    if hit.word.slug == "leader":
        holders = [scan.kb.leader_of(country, when)]
    else:
        holders = [scan.kb.holder_of(country, office, when) for office in offices & SINGLE_OFFICES]
    for holder in holders:
        if holder is not None:
            draft = drafts.get("person:" + holder.name.lower(), "person", holder.name)
            draft.fill(holder.country, holder.sector, holder.role, holder.office)
            return draft
    return None


# Nouns a country word only locates ("the Iraqi city of Basra", "the Syrian border").
PLACE_HEADS = words("actors/groups.json", "place_heads")


def _named_place(noun: Token) -> bool:
    """"city of Basra", "province of Idlib": a place noun whose own name follows."""
    if noun.lower_ not in PLACE_HEADS:
        return False
    return any(p.dep_ in PREPOSITION and p.lower_ == "of" and any(o.pos_ == "PROPN" for o in p.children)
               for p in noun.children)


def name_phrase(scan: Scan, drafts: Drafts, hit: NameHit) -> Phrase | None:
    """A known name standing alone as an actor ("Kyiv said", "NATO", "Russia's war")."""
    entry = hit.entry
    root = _root(scan, hit)
    # A country word modifying a noun that is no actor ("a U.S. request", "Ukrainian drone
    # attack") still names the country as the one acting; a capital there is a place ("Kyiv region").
    modifier = _is_modifier(root) or root.tag_ == "JJ"
    if entry.kind == CAPITAL and modifier and root.dep_ not in POSSESSOR:
        return None
    if entry.kind in (COUNTRY, DEMONYM) and modifier and root.dep_ not in POSSESSOR and _named_place(root.head):
        return None  # "the Iraqi city of Basra": a place, not an actor (but "shelled Iraqi towns")
    if entry.kind == DEMONYM and not modifier and not _people(scan, hit, root):
        return None  # "speaks English": a language; "the French", "Ukrainians" are peoples
    if entry.kind in (COUNTRY, CAPITAL, DEMONYM) and is_prep_object(root, PLACE_PREPS):
        return None  # a place, not an actor
    if entry.kind == DEMONYM and not modifier:
        minority = _minority(scan, drafts, hit, root)
        if minority is not None:
            return minority
    return Phrase(with_article(scan, hit.start), hit.end, root.i, (entry_draft(drafts, entry),))


def _minority(scan: Scan, drafts: Drafts, hit: NameHit, root: Token) -> Phrase | None:
    """A people living in another country is coded to the country it lives in (PLOVER codes
    actors by where they are): "Bosnian Serbs", "Albanians of southern Serbia", "ethnic
    Russians … in Latvia". Civilians of that country, not the government of their kin state."""
    own = hit.entry.country
    start = hit.start
    home: str | None = None
    left = scan.names.get(start - 1) if start > 0 else None
    if left is not None and left.entry.kind in (COUNTRY, DEMONYM) and left.entry.country != own:
        home, start = left.entry.country, left.start  # "Bosnian Serbs"
    if home is None:
        found = [e.country for e in prep_countries(scan, root, _IN_OF_FROM) if e.country != own]
        home = found[0] if found else None  # "Albanians of southern Serbia"
    ethnic = start > 0 and scan.doc[start - 1].lower_ == "ethnic"
    if home is None and ethnic:
        home = sentence_country(scan, root, skip=own)  # "ethnic Russians demonstrated in Latvia"
    if home is None:
        return None
    start = start - 1 if ethnic else start
    text = scan.doc[start:hit.end].text
    draft = drafts.get(f"people:{home}:{hit.entry.slug}", "group", text, slugify(scan.doc[hit.start:hit.end].text))
    draft.fill(home, "CVL")
    return Phrase(with_article(scan, start), hit.end, root.i, (draft,))


def _people(scan: Scan, hit: NameHit, root: Token) -> bool:
    """A demonym heading its phrase names a people when plural or after "the"."""
    return is_plural(root) or root.text.endswith("s") or (
        hit.start > 0 and scan.doc[hit.start - 1].lower_ == "the")


def _root(scan: Scan, hit: NameHit) -> Token:
    for token in scan.doc[hit.start:hit.end]:
        if not (hit.start <= token.head.i < hit.end) or token.head.i == token.i:
            return token
    return scan.doc[hit.end - 1]
