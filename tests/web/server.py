"""A fictional web for tests and benchmarks: one real HTTP server on 127.0.0.1 per outlet.

Each folder under `tests/web/sites/` is a site with its own port (so each outlet is its own
host for the rate limiter, the robots rules and the cache). Files are served by path
(`/news/story` → `news/story.html`); `{{site:NAME}}` in any served file is replaced by that
site's base URL, so pages link to each other with real absolute URLs. A site's `_routes.json`
adds redirects, error statuses and misbehaving responses; two sites answer like services:
`social` like a platform's oEmbed endpoint (`posts.json`), `archive` like the Wayback
Machine's CDX, availability and replay endpoints (`captures.json`). Every request is logged
with its start and end time.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

SITES = Path(__file__).resolve().parent / "sites"
_TYPES = {".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".json": "application/json"}


@dataclass(frozen=True)
class Hit:
    """One request the web answered."""

    site: str
    path: str
    started: float
    ended: float
    user_agent: str


class Web:
    """The running web. Use as a context manager, or call `start()` and `stop()`.

    Args:
        root: Folder of site folders (None: only the sites named in `extra`).
        delay: Seconds every response waits before it is sent (the benchmark's 50 ms).
        extra: Names of additional empty sites, for routes added with `route()`.
    """

    def __init__(self, root: Path | None = SITES, *, delay: float = 0.0, extra: tuple[str, ...] = ()) -> None:
        self.root = root
        self.delay = delay
        names = sorted(p.name for p in root.iterdir() if p.is_dir()) if root else []
        self.names = [*names, *extra]
        self.servers: dict[str, ThreadingHTTPServer] = {}
        self.routes: dict[str, dict[str, dict[str, Any]]] = {name: {} for name in self.names}
        self.hits: list[Hit] = []
        self.flaky: dict[str, int] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Web:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        """Start one server per site, each on a free port."""
        for name in self.names:
            server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self, name))
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
            self.servers[name] = server
        for name in self.names:
            routes = self._site_dir(name) / "_routes.json" if self.root else None
            if routes and routes.exists():
                self.routes[name].update(json.loads(self.expand(routes.read_text(encoding="utf-8"))))

    def stop(self) -> None:
        """Stop every server."""
        for server in self.servers.values():
            server.shutdown()
            server.server_close()

    def base(self, site: str) -> str:
        """The site's base URL, e.g. http://127.0.0.1:40123."""
        return f"http://127.0.0.1:{self.servers[site].server_address[1]}"

    def url(self, site: str, path: str = "/") -> str:
        """An absolute URL on a site."""
        return self.base(site) + path

    def expand(self, text: str) -> str:
        """Replace `{{site:NAME}}` placeholders with base URLs."""
        return re.sub(r"\{\{site:(\w+)\}\}", lambda m: self.base(m.group(1)), text)

    def route(self, site: str, path: str, **spec: Any) -> None:
        """Add or replace a route: status, location, body, content_type, delay, endless, drip, fail_times."""
        self.routes[site][path] = spec

    def requests(self, site: str | None = None) -> list[Hit]:
        """The hits so far (on one site, or all)."""
        with self._lock:
            return [h for h in self.hits if site is None or h.site == site]

    def clear(self) -> None:
        """Forget the hits so far."""
        with self._lock:
            self.hits.clear()

    def max_in_flight(self, site: str) -> int:
        """The most requests to a site that were being answered at the same moment."""
        events = sorted([(h.started, 1) for h in self.requests(site)] + [(h.ended, -1) for h in self.requests(site)])
        level = peak = 0
        for _, step in events:
            level += step
            peak = max(peak, level)
        return peak

    def _site_dir(self, site: str) -> Path:
        assert self.root is not None
        return self.root / site

    def _log(self, hit: Hit) -> None:
        with self._lock:
            self.hits.append(hit)

    def file_for(self, site: str, path: str) -> Path | None:
        """The file that answers a path on a site, if any."""
        if self.root is None or ".." in path:
            return None
        base = self._site_dir(site)
        clean = path.strip("/") or "index"
        for candidate in (base / clean, base / f"{clean}.html", base / clean / "index.html"):
            if candidate.is_file() and not candidate.name.startswith("_"):
                return candidate
        return None


def _handler(web: Web, site: str) -> type[BaseHTTPRequestHandler]:
    class Handler(_SiteHandler):
        pass

    Handler.web = web
    Handler.site = site
    return Handler


class _SiteHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    web: Web
    site: str

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        started = time.monotonic()
        try:
            if self.web.delay:
                time.sleep(self.web.delay)
            self._answer()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self.web._log(Hit(self.site, self.path, started, time.monotonic(), self.headers.get("User-Agent", "")))

    def _answer(self) -> None:
        path = urlsplit(self.path).path
        spec = self.web.routes[self.site].get(path) or self.web.routes[self.site].get(self.path)
        if spec is not None:
            self._route(spec)
        elif self.site == "social" and path == "/oembed":
            self._oembed()
        elif self.site == "archive" and (path.startswith(("/cdx/", "/wayback/", "/web/"))):
            self._wayback(path)
        elif file := self.web.file_for(self.site, path):
            self._send(200, self.web.expand(file.read_text(encoding="utf-8")).encode(), _TYPES.get(file.suffix))
        else:
            self._send(404, b"<html><body><h1>Not found</h1></body></html>", "text/html; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _route(self, spec: dict[str, Any]) -> None:
        time.sleep(float(spec.get("delay", 0)))
        if spec.get("fail_times"):
            key = f"{self.site}{self.path}"
            seen = self.web.flaky.get(key, 0)
            self.web.flaky[key] = seen + 1
            if seen < int(spec["fail_times"]):
                retry = {"Retry-After": str(spec["retry_after"])} if "retry_after" in spec else {}
                self._send(int(spec.get("fail_status", 503)), b"busy", "text/plain", retry)
                return
        if spec.get("endless"):
            self._endless(spec.get("content_type", "text/html"))
            return
        if spec.get("drip"):
            self._drip(spec.get("content_type", "text/html"))
            return
        headers = {"Location": spec["location"]} if "location" in spec else {}
        body = spec.get("body", "")
        if "file" in spec:
            body = self.web.expand((self.web._site_dir(self.site) / spec["file"]).read_text(encoding="utf-8"))
        if "size" in spec:
            body = "x" * int(spec["size"])
        self._send(int(spec.get("status", 200)), body.encode(), spec.get("content_type", "text/html"), headers)

    def _endless(self, content_type: str) -> None:
        """A body that never ends (chunked): only a client that counts bytes stops reading."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"spam " * 2000 + b"</p>"
        for _ in range(100_000):
            self.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        self.close_connection = True

    def _drip(self, content_type: str) -> None:
        """A byte every 0.2 s of a long declared body: no read ever times out, the whole never ends."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        for _ in range(100_000):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.2)

    def _oembed(self) -> None:
        url = parse_qs(urlsplit(self.path).query).get("url", [""])[0]
        posts = json.loads(self.web.expand((self.web._site_dir("social") / "posts.json").read_text(encoding="utf-8")))
        post = next((v for k, v in posts.items() if k.lower() == url.lower()), None)  # as case-blind as X
        if post is None:
            self._send(404, b'{"error": "no such post"}', "application/json")
            return
        self._send(200, json.dumps(post).encode(), "application/json")

    def _wayback(self, path: str) -> None:
        captures = json.loads(
            self.web.expand((self.web._site_dir("archive") / "captures.json").read_text(encoding="utf-8"))
        )
        query = parse_qs(urlsplit(self.path).query)
        wanted = query.get("url", [""])[0]
        found = captures.get(wanted, [])
        if path == "/cdx/search/cdx":
            rows = [["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]]
            rows += [["key", c["timestamp"], wanted, "text/html", "200", "D", "1"] for c in found[:1]]
            self._send(200, json.dumps(rows if found else []).encode(), "application/json")
        elif path == "/wayback/available":
            closest = {"available": True, "status": "200", "timestamp": found[0]["timestamp"]} if found else None
            body = {"url": wanted, "archived_snapshots": {"closest": closest} if closest else {}}
            self._send(200, json.dumps(body).encode(), "application/json")
        else:
            self._replay(path, captures)

    def _replay(self, path: str, captures: dict[str, list[dict[str, str]]]) -> None:
        match = re.match(r"^/web/(\d{14})id_/(.+)$", unquote(path))
        capture = None
        if match:
            capture = next((c for c in captures.get(match.group(2), []) if c["timestamp"] == match.group(1)), None)
        if capture is None:
            self._send(404, b"<html><body>not archived</body></html>", "text/html")
            return
        body = self.web.expand((self.web._site_dir("archive") / capture["file"]).read_text(encoding="utf-8"))
        self._send(200, body.encode(), "text/html; charset=utf-8")


def iter_pages(web: Web) -> Iterator[tuple[str, str]]:
    """(site, URL) of every page file in the web, for smoke checks."""
    for site in web.names:
        if web.root is None:
            continue
        for file in sorted((web.root / site).rglob("*.html")):
            yield site, web.url(site, "/" + str(file.relative_to(web.root / site)).removesuffix(".html"))
