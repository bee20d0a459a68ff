"""Which ACLED event type and sub-event type a wardesk event falls in, after ACLED's public
codebook: the event's type, mode and parties, read together with its sentence's words
(data/acled_cues.json) and the other events the same sentence reports. ACLED codes a report,
not a clause: police who fire tear gas at a march make it a "Protest with intervention", a mob
that burns a temple is "Mob violence", troops that retake a town "Government regains territory".
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

from wardesk.event_types import types_with
from wardesk.records import ActorRef, Event

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

Kind = tuple[str, str]

STATE = {"GOV", "MIL", "COP", "SPY"}
ARMED = {"MIL", "REB", "INS", "COP", "SPY", "UNK", "UAF"}
CROWD = {"CVL", "OPP", "LAB"}
_VAC_MODES = {"beat", "torture", "execute", "massacre", "assassinate", "cleansing"}
_REMOTE_MODES = {"suicide-attack": "Suicide bomb", "explosives": "Remote explosive/landmine/IED",
                 "aerial": "Air/drone strike", "drone": "Air/drone strike",
                 "heavy-weapons": "Shelling/artillery/missile attack"}
_TYPES_AS_ROWS = types_with("acled_row")  # data/event_types.json

# Weapon words in the sentence, for attacks whose predicate names no weapon ("killed").
# (a word's start: "shell" is "shelled", "shelling"; checked in order, heavy weapons before "bomb").
_WEAPON_MODES = (("drone", "drone"), ("airstrike", "aerial"), ("air strike", "aerial"),
                 ("missile", "heavy-weapons"), ("shell", "heavy-weapons"), ("artillery", "heavy-weapons"),
                 ("rocket", "heavy-weapons"), ("mortar", "heavy-weapons"), ("bomb", "aerial"),
                 ("landmine", "explosives"), ("roadside", "explosives"), ("ied", "explosives"))


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    raw = json.loads(resources.files("wardesk").joinpath("data/acled_cues.json").read_text(encoding="utf-8"))
    return {key: re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                            + r")(?![\w-])") for key, words in raw.items() if not key.startswith("_")}


def said(key: str, text: str) -> bool:
    """Whether ``text`` (lower-cased) holds one of the cue words of ``key``."""
    return _cues()[key].search(text) is not None


def _sentence(ev: Event) -> str:
    return ev.evidence.text.lower()


def _after(ev: Event) -> str:
    """The sentence from the event's own words on: what it is done to."""
    text, words = _sentence(ev), ev.eventText.lower()
    at = text.find(words) if words else -1
    return text[at:] if at >= 0 else text


def _sectors(refs: Iterable[ActorRef]) -> set[str]:
    return {r.sector for r in refs if r.sector}


@lru_cache(maxsize=1)
def _weapon_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(rf"(?<![\w-]){re.escape(word)}"), mode) for word, mode in _WEAPON_MODES)


def _weapon_mode(ev: Event) -> str:
    """The event's mode; for a killing, a shooting or a fire that names no heavier weapon
    ("fired mortar bombs"), the weapon its sentence names."""
    if ev.mode and ev.mode not in ("destroy", "firearms"):
        return ev.mode
    words = _sentence(ev)
    return next((mode for pattern, mode in _weapon_patterns() if pattern.search(words)), ev.mode or "")


def _territory(ev: Event) -> Kind | None:
    """Troops that retake a town; rebels that overrun a base (ACLED's two territory battles)."""
    words = ev.eventText.lower()
    retake, take = said("retake", words), said("take", words)
    if not (retake or take) or not said("territory", _after(ev)):
        return None
    side = _sectors(ev.source)
    if side & STATE or (retake and not side):
        return BATTLES, "Government regains territory"
    return BATTLES, "Non-state actor overtakes territory"


def _disrupted(ev: Event) -> bool:
    """Weapons defused, intercepted or seized before use, and nobody hurt."""
    return (said("disrupted", ev.eventText.lower()) and said("weapons", _sentence(ev))
            and not (ev.dead or ev.injured))


def _armed_target(ev: Event) -> bool:
    return bool(_sectors(ev.target) & ARMED) or said("armed_targets", _after(ev)[len(ev.eventText):])


def _assault(ev: Event) -> Kind:
    mode = _weapon_mode(ev)
    hurt = bool(ev.dead or ev.injured)
    if _disrupted(ev) or (mode in ("aerial", "drone") and said("disrupted", ev.eventText.lower()) and not hurt):
        return STRATEGIC, "Disrupted weapons use"
    territory = _territory(ev)
    if territory is not None:
        return territory
    if said("dispersal", ev.eventText.lower()) and not hurt:
        return PROTESTS, "Protest with intervention"  # only a gathering is dispersed
    if mode == "abduct":
        return VAC, "Abduction/forced disappearance"
    if mode == "sexual":
        return VAC, "Sexual violence"
    if said("grenade", _sentence(ev)) and mode not in ("suicide-attack", "aerial", "drone"):
        return REMOTE, "Grenade"
    if said("suicide", _sentence(ev)) and mode in ("explosives", "suicide-attack", ""):
        return REMOTE, "Suicide bomb"
    if mode in _REMOTE_MODES:
        return REMOTE, _REMOTE_MODES[mode]
    mob = said("mob", _sentence(ev))
    if mode == "destroy" and not hurt and not mob:
        return STRATEGIC, "Looting/property destruction"
    if (mob or _sectors(ev.source) & CROWD) and not (_sectors(ev.source) & ARMED):
        return RIOTS, "Mob violence"
    if said("clash", _sentence(ev)) or (_armed_target(ev) and mode not in _VAC_MODES):
        return BATTLES, "Armed clash"
    return VAC, "Attack"


def _coerce(ev: Event) -> Kind | None:
    if ev.mode == "arrest":
        return STRATEGIC, "Arrests"
    if ev.mode == "restrict" and said("dispersal", ev.eventText.lower()):
        return PROTESTS, "Protest with intervention"  # only a gathering is dispersed
    if ev.mode == "seize" and said("weapons", _after(ev)):
        return STRATEGIC, "Disrupted weapons use"
    if ev.mode == "seize" and _territory(ev) is not None:
        return _territory(ev)  # "rebels seized the town"
    if ev.mode == "seize" and "military" in ev.context:
        return STRATEGIC, "Non-violent transfer of territory"
    return None


def _other(ev: Event) -> Kind | None:
    if ev.event == "MOBILIZE":
        if said("base", _after(ev)):
            return STRATEGIC, "Headquarters or base established"
        return STRATEGIC, "Change to group/activity"
    if ev.event == "RETREAT" and ev.mode == "ceasefire":
        return STRATEGIC, "Agreement"
    if ev.event == "RETREAT" and ev.mode == "withdraw" and "military" in ev.context:
        return STRATEGIC, "Non-violent transfer of territory"
    if ev.event == "AGREE" and {"peace_process", "military"} & set(ev.context):
        return STRATEGIC, "Agreement"
    if ev.event == "SUPPORT" and said("agreement", _after(ev)):
        return STRATEGIC, "Agreement"
    return None


def happened(ev: Event) -> bool:
    return ev.event in _TYPES_AS_ROWS and not ev.negated and ev.status in ("occurred", "ongoing")


def classify(ev: Event) -> Kind | None:
    """ACLED (event_type, sub_event_type) of an event on its own, or None when ACLED has no row for it."""
    if not happened(ev):
        return None
    if ev.event == "ASSAULT":
        return _assault(ev)
    if ev.event == "PROTEST":
        if ev.mode == "riot":
            return RIOTS, "Violent demonstration"
        return (PROTESTS, "Protest with intervention") if ev.dead or ev.injured else (PROTESTS, "Peaceful protest")
    if ev.event == "COERCE":
        return _coerce(ev)
    return _other(ev)


def _state_act(ev: Event) -> bool:
    return ev.event in ("ASSAULT", "COERCE") and bool(_sectors(ev.source) & STATE)


def _crowd_act(ev: Event) -> bool:
    """Violence by the crowd: civilians, or a source its words call protesters ("TLP protesters")."""
    crowd = bool(_sectors(ev.source) & CROWD) or any(said("protest", r.actorText.lower()) for r in ev.source)
    return ev.event == "ASSAULT" and crowd and not _sectors(ev.source) & (ARMED - {"UNK"})


def _protest_kind(events: Sequence[Event], kinds: Sequence[Kind | None]) -> Kind | None:
    """A protest and what was done at it, from all the events of its sentence (or report):
    killed by the state's forces, violent itself, broken up or left alone (ACLED's order)."""
    coded = [e for e, k in zip(events, kinds, strict=True) if k is not None or (happened(e) and _state_act(e))]
    text = " ".join(dict.fromkeys(_sentence(e) for e in coded))
    state = [e for e in coded if _state_act(e)]
    crowd = [e for e in coded if _crowd_act(e)]
    gathering = said("protest", text) or said("dispersal", text)
    if not any(e.event == "PROTEST" for e in coded) and not (gathering and (state or crowd)):
        return None
    if any(e.dead for e in state if e.event == "ASSAULT") or (
            any(e.event == "ASSAULT" for e in state) and said("lethal", text) and not said("intervention", text)):
        return PROTESTS, "Excessive force against protesters"
    riot = any(k is not None and k[0] == RIOTS and e.event == "PROTEST" for e, k in zip(events, kinds, strict=True))
    if crowd or riot or (said("rioting", text) and not state):
        return RIOTS, "Violent demonstration"
    if state or said("intervention", text):
        return PROTESTS, "Protest with intervention"
    return PROTESTS, "Peaceful protest"


def in_context(events: Sequence[Event]) -> list[Kind | None]:
    """The ACLED class of each event read with the others (one sentence's, or a short report's):
    a protest and a police action at it, or the crowd's own violence, are one protest event."""
    kinds = [classify(e) for e in events]
    protest = _protest_kind(events, kinds)
    if protest is None:
        return kinds
    return [protest if happened(e) and (e.event == "PROTEST" or _state_act(e) or _crowd_act(e)) else k
            for e, k in zip(events, kinds, strict=True)]


def report_class(events: Iterable[Event]) -> Kind | None:
    """The ACLED class of a short report: that of its first ACLED-coded event, all its events
    read together (``in_context``), or None when none is coded."""
    return next((k for k in in_context(list(events)) if k is not None), None)
