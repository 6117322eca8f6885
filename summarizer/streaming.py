"""A summary as a stream of events, for a client that wants something to show at once.

The extractive body takes milliseconds; a model takes seconds to minutes. So a streaming client
gets, in this order (docs/contract.md, "Streaming"):

- `extractive`: the extractive engine's whole response, at once (model engines only, and only
  while the extractive engine is enabled);
- `keepalive`, every `SUMMARIZER_STREAM_KEEPALIVE_S` while the model works, so that proxies do
  not close an idle connection;
- `final`: exactly what the non-streaming call answers, or `error`: the exception it would raise
  (the `extractive` body already sent stays valid).

An extractive request is one `final` event: the preview would be the same body twice.
Core code: no web framework here; `summarizer.api.streaming` encodes the events as SSE.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

from summarizer.contract import EngineName
from summarizer.errors import SummarizerError
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService

EventKind = Literal["extractive", "keepalive", "final", "error"]
# how a request becomes a response: `SummaryService.summarize_async`, or the HTTP layer's wrapper
# of it (response cache, metrics, request id), so a `final` event is what a plain call answers
Summarize = Callable[[SummaryRequest], Awaitable[SummaryResponse]]

logger = logging.getLogger("summarizer.streaming")


@dataclass(frozen=True)
class StreamEvent:
    kind: EventKind
    summary: SummaryResponse | None = None
    # a SummarizerError as a rule; anything else is a bug, which the HTTP layer reports as 500
    error: Exception | None = None


async def open_summary_stream(
    service: SummaryService,
    request: SummaryRequest,
    keepalive_s: float,
    summarize: Summarize | None = None,
) -> AsyncIterator[StreamEvent]:
    """Checks the request first, so a bad one raises (a plain 4xx) before any event is sent;
    then returns the events."""
    engine = check_request(service, request)
    run = summarize or service.summarize_async
    if engine == EngineName.EXTRACTIVE:
        return _single_final(run, request)
    return _preview_then_model(service, run, request, keepalive_s)


def check_request(service: SummaryService, request: SummaryRequest) -> str:
    """What `service.resolve` rejects, without building the engine: building one may take
    seconds (importing a client library, loading a model), and the extractive body must not
    wait for it. An engine that then cannot be built is the stream's `error` event."""
    service.article_from(request)
    name = request.engine or service.settings.default_engine
    service.registry.check(name)  # the 400 for an unknown or disabled engine
    if request.prompt_version:
        service.prompts.get(request.prompt_version)  # raises the 400 (unknown version)
    return name


async def _single_final(run: Summarize, request: SummaryRequest) -> AsyncIterator[StreamEvent]:
    yield await _outcome(run(request))


async def _preview_then_model(
    service: SummaryService, run: Summarize, request: SummaryRequest, keepalive_s: float
) -> AsyncIterator[StreamEvent]:
    preview = await _extractive_preview(service, run, request)
    if preview is not None:
        yield StreamEvent("extractive", summary=preview)
    # a plain asyncio task, not a task group: a cancel scope must not stay open across a `yield`
    # (the generator is suspended inside the HTTP layer's task between events)
    model = asyncio.ensure_future(_outcome(run(request)))
    try:
        while not model.done():
            done, _ = await asyncio.wait({model}, timeout=keepalive_s)
            if not done:
                yield StreamEvent("keepalive")
        yield model.result()
    finally:
        # the client went away or the stream was closed early: stop waiting for the model
        model.cancel()


async def _extractive_preview(
    service: SummaryService, run: Summarize, request: SummaryRequest
) -> SummaryResponse | None:
    if EngineName.EXTRACTIVE not in service.registry.names():
        return None  # the operator disabled it: the stream is the model's answer alone
    try:
        return await run(request.model_copy(update={"engine": EngineName.EXTRACTIVE.value}))
    except SummarizerError as exc:
        # the model's run analyses the same article and reports the same problem as `error`
        logger.info("no extractive preview: %s", exc.detail)
        return None


async def _outcome(summary: Awaitable[SummaryResponse]) -> StreamEvent:
    try:
        result = await summary
    except Exception as exc:  # every failure becomes an `error` event; the stream has begun
        return StreamEvent("error", error=exc)
    return StreamEvent("final", summary=result)


__all__ = ["EventKind", "StreamEvent", "Summarize", "check_request", "open_summary_stream"]
