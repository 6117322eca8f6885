"""`summarizer serve --workers 2`: two real worker processes answer on one port, each names
itself in `X-Served-By`, and SIGTERM stops them all."""

from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.support import seed_text
from tests.support.serving import EXTRACTIVE_ENV, pid_alive, serve_process

ARTICLES = [seed_text(case) for case in ("101", "102", "104", "106")]


def _post_on_a_new_connection(url: str, text: str) -> tuple[int, str]:
    # a fresh connection per request: the kernel hands each accept to either worker
    reply = httpx.post(url + "/v1/summaries", json={"text": text}, timeout=60.0)
    return reply.status_code, reply.headers.get("x-served-by", "")


def test_two_workers_both_answer_and_sigterm_stops_every_process(tmp_path: Path) -> None:
    statuses: Counter[int] = Counter()
    served_by: Counter[str] = Counter()
    with serve_process(tmp_path, EXTRACTIVE_ENV, "--workers", "2") as server:
        with ThreadPoolExecutor(max_workers=8) as pool:
            for _ in range(6):  # rounds of 32 until both workers have answered
                jobs = [ARTICLES[i % len(ARTICLES)] for i in range(32)]
                for status, name in pool.map(
                    lambda text: _post_on_a_new_connection(server.url, text), jobs
                ):
                    statuses[status] += 1
                    served_by[name] += 1
                if len(served_by) > 1:
                    break
        worker_pids = {int(name.rsplit(":", 1)[1]) for name in served_by}
        assert statuses == Counter({200: statuses.total()}), statuses
        assert len(worker_pids) == 2, served_by
        assert server.process.pid not in worker_pids  # the supervisor only supervises
        assert all(pid_alive(pid) for pid in worker_pids)
        exit_code = server.stop()
        assert exit_code == 0, server.log_text()
    deadline = time.monotonic() + 10
    while any(pid_alive(pid) for pid in worker_pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(pid_alive(pid) for pid in worker_pids), "a worker outlived the server"


def test_one_worker_names_itself_on_errors_too(tmp_path: Path) -> None:
    with serve_process(tmp_path, EXTRACTIVE_ENV) as server:
        ok = httpx.post(server.url + "/v1/summaries", json={"text": ARTICLES[0]}, timeout=60.0)
        bad = httpx.post(server.url + "/v1/summaries", json={"text": " "}, timeout=60.0)
    assert ok.status_code == 200 and bad.status_code == 422
    served_by = ok.headers["x-served-by"]
    assert served_by.endswith(f":{server.process.pid}")
    assert bad.headers["x-served-by"] == served_by
