"""The English check at ingest: a kept detector (CLD2) and wardesk's policy for short text."""

from __future__ import annotations

import pytest

from wardesk.errors import SourceError
from wardesk.ingest import read_one
from wardesk.ingest.language import SHORT_WORDS, why_not_english
from wardesk.settings import Settings


@pytest.mark.parametrize(
    "text",
    [
        "Delegates met in Oslo in 1993.",
        "Envoys gathered in Nicosia on Wednesday.",
        "Fighters shelled Kramatorsk at dawn.",
        "Haiti's gangs burned a police station.",
        "The talks in Lome ended at 11 p.m.",
        "Kigali denied sending troops.",
    ],
)
def test_a_short_english_sentence_is_english(text: str) -> None:
    assert why_not_english(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "De onderhandelaars spraken dinsdag opnieuw met elkaar in Den Haag.",
        "Die Gespräche über einen Waffenstillstand sind am Abend gescheitert.",
        "Las tropas abandonaron la ciudad después de dos semanas de asedio.",
        "Армия отступила из города после двух недель осады.",
        "Війська залишили місто після двох тижнів облоги.",
        "انسحبت القوات من المدينة بعد أسبوعين من الحصار.",
    ],
)
def test_a_short_sentence_in_another_language_is_not(text: str) -> None:
    assert why_not_english(text) is not None


def test_a_long_text_is_judged_by_the_detector_even_in_latin_letters() -> None:
    dutch = " ".join(["De regering heeft vandaag bekendgemaakt dat de troepen zich terugtrekken."] * 4)
    assert len(dutch.split()) >= SHORT_WORDS
    reason = why_not_english(dutch)
    assert reason is not None and "Dutch" in reason


def test_control_characters_and_surrogates_do_not_break_the_check() -> None:
    assert why_not_english("Rebels \x0b\x1f\x00 took the airport\ud800 on Friday.") is None
    assert why_not_english("\x01\x02 1234 !!!") == "no words in the text"


def test_a_refused_text_says_which_language_in_one_line() -> None:
    with pytest.raises(SourceError) as caught:
        read_one("pasted", Settings(), text="Les pourparlers ont échoué à Genève hier soir, selon le porte-parole du ministère.")
    assert caught.value.reason == "not_english"
    assert "French" in str(caught.value) and "\n" not in str(caught.value)
