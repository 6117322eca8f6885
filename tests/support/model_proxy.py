"""A counting pass-through proxy on 127.0.0.1 in front of an OpenAI-compatible model server.

Each client gets its own base URL, `{proxy}/{name}/v1`, which reaches `{upstream}/v1`: the proxy
sees which client (replica) every model call comes from, and counts how many of each are in
flight at once. That is the number `SUMMARIZER_MAX_QUEUE` bounds, observed from outside the
replicas without any hook inside them.
"""

from __future__ import annotations

import http.client
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

_FORWARDED_HEADERS = ("content-type", "authorization", "accept")


@dataclass
class InFlight:
    """Model calls per client: now, the most at once, and in total."""

    now: Counter[str] = field(default_factory=Counter)
    peak: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def enter(self, name: str) -> None:
        with self.lock:
            self.now[name] += 1
            self.total[name] += 1
            self.peak[name] = max(self.peak[name], self.now[name])

    def leave(self, name: str) -> None:
        with self.lock:
            self.now[name] -= 1


@contextmanager
def counting_proxy(upstream: str, timeout_s: float = 600.0) -> Iterator[tuple[str, InFlight]]:
    """Yields (proxy root URL, counters); a client named `a` uses `{root}/a/v1` as base URL."""
    target = urlsplit(upstream)
    counts = InFlight()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self._forward("GET")

        def do_POST(self) -> None:
            self._forward("POST")

        def _forward(self, method: str) -> None:
            _, name, rest = self.path.split("/", 2)
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            headers = {k: v for k, v in self.headers.items() if k.lower() in _FORWARDED_HEADERS}
            counts.enter(name)
            try:
                connection = http.client.HTTPConnection(
                    target.hostname or "127.0.0.1", target.port, timeout=timeout_s
                )
                connection.request(method, "/" + rest, body=body or None, headers=headers)
                reply = connection.getresponse()
                data = reply.read()
                connection.close()
            finally:
                counts.leave(name)
            self.send_response(reply.status)
            self.send_header("content-type", reply.getheader("content-type", "application/json"))
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", counts
    finally:
        server.shutdown()
        server.server_close()
