"""The incidents tests' fixtures: the fictional news week of scenario.py."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="session")
def scenario() -> ModuleType:
    import importlib.util

    path = Path(__file__).with_name("scenario.py")
    spec = importlib.util.spec_from_file_location("wardesk_incident_scenario", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
