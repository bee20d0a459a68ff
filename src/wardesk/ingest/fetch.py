"""Safe HTTP GET for ingest: size and time caps, redirects followed hop by hop, no SSRF.

Every hop's URL is checked (scheme, literal IPs, "localhost" names), and the connection itself
goes through :class:`PinnedBackend`, which resolves the name once, refuses private/loopback/
link-local/metadata addresses, and connects to exactly the address it checked, so a DNS answer
that changes between check and connect (rebinding) cannot reach an internal host.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import httpcore
import httpx

from wardesk.errors import SourceError
from wardesk.ingest.reasons import (
    BLOCKED_ADDRESS,
    FETCH_FAILED,
    NOT_FOUND,
    TOO_LARGE,
    TOO_MANY_REDIRECTS,
    UNSUPPORTED,
)
from wardesk.settings import Settings

MAX_REDIRECTS = 5
_DEADLINE_FACTOR = 4  # a whole download may take this many http_timeouts (slow-drip servers)
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain")

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class Fetched:
    """One downloaded body with where it finally came from."""

    url: str
    content_type: str
    body: bytes


def blocked_reason(address: str) -> str | None:
    """Why an IP address may not be fetched from, or None when it is a public address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "loopback"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_link_local:
        return "link-local (incl. cloud metadata 169.254.169.254)"
    if ip.is_private or not ip.is_global:
        return "private or reserved"
    return None


def resolve_all(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (the system resolver, once)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class BlockedAddress(Exception):
    """Raised at connect time when the resolved address is internal. Not an httpcore error on
    purpose: httpx passes it through unmapped, so it cannot be mistaken for a network failure."""


class PinnedBackend(httpcore.SyncBackend):
    """Resolve once, refuse internal addresses, connect to the checked IP (SNI keeps the name)."""

    def __init__(self, *, allow_private: bool, resolve: Resolver = resolve_all) -> None:
        self._allow_private = allow_private
        self._resolve = resolve

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            addresses = self._resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        if not addresses:
            raise httpcore.ConnectError(f"{host} resolves to no address")
        if not self._allow_private:
            for address in addresses:  # any internal answer taints the name
                why = blocked_reason(address)
                if why:
                    raise BlockedAddress(f"{host} resolves to {address} ({why})")
        return super().connect_tcp(addresses[0], port, timeout, local_address, socket_options)


class PinnedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool built on :class:`PinnedBackend`."""

    def __init__(self, settings: Settings, *, resolve: Resolver = resolve_all) -> None:
        super().__init__(trust_env=False)
        # httpx 0.28 has no public hook for the network backend; the pool is rebuilt the way
        # HTTPTransport builds it, with only the backend swapped.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            network_backend=PinnedBackend(allow_private=settings.allow_private, resolve=resolve),
        )


def check_url(url: str, settings: Settings) -> httpx.URL:
    """The parsed URL of one hop, or SourceError when its scheme or literal host is refused."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, TypeError) as exc:
        raise SourceError(f"{url}: not a valid URL ({exc})", reason=FETCH_FAILED) from exc
    if parsed.scheme not in ("http", "https"):
        raise SourceError(f"{url}: only http and https URLs are read", reason=UNSUPPORTED)
    host = parsed.host.rstrip(".").lower()
    if not host:
        raise SourceError(f"{url}: no host in the URL", reason=FETCH_FAILED)
    if settings.allow_private:
        return parsed
    if host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES):
        raise SourceError(
            f"{url}: {host} is a local name (allow_private is off)", reason=BLOCKED_ADDRESS
        )
    why = _literal_ip_reason(host)
    if why:
        raise SourceError(f"{url}: {host} is {why} (allow_private is off)", reason=BLOCKED_ADDRESS)
    return parsed


def _literal_ip_reason(host: str) -> str | None:
    try:
        return blocked_reason(host)
    except ValueError:
        pass
    try:  # "2130706433" and "0x7f.1" are IPv4 too, for the C resolver
        return blocked_reason(socket.inet_ntoa(socket.inet_aton(host)))
    except (OSError, ValueError):
        return None


def make_client(settings: Settings, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """A client that never follows redirects itself and ignores proxy environment variables."""
    return httpx.Client(
        transport=transport or PinnedTransport(settings),
        timeout=settings.http_timeout,
        follow_redirects=False,
        trust_env=False,
        headers={"User-Agent": settings.user_agent},
    )


def fetch(url: str, client: httpx.Client, settings: Settings) -> Fetched:
    """GET `url`, following at most 5 redirects, each hop checked; SourceError on failure."""
    deadline = time.monotonic() + settings.http_timeout * _DEADLINE_FACTOR
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        check_url(current, settings)
        try:
            with client.stream("GET", current) as response:
                if response.is_redirect and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                _refuse_status(current, response)
                body = _read_capped(current, response, settings.max_bytes, deadline)
                return Fetched(str(response.url), response.headers.get("content-type", ""), body)
        except BlockedAddress as exc:
            raise SourceError(
                f"{current}: {exc} (allow_private is off)", reason=BLOCKED_ADDRESS
            ) from exc
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, ValueError) as exc:
            # ValueError includes the UnicodeError a hostile Location host name raises in httpx
            raise SourceError(
                f"{current}: {type(exc).__name__}: {exc}", reason=FETCH_FAILED
            ) from exc
    raise SourceError(f"{url}: more than {MAX_REDIRECTS} redirects", reason=TOO_MANY_REDIRECTS)


def _refuse_status(url: str, response: httpx.Response) -> None:
    if response.status_code in (404, 410):
        raise SourceError(f"{url}: HTTP {response.status_code}", reason=NOT_FOUND)
    if response.status_code >= 300:
        raise SourceError(f"{url}: HTTP {response.status_code}", reason=FETCH_FAILED)


def _read_capped(url: str, response: httpx.Response, limit: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise SourceError(
            f"{url}: {int(declared):,} bytes declared, over {limit:,}", reason=TOO_LARGE
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():  # decoded bytes: a gzip bomb hits the cap too
        size += len(chunk)
        if size > limit:
            raise SourceError(f"{url}: more than {limit:,} bytes", reason=TOO_LARGE)
        if time.monotonic() > deadline:
            raise SourceError(f"{url}: download took too long", reason=FETCH_FAILED)
        chunks.append(chunk)
    return b"".join(chunks)
