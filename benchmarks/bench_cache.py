"""A repeated article from the response cache (issue 13, target: <= 5 ms): starts `summarizer
serve` (extractive engine, no model) on a free 127.0.0.1 port, posts each seed article once (a
miss: the analysis runs) and then `--repeat` more times on one keep-alive connection (hits), and
prints client-side wall time per request over HTTP: p50/p95/p99/max, for misses and hits.
`--redis` starts a real redis-server and uses it as the cache instead of memory.

    .venv/bin/python benchmarks/bench_cache.py [--repeat 200] [--redis]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test support starts the server and redis processes

from tests.support.redis_server import start_redis  # noqa: E402
from tests.support.serving import EXTRACTIVE_ENV, serve_process  # noqa: E402

TARGET_MS = 5.0


def articles() -> list[bytes]:
    return [path.read_bytes() for path in sorted(ROOT.glob("seeds/*/article.txt"))]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def describe(name: str, values: list[float]) -> str:
    return (
        f"{name:>6}: n={len(values):5d}  p50 {statistics.median(values):7.2f} ms  "
        f"p95 {percentile(values, 0.95):7.2f}  p99 {percentile(values, 0.99):7.2f}  "
        f"max {max(values):7.2f}"
    )


def post(client: httpx.Client, url: str, text: bytes) -> tuple[float, httpx.Response]:
    started = time.perf_counter()
    response = client.post(
        url + "/v1/summaries", content=text, headers={"content-type": "text/plain"}
    )
    return (time.perf_counter() - started) * 1000, response


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Figures:
    misses: list[float] = field(default_factory=list)
    hits: list[float] = field(default_factory=list)
    server_ms: list[int] = field(default_factory=list)
    # CPU seconds spent during the hits: the server process, and this client
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    # repeats answered as a miss: a Redis lookup past its timeout (0.5 s) is a miss, by design
    missed_repeats: int = 0


def measure(url: str, pid: int, texts: list[bytes], repeat: int) -> Figures:
    figures = Figures()
    with httpx.Client(timeout=60.0) as client:
        for text in texts:
            elapsed, response = post(client, url, text)
            if response.headers.get("x-cache") != "miss":
                raise RuntimeError(f"expected a miss: {response.status_code} {response.headers}")
            figures.misses.append(elapsed)
        server_before, client_before = cpu_seconds(pid), time.process_time()
        for _ in range(repeat):
            for text in texts:
                elapsed, response = post(client, url, text)
                if response.headers.get("x-cache") != "hit":
                    figures.missed_repeats += 1
                    continue
                figures.hits.append(elapsed)
                figures.server_ms.append(int(response.json()["meta"]["latency_ms"]))
        figures.server_cpu_s = cpu_seconds(pid) - server_before
        figures.client_cpu_s = time.process_time() - client_before
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=200, help="hits per article (200)")
    parser.add_argument("--redis", action="store_true", help="cache in a real redis-server")
    args = parser.parse_args()
    texts = articles()
    with tempfile.TemporaryDirectory() as workdir, ExitStack() as stack:
        env = {**EXTRACTIVE_ENV, "SUMMARIZER_LOG_LEVEL": "WARNING"}
        if args.redis:
            redis, port = start_redis(Path(workdir))
            stack.callback(redis.wait)
            stack.callback(redis.terminate)
            env["SUMMARIZER_CACHE_URL"] = f"redis://127.0.0.1:{port}/0"
        server = stack.enter_context(serve_process(Path(workdir), env))
        figures = measure(server.url, server.process.pid, texts, args.repeat)
    hits = len(figures.hits)
    backend = "redis" if args.redis else "memory"
    print(f"response cache ({backend}), {len(texts)} seed articles, over HTTP (keep-alive):")
    print(describe("miss", figures.misses))
    print(describe("hit", figures.hits))
    if figures.missed_repeats:
        print(f"  repeats answered as a miss (cache lookup timed out): {figures.missed_repeats}")
    print(f"  hit, server-side meta.latency_ms: p50 {statistics.median(figures.server_ms):.0f} ms")
    # on a loaded machine wall time is mostly waiting for a core; CPU time is the work itself
    print(
        f"  CPU per hit: server {figures.server_cpu_s / hits * 1000:.2f} ms, client "
        f"{figures.client_cpu_s / hits * 1000:.2f} ms (load average {os.getloadavg()[0]:.1f} "
        f"on {os.cpu_count()} cores)"
    )
    verdict = "met" if statistics.median(figures.hits) <= TARGET_MS else "NOT met"
    print(f"target: a repeated article in <= {TARGET_MS:g} ms (p50 of hits): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
