"""Which network addresses the tracer may fetch from: never loopback, private or link-local ones.

A page the tracer follows is chosen by whoever wrote the page that links to it. Without this
guard a hostile article could make the tracer read a router's admin page, a cloud metadata
service (169.254.169.254) or anything else on the researcher's own network, and put what it
read into the trace. Addresses are checked three times: the literal host before anything is
sent (or read from the cache), every address a name resolves to before connecting, and the
address the socket actually connected to (a name that resolves differently on the second
lookup — DNS rebinding — is caught there).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tracer.errors import BlockedURLError, NetworkError

LOGGER = logging.getLogger(__name__)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# Marks a NetworkError as a name that does not resolve: the whole host is unreachable.
DNS_FAILURE = "(DNS failure)"
# Names that mean "this machine" without any DNS lookup.
_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


def address_problem(address: IPAddress) -> str | None:
    """Why an address must not be fetched from, or None when it is a public address.

    `is_global` is the test that matters (it covers private, shared, reserved, documentation
    and benchmarking ranges); the named checks only give the message its words.
    """
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address_problem(address.ipv4_mapped)
    for label, flagged in (
        ("a loopback", address.is_loopback),
        ("a link-local", address.is_link_local),
        ("a private", address.is_private),
        ("a multicast", address.is_multicast),
        ("an unspecified", address.is_unspecified),
        ("a reserved", address.is_reserved),
    ):
        if flagged:
            return label
    return None if address.is_global else "a non-public"


def _literal(host: str) -> IPAddress | None:
    """The address a host written as an IP literal means, in any spelling the resolver accepts.

    Besides the canonical forms, C's `inet_aton` (which `getaddrinfo`, and so every HTTP client,
    uses) reads `2130706433`, `127.1`, `0x7f000001` and `0177.0.0.1` as 127.0.0.1; the guard
    must read them the same way or it compares a different address from the one connected to.
    """
    bare = host.strip("[]").split("%")[0].rstrip(".")
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    if not bare or not all(ch in "0123456789abcdefxABCDEFX." for ch in bare):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(bare))
    except (OSError, ValueError):
        return None


def host_key(url: str) -> str:
    """`host:port` of a URL, lower-cased, with the scheme's default port filled in."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        port = 0
    return f"{host}:{port}"


@dataclass(frozen=True)
class AddressPolicy:
    """The address rules for one run.

    Args:
        allow_private: Fetch from any address (`--allow-private`; tests use it for their
            127.0.0.1 server).
        allow_hosts: `host` or `host:port` entries exempt from the rule — endpoints the user
            configured explicitly, such as a local Wayback mirror.
    """

    allow_private: bool = False
    allow_hosts: frozenset[str] = field(default_factory=frozenset)

    def _exempt(self, url: str) -> bool:
        key = host_key(url)
        return self.allow_private or key in self.allow_hosts or key.rsplit(":", 1)[0] in self.allow_hosts

    def check_url(self, url: str) -> None:
        """Refuse a URL whose host is a non-public literal address or a name for this machine.

        Needs no network, so it runs before the cache is read too: a page cached in a run
        with `--allow-private` is not served to a run without it.

        Raises:
            BlockedURLError: The host is loopback, private, link-local or otherwise non-public.
        """
        if self._exempt(url):
            return
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        address = _literal(host)
        problem = address_problem(address) if address else None
        if problem or host in _LOCAL_NAMES or host.endswith(".localhost"):
            label = problem or "a loopback"
            raise BlockedURLError(f"refusing {url}: {host} is {label} address (see --allow-private)", url)

    def check_cached(self, url: str) -> None:
        """Refuse to serve from the cache a URL whose name now resolves to a non-public address.

        A page cached in an `--allow-private` run under a name (`intranet.example`,
        `localtest.me`) would otherwise reach a guarded run without any address check. A name
        that does not resolve at all (a site since gone) may still be served: its copy was
        fetched when it was public, or by a run that allowed it, and then `check_url` and
        this check cover every other spelling.

        Raises:
            BlockedURLError: The name resolves to a non-public address.
        """
        if self._exempt(url) or _literal(urlsplit(url).hostname or "") is not None:
            return
        try:
            self.check_resolved(url)
        except NetworkError:
            return

    def check_resolved(self, url: str) -> None:
        """Resolve the URL's host and refuse it if any of its addresses is non-public.

        Exempt hosts are resolved too: a name that does not resolve fails here, at once,
        rather than after waiting for its turn at the host.

        Raises:
            NetworkError: The name does not resolve.
            BlockedURLError: One of its addresses is non-public.
        """
        parts = urlsplit(url)
        host = parts.hostname or ""
        try:
            infos = socket.getaddrinfo(host, host_key(url).rsplit(":", 1)[1], proto=socket.IPPROTO_TCP)
        except (socket.gaierror, UnicodeError) as exc:
            raise NetworkError(f"cannot resolve {host} {DNS_FAILURE}: {url}", url) from exc
        if self._exempt(url):
            return
        for info in infos:
            address = _literal(str(info[4][0]))
            problem = address_problem(address) if address else "an unreadable"
            if problem:
                raise BlockedURLError(f"refusing {url}: {host} resolves to {problem} address {address}", url)

    def check_peer(self, url: str, peer: str | None) -> None:
        """Refuse a response whose socket is connected to a non-public address.

        Raises:
            BlockedURLError: The connection went to a non-public address.
        """
        if peer is None or self._exempt(url):
            return
        address = _literal(peer)
        problem = address_problem(address) if address else None
        if problem:
            raise BlockedURLError(f"refusing {url}: connected to {problem} address {peer}", url)
