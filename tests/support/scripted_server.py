"""A tiny real HTTP server on 127.0.0.1 that answers POSTs from a script (status, headers, body),
one entry per request, the last entry repeating: for a client's retry behaviour."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    """Requests received: their JSON bodies and monotonic arrival times."""

    bodies: list[Any] = field(default_factory=list)
    times: list[float] = field(default_factory=list)


@contextmanager
def scripted_server(script: Sequence[Reply]) -> Iterator[tuple[str, Seen]]:
    """Yields (base URL, requests seen); the n-th POST gets script[n] (the last one repeats)."""
    seen = Seen()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            with lock:
                seen.bodies.append(json.loads(body or b"null"))
                seen.times.append(time.monotonic())
                reply = script[min(len(seen.bodies), len(script)) - 1]
            data = json.dumps(reply.body).encode()
            self.send_response(reply.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
