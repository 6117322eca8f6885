"""The domain service: validates a request, picks engine and prompt, runs the pipeline off the
event loop under a time limit. Used by the API, the CLI and the evals.

Every pipeline runs in a worker thread, so one slow article never stalls the event loop (and
/healthz): model engines through a bounded queue under the request's deadline, the extractive
engine through `analysis_threads` threads under `analysis_timeout_s`."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

import anyio
import anyio.to_thread

from summarizer.engines.base import Article, Engine
from summarizer.engines.prompting import PromptLibrary, PromptTemplate
from summarizer.engines.registry import EngineRegistry
from summarizer.errors import AnalysisTooSlow, EngineTimeout, EngineUnavailable, InvalidInput
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.pipeline import run_pipeline
from summarizer.settings import Settings

# Analysis threads run pure Python. At CPython's default 5 ms switch interval the event loop
# waits up to 5 ms for the GIL after every socket call, so one /healthz took 46 ms p50 (183 ms
# p99) under 32 concurrent summaries; at 0.5 ms, 18 ms (74 ms p99), same throughput
# (benchmarks/bench_http.py, 2 cores at load average 13).
SWITCH_INTERVAL_S = 0.0005


def favour_the_event_loop() -> None:
    """Have analysis threads hand the GIL back to the event loop sooner (a server at startup)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)


class SummaryService:
    def __init__(
        self,
        settings: Settings,
        registry: EngineRegistry | None = None,
        prompts: PromptLibrary | None = None,
    ) -> None:
        self.settings = settings
        self.registry = registry or EngineRegistry(settings)
        self.prompts = prompts or PromptLibrary(settings.prompts_dir)
        self._pending = 0
        self._pending_lock = threading.Lock()
        # threads analysing articles; one past its budget is abandoned, and counted in
        # `_overrunning` until it ends, so runaways cannot pile up
        self._analysis_limiter = anyio.CapacityLimiter(settings.analysis_threads)
        self._overrunning = 0
        # why loading the default engine at startup failed, for /readyz (set by the app)
        self._warm_up_error: str | None = None

    # --- request handling --------------------------------------------------------------------
    def article_from(self, request: SummaryRequest) -> Article:
        """Reject what no engine can summarise, with a message a person can act on."""
        if not request.text.strip():
            raise InvalidInput("the article text is empty or only whitespace", status=422)
        if len(request.text) > self.settings.max_article_chars:
            raise InvalidInput(
                f"the article has {len(request.text):,} characters; the limit is "
                f"{self.settings.max_article_chars:,} (SUMMARIZER_MAX_ARTICLE_CHARS)",
                status=413,
                limit=self.settings.max_article_chars,
            )
        return Article(text=request.text, title=request.title, published_at=request.published_at)

    def resolve(
        self, request: SummaryRequest, *, wait: bool = True
    ) -> tuple[Engine, PromptTemplate | None]:
        """Engine and prompt for `request`. Names are checked before any engine is built, so a
        wrong option is a 400 even when the engine cannot load. `wait=False` (requests): an
        engine whose model is not loaded yet starts loading and the request gets a 503."""
        name = request.engine or self.settings.default_engine
        self.registry.check(name)
        asked = self.prompts.get(request.prompt_version) if request.prompt_version else None
        engine = self.registry.get(name) if wait else self.registry.get_nowait(name)
        if not engine.capabilities.prompt:
            return engine, None
        return engine, asked or self.prompts.get(self.settings.prompt_version)

    def time_limit(self, request: SummaryRequest) -> float:
        """Seconds the request may take: its own `timeout_s`, capped by the server's limit."""
        limit = self.settings.request_timeout_s
        return min(limit, request.timeout_s) if request.timeout_s else limit

    def summarize(self, request: SummaryRequest) -> SummaryResponse:
        article = self.article_from(request)
        engine, prompt = self.resolve(request)
        deadline = time.monotonic() + self.time_limit(request)
        return run_pipeline(article, engine, prompt, deadline)

    async def summarize_async(self, request: SummaryRequest) -> SummaryResponse:
        """As `summarize`, in worker threads so the event loop keeps answering `/healthz`."""
        article = self.article_from(request)
        # off the loop too: the first use of an engine imports and builds it
        engine, prompt = await anyio.to_thread.run_sync(self._resolve_nowait, request)
        if not engine.capabilities.model_calls:
            return await self._analyse(article, engine)
        limit = self.time_limit(request)
        # the engine stops its model by this deadline itself; fail_after is the backstop
        deadline = time.monotonic() + limit
        with self._queue_slot(engine.name):
            try:
                with anyio.fail_after(limit):
                    return await anyio.to_thread.run_sync(
                        run_pipeline, article, engine, prompt, deadline, abandon_on_cancel=True
                    )
            except TimeoutError as exc:
                raise EngineTimeout(
                    f"engine '{engine.name}' gave no answer within {limit:g} s "
                    "(the request's timeout_s or SUMMARIZER_REQUEST_TIMEOUT_S)",
                    engine=engine.name,
                    retry_after=self.settings.retry_after_s,
                ) from exc

    def _resolve_nowait(self, request: SummaryRequest) -> tuple[Engine, PromptTemplate | None]:
        return self.resolve(request, wait=False)

    async def _analyse(self, article: Article, engine: Engine) -> SummaryResponse:
        """A no-model pipeline in an analysis thread. Waiting for a thread is bounded by
        SUMMARIZER_REQUEST_TIMEOUT_S (503, busy), the analysis by SUMMARIZER_ANALYSIS_TIMEOUT_S
        (422). The request's own `timeout_s` bounds model time: analysis takes milliseconds,
        and a tight `timeout_s` must not turn a ready answer into a 504."""
        self._refuse_if_overrunning(engine.name)
        wait_s = self.settings.request_timeout_s
        try:
            with anyio.fail_after(wait_s):
                await self._analysis_limiter.acquire()
        except TimeoutError as exc:
            raise EngineUnavailable(
                f"the analyser is busy: no analysis thread came free within {wait_s:g} s "
                "(SUMMARIZER_REQUEST_TIMEOUT_S); retry later",
                engine=engine.name,
                retry_after=self.settings.retry_after_s,
            ) from exc
        job = _AnalysisJob(self, lambda: run_pipeline(article, engine, None))
        budget = self.settings.analysis_timeout_s
        try:
            with anyio.move_on_after(budget):
                return await anyio.to_thread.run_sync(job, abandon_on_cancel=True)
        finally:
            self._analysis_limiter.release()
        job.abandon()  # its thread runs on (a thread cannot be stopped); counted until it ends
        raise AnalysisTooSlow(
            f"analysing this article took longer than {budget:g} s "
            "(SUMMARIZER_ANALYSIS_TIMEOUT_S); it does not read like news prose (long runs of "
            "numbers, symbols or one endless sentence?): send the article text only, or a "
            "shorter part of it",
            engine=engine.name,
        )

    def _refuse_if_overrunning(self, engine: str) -> None:
        """Abandoned analyses still hold a core each: take no new one while they fill them."""
        with self._pending_lock:
            overrunning = self._overrunning
        if overrunning >= self.settings.analysis_threads:
            raise EngineUnavailable(
                f"the analyser is still busy with {overrunning} article(s) that ran past "
                "SUMMARIZER_ANALYSIS_TIMEOUT_S; retry later",
                engine=engine,
                retry_after=self.settings.retry_after_s,
            )

    def _queue_slot(self, engine_name: str) -> _QueueSlot:
        return _QueueSlot(self, engine_name)

    # --- readiness ---------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Build the default engine now (loads the embedded model) rather than on first use."""
        self.registry.get(self.settings.default_engine)

    @property
    def warm_up_error(self) -> str | None:
        """Why the default engine failed to load, while it is not loaded (for /readyz)."""
        if self.settings.default_engine in self.registry.loaded():
            return None
        return self.registry.load_error(self.settings.default_engine) or self._warm_up_error

    @warm_up_error.setter
    def warm_up_error(self, error: str | None) -> None:
        self._warm_up_error = error

    def close(self) -> None:
        self.registry.close()

    def readiness(self) -> dict[str, bool]:
        return self.registry.readiness()


class _AnalysisJob:
    """Runs in an analysis thread; once abandoned it counts as overrunning until it ends."""

    def __init__(self, service: SummaryService, work: Callable[[], SummaryResponse]) -> None:
        self.service = service
        self.work = work
        self.done = False
        self.abandoned = False

    def __call__(self) -> SummaryResponse:
        try:
            return self.work()
        finally:
            with self.service._pending_lock:
                self.done = True
                if self.abandoned:
                    self.service._overrunning -= 1

    def abandon(self) -> None:
        with self.service._pending_lock:
            if not self.done and not self.abandoned:
                self.abandoned = True
                self.service._overrunning += 1


class _QueueSlot:
    """Counts model requests in flight; past `max_queue` waiting ones, refuse with 503."""

    def __init__(self, service: SummaryService, engine_name: str) -> None:
        self.service = service
        self.engine_name = engine_name

    def __enter__(self) -> None:
        service = self.service
        with service._pending_lock:
            # one request runs on the model, `max_queue` more may wait for it
            if service._pending > service.settings.max_queue:
                raise EngineUnavailable(
                    f"engine '{self.engine_name}' is busy: {service._pending} requests are "
                    "already waiting; try again later",
                    engine=self.engine_name,
                    retry_after=self.service.settings.retry_after_s,
                )
            service._pending += 1

    def __exit__(self, *exc_info: object) -> None:
        with self.service._pending_lock:
            self.service._pending -= 1
