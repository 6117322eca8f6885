"""The domain service: validates a request, picks engine and prompt, runs the pipeline off the
event loop with a bounded queue and a total timeout. Used by the API, the CLI and the evals."""

from __future__ import annotations

import threading
import time

import anyio
import anyio.to_thread

from summarizer.engines.base import Article, Engine
from summarizer.engines.prompting import PromptLibrary, PromptTemplate
from summarizer.engines.registry import EngineRegistry
from summarizer.errors import EngineTimeout, EngineUnavailable, InvalidInput
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.pipeline import run_pipeline
from summarizer.settings import Settings


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
        # why loading the default engine at startup failed, for /readyz
        self.warm_up_error: str | None = None

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

    def resolve(self, request: SummaryRequest) -> tuple[Engine, PromptTemplate | None]:
        engine = self.registry.get(request.engine or self.settings.default_engine)
        if not engine.capabilities.prompt:
            if request.prompt_version:  # still reject a version that does not exist
                self.prompts.get(request.prompt_version)
            return engine, None
        return engine, self.prompts.get(request.prompt_version or self.settings.prompt_version)

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
        """As `summarize`, in a worker thread so the event loop keeps answering `/healthz`."""
        article = self.article_from(request)
        engine, prompt = self.resolve(request)
        if not engine.capabilities.model_calls:  # milliseconds of CPU: no queue, no thread
            return run_pipeline(article, engine, prompt)
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

    def _queue_slot(self, engine_name: str) -> _QueueSlot:
        return _QueueSlot(self, engine_name)

    # --- readiness ---------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Build the default engine now (loads the embedded model) rather than on first use."""
        self.registry.get(self.settings.default_engine)

    def close(self) -> None:
        self.registry.close()

    def readiness(self) -> dict[str, bool]:
        loaded = self.registry.loaded()
        names = self.registry.names()
        return {name: (name in loaded and loaded[name].is_ready()) for name in names}


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
                    retry_after=service.settings.retry_after_s,
                )
            service._pending += 1

    def __exit__(self, *exc_info: object) -> None:
        with self.service._pending_lock:
            self.service._pending -= 1
