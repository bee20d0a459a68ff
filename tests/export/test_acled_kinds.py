"""ACLED sub-event types read from an event with its sentence and the other events of that
sentence (export/acled_kinds): protests broken up or fired on, riots and mobs, territory taken
and retaken, grenades, disrupted weapons, bases, looting, attacks on civilians vs clashes."""

from __future__ import annotations

from typing import Any

from wardesk.export.acled_kinds import classify, in_context, report_class
from wardesk.records import ActorRef, Event, Evidence

POLICE = ActorRef(None, "Police", "IND", "COP")
TROOPS = ActorRef(None, "Troops", "NGA", "MIL")
REBELS = ActorRef(None, "rebels", "MMR", "REB")
GUNMEN = ActorRef(None, "Gunmen", "MEX", "UNK")
CROWD = ActorRef(None, "Farmers", "IND", "CVL")


def ev(event: str, mode: str | None, words: str, sentence: str, **kw: Any) -> Event:
    kw.setdefault("source", ())
    kw.setdefault("target", ())
    return Event(id=f"{event}-{words}", event=event, mode=mode, eventText=words,
                 evidence=Evidence(sentence, 0, len(sentence)), **kw)


def test_a_protest_broken_up_by_police_is_a_protest_with_intervention() -> None:
    s = "Police used batons to disperse nurses who were rallying outside the hospital in Pune."
    events = [ev("PROTEST", "demo", "rallying", s, source=(CROWD,))]
    assert report_class(events) == ("Protests", "Protest with intervention")
    s = "Officers detained twelve teachers protesting near the assembly."
    events = [ev("COERCE", "arrest", "detained", s, source=(POLICE,)), ev("PROTEST", "demo", "protesting", s)]
    assert in_context(events) == [("Protests", "Protest with intervention")] * 2


def test_protesters_killed_by_security_forces_is_excessive_force() -> None:
    s = "Soldiers fired on marchers in the town square, killing three of them."
    events = [ev("ASSAULT", "firearms", "fired", s, source=(TROOPS,), dead=3), ev("PROTEST", "demo", "marchers", s)]
    assert report_class(events) == ("Protests", "Excessive force against protesters")


def test_a_crowd_that_burns_and_stones_is_a_violent_demonstration_and_a_quiet_one_peaceful() -> None:
    s = "Protesting traders torched a bus and pelted the municipal office with stones."
    events = [ev("ASSAULT", "destroy", "torched", s, source=(CROWD,)), ev("PROTEST", "demo", "Protesting", s)]
    assert report_class(events) == ("Riots", "Violent demonstration")
    quiet = "Retired teachers rallied in front of the treasury to demand their pensions."
    assert report_class([ev("PROTEST", "demo", "rallied", quiet, source=(CROWD,))]) == ("Protests", "Peaceful protest")


def test_a_mob_without_a_protest_is_mob_violence() -> None:
    s = "A mob beat a suspected pickpocket to death at the bus stand."
    assert classify(ev("ASSAULT", "beat", "beat", s, source=(ActorRef(None, "mob", "IND", "CVL"),), dead=1)) == (
        "Riots", "Mob violence")


def test_killing_an_unarmed_person_is_an_attack_and_a_gunfight_with_troops_a_clash() -> None:
    s = "Gunmen shot dead a shopkeeper in Culiacan."
    assert classify(ev("ASSAULT", "firearms", "shot", s, source=(GUNMEN,), dead=1)) == (
        "Violence against civilians", "Attack")
    s = "Gunmen ambushed a patrol of soldiers outside Culiacan."
    assert classify(ev("ASSAULT", "firearms", "ambushed", s, source=(GUNMEN,))) == ("Battles", "Armed clash")
    s = "Police and suspected smugglers traded fire near the border."
    assert classify(ev("ASSAULT", "firearms", "traded", s, source=(POLICE,))) == ("Battles", "Armed clash")


def test_territory_retaken_by_troops_and_overrun_by_rebels() -> None:
    s = "Troops recaptured the village of Gubio from the insurgents."
    assert classify(ev("ASSAULT", None, "recaptured", s, source=(TROOPS,))) == (
        "Battles", "Government regains territory")
    s = "The rebels captured a hilltop outpost after a night of fighting."
    assert classify(ev("ASSAULT", None, "captured", s, source=(REBELS,))) == (
        "Battles", "Non-state actor overtakes territory")
    s = "The rebels captured two soldiers near the river."
    assert classify(ev("ASSAULT", None, "captured", s, source=(REBELS,))) == ("Battles", "Armed clash")


def test_grenades_and_disrupted_weapons() -> None:
    s = "Militants hurled a grenade at a market in Anantnag, wounding four."
    assert classify(ev("ASSAULT", "explosives", "hurled", s, injured=4)) == ("Explosions/Remote violence", "Grenade")
    s = "Police seized a cache of rifles and explosives from a house in Cotabato."
    assert classify(ev("COERCE", "seize", "seized", s, source=(POLICE,))) == (
        "Strategic developments", "Disrupted weapons use")
    s = "Air defences intercepted two drones over the airport."
    assert classify(ev("ASSAULT", None, "intercepted", s)) == ("Strategic developments", "Disrupted weapons use")


def test_bases_looting_and_agreements() -> None:
    s = "The army set up a new base near the town of Hpakant."
    assert classify(ev("MOBILIZE", "troops", "set up", s, source=(TROOPS,))) == (
        "Strategic developments", "Headquarters or base established")
    s = "Soldiers looted shops and homes in the village."
    assert classify(ev("ASSAULT", "destroy", "looted", s, source=(TROOPS,))) == (
        "Strategic developments", "Looting/property destruction")
    s = "The two armed groups signed a truce in the provincial capital."
    assert classify(ev("SUPPORT", None, "signed", s, source=(REBELS,))) == ("Strategic developments", "Agreement")
    s = "The minister signed the budget bill."
    assert classify(ev("SUPPORT", None, "signed", s)) is None


def test_an_attack_on_a_protest_by_others_keeps_its_own_kind() -> None:
    s = "A suicide bomber struck a rally of opposition supporters in Quetta."
    events = [ev("ASSAULT", "suicide-attack", "struck", s, source=(ActorRef(None, "bomber", "PAK", "UNK"),))]
    assert report_class(events) == ("Explosions/Remote violence", "Suicide bomb")


def test_a_fire_names_its_weapon_and_a_word_inside_another_is_no_weapon() -> None:
    s = "Insurgents fired rockets at an army post near Dikwa."
    assert classify(ev("ASSAULT", "firearms", "fired", s)) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    s = "A farmer was hacked to death by unidentified men in Latehar."
    assert classify(ev("ASSAULT", None, "hacked to", s, dead=1)) == ("Violence against civilians", "Attack")


def test_police_breaking_up_a_rally_and_protesters_attacking_police() -> None:
    s = "Police broke up a rally of opposition supporters in Harare."
    events = [ev("COERCE", "restrict", "broke up", s, source=(POLICE,))]
    assert report_class(events) == ("Protests", "Protest with intervention")
    s = "Party protesters attacked officers and blocked the motorway near Lahore."
    mob = ActorRef(None, "Party protesters", "PAK", "PTY")
    events = [ev("ASSAULT", None, "attacked", s, source=(mob,)), ev("PROTEST", "obstruct", "blocked", s, source=(mob,))]
    assert report_class(events) == ("Riots", "Violent demonstration")


def test_suicide_bombers_towns_seized_and_dispersed_gatherings() -> None:
    s = "An attacker blew himself up at a police post in Bannu, killing two."
    assert classify(ev("ASSAULT", "explosives", "blew himself up", s, dead=2)) == (
        "Explosions/Remote violence", "Suicide bomb")
    s = "Rebels of the front seized the border town of Kamituga."
    assert classify(ev("COERCE", "seize", "seized", s, source=(REBELS,))) == (
        "Battles", "Non-state actor overtakes territory")
    s = "Police fired tear gas to disperse traders who had gathered at the market in Mbale."
    events = [ev("ASSAULT", "firearms", "fired", s, source=(POLICE,)), ev("COERCE", "restrict", "disperse", s,
                                                                         source=(POLICE,))]
    assert report_class(events) == ("Protests", "Protest with intervention")
    s = "Rioters burned cars in the centre of Lyon."
    assert report_class([ev("ASSAULT", "destroy", "burned", s, source=(ActorRef(None, "Rioters", "FRA", "CVL"),))]) == (
        "Riots", "Violent demonstration")


def test_police_at_a_protest_keep_the_state_forces_interaction_code() -> None:
    from wardesk.export.acled import acled_rows
    from wardesk.records import ArticleMeta, ArticleRecord

    s = "Police fired tear gas at marchers in Accra."
    event = ev("ASSAULT", "firearms", "fired", s, source=(ActorRef(None, "Police", "GHA", "COP"),))
    (row,) = acled_rows([ArticleRecord(article=ArticleMeta(id="a", published="2021-05-01"), events=(event,))])
    assert (row["sub_event_type"], row["actor1"], row["inter1"]) == (
        "Protest with intervention", "Police Forces of Ghana", "1")
