"""Streaming (`Accept: text/event-stream`) against a real server on 127.0.0.1 and a fake
OpenAI-compatible model server that holds its answer back: the extractive body arrives before
the model answers, keep-alives while it works, then the same body the non-streaming call gives,
or the problem it would answer."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from litestar import Litestar
from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.settings import Settings
from tests.support import SEED_IDS, seed_text
from tests.support.fake_llm import fake_llm_server

MODEL_DELAY_S = 2.5
FIRST_EVENT_S = 1.5  # well under a second when idle (README); a loaded CI machine gets slack
SSE = {"accept": "text/event-stream"}
MODEL_HEADLINE = "Russian shelling destroys Ukrainian shopping centre, officials say"
MODEL_ANSWER = json.dumps({"headline": MODEL_HEADLINE, "summary": "Too short."})


@dataclass
class Event:
    name: str
    data: str
    at_s: float  # seconds since the request was sent

    def json(self) -> Any:
        return json.loads(self.data)


@dataclass
class Stream:
    status: int
    content_type: str
    events: list[Event] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [event.name for event in self.events]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(settings: Settings) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1 (the test client buffers a streamed body)."""
    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-streaming-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 15 s"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def read_stream(url: str, body: dict[str, Any], path: str = "/v1/summaries") -> Stream:
    """Parses server-sent events as a browser does, stamping when each one arrived."""
    started = time.monotonic()
    with httpx.stream("POST", url + path, json=body, headers=SSE, timeout=30) as response:
        stream = Stream(response.status_code, response.headers.get("content-type", ""))
        name, data = "message", []
        for line in response.iter_lines():
            if line.startswith(":"):
                stream.comments.append(line[1:].strip())
            elif line.startswith("event:"):
                name = line[len("event:") :].strip()
            elif line.startswith("data:"):
                data.append(line[len("data:") :].removeprefix(" "))
            elif not line and data:
                at = time.monotonic() - started
                stream.events.append(Event(name, "\n".join(data), at))
                name, data = "message", []
    return stream


def model_settings(url: str, tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "default_engine": "openai",
        "openai_base_url": url,
        "load_model_at_startup": False,
        "max_retries": 0,
        "cache_size": 0,  # every request reaches the model (counted below)
        "model_cache_dir": tmp_path,
        "stream_keepalive_s": 0.25,
        "prompt_version": "v2",  # the fake model writes a v2 answer (headline and summary)
    }
    return Settings(**(values | overrides))


def comparable(body: dict[str, Any]) -> dict[str, Any]:
    """A response without what differs between two calls for the same article."""
    body = json.loads(json.dumps(body))
    for key in ("latency_ms", "request_id", "cached"):
        body["meta"].pop(key, None)
    return body


def test_extractive_body_arrives_before_the_model_answers(tmp_path: Path) -> None:
    timings: dict[str, float] = {}
    with (
        fake_llm_server("slow", delay_s=MODEL_DELAY_S, answer=MODEL_ANSWER) as (url, requests),
        serve(model_settings(url, tmp_path)) as base,
    ):
        for case in SEED_IDS:
            text = seed_text(case)
            stream = read_stream(base, {"text": text})
            plain = httpx.post(base + "/v1/summaries", json={"text": text}, timeout=30)
            timings[case] = stream.events[0].at_s
            assert stream.status == 200 and stream.content_type.startswith("text/event-stream")
            assert stream.names() == ["extractive", "final"]
            extractive, final = (event.json() for event in stream.events)
            # the first event is the whole extractive response, long before the model answers
            assert extractive["meta"]["engine"] == "extractive" and extractive["figures"]
            assert stream.events[0].at_s < FIRST_EVENT_S < MODEL_DELAY_S <= stream.events[1].at_s
            # keep-alive comments while the model worked, none after the final event
            assert len(stream.comments) >= 4
            # the final event is exactly what the call answers without streaming
            assert final["meta"]["engine"] == "openai" and final["headline"] == MODEL_HEADLINE
            assert plain.status_code == 200
            assert comparable(final) == comparable(plain.json())
        assert len(requests) == 2 * len(SEED_IDS)  # one model call per request: no extra ones
    print(f"time to first event (s): {timings}")


def test_a_failing_model_sends_an_error_after_the_extractive_body(tmp_path: Path) -> None:
    with (
        fake_llm_server("error500") as (url, _),
        serve(model_settings(url, tmp_path)) as base,
    ):
        text = seed_text(SEED_IDS[0])
        stream = read_stream(base, {"text": text})
        plain = httpx.post(base + "/v1/summaries", json={"text": text}, timeout=30)
    assert stream.status == 200 and stream.names() == ["extractive", "error"]
    problem = stream.events[1].json()
    assert plain.status_code == problem["status"] == 502
    assert plain.headers["content-type"].startswith("application/problem+json")
    assert problem == plain.json()
    assert problem["engine"] == "openai" and "HTTP 500" in problem["detail"]


def test_a_model_past_the_request_timeout_is_a_504_event(tmp_path: Path) -> None:
    with (
        fake_llm_server("slow", delay_s=5.0) as (url, _),
        serve(model_settings(url, tmp_path)) as base,
    ):
        started = time.monotonic()
        stream = read_stream(base, {"text": seed_text(SEED_IDS[0]), "timeout_s": 1.5})
        elapsed = time.monotonic() - started
    assert stream.names() == ["extractive", "error"]
    assert stream.events[1].json()["status"] == 504 and elapsed < 4.0


def test_the_extractive_engine_streams_one_final_event(client: TestClient[Litestar]) -> None:
    text = seed_text(SEED_IDS[1])
    streamed = client.post("/v1/summaries", json={"text": text}, headers=SSE)
    plain = client.post("/v1/summaries", json={"text": text})
    assert streamed.headers["content-type"].startswith("text/event-stream")
    blocks = [b for b in streamed.text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    assert len(blocks) == 1 and blocks[0].startswith("event: final\ndata: ")
    final = json.loads(blocks[0].split("data: ", 1)[1])
    assert comparable(final) == comparable(plain.json())


@pytest.mark.parametrize(
    ("body", "status"),
    [({"text": "  "}, 422), ({"text": "A story.", "engine": "nope"}, 400), ({"txt": "x"}, 422)],
)
def test_a_bad_request_is_answered_before_any_stream(
    client: TestClient[Litestar], body: dict[str, Any], status: int
) -> None:
    response = client.post("/v1/summaries", json=body, headers=SSE)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("accept", "streamed"),
    [
        ("text/event-stream", True),
        ("application/json;q=0.5, text/event-stream", True),
        ("*/*", False),
        ("application/json, text/event-stream", False),
        ("text/html", False),
    ],
)
def test_the_accept_header_chooses_the_stream(
    client: TestClient[Litestar], accept: str, streamed: bool
) -> None:
    response = client.post("/v1/summaries", json={"text": "The UN says 364 died."},
                           headers={"accept": accept})  # fmt: skip
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream") is streamed


def test_briefs_stream_the_brief_in_the_asked_format(tmp_path: Path) -> None:
    with (
        fake_llm_server("slow", delay_s=0.5, answer=MODEL_ANSWER) as (url, _),
        serve(model_settings(url, tmp_path)) as base,
    ):
        stream = read_stream(base, {"text": seed_text(SEED_IDS[0])}, "/v1/briefs?format=bundle")
        markdown = read_stream(base, {"text": seed_text(SEED_IDS[0])}, "/v1/briefs")
    assert stream.names() == ["extractive", "final"]
    first, last = (event.json() for event in stream.events)
    assert set(first) == {"summary", "markdown", "html"}
    assert first["summary"]["meta"]["engine"] == "extractive"
    assert MODEL_HEADLINE in last["html"] and MODEL_HEADLINE not in first["html"]
    # multi-line Markdown survives the event framing
    assert markdown.events[-1].data.startswith(f"# {MODEL_HEADLINE}\n")


def test_a_client_that_hangs_up_frees_its_place_in_the_queue(tmp_path: Path) -> None:
    with (
        fake_llm_server("slow", delay_s=1.5) as (url, requests),
        serve(model_settings(url, tmp_path, max_queue=0)) as base,
    ):
        body = {"text": seed_text(SEED_IDS[0])}
        with httpx.stream("POST", base + "/v1/summaries", json=body, headers=SSE) as response:
            for _ in response.iter_lines():  # keep-alives come until the model answers
                if requests:
                    break  # the model is at work on it: hang up
        time.sleep(0.3)
        stream = read_stream(base, body)
    # with max_queue=0 a second request is refused (503) while one is in flight
    assert stream.names() == ["extractive", "final"], stream.events[-1].data[:300]
    assert stream.events[-1].json()["meta"]["engine"] == "openai"
    assert len(requests) == 2


def test_openapi_documents_the_event_stream(client: TestClient[Litestar]) -> None:
    paths = client.get("/schema/openapi.json").json()["paths"]
    for path in ("/v1/summaries", "/v1/briefs"):
        content = paths[path]["post"]["responses"]["200"]["content"]
        assert "text/event-stream" in content
        assert "`final`" in content["text/event-stream"]["schema"]["description"]
