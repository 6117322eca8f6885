"""Engine construction by name. Model adapters are imported only when first asked for, so the
extractive engine and the tests never pay for `llama_cpp` or `openai`."""

from __future__ import annotations

import threading

from summarizer.contract import ENGINE_NAMES
from summarizer.engines.base import Engine
from summarizer.errors import UnknownOption
from summarizer.settings import Settings


def build_engine(name: str, settings: Settings) -> Engine:
    if name == "extractive":
        from summarizer.engines.extractive import ExtractiveEngine

        return ExtractiveEngine()
    if name == "openai":
        from summarizer.engines.openai_engine import OpenAIEngine

        return OpenAIEngine(settings)
    if name == "local":
        from summarizer.engines.local.engine import LocalEngine

        return LocalEngine(settings)
    raise UnknownOption(f"unknown engine '{name}'; known engines: {', '.join(ENGINE_NAMES)}")


class EngineRegistry:
    """One instance per engine per process (one model in memory), built on first use."""

    def __init__(self, settings: Settings, engines: dict[str, Engine] | None = None) -> None:
        self.settings = settings
        self._engines: dict[str, Engine] = dict(engines or {})
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        return [n for n in self.settings.enabled_engines if n in ENGINE_NAMES]

    def get(self, name: str) -> Engine:
        if name not in self.names() and name not in self._engines:
            enabled = ", ".join(self.names())
            raise UnknownOption(
                f"unknown or disabled engine '{name}'; enabled engines: {enabled}",
                option="engine",
                value=name,
            )
        with self._lock:
            if name not in self._engines:
                self._engines[name] = build_engine(name, self.settings)
            return self._engines[name]

    def loaded(self) -> dict[str, Engine]:
        with self._lock:
            return dict(self._engines)

    def close(self) -> None:
        """Stop every engine built here (the model worker process among them)."""
        with self._lock:
            engines, self._engines = list(self._engines.values()), {}
        for engine in engines:
            engine.close()
