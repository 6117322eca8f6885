"""Two API replicas behind one OpenAI-compatible model server, all real processes on 127.0.0.1:
the model server, two `summarizer serve` processes (openai engine, SUMMARIZER_MAX_QUEUE=1), and
`summarizer batch --url A --url B --concurrency 6` driving them.

Proves: both replicas serve; each replica holds at most max_queue + 1 model calls in flight (seen
by a counting proxy between the replicas and the model server, tests/support/model_proxy.py);
the replicas' 503s (queue full) are retried after their Retry-After until every article is done.

Two model servers: `fake`, a process answering the real model's recorded answers one at a time
with a 2 s delay (tests/support/fake_model_server.py; ~30 s in all), and `llama.cpp`, llama.cpp's
own server running the packaged model (six generations one after another: ~2 min on an idle
2-core machine; far longer when other work holds the cores, see the retry budget below).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from summarizer.settings import Settings
from tests.support import ROOT
from tests.support.model_proxy import counting_proxy
from tests.support.serving import free_port, serve_process

pytestmark = pytest.mark.slow

MAX_QUEUE = 1
CASES = ["101", "102", "103", "104", "106", "107"]  # six short hand-written articles (~350 words)


@dataclass(frozen=True)
class ModelServer:
    kind: str
    retry_after_s: int  # what a busy replica tells the batch: about one generation


SERVERS = [ModelServer("fake", retry_after_s=1), ModelServer("llama.cpp", retry_after_s=10)]


def _llama_cpp_command(port: int) -> list[str]:
    """llama.cpp's OpenAI-compatible server on the model the package assembles (the same file
    the local engine loads), as scripts/record-cassettes.sh runs it."""
    pytest.importorskip("llama_cpp.server", reason="needs the dev extra (llama-cpp-python[server])")
    from summarizer.engines.local.model_store import resolve_model

    settings = Settings()
    model = resolve_model(settings.model_path, settings.model_cache_dir).path
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model)]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096"]
    # one thread: llama.cpp's threads wait on each other, so with other work on the cores two
    # threads can be many times slower than one; on an idle machine one costs about 1.5x
    return [*command, "--n_threads", "1", "--model_alias", settings.openai_model]


@contextmanager
def model_server(kind: str, workdir: Path) -> Iterator[str]:
    port = free_port()
    if kind == "llama.cpp":
        command = _llama_cpp_command(port)
    else:
        command = [sys.executable, "-m", "tests.support.fake_model_server", "--port", str(port)]
    log = workdir / f"model-server-{port}.log"
    with log.open("wb") as handle:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            assert process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, f"{kind} server did not start in 180 s"
            try:
                if httpx.get(url + "/v1/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        yield url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # its own session: nothing else
            process.wait(timeout=10)


def _replica_env(model_base_url: str, server: ModelServer) -> dict[str, str]:
    return {
        "SUMMARIZER_DEFAULT_ENGINE": "openai",
        "SUMMARIZER_OPENAI_BASE_URL": model_base_url,
        "SUMMARIZER_PROMPT_VERSION": "v2",
        "SUMMARIZER_MAX_QUEUE": str(MAX_QUEUE),
        "SUMMARIZER_RETRY_AFTER_S": str(server.retry_after_s),
        "SUMMARIZER_MAX_RETRIES": "0",  # one model call per article: the test is about serving
        # the model server answers one call at a time: the fourth waits for three others
        "SUMMARIZER_LLM_TIMEOUT_S": "1200",
        "SUMMARIZER_REQUEST_TIMEOUT_S": "1200",
        "SUMMARIZER_LOAD_MODEL_AT_STARTUP": "false",
    }


@pytest.mark.parametrize("server", SERVERS, ids=[server.kind for server in SERVERS])
def test_two_replicas_share_one_model_server_with_bounded_queues(
    server: ModelServer, tmp_path: Path
) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for case in CASES:
        [source] = (ROOT / "seeds").glob(f"{case}_*/article.txt")
        shutil.copy(source, articles / f"{source.parent.name}.txt")
    out, report_path = tmp_path / "out.jsonl", tmp_path / "report.json"
    with ExitStack() as stack:
        model_url = stack.enter_context(model_server(server.kind, tmp_path))
        proxy, in_flight = stack.enter_context(counting_proxy(model_url))
        replica_a = stack.enter_context(
            serve_process(tmp_path, _replica_env(f"{proxy}/a/v1", server))
        )
        replica_b = stack.enter_context(
            serve_process(tmp_path, _replica_env(f"{proxy}/b/v1", server))
        )
        started = time.monotonic()
        command = [sys.executable, "-m", "summarizer.cli", "batch", str(articles)]
        command += ["--out", str(out), "--report", str(report_path), "--no-progress"]
        command += ["--url", replica_a.url, "--url", replica_b.url, "--concurrency", "6"]
        # a retry budget of ~2,000 s of Retry-After waits: the articles turned away wait for
        # the ones admitted, however slow the model is; each attempt is still bounded
        budget = str(2000 // server.retry_after_s)
        command += ["--max-attempts", budget, "--max-wait", "10", "--timeout", "1500"]
        batch = subprocess.run(
            command,
            cwd=tmp_path,
            env={k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZER_")},
            capture_output=True,
            timeout=3000,
        )
        elapsed = time.monotonic() - started
        logs = replica_a.log_text() + replica_b.log_text()
    assert batch.returncode == 0, batch.stderr.decode() + logs
    report = json.loads(report_path.read_text())
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    print(f"\n{len(CASES)} articles in {elapsed:.0f} s; report {report}; proxy {in_flight}")

    # every article ends ok, summarised by the model through one replica or the other
    assert sorted(line["id"] for line in lines) == sorted(p.stem for p in articles.glob("*.txt"))
    assert all(line["ok"] for line in lines)
    assert {line["response"]["meta"]["engine"] for line in lines} == {"openai"}
    replica_pids = {str(replica_a.process.pid), str(replica_b.process.pid)}
    assert {name.rsplit(":", 1)[1] for name in report["served_by"]} == replica_pids
    assert {line["served_by"].rsplit(":", 1)[1] for line in lines} == replica_pids
    # the full queues said 503, and the batch came back after Retry-After
    assert report["statuses"].get("503", 0) > 0 and report["retries"] >= report["statuses"]["503"]
    assert sum(line["attempts"] - 1 for line in lines) == report["retries"]
    # what each replica sent the model at once stayed within its queue bound, and reached it
    assert set(in_flight.total) == {"a", "b"}
    assert all(peak <= MAX_QUEUE + 1 for peak in in_flight.peak.values()), in_flight.peak
    assert max(in_flight.peak.values()) == MAX_QUEUE + 1
