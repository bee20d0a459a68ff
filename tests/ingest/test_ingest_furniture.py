"""Page furniture is found at ingest: datelines, bylines, captions, link lines, adverts, share
buttons, newsletter prompts (texts written for these tests in several outlets' house styles)."""

from __future__ import annotations

import pytest

from wardesk.ingest import read_one
from wardesk.ingest.furniture import dateline_place, find_furniture, in_furniture
from wardesk.records import Furniture
from wardesk.settings import Settings


def spans(text: str) -> list[tuple[str, str]]:
    return [(f.kind, text[f.start:f.end]) for f in find_furniture(text)]


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("TRIPOLI (Reuters) —", "Tripoli"),
        ("ADDIS ABABA, Ethiopia (AP) —", "Addis Ababa"),
        ("KHARTOUM:", "Khartoum"),
        ("WASHINGTON —", "Washington"),
        ("Kabul, Jan 14 (AFP) -", "Kabul"),
        ("NEW DELHI, March 2:", "New Delhi"),
        ("PORT-AU-PRINCE, Haiti --", "Port-Au-Prince"),
    ],
)
def test_a_dateline_is_furniture_and_names_the_place(opening: str, place: str) -> None:
    text = f"{opening} Gunmen attacked a police post on Monday, killing three officers."
    found = find_furniture(text)
    assert [(f.kind, text[f.start:f.end]) for f in found] == [("dateline", opening)]
    assert dateline_place(text, found) == place


@pytest.mark.parametrize(
    "text",
    [
        "NATO — the alliance — said it would meet.",
        "PUTIN: We will respond to any attack.",
        "More than 40 people were killed in the attack, officials said.",
        "By Tuesday, the rebels had entered the city.",
        "The drought contributed to the displacement of thousands.",
        "Related talks in Doha ended without a deal.",
        "Share prices in Kyiv fell after the strike.",
        "The photo showed smoke over the port, a spokesman said.",
        "The army said it would advertise new posts. Police said the credit was frozen.",
    ],
)
def test_ordinary_news_sentences_are_not_furniture(text: str) -> None:
    assert find_furniture(text) == ()


def test_bylines_and_wire_trailers_are_furniture() -> None:
    text = (
        "By Amina Yusuf and Tom Reilly\n\n"
        "MOGADISHU (Reuters) - A car bomb exploded near a checkpoint on Saturday.\n\n"
        "Reporting by Amina Yusuf in Mogadishu; Writing by Tom Reilly; Editing by Sara Lind\n"
        "Associated Press writer Omar Faruk in Nairobi contributed to this report."
    )
    assert [kind for kind, _ in spans(text)] == ["byline", "dateline", "byline", "byline"]


def test_a_wire_trailer_in_parentheses_at_the_end_of_a_paragraph() -> None:
    text = "The minister said more talks were needed. (Reporting by Li Wei; Editing by Ann Cole)"
    assert spans(text) == [("byline", "(Reporting by Li Wei; Editing by Ann Cole)")]


def test_photo_captions_and_credits_are_furniture() -> None:
    text = (
        "FILE PHOTO: Smoke rises over Kharkiv after a missile strike, May 4, 2024. "
        "REUTERS/Ivan Petrenko/File Photo\n"
        "Soldiers walk past a burnt tank near Izium. (Photo: Max Ivanov/AFP)\n"
        "Displaced families shelter in a school in Rafah. Credit: Ali Hamdan/Anadolu\n"
        "The army said it had retaken the village."
    )
    kinds = [kind for kind, _ in spans(text)]
    assert kinds == ["caption", "caption", "caption"]
    assert in_furniture(0, 20, find_furniture(text))
    last = text.index("The army")
    assert not in_furniture(last, len(text), find_furniture(text))


def test_link_lines_adverts_share_buttons_and_newsletter_prompts() -> None:
    text = (
        "Also read: Ceasefire talks collapse in Doha\n"
        "READ MORE | What we know about the Goma offensive\n"
        "Advertisement\n"
        "Story continues below advertisement\n"
        "Share this article\n"
        "Share on WhatsApp\n"
        "Sign up for our Africa briefing, delivered to your inbox every week\n"
        "Rebels seized the town of Uvira on Friday.\n"
        "© 2025 Example Media Ltd. All rights reserved."
    )
    assert [kind for kind, _ in spans(text)] == [
        "link", "link", "advert", "advert", "share", "share", "newsletter", "footer"]


def test_a_glued_watch_link_marks_only_its_label() -> None:
    text = "Troops left the base. WATCH: Our correspondent's report Residents said they were afraid."
    assert spans(text) == [("label", "WATCH:")]


def test_a_credit_sentence_glued_into_the_last_paragraph_is_furniture() -> None:
    text = "Both sides claimed gains. Nadia Karim in Beirut contributed to this report."
    assert spans(text) == [("byline", "Nadia Karim in Beirut contributed to this report.")]


def test_ingest_records_the_spans_and_keeps_the_text_as_given() -> None:
    text = "GAZA CITY (AP) — An airstrike hit a school on Tuesday.\n\nAdvertisement\n\nMedics said five died."
    article = read_one("pasted", Settings(), text=text)
    assert article.text == text
    assert [(f.kind, text[f.start:f.end]) for f in article.furniture] == [
        ("dateline", "GAZA CITY (AP) —"), ("advert", "Advertisement")]
    assert all(isinstance(f, Furniture) for f in article.furniture)


def test_furniture_left_in_an_html_page_is_found() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Shelling in Kupiansk</title></head><body><article>"
        "<h1>Shelling in Kupiansk</h1>"
        "<p>KUPIANSK, Ukraine (AP) — Artillery hit a market in Kupiansk on Monday, "
        "wounding four people, local officials said.</p>"
        "<p>Advertisement</p><p>Related: Evacuations continue along the Oskil river</p>"
        "<p>Residents said the shelling lasted for two hours before the market caught fire.</p>"
        "<p>Share this article</p></article></body></html>"
    )
    article = read_one("page.html", Settings(), data=page.encode())
    kinds = [(f.kind, article.text[f.start:f.end]) for f in article.furniture]
    assert kinds == [("dateline", "KUPIANSK, Ukraine (AP) —"), ("advert", "Advertisement"),
                     ("link", "Related: Evacuations continue along the Oskil river"),
                     ("share", "Share this article")]


@pytest.mark.parametrize(
    "text",
    ["By " + "Aa Bb, " * 20000, "WASHINGTON " * 20000 + "— Text", "A" * 200000,
     "x " * 100000 + "contributed to this report", ("sign up get " * 30000) + "newsletter",
     "(" * 50000 + "Photo: x" + ")" * 50000, "(Reporting by " * 20000],
)
def test_hostile_lines_take_no_more_than_linear_time(text: str) -> None:
    import time

    started = time.perf_counter()
    find_furniture(text)
    assert time.perf_counter() - started < 3.0
