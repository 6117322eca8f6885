"""Adapter: any OpenAI-compatible chat API (OpenAI, vLLM, Ollama, the llama.cpp server).

Only this module imports `openai`. Transport failures become the package's own errors here, so
the API answers 503/504/502 problem+json rather than leaking client exceptions.
"""

from __future__ import annotations

from typing import Any

import openai

from summarizer.engines.llm import LLMEngine
from summarizer.errors import EngineError, EngineTimeout, EngineUnavailable
from summarizer.settings import Settings

# article characters sent per request; large hosted models take far more, but the summary is
# built from the opening of a story and a shorter prompt keeps latency and cost down
_MAX_ARTICLE_CHARS = 24_000


class OpenAIBackend:
    engine_name = "openai"
    max_article_chars = _MAX_ARTICLE_CHARS

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = openai.OpenAI(
            base_url=settings.openai_base_url,
            api_key=settings.openai_api_key.get_secret_value(),
            timeout=settings.llm_timeout_s,
            max_retries=0,  # instructor and the total deadline own retrying
        )

    def model_name(self) -> str:
        return self.settings.openai_model

    def is_ready(self) -> bool:
        """Ready when the server lists models: cheap, and proves it is up and authorised."""
        try:
            self.client.with_options(timeout=3.0).models.list()
        except openai.OpenAIError:
            return False
        return True

    def create(self, *, timeout: float, **kwargs: Any) -> Any:
        try:
            return self.client.chat.completions.create(timeout=timeout, **kwargs)
        except openai.APITimeoutError as exc:
            raise EngineTimeout(
                f"{self._where()} did not answer within {timeout:.0f} s", engine="openai"
            ) from exc
        except openai.APIConnectionError as exc:
            raise EngineUnavailable(
                f"{self._where()} cannot be reached: {exc}; is the server running?",
                engine="openai",
                retry_after=self.settings.retry_after_s,
            ) from exc
        except openai.APIStatusError as exc:
            raise _status_error(exc, self._where(), self.settings.retry_after_s) from exc

    def _where(self) -> str:
        return f"the OpenAI-compatible API at {self.settings.openai_base_url}"


def _status_error(exc: openai.APIStatusError, where: str, retry_after: int) -> EngineError:
    status = exc.status_code
    message = f"{where} answered HTTP {status}: {str(exc.message)[:200]}"
    if status == 429 or status == 503:
        return EngineUnavailable(message, engine="openai", retry_after=retry_after)
    if status in (401, 403):
        return EngineError(message + " (check SUMMARIZER_OPENAI_API_KEY)", engine="openai")
    if status == 404:
        return EngineError(message + " (check SUMMARIZER_OPENAI_MODEL)", engine="openai")
    return EngineError(message, engine="openai", retry_after=retry_after if status >= 500 else None)


class OpenAIEngine(LLMEngine):
    def __init__(self, settings: Settings) -> None:
        super().__init__("openai", OpenAIBackend(settings), settings)
