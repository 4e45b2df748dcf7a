"""A misbehaving HTTP server for tests: every fault a hostile or broken server can commit, one path each.

Written on raw sockets (not `http.server`), because the faults are below HTTP: headers sent a
byte at a time, connections reset before or in the middle of a body, replies that are not HTTP,
bodies that lie about their length. Paths:

    /page/<fault>            an article whose one attributed claim links to /fault/<fault>
    /fault/hang              reads the request, never answers
    /fault/header-drip       a status line, then one header byte every 0.2 s, forever
    /fault/body-drip         headers, then one body byte every 0.2 s, forever
    /fault/status-<code>     that status (429, 500, 503), no Retry-After
    /fault/retry-<code>-<s>  that status with `Retry-After: <s>`
    /fault/reset-before      resets the connection (RST) before answering
    /fault/reset-mid         sends headers and part of the body, then resets
    /fault/garbage           answers with bytes that are not HTTP
    /fault/loop              redirects to itself; /fault/loop-a and -b redirect to each other
    /fault/big-length        50 MB, with Content-Length
    /fault/big-chunked       50 MB, no Content-Length (read until close)
    /fault/lying-short       Content-Length 50 MB, sends 10 KB and closes
    /fault/lying-long        Content-Length 100, sends 50 MB
    /fault/gzip-bomb         50 MB of zeros as ~50 KB gzip; /fault/gzip-bomb-double: gzip of gzip
    /fault/png, /fault/pdf   images and documents with their types; /fault/no-type: PNG bytes, no type
    /fault/charset-<label>   an article served as text/html; charset=<label>
    /fault/redirect-<n>      302 to the n-th entry of `FaultServer.targets` (private addresses, file:, ...)

Bodies are generated as they are sent, so the server itself stays small in memory.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import socketserver
import struct
import threading
import time
from functools import lru_cache
from typing import Any

BIG = 50 * 1024 * 1024
DRIP_INTERVAL = 0.2
CLAIM = (
    "<html><head><title>Council news</title></head><body><article>"
    "<p>The council said on Monday that the Elm Street bridge would reopen in May, according to "
    '<a href="{href}">a report by the city engineers</a>.</p>'
    "<p>Residents have waited two years for the repairs, which cost more than the council had planned.</p>"
    "</article></body></html>"
)
STORY = (
    "<html><head><title>Engineers report</title></head><body><article>"
    "<p>The Elm Street bridge would reopen in May, the city engineers wrote in their report.</p>"
    "</article></body></html>"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n" + bytes(range(256)) * 4


@lru_cache(maxsize=2)
def _bomb(layers: int) -> bytes:
    data = gzip.compress(b"\0" * BIG, compresslevel=9)
    for _ in range(layers - 1):
        data = gzip.compress(data, compresslevel=9)
    return data


class FaultServer:
    """The running server on 127.0.0.1; `url(path)` gives its addresses. A context manager.

    Args:
        targets: Where /fault/redirect-<n> sends the client (n indexes this list).
    """

    def __init__(self, targets: list[str] | None = None) -> None:
        self.targets = list(targets or [])
        self.hits: list[str] = []
        self._stop = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _handler(self))

    def __enter__(self) -> FaultServer:
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self._server.server_address[1])

    def url(self, path: str) -> str:
        """The absolute URL of a path on this server."""
        return f"http://127.0.0.1:{self.port}{path}"


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def _handler(server: FaultServer) -> type[socketserver.StreamRequestHandler]:
    class Handler(_FaultHandler):
        faults = server

    return Handler


class _FaultHandler(socketserver.StreamRequestHandler):
    faults: FaultServer

    def handle(self) -> None:
        request = self.rfile.readline(65_536).decode("latin-1").split()
        while self.rfile.readline(65_536).strip():
            pass  # the request headers: not needed
        if len(request) < 2:
            return
        path = request[1]
        self.faults.hits.append(path)
        with contextlib.suppress(OSError):
            self._answer(path)

    # --- plumbing ---------------------------------------------------------------------------

    def _head(self, status: int, headers: dict[str, str]) -> None:
        lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers.items()] + ["Connection: close", "", ""]
        self.wfile.write("\r\n".join(lines).encode("latin-1"))

    def _send(
        self, status: int, body: bytes, content_type: str | None = "text/html; charset=utf-8", **extra: str
    ) -> None:
        headers = {"Content-Length": str(len(body)), **{k.replace("_", "-"): v for k, v in extra.items()}}
        if content_type:
            headers["Content-Type"] = content_type
        self._head(status, headers)
        self.wfile.write(body)

    def _stream(self, total: int) -> None:
        chunk = b"<p>filler text for a very large page</p>\n" * 1600
        sent = 0
        while sent < total and not self.faults._stop.is_set():
            piece = chunk[: total - sent]
            self.wfile.write(piece)
            sent += len(piece)

    def _drip(self, data: bytes) -> None:
        for byte in data:
            if self.faults._stop.wait(DRIP_INTERVAL):
                return
            self.wfile.write(bytes([byte]))
            self.wfile.flush()

    def _reset(self) -> None:
        """Close with RST instead of FIN: SO_LINGER on, timeout 0."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()

    # --- the faults -------------------------------------------------------------------------

    def _answer(self, path: str) -> None:
        if path.startswith("/page/"):
            self._send(200, CLAIM.format(href="/fault/" + path.removeprefix("/page/")).encode())
        elif path == "/robots.txt":
            self._send(404, b"", "text/plain")
        elif path == "/story":
            self._send(200, STORY.encode())
        elif path.startswith("/fault/"):
            self._fault(path.removeprefix("/fault/"))
        else:
            self._send(404, b"not found", "text/plain")

    def _fault(self, name: str) -> None:
        simple: dict[str, Any] = {
            "hang": lambda: self.faults._stop.wait(3600),
            "header-drip": lambda: (self.wfile.write(b"HTTP/1.1 200 OK\r\n"), self._drip(b"X-Slow: " + b"a" * 10_000)),
            "body-drip": lambda: (self._head(200, {"Content-Type": "text/html"}), self._drip(STORY.encode() * 100)),
            "reset-before": self._reset,
            "reset-mid": lambda: (
                self._head(200, {"Content-Type": "text/html", "Content-Length": "100000"}),
                self.wfile.write(STORY.encode()),
                self.wfile.flush(),
                self._reset(),
            ),
            "garbage": lambda: self.wfile.write(b"\x00\xffSSH-2.0-OpenSSH_9.6 not http at all\r\n" + bytes(range(256))),
            "loop": lambda: self._send(302, b"", Location="/fault/loop"),
            "loop-a": lambda: self._send(302, b"", Location="/fault/loop-b"),
            "loop-b": lambda: self._send(302, b"", Location="/fault/loop-a"),
            "big-length": lambda: (self._head(200, {"Content-Type": "text/html", "Content-Length": str(BIG)}), self._stream(BIG)),
            "big-chunked": lambda: (self._head(200, {"Content-Type": "text/html"}), self._stream(BIG)),
            "lying-short": lambda: (self._head(200, {"Content-Type": "text/html", "Content-Length": str(BIG)}), self._stream(10_000)),
            "lying-long": lambda: (self._head(200, {"Content-Type": "text/html", "Content-Length": "100"}), self._stream(BIG)),
            "gzip-bomb": lambda: self._send(200, _bomb(1), Content_Encoding="gzip"),
            "gzip-bomb-double": lambda: self._send(200, _bomb(2), Content_Encoding="gzip, gzip"),
            "png": lambda: self._send(200, PNG, "image/png"),
            "pdf": lambda: self._send(200, PDF, "application/pdf"),
            "no-type": lambda: self._send(200, PNG, None),
        }  # fmt: skip
        if name in simple:
            simple[name]()
        elif name.startswith("status-"):
            self._send(int(name.split("-")[1]), b"try later", "text/plain")
        elif name.startswith("retry-"):
            _, status, seconds = name.split("-")
            self._send(int(status), b"try later", "text/plain", Retry_After=seconds)
        elif name.startswith("charset-"):
            body = (STORY + "<p>caf\u00e9 +2D0- \u201cquoted\u201d</p>").encode("utf-8")
            self._send(200, body, f"text/html; charset={name.removeprefix('charset-')}")
        elif name.startswith("redirect-"):
            self._send(302, b"", Location=self.faults.targets[int(name.removeprefix("redirect-"))])
        else:
            self._send(404, b"no such fault", "text/plain")


def wait_until(predicate: Any, seconds: float) -> bool:
    """Poll `predicate` until it holds or `seconds` pass (for tests of background behaviour)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return bool(predicate())
