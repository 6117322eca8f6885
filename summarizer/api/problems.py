"""The one place where exceptions become RFC 9457 problem+json responses."""

from __future__ import annotations

import logging
from typing import Any

from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException
from pydantic import BaseModel, Field

from summarizer.errors import SummarizerError

PROBLEM_MEDIA_TYPE = "application/problem+json"
_TYPE_BASE = "https://news-summarizer.invalid/problems/"
_EXTRA_KEYS = ("engine", "attempts", "limit", "option", "value", "retry_after")

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
    retry_after: int | None = Field(default=None, description="Seconds before trying again.")


def problem_response(
    status: int,
    title: str,
    detail: str,
    slug: str,
    request: Request[Any, Any, Any],
    extra: dict[str, Any] | None = None,
) -> Response[dict[str, Any]]:
    body: dict[str, Any] = {
        "type": _TYPE_BASE + slug,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": str(request.url.path),
    }
    headers: dict[str, str] = {}
    for key, value in (extra or {}).items():
        if key in _EXTRA_KEYS and value is not None:
            body[key] = value
    if body.get("retry_after") is not None:
        headers["Retry-After"] = str(body["retry_after"])
    return Response(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def summarizer_error_handler(
    request: Request[Any, Any, Any], exc: SummarizerError
) -> Response[dict[str, Any]]:
    if exc.status >= 500:
        logger.warning("%s: %s", exc.title, exc.detail)
    return problem_response(exc.status, exc.title, exc.detail, exc.type_slug, request, exc.extra)


def http_error_handler(
    request: Request[Any, Any, Any], exc: HTTPException
) -> Response[dict[str, Any]]:
    detail = exc.detail
    if isinstance(exc, ValidationException) and exc.extra:
        detail = f"{exc.detail}: {exc.extra}"
    slug = "invalid-input" if exc.status_code < 500 else "server-error"
    return problem_response(exc.status_code, _title_for(exc.status_code), detail, slug, request)


def unexpected_error_handler(
    request: Request[Any, Any, Any], exc: Exception
) -> Response[dict[str, Any]]:
    # a bug, not bad input: log it whole, tell the client no internals
    logger.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return problem_response(
        500, "Internal error", "the server failed; the error was logged", "internal", request
    )


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
