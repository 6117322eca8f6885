"""Adapter: the embedded model, through llama-cpp-python in a worker process.

The native model never runs in the server's process: `supervisor.py` owns a child process that
loads it (`worker.py`) and answers one request at a time, stopping at each request's deadline
in a grammar-safe way (`chat.py`). A crash or an answer overdue past the grace period restarts the
worker; the server keeps answering.
"""

from __future__ import annotations

from typing import Any

from summarizer.engines.llm import LLMEngine
from summarizer.engines.local.chat import PREFILL_CHUNK_TOKENS
from summarizer.engines.local.model_store import ModelFile, resolve_model
from summarizer.engines.local.supervisor import WorkerSupervisor, WorkerTarget
from summarizer.engines.local.worker import WorkerConfig, serve
from summarizer.errors import EngineUnavailable
from summarizer.settings import Settings

# ~1,500 tokens of article: prompt processing runs near 100 tokens/s on 2 cores, so this keeps
# a 750-word story inside the time budget while leaving room in the context for the answer
_MAX_ARTICLE_CHARS = 6_500


class WorkerBackend:
    """A ChatBackend whose completions come from the model worker process."""

    engine_name = "local"
    max_article_chars = _MAX_ARTICLE_CHARS

    def __init__(self, settings: Settings, worker_target: WorkerTarget = serve) -> None:
        self.settings = settings
        try:
            self.model: ModelFile = resolve_model(settings.model_path, settings.model_cache_dir)
        except (OSError, ValueError) as exc:
            raise EngineUnavailable(f"the embedded model could not be found: {exc}") from exc
        config = WorkerConfig(
            model_path=str(self.model.path),
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads,
            prefill_chunk_tokens=PREFILL_CHUNK_TOKENS,
        )
        self.supervisor = WorkerSupervisor(
            config,
            kill_grace_s=settings.local_kill_grace_s,
            start_timeout_s=settings.local_start_timeout_s,
            retry_after_s=settings.retry_after_s,
            target=worker_target,
        )
        self.supervisor.start()

    def model_name(self) -> str:
        return self.model.name

    def is_ready(self) -> bool:
        return self.supervisor.is_ready()

    def create(self, *, timeout: float, **kwargs: Any) -> Any:
        from openai.types.chat import ChatCompletion

        return ChatCompletion(**self.supervisor.complete(kwargs, timeout))

    def close(self) -> None:
        self.supervisor.close()


class LocalEngine(LLMEngine):
    def __init__(self, settings: Settings, worker_target: WorkerTarget = serve) -> None:
        # in the worker the schema becomes a llama.cpp grammar: the answer always parses
        self.worker_backend = WorkerBackend(settings, worker_target)
        super().__init__(
            "local",
            self.worker_backend,
            settings,
            mode="JSON_SCHEMA",
            fallback_on_garbage=True,
            max_retries=settings.local_max_retries,
            max_output_tokens=settings.local_max_output_tokens,
            decisions=frozenset(settings.local_decisions),
        )

    def close(self) -> None:
        self.worker_backend.close()
