"""/healthz latency while the server is busy summarising (issue 13): starts `summarizer serve`
(extractive engine, no model) on a free 127.0.0.1 port, fires `--concurrency` summaries of the
seed articles continuously for `--duration` seconds, and meanwhile polls /healthz from its own
thread every 20 ms. Prints /healthz p50/p99/max, summaries/s and summary latency; asserts nothing.

    .venv/bin/python benchmarks/bench_http.py [--concurrency 32] [--duration 20] [--workers 1]
        [--analysis-threads N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.support.serving starts the server process

from tests.support.serving import EXTRACTIVE_ENV, serve_process  # noqa: E402

_POLL_EVERY_S = 0.02


@dataclass
class Figures:
    health_ms: list[float] = field(default_factory=list)
    summary_ms: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)


def articles() -> list[bytes]:
    paths = sorted(ROOT.glob("seeds/*/article.txt")) + sorted(
        ROOT.glob("seeds/realnews/tune/*/article.txt")
    )
    return [path.read_bytes() for path in paths]


def poll_health(url: str, stop: threading.Event, figures: Figures) -> None:
    """In its own thread and connection: the load generator's event loop adds no delay."""
    with httpx.Client(timeout=30.0) as client:
        while not stop.is_set():
            started = time.perf_counter()
            response = client.get(url + "/healthz")
            if response.status_code == 200:
                figures.health_ms.append((time.perf_counter() - started) * 1000)
            time.sleep(_POLL_EVERY_S)


async def summarise_until(
    url: str, texts: list[bytes], until: float, figures: Figures, concurrency: int
) -> None:
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    async with httpx.AsyncClient(timeout=120.0, limits=limits) as client:

        async def one_worker(offset: int) -> None:
            index = offset
            while time.monotonic() < until:
                started = time.perf_counter()
                response = await client.post(
                    url + "/v1/summaries",
                    content=texts[index % len(texts)],
                    headers={"content-type": "text/plain"},
                )
                figures.statuses[response.status_code] += 1
                if response.status_code == 200:
                    figures.summary_ms.append((time.perf_counter() - started) * 1000)
                index += 1

        await asyncio.gather(*(one_worker(i) for i in range(concurrency)))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def idle_health(url: str, count: int = 50) -> list[float]:
    times = []
    with httpx.Client(timeout=10.0) as client:
        for _ in range(count):
            started = time.perf_counter()
            client.get(url + "/healthz")
            times.append((time.perf_counter() - started) * 1000)
    return times


def run(concurrency: int, duration_s: float, workers: int, analysis_threads: int | None) -> None:
    # the response cache off: every request is analysed, as for distinct articles
    env = dict(EXTRACTIVE_ENV, SUMMARIZER_CACHE_SIZE="0")
    if analysis_threads is not None:
        env["SUMMARIZER_ANALYSIS_THREADS"] = str(analysis_threads)
    texts = articles()
    with (
        tempfile.TemporaryDirectory() as workdir,
        serve_process(
            Path(workdir), env, *(["--workers", str(workers)] if workers > 1 else [])
        ) as server,
    ):
        for text in texts:  # warm up: imports, regex caches, vocabulary
            httpx.post(server.url + "/v1/summaries", content=text, timeout=60.0)
        idle = idle_health(server.url)
        figures = Figures()
        stop = threading.Event()
        poller = threading.Thread(target=poll_health, args=(server.url, stop, figures))
        poller.start()
        started = time.monotonic()
        try:
            until = started + duration_s
            asyncio.run(summarise_until(server.url, texts, until, figures, concurrency))
        finally:
            elapsed = time.monotonic() - started
            stop.set()
            poller.join()
    report(figures, idle, elapsed, concurrency, workers, analysis_threads, len(texts))


def report(
    figures: Figures,
    idle: list[float],
    elapsed: float,
    concurrency: int,
    workers: int,
    analysis_threads: int | None,
    n_articles: int,
) -> None:
    done = figures.statuses.get(200, 0)
    health = figures.health_ms
    print(
        f"summarizer serve --workers {workers}, extractive, analysis_threads="
        f"{analysis_threads or 'default'}; {concurrency} concurrent summaries of {n_articles} "
        f"seed articles for {elapsed:.1f} s"
    )
    print(f"  statuses: {dict(sorted(figures.statuses.items()))}")
    print(f"  summaries/s: {done / elapsed:.1f} ({done} in {elapsed:.1f} s)")
    if figures.summary_ms:
        print(
            f"  summary latency ms: p50 {percentile(figures.summary_ms, 0.5):.0f}  "
            f"p99 {percentile(figures.summary_ms, 0.99):.0f}"
        )
    print(
        f"  /healthz idle ms:    p50 {statistics.median(idle):.1f}  "
        f"p99 {percentile(idle, 0.99):.1f}"
    )
    print(
        f"  /healthz loaded ms:  p50 {percentile(health, 0.5):.1f}  "
        f"p99 {percentile(health, 0.99):.1f}  max {max(health, default=float('nan')):.1f}  "
        f"(n={len(health)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds of load")
    parser.add_argument("--workers", type=int, default=1, help="summarizer serve --workers")
    parser.add_argument(
        "--analysis-threads", type=int, default=None, help="SUMMARIZER_ANALYSIS_THREADS"
    )
    args = parser.parse_args()
    run(args.concurrency, args.duration, args.workers, args.analysis_threads)


if __name__ == "__main__":
    main()
