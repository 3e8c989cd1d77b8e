"""Fetching a URL safely: http(s) only, no private addresses, timeouts, a size cap.

``timeout_seconds`` bounds the whole fetch, redirects included, not only each socket read: a
server that drips one byte per second would otherwise hold a run for hours. The deadline is
checked between reads, so one slow read can overrun it by at most one socket timeout.

A feed or a page URL is user input pointing at the network: without these rules a crafted
feed could make lagebild read ``file:///etc/passwd`` or probe ``http://169.254.169.254/``.
Redirects are followed by hand so that every hop is checked again.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from ..errors import InputError

USER_AGENT = "lagebild/0.1 (+news event extraction)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchPolicy:
    timeout_seconds: float = 20.0
    max_bytes: int = 10 * 1024 * 1024
    allow_private: bool = False  # allow loopback/private/link-local addresses (tests, intranets)
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def check_url(url: str, policy: FetchPolicy) -> None:
    """Raise InputError unless ``url`` is http(s) to a public address (or private is allowed)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(
            url, f"refused: only http and https URLs are fetched, not {parts.scheme or 'none'!r}"
        )
    host = parts.hostname
    if not host:
        raise InputError(url, "refused: URL has no host")
    if policy.allow_private:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(url, f"cannot resolve host {host!r}: {exc.strerror}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global:
            raise InputError(
                url,
                f"refused: {host} resolves to non-public address {address} "
                "(set allow_private to fetch from local networks)",
            )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # handled in fetch() so each hop is checked


def fetch(url: str, policy: FetchPolicy | None = None) -> Fetched:
    policy = policy or FetchPolicy()
    opener = urllib.request.build_opener(_NoRedirect)
    deadline = time.monotonic() + policy.timeout_seconds
    for _ in range(policy.max_redirects + 1):
        check_url(url, policy)
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        try:
            with opener.open(request, timeout=_left(url, policy, deadline)) as response:
                data = _read_body(response, url, policy, deadline)
                return Fetched(response.geturl(), data, response.headers.get("Content-Type", ""))
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.code in (301, 302, 303, 307, 308) else None
            if not location:
                raise InputError(url, f"HTTP error {exc.code} {exc.reason}") from exc
            url = urllib.parse.urljoin(url, location)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise InputError(url, f"cannot fetch: {reason}") from exc
    raise InputError(url, f"too many redirects (more than {policy.max_redirects})")


def _read_body(response: Any, url: str, policy: FetchPolicy, deadline: float) -> bytes:
    """The answer's body, at most ``max_bytes``, read before ``deadline``.

    read1() returns after one socket read: read(n) would wait for all n bytes, each socket read
    within the timeout, and so never look at the deadline.
    """
    chunks: list[bytes] = []
    size = 0
    while size <= policy.max_bytes:
        _left(url, policy, deadline)
        chunk = response.read1(min(_CHUNK, policy.max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise InputError(url, f"too large: more than {policy.max_bytes} bytes")


def _left(url: str, policy: FetchPolicy, deadline: float) -> float:
    """Seconds left for the fetch; InputError once there are none."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(
            url, f"timed out: the answer did not arrive within {policy.timeout_seconds:g} s (timeout_seconds)"
        )
    return left
