"""`summarizer serve` as a real process on a free 127.0.0.1 port, for tests and benchmarks that
need real sockets, real worker processes and real signals."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

EXTRACTIVE_ENV = {
    "SUMMARIZER_DEFAULT_ENGINE": "extractive",
    "SUMMARIZER_LOAD_MODEL_AT_STARTUP": "false",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class ServerProcess:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout_s: float = 30.0) -> int:
        """SIGTERM, as a process manager would stop it; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout_s)


def _clean_environment(env: dict[str, str]) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")}
    return {**base, **env}


@contextmanager
def serve_process(
    workdir: Path, env: dict[str, str], *args: str, start_timeout_s: float = 90.0
) -> Iterator[ServerProcess]:
    """Start `summarizer serve` (plus `args`) in `workdir` (so no developer `.env` is read) with
    only `env` as SUMMARIZER_* settings; wait for /healthz; always stop it, and any process it
    started (its own session), when the block ends."""
    port = free_port()
    log = workdir / f"serve-{port}.log"
    command = [sys.executable, "-m", "summarizer.cli", "serve", "--host", "127.0.0.1"]
    with log.open("wb") as log_handle:
        process = subprocess.Popen(
            [*command, "--port", str(port), *args],
            cwd=workdir,
            env=_clean_environment(env),
            stdout=log_handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = ServerProcess(f"http://127.0.0.1:{port}", process, log)
    try:
        _wait_healthy(server, start_timeout_s)
        yield server
    finally:
        try:
            server.stop()
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # our own session only
            process.wait(timeout=10)


def _wait_healthy(server: ServerProcess, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"summarizer serve exited early:\n{server.log_text()}")
        try:
            if httpx.get(server.url + "/healthz", timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"summarizer serve not healthy within {timeout_s} s:\n{server.log_text()}")


def pid_alive(pid: int) -> bool:
    """True for a running process; a zombie (exited, not yet reaped) counts as gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
