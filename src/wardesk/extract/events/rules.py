"""The event rules as named rows, applied in one place.

Each row has an id, the event types it applies to (None: all), its stage in the building of an
event, its condition (grammar tests and word lists, over a ``Draft``), its action (drop the
event, retype it, fill a role or the mode) and example sentences that run as tests
(tests/extract/test_event_rule_examples.py). ``apply`` runs the rows of one stage in order and
records on the draft the id of each row that fired; a kept event carries them in
``Event.trace``, and ``wardesk explain`` prints them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Literal

from wardesk.event_types import types_of_quad, types_with
from wardesk.extract.events.assertion import (
    awaited_clause,
    condition_clause,
    counterfactual_clause,
    no_victims,
    nobody_at_all,
    topic_noun,
    victimless,
)
from wardesk.extract.events.checks import (
    as_observer,
    continued_attack,
    declined_naming,
    domestic_act,
    encouragement_aimed,
    fights_nature,
    penalty_targets,
    press_business,
    private_travel,
    purpose,
    question,
    said_in_agreement,
    set_phrase,
    unable,
    vetoed,
)
from wardesk.extract.events.conditions import (
    MATERIAL_CONFLICT,
    STATE_SECTORS,
    THREAT_MODES,
    conditional_clause,
    empty_warning,
    governing_verb,
    inability,
    is_condition,
    passive_verb,
    peacekeeping,
    police_raid,
    pronoun_subject,
    threatened_mode,
    unless_clause,
    willingness,
    wished_for,
)
from wardesk.extract.events.fill import place_is_target, unidentified, weapon_mode
from wardesk.extract.events.irrealis import conjecture
from wardesk.extract.events.modality import asked_for, governors, obliged, speaker_refs
from wardesk.extract.events.operations import operation_name, operation_owner
from wardesk.extract.events.predicates import disaster_sentence
from wardesk.extract.events.role_cues import quoted_other
from wardesk.extract.events.roles import roles, subject_token, under_attack
from wardesk.extract.events.unnamed import machine, planted_weapon, unnamed_group
from wardesk.extract.grammar.labels import CLAUSAL_COMPLEMENT, CONJUNCT, OBJECT, ROOT
from wardesk.extract.grammar.syntax import is_passive
from wardesk.extract.grammar.syntax import lemma as _lemma
from wardesk.records import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from wardesk.extract.events.predicates import Match
    from wardesk.extract.layers import Counts, Layers
    from wardesk.records import Place

Refs = tuple[ActorRef, ...]
Stage = Literal["roles", "type", "keep", "status", "fill"]
STAGES: tuple[Stage, ...] = ("roles", "type", "keep", "status", "fill")

ACTORLESS = types_with("actorless")
UNNAMED_DOERS = types_with("unnamed_doer")
COOPERATIVE = types_of_quad("verbal_cooperation", "material_cooperation")
PRESS = "MED"  # the sector code of the press


@dataclass
class Draft:
    """An event while it is being built: the match, its sentence and the reading so far."""

    parts: list[Match]
    sent: Span
    layers: Layers
    found: list[Match]
    source: Refs
    target: Refs
    event_type: str
    mode: str | None
    speaker: Token | None = None
    counter: Callable[[], Counts] | None = None  # the event's counts, read when first asked
    status: str = ""
    negated: bool = False
    place: Place | None = None
    trigger_text: str = ""
    fired: list[str] = field(default_factory=list)
    _intent: bool | None = None
    _counts: Counts | None = None

    @property
    def m(self) -> Match:
        return self.parts[0]

    @property
    def trigger(self) -> Token:
        return self.parts[0].trigger

    @property
    def noun(self) -> bool:
        return self.parts[0].predicate.kind == "noun"

    def counts(self) -> Counts:
        if self._counts is None:
            assert self.counter is not None
            self._counts = self.counter()
        return self._counts

    def reads_intent(self) -> bool:
        """The predicate's own verb, active and not a conjecture: PLOVER reads its intention."""
        if self._intent is None:
            verb = self.trigger if not self.noun else governing_verb(self.trigger)
            self._intent = verb is not None and not is_passive(verb) and not conjecture(
                self.trigger, governors(self.trigger))
        return self._intent


Test = Callable[[Draft], bool]
Act = Callable[[Draft], bool]  # changes the draft; False when it had nothing to change


@dataclass(frozen=True)
class Rule:
    id: str
    stage: Stage
    action: Literal["drop", "retype", "fill"]
    when: Test
    then: Act | None = None  # None for a drop
    types: frozenset[str] | None = None
    note: str = ""
    examples: tuple[str, ...] = ()  # sentences on which the rule fires


def _retype(event_type: str, mode: str | None = None) -> Act:
    def act(d: Draft) -> bool:
        d.event_type, d.mode = event_type, mode
        return True
    return act


def _fill_mode(find: Callable[[Draft], str | None]) -> Act:
    def act(d: Draft) -> bool:
        d.mode = find(d)
        return d.mode is not None
    return act


def _speaks_of_itself(d: Draft) -> bool:
    return d.speaker is not None and pronoun_subject(d.trigger) and not under_attack(d.trigger) \
        and not quoted_other(d.trigger, subject_token(d.trigger))  # "'They hit …,' the mayor said"


def _speaker_is_it(d: Draft) -> bool:
    said = speaker_refs(d.speaker, d.layers.actors)  # "X said it had shot down …": it = X
    if "inverse" in d.m.predicate.flags and not d.target:
        d.target = said
        return bool(said)
    if not d.source and "inverse" not in d.m.predicate.flags:
        d.source = said
        return bool(said)
    return False


def _nominal_roles(d: Draft) -> bool:
    before = (d.source, d.target)
    for nominal in d.parts[1:]:  # the governed nominal fills the roles the verb left open
        n_source, n_target = roles(nominal, d.layers.actors)
        d.source, d.target = d.source or n_source, d.target or n_target
    return (d.source, d.target) != before


# PLOVER reads a stated intention by what is intended ("will withdraw", "would boycott"): the
# status.intent.* rows, of which the first that fires is the reading.
INTENT = "status.intent"
INTENT_STATUSES = ("planned", "hypothetical")


def _intent_verb(d: Draft) -> Token:
    verb = d.trigger if not d.noun else governing_verb(d.trigger)
    assert verb is not None  # reads_intent() holds
    return verb


def _intent_open(d: Draft) -> bool:
    """The predicate's intention can be read, and no earlier intent row has read it."""
    return d.reads_intent() and not any(f.startswith(INTENT) for f in d.fired)


def _intended(d: Draft) -> bool:
    """A stated intention: planned or hypothetical, and not itself an if/unless condition
    ("… if the US deploys missiles" is no one's intent)."""
    return _intent_open(d) and d.status in INTENT_STATUSES and not is_condition(_intent_verb(d))


def _as_threat(d: Draft) -> bool:
    before = (d.event_type, d.mode)
    d.event_type, d.mode = "THREATEN", THREAT_MODES.get(d.event_type)
    return (d.event_type, d.mode) != before


def _operation_owner(d: Draft) -> bool:
    before = d.source
    d.source = operation_owner(d.trigger, d.layers.actors, speaker_refs(d.speaker, d.layers.actors))
    return d.source != before


def _unidentified_source(d: Draft) -> bool:
    assert d.place is not None and d.place.country
    d.source = (unidentified(d.m, d.trigger_text, d.place.country),)
    return True


def _unnamed_group(d: Draft) -> bool:
    group = unnamed_group(d.m)
    d.source = (group,) if group is not None else d.source
    return group is not None


def _group_country(d: Draft) -> bool:
    assert d.place is not None
    d.source = tuple(replace(r, code=d.place.country) if r.actor is None and r.code is None and not machine(r) else r
                     for r in d.source)
    return True


def _place_target(d: Draft) -> bool:
    assert d.place is not None
    d.target = (ActorRef(None, d.place.name, d.place.country, None),)
    return True


def _attack_goes_on(d: Draft) -> bool:
    attack = continued_attack(d.m, d.found)
    assert attack is not None
    d.event_type, d.mode = "ASSAULT", attack.predicate.mode
    d.negated, d.status = False, "ongoing"
    return True


def _not_negated(d: Draft) -> bool:
    """The attack happened; "no one died" is a zero toll, "no soldiers died" none at all."""
    d.negated = False
    counts = d.counts()
    if counts.dead == 0 and not nobody_at_all(d.m):
        d._counts = replace(counts, dead=None)
    return True


def _has_counts(d: Draft) -> bool:
    c = d.counts()
    return (c.dead is not None or c.injured is not None or c.size is not None
                              or bool(c.quantities))


def _all_press(refs: Refs) -> bool:
    return bool(refs) and all(r.sector == PRESS for r in refs)


def _T(*names: str) -> frozenset[str]:
    return frozenset(names)


RULES: tuple[Rule, ...] = (
    # roles: who the predicate's own parse leaves open
    Rule("roles.speaker-is-it", "roles", "fill", _speaks_of_itself, _speaker_is_it,
         note="'X said it had shot down …': the pronoun subject is the speaker"),
    Rule("roles.nominal-fills", "roles", "fill", lambda d: len(d.parts) > 1, _nominal_roles,
         note="a governed event noun fills the roles the verb left open"),
    Rule("roles.operation-owner", "roles", "fill", lambda d: operation_name(d.trigger) is not None,
         _operation_owner, types=_T("ASSAULT"),
         note="'Operation X struck …': the actor that launched it, else the military reporting it",
         examples=("Operation Desert Hawk struck six depots in Syria, the Turkish army said.",)),
    Rule("roles.unnamed-group", "roles", "fill", lambda d: not d.source, _unnamed_group, types=UNNAMED_DOERS,
         note="'Farmers protested', 'Gunmen killed a judge': the unnamed group the subject names acts",
         examples=("Hundreds of farmers staged a protest outside the district office on Monday.",
                   "Unidentified gunmen shot dead a shopkeeper in the market.")),
    # type: what the predicate means here
    Rule("type.veto-is-reject", "type", "retype", lambda d: d.mode == "obstruct" and vetoed(d.trigger),
         _retype("REJECT"), types=_T("PROTEST"), note="'blocked the sale': a veto, not a blockade",
         examples=("The president blocked the sale of fighter jets to Turkey.",)),
    Rule("type.penalty-targets", "type", "retype",
         lambda d: _lemma(d.trigger) == "target" and penalty_targets(d.trigger), _retype("SANCTION"),
         types=_T("ASSAULT"), note="'legislation targeting Turkey': a penalty, no attack",
         examples=("The senators introduced legislation targeting Turkey over the purchase.",)),
    Rule("type.weapon-mode", "type", "fill", lambda d: d.mode is None, _fill_mode(lambda d: weapon_mode(d.sent)),
         types=_T("ASSAULT"), note="the sentence's weapon words give an attack's mode",
         examples=("A roadside bomb killed three soldiers near Kandahar.",)),
    Rule("type.threatened-mode", "type", "fill", lambda d: d.mode is None,
         _fill_mode(lambda d: threatened_mode(d.m, d.found)), types=_T("THREATEN"),
         note="a threat's mode from the act threatened",
         examples=("The rebels threatened to shell the towns along the river.",)),
    Rule("type.peacekeepers-are-aid", "type", "retype", lambda d: peacekeeping(d.trigger),
         _retype("AID", "peacekeeping"), types=_T("MOBILIZE"),
         note="troops sent as peacekeepers are military assistance (PLOVER AID; CAMEO 074), not a mobilisation",
         examples=("Ghana is sending 400 soldiers to the UN peacekeeping mission in Lebanon.",
                   "About 1,500 Russian peacekeepers were deployed along the corridor on Tuesday.")),
    Rule("type.police-raid-seizes", "type", "retype",
         lambda d: police_raid(d.trigger, d.source) and d.counts().dead is None, _retype("COERCE", "seize"),
         types=_T("ASSAULT"), note="a police raid that kills no one is law enforcement (PLOVER COERCE seize)",
         examples=("French police raided a migrant camp near Dunkirk on Tuesday.",)),
    Rule("type.state-protest-accuses", "type", "retype",
         lambda d: (_lemma(d.trigger) == "protest" and d.m.predicate.kind == "verb"
                    and d.trigger.dep_ in ROOT | CLAUSAL_COMPLEMENT | CONJUNCT
                    and any(c.dep_ in OBJECT for c in d.trigger.children)
                    and any(r.sector in STATE_SECTORS for r in d.source)),
         _retype("ACCUSE", "allege"), types=_T("PROTEST"),
         note="'Paris protested the ruling': a government's complaint, no demonstration",
         examples=("France protested the court's ruling on Tuesday.",)),
    # keep: clauses that assert no event
    Rule("keep.needs-target", "keep", "drop", lambda d: "target" in d.m.predicate.flags and not d.target,
         note="a predicate that is an event only with someone acted upon"),
    Rule("keep.nobody-concedes", "keep", "drop", lambda d: not d.source and passive_verb(d.trigger),
         types=_T("CONCEDE"), note="'were allowed to return': nobody named yields anything",
         examples=('The families were allowed to return to Gaza.',)),
    Rule("keep.question", "keep", "drop", lambda d: question(d.trigger, d.sent),
         note="'Could they call the State Department?'",
         examples=('Could Russia attack Finland next year?',)),
    Rule("keep.counterfactual", "keep", "drop", lambda d: counterfactual_clause(d.m),
         note="'could have destroyed the region, but it didn't': a perfect modal did not happen",
         examples=("The missile could have killed hundreds of people in Dnipro.",)),
    Rule("keep.inverted-condition", "keep", "drop", lambda d: condition_clause(d.m),
         note="'… had Hamas released the hostages': a condition, however parsed",
         examples=("Israel would have withdrawn from Rafah had Hamas released the captives.",)),
    Rule("keep.awaited", "keep", "drop", lambda d: awaited_clause(d.m),
         note="'will not end the strike until their demands are met': what a future act waits for "
              "has not happened",
         examples=("Kenya's doctors said they will not end the strike until their demands are met.",
                   "Hamas said it would keep the captives until Israel withdraws from Rafah.")),
    Rule("keep.no-victims", "keep", "drop", lambda d: no_victims(d.m), types=_T("ASSAULT"),
         note="'no passengers were killed during the operation': a killing of no one",
         examples=("The army said no civilians were killed in the clash near Kharkiv.",)),
    Rule("keep.topic-noun", "keep", "drop", lambda d: topic_noun(d.m),
         note="'the timetable for any withdrawal', 'discussed the withdrawal': what is talked about",
         examples=("Negotiators worked on the timetable for the withdrawal of Israeli troops from southern Lebanon.",)),
    Rule("keep.said-in-agreement", "keep", "drop", lambda d: said_in_agreement(d.trigger),
         note="'…,' agreed Sayim: a speech tag",
         examples=('“We will not give up,” agreed Sayim.',)),
    Rule("keep.set-phrase", "keep", "drop", lambda d: set_phrase(d.trigger), note="'as agreed', 'as opposed to'",
         examples=('As agreed, the two sides exchanged prisoners.',)),
    Rule("keep.purpose", "keep", "drop", lambda d: d.event_type != "REQUEST" and purpose(d.trigger),
         note="'in order to pressure': an aim"),
    Rule("keep.obliged", "keep", "drop", lambda d: d.event_type != "REQUEST" and obliged(d.trigger),
         note="'said the Taliban must return to the table': the demand's content"),
    Rule("keep.empty-warning", "keep", "drop", lambda d: empty_warning(d.m, d.target, d.layers.actors),
         note="'warned that the situation could get worse' threatens nobody",
         examples=('The minister warned that the situation could get worse.',)),
    Rule("keep.wished-for", "keep", "drop", lambda d: wished_for(d.m), note="'seeking assistance': wanted, not given"),
    Rule("keep.asked-for", "keep", "drop", lambda d: asked_for(d.trigger),
         note="an act asked for is the asking's content, coded as the REQUEST"),
    Rule("keep.unable", "keep", "drop", lambda d: unable(d.trigger), note="'unable to reach': no act"),
    Rule("keep.press-asked", "keep", "drop", lambda d: _all_press(d.target), types=_T("REJECT", "REQUEST", "CONSULT"),
         note="'ignored VOA requests for comment': the press asking is no event",
         examples=('The ministry ignored VOA requests for comment.',)),
    Rule("keep.press-noun", "keep", "drop", lambda d: d.noun and _all_press(d.source),
         note="'a VOA inquiry': the press asking is not an event",
         examples=('A VOA inquiry found no records.',)),
    Rule("keep.noun-without-source", "keep", "drop",
         lambda d: d.noun and not d.source and d.event_type not in ACTORLESS | {"CONSULT"},
         note="'investigations into corruption': nobody named does anything",
         examples=('Investigations into corruption continued in Kyiv.',)),
    Rule("keep.observer", "keep", "drop", lambda d: as_observer(d.trigger), types=_T("CONSULT"),
         note="'will attend as observers': an observer is no party to the talks",
         examples=("China and India will attend the summit as observers.",)),
    Rule("keep.interview", "keep", "drop", lambda d: any(r.sector == PRESS for r in d.source + d.target),
         types=_T("CONSULT"), note="'spoke with VOA': an interview, not a consultation"),
    Rule("keep.one-phrase-both-sides", "keep", "drop",
         lambda d: bool(d.source) and bool(d.target) and set(d.source) == set(d.target),
         note="one phrase read as both sides is a misread role"),
    Rule("keep.no-actors", "keep", "drop",
         lambda d: (not d.source and not d.target and not (d.event_type in ACTORLESS and _has_counts(d))
                    and not (d.event_type == "ASSAULT" and planted_weapon(d.m))),
         note="no actor, and no casualties or crowd to count, and no bomb that went off",
         examples=('The attack was condemned.',)),
    Rule("keep.disaster", "keep", "drop", lambda d: not d.source and disaster_sentence(d.sent), types=_T("ASSAULT"),
         note="'Cyclone Jude slammed into Malawi': weather, not an attack"),
    Rule("keep.disaster-uncoded", "keep", "drop",
         lambda d: not any(r.code for r in d.source) and disaster_sentence(d.sent), types=_T("ASSAULT", "ACCUSE"),
         note="a disaster blamed on no coded actor: no accusation",
         examples=('Cyclone Jude slammed into Mozambique on Monday.',)),
    Rule("keep.press-business", "keep", "drop",
         lambda d: press_business(d.trigger) or declined_naming(d.trigger), types=_T("REJECT", "REQUEST"),
         note="'declined to be named', 'requesting comment'",
         examples=('A Ukrainian official, who declined to be named, confirmed the strike.',)),
    Rule("keep.fights-nature", "keep", "drop", lambda d: fights_nature(d.trigger), types=_T("ASSAULT"),
         note="'battled blazes': no attack on anyone",
         examples=('Firefighters in Greece battled blazes near Athens.',)),
    Rule("keep.private-travel", "keep", "drop", lambda d: private_travel(d.trigger), types=_T("CONSULT"),
         note="tourists' visits are no diplomacy",
         examples=('Tourists visited Jerusalem during the holiday.',)),
    Rule("keep.domestic-act", "keep", "drop", lambda d: domestic_act(d.m, d.event_type),
         note="a state's lawmaking or service at home is no PLOVER event",
         examples=('President Biden signed the law on Friday.',)),
    Rule("keep.aimed-encouragement", "keep", "drop", lambda d: encouragement_aimed(d.trigger), types=_T("REQUEST"),
         note="'to encourage investment': an aim, not an appeal"),
    # status: once status and negation are read
    Rule("status.stopped-attack-goes-on", "status", "retype",
         lambda d: d.negated and continued_attack(d.m, d.found) is not None, _attack_goes_on,
         note="'had not halted its air strikes': a negated stop of an attack is the attack going on",
         examples=("Israel had not halted its air strikes on Gaza by Friday.",
                   "Russia did not stop shelling Kharkiv despite the truce.")),
    Rule("status.victimless-attack", "status", "fill", lambda d: d.negated and victimless(d.m), _not_negated,
         types=_T("ASSAULT"), note="'no soldiers died in the shelling': the shelling happened, with no dead",
         examples=("The army said no soldiers died in the shelling of Kherson.",)),
    Rule("status.inability", "status", "drop", lambda d: d.negated and inability(d.trigger),
         note="'members can not take part': a prohibition or inability, not a refusal"),
    Rule("status.intent.refusal", "status", "retype", lambda d: _intent_open(d) and d.negated,
         _retype("REJECT"), types=COOPERATIVE,
         note="'will not accept the plan': a cooperation its actor says no to is a refusal",
         examples=("Moscow will not accept the peace plan.",)),
    Rule("status.intent.unless-threat", "status", "retype", lambda d: _intended(d) and unless_clause(_intent_verb(d)),
         _as_threat, note="'will withdraw … unless': an act made to hang on the other side's conduct is a threat",
         examples=("Iran will expel the inspectors unless the sanctions are lifted.",)),
    Rule("status.intent.meeting-offer", "status", "retype",
         lambda d: _intended(d) and (willingness(_intent_verb(d)) or conditional_clause(_intent_verb(d))),
         _retype("AGREE", "meet"), types=_T("CONSULT"),
         note="'is ready to meet', 'would meet if …': an offer to meet is AGREE (mode meet); a meeting "
              "scheduled stays CONSULT, planned (the seed gold's reading; PLOVER's manual codes it AGREE)",
         examples=("Pakistan's prime minister said he was ready to meet the Indian leader.",)),
    Rule("status.intent.cooperation", "status", "retype", _intended, _retype("AGREE"),
         types=COOPERATIVE - {"AGREE", "CONSULT"},
         note="a future cooperation is the intent to cooperate ('will send aid', 'will withdraw': AGREE, as "
              "CAMEO's 'express intent to …' codes are)",
         examples=("Japan will send food aid to Sudan next month.", "Russia will withdraw its troops from the border.")),
    Rule("status.intent.conflict-threat", "status", "retype", _intended, _as_threat, types=MATERIAL_CONFLICT,
         note="'will boycott the vote': a stated intent to act against someone is a threat",
         examples=("Venezuela's opposition will boycott the election next week.",)),
    Rule("status.refused-cooperation", "status", "retype",
         lambda d: not d.reads_intent() and d.negated, _retype("REJECT"), types=COOPERATIVE,
         note="a negated cooperation the intent reading did not see is a refusal"),
    # fill: roles from the place
    Rule("fill.unidentified-attacker", "fill", "fill",
         lambda d: not d.source and d.place is not None and bool(d.place.country), _unidentified_source,
         types=_T("ASSAULT"), note="an attack with no source named: unidentified attackers in the place's country",
         examples=('A car bomb exploded in Baghdad on Monday, killing five people.',)),
    Rule("fill.group-country", "fill", "fill",
         lambda d: ("roles.unnamed-group" in d.fired and d.place is not None and bool(d.place.country)
                    and not any(r.code == d.place.country and (r.sector == "GOV" or (r.actor and not r.sector))
                                for r in d.target)),
         _group_country, note="an unnamed group acts in the country of the place it acts in, "
                              "unless that country is the side acted on ('sent soldiers into Somalia')",
         examples=("Police arrested two traders in Kano on Friday.",)),
    Rule("fill.place-target", "fill", "fill",
         lambda d: (not d.target and d.place is not None and bool(d.place.country)
                    and place_is_target(d.event_type, d.source, d.place, d.trigger)),
         _place_target, note="with no party named, the place acted on gives the target",
         examples=('Russia deployed more troops in Crimea.',)),
)


BY_STAGE: dict[str, tuple[Rule, ...]] = {s: tuple(r for r in RULES if r.stage == s) for s in STAGES}


def apply(stage: Stage, draft: Draft, rules: tuple[Rule, ...] | None = None) -> bool:
    """Run the rows of ``stage`` in order on ``draft``; False when a drop fired (the event is gone)."""
    for rule in BY_STAGE[stage] if rules is None else rules:
        if rule.stage != stage or (rule.types is not None and draft.event_type not in rule.types):
            continue
        if not rule.when(draft):
            continue
        if rule.then is None:
            draft.fired.append(rule.id)
            return False
        if rule.then(draft):
            draft.fired.append(rule.id)
    return True
