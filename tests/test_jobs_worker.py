"""`summarizer worker` as its own process on a real redis-server: jobs queued through the API
(Litestar's test client) come back as the summaries, or the problems, a synchronous call gives;
SIGTERM stops a worker cleanly; the sweep leaves a job a worker is just taking alone."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from litestar import Litestar
from litestar.testing import TestClient
from redis.asyncio import Redis
from saq import Job, Status

from summarizer.api.app import create_app
from summarizer.cli import main
from summarizer.jobs import QUEUE_NAME
from summarizer.settings import Settings
from summarizer.worker import SweepSafeQueue
from tests.support import SEED_IDS, seed_text
from tests.support.fake_llm import fake_llm_server
from tests.support.redis_server import free_port

JOB_DEADLINE_S = 60.0  # generous: the machine may be busy; a job here takes well under a second


def _comparable(summary: dict[str, Any]) -> dict[str, Any]:
    meta = {k: v for k, v in summary["meta"].items() if k not in ("latency_ms", "request_id")}
    return {**summary, "meta": meta}


@pytest.fixture(scope="module")
def worker_settings(redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Database 2 of the session's redis-server, for this module alone; the openai engine
    points at a closed 127.0.0.1 port (its jobs fail as a synchronous call does)."""
    url = redis_url.rsplit("/", 1)[0] + "/2"
    redis.Redis.from_url(url).flushdb()
    return Settings(
        default_engine="extractive",
        load_model_at_startup=False,
        model_cache_dir=tmp_path_factory.mktemp("models"),
        redis_url=url,
        openai_base_url=f"http://127.0.0.1:{free_port()}/v1",
        max_retries=0,
        llm_timeout_s=10.0,
    )


def worker_env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    env.update(
        SUMMARIZER_REDIS_URL=str(settings.redis_url),
        SUMMARIZER_DEFAULT_ENGINE=settings.default_engine,
        SUMMARIZER_LOAD_MODEL_AT_STARTUP=str(settings.load_model_at_startup).lower(),
        SUMMARIZER_MODEL_CACHE_DIR=str(settings.model_cache_dir),
        SUMMARIZER_OPENAI_BASE_URL=settings.openai_base_url,
        SUMMARIZER_MAX_RETRIES=str(settings.max_retries),
        SUMMARIZER_LLM_TIMEOUT_S=str(settings.llm_timeout_s),
    )
    return env


def start_worker(settings: Settings, cwd: Path, *args: str) -> subprocess.Popen[str]:
    """`summarizer worker` (the console script's `main`), run from a folder with no `.env`."""
    return subprocess.Popen(
        [sys.executable, "-m", "summarizer.cli", "worker", *args],
        env=worker_env(settings),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop_worker(process: subprocess.Popen[str]) -> tuple[int, str, float]:
    """SIGTERM, as a deploy would send; returns exit code, output and seconds to stop."""
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    try:
        output, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return process.returncode, output, time.monotonic() - started


@pytest.fixture(scope="module")
def worker(
    worker_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[subprocess.Popen[str]]:
    process = start_worker(worker_settings, tmp_path_factory.mktemp("worker"), "--concurrency", "2")
    yield process
    if process.poll() is None:
        stop_worker(process)


@pytest.fixture(scope="module")
def api(worker_settings: Settings) -> Iterator[TestClient[Litestar]]:
    with TestClient(app=create_app(worker_settings)) as test_client:
        yield test_client


def wait_for_job(api: TestClient[Litestar], location: str) -> dict[str, Any]:
    deadline = time.monotonic() + JOB_DEADLINE_S
    while time.monotonic() < deadline:
        body: dict[str, Any] = api.get(location).json()
        if body["status"] in ("complete", "failed"):
            return body
        time.sleep(0.1)
    raise AssertionError(f"job {location} did not finish within {JOB_DEADLINE_S} s: {body}")


def test_worker_process_returns_the_synchronous_summaries(
    api: TestClient[Litestar], worker: subprocess.Popen[str]
) -> None:
    requests = [{"text": seed_text(case)} for case in SEED_IDS]
    requests.append({"text": seed_text(SEED_IDS[0]), "title": "A title", "engine": "extractive"})
    locations = []
    for request in requests:
        posted = api.post("/v1/jobs", json=request)
        assert posted.status_code == 202, posted.text
        locations.append(posted.headers["location"])
    for request, location in zip(requests, locations, strict=True):
        job = wait_for_job(api, location)
        assert job["status"] == "complete", job
        sync = api.post("/v1/summaries", json=request)
        assert sync.status_code == 200
        assert _comparable(job["result"]) == _comparable(sync.json())
    assert worker.poll() is None  # still serving


@pytest.mark.slow  # the worker process imports the openai client (seconds); in-process: fast set
def test_job_whose_engine_fails_ends_failed_with_the_synchronous_problem(
    api: TestClient[Litestar], worker: subprocess.Popen[str]
) -> None:
    request = {"text": seed_text(SEED_IDS[0]), "engine": "openai"}
    posted = api.post("/v1/jobs", json=request)
    assert posted.status_code == 202, posted.text
    job = wait_for_job(api, posted.headers["location"])
    assert job["status"] == "failed" and job["result"] is None
    sync = api.post("/v1/summaries", json=request)
    assert sync.status_code == 503
    expected = sync.json()
    problem = job["error"]
    for field in ("type", "title", "status", "engine"):
        assert problem[field] == expected[field], field
    assert problem["type"].endswith("/engine-unavailable")
    assert problem["instance"] == posted.headers["location"]


def test_worker_needs_a_redis_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["worker"]) == 2  # the autouse fixture keeps SUMMARIZER_* out: no Redis URL
    assert "SUMMARIZER_REDIS_URL" in capsys.readouterr().err


def wait_for_workers(url: str, count: int) -> None:
    """Until `count` workers have registered (SAQ writes each one's info when it starts)."""
    raw = redis.Redis.from_url(url)
    deadline = time.monotonic() + JOB_DEADLINE_S
    while len(raw.keys(f"saq:{QUEUE_NAME}:worker_info:*")) < count:
        assert time.monotonic() < deadline, "the workers did not start"
        time.sleep(0.1)


def taken_by(url: str, job_id: str) -> tuple[str, int]:
    """Which worker ran a job, in how many attempts (SAQ's own record of it)."""
    stored = json.loads(redis.Redis.from_url(url).get(f"saq:job:{QUEUE_NAME}:{job_id}") or b"{}")
    return stored["worker_id"], stored["attempts"]


@pytest.mark.slow
def test_worker_processes_share_the_queue_and_drain_on_sigterm(
    worker_settings: Settings, tmp_path: Path
) -> None:
    """Two worker processes (a database of their own): jobs spread over both; on SIGTERM a
    worker finishes the job it is running (a model answering in 2 s), then exits 0."""
    with fake_llm_server("slow", delay_s=2.0) as (base_url, _):
        url = str(worker_settings.redis_url).rsplit("/", 1)[0] + "/3"
        redis.Redis.from_url(url).flushdb()
        # openai by default, built before a worker takes jobs: a job is the model's 2 s alone
        settings = worker_settings.model_copy(
            update={
                "redis_url": url,
                "openai_base_url": base_url,
                "default_engine": "openai",
                "load_model_at_startup": True,
            }
        )
        workers = [start_worker(settings, tmp_path, "--concurrency", "1") for _ in range(2)]
        try:
            with TestClient(app=create_app(settings)) as client:
                wait_for_workers(url, 2)
                text = seed_text(SEED_IDS[1])
                extractive = {"text": text, "engine": "extractive"}
                ids = [client.post("/v1/jobs", json=extractive).json()["id"] for _ in range(8)]
                for job_id in ids:
                    assert wait_for_job(client, f"/v1/jobs/{job_id}")["status"] == "complete"
                assert len({taken_by(url, job_id)[0] for job_id in ids}) == 2

                posted = client.post("/v1/jobs", json={"text": text})
                location = posted.headers["location"]
                while client.get(location).json()["status"] == "queued":
                    time.sleep(0.05)
                stops = [stop_worker(process) for process in workers]  # one is mid-job
                job = client.get(location).json()
        finally:
            for process in workers:
                if process.poll() is None:
                    process.kill()
    for code, output, seconds in stops:
        assert code == 0, output
        assert seconds < 15, output
    # it ran to its end in the worker that had it, once: not cancelled, not put back
    assert job["status"] in ("complete", "failed"), job
    assert job["error"] is None or job["error"]["status"] != 500, job
    assert taken_by(url, posted.json()["id"])[1] == 1


def test_sweep_leaves_a_job_being_taken_alone_then_sweeps_it_if_it_stays(
    worker_settings: Settings,
) -> None:
    """A worker moves a job to the active list a moment before it marks it active; upstream
    SAQ's sweep aborts it in that moment (tobymao/saq#277). Ours waits one sweep."""

    async def scenario() -> None:
        queue = SweepSafeQueue(Redis.from_url(str(worker_settings.redis_url)), name="sweep-test")
        try:
            key = uuid.uuid4().hex
            await queue.enqueue(Job(function="summarize", key=key, timeout=60, ttl=60))
            taken = await queue.dequeue(timeout=1)  # BLMOVE: active list, still "queued"
            assert taken is not None and taken.status == Status.QUEUED
            assert await queue.sweep() == []
            assert (await queue.job(key)).status == Status.QUEUED  # type: ignore[union-attr]
            await queue.redis.delete(queue.namespace("sweep"))  # the sweep lock: a minute later
            # still there: its worker died before starting it, so it goes back in the queue
            assert await queue.sweep(abort=0.2) == [queue.job_id(key)]
            assert (await queue.job(key)).status == Status.QUEUED  # type: ignore[union-attr]
            assert await queue.count("queued") == 1
        finally:
            await queue.disconnect()

    asyncio.run(scenario())
