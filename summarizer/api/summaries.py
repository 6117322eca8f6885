"""`POST /v1/summaries`: thin: decode the body, hand it to the service, return its model."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from litestar import Request, post
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import Example, OpenAPIMediaType, OpenAPIType, RequestBody, Schema
from litestar.openapi.spec.operation import Operation
from pydantic import ValidationError

from summarizer.api.problems import PROBLEM_MEDIA_TYPE, ProblemDetails
from summarizer.contract import ENGINE_NAMES
from summarizer.errors import InvalidInput
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService

_EXAMPLE_TEXT = (
    "The UN says 364 Ukrainian civilians have been confirmed killed in fighting, including "
    "20 children. Ukrainian emergency services say more than 2,000 civilians have died."
)


async def decode_summary_request(request: Request[Any, Any, Any]) -> SummaryRequest:
    """Accept `application/json` (a SummaryRequest object) or `text/plain` (the article)."""
    raw = await request.body()
    media_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media_type not in ("application/json", "text/plain"):
        raise InvalidInput(
            f"content type '{media_type or 'none'}' is not supported; send application/json "
            '({"text": ...}) or text/plain (the article itself)',
            status=415,
        )
    try:
        decoded = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput(
            f"the body is not valid UTF-8 (byte {exc.start}); re-encode the article as UTF-8"
        ) from exc
    if media_type == "text/plain":
        return SummaryRequest(text=decoded)
    return _parse_json_request(decoded)


def _parse_json_request(decoded: str) -> SummaryRequest:
    try:
        payload = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise InvalidInput(f"the body is not valid JSON: {exc.msg} at char {exc.pos}") from exc
    if not isinstance(payload, dict):
        raise InvalidInput('the JSON body must be an object such as {"text": "..."}')
    try:
        return SummaryRequest.model_validate(payload)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'body'}: {err['msg']}"
            for err in exc.errors()
        )
        raise InvalidInput(f"the JSON body is not a valid request: {problems}", status=422) from exc


def _string(description: str, enum: list[Any] | None = None) -> Schema:
    return Schema(type=OpenAPIType.STRING, description=description, enum=enum)


_ENGINES: list[Any] = list(ENGINE_NAMES)
_REQUEST_SCHEMA = Schema(
    type=OpenAPIType.OBJECT,
    required=["text"],
    properties={
        name: _string(str(info.description), _ENGINES if name == "engine" else None)
        for name, info in SummaryRequest.model_fields.items()
    },
)


def _problem(description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=ProblemDetails, description=description, media_type=PROBLEM_MEDIA_TYPE
    )


@dataclass
class SummaryBodyOperation(Operation):
    """Documents both accepted content types, which a decoded-by-hand body cannot infer."""

    def __post_init__(self) -> None:
        self.request_body = RequestBody(
            required=True,
            description="The article: a JSON request object, or the plain text itself.",
            content={
                "application/json": OpenAPIMediaType(
                    schema=_REQUEST_SCHEMA,
                    examples={"article": Example(value={"text": _EXAMPLE_TEXT})},
                ),
                "text/plain": OpenAPIMediaType(
                    schema=Schema(type=OpenAPIType.STRING),
                    examples={"article": Example(value=_EXAMPLE_TEXT)},
                ),
            },
        )


@post(
    "/v1/summaries",
    operation_class=SummaryBodyOperation,
    summary="Summarise an article",
    description="Neutral headline and summary, events, sourced figures, quotes and loaded "
    "language, every span grounded to character offsets of the article. Errors are RFC 9457 "
    "problem+json.",
    status_code=200,
    responses={
        400: _problem("Malformed JSON, invalid UTF-8, unknown engine or prompt version"),
        422: _problem("Empty article or a request object with wrong fields"),
        413: _problem("Article or body over the size limit"),
        415: _problem("Content type other than JSON or plain text"),
        502: _problem("The model returned invalid output after retries"),
        503: _problem("Model not loaded, unreachable or busy (Retry-After)"),
        504: _problem("The model did not answer within the timeout"),
    },
    tags=["summaries"],
)
async def create_summary(
    request: Request[Any, Any, Any], service: NamedDependency[SummaryService]
) -> SummaryResponse:
    summary_request = await decode_summary_request(request)
    return await service.summarize_async(summary_request)
