"""Operations on the real app: request ids, log lines, /metrics, API keys, CORS, rate limits."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import TestClient
from prometheus_client.parser import text_string_to_metric_families

from summarizer.observability import RequestIdFilter
from summarizer.settings import Settings
from tests.support import SEED_IDS, seed_text
from tests.support.apps import app_client
from tests.support.fake_llm import fake_llm_server
from tests.support.serving import EXTRACTIVE_ENV, serve_process

ARTICLE = seed_text(SEED_IDS[0])


@contextmanager
def _server_log() -> Iterator[io.StringIO]:
    """What the app's own configured log handler writes, captured (its filter and formatter
    are the real ones; only the stream is swapped)."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RequestIdFilter) for f in h.filters)
    )
    assert isinstance(handler, logging.StreamHandler)
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        yield buffer
    finally:
        handler.setStream(previous)


def _metrics(client: TestClient[Litestar]) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    response = client.get("/metrics")
    assert response.status_code == 200
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def _value(samples: dict[Any, float], name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


# --- X-Request-ID ---------------------------------------------------------------------------


def test_request_id_is_echoed_in_header_and_meta(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        response = client.post(
            "/v1/summaries", json={"text": ARTICLE}, headers={"X-Request-ID": "job-42/a"}
        )
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "job-42/a"
    assert response.json()["meta"]["request_id"] == "job-42/a"


@pytest.mark.parametrize("sent", [None, "x" * 129, "bad\x7fid", "   ", "tab\there"])
def test_missing_or_invalid_request_id_is_replaced(tmp_path: Path, sent: str | None) -> None:
    headers = {} if sent is None else {"X-Request-ID": sent}
    with app_client(tmp_path) as client:
        response = client.post("/v1/summaries", json={"text": ARTICLE}, headers=headers)
    made = response.headers["x-request-id"]
    assert made != sent and len(made) == 32 and int(made, 16) >= 0  # a uuid4, hex
    assert response.json()["meta"]["request_id"] == made


def test_every_response_carries_a_request_id_errors_included(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        responses = [
            client.post("/v1/summaries", json={"text": "  "}),  # 422
            client.post("/v1/summaries", content=b"x", headers={"content-type": "image/png"}),
            client.get("/no/such/route"),  # 404, outside any route's middleware
            client.delete("/v1/summaries"),  # 405
            client.get("/healthz"),
        ]
    assert [r.status_code for r in responses] == [422, 415, 404, 405, 200]
    ids = [r.headers.get("x-request-id") for r in responses]
    assert all(ids) and len(set(ids)) == len(ids)
    for response in responses[:4]:
        assert response.headers["content-type"].startswith("application/problem+json")


def test_a_brief_bundle_carries_the_request_id(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        response = client.post(
            "/v1/briefs?format=bundle", json={"text": ARTICLE}, headers={"X-Request-ID": "b-1"}
        )
    assert response.json()["summary"]["meta"]["request_id"] == "b-1"


# --- logs -----------------------------------------------------------------------------------


def test_json_logs_carry_the_request_id_on_every_line_of_the_request(tmp_path: Path) -> None:
    # a model that answers garbage: the engine (in a worker thread), the problem mapper and the
    # access log all write lines while the request runs
    with fake_llm_server("garbage") as (url, _):
        settings = {"log_format": "json", "default_engine": "openai", "openai_base_url": url}
        with app_client(tmp_path, max_retries=0, **settings) as client, _server_log() as log:
            response = client.post(
                "/v1/summaries", json={"text": ARTICLE}, headers={"X-Request-ID": "req-7"}
            )
    assert response.status_code == 502
    lines = [json.loads(line) for line in log.getvalue().splitlines()]
    ours = [line for line in lines if line["logger"].startswith("summarizer")]
    assert {line["logger"] for line in ours} >= {
        "summarizer.engines",
        "summarizer.api",
        "summarizer.access",
    }
    assert all(line["request_id"] == "req-7" for line in ours), ours
    for line in lines:
        assert {"ts", "level", "logger", "message", "request_id"} <= line.keys()
    access = next(line for line in ours if line["logger"] == "summarizer.access")
    assert access["status"] == 502 and access["path"] == "/v1/summaries"
    assert access["engine"] == "openai" and access["duration_ms"] > 0
    assert access["level"] == "WARNING"  # a 5xx


def test_text_logs_show_the_request_id(tmp_path: Path) -> None:
    with app_client(tmp_path, log_format="text") as client, _server_log() as log:
        client.get("/healthz", headers={"X-Request-ID": "probe-1"})
    line = next(x for x in log.getvalue().splitlines() if "summarizer.access" in x)
    assert "[probe-1]" in line and "GET /healthz 200" in line


def test_summarizer_serve_writes_only_json_lines(tmp_path: Path) -> None:
    env = {**EXTRACTIVE_ENV, "SUMMARIZER_LOG_FORMAT": "json"}
    with serve_process(tmp_path, env) as server:
        httpx.post(
            server.url + "/v1/summaries",
            json={"text": ARTICLE},
            headers={"X-Request-ID": "served-1"},
            timeout=30,
        )
    lines = [json.loads(line) for line in server.log_text().splitlines() if line.strip()]
    assert any(line["logger"].startswith("uvicorn") for line in lines)  # uvicorn's too
    access = [line for line in lines if line["logger"] == "summarizer.access"]
    served = [line for line in access if line["path"] == "/v1/summaries"]
    assert served and served[0]["request_id"] == "served-1" and served[0]["status"] == 200
    assert not any(line["logger"] == "uvicorn.access" for line in lines)  # ours replaces it
    assert not any("color_message" in line for line in lines)  # no terminal escapes in JSON


def test_log_level_setting_filters_lines(tmp_path: Path) -> None:
    with app_client(tmp_path, log_level="WARNING") as client, _server_log() as log:
        client.get("/healthz")  # the access line of a 200 is INFO
    assert log.getvalue() == ""


# --- /metrics -------------------------------------------------------------------------------


def test_metrics_count_summaries_cache_hits_and_errors(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        before = _metrics(client)
        client.post("/v1/summaries", json={"text": ARTICLE})
        client.post("/v1/summaries", json={"text": ARTICLE})  # a cache hit
        client.post("/v1/summaries", json={"text": ARTICLE, "engine": "no-such-engine"})
        after = _metrics(client)

    def delta(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    total = "summarizer_summaries_total"
    assert delta(total, engine="extractive", outcome="ok") == 1
    assert delta(total, engine="extractive", outcome="cached") == 1
    # a client's engine name is never a label value: an unbounded set of series
    assert delta(total, engine="unknown", outcome="unknown-option") == 1
    assert delta("summarizer_summary_duration_seconds_count", engine="extractive") == 1
    assert delta("summarizer_cache_lookups_total", result="hit") == 1
    http = {"app_name": "summarizer", "method": "POST", "path": "/v1/summaries"}
    assert delta("summarizer_http_requests_total", **http, status_code="200") == 2
    assert delta("summarizer_http_requests_total", **http, status_code="400") == 1


def test_metrics_count_model_attempts_tokens_and_fallbacks(tmp_path: Path) -> None:
    # a draft that parses but fails its checks twice: the extractive result stands, with warnings
    with fake_llm_server("invalid_draft") as (url, _):
        overrides = {"default_engine": "openai", "openai_base_url": url, "max_retries": 1}
        with app_client(tmp_path, **overrides) as client:
            before = _metrics(client)
            body = client.post("/v1/summaries", json={"text": ARTICLE}).json()
            after = _metrics(client)
    assert body["meta"]["attempts"] == 2

    def delta(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    assert delta("summarizer_summaries_total", engine="openai", outcome="fallback") == 1
    assert delta("summarizer_fallbacks_total", engine="openai") == 1
    assert delta("summarizer_model_attempts_total", engine="openai") == 2
    assert delta("summarizer_model_tokens_total", engine="openai", direction="input") == 200
    assert delta("summarizer_model_tokens_total", engine="openai", direction="output") == 20


def test_metrics_can_be_switched_off(tmp_path: Path) -> None:
    with app_client(tmp_path, metrics_enabled=False) as client:
        assert client.get("/metrics").status_code == 404
        assert "/metrics" not in client.get("/schema/openapi.json").json()["paths"]


# --- API keys -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"X-API-Key": "key-one "}, {"Authorization": "k1"}],
)
def test_without_a_valid_key_v1_is_401_problem(tmp_path: Path, headers: dict[str, str]) -> None:
    with app_client(tmp_path, api_keys="key-one,key-two") as client:
        for path in ("/v1/summaries", "/v1/briefs"):
            response = client.post(path, json={"text": ARTICLE}, headers=headers)
            assert response.status_code == 401, path
            assert response.headers["content-type"].startswith("application/problem+json")
            assert response.headers["www-authenticate"].startswith("Bearer")
            assert response.json()["status"] == 401 and "key" in response.json()["detail"]


def test_either_key_header_opens_v1_and_probes_stay_open(tmp_path: Path) -> None:
    with app_client(tmp_path, api_keys=["key-one", "key-two"]) as client:
        bearer = client.post(
            "/v1/summaries", json={"text": ARTICLE}, headers={"Authorization": "Bearer key-two"}
        )
        header = client.post(
            "/v1/summaries", json={"text": ARTICLE}, headers={"X-API-Key": "key-one"}
        )
        open_paths = (
            "/healthz",
            "/metrics",
            "/schema",
            "/schema/openapi.json",
            "/",
            "/static/editor.js",
        )
        opened = [client.get(p).status_code for p in open_paths]
        ready = client.get("/readyz").status_code
    assert bearer.status_code == 200 and header.status_code == 200
    assert opened == [200] * 6
    assert ready in (200, 503)  # open: readiness is its own answer, never 401


def test_no_keys_configured_means_no_authentication(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        assert client.post("/v1/summaries", json={"text": ARTICLE}).status_code == 200


# --- CORS -----------------------------------------------------------------------------------


def _preflight(client: TestClient[Litestar], origin: str) -> Any:
    return client.options(
        "/v1/summaries",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type,x-api-key",
        },
    )


def test_cors_allows_configured_origins_only(tmp_path: Path) -> None:
    with app_client(tmp_path, cors_allow_origins="https://news.example") as client:
        allowed = _preflight(client, "https://news.example")
        other = _preflight(client, "https://elsewhere.example")
        simple = client.post(
            "/v1/summaries", json={"text": ARTICLE}, headers={"Origin": "https://news.example"}
        )
    assert allowed.status_code == 204
    assert allowed.headers["access-control-allow-origin"] == "https://news.example"
    assert "x-api-key" in allowed.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-origin" not in other.headers
    assert simple.headers["access-control-allow-origin"] == "https://news.example"
    assert "x-request-id" in simple.headers["access-control-expose-headers"].lower()


def test_cors_is_off_by_default(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        response = client.post(
            "/v1/summaries", json={"text": ARTICLE}, headers={"Origin": "https://news.example"}
        )
    assert "access-control-allow-origin" not in response.headers


# --- rate limits ----------------------------------------------------------------------------


def test_rate_limit_is_429_problem_with_retry_after(tmp_path: Path) -> None:
    with app_client(tmp_path, rate_limit_per_minute=2) as client:
        statuses = [
            client.post("/v1/summaries", json={"text": ARTICLE}).status_code for _ in range(3)
        ]
        refused = client.post("/v1/summaries", json={"text": ARTICLE})
        probes = [client.get("/healthz").status_code for _ in range(5)]
        samples = _metrics(client)
    assert statuses == [200, 200, 429] and refused.status_code == 429
    assert refused.headers["content-type"].startswith("application/problem+json")
    retry_after = int(refused.headers["retry-after"])
    assert 1 <= retry_after <= 60 and refused.json()["retry_after"] == retry_after
    assert "per minute" in refused.json()["detail"]
    assert probes == [200] * 5  # only /v1/* is limited
    http = {"app_name": "summarizer", "method": "POST", "path": "/v1/summaries"}
    assert _value(samples, "summarizer_http_requests_total", **http, status_code="429") >= 2


def test_rate_limit_is_per_api_key_when_one_is_sent(tmp_path: Path) -> None:
    overrides = {"rate_limit_per_minute": 2, "api_keys": "alpha,beta"}
    with app_client(tmp_path, **overrides) as client:

        def post(key: str) -> int:
            headers = {"X-API-Key": key}
            return client.post("/v1/summaries", json={"text": ARTICLE}, headers=headers).status_code

        alpha = [post("alpha") for _ in range(3)]
        beta = [post("beta") for _ in range(2)]
        guesses = [post(f"guess-{n}") for n in range(3)]  # one address: one allowance
    assert alpha == [200, 200, 429]
    assert beta == [200, 200]
    assert guesses == [401, 401, 429]


def test_no_rate_limit_by_default(tmp_path: Path) -> None:
    with app_client(tmp_path) as client:
        statuses = {client.post("/v1/summaries", json={"text": "Rain fell."}).status_code}
        for _ in range(30):
            statuses.add(client.post("/v1/summaries", json={"text": "Rain fell."}).status_code)
    assert statuses == {200}


def test_list_settings_read_comma_separated_or_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_API_KEYS", " a1 , b2 ")
    monkeypatch.setenv("SUMMARIZER_CORS_ALLOW_ORIGINS", '["https://x.example"]')
    settings = Settings()
    assert [key.get_secret_value() for key in settings.api_keys] == ["a1", "b2"]
    assert settings.cors_allow_origins == ["https://x.example"]
    assert "a1" not in repr(settings)  # keys are secrets
