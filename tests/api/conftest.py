"""Fixtures for the API tests: a tmp store filled with hand-built records, and a client."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi.testclient import TestClient

from wardesk.api import create_app
from wardesk.settings import Settings


def load_demo() -> ModuleType:
    path = Path(__file__).with_name("desk_records.py")
    spec = importlib.util.spec_from_file_location("wardesk_desk_records", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def demo() -> ModuleType:
    return load_demo()


@pytest.fixture
def desk_db(tmp_path: Path, demo: Any) -> tuple[str, dict[str, str]]:
    path = str(tmp_path / "desk.db")
    return path, demo.fill(path)


@pytest.fixture
def client(desk_db: tuple[str, dict[str, str]]) -> Iterator[TestClient]:
    app = create_app(desk_db[0], Settings(db=desk_db[0], token="s3cret"))
    with TestClient(app) as c:
        yield c


@pytest.fixture
def ids(desk_db: tuple[str, dict[str, str]]) -> dict[str, str]:
    return desk_db[1]
