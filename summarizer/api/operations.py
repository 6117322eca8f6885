"""Operations around the handlers: request ids and the access log, metrics, the response cache,
API keys, CORS and rate limits, put together from settings in one object (`Operations`) that
`create_app` wires in.

A summary handler calls `summarize(request, service, summary_request)` instead of the service
directly: the cache is consulted first, the service runs on a miss, metrics are recorded from
the response's `meta`, and the response gets the request's id.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from litestar import Litestar, Request
from litestar.config.cors import CORSConfig
from litestar.enums import ScopeType
from litestar.logging.config import LoggingConfig
from litestar.middleware import DefineMiddleware
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.api import metrics
from summarizer.api.access import access_middleware, cors_config
from summarizer.api.rate_limit_store import RateLimitStores
from summarizer.cache import SummaryCache, build_cache, cache_key, cacheable
from summarizer.errors import SummarizerError
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.observability import REQUEST_ID, accept_request_id, logging_config
from summarizer.service import SummaryService
from summarizer.settings import Settings

access_log = logging.getLogger("summarizer.access")


class RequestContextMiddleware:
    """The outermost layer of the app (around Litestar's exception handling, CORS and router):
    Litestar's own middleware runs only for matched routes, and a 404, a 405 or a CORS preflight
    must carry the id and get an access-log line too.

    Per request: accept or make the X-Request-ID, hold it in `REQUEST_ID` while the request runs
    (every log line carries it), echo it and the cache result in the response headers, then log
    one access line (method, path, status, duration_ms, engine, cache)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        request_id = accept_request_id(_header(scope, b"x-request-id"))
        state: dict[str, Any] = scope.setdefault("state", {})
        token = REQUEST_ID.set(request_id)
        started = time.perf_counter()
        status = 500  # what an exception escaping every handler ends in

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                if "cache" in state:
                    headers.append((b"x-cache", str(state["cache"]).encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            _log_access(scope, state, status, started)
            REQUEST_ID.reset(token)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _log_access(scope: Scope, state: dict[str, Any], status: int, started: float) -> None:
    duration_ms = round((time.perf_counter() - started) * 1000, 1)
    method, path = scope.get("method", "-"), scope.get("path", "-")
    client = scope.get("client")
    access_log.log(
        logging.WARNING if status >= 500 else logging.INFO,
        "%s %s %s %.1f ms",
        method,
        path,
        status,
        duration_ms,
        extra={
            "method": method,
            "path": path,
            "status": status,
            "duration_ms": duration_ms,
            "engine": state.get("engine"),
            "cache": state.get("cache"),
            "client": client[0] if client else None,
        },
    )


class Operations:
    """What the settings switch on, as Litestar configuration, plus the summary glue."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.cache: SummaryCache | None = build_cache(settings)
        self.rate_limit = RateLimitStores(settings)
        self.metrics = settings.metrics_enabled
        self.cors_config: CORSConfig | None = cors_config(settings)
        self.logging_config = LoggingConfig(
            **logging_config(settings.log_format, settings.log_level)
        )

    @property
    def route_handlers(self) -> list[Any]:
        return [metrics.MetricsController] if self.metrics else []

    @property
    def middleware(self) -> list[DefineMiddleware]:
        """Outermost first: metrics count every answer, 401 and 429 included."""
        http_metrics = [metrics.http_metrics_config().middleware] if self.metrics else []
        return [*http_metrics, *access_middleware(self.settings)]

    def install(self, app: Litestar) -> Litestar:
        app.state.operations = self
        app.asgi_handler = RequestContextMiddleware(app.asgi_handler)
        app.on_shutdown.append(self.close)
        return app

    async def close(self) -> None:
        if self.cache is not None:
            await self.cache.close()
        await self.rate_limit.close()

    async def summarize(
        self, scope: Scope, service: SummaryService, summary_request: SummaryRequest
    ) -> SummaryResponse:
        started = time.perf_counter()
        state: dict[str, Any] = scope.setdefault("state", {})
        engine = str(summary_request.engine or service.settings.default_engine)
        state["engine"] = metrics.engine_label(engine)
        try:
            key = self._key(service, summary_request, engine)
            hit = await self._lookup(key, state)
            if hit is not None:
                return _stamped(hit, cached=True, latency_ms=_ms_since(started))
            response = await service.summarize_async(summary_request)
        except SummarizerError as exc:
            if self.metrics:
                metrics.record_failure(engine, exc)
            raise
        if self.metrics:
            metrics.record_summary(response, time.perf_counter() - started)
        # never pinned: a response with a model engine's fallback warnings (`cacheable`)
        if key is not None and self.cache is not None and cacheable(response):
            await self.cache.set(key, response)
        return _stamped(response, cached=False, latency_ms=response.meta.latency_ms)

    async def _lookup(self, key: str | None, state: dict[str, Any]) -> SummaryResponse | None:
        if key is None or self.cache is None:
            return None
        hit = await self.cache.get(key)
        state["cache"] = "miss" if hit is None else "hit"  # the X-Cache header
        if self.metrics and hit is None:
            metrics.record_cache_miss()
        elif self.metrics and hit is not None:
            metrics.record_cache_hit(hit)
        return hit

    def _key(
        self, service: SummaryService, summary_request: SummaryRequest, engine: str
    ) -> str | None:
        if self.cache is None or engine not in service.settings.enabled_engines:
            return None  # a disabled engine answers 400 from the service, never from a cache
        service.article_from(summary_request)  # empty or too long: 4xx before any lookup
        return cache_key(summary_request, service.settings)


def _ms_since(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _stamped(response: SummaryResponse, *, cached: bool, latency_ms: int) -> SummaryResponse:
    """A copy for this request (the cached object is shared and never changed)."""
    meta = response.meta.model_copy(
        update={"request_id": REQUEST_ID.get(), "cached": cached, "latency_ms": latency_ms}
    )
    return response.model_copy(update={"meta": meta})


def operations_of(app: Litestar) -> Operations:
    operations = app.state.get("operations")
    if not isinstance(operations, Operations):
        raise RuntimeError("the app was not built by create_app (no operations installed)")
    return operations


async def summarize(
    request: Request[Any, Any, Any], service: SummaryService, summary_request: SummaryRequest
) -> SummaryResponse:
    """What a summary handler calls: cache, service, metrics, request id (see the module)."""
    return await operations_of(request.app).summarize(request.scope, service, summary_request)
