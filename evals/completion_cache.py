"""The eval cache: model completions, never whole responses.

A response is mostly deterministic code (analysis, merge, verify) around one or a few model
calls. Caching the response froze that code too: after an analyser change, a cached run scored
the old figures. So the cache sits at the one non-deterministic step, the chat backend of a model
engine (`summarizer.engines.llm.ChatBackend`): each request payload (messages, model, sampling
parameters, response format or schema, max tokens) is answered from disk when the same payload
was sent before, and everything around it runs again on every run.

The key is the sha256 of that exact payload plus what the payload does not show but changes the
answer: the engine, the backend's model and where it runs (API base URL; model file and context
size for the embedded model), the sample number (`--repeat`), and this cache's format. Settings
such as `max_retries` need no place in it: they change which requests are sent (a re-ask carries
the error message), and each request is looked up on its own.

Entries live in `<cache dir>/completions/<engine>-<sha256>.json` (default `.eval-cache/`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.engines.llm import ChatBackend

CACHE_FORMAT = 1  # bump when an entry's layout or the key's contents change


@dataclass
class CaseTally:
    """Model calls of one case: answered from the cache or by the model."""

    hits: int = 0
    misses: int = 0
    replayed_s: float = 0.0  # what the cached calls took when they ran for real

    @property
    def all_cached(self) -> bool:
        return self.hits > 0 and self.misses == 0


# the case (and sample) the calling thread is running: the runner's threads each run one case
# at a time, and an engine calls its backend on the thread that asked for the summary
_CASE: ContextVar[tuple[int, CaseTally] | None] = ContextVar("eval_case", default=None)


class CompletionCache:
    def __init__(self, directory: Path, identity: dict[str, Any]) -> None:
        self.directory = directory
        self.identity = identity
        self.stats = CaseTally()  # over the whole run
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def case(self, sample: int) -> Iterator[CaseTally]:
        """Counts the model calls made inside the block, for sample `sample` of a case."""
        tally = CaseTally()
        token = _CASE.set((sample, tally))
        try:
            yield tally
        finally:
            _CASE.reset(token)

    def key(self, payload: dict[str, Any], sample: int) -> str:
        material = {
            "format": CACHE_FORMAT,
            "identity": self.identity,
            "sample": sample,
            "request": {name: value for name, value in payload.items() if name != "timeout"},
        }
        # default=str: an unexpected object still gives a key (a stable one if its text is)
        encoded = json.dumps(material, sort_keys=True, ensure_ascii=False, default=str)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()

    def path(self, key: str) -> Path:
        return self.directory / f"{self.identity.get('engine', 'model')}-{key}.json"

    def load(self, key: str) -> dict[str, Any] | None:
        try:
            entry = json.loads(self.path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent, or truncated by a killed run: ask the model again
        if not isinstance(entry, dict) or entry.get("format") != CACHE_FORMAT:
            return None
        return entry

    def store(self, key: str, completion: dict[str, Any], elapsed_s: float) -> None:
        entry = {"format": CACHE_FORMAT, "elapsed_s": elapsed_s, "completion": completion}
        self.directory.mkdir(parents=True, exist_ok=True)
        # a unique temporary name, then an atomic rename: parallel cases and killed runs leave
        # no half-written entry
        handle, tmp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(entry, out, ensure_ascii=False)
        os.replace(tmp, self.path(key))

    def count(self, hit: bool, elapsed_s: float = 0.0) -> None:
        current = _CASE.get()
        tallies = [self.stats] + ([current[1]] if current else [])
        with self._lock:
            for tally in tallies:
                if hit:
                    tally.hits += 1
                    tally.replayed_s += elapsed_s
                else:
                    tally.misses += 1


class CachingBackend:
    """A ChatBackend that answers a request it has seen from the cache, else asks `inner`."""

    def __init__(self, inner: ChatBackend, cache: CompletionCache) -> None:
        self.inner = inner
        self.cache = cache
        self.engine_name = inner.engine_name
        self.max_article_chars = inner.max_article_chars

    def create(self, *, timeout: float, **kwargs: Any) -> Any:
        current = _CASE.get()
        key = self.cache.key(kwargs, current[0] if current else 0)
        entry = self.cache.load(key)
        if entry is not None:
            self.cache.count(hit=True, elapsed_s=float(entry.get("elapsed_s", 0.0)))
            return _completion(entry["completion"])
        started = time.perf_counter()
        # failures (timeouts, unreachable, cut at the deadline) raise here and are never stored
        completion = self.inner.create(timeout=timeout, **kwargs)
        elapsed_s = time.perf_counter() - started
        self.cache.count(hit=False)
        self.cache.store(key, completion.model_dump(mode="json"), elapsed_s)
        return completion

    def model_name(self) -> str:
        return self.inner.model_name()

    def is_ready(self) -> bool:
        return self.inner.is_ready()


def _completion(data: dict[str, Any]) -> Any:
    """The OpenAI-shaped object every backend returns (instructor reads it as such)."""
    from openai.types.chat import ChatCompletion

    return ChatCompletion.model_validate(data)


__all__ = ["CACHE_FORMAT", "CachingBackend", "CaseTally", "CompletionCache"]
