"""Every LLM failure class gives its documented problem+json, within the timeout, never a 500."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from litestar import Litestar
from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.settings import Settings
from tests.support import SEED_IDS, seed_text
from tests.support.fake_llm import fake_llm_server


def _settings(base_url: str, tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "default_engine": "openai",
        "openai_base_url": base_url,
        "load_model_at_startup": False,
        "llm_timeout_s": 5.0,
        "request_timeout_s": 8.0,
        "max_retries": 1,
        "model_cache_dir": tmp_path,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@contextmanager
def _client(settings: Settings) -> Iterator[TestClient[Litestar]]:
    with TestClient(app=create_app(settings)) as client:
        yield client


def _post_seed(client: TestClient[Litestar]) -> tuple[int, dict[str, object], dict[str, str]]:
    response = client.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
    assert response.headers["content-type"].startswith("application/problem+json")
    return response.status_code, response.json(), dict(response.headers)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_dead_endpoint_is_503_with_retry_after(tmp_path: Path) -> None:
    with _client(_settings(f"http://127.0.0.1:{_free_port()}/v1", tmp_path)) as client:
        status, problem, headers = _post_seed(client)
    assert status == 503
    assert "cannot be reached" in str(problem["detail"])
    assert headers["retry-after"] == "30"


def test_server_error_is_502(tmp_path: Path) -> None:
    with fake_llm_server("error500") as (url, requests), _client(_settings(url, tmp_path)) as c:
        status, problem, _ = _post_seed(c)
    assert status == 502 and "HTTP 500" in str(problem["detail"])
    assert len(requests) == 1  # a server error is not re-asked


def test_rate_limited_server_is_503(tmp_path: Path) -> None:
    with fake_llm_server("overloaded") as (url, _), _client(_settings(url, tmp_path)) as c:
        status, _, headers = _post_seed(c)
    assert status == 503 and "retry-after" in headers


def test_dropped_connection_is_503(tmp_path: Path) -> None:
    with fake_llm_server("drop") as (url, _), _client(_settings(url, tmp_path)) as c:
        status, _, _ = _post_seed(c)
    assert status == 503


def test_slow_model_is_504_within_the_timeout(tmp_path: Path) -> None:
    settings = _settings("", tmp_path, llm_timeout_s=0.8, request_timeout_s=2.0)
    with fake_llm_server("slow", delay_s=6.0) as (url, _):
        settings = settings.model_copy(update={"openai_base_url": url})
        started = time.monotonic()
        with _client(settings) as client:
            status, problem, _ = _post_seed(client)
        elapsed = time.monotonic() - started
    assert status == 504, problem
    assert elapsed < 3.0


def test_garbage_after_retries_is_502_with_attempts(tmp_path: Path) -> None:
    with fake_llm_server("garbage") as (url, requests), _client(_settings(url, tmp_path)) as c:
        status, problem, _ = _post_seed(c)
    assert status == 502
    assert problem["attempts"] == 2  # first try + max_retries=1
    # the client learns why, never the model's raw answers (those go to the log)
    assert "I am sorry" not in str(problem["detail"]) and len(str(problem["detail"])) < 400
    assert "no usable JSON in 2 attempt(s)" in str(problem["detail"])
    assert len(requests) == 2
    # the re-ask carried the validation error back to the model
    assert len(requests[1]["messages"]) > len(requests[0]["messages"])


@pytest.mark.parametrize("behaviour", ["invalid_draft"])
def test_parsable_but_invalid_draft_falls_back_to_extractive(
    tmp_path: Path, behaviour: str
) -> None:
    with fake_llm_server(behaviour) as (url, requests), _client(_settings(url, tmp_path)) as c:
        response = c.post("/v1/summaries", json={"text": seed_text(SEED_IDS[0])})
    assert response.status_code == 200
    body = response.json()
    assert body["meta"]["attempts"] == 2
    assert body["meta"]["usage"] == {"input_tokens": 200, "output_tokens": 20}
    assert any("failed its checks" in w for w in body["meta"]["warnings"])
    assert any(w.startswith("model summary not used") for w in body["meta"]["warnings"])
    assert body["summary"] != "y" and body["figures"]  # the extractive result stands
    assert len(requests) == 2
