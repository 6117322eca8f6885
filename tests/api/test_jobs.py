"""Async jobs through the API (`POST /v1/jobs`, `GET /v1/jobs/{id}`) against a real redis-server,
with the worker run in this process in burst mode (it runs what is queued, then stops).
The worker as its own `summarizer worker` process is tested in tests/test_jobs_worker.py."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import redis
from litestar import Litestar
from litestar.testing import TestClient

from summarizer.api.app import create_app
from summarizer.jobs import QUEUE_NAME
from summarizer.settings import Settings
from summarizer.worker import run_worker
from tests.support import SEED_IDS, seed_text
from tests.support.fake_llm import fake_llm_server
from tests.support.redis_server import free_port

PROBLEM = "application/problem+json"
QUEUED_KEY = f"saq:{QUEUE_NAME}:queued"


@pytest.fixture
def jobs_redis_url(redis_url: str) -> str:
    """Database 1 of the session's redis-server (the response cache uses 0), emptied per test."""
    url = redis_url.rsplit("/", 1)[0] + "/1"
    redis.Redis.from_url(url).flushdb()
    return url


@pytest.fixture
def jobs_settings(jobs_redis_url: str, tmp_path: Path) -> Settings:
    return Settings(
        default_engine="extractive",
        load_model_at_startup=False,
        model_cache_dir=tmp_path / "models",
        redis_url=jobs_redis_url,
    )


@pytest.fixture
def jobs_client(jobs_settings: Settings) -> Iterator[TestClient[Litestar]]:
    with TestClient(app=create_app(jobs_settings)) as test_client:
        yield test_client


def run_queued_jobs(settings: Settings) -> None:
    """A real SAQ worker on the same Redis, until the queue is empty."""
    asyncio.run(run_worker(settings, concurrency=2, burst=True, dequeue_timeout_s=0.1))


def comparable(summary: dict[str, Any]) -> dict[str, Any]:
    """A summary without what differs between two runs of the same request."""
    meta = {k: v for k, v in summary["meta"].items() if k not in ("latency_ms", "request_id")}
    return {**summary, "meta": meta}


def problem_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    return body


def test_without_redis_jobs_answer_503_problem(client: TestClient[Litestar]) -> None:
    post = client.post("/v1/jobs", json={"text": seed_text(SEED_IDS[0])})
    problem = problem_of(post, 503)
    assert "SUMMARIZER_REDIS_URL" in problem["detail"]
    assert problem["type"].endswith("/jobs-unavailable")
    assert problem_of(client.get("/v1/jobs/" + "a" * 32), 503)["instance"] == "/v1/jobs/" + "a" * 32
    # bad input is still the client's fault, Redis or not
    problem_of(client.post("/v1/jobs", json={"text": "  "}), 422)


def test_job_routes_are_in_the_openapi_spec(client: TestClient[Litestar]) -> None:
    spec = client.get("/schema/openapi.json").json()
    create = spec["paths"]["/v1/jobs"]["post"]
    accepted = create["responses"]["202"]
    assert accepted["content"]["application/json"]["schema"]["$ref"].endswith("/JobResource")
    assert "Location" in accepted["headers"]
    assert set(create["requestBody"]["content"]) == {"application/json", "text/plain"}
    read = spec["paths"]["/v1/jobs/{job_id}"]["get"]["responses"]
    assert read["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/JobResource")
    for status in ("404", "503"):
        assert read[status]["content"][PROBLEM]["schema"]["$ref"].endswith("/ProblemDetails")
    fields = spec["components"]["schemas"]["JobResource"]["properties"]
    assert {"id", "status", "result", "error", "created_at", "finished_at"} <= set(fields)


def test_job_runs_to_the_summary_a_synchronous_call_gives(
    jobs_client: TestClient[Litestar], jobs_settings: Settings
) -> None:
    text = seed_text(SEED_IDS[0])
    posted = jobs_client.post("/v1/jobs", content=text, headers={"content-type": "text/plain"})
    assert posted.status_code == 202, posted.text
    job = posted.json()
    assert job["status"] == "queued" and len(job["id"]) == 32
    assert posted.headers["location"] == f"/v1/jobs/{job['id']}"
    assert jobs_client.get(posted.headers["location"]).json()["status"] == "queued"

    run_queued_jobs(jobs_settings)

    done = jobs_client.get(posted.headers["location"])
    assert done.status_code == 200
    body = done.json()
    assert body["status"] == "complete" and body["error"] is None
    sync = jobs_client.post("/v1/summaries", content=text, headers={"content-type": "text/plain"})
    assert comparable(body["result"]) == comparable(sync.json())
    created, started, finished, expires = (
        datetime.fromisoformat(body[name])
        for name in ("created_at", "started_at", "finished_at", "expires_at")
    )
    assert created <= started <= finished
    assert expires - finished == timedelta(seconds=jobs_settings.job_ttl_s)


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"text": "   "}', "application/json", 422),
        (b'{"text": "x", "colour": "red"}', "application/json", 422),
        (b'{"text": ', "application/json", 400),
        (b'{"text": "The UN says 3 died.", "engine": "gpt-9"}', "application/json", 400),
        (b'{"text": "The UN says 3 died.", "prompt_version": "v999"}', "application/json", 400),
        (b"\xff\xfe", "text/plain", 400),
        (b"The UN says 3 died.", "text/html", 415),
        (b"x" * 60_001, "text/plain", 413),
    ],
)
def test_invalid_request_fails_at_post_and_queues_nothing(
    jobs_client: TestClient[Litestar],
    jobs_redis_url: str,
    body: bytes,
    content_type: str,
    status: int,
) -> None:
    response = jobs_client.post("/v1/jobs", content=body, headers={"content-type": content_type})
    problem_of(response, status)
    assert redis.Redis.from_url(jobs_redis_url).llen(QUEUED_KEY) == 0


def test_unknown_job_is_404_problem(jobs_client: TestClient[Litestar]) -> None:
    unknown = problem_of(jobs_client.get("/v1/jobs/" + "0" * 32), 404)
    assert unknown["type"].endswith("/job-not-found")
    problem_of(jobs_client.get("/v1/jobs/not-a-job-id"), 404)


def test_finished_job_expires_after_its_ttl(jobs_settings: Settings, jobs_redis_url: str) -> None:
    settings = jobs_settings.model_copy(update={"job_ttl_s": 3})
    with TestClient(app=create_app(settings)) as client:
        posted = client.post("/v1/jobs", json={"text": seed_text(SEED_IDS[1])})
        location = posted.headers["location"]
        run_queued_jobs(settings)
        ttl = redis.Redis.from_url(jobs_redis_url).ttl(
            f"saq:job:{QUEUE_NAME}:{posted.json()['id']}"
        )
        assert 0 < ttl <= 3  # set when it finished (a queued job waits without expiry)
        deadline = time.monotonic() + 8
        while client.get(location).status_code == 200 and time.monotonic() < deadline:
            time.sleep(0.2)
        problem_of(client.get(location), 404)


def test_unreachable_redis_is_503_with_retry_after(jobs_settings: Settings) -> None:
    closed = jobs_settings.model_copy(update={"redis_url": f"redis://127.0.0.1:{free_port()}/0"})
    with TestClient(app=create_app(closed)) as client:
        started = time.monotonic()
        response = client.post("/v1/jobs", json={"text": seed_text(SEED_IDS[0])})
        assert time.monotonic() - started < 10
    problem = problem_of(response, 503)
    assert "cannot be reached" in problem["detail"]
    assert response.headers["retry-after"] == str(closed.retry_after_s)


def test_job_stops_at_the_request_time_limit_with_the_synchronous_problem(
    jobs_settings: Settings,
) -> None:
    """The worker runs the summary within the request's `timeout_s`: a model slower than that
    ends the job `failed` with the 504 problem a synchronous call answers."""
    with fake_llm_server("slow", delay_s=10.0) as (base_url, _):
        settings = jobs_settings.model_copy(update={"openai_base_url": base_url, "max_retries": 0})
        request = {"text": seed_text(SEED_IDS[0]), "engine": "openai", "timeout_s": 0.5}
        with TestClient(app=create_app(settings)) as client:
            sync = problem_of(client.post("/v1/summaries", json=request), 504)  # imports openai
            location = client.post("/v1/jobs", json=request).headers["location"]
            started = time.monotonic()
            run_queued_jobs(settings)
            assert time.monotonic() - started < 8.0  # not the model's 10 s
            job = client.get(location).json()
    assert job["status"] == "failed"
    problem = job["error"]
    assert (problem["type"], problem["status"]) == (sync["type"], 504)
    assert problem["type"].endswith("/engine-timeout")


def test_job_whose_model_is_unreachable_fails_with_the_synchronous_503(
    jobs_settings: Settings,
) -> None:
    closed = f"http://127.0.0.1:{free_port()}/v1"
    settings = jobs_settings.model_copy(update={"openai_base_url": closed, "max_retries": 0})
    request = {"text": seed_text(SEED_IDS[1]), "engine": "openai"}
    with TestClient(app=create_app(settings)) as client:
        sync = problem_of(client.post("/v1/summaries", json=request), 503)
        location = client.post("/v1/jobs", json=request).headers["location"]
        run_queued_jobs(settings)
        job = client.get(location).json()
    assert job["status"] == "failed" and job["result"] is None
    problem = job["error"]
    for field in ("type", "title", "status", "detail", "engine"):
        assert problem[field] == sync[field], field
    assert problem["type"].endswith("/engine-unavailable")
    assert problem["instance"] == location
