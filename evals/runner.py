"""The solver: runs one engine over the cases, with a cache of model completions
(evals/completion_cache.py), concurrency and a progress bar.

Engine failures are recorded per case (type and detail) and scored as zeros; the run goes on.
"""

from __future__ import annotations

import contextlib
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from evals.cases import EvalCase
from evals.completion_cache import CachingBackend, CaseTally, CompletionCache
from evals.log import CaseError, CaseRecord
from evals.metrics import score_failure, score_response
from summarizer.engines.base import MODEL_ENGINE, NO_MODEL, EngineCapabilities
from summarizer.engines.llm import ChatBackend, LLMEngine
from summarizer.errors import EngineOutputInvalid, SummarizerError
from summarizer.models import SummaryRequest, SummaryResponse, Usage
from summarizer.service import SummaryService
from summarizer.settings import Settings

EXTRACTIVE_CONCURRENCY = 8  # milliseconds of CPU each: a few threads keep a run short


@dataclass(frozen=True)
class RunOptions:
    engine: str
    model: str | None = None
    prompt_version: str | None = None
    repeat: int = 1
    concurrency: int | None = None  # None: engine default (threads for extractive, 1 for models)
    use_cache: bool = True
    cache_dir: Path = Path(".eval-cache")


def build_settings(options: RunOptions) -> Settings:
    """`--model` names the API model (openai) or a GGUF file (local)."""
    overrides: dict[str, object] = {"load_model_at_startup": False}
    if options.model and options.engine == "openai":
        overrides["openai_model"] = options.model
    elif options.model and options.engine == "local":
        overrides["model_path"] = Path(options.model)
    return Settings(**overrides)  # type: ignore[arg-type]


class Runner:
    def __init__(self, options: RunOptions, service: SummaryService | None = None) -> None:
        self.options = options
        self.service = service or SummaryService(build_settings(options))
        self.capabilities = self._engine_capabilities()
        self.model_id = self._model_id()
        self.prompt_version = (
            (options.prompt_version or self.service.settings.prompt_version)
            if self.capabilities.prompt
            else options.prompt_version
        )
        self.cache = self._install_cache()

    # --- configuration ----------------------------------------------------------------------
    def _engine_capabilities(self) -> EngineCapabilities:
        try:
            return self.service.registry.get(self.options.engine).capabilities
        except SummarizerError:
            # the engine cannot be built (unknown, not installed): every case will record why;
            # assume a model engine so nothing runs in parallel against it
            return NO_MODEL if self.options.engine == "extractive" else MODEL_ENGINE

    def _model_id(self) -> str | None:
        settings = self.service.settings
        if self.options.engine == "openai":
            return settings.openai_model
        if self.options.engine == "local":
            return str(settings.model_path) if settings.model_path else "packaged"
        return self.options.model

    def concurrency(self) -> int:
        if self.options.concurrency:
            return max(1, self.options.concurrency)
        return 1 if self.capabilities.model_calls else EXTRACTIVE_CONCURRENCY

    def caching(self) -> bool:
        # deterministic output depends on the code, not on a model: caching would hide changes
        return self.options.use_cache and not self.capabilities.deterministic

    # --- cache ------------------------------------------------------------------------------
    def _install_cache(self) -> CompletionCache | None:
        """Puts the completion cache (evals/completion_cache.py) between the engine and its
        model: only the model's answers are reused; analysis, merge and verify run every time."""
        if not self.caching():
            return None
        try:
            engine = self.service.registry.get(self.options.engine)
        except SummarizerError:
            return None  # every case records why the engine cannot run
        if not isinstance(engine, LLMEngine):
            return None  # no chat backend: nothing a cache could answer
        identity = self._cache_identity(engine.backend)
        cache = CompletionCache(self.options.cache_dir / "completions", identity)
        engine.backend = CachingBackend(engine.backend, cache)
        return cache

    def _cache_identity(self, backend: ChatBackend) -> dict[str, Any]:
        """What changes a model's answer besides the request payload: which model, where."""
        settings = self.service.settings
        identity: dict[str, Any] = {"engine": self.options.engine, "model": backend.model_name()}
        if self.options.engine == "openai":
            identity["base_url"] = settings.openai_base_url
        elif self.options.engine == "local":
            identity["model_path"] = str(settings.model_path) if settings.model_path else None
            identity["n_ctx"] = settings.n_ctx
        return identity

    # --- running ----------------------------------------------------------------------------
    def run_case(self, case: EvalCase, sample: int = 0) -> CaseRecord:
        record = CaseRecord(
            case_id=case.id, sample=sample, article=case.article,
            article_sha256=case.article_sha256, gold=case.gold,
        )  # fmt: skip
        request = SummaryRequest(
            text=case.article, engine=self.options.engine, prompt_version=self.prompt_version
        )
        started = time.perf_counter()
        with self._counting(sample) as tally:
            try:
                response = self.service.summarize(request)
            except Exception as exc:  # recorded per case: one failing case must not stop the run
                return _with_error(record, exc, _ms_since(started, tally))
        return _with_response(
            record, case, response, cached=tally.all_cached, wall_ms=_ms_since(started, tally)
        )

    def _counting(self, sample: int) -> contextlib.AbstractContextManager[CaseTally]:
        return self.cache.case(sample) if self.cache else contextlib.nullcontext(CaseTally())

    def run(self, cases: list[EvalCase]) -> list[CaseRecord]:
        jobs = [(case, sample) for sample in range(max(1, self.options.repeat)) for case in cases]
        records: list[CaseRecord] = []
        with (
            ThreadPoolExecutor(max_workers=self.concurrency()) as pool,
            tqdm(total=len(jobs), desc=f"evals {self.options.engine}", file=sys.stderr,
                 unit="case") as bar,
        ):  # fmt: skip
            futures = [pool.submit(self.run_case, case, sample) for case, sample in jobs]
            for future in as_completed(futures):
                record = future.result()
                records.append(record)
                bar.set_postfix_str(f"{record.case_id} {'error' if record.error else 'ok'}")
                bar.update(1)
        return sorted(records, key=lambda r: (r.case_id, r.sample))


def _ms_since(started: float, tally: CaseTally) -> int:
    """Wall time, plus what the model calls answered from the cache took when they ran: a
    cached run reports the latency the engine has, not the cache's."""
    return round((time.perf_counter() - started + tally.replayed_s) * 1000)


def _with_response(
    record: CaseRecord, case: EvalCase, response: SummaryResponse, *, cached: bool, wall_ms: int
) -> CaseRecord:
    meta = response.meta
    record.response = response
    record.cached = cached
    record.latency_ms = wall_ms
    _set_usage(record, meta.usage, meta.attempts)
    record.metrics = score_response(case, response)
    return record


def _with_error(record: CaseRecord, exc: Exception, wall_ms: int) -> CaseRecord:
    detail = exc.detail if isinstance(exc, SummarizerError) else str(exc)
    record.error = CaseError(type=type(exc).__name__, detail=detail)
    record.latency_ms = wall_ms
    if isinstance(exc, EngineOutputInvalid):  # the model did answer: its cost still counts
        _set_usage(record, exc.usage, exc.attempts or 0)
    elif isinstance(exc, SummarizerError) and exc.attempts is not None:
        _set_usage(record, Usage(), exc.attempts)
    record.metrics = score_failure(f"{record.error.type}: {detail}")
    return record


def _set_usage(record: CaseRecord, usage: Usage, attempts: int) -> None:
    record.input_tokens = usage.input_tokens
    record.output_tokens = usage.output_tokens
    record.attempts = attempts
    record.retries = max(0, attempts - 1)


def rescore(record: CaseRecord, case: EvalCase | None = None) -> CaseRecord:
    """Scores a logged record again (optionally against updated gold) without running a model."""
    if case is not None:
        record.gold = case.gold
        if case.article != record.article:
            record.metrics = score_failure("the case's article changed since the run; re-run it")
            return record
    if record.response is None:
        error = record.error.type + ": " + record.error.detail if record.error else "no response"
        record.metrics = score_failure(error)
    else:
        record.metrics = score_response(record.case(), record.response)
    return record
