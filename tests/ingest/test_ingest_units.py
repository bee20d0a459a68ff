"""Small parts of ingest: the English check, date shapes, binary sniffing, the reason table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wardesk.ingest
from wardesk.ingest.dates import normalise_date
from wardesk.ingest.decode import binary_kind
from wardesk.ingest.fetch import blocked_reason
from wardesk.ingest.language import why_not_english
from wardesk.ingest.reasons import REASONS

from .helpers import ENGLISH, FRENCH, RUSSIAN

GERMAN = (
    "Die Delegationen beider Länder trafen sich am Dienstag, um über eine mögliche Waffenruhe "
    "zu sprechen. Nach Angaben eines Sprechers werden die Gespräche in der nächsten Woche "
    "fortgesetzt, und die Minister haben sich auf eine Liste geeinigt."
)
SPANISH = (
    "Las delegaciones de los dos países se reunieron el martes para hablar de un posible alto "
    "el fuego. Según un portavoz, las conversaciones durarán varias horas y se reanudarán la "
    "próxima semana en la capital."
)


def test_english_passes_and_other_languages_do_not() -> None:
    assert why_not_english(ENGLISH) is None
    for text in (FRENCH, RUSSIAN, GERMAN, SPANISH):
        assert why_not_english(text) is not None, text[:30]
    assert why_not_english("1234 5678 !!!") is not None


def test_every_voa_story_and_the_seed_read_as_english(shared_dir: Path) -> None:
    lines = (shared_dir / "corpus" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines]
    texts.append((shared_dir / "seed" / "article.txt").read_text(encoding="utf-8"))
    assert [why_not_english(text) for text in texts] == [None] * len(texts)


def test_english_with_a_foreign_quote_is_still_english() -> None:
    assert why_not_english(ENGLISH + " He added: « la paix est possible ».") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-14 20:30:26Z", "2025-03-14"),
        ("2025-03-14T20:30:26+00:00", "2025-03-14"),
        ("Fri, 14 Mar 2025 20:30:26 GMT", "2025-03-14"),
        ("14 March 2025", "2025-03-14"),
        ("March 14, 2025", "2025-03-14"),
        ("2025-3-4", "2025-03-04"),
        ("2025-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        (20250314, None),
        ("0001-01-01", None),
    ],
)
def test_dates_are_normalised_to_iso_days(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_binary_sniffing() -> None:
    assert binary_kind(b"%PDF-1.7") == "a PDF"
    assert binary_kind(b"\x00\x00\x00\x18ftypmp42") == "an MP4/MOV media file"
    assert binary_kind(ENGLISH.encode()) is None
    assert binary_kind("wide".encode("utf-16")) is None
    assert binary_kind(b"text\x00more") is not None


@pytest.mark.parametrize(
    ("address", "blocked"),
    [
        ("127.0.0.1", True),
        ("10.0.0.8", True),
        ("192.168.1.1", True),
        ("172.16.5.4", True),
        ("169.254.169.254", True),
        ("0.0.0.0", True),
        ("224.0.0.1", True),
        ("100.64.0.1", True),
        ("::1", True),
        ("fe80::1", True),
        ("fd00:ec2::254", True),
        ("::ffff:10.0.0.1", True),
        ("93.184.216.34", False),
        ("2606:4700::6810:85e5", False),
    ],
)
def test_blocked_addresses(address: str, blocked: bool) -> None:
    assert (blocked_reason(address) is not None) is blocked


def test_every_reason_code_is_documented_in_the_module_docstring() -> None:
    doc = (wardesk.ingest.__doc__ or "").replace("`", "")
    for code, meaning in REASONS.items():
        assert f"\n{code} " in doc and meaning.replace("`", "") in " ".join(doc.split()), code
    assert all(code.isidentifier() and code == code.lower() for code in REASONS)


def test_public_names() -> None:
    assert sorted(wardesk.ingest.__all__) == ["REASONS", "read_one", "read_sources"]
