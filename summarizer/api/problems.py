"""The one place where exceptions become RFC 9457 problem+json responses.

`ProblemDetails` is both what the mapper builds every error body from and what the OpenAPI
document shows, so the documented schema and the responses cannot drift apart.
"""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from pydantic import BaseModel, Field

from summarizer.errors import EngineOutputInvalid, SummarizerError

PROBLEM_MEDIA_TYPE = "application/problem+json"
_TYPE_BASE = "https://news-summarizer.invalid/problems/"

logger = logging.getLogger("summarizer.api")


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, as every error response of this API carries them."""

    type: str = Field(description="URI naming the kind of problem.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="HTTP status code.")
    detail: str = Field(description="What went wrong in this request, and what to do about it.")
    instance: str = Field(description="Path of the request.")
    engine: str | None = Field(default=None, description="Engine involved, for engine errors.")
    attempts: int | None = Field(default=None, description="Model calls made before giving up.")
    retry_after: int | None = Field(
        default=None, description="Seconds before trying again (also the Retry-After header)."
    )
    limit: int | None = Field(default=None, description="The size limit the request exceeded.")
    option: str | None = Field(default=None, description="The request option that is wrong.")
    value: str | None = Field(default=None, description="Its value as received.")


def problem_response(problem: ProblemDetails) -> Response[dict[str, Any]]:
    headers = {"Retry-After": str(problem.retry_after)} if problem.retry_after else {}
    return Response(
        problem.model_dump(exclude_none=True),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _problem(
    request: Request[Any, Any, Any], status: int, title: str, detail: str, slug: str
) -> ProblemDetails:
    return ProblemDetails(
        type=_TYPE_BASE + slug,
        title=title,
        status=status,
        detail=detail,
        instance=str(request.url.path),
    )


def summarizer_error_handler(
    request: Request[Any, Any, Any], exc: SummarizerError
) -> Response[dict[str, Any]]:
    if exc.status >= 500:
        logger.warning("%s: %s", exc.title, exc.detail)
    if isinstance(exc, EngineOutputInvalid) and exc.last_completion:
        # the model's raw answer is for operators, not clients
        logger.warning("last model answer (%s): %s", exc.engine, exc.last_completion)
    problem = _problem(request, exc.status, exc.title, exc.detail, exc.type_slug)
    problem = problem.model_copy(
        update={
            "engine": exc.engine,
            "attempts": exc.attempts,
            "retry_after": exc.retry_after,
            "limit": exc.limit,
            "option": exc.option,
            "value": exc.value,
        }
    )
    return problem_response(problem)


def http_error_handler(
    request: Request[Any, Any, Any], exc: HTTPException
) -> Response[dict[str, Any]]:
    detail = exc.detail
    if isinstance(exc, ValidationException) and exc.extra:
        detail = f"{exc.detail}: {exc.extra}"
    slug = "invalid-input" if exc.status_code < 500 else "server-error"
    title = _title_for(exc.status_code)
    return problem_response(_problem(request, exc.status_code, title, detail, slug))


def unexpected_error_handler(
    request: Request[Any, Any, Any], exc: Exception
) -> Response[dict[str, Any]]:
    # a bug, not bad input: log it whole, tell the client no internals
    logger.exception("unhandled error on %s", request.url.path, exc_info=exc)
    detail = "the server failed; the error was logged"
    return problem_response(_problem(request, 500, "Internal error", detail, "internal"))


def _title_for(status: int) -> str:
    return {
        400: "Bad request",
        404: "Not found",
        405: "Method not allowed",
        413: "Request too large",
        415: "Unsupported media type",
        422: "Unprocessable content",
    }.get(status, "HTTP error")


EXCEPTION_HANDLERS: dict[int | type[Exception], Any] = {
    SummarizerError: summarizer_error_handler,
    HTTPException: http_error_handler,
    Exception: unexpected_error_handler,
}
