"""A Ray address where nothing listens fails at once with one line (ray.init would retry for
minutes); addresses Ray reads itself ("auto") are left to it."""

from __future__ import annotations

import socket

import pytest

from wardesk.errors import WardeskError
from wardesk.runners.ray_runner import _reachable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_nothing_listening_is_one_clear_error() -> None:
    port = _free_port()
    for address in (f"127.0.0.1:{port}", f"ray://127.0.0.1:{port}"):
        with pytest.raises(WardeskError, match="cannot reach Ray"):
            _reachable(address, timeout=2)


def test_a_listening_address_and_auto_pass() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        _reachable(f"127.0.0.1:{server.getsockname()[1]}", timeout=2)
    _reachable("auto")
