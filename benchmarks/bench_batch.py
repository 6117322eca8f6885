"""`summarizer batch` throughput (articles/s), extractive engine: in process, and over HTTP against
a real `summarizer serve` on 127.0.0.1 with 1 and 2 worker processes. Prints figures, asserts
nothing. Articles: seeds/*/article.txt and seeds/realnews/tune/*/article.txt (never the gold
files), the set repeated `--repeat` times under distinct ids.

    .venv/bin/python benchmarks/bench_batch.py [--repeat 4] [--concurrency 4]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import anyio

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.support.serving starts the server process

from summarizer.batch import (  # noqa: E402
    BatchItem,
    BatchReport,
    HttpRunner,
    InProcessRunner,
    Runner,
    run_batch,
)
from summarizer.service import SummaryService  # noqa: E402
from summarizer.settings import Settings  # noqa: E402
from tests.support.serving import EXTRACTIVE_ENV, serve_process  # noqa: E402


def articles(repeat: int) -> list[BatchItem]:
    paths = sorted((ROOT / "seeds").glob("*/article.txt"))
    paths += sorted((ROOT / "seeds" / "realnews" / "tune").glob("*/article.txt"))
    texts = [(path.parent.name, path.read_text(encoding="utf-8")) for path in paths]
    return [
        BatchItem(f"{name}#{round_}", {"text": text, "engine": "extractive"})
        for round_ in range(repeat)
        for name, text in texts
    ]


def run(items: list[BatchItem], runner: Runner, concurrency: int, workdir: Path) -> BatchReport:
    """Timed over `items`, after a warm-up batch (first-use loading of word lists and the like)."""
    warm_up = [BatchItem(f"warm-up-{item.id}", item.body) for item in items[:concurrency]]

    async def go() -> BatchReport:
        try:
            for batch in (warm_up, items):
                out = Path(tempfile.mkstemp(dir=workdir, suffix=".jsonl")[1])
                report = await run_batch(
                    batch, out, runner, concurrency=concurrency, progress=False
                )
            return report
        finally:
            await runner.aclose()

    report = anyio.run(go)
    assert report.ok == len(items), report.summary()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    items = articles(args.repeat)
    words = sum(len(item.body["text"].split()) for item in items)
    print(
        f"{len(items)} articles ({words / len(items):.0f} words on average), "
        f"concurrency {args.concurrency}"
    )
    with tempfile.TemporaryDirectory() as temp:
        workdir = Path(temp)
        settings = Settings(
            default_engine="extractive", load_model_at_startup=False, _env_file=None
        )
        runner: Runner = InProcessRunner(SummaryService(settings))
        rows = [("in process", run(items, runner, args.concurrency, workdir))]
        for workers in (1, 2):
            # no response cache: the repeated articles would be answered from it
            env = {**EXTRACTIVE_ENV, "SUMMARIZER_CACHE_SIZE": "0"}
            with serve_process(workdir, env, "--workers", str(workers)) as server:
                runner = HttpRunner([server.url], timeout_s=120)
                rows.append(
                    (f"HTTP, {workers} worker(s)", run(items, runner, args.concurrency, workdir))
                )
    print(f"{'mode':<22} {'articles/s':>10} {'seconds':>8}")
    for label, report in rows:
        rate = report.as_dict()["articles_per_s"]
        print(f"{label:<22} {rate:>10.1f} {report.elapsed_s:>8.1f}")


if __name__ == "__main__":
    main()
