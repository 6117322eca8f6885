"""Where the rate limiter counts: Litestar's in-memory store (per process) by default, Redis when
SUMMARIZER_REDIS_URL is set, so every `serve --workers` process and replica spends one allowance
per client.

Redis is a counter here, not a dependency: when it cannot be reached (down, slow, refusing) the
limiter lets the request through and logs a warning, because a rate limit must never turn a Redis
outage into an API outage. Calls have short socket timeouts so a hung Redis costs at most that.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from litestar.stores.base import Store
from litestar.stores.redis import RedisStore
from redis.asyncio import Redis
from redis.exceptions import RedisError

from summarizer.settings import Settings

RATE_LIMIT_STORE = "summarizer-rate-limit"  # the name RateLimitConfig(store=...) looks up
_NAMESPACE = "summarizer:rate-limit"
_SOCKET_TIMEOUT_S = 0.25  # a counter read must not add more than this to a request

_log = logging.getLogger(__name__)


class FailOpenRedisStore(RedisStore):
    """A RedisStore whose failures read as 'no count yet' and whose writes are best effort."""

    async def get(self, key: str, renew_for: int | timedelta | None = None) -> bytes | None:
        try:
            return await super().get(key, renew_for)
        except (RedisError, OSError) as exc:
            _log.warning("rate limit store unreachable, request let through: %s", exc)
            return None

    async def set(
        self, key: str, value: str | bytes, expires_in: int | timedelta | None = None
    ) -> None:
        try:
            await super().set(key, value, expires_in)
        except (RedisError, OSError) as exc:
            _log.warning("rate limit store unreachable, count not kept: %s", exc)


class RateLimitStores:
    """The store registry entries the app needs: Redis-backed when a rate limit is on and Redis is
    configured; none otherwise (Litestar then makes a memory store on first use)."""

    def __init__(self, settings: Settings) -> None:
        self._client: Redis | None = None
        self.stores: dict[str, Store] = {}
        if settings.rate_limit_per_minute > 0 and settings.redis_url:
            self._client = Redis.from_url(
                settings.redis_url,
                socket_timeout=_SOCKET_TIMEOUT_S,
                socket_connect_timeout=_SOCKET_TIMEOUT_S,
            )
            self.stores[RATE_LIMIT_STORE] = FailOpenRedisStore(self._client, namespace=_NAMESPACE)

    async def close(self) -> None:
        if self._client is not None:
            client, self._client = self._client, None
            await client.aclose()
