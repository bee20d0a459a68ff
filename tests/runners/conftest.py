"""What the Ray tests share: one local two-CPU Ray instance for the whole run (starting one
costs 5–15 s here), shut down at the end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def ray_instance() -> Iterator[Any]:
    """A Ray instance the runner finds already started, so leaves running."""
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()
