"""Stand-ins for the model worker process (`summarizer.engines.local.worker.serve`), for tests of
the supervisor that must not load the real model. Spawned like the real one, so they live in an
importable module. What each request does is read from its last message: `MODE:abort` aborts the
process as llama.cpp's grammar did, `MODE:hang` never answers, `MODE:deadline` stops at the
deadline with half an answer; anything else answers at once with a valid draft."""

from __future__ import annotations

import json
import os
import signal
import time
from multiprocessing.connection import Connection
from typing import Any

from summarizer.engines.local.worker import WorkerConfig

DRAFT = {
    "headline": "Council approves budget after long debate",
    "summary": "The city council approved the budget on Tuesday, the mayor said.",
    "events": [],
}


def _completion(content: str, finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "message": {"role": "assistant", "content": content},
            }
        ],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


def serve(conn: Connection, config: WorkerConfig) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn.send({"ready": "fake-model"})
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        prompt = str(request["arguments"]["messages"][-1]["content"])
        seconds = float(request["seconds"])
        if "MODE:abort" in prompt:
            os.abort()
        if "MODE:hang" in prompt:
            time.sleep(3600)
        if "MODE:deadline" in prompt:
            time.sleep(max(seconds, 0.0))
            partial = json.dumps(DRAFT)[:70]  # the headline whole, the summary cut
            outcome = {
                "completion": _completion(partial),
                "deadline_reached": True,
                "prompt_tokens": 100,
                "completion_tokens": 12,
                "timings": {},
            }
        else:
            outcome = {
                "completion": _completion(json.dumps(DRAFT)),
                "deadline_reached": False,
                "prompt_tokens": 100,
                "completion_tokens": 20,
                "timings": {},
            }
        conn.send({"outcome": outcome})


def serve_load_failure(conn: Connection, config: WorkerConfig) -> None:
    conn.send({"load_failed": "ValueError: not a GGUF file"})


def serve_dies_while_loading(conn: Connection, config: WorkerConfig) -> None:
    os._exit(3)
