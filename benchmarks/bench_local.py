"""Local engine budgets on this machine: prints figures, asserts nothing.

Per seed article: wall time over N runs (p50, max), tokens in/out, generation rate during the
engine's own calls next to llama.cpp's raw rate for a plain completion in the same process and
build, and the process's peak RSS. Budgets (issue 4): p50 <= 30 s per 750-word seed, <= 200
generated tokens per article, peak RSS < 3 GB, generation >= 0.9 x raw.

    .venv/bin/python benchmarks/bench_local.py [--runs 3] [--raw-tokens 128]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
from pathlib import Path
from typing import Any

from summarizer.engines.local import LocalEngine
from summarizer.models import SummaryRequest
from summarizer.service import SummaryService
from summarizer.settings import Settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_IDS = ("000_e5a4ada6868b4a8e", "003_a749de6f848d4ae8")


def perf_counters(llama: Any) -> tuple[float, int]:
    """(milliseconds spent generating, tokens generated) since the last reset."""
    import llama_cpp

    data = llama_cpp.llama_perf_context(llama.ctx)
    return float(data.t_eval_ms), int(data.n_eval)


def reset_perf(llama: Any) -> None:
    import llama_cpp

    llama_cpp.llama_perf_context_reset(llama.ctx)


def raw_rate(llama: Any, tokens: int) -> float:
    """Generated tokens/s of a plain completion: no grammar, no chat template, no instructor."""
    reset_perf(llama)
    llama.create_completion(
        "Write a long news report about a city council meeting.\n",
        max_tokens=tokens, temperature=0.0, stop=[],
    )
    eval_ms, n_eval = perf_counters(llama)
    return n_eval / (eval_ms / 1000) if eval_ms else 0.0


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024


def bench_seed(service: SummaryService, llama: Any, case_id: str, runs: int) -> None:
    text = (SEEDS / case_id / "article.txt").read_text(encoding="utf-8")
    words = len(text.split())
    walls, outs, ins, rates = [], [], [], []
    for _ in range(runs):
        llama.reset()  # no prompt cache carried between runs: each run pays full prompt cost
        reset_perf(llama)
        started = time.perf_counter()
        response = service.summarize(SummaryRequest(text=text, engine="local"))
        walls.append(time.perf_counter() - started)
        eval_ms, n_eval = perf_counters(llama)
        rates.append(n_eval / (eval_ms / 1000) if eval_ms else 0.0)
        outs.append(response.meta.usage.output_tokens)
        ins.append(response.meta.usage.input_tokens)
    print(
        f"{case_id} ({words} words): wall p50 {statistics.median(walls):.1f} s, "
        f"max {max(walls):.1f} s; tokens in {statistics.median(ins):.0f}, "
        f"out p50 {statistics.median(outs):.0f} max {max(outs)}; "
        f"generation {statistics.median(rates):.1f} tok/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--raw-tokens", type=int, default=128)
    args = parser.parse_args()
    settings = Settings(load_model_at_startup=False, _env_file=None)
    service = SummaryService(settings)
    started = time.perf_counter()
    engine = service.registry.get("local")
    assert isinstance(engine, LocalEngine)
    llama = engine.llama_backend.llama
    print(f"model: {engine.model_name()}; load {time.perf_counter() - started:.1f} s; "
          f"threads {llama.n_threads}; ctx {llama.n_ctx()}")
    raw = raw_rate(llama, args.raw_tokens)
    print(f"raw llama.cpp generation: {raw:.1f} tok/s ({args.raw_tokens} tokens)")
    for case_id in SEED_IDS:
        bench_seed(service, llama, case_id, args.runs)
    print(f"peak RSS: {peak_rss_gb():.2f} GB")


if __name__ == "__main__":
    main()
