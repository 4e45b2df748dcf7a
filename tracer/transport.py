"""The transport under the cache: every request that reaches the network goes through here.

A `requests` adapter that checks the address a name resolves to and the address it actually
connected to, waits its turn at the host, refuses a body of the wrong type before reading it,
and reads the body in chunks so a size cap and an overall deadline hold even for a server that
never stops sending (or sends a byte a second). The body is then handed to requests-cache as
an ordinary, fully read response.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import HTTPError as Urllib3Error

from tracer.addresses import AddressPolicy, host_key
from tracer.errors import ContentTypeError, NetworkError, ResponseTooLargeError
from tracer.ratelimit import HostLimiter

LOGGER = logging.getLogger(__name__)

_CHUNK = 64 * 1024


def acceptable(content_type: str, accept: str) -> bool:
    """Whether a response's Content-Type is one the request's Accept header asked for.

    The Accept header says what each call can read (pages, JSON APIs, robots.txt), so the
    check needs no side channel. A missing Content-Type passes (the reader sniffs it).
    """
    media = content_type.split(";")[0].strip().lower()
    if not media or not accept:
        return True
    for item in accept.split(","):
        wanted = item.split(";")[0].strip().lower()
        if wanted in {"*/*", media} or (wanted.endswith("/*") and media.startswith(wanted[:-1])):
            return True
    return False


class GuardedAdapter(HTTPAdapter):
    """An HTTP adapter with the address guard, rate limit, type check, size cap and deadline.

    Args:
        policy: Which addresses may be fetched.
        limiter: Per-host spacing and concurrency.
        max_bytes: Largest body accepted (decoded), in bytes.
        deadline: Most seconds one response may take from connecting to its last byte.
    """

    def __init__(self, policy: AddressPolicy, limiter: HostLimiter, max_bytes: int, deadline: float) -> None:
        super().__init__(max_retries=0)
        self.policy = policy
        self.limiter = limiter
        self.max_bytes = max_bytes
        self.deadline = deadline

    def send(  # type: ignore[override]
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: bool | str = True,
        cert: Any = None,
        proxies: Mapping[str, str] | None = None,
    ) -> requests.Response:
        """Send one request and return it with its body read (within the caps)."""
        url = request.url or ""
        self.policy.check_resolved(url)
        with self.limiter.slot(host_key(url)):
            started = time.monotonic()
            response = super().send(request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=proxies)
            try:
                if not proxies or not any(proxies.values()):
                    self.policy.check_peer(url, _peer_address(response))
                self._check_headers(url, request, response)
                response._content = self._read_body(url, response, started)
            except BaseException:
                response.close()
                raise
        return response

    def _check_headers(self, url: str, request: requests.PreparedRequest, response: requests.Response) -> None:
        content_type = response.headers.get("Content-Type", "")
        if 200 <= response.status_code < 300 and not acceptable(content_type, request.headers.get("Accept", "")):
            raise ContentTypeError(f"not a readable document ({content_type.split(';')[0]}): {url}", url)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise ResponseTooLargeError(f"response over {self.max_bytes} bytes ({declared} declared): {url}", url)

    def _read_body(self, url: str, response: requests.Response, started: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := response.raw.read1(_CHUNK, decode_content=True):  # read1: whatever has arrived
                size += len(chunk)
                if size > self.max_bytes:
                    raise ResponseTooLargeError(f"response over {self.max_bytes} bytes: {url}", url)
                if time.monotonic() - started > self.deadline:
                    raise NetworkError(f"timed out fetching {url} (still sending after {self.deadline:.0f} s)", url)
                chunks.append(chunk)
        except Urllib3Error as exc:
            raise NetworkError(f"connection failed while reading {url}: {exc}", url) from exc
        response._content_consumed = True  # type: ignore[attr-defined]
        return b"".join(chunks)


def _peer_address(response: requests.Response) -> str | None:
    """The IP address the response's socket is connected to, when urllib3 still holds it."""
    connection = getattr(response.raw, "connection", None) or getattr(response.raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    try:
        return str(sock.getpeername()[0]) if sock is not None else None
    except OSError:
        return None
