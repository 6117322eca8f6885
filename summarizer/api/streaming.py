"""`Accept: text/event-stream` on `POST /v1/summaries` and `POST /v1/briefs`: the events of
`summarizer.streaming` as server-sent events. Thin: negotiation, encoding and the OpenAPI entry;
the order of events and the waiting are the core's."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from litestar import Request, Response
from litestar.openapi.spec import Example, OpenAPIMediaType, OpenAPIType, Schema
from litestar.openapi.spec.operation import Operation
from litestar.response import ServerSentEvent, ServerSentEventMessage

from summarizer.api.operations import summarize
from summarizer.api.problems import problem_for
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService
from summarizer.streaming import StreamEvent, open_summary_stream

EVENT_STREAM = "text/event-stream"
_JSON = "application/json"

# what a summary becomes in an event's `data`: the body the non-streaming call would answer
Payload = Callable[[SummaryResponse], str]

STREAM_DESCRIPTION = (
    "With `Accept: text/event-stream`: server-sent events. A model engine sends `extractive` "
    "(the extractive result, at once), keep-alive comments while the model works, then `final` "
    "(what this call answers without streaming) or `error` (a problem+json object; the "
    "extractive result stays valid). The extractive engine sends one `final`. Invalid requests "
    "are answered before the stream begins, as problem+json with their 4xx status."
)

_EXAMPLE_STREAM = (
    'event: extractive\r\ndata: {"headline": "...", "meta": {"engine": "extractive", ...}}\r\n\r\n'
    ": model working\r\n\r\n"
    'event: final\r\ndata: {"headline": "...", "meta": {"engine": "local", ...}}\r\n\r\n'
)


def wants_event_stream(request: Request[Any, Any, Any]) -> bool:
    """True when the client prefers server-sent events to JSON (`*/*` and no header: JSON)."""
    return request.accept.best_match([_JSON, EVENT_STREAM], default=_JSON) == EVENT_STREAM


def summary_json(summary: SummaryResponse) -> str:
    return summary.model_dump_json()


async def event_stream_response(
    request: Request[Any, Any, Any],
    service: SummaryService,
    summary_request: SummaryRequest,
    payload: Payload = summary_json,
) -> Response[Any]:
    """Raises the request's own error (a 4xx problem) before the stream when it is invalid."""
    events = await open_summary_stream(
        service,
        summary_request,
        keepalive_s=service.settings.stream_keepalive_s,
        # through the same cache, metrics and request id as a plain call
        summarize=lambda each: summarize(request, service, each),
    )
    return ServerSentEvent(_messages(request, events, payload))


async def _messages(
    request: Request[Any, Any, Any], events: AsyncIterator[StreamEvent], payload: Payload
) -> AsyncIterator[ServerSentEventMessage]:
    async for event in events:
        yield _message(request, event, payload)


def _message(
    request: Request[Any, Any, Any], event: StreamEvent, payload: Payload
) -> ServerSentEventMessage:
    if event.kind == "keepalive":  # a comment line: no event reaches the client's handlers
        return ServerSentEventMessage(data=None, comment="model working")
    if event.error is not None:
        problem = problem_for(request, event.error)
        return ServerSentEventMessage(
            data=problem.model_dump_json(exclude_none=True), event="error"
        )
    if event.summary is None:  # never: every other event carries a summary
        raise ValueError(f"stream event '{event.kind}' carries no summary")
    return ServerSentEventMessage(data=payload(event.summary), event=event.kind)


def add_event_stream_response(operation: Operation) -> None:
    """Documents the streamed form of an operation's 200 response next to its JSON form."""
    responses = operation.responses or {}
    success = responses.get("200")
    content = getattr(success, "content", None)
    if content is None:
        return
    content[EVENT_STREAM] = OpenAPIMediaType(
        schema=Schema(type=OpenAPIType.STRING, description=STREAM_DESCRIPTION),
        examples={"model engine": Example(value=_EXAMPLE_STREAM)},
    )


__all__ = [
    "EVENT_STREAM",
    "add_event_stream_response",
    "event_stream_response",
    "summary_json",
    "wants_event_stream",
]
