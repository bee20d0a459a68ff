"""Hand-built articles and records for the desk's tests (no model): two articles about a
fictional front, with actors, events, statements, dates, positions and loaded terms, plus a
hostile article whose title, text and URL try every stored-XSS trick."""

from __future__ import annotations

from wardesk.records import (
    Actor,
    ActorRef,
    Article,
    ArticleMeta,
    ArticleRecord,
    Attribution,
    DateMention,
    Event,
    EventDate,
    Evidence,
    LoadedTerm,
    Mention,
    Place,
    Position,
    Rejection,
    Span,
    Statement,
    Tone,
)
from wardesk.store import Store

STRIKE_TEXT = (
    "Drones hit the port of Odesa on Monday, killing 4 people, the regional governor said.\n\n"
    "Ukraine's President Volodymyr Zelenskyy called the attack a cowardly act of terror. "
    "Russia's defence ministry claimed it struck military targets.\n\n"
    "Zelenskyy will meet Turkish President Recep Tayyip Erdogan in Ankara on Friday to discuss "
    "a ceasefire. Kyiv demands the withdrawal of Russian troops before any ceasefire."
)
TALKS_TEXT = (
    "Negotiators from Ukraine and Russia agreed on Wednesday in Istanbul to exchange prisoners, "
    "Turkish officials said.\n\n"
    "Kremlin spokesman Dmitry Peskov said Moscow was \"ready for a ceasefire\" if the West stops "
    "arms deliveries. Ukraine rejected the condition."
)
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
HOSTILE_TEXT = (
    f"Rebels shelled the town of Kherson on Monday. {HOSTILE} "
    "<a href=\"javascript:window.__pwned=3\">click</a> The army said it repelled the attack."
)


def at(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def mention(text: str, part: str, after: int = 0) -> Mention:
    s, e = at(text, part, after)
    return Mention(s, e, part)


def sentence(text: str, part: str) -> Evidence:
    """The sentence of ``text`` that contains ``part``, as evidence with exact offsets."""
    s, _ = at(text, part)
    stop, newline = text.rfind(". ", 0, s), text.rfind("\n", 0, s)
    begin = max(stop + 2 if stop >= 0 else 0, newline + 1)
    end = text.index(".", s) + 1
    return Evidence(text[begin:end], begin, end)


UKR = ActorRef("ukr/gov/volodymyr-zelenskyy", "Zelenskyy", "UKR", "GOV")
RUS_MIL = ActorRef("rus/mil/defence-ministry", "Russia's defence ministry", "RUS", "MIL")
TUR = ActorRef("tur/gov/recep-tayyip-erdogan", "Recep Tayyip Erdogan", "TUR", "GOV")
RUS = ActorRef("rus/gov/government-of-russia", "Russia", "RUS", "GOV")
UKR_GOV = ActorRef("ukr/gov/government-of-ukraine", "Ukraine", "UKR", "GOV")


def strike_record() -> tuple[Article, ArticleRecord]:
    t = STRIKE_TEXT
    art = Article(text=t, title="Drones hit Odesa port", url="https://example.org/odesa",
                  publisher="Example Wire", published="2025-03-11")
    odesa = Place("Odesa", "UKR", None, 46.48, 30.73, 698740)
    ankara = Place("Ankara", "TUR", None, 39.92, 32.85, 323786)
    actors = (
        Actor(UKR.actor or "", "Volodymyr Zelenskyy", "person", "UKR", "GOV", "President",
              ("Zelenskyy",), (), (mention(t, "Volodymyr Zelenskyy"), mention(t, "Zelenskyy", 200))),
        Actor(RUS_MIL.actor or "", "Russia's defence ministry", "organization", "RUS", "MIL",
              mentions=(mention(t, "Russia's defence ministry"),)),
        Actor(TUR.actor or "", "Recep Tayyip Erdogan", "person", "TUR", "GOV", "President",
              ("Erdogan",), (), (mention(t, "Recep Tayyip Erdogan"),)),
    )
    events = (
        Event("ev-strike", "ASSAULT", (RUS_MIL,), (), "hit the port", sentence(t, "Drones hit"),
              mode="aerial", date=EventDate("on Monday", "2025-03-10", None, "day", "exact"),
              eventLoc=odesa, dead=4, status="occurred",
              attribution=Attribution("the regional governor"), certainty="reported"),
        Event("ev-claim", "ASSAULT", (RUS_MIL,), (), "struck military targets",
              sentence(t, "claimed it struck"), eventLoc=odesa, status="occurred",
              attribution=Attribution("Russia's defence ministry", RUS_MIL.actor),
              certainty="claimed",
              date=EventDate("", "2025-03-10", None, "day", "approximate")),
        Event("ev-meet", "CONSULT", (UKR,), (TUR,), "will meet", sentence(t, "will meet"),
              mode="visit", date=EventDate("on Friday", "2025-03-14", None, "day", "exact"),
              eventLoc=ankara, status="planned", certainty="confirmed"),
    )
    statements = (Statement(UKR.actor, "Volodymyr Zelenskyy", "called",
                            "the attack a cowardly act of terror",
                            False, *at(t, "the attack a cowardly act of terror")),)
    dates = (DateMention("on Monday", *at(t, "on Monday"), "2025-03-10", resolution="exact"),
             DateMention("on Friday", *at(t, "on Friday"), "2025-03-14", resolution="exact"))
    positions = (Position(UKR_GOV.actor, "troop_withdrawal", "demand",
                          "the withdrawal of Russian troops",
                          Span(*at(t, "the withdrawal of Russian troops")), RUS.actor,
                          date="2025-03-11"),
                 Position(UKR_GOV.actor, "ceasefire", "condition", "before any ceasefire",
                          Span(*at(t, "before any ceasefire")), date="2025-03-11"))
    tone = Tone(-2.5, (LoadedTerm("cowardly", *at(t, "cowardly"), "pejorative"),
                       LoadedTerm("terror", *at(t, "terror"), "pejorative")))
    meta = ArticleMeta(art.id, None, art.title, art.url, art.publisher, art.published, "en",
                       len(t.split()), tone)
    return art, ArticleRecord(meta, actors, events, statements, dates, positions)


def talks_record() -> tuple[Article, ArticleRecord]:
    t = TALKS_TEXT
    art = Article(text=t, title="Prisoner exchange agreed in Istanbul",
                  url="https://example.org/istanbul", publisher="Example Wire",
                  published="2025-03-13")
    istanbul = Place("Istanbul", "TUR", None, 41.01, 28.98, 745044)
    peskov = ActorRef("rus/gov/dmitry-peskov", "Dmitry Peskov", "RUS", "GOV")
    actors = (
        Actor(UKR_GOV.actor or "", "Ukraine", "country", "UKR", "GOV",
              mentions=(mention(t, "Ukraine"), mention(t, "Ukraine", 100))),
        Actor(RUS.actor or "", "Russia", "country", "RUS", "GOV", mentions=(mention(t, "Russia"),)),
        Actor(peskov.actor or "", "Dmitry Peskov", "person", "RUS", "GOV", "Kremlin spokesman",
              ("Peskov",), (), (mention(t, "Dmitry Peskov"),)),
    )
    events = (
        Event("ev-agree", "AGREE", (UKR_GOV,), (RUS,), "agreed", sentence(t, "agreed"),
              mode="agreement", date=EventDate("on Wednesday", "2025-03-12", None, "day", "exact"),
              eventLoc=istanbul, status="occurred", certainty="reported",
              attribution=Attribution("Turkish officials")),
        Event("ev-reject", "REJECT", (UKR_GOV,), (RUS,), "rejected the condition",
              sentence(t, "rejected the condition"), status="occurred", certainty="confirmed",
              date=EventDate("", "2025-03-13", None, "day", "publication_date")),
    )
    statements = (Statement(peskov.actor, "Dmitry Peskov", "said", "ready for a ceasefire", True,
                            *at(t, "ready for a ceasefire")),)
    dates = (DateMention("on Wednesday", *at(t, "on Wednesday"), "2025-03-12",
                         resolution="exact"),)
    positions = (Position(RUS.actor, "ceasefire", "condition", "ready for a ceasefire",
                          Span(*at(t, "ready for a ceasefire")), UKR_GOV.actor,
                          Attribution("Dmitry Peskov", peskov.actor), "2025-03-13"),
                 Position(UKR_GOV.actor, "ceasefire", "reject", "rejected the condition",
                          Span(*at(t, "rejected the condition")), RUS.actor, date="2025-03-13"),
                 Position(RUS.actor, "military_aid", "oppose", "the West stops arms deliveries",
                          Span(*at(t, "the West stops arms deliveries")), date="2025-03-13"))
    meta = ArticleMeta(art.id, None, art.title, art.url, art.publisher, art.published, "en",
                       len(t.split()), Tone())
    return art, ArticleRecord(meta, actors, events, statements, dates, positions)


def hostile_record() -> tuple[Article, ArticleRecord]:
    t = HOSTILE_TEXT
    title = f"Shelling {HOSTILE}"
    art = Article(text=t, title=title, url="javascript:window.__pwned=4",
                  publisher=f"<b onmouseover=alert(1)>{HOSTILE}</b>", published="2025-03-12")
    rebels = ActorRef("ukr/reb/<script>x</script>", f"Rebels {HOSTILE}", "UKR", "REB")
    actors = (Actor(rebels.actor or "", f"Rebels {HOSTILE}", "group", "UKR", "REB",
                    "<i onclick=alert(1)>role</i>", (HOSTILE,), (), (mention(t, "Rebels"),)),)
    events = (Event("ev-<script>", "ASSAULT", (rebels,), (), f"shelled {HOSTILE}",
                    Evidence(t, 0, len(t)), date=EventDate("on Monday", "2025-03-10"),
                    eventLoc=Place(f"Kherson {HOSTILE}", "UKR", None, 46.64, 32.61),
                    attribution=Attribution(HOSTILE), dead=1),)
    statements = (Statement(rebels.actor, HOSTILE, "said", HOSTILE, True, *at(t, HOSTILE)),)
    positions = (Position(rebels.actor, "ceasefire", "reject", HOSTILE, Span(*at(t, HOSTILE)),
                          date="2025-03-12"),)
    tone = Tone(-1.0, (LoadedTerm(HOSTILE, *at(t, HOSTILE), "pejorative"),))
    meta = ArticleMeta(art.id, None, title, art.url, art.publisher, art.published, "en", 30, tone)
    return art, ArticleRecord(meta, actors, events, statements, (), positions)


def fill(path: str, hostile: bool = False) -> dict[str, str]:
    """Saves the demo records into the store at ``path``; returns their article ids by name."""
    parts = {"strike": strike_record(), "talks": talks_record()}
    if hostile:
        parts["hostile"] = hostile_record()
    with Store(path) as store:
        for art, rec in parts.values():
            store.save(art, rec)
        store.reject(Rejection("feed.xml#3", "not_english", "Language looks like de, not en"))
        if hostile:
            store.reject(Rejection(HOSTILE, "binary", HOSTILE))
    return {name: art.id for name, (art, _) in parts.items()}
