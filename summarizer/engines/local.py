"""Adapter: the embedded model, in process, through llama-cpp-python.

Only this module imports `llama_cpp`. One model per process, loaded once; one generation at a
time (llama.cpp contexts are not thread-safe), and a logits processor that ends generation at the
request's deadline so a slow answer can never hold the model past its timeout.
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from summarizer.engines.llm import LLMEngine
from summarizer.errors import EngineTimeout, EngineUnavailable
from summarizer.model_store import ModelFile, resolve_model
from summarizer.settings import Settings

# ~1,500 tokens of article: prompt processing runs near 100 tokens/s on 2 cores, so this keeps
# a 750-word story inside the 30 s budget while leaving room in the context for the answer
_MAX_ARTICLE_CHARS = 6_500
_CHAT_KWARGS = {
    "messages", "temperature", "max_tokens", "response_format", "tools", "tool_choice",
    "stop", "seed", "top_p",
}


def load_llama(model: ModelFile, settings: Settings) -> Any:
    import importlib

    from llama_cpp import Llama

    # the ctypes module Llama() reads its default model parameters from
    bindings: Any = importlib.import_module("llama_cpp.llama").llama_cpp
    default_params = bindings.llama_model_default_params

    def params_without_repacking() -> Any:
        # A -march=native build picks the AMX repacking buffer on CPUs that report AMX, and this
        # VM does not grant AMX: SIGILL in ggml_backend_amx_mul_mat. Extra buffer types off
        # avoids it (measured 104 prompt / 9.7 output tokens/s on 2 cores).
        params = default_params()
        params.use_extra_bufts = False
        return params

    bindings.llama_model_default_params = params_without_repacking
    try:
        return Llama(
            model_path=str(model.path),
            n_ctx=settings.n_ctx,
            n_threads=settings.n_threads or os.cpu_count() or 2,
            verbose=False,
        )
    finally:
        bindings.llama_model_default_params = default_params


class _StopAtDeadline:
    """Logits processor: past the deadline only end-of-sequence may be sampled."""

    def __init__(self, eos_token: int, deadline: float) -> None:
        self.eos_token = eos_token
        self.deadline = deadline

    def __call__(self, input_ids: Any, scores: Any) -> Any:
        if time.monotonic() >= self.deadline:
            eos_score = scores[self.eos_token]
            scores[:] = -float("inf")
            scores[self.eos_token] = max(float(eos_score), 0.0)
        return scores


class LlamaBackend:
    engine_name = "local"
    max_article_chars = _MAX_ARTICLE_CHARS

    def __init__(self, settings: Settings, llama: Any | None = None) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        try:
            self.model = resolve_model(settings.model_path, settings.model_cache_dir)
            self.llama = llama if llama is not None else load_llama(self.model, settings)
        except (OSError, ValueError) as exc:
            raise EngineUnavailable(f"the embedded model could not be loaded: {exc}") from exc

    def model_name(self) -> str:
        return self.model.name

    def is_ready(self) -> bool:
        return self.llama is not None

    def create(self, *, timeout: float, **kwargs: Any) -> Any:
        from llama_cpp import LogitsProcessorList

        deadline = time.monotonic() + timeout
        arguments = {k: v for k, v in kwargs.items() if k in _CHAT_KWARGS}
        arguments["response_format"] = _llama_response_format(arguments.get("response_format"))
        stop = _StopAtDeadline(self.llama.token_eos(), deadline)
        if not self._lock.acquire(timeout=max(timeout, 0.0)):
            raise EngineUnavailable("the embedded model is busy", engine="local")
        try:
            completion = self.llama.create_chat_completion_openai_v1(
                logits_processor=LogitsProcessorList([stop]), **arguments
            )
        finally:
            self._lock.release()
        if time.monotonic() >= deadline:
            raise EngineTimeout(
                f"the embedded model did not finish within {timeout:.0f} s", engine="local"
            )
        return completion


def _llama_response_format(requested: Any) -> Any:
    """llama.cpp spells a schema-constrained answer `json_object` + `schema`."""
    if not isinstance(requested, dict):
        return requested
    if requested.get("type") == "json_schema":
        schema = (requested.get("json_schema") or {}).get("schema")
        return {"type": "json_object", "schema": schema} if schema else {"type": "json_object"}
    return requested


class LocalEngine(LLMEngine):
    def __init__(self, settings: Settings) -> None:
        # in process the schema becomes a llama.cpp grammar: the answer always parses
        self.llama_backend = LlamaBackend(settings)
        super().__init__(
            "local", self.llama_backend, settings, mode="JSON_SCHEMA",
            fallback_on_garbage=True, max_retries=settings.local_max_retries,
            max_output_tokens=settings.local_max_output_tokens,
        )
