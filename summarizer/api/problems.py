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


def problem_uri(slug: str) -> str:
    """The `type` URI of a kind of problem (also for the problems async jobs store)."""
    return _TYPE_BASE + slug


def problem_response(
    problem: ProblemDetails, extra_headers: dict[str, str] | None = None
) -> Response[dict[str, Any]]:
    headers = dict(extra_headers or {})
    if problem.retry_after:
        headers["Retry-After"] = str(problem.retry_after)
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
        detail=client_text(detail, 2_000),
        instance=client_text(str(request.url.path), 2_000),
    )


def client_text(text: str, limit: int) -> str:
    """`text` as a client may see it: encodable as UTF-8 (a lone surrogate echoed from the
    request would make the response itself fail), no control characters, at most `limit`."""
    clean = text.encode("utf-8", "backslashreplace").decode("utf-8")
    clean = "".join(ch if ch.isprintable() else " " for ch in clean)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def summarizer_error_handler(
    request: Request[Any, Any, Any], exc: SummarizerError
) -> Response[dict[str, Any]]:
    return problem_response(summarizer_problem(request, exc))


def problem_for(request: Request[Any, Any, Any], exc: Exception) -> ProblemDetails:
    """The problem body for an error met after a response began (a streamed summary's `error`
    event): the same mapping, and the same logging, as the exception handlers."""
    if isinstance(exc, SummarizerError):
        return summarizer_problem(request, exc)
    return internal_problem(request, exc)


def summarizer_problem(request: Request[Any, Any, Any], exc: SummarizerError) -> ProblemDetails:
    if exc.status >= 500:
        logger.warning("%s: %s", exc.title, exc.detail)
    if isinstance(exc, EngineOutputInvalid) and exc.last_completion:
        # the model's raw answer is for operators, not clients
        logger.warning("last model answer (%s): %s", exc.engine, exc.last_completion)
    # a server-side failure's detail may quote what a model or remote server said: the client
    # gets the first 300 characters, the log above keeps it whole
    detail = client_text(exc.detail, 300 if exc.status >= 500 else 2_000)
    problem = _problem(request, exc.status, exc.title, detail, exc.type_slug)
    problem = problem.model_copy(
        update={
            "engine": exc.engine,
            "attempts": exc.attempts,
            "retry_after": exc.retry_after,
            "limit": exc.limit,
            "option": exc.option,
            "value": None if exc.value is None else client_text(exc.value, 200),
        }
    )
    return problem


def http_error_handler(
    request: Request[Any, Any, Any], exc: HTTPException
) -> Response[dict[str, Any]]:
    detail = exc.detail
    if isinstance(exc, ValidationException) and exc.extra:
        detail = f"{exc.detail}: {exc.extra}"
    slug = "invalid-input" if exc.status_code < 500 else "server-error"
    slug = {401: "unauthorized", 429: "rate-limited"}.get(exc.status_code, slug)
    title = _title_for(exc.status_code)
    problem = _problem(request, exc.status_code, title, detail, slug)
    headers = dict(exc.headers or {})  # WWW-Authenticate (401), RateLimit-* (429)
    if exc.status_code == 429:
        problem = _rate_limited(problem, headers)
    return problem_response(problem, headers)


def _rate_limited(problem: ProblemDetails, headers: dict[str, str]) -> ProblemDetails:
    """Litestar's rate limiter says when its window resets (RateLimit-Reset); clients and
    `summarizer batch` read Retry-After."""
    reset, limit = headers.get("RateLimit-Reset", ""), headers.get("RateLimit-Limit", "?")
    retry_after = max(1, int(reset)) if reset.isdigit() else 60
    detail = (
        f"too many requests: this client may make {limit} per minute "
        f"(SUMMARIZER_RATE_LIMIT_PER_MINUTE); retry after {retry_after} s"
    )
    return problem.model_copy(update={"retry_after": retry_after, "detail": detail})


def unexpected_error_handler(
    request: Request[Any, Any, Any], exc: Exception
) -> Response[dict[str, Any]]:
    return problem_response(internal_problem(request, exc))


def internal_problem(request: Request[Any, Any, Any], exc: Exception) -> ProblemDetails:
    # a bug, not bad input: log it whole, tell the client no internals
    logger.exception("unhandled error on %s", request.url.path, exc_info=exc)
    detail = "the server failed; the error was logged"
    return _problem(request, 500, "Internal error", detail, "internal")


def _title_for(status: int) -> str:
    return {
        400: "Bad request",
        401: "Unauthorized",
        404: "Not found",
        405: "Method not allowed",
        413: "Request too large",
        415: "Unsupported media type",
        422: "Unprocessable content",
        429: "Too many requests",
    }.get(status, "HTTP error")


EXCEPTION_HANDLERS: dict[int | type[Exception], Any] = {
    SummarizerError: summarizer_error_handler,
    HTTPException: http_error_handler,
    Exception: unexpected_error_handler,
}
