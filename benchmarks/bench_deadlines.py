"""Deadlines and crashes of the embedded model, end to end: prints figures, asserts nothing.

1. The CLI reproduction of issue 12 (`SUMMARIZER_LLM_TIMEOUT_S=<t> summarizer summarize --engine
   local seeds/003...`) N times under the default timeout and under 1 s: exit codes and times.
2. `summarizer serve` on 127.0.0.1: N requests with a 2 s `timeout_s` in a row (time from the
   deadline to the answer), then a normal request (its time and output tokens), then the model
   worker killed mid-request (the status seen, and the time from the kill to /readyz ready again),
   then a normal request.

    .venv/bin/python benchmarks/bench_deadlines.py [--repeat 20] [--skip-cli]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "seeds" / "003_a749de6f848d4ae8" / "article.txt"


def cli_runs(timeout: str | None, repeat: int) -> None:
    env = dict(os.environ)
    if timeout is not None:
        env["SUMMARIZER_LLM_TIMEOUT_S"] = timeout
    codes, walls, messages = [], [], 0
    for _ in range(repeat):
        started = time.monotonic()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "summarizer.cli",
                "summarize",
                "--engine",
                "local",
                str(ARTICLE),
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        walls.append(time.monotonic() - started)
        codes.append(done.returncode)
        messages += "SUMMARIZER_LLM_TIMEOUT_S" in done.stderr
    label = f"SUMMARIZER_LLM_TIMEOUT_S={timeout}" if timeout else "default timeout"
    print(
        f"CLI, {label}: exit codes {sorted(set(codes))} over {repeat} runs; wall p50 "
        f"{statistics.median(walls):.1f} s, max {max(walls):.1f} s; deadline message in "
        f"{messages}/{repeat}"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(base: str, body: dict[str, Any]) -> tuple[int, dict[str, Any], float]:
    request = urllib.request.Request(
        f"{base}/v1/summaries",
        data=json.dumps(body).encode(),
        headers={"content-type": "application/json"},
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, json.loads(response.read()), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}"), time.monotonic() - started


def ready(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/readyz", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def wait_ready(base: str, limit: float = 300) -> float:
    started = time.monotonic()
    while not ready(base):
        if time.monotonic() - started > limit:
            raise SystemExit("the server did not become ready")
        time.sleep(0.1)
    return time.monotonic() - started


def worker_pid(server_pid: int) -> int:
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    for child in children:
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        if b"spawn_main" in cmdline:  # not the resource tracker
            return int(child)
    raise SystemExit("no model worker process found")


def server_runs(repeat: int) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "SUMMARIZER_DEFAULT_ENGINE": "local"}
    server = subprocess.Popen(
        [sys.executable, "-m", "summarizer.cli", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        print(f"server ready in {wait_ready(base):.1f} s")
        text = ARTICLE.read_text(encoding="utf-8")
        late, statuses = [], []
        for _ in range(repeat):
            status, _, elapsed = post(base, {"text": text, "engine": "local", "timeout_s": 2})
            statuses.append(status)
            late.append(elapsed - 2.0)
        print(
            f"{repeat} forced timeouts (timeout_s=2): statuses {sorted(set(statuses))}; "
            f"deadline to answer p50 {statistics.median(late):+.2f} s, max {max(late):+.2f} s"
        )
        status, body, elapsed = post(base, {"text": text, "engine": "local"})
        print(
            f"then a normal request: {status} in {elapsed:.1f} s, "
            f"{body.get('meta', {}).get('usage')}"
        )
        pid = worker_pid(server.pid)
        killed_at: list[float] = []

        def kill() -> None:
            killed_at.append(time.monotonic())
            os.kill(pid, signal.SIGKILL)

        threading.Timer(2.0, kill).start()
        status, body, elapsed = post(base, {"text": text, "engine": "local"})
        answered = time.monotonic() - killed_at[0]
        wait_ready(base)
        recovered = time.monotonic() - killed_at[0]
        print(
            f"worker killed mid-request: {status} ({body.get('title')}) {answered:.2f} s after "
            f"the kill; kill to ready again {recovered:.1f} s"
        )
        status, body, elapsed = post(base, {"text": text, "engine": "local"})
        print(
            f"then a normal request: {status} in {elapsed:.1f} s, "
            f"{body.get('meta', {}).get('usage')}"
        )
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--skip-cli", action="store_true")
    args = parser.parse_args()
    if not args.skip_cli:
        cli_runs(None, args.repeat)
        cli_runs("1", args.repeat)
    server_runs(args.repeat)


if __name__ == "__main__":
    main()
