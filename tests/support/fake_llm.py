"""A misbehaving OpenAI-compatible server on 127.0.0.1, for the failure classes no recorded
cassette can show: 5xx, slowness, garbage, dropped connections."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def chat_completion(content: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [
            {
                "index": 0,
                "finish_reason": "stop",
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 10, "total_tokens": 110},
    }


class _Handler(BaseHTTPRequestHandler):
    behaviour = "garbage"
    delay_s = 0.0
    answer: str | None = None  # the model's text when it answers JSON (default: a bad draft)
    requests: list[dict[str, Any]]

    def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:
        self._send(200, {"object": "list", "data": [{"id": "fake", "object": "model"}]})

    def do_POST(self) -> None:
        length = int(self.headers.get("content-length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        type(self).requests.append(body)
        if self.behaviour == "slow":
            time.sleep(self.delay_s)
        if self.behaviour == "error500":
            self._send(500, {"error": {"message": "model crashed"}})
        elif self.behaviour == "overloaded":
            self._send(429, {"error": {"message": "too many requests"}})
        elif self.behaviour == "drop":
            self.connection.close()
        else:
            self._send(200, chat_completion(self.content()))

    def content(self) -> str:
        if self.behaviour == "garbage":
            return "I am sorry, I cannot help with that."
        if self.answer is not None:
            return self.answer
        return json.dumps({"headline": "x", "summary": "y", "events": []})

    def _send(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up on a slow answer is what some tests do on purpose


@contextmanager
def fake_llm_server(
    behaviour: str, delay_s: float = 0.0, answer: str | None = None
) -> Iterator[tuple[str, list[Any]]]:
    """Yields (base_url, requests seen); the server stops when the block ends. `answer`: what
    the model writes (behaviours "slow" and "json"), instead of a draft that fails its checks."""
    requests: list[dict[str, Any]] = []
    handler = type(
        "Handler",
        (_Handler,),
        {
            "behaviour": behaviour,
            "delay_s": delay_s,
            "answer": answer,
            "requests": requests,
        },
    )
    server = _QuietServer(("127.0.0.1", 0), handler)
    # a short poll interval: shutdown() waits for one poll (0.5 s by default) in every test
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", requests
    finally:
        server.shutdown()
        server.server_close()
