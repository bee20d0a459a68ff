"""The gazetteer cache gives the same answers as a fresh build, and a broken cache is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from wardesk.extract.places import gazetteer as pg

NAMES = ["Kyiv", "Kiev", "Ramensky", "Paris", "Saudi Arabia", "Moscow Oblast", "Zaporizhia"]


def test_cached_gazetteer_answers_like_a_fresh_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    pg.load_gazetteer.cache_clear()
    built = pg.load_gazetteer()  # builds and writes the cache
    assert list(tmp_path.glob("wardesk/gazetteer-*.pickle"))
    pg.load_gazetteer.cache_clear()
    cached = pg.load_gazetteer()  # reads it back
    fresh = pg._build()
    for name in NAMES:
        assert cached.lookup(name, fuzzy=True) == fresh.lookup(name, fuzzy=True) == built.lookup(name, fuzzy=True)
    pg.load_gazetteer.cache_clear()


def test_a_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    pg.load_gazetteer.cache_clear()
    path = pg._cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    gaz = pg.load_gazetteer()
    assert gaz.lookup("Paris") is not None and gaz.lookup("Paris").country == "FRA"  # type: ignore[union-attr]
    pg.load_gazetteer.cache_clear()
