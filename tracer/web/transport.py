"""The transport under the cache: every request that reaches the network goes through here.

A `requests` adapter that checks the addresses a name resolves to, and the address each socket
actually connected to before a byte of the request is sent; waits its turn at the host;
refuses a body of the wrong type before reading it; and reads the body in chunks, so that a
size cap and an overall deadline hold even for a server that never stops sending (or sends a
byte a second). The body is then handed to requests-cache as an ordinary, fully read response.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import HTTPError as Urllib3Error

from tracer.errors import ContentTypeError, NetworkError, ResponseTooLargeError
from tracer.web.addresses import AddressPolicy, host_key
from tracer.web.ratelimit import HostLimiter

LOGGER = logging.getLogger(__name__)

_CHUNK = 64 * 1024
# The socket of the request this thread is sending, for the deadline's watchdog to shut; and an
# earlier end this thread's requests must keep (the input's time budget), set by the fetcher.
_CURRENT = threading.local()


@contextlib.contextmanager
def ends_by(moment: float | None) -> Iterator[None]:
    """Requests this thread sends inside the block end by `moment` (`time.monotonic()`) at the latest."""
    previous = getattr(_CURRENT, "until", None)
    _CURRENT.until = moment
    try:
        yield
    finally:
        _CURRENT.until = previous


class _Watchdog:
    """Shuts the request's socket when its deadline passes, whatever the server is doing.

    Socket timeouts restart with every byte received, so a server that sends one header byte a
    second would hold a request forever; a timer on the whole exchange cannot be reset that way.
    """

    def __init__(self, seconds: float) -> None:
        self.fired = False
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True
        _CURRENT.watchdog = self

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _CURRENT.watchdog = None

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sock = getattr(self, "sock", None)
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def watch(self, sock: socket.socket | None) -> None:
        """Remember the socket the request uses (shut at once if the deadline already passed)."""
        with self._lock:
            self.sock = sock
            fired = self.fired
        if fired and sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


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
        self.policy = policy
        self.limiter = limiter
        self.max_bytes = max_bytes
        self.deadline = deadline
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        """Direct connections use pools whose sockets are checked as soon as they connect."""
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _guarded_pools(self.policy)

    def send(
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
            deadline = self._deadline(started)
            with _Watchdog(deadline) as watchdog:
                try:
                    response = super().send(
                        request, stream=True, timeout=timeout, verify=verify, cert=cert, proxies=proxies
                    )
                    self._finish(url, request, response, started, deadline)
                    if watchdog.fired:  # the shut socket ended the headers or the body early
                        raise NetworkError("cut by the watchdog", url)
                except (requests.RequestException, NetworkError) as exc:
                    if watchdog.fired:
                        message = f"timed out fetching {url} (no complete answer in {deadline:.0f} s)"
                        raise NetworkError(message, url) from exc
                    raise
        return response

    def _finish(
        self, url: str, request: requests.PreparedRequest, response: requests.Response, started: float, deadline: float
    ) -> None:
        """Check the headers and read the body into the response (closing it on any failure)."""
        try:
            self._check_headers(url, request, response)
            response._content = self._read_body(url, response, started, deadline)
        except BaseException:
            response.close()
            raise

    def _deadline(self, started: float) -> float:
        """Seconds this request may take: the adapter's deadline, or less when the input's budget ends sooner."""
        until = getattr(_CURRENT, "until", None)
        return self.deadline if until is None else max(0.0, min(self.deadline, until - started))

    def _check_headers(self, url: str, request: requests.PreparedRequest, response: requests.Response) -> None:
        content_type = response.headers.get("Content-Type", "")
        if 200 <= response.status_code < 300 and not acceptable(content_type, request.headers.get("Accept", "")):
            raise ContentTypeError(f"not a readable document ({content_type.split(';')[0]}): {url}", url)
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise ResponseTooLargeError(f"response over {self.max_bytes} bytes ({declared} declared): {url}", url)

    def _read_body(self, url: str, response: requests.Response, started: float, deadline: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        try:
            while chunk := response.raw.read1(_CHUNK, decode_content=True):  # read1: whatever has arrived
                size += len(chunk)
                if size > self.max_bytes:
                    raise ResponseTooLargeError(f"response over {self.max_bytes} bytes: {url}", url)
                if time.monotonic() - started > deadline:
                    raise NetworkError(f"timed out fetching {url} (still sending after {deadline:.0f} s)", url)
                chunks.append(chunk)
        except Urllib3Error as exc:
            what = "reset" if "reset" in str(exc).lower() else "broke off"
            raise NetworkError(f"the server {what} the connection in the middle of the body: {url}", url) from exc
        response._content_consumed = True  # type: ignore[attr-defined]
        return b"".join(chunks)


def _guarded_pools(policy: AddressPolicy) -> dict[str, type[HTTPConnectionPool]]:
    """urllib3 pool classes whose connections refuse a non-public peer right after connecting.

    The name was checked before the request (`check_resolved`), but urllib3 resolves it again
    to connect; a name that answers differently the second time (DNS rebinding) is caught
    here, before the request is written.
    """

    class GuardedHTTPConnection(HTTPConnection):
        def connect(self) -> None:
            super().connect()
            _check_socket(self, policy)

        def getresponse(self) -> Any:
            _watch(self)
            return super().getresponse()

    class GuardedHTTPSConnection(HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            _check_socket(self, policy)

        def getresponse(self) -> Any:
            _watch(self)
            return super().getresponse()

    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = GuardedHTTPConnection

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = GuardedHTTPSConnection

    return {"http": GuardedHTTPPool, "https": GuardedHTTPSPool}


def _watch(connection: HTTPConnection) -> None:
    """Hand the connection's socket (new or reused) to this thread's deadline watchdog."""
    watchdog = getattr(_CURRENT, "watchdog", None)
    if watchdog is not None:
        watchdog.watch(connection.sock)


def _check_socket(connection: HTTPConnection, policy: AddressPolicy) -> None:
    try:
        peer = str(connection.sock.getpeername()[0]) if connection.sock is not None else None
    except OSError:
        peer = None
    try:
        policy.check_peer(f"http://{connection.host}:{connection.port}/", peer)
    except Exception:
        connection.close()
        raise
