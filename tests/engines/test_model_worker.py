"""The model worker's supervisor, with a stand-in worker process (tests/fake_worker.py): a crash,
an abort or an answer overdue past the grace period costs a restart, never the caller's process,
and no request waits on a lock held by an abandoned call."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from summarizer.engines.local.supervisor import WorkerSupervisor, WorkerTarget
from summarizer.engines.local.worker import WorkerConfig
from summarizer.errors import EngineTimeout, EngineUnavailable, ModelDeadlineReached
from tests.support import fake_worker

GRACE_S = 0.3


def wait_until(condition: Callable[[], bool], seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {seconds} s")
        time.sleep(0.05)


def make_supervisor(target: WorkerTarget = fake_worker.serve) -> WorkerSupervisor:
    config = WorkerConfig(model_path="fake.gguf", n_ctx=512, n_threads=1, prefill_chunk_tokens=32)
    return WorkerSupervisor(
        config, kill_grace_s=GRACE_S, start_timeout_s=60, retry_after_s=7, target=target
    )


@pytest.fixture(scope="module")
def shared() -> Iterator[WorkerSupervisor]:
    started = make_supervisor()
    started.start()
    yield started
    started.close()


@pytest.fixture
def supervisor(shared: WorkerSupervisor) -> Iterator[WorkerSupervisor]:
    """One worker for the module (spawning costs ~0.3 s); each test starts with it ready and
    counts restarts from zero."""
    wait_until(shared.is_ready)
    shared.restarts = 0
    yield shared


def ask(supervisor: WorkerSupervisor, mode: str = "", timeout: float = 10.0) -> dict[str, Any]:
    return supervisor.complete({"messages": [{"role": "user", "content": mode}]}, timeout)


def test_an_answer_comes_back_as_an_openai_shaped_completion(supervisor: WorkerSupervisor) -> None:
    completion = ask(supervisor)
    assert completion["choices"][0]["message"]["content"].startswith('{"headline"')
    assert supervisor.is_ready() and supervisor.restarts == 0


def test_an_abort_in_the_worker_is_a_503_and_the_worker_comes_back(
    supervisor: WorkerSupervisor,
) -> None:
    first_pid = supervisor.worker_pid()
    with pytest.raises(EngineUnavailable) as raised:
        ask(supervisor, "MODE:abort")
    assert raised.value.status == 503 and raised.value.retry_after == 7
    assert "exit code -6" in raised.value.detail  # SIGABRT, as llama.cpp's grammar abort
    wait_until(supervisor.is_ready)
    assert supervisor.worker_pid() != first_pid
    assert ask(supervisor)["choices"][0]["finish_reason"] == "stop"


def test_requests_during_a_restart_get_503_with_retry_after(supervisor: WorkerSupervisor) -> None:
    with pytest.raises(EngineUnavailable):
        ask(supervisor, "MODE:abort")
    if not supervisor.is_ready():  # restart still under way
        with pytest.raises(EngineUnavailable, match="restarting") as raised:
            ask(supervisor)
        assert raised.value.retry_after == 7
    wait_until(supervisor.is_ready)


def test_a_worker_silent_past_deadline_and_grace_is_killed_and_restarted(
    supervisor: WorkerSupervisor,
) -> None:
    started = time.monotonic()
    with pytest.raises(EngineTimeout, match="restarted"):
        ask(supervisor, "MODE:hang", timeout=0.3)
    assert time.monotonic() - started < 0.3 + GRACE_S + 1.5
    wait_until(supervisor.is_ready)
    assert supervisor.restarts == 1
    assert ask(supervisor)["choices"][0]["message"]["content"]


def test_a_request_waiting_behind_a_hung_one_is_answered_in_bounded_time(
    supervisor: WorkerSupervisor,
) -> None:
    errors: list[Exception] = []

    def hung() -> None:
        try:
            ask(supervisor, "MODE:hang", timeout=0.3)
        except Exception as exc:
            errors.append(exc)

    thread = threading.Thread(target=hung)
    thread.start()
    time.sleep(0.2)  # the hung request holds the worker
    started = time.monotonic()
    with pytest.raises(EngineUnavailable):  # the worker is being restarted when its turn comes
        ask(supervisor, timeout=30.0)
    assert time.monotonic() - started < 0.3 + GRACE_S + 1.5
    thread.join()
    assert isinstance(errors[0], EngineTimeout)


def test_the_deadline_returns_what_the_model_wrote(supervisor: WorkerSupervisor) -> None:
    with pytest.raises(ModelDeadlineReached) as raised:
        ask(supervisor, "MODE:deadline", timeout=0.5)
    assert raised.value.partial_text is not None
    assert raised.value.partial_text.startswith('{"headline": "Council approves')
    assert raised.value.usage.output_tokens == 12
    assert supervisor.is_ready() and supervisor.restarts == 0  # stopping is not a crash


def test_a_model_that_cannot_load_is_reported() -> None:
    failing = make_supervisor(fake_worker.serve_load_failure)
    with pytest.raises(EngineUnavailable, match="not a GGUF file"):
        failing.start()
    assert failing.state == "failed" and not failing.is_ready()
    assert failing.error is not None and "not a GGUF file" in failing.error


def test_a_worker_that_dies_while_loading_is_reported() -> None:
    dying = make_supervisor(fake_worker.serve_dies_while_loading)
    with pytest.raises(EngineUnavailable, match="exit code 3"):
        dying.start()
    assert not dying.is_ready()


def test_close_stops_the_worker_process() -> None:
    supervisor = make_supervisor()
    supervisor.start()
    worker = supervisor._worker
    assert worker is not None and worker.process.is_alive()
    supervisor.close()
    assert not worker.process.is_alive()
    with pytest.raises(EngineUnavailable, match="closed"):
        ask(supervisor)
