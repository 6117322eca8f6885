"""The eval cache holds model completions, keyed by the exact request: a cached re-run still runs
the deterministic code (so an analyser change shows), and any setting that changes what is sent
to the model, or which model answers, is a new key. Real engines: the openai engine against a
fake OpenAI-compatible server on 127.0.0.1, the local engine with a stand-in worker process."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from evals.cases import EvalCase, load_cases
from evals.cli import EXIT_OK, main
from evals.log import CaseRecord, read_log
from evals.runner import Runner, RunOptions
from summarizer import pipeline
from summarizer.analysis.types import Analysis
from summarizer.engines.local.engine import LocalEngine
from summarizer.engines.registry import EngineRegistry
from summarizer.models import SummaryBody
from summarizer.service import SummaryService
from summarizer.settings import Settings
from tests.support import ROOT, fake_worker
from tests.support.fake_llm import fake_llm_server

PICKED = ("000_e5a4ada6868b4a8e", "104_protest_crowd_estimates", "109_injection_ferry_aground")
MODEL_HEADLINE = "Officials report the latest figures and events"
GOOD_ANSWER = json.dumps({"headline": MODEL_HEADLINE, "summary": "Too short."})


@pytest.fixture
def cases(tmp_path: Path) -> list[EvalCase]:
    target = tmp_path / "cases"
    for case_id in PICKED:
        shutil.copytree(ROOT / "seeds" / case_id, target / case_id)
    return load_cases(target)


def openai_run(
    url: str,
    cache_dir: Path,
    cases: list[EvalCase],
    prompt_version: str | None = None,
    **settings: Any,
) -> tuple[list[CaseRecord], Runner]:
    values: dict[str, Any] = {"openai_base_url": url, "load_model_at_startup": False}
    values["max_retries"] = 0
    values["prompt_version"] = "v2"  # the fake model writes a v2 answer (headline and summary)
    service = SummaryService(Settings(**(values | settings)))
    options = RunOptions(engine="openai", cache_dir=cache_dir, prompt_version=prompt_version)
    runner = Runner(options, service=service)
    return runner.run(cases), runner


@contextmanager
def local_runner(tmp_path: Path, cache_dir: Path, **settings: Any) -> Iterator[Runner]:
    """The local engine for real, its model worker a stand-in process (valid drafts)."""
    model = tmp_path / "stand-in.gguf"
    model.write_bytes(b"GGUF")
    config = Settings(model_path=model, load_model_at_startup=False, **settings)
    engine = LocalEngine(config, worker_target=fake_worker.serve)
    service = SummaryService(config, registry=EngineRegistry(config, {"local": engine}))
    try:
        yield Runner(RunOptions(engine="local", cache_dir=cache_dir), service=service)
    finally:
        service.close()


def test_a_cached_rerun_scores_the_current_analyser(
    cases: list[EvalCase], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    with fake_llm_server("json", answer=GOOD_ANSWER) as (url, requests):
        first, _ = openai_run(url, cache, cases)
        assert len(requests) == len(cases) and not any(r.cached for r in first)

        # a code change after the model: verify now drops every figure
        real_verify = pipeline.verify_body

        def verify_without_figures(
            text: str, body: SummaryBody, analysis: Analysis
        ) -> tuple[SummaryBody, list[str]]:
            verified, warnings = real_verify(text, body, analysis)
            return verified.model_copy(update={"figures": [], "disputes": []}), warnings

        monkeypatch.setattr(pipeline, "verify_body", verify_without_figures)
        second, _ = openai_run(url, cache, cases)
    assert len(requests) == len(cases), "the re-run called the model again"
    assert all(r.cached for r in second)
    for before, after in zip(first, second, strict=True):
        assert before.response and after.response
        # the model's part comes from the cache, the code's part from the code as it is now
        assert after.response.headline == before.response.headline == MODEL_HEADLINE
        assert before.response.figures and not after.response.figures
        assert after.metric("figure_recall") == 0.0 < (before.metric("figure_recall") or 0)
        # tokens and latency are the model's, as recorded when it ran
        assert after.input_tokens == before.input_tokens == 100
        assert after.latency_ms >= 0


def test_a_re_ask_is_its_own_request_so_max_retries_is_honoured(
    cases: list[EvalCase], tmp_path: Path
) -> None:
    cache, n = tmp_path / "cache", len(cases)
    # the fake's default draft fails its checks: with max_retries=1 it is re-asked once
    with fake_llm_server("json") as (url, requests):
        once, _ = openai_run(url, cache, cases, max_retries=0)
        assert len(requests) == n and all(r.attempts == 1 for r in once)
        twice, _ = openai_run(url, cache, cases, max_retries=1)
        # the first request of each case is a hit, the re-ask (new messages) a miss
        assert len(requests) == 2 * n and not any(r.cached for r in twice)
        assert all(r.attempts == 2 for r in twice)
        again, _ = openai_run(url, cache, cases, max_retries=1)
        back, _ = openai_run(url, cache, cases, max_retries=0)
    assert len(requests) == 2 * n
    assert all(r.cached and r.attempts == 2 for r in again)
    assert all(r.cached and r.attempts == 1 for r in back)


@pytest.mark.parametrize(
    ("prompt_version", "settings"),
    [
        ("v1", {}),
        (None, {"openai_model": "another-model"}),
        (None, {"temperature": 0.7}),
        (None, {"max_output_tokens": 100}),
        (None, {"instructor_mode": "MD_JSON"}),
    ],
)
def test_prompt_model_and_sampling_changes_are_new_keys(
    cases: list[EvalCase], tmp_path: Path, prompt_version: str | None, settings: dict[str, Any]
) -> None:
    cache = tmp_path / "cache"
    with fake_llm_server("json", answer=GOOD_ANSWER) as (url, requests):
        openai_run(url, cache, cases)
        changed, _ = openai_run(url, cache, cases, prompt_version, **settings)
        assert len(requests) == 2 * len(cases) and not any(r.cached for r in changed)
        unchanged, _ = openai_run(url, cache, cases)
    assert len(requests) == 2 * len(cases) and all(r.cached for r in unchanged)


def test_local_settings_change_the_key(cases: list[EvalCase], tmp_path: Path) -> None:
    cache, n = tmp_path / "cache", len(cases)
    with local_runner(tmp_path, cache) as runner:
        first = runner.run(cases)
        assert runner.cache and runner.cache.stats.misses == n
    assert all(r.response and r.response.meta.engine == "local" for r in first)
    with local_runner(tmp_path, cache) as runner:
        assert all(r.cached for r in runner.run(cases))
        assert runner.cache and (runner.cache.stats.hits, runner.cache.stats.misses) == (n, 0)
    for changed in ({"local_max_output_tokens": 150}, {"n_ctx": 2048}):
        with local_runner(tmp_path, cache, **changed) as runner:
            records = runner.run(cases)
            assert runner.cache and (runner.cache.stats.hits, runner.cache.stats.misses) == (0, n)
        assert not any(r.cached for r in records), changed


def test_repeats_are_separate_samples(cases: list[EvalCase], tmp_path: Path) -> None:
    with fake_llm_server("json", answer=GOOD_ANSWER) as (url, requests):
        service = SummaryService(
            Settings(openai_base_url=url, load_model_at_startup=False, max_retries=0)
        )
        options = RunOptions(engine="openai", cache_dir=tmp_path / "cache", repeat=2)
        Runner(options, service=service).run(cases)
    assert len(requests) == 2 * len(cases)


def test_failed_model_calls_are_never_stored(cases: list[EvalCase], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with fake_llm_server("error500") as (url, _):
        records, _ = openai_run(url, cache, cases)
    assert all(r.error and r.error.type == "EngineError" for r in records)
    assert not list(cache.rglob("*.json"))


def test_cli_cache_location_and_no_cache(
    cases: list[EvalCase], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases_dir, cache, out = tmp_path / "cases", tmp_path / "cache", tmp_path / "runs"
    with fake_llm_server("json", answer=GOOD_ANSWER) as (url, requests):
        monkeypatch.setenv("SUMMARIZER_OPENAI_BASE_URL", url)
        monkeypatch.setenv("SUMMARIZER_MAX_RETRIES", "0")
        args = ["run", "--cases", str(cases_dir), "--engine", "openai", "--out", str(out)]
        assert main([*args, "--cache-dir", str(cache)]) == EXIT_OK
        assert len(list((cache / "completions").glob("openai-*.json"))) == len(cases)
        assert main([*args, "--cache-dir", str(cache)]) == EXIT_OK
        assert len(requests) == len(cases)
        assert main([*args, "--cache-dir", str(cache), "--no-cache"]) == EXIT_OK
        assert len(requests) == 2 * len(cases)
    logs = sorted(out.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
    cached = [[r.cached for r in read_log(log).records] for log in logs]
    assert cached == [[False] * len(cases), [True] * len(cases), [False] * len(cases)]
