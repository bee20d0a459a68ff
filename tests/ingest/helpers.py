"""Texts and small builders shared by the ingest tests (written for these tests)."""

from __future__ import annotations

from collections.abc import Iterable

from wardesk.records import Article, Rejection

ENGLISH = (
    "Officials from both countries met on Tuesday to discuss a possible ceasefire. "
    "The talks lasted for several hours and ended without a joint statement, but a spokesman "
    "said that the delegations would meet again next week. Diplomats who were briefed on the "
    "meeting said the sides had agreed on a list of issues to settle before any truce."
)
FRENCH = (
    "Les délégations des deux pays se sont réunies mardi pour discuter d'un cessez-le-feu. "
    "Selon un porte-parole, les discussions ont duré plusieurs heures et elles reprendront la "
    "semaine prochaine dans la capitale, avec les ministres des affaires étrangères."
)
RUSSIAN = (
    "Делегации двух стран встретились во вторник, чтобы обсудить возможное прекращение огня. "
    "По словам представителя, переговоры продлились несколько часов и возобновятся на "
    "следующей неделе в столице."
)


def articles(items: Iterable[Article | Rejection]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def rejections(items: Iterable[Article | Rejection]) -> list[Rejection]:
    return [item for item in items if isinstance(item, Rejection)]
