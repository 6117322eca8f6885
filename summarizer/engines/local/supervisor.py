"""The parent's side of the model worker: start it, send it one request at a time, and kill and
restart it when it crashes or stays silent past its deadline.

Nothing here waits without a bound: the lock is taken with the request's own timeout, an answer is
awaited until the deadline plus a grace period, and a worker that misses that is killed (SIGKILL)
so the next request never queues behind an abandoned generation.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Literal

from summarizer.engines.local.worker import WorkerConfig, serve
from summarizer.errors import EngineError, EngineTimeout, EngineUnavailable, ModelDeadlineReached
from summarizer.models import Usage

_log = logging.getLogger("summarizer.local")
WorkerState = Literal["starting", "ready", "restarting", "failed", "closed"]
# the child's entry point: `worker.serve`, or a stand-in in tests (importable, for spawn)
WorkerTarget = Callable[[Connection, WorkerConfig], None]


class _Worker:
    """One child process and our end of its pipe."""

    def __init__(self, config: WorkerConfig, target: WorkerTarget) -> None:
        context = multiprocessing.get_context("spawn")  # fork is unsafe in a threaded server
        self.conn, child_conn = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=target, args=(child_conn, config), name="summarizer-model-worker", daemon=True
        )
        self.process.start()
        child_conn.close()  # so a dead child reads as EOF here

    def wait_ready(self, timeout: float) -> str:
        """The model name once loaded; raises EngineUnavailable on failure or timeout."""
        if not self._wait(timeout):
            raise EngineUnavailable(f"the model worker did not load the model within {timeout:g} s")
        try:
            message = self.conn.recv()
        except (EOFError, OSError) as exc:
            raise EngineUnavailable(
                f"the model worker exited while loading (exit code {self.exitcode()})"
            ) from exc
        if "load_failed" in message:
            raise EngineUnavailable(
                f"the embedded model could not be loaded: {message['load_failed']}"
            )
        return str(message["ready"])

    def _wait(self, timeout: float) -> bool:
        return bool(wait([self.conn, self.process.sentinel], timeout))

    def ask(self, request: dict[str, Any], timeout: float) -> dict[str, Any] | None:
        """The reply, or None when none came in time; raises EOFError when the worker died."""
        self.conn.send(request)
        if not self._wait(timeout):
            return None
        if not self.conn.poll():  # only the process sentinel fired: it died
            raise EOFError
        reply: dict[str, Any] = self.conn.recv()
        return reply

    def exitcode(self) -> int | None:
        self.process.join(timeout=1.0)
        return self.process.exitcode

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5.0)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.process.join(timeout=3.0)
        self.kill()


class WorkerSupervisor:
    """Owns the current worker; every public method is safe to call from any thread."""

    def __init__(
        self,
        config: WorkerConfig,
        *,
        kill_grace_s: float,
        start_timeout_s: float,
        retry_after_s: int,
        target: WorkerTarget = serve,
    ) -> None:
        self.config = config
        self.target = target
        self.kill_grace_s = kill_grace_s
        self.start_timeout_s = start_timeout_s
        self.retry_after_s = retry_after_s
        self.state: WorkerState = "starting"
        self.error: str | None = None
        self.restarts = 0
        self.last_restart_s: float | None = None
        self.last_outcome: dict[str, Any] | None = None  # timings and tokens of the last answer
        self._worker: _Worker | None = None
        self._request_lock = threading.Lock()  # one generation at a time
        self._state_lock = threading.Lock()

    # --- lifecycle ------------------------------------------------------------------------------
    def start(self) -> None:
        """Start the first worker and wait for the model (raises EngineUnavailable)."""
        self._worker = self._spawn()

    def _spawn(self) -> _Worker:
        worker = _Worker(self.config, self.target)
        try:
            worker.wait_ready(self.start_timeout_s)
        except EngineUnavailable as exc:
            worker.kill()
            with self._state_lock:
                self.state, self.error = "failed", exc.detail
            raise
        with self._state_lock:
            self.state, self.error = "ready", None
        return worker

    def restart_in_background(self, why: str) -> None:
        with self._state_lock:
            if self.state in ("restarting", "closed"):
                return
            self.state, self.error = "restarting", why
        _log.warning("restarting the model worker: %s", why)
        threading.Thread(target=self._restart, name="model-worker-restart", daemon=True).start()

    def _restart(self) -> None:
        started = time.monotonic()
        old, self._worker = self._worker, None
        if old is not None:
            old.kill()
        try:
            worker = self._spawn()
        except EngineUnavailable:
            _log.exception("the model worker could not be restarted")
            return
        with self._state_lock:
            if self.state == "closed":
                worker.stop()
                return
            self._worker = worker
        self.restarts += 1
        self.last_restart_s = time.monotonic() - started
        _log.warning("model worker ready again after %.1f s", self.last_restart_s)

    def close(self) -> None:
        with self._state_lock:
            self.state = "closed"
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()

    def is_ready(self) -> bool:
        return self.state == "ready" and self._worker is not None

    def worker_pid(self) -> int | None:
        worker = self._worker
        return worker.process.pid if worker is not None else None

    # --- requests -------------------------------------------------------------------------------
    def complete(self, arguments: dict[str, Any], timeout: float) -> dict[str, Any]:
        """An OpenAI-shaped chat completion (dict) within `timeout` seconds, or an EngineError."""
        deadline = time.monotonic() + timeout
        if not self._request_lock.acquire(timeout=max(timeout, 0.0)):
            raise EngineUnavailable(
                "the embedded model is busy", engine="local", retry_after=self.retry_after_s
            )
        try:
            worker = self._ready_worker()
            seconds = deadline - time.monotonic()
            try:
                reply = worker.ask(
                    {"arguments": arguments, "seconds": seconds},
                    max(seconds, 0.0) + self.kill_grace_s,
                )
            except (EOFError, OSError) as exc:
                self.restart_in_background(f"the worker died (exit code {worker.exitcode()})")
                raise EngineUnavailable(
                    f"the embedded model's worker stopped during the request (exit code "
                    f"{worker.exitcode()}); it is restarting",
                    engine="local",
                    retry_after=self.retry_after_s,
                ) from exc
            if reply is None:
                self.restart_in_background(
                    f"no answer {self.kill_grace_s:g} s past a {timeout:.1f} s deadline"
                )
                raise EngineTimeout(
                    f"the embedded model did not stop within {timeout:.1f} s + "
                    f"{self.kill_grace_s:g} s grace; its worker was restarted",
                    engine="local",
                )
        finally:
            self._request_lock.release()
        self.last_outcome = reply.get("outcome")
        return _completion_from(reply, timeout)

    def _ready_worker(self) -> _Worker:
        worker = self._worker
        if self.state != "ready" or worker is None:
            reason = f" ({self.error})" if self.error else ""
            raise EngineUnavailable(
                f"the embedded model is {self.state}{reason}; try again shortly",
                engine="local",
                retry_after=self.retry_after_s,
            )
        return worker


def _completion_from(reply: dict[str, Any], timeout: float) -> dict[str, Any]:
    if "error" in reply:
        raise EngineError(f"the embedded model failed: {reply['error']}", engine="local")
    outcome = reply["outcome"]
    completion: dict[str, Any] | None = outcome["completion"]
    if outcome["deadline_reached"]:
        text = None
        if completion is not None:
            text = completion["choices"][0]["message"].get("content")
        raise ModelDeadlineReached(
            f"the embedded model was stopped at its deadline ({timeout:.1f} s left for it) "
            f"after {outcome['completion_tokens']} output tokens",
            engine="local",
            partial_text=text,
            usage=Usage(
                input_tokens=outcome["prompt_tokens"],
                output_tokens=outcome["completion_tokens"],
            ),
        )
    assert completion is not None
    return completion
