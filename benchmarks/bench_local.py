"""Local engine budgets on this machine: prints figures, asserts nothing.

Per seed article: wall time over N runs (p50, max), tokens in/out, generation rate inside the
model worker next to llama.cpp's raw rate for a plain completion in this process (same build),
and peak RSS of the API process and of the model worker. Each run after the first finds the
prompt's prefix cached in the worker, as a server does for repeated templates. Budgets (issue
4): p50 <= 30 s per 750-word seed, <= 200 generated tokens per article, peak RSS < 3 GB.

    .venv/bin/python benchmarks/bench_local.py [--runs 3] [--raw-tokens 128]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path

from summarizer.engines.local.engine import LocalEngine
from summarizer.engines.local.supervisor import WorkerSupervisor
from summarizer.engines.local.worker import WorkerConfig, load_llama
from summarizer.models import SummaryRequest
from summarizer.service import SummaryService
from summarizer.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_IDS = ("000_e5a4ada6868b4a8e", "003_a749de6f848d4ae8")


def raw_rate(config: WorkerConfig, tokens: int) -> float:
    """Generated tokens/s of a plain completion in this process: no grammar, no chat template,
    no instructor, no worker process. The model is loaded here for this and released."""
    import llama_cpp

    llama = load_llama(config)
    try:
        llama_cpp.llama_perf_context_reset(llama.ctx)
        llama.create_completion(
            "Write a long news report about a city council meeting.\n",
            max_tokens=tokens,
            temperature=0.0,
            stop=[],
        )
        data = llama_cpp.llama_perf_context(llama.ctx)
        return int(data.n_eval) / (float(data.t_eval_ms) / 1000) if data.t_eval_ms else 0.0
    finally:
        llama.close()


def peak_rss_gb(pid: int | None = None) -> float:
    """Peak resident memory of this process, or of another one (the model worker)."""
    if pid is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024 / 1024
    return 0.0


def bench_seed(
    service: SummaryService, supervisor: WorkerSupervisor, case_id: str, runs: int
) -> None:
    text = (SEEDS / case_id / "article.txt").read_text(encoding="utf-8")
    words = len(text.split())
    walls, outs, ins, rates, walls_in_model = [], [], [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        response = service.summarize(SummaryRequest(text=text, engine="local"))
        walls.append(time.perf_counter() - started)
        timings = (supervisor.last_outcome or {}).get("timings", {})
        eval_s = float(timings.get("eval_s", 0.0))
        rates.append(float(timings.get("eval_tokens", 0)) / eval_s if eval_s else 0.0)
        walls_in_model.append(float(timings.get("generate_s", 0.0)))
        outs.append(response.meta.usage.output_tokens)
        ins.append(response.meta.usage.input_tokens)
    print(
        f"{case_id} ({words} words): wall p50 {statistics.median(walls):.1f} s, "
        f"max {max(walls):.1f} s; tokens in {statistics.median(ins):.0f}, "
        f"out p50 {statistics.median(outs):.0f} max {max(outs)}; "
        f"generation {statistics.median(rates):.1f} tok/s (llama.cpp eval time; whole "
        f"generation call p50 {statistics.median(walls_in_model):.1f} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--raw-tokens", type=int, default=128)
    args = parser.parse_args()
    settings = Settings(load_model_at_startup=False)
    service = SummaryService(settings)
    started = time.perf_counter()
    engine = service.registry.get("local")
    assert isinstance(engine, LocalEngine)
    supervisor = engine.worker_backend.supervisor
    print(f"model: {engine.model_name()}; worker up in {time.perf_counter() - started:.1f} s")
    for case_id in SEED_IDS:
        bench_seed(service, supervisor, case_id, args.runs)
    print(
        f"peak RSS: API process {peak_rss_gb():.2f} GB, model worker "
        f"{peak_rss_gb(supervisor.worker_pid()):.2f} GB"
    )
    service.close()
    raw = raw_rate(supervisor.config, args.raw_tokens)
    print(
        f"raw llama.cpp generation (same build, in process): {raw:.1f} tok/s "
        f"({args.raw_tokens} tokens)"
    )


if __name__ == "__main__":
    main()
