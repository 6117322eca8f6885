"""The embedded model under deadlines and crashes, for real (slow): a deadline never breaks the
grammar or the worker, a killed worker costs one 503 and a restart, and the service answers
normally afterwards."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator

import pytest
from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.engines.local.engine import LocalEngine
from summarizer.errors import EngineUnavailable, ModelDeadlineReached
from summarizer.models import SummaryRequest
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import ROOT, seed_text

pytestmark = pytest.mark.slow

_SCHEMA = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "summary": {"type": "string"}},
    "required": ["headline", "summary"],
}


@pytest.fixture(scope="module")
def service() -> Iterator[SummaryService]:
    settings = Settings(load_model_at_startup=False)  # type: ignore[call-arg]
    started = SummaryService(settings)
    started.warm_up()
    yield started
    started.close()


@pytest.fixture(scope="module")
def engine(service: SummaryService) -> LocalEngine:
    local = service.registry.get("local")
    assert isinstance(local, LocalEngine)
    return local


def is_json_prefix(text: str) -> bool:
    """Whether `text` can be continued into valid JSON: what a grammar-bound answer cut short
    must always be."""
    closers = {"{": "}", "[": "]"}
    stack: list[str] = []
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in closers:
            stack.append(closers[char])
        elif char in "}]":
            if not stack or stack.pop() != char:
                return False
        elif not (char.isspace() or char in ",:-.+eE" or char.isalnum()):
            return False
    return text.lstrip().startswith("{")


def test_a_deadline_mid_answer_stops_inside_the_grammar(engine: LocalEngine) -> None:
    supervisor = engine.worker_backend.supervisor
    arguments = {
        "messages": [
            {
                "role": "user",
                "content": "Write a long headline and summary of a "
                "council meeting about the city budget.",
            }
        ],
        "response_format": {"type": "json_object", "schema": _SCHEMA},
        "max_tokens": 400,
        "temperature": 0.0,
    }
    for seconds in (0.5, 1.0, 2.0, 3.0):
        started = time.monotonic()
        with pytest.raises(ModelDeadlineReached) as raised:
            supervisor.complete(arguments, seconds)
        assert time.monotonic() - started < seconds + 2.0
        text = raised.value.partial_text or ""
        assert "!!" not in text and (not text or is_json_prefix(text)), text
    assert supervisor.restarts == 0 and supervisor.is_ready()


def test_a_tiny_deadline_answers_within_two_seconds_and_the_next_request_is_normal(
    service: SummaryService, engine: LocalEngine
) -> None:
    text = seed_text("003")
    normal = engine.settings
    engine.settings = normal.model_copy(update={"llm_timeout_s": 1.5})
    try:
        with TestClient(app=create_app(service.settings, service)) as client:
            for _ in range(3):
                started = time.monotonic()
                response = client.post("/v1/summaries", json={"text": text, "engine": "local"})
                elapsed = time.monotonic() - started
                assert response.status_code == 200, response.text
                assert elapsed < 1.5 + 2.0 + 1.0  # deadline + 2 s, plus analysis and HTTP
                warnings = " ".join(response.json()["meta"]["warnings"])
                assert "SUMMARIZER_LLM_TIMEOUT_S" in warnings
    finally:
        engine.settings = normal
    response = service.summarize(SummaryRequest(text=text, engine="local"))
    assert response.meta.usage.output_tokens > 0
    assert not any("SUMMARIZER_LLM_TIMEOUT_S" in w for w in response.meta.warnings)


def test_a_worker_killed_mid_request_is_a_503_then_the_service_recovers(
    service: SummaryService, engine: LocalEngine
) -> None:
    supervisor = engine.worker_backend.supervisor
    pid = supervisor.worker_pid()
    assert pid is not None
    killer = threading.Timer(2.0, os.kill, (pid, signal.SIGKILL))
    killer.start()
    with pytest.raises(EngineUnavailable) as raised:
        service.summarize(SummaryRequest(text=seed_text("000"), engine="local"))
    killed_at = time.monotonic()
    assert raised.value.status == 503 and raised.value.retry_after
    while not supervisor.is_ready():
        assert time.monotonic() - killed_at < 120
        time.sleep(0.1)
    assert supervisor.worker_pid() != pid
    response = service.summarize(SummaryRequest(text=seed_text("003"), engine="local"))
    assert response.meta.usage.output_tokens > 0


def test_the_reproduction_from_the_issue_exits_cleanly() -> None:
    import subprocess
    import sys

    article = str(ROOT / "seeds" / "003_a749de6f848d4ae8" / "article.txt")
    for seconds in ("4", "1"):
        env = {**os.environ, "SUMMARIZER_LLM_TIMEOUT_S": seconds}
        done = subprocess.run(
            [sys.executable, "-m", "summarizer.cli", "summarize", "--engine", "local", article],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert "SUMMARIZER_LLM_TIMEOUT_S" in done.stderr
        assert json.loads(done.stdout)["figures"]
