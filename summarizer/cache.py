"""The response cache: a repeated article answers from memory (or Redis) in milliseconds.

The key is a sha256 over everything that decides a response: the article (text, title,
published_at), the engine, its model, the prompt version and the prompt files' contents, the
package version and a fingerprint of the package's code and data, and the engine's settings that
change its output (`OUTPUT_SETTINGS`). A request's `timeout_s` is not in the key: a deadline
changes only whether the model finishes, and a response cut short by one is never stored
(`cacheable`). Two backends behind one Protocol: a bounded in-process LRU (the default) and
Redis (`SUMMARIZER_CACHE_URL`, else `SUMMARIZER_REDIS_URL`), shared by every process.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from pydantic import ValidationError

from summarizer import __version__
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.settings import Settings

_log = logging.getLogger("summarizer.cache")
_PACKAGE = Path(__file__).resolve().parent
_CODE_SUFFIXES = (".py", ".json", ".toml", ".j2", ".txt")
# a cache that does not answer within this is skipped: a slow Redis must not slow a request
REDIS_TIMEOUT_S = 0.5
REDIS_PREFIX = "summarizer:summary:"

# Settings that change what an engine writes, by engine (deadlines are left out on purpose: see
# the module docstring). The extractive engine depends on nothing but code and article.
OUTPUT_SETTINGS: dict[str, tuple[str, ...]] = {
    "extractive": (),
    "local": (
        "model_path",
        "n_ctx",
        "temperature",
        "local_max_retries",
        "local_decisions",
        "local_max_output_tokens",
    ),
    "openai": (
        "openai_base_url",
        "openai_model",
        "instructor_mode",
        "temperature",
        "max_retries",
        "model_decisions",
        "max_output_tokens",
    ),
}


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 of the package's code and data files: a code change without a version bump must
    not be answered from a Redis cache filled by the old code (computed once, ~5 ms)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(_PACKAGE)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=32)
def _prompt_fingerprint(prompts_dir: Path, version: str) -> str:
    folder = prompts_dir / version
    if not folder.is_dir():  # an unknown version: the service answers 400, nothing is stored
        return "missing"
    digest = hashlib.sha256()
    for path in sorted(folder.iterdir()):
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def cache_key(request: SummaryRequest, settings: Settings) -> str:
    engine = str(request.engine or settings.default_engine)
    prompt_version = request.prompt_version or settings.prompt_version
    engine_settings = {name: getattr(settings, name) for name in OUTPUT_SETTINGS.get(engine, ())}
    material = {
        "text": request.text,
        "title": request.title,
        "published_at": request.published_at,
        "engine": engine,
        "prompt_version": prompt_version,
        "prompt": _prompt_fingerprint(settings.prompts_dir, prompt_version),
        "package": __version__,
        "code": code_fingerprint(),
        "settings": engine_settings,
    }
    encoded = json.dumps(material, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


def cacheable(response: SummaryResponse) -> bool:
    """Only a response the engine produced as intended is stored. A model engine's own fallback
    warnings (`<engine>: ...`: out of time, no usable answer, checks failed after retries) mean a
    possibly transient model failure, which must not be pinned for every later request of the
    same article; errors never reach here (they are raised, not returned)."""
    meta = response.meta
    if meta.model is None:  # extractive: deterministic, its warnings are verify's
        return True
    if meta.attempts == 0:  # the model never answered
        return False
    return not any(warning.startswith(f"{meta.engine}:") for warning in meta.warnings)


class SummaryCache(Protocol):
    name: str

    async def get(self, key: str) -> SummaryResponse | None: ...

    async def set(self, key: str, response: SummaryResponse) -> None: ...

    async def close(self) -> None: ...


class MemoryCache:
    """A bounded LRU of response objects in this process, entries expiring after `ttl_s`. Used
    from the event loop only (no await inside an operation), so it needs no lock."""

    name = "memory"

    def __init__(self, max_entries: int, ttl_s: float) -> None:
        self.max_entries = max_entries
        self.ttl_s = ttl_s
        self._entries: OrderedDict[str, tuple[float, SummaryResponse]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    async def get(self, key: str) -> SummaryResponse | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        expires, response = entry
        if expires < time.monotonic():
            del self._entries[key]
            return None
        self._entries.move_to_end(key)
        return response

    async def set(self, key: str, response: SummaryResponse) -> None:
        self._entries[key] = (time.monotonic() + self.ttl_s, response)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    async def close(self) -> None:
        self._entries.clear()


class RedisCache:
    """Responses as JSON in Redis with a TTL, shared by every process and replica. Redis being
    down or slow is a miss (logged), never a failed request."""

    name = "redis"

    def __init__(self, url: str, ttl_s: int) -> None:
        self.url = url
        self.ttl_s = ttl_s
        self._client: Any = None  # made on first use, inside the server's event loop

    def _redis(self) -> Any:
        if self._client is None:
            import redis.asyncio

            self._client = redis.asyncio.Redis.from_url(
                self.url, socket_timeout=REDIS_TIMEOUT_S, socket_connect_timeout=REDIS_TIMEOUT_S
            )
        return self._client

    async def get(self, key: str) -> SummaryResponse | None:
        try:
            raw = await self._redis().get(REDIS_PREFIX + key)
        except Exception as exc:  # redis.RedisError, OSError, timeouts: a miss
            _log.warning("response cache (redis) unavailable: %s", exc)
            return None
        if raw is None:
            return None
        try:
            return SummaryResponse.model_validate_json(raw)
        except ValidationError:  # written by something else under our prefix: a miss
            _log.warning("response cache (redis): entry %s is not a summary; ignored", key[:12])
            return None

    async def set(self, key: str, response: SummaryResponse) -> None:
        try:
            await self._redis().set(REDIS_PREFIX + key, response.model_dump_json(), ex=self.ttl_s)
        except Exception as exc:
            _log.warning("response cache (redis) not written: %s", exc)

    async def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            await client.aclose()


def build_cache(settings: Settings) -> SummaryCache | None:
    """Redis when a URL is set, else memory; None when `cache_size` is 0 (off)."""
    if settings.cache_size == 0:
        return None
    url = settings.cache_url or settings.redis_url
    if url:
        return RedisCache(url, settings.cache_ttl_s)
    return MemoryCache(settings.cache_size, settings.cache_ttl_s)
