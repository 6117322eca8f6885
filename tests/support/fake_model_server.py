"""A stand-in for llama.cpp's OpenAI-compatible server, as its own process on 127.0.0.1: one
generation at a time (as llama.cpp's server, which serialises them), each taking `--delay-s`, and
answering what the real model answered for the same article in the recorded eval cassette
(tests/cassettes/evals/openai-seeds.yaml), or a plain draft for an article it has not seen.

    python -m tests.support.fake_model_server --port 8080 --delay-s 2
"""

from __future__ import annotations

import argparse
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

from tests.support.fake_llm import chat_completion

CASSETTE = Path(__file__).resolve().parent.parent / "cassettes" / "evals" / "openai-seeds.yaml"
_UNSEEN = json.dumps({"headline": "Officials give new figures", "summary": "Officials spoke."})


def _shingles(text: str, size: int = 8) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def _user_text(body: dict[str, Any]) -> str:
    return " ".join(
        str(m.get("content", "")) for m in body.get("messages", []) if m.get("role") == "user"
    )


class Recordings:
    """The recorded answers, found by the article text they were given (shared 8-word runs)."""

    def __init__(self, cassette: Path) -> None:
        self.answers: list[tuple[set[str], dict[str, Any]]] = []
        for interaction in yaml.safe_load(cassette.read_text())["interactions"]:
            request = json.loads(interaction["request"]["body"])
            response = json.loads(interaction["response"]["body"]["string"])
            self.answers.append((_shingles(_user_text(request)), response))

    def answer(self, body: dict[str, Any]) -> dict[str, Any]:
        asked = _shingles(_user_text(body))
        best = max(self.answers, key=lambda pair: len(pair[0] & asked), default=None)
        if best is None or len(best[0] & asked) < 20:
            return chat_completion(_UNSEEN)
        return best[1]


def serve(port: int, delay_s: float) -> None:
    recordings = Recordings(CASSETTE)
    one_at_a_time = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self._send({"object": "list", "data": [{"id": "fake", "object": "model"}]})

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))))
            with one_at_a_time:
                time.sleep(delay_s)
                answer = recordings.answer(body)
            self._send(answer)

        def _send(self, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--delay-s", type=float, default=2.0)
    arguments = parser.parse_args()
    serve(arguments.port, arguments.delay_s)
