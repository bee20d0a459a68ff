"""The typed, immutable records that flow between wardesk's stages.

Field names follow SCHEMA.md (and PLOVER's camelCase where PLOVER has a name), so that
``to_dict`` of an :class:`ArticleRecord` is exactly the public JSON record.
"""

from __future__ import annotations

import dataclasses
import hashlib
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_type_hints

from wardesk.event_types import event_type_table, quad_classes

SCHEMA_VERSION = "wardesk/1"

# The types, their older PLOVER names (SCHEMA.md) and quad classes (verbal/material cooperation
# and conflict, PLOVER manual) come from the one table of event types (data/event_types.json).
EVENT_TYPES: tuple[str, ...] = event_type_table().names()
EVENT_ALIASES: dict[str, str] = dict(event_type_table().aliases)
QUAD_CLASS: dict[str, str] = quad_classes()

Status = Literal["occurred", "ongoing", "planned", "hypothetical", "denied"]
Certainty = Literal["confirmed", "reported", "claimed", "hedged", "speculative"]
Granularity = Literal["day", "week", "month", "year"]
Resolution = Literal["exact", "approximate", "publication_date", "unresolved"]
Qualifier = Literal["exact", "at_least", "at_most", "about"]
Stance = Literal["demand", "offer", "support", "oppose", "reject", "accept", "condition"]
ActorKind = Literal["person", "organization", "country", "group", "coalition"]

STATUSES: tuple[str, ...] = typing.get_args(Status)
CERTAINTIES: tuple[str, ...] = typing.get_args(Certainty)
STANCES: tuple[str, ...] = typing.get_args(Stance)


def content_id(*parts: object, length: int = 16) -> str:
    """A stable id from content: the same parts always give the same id."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:length]


def normalise_text(text: str) -> str:
    """The text an article id is computed from: whitespace runs collapsed, ends trimmed."""
    return " ".join(text.split())


def article_id(text: str) -> str:
    """sha256 of the normalised text (SCHEMA.md: the same text is the same article)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


# --- ingest -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Furniture:
    """A stretch of page furniture in an article's text (a dateline, byline, photo caption,
    link line...): kept in the text, never read as news. ``kind`` names which."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Article:
    """One document, as ingest hands it to the pipeline."""

    text: str
    id: str = ""
    source_id: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    author: str | None = None
    language: str = "en"
    origin: str | None = None  # where it was read from: a path, URL or "-" (not part of the id)
    furniture: tuple[Furniture, ...] = ()  # found at ingest (not part of the id)

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", article_id(self.text))


@dataclass(frozen=True, slots=True)
class Rejection:
    """A document that was not used, and why. Stored, never silently dropped."""

    source: str
    reason: str  # a stable reason code, e.g. "empty", "binary", "not_english", "too_large"
    message: str
    time: str = ""  # ISO timestamp, filled by whoever stores it when empty


# --- the article record -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class LoadedTerm:
    text: str
    start: int
    end: int
    category: str
    quoted: bool = False  # inside a quotation: the speaker's word, not the outlet's


@dataclass(frozen=True, slots=True)
class Tone:
    score: float = 0.0
    loaded_terms: tuple[LoadedTerm, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    id: str
    source_id: str | None = None
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: str | None = None
    language: str = "en"
    words: int = 0
    tone: Tone = field(default_factory=Tone)


@dataclass(frozen=True, slots=True)
class Actor:
    id: str  # "rus/gov/vladimir-putin": stable across articles
    name: str
    kind: str  # ActorKind
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as it takes part in an event (PLOVER's source/target entries)."""

    actor: str | None
    actorText: str
    code: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    text: str
    value: str | None
    end: str | None = None
    granularity: str = "day"
    resolution: str = "unresolved"


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int
    unit: str
    text: str
    qualifier: str = "exact"


@dataclass(frozen=True, slots=True)
class Attribution:
    text: str
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    event: str
    source: tuple[ActorRef, ...]
    target: tuple[ActorRef, ...]
    eventText: str
    evidence: Evidence
    mode: str | None = None
    context: tuple[str, ...] = ()
    date: EventDate | None = None
    eventLoc: Place | None = None
    dead: int | None = None
    injured: int | None = None
    size: int | None = None
    quantities: tuple[Quantity, ...] = ()
    status: str = "occurred"
    negated: bool = False
    attribution: Attribution | None = None
    certainty: str = "confirmed"
    # True when the article recounts the event as past context, not as news (SCHEMA.md).
    background: bool = False
    # The incident the event reports: None from extraction, filled by the store.
    incident: str | None = None
    # The ids of the rules that made or changed the event, in the order they fired.
    trace: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportedTotal:
    """A period total ("1,250 civilians killed in 15 months"): kept apart, never an incident.

    ``value`` is the figure, or an approximate lower bound for a vague amount ("thousands").
    """

    what: str  # dead | injured | displaced | detained | missing | other
    value: int | None
    text: str  # the amount's own words
    evidence: Evidence
    qualifier: str = "exact"  # Qualifier, or "vague" for words such as "thousands"
    period: str | None = None  # the period's words: "since the war began", "in 15 months"
    since: str | None = None  # ISO date the period starts, when the text gives it
    until: str | None = None
    place: Place | None = None
    attribution: Attribution | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    speaker: str | None
    speakerText: str
    cue: str
    content: str
    direct: bool
    start: int  # offsets of the content span
    end: int
    certainty: str = "reported"


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    start: int
    end: int
    value: str | None
    end_value: str | None = None
    granularity: str = "day"
    resolution: str = "unresolved"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Position:
    holder: str | None
    issue: str
    stance: str
    text: str
    evidence: Span
    target: str | None = None
    attribution: Attribution | None = None
    date: str | None = None


# --- the peace process (issue 15; SCHEMA.md "a proposal", "a coalition") -----------------

PROPOSAL_KINDS: tuple[str, ...] = (
    "ceasefire", "energy_pause", "prisoner_exchange", "peace_plan", "peace_terms",
    "security_guarantee", "backstop", "peacekeeping_force", "maritime_deal",
)
RESPONSES: tuple[str, ...] = ("accept", "accept_with_conditions", "reject", "counter", "considering")
MEMBER_ROLES: tuple[str, ...] = ("member", "potential member", "lead", "observer")
PLEDGE_KINDS: tuple[str, ...] = (
    "troops", "air", "naval", "logistics", "intelligence", "weapons", "money", "guarantee",
    "backstop", "other",
)
PLEDGE_STATUSES: tuple[str, ...] = ("floated", "considering", "committed", "delivered", "withdrawn")


@dataclass(frozen=True, slots=True)
class Terms:
    """A proposal's terms as the text gives them."""

    duration_days: int | None = None
    scope: str | None = None  # "energy infrastructure", "Black Sea", "full", "partial"
    numbers: tuple[Quantity, ...] = ()  # "175 prisoners", "1,000 for 1,000"
    conditions: tuple[str, ...] = ()  # the words of each condition


@dataclass(frozen=True, slots=True)
class Response:
    """One party's answer to a proposal: accept, accept_with_conditions, reject, counter,
    considering (RESPONSES)."""

    party: ActorRef
    response: str
    evidence: Evidence
    conditions: str | None = None
    date: str | None = None
    speaker: str | None = None  # the actor id of who gave the answer, when not the party itself
    trace: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposal on the table (PROPOSAL_KINDS), as one article reports it; ``id`` is the same
    for every report of the same kind, parties and terms (the store merges reports)."""

    id: str
    kind: str
    proposer: tuple[ActorRef, ...]
    addressees: tuple[ActorRef, ...]
    terms: Terms
    evidence: Evidence
    first_reported: str | None = None
    responses: tuple[Response, ...] = ()
    trace: tuple[str, ...] = ()
    answers: str | None = None  # a counter-proposal: the id of the proposal it answers


@dataclass(frozen=True, slots=True)
class Member:
    actor: ActorRef
    role: str  # MEMBER_ROLES
    evidence: Evidence
    since: str | None = None


@dataclass(frozen=True, slots=True)
class Pledge:
    """Who pledges what (PLEDGE_KINDS) to whom, how much, on what condition, how far along
    (PLEDGE_STATUSES). ``share`` says which of a coalition's unnamed members pledge ("some",
    "others", "all"); ``requested_by`` is who asked for it, when it is asked of the party."""

    party: ActorRef
    what: str
    status: str
    evidence: Evidence
    to: ActorRef | None = None
    amount: str | None = None
    conditions: str | None = None
    date: str | None = None
    share: str | None = None
    requested_by: ActorRef | None = None
    coalition: str | None = None  # the Coalition id it is pledged within
    trace: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Coalition:
    """A grouping ("coalition of the willing", G7, "NATO allies") as one article reports it."""

    id: str
    name: str
    evidence: Evidence
    actor: str | None = None  # the actor id of the grouping in ``actors``
    size_reported: str | None = None  # "about 30": the words, when the text only counts
    size: int | None = None
    members: tuple[Member, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """Everything extracted from one article: the public record of SCHEMA.md."""

    article: ArticleMeta
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    statements: tuple[Statement, ...] = ()
    dates: tuple[DateMention, ...] = ()
    positions: tuple[Position, ...] = ()
    totals: tuple[ReportedTotal, ...] = ()
    proposals: tuple[Proposal, ...] = ()
    coalitions: tuple[Coalition, ...] = ()
    pledges: tuple[Pledge, ...] = ()
    schema: str = SCHEMA_VERSION


# --- (de)serialisation ------------------------------------------------------------------


def to_dict(record: Any) -> Any:
    """A record (or tuple of records) as plain JSON-ready data, in SCHEMA.md's shape."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (tuple, list)):
        return [to_dict(item) for item in record]
    return record


R = TypeVar("R")


_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """(name, type hint) of a record's fields; cached, as get_type_hints is slow."""
    fields = _FIELDS.get(cls)
    if fields is None:
        hints = get_type_hints(cls)
        fields = _FIELDS[cls] = tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))
    return fields


def from_dict(cls: type[R], data: Any) -> R:
    """Rebuild a record of type ``cls`` from ``to_dict`` output (unknown keys are ignored)."""
    kwargs = {name: _coerce(hint, data[name]) for name, hint in _fields(cls) if name in data}
    return cls(**kwargs)


def _coerce(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _coerce(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        inner = typing.get_args(hint)[0]
        return tuple(_coerce(inner, v) for v in value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_dict(hint, value)
    return value


def record_from_dict(data: dict[str, Any]) -> ArticleRecord:
    return from_dict(ArticleRecord, data)
