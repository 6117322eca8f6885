"""One exception family. Each leaf carries the data a client or an operator needs; the API maps
them to RFC 9457 problem+json in one place (`summarizer.api.problems`)."""

from __future__ import annotations

from typing import Any

from summarizer.models import Usage


class SummarizerError(Exception):
    """Base of every error this package raises on purpose."""

    status: int = 500
    title: str = "Summarizer error"
    type_slug: str = "error"

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra

    @property
    def retry_after(self) -> int | None:
        value = self.extra.get("retry_after")
        return int(value) if value is not None else None


class InvalidInput(SummarizerError):
    """The request cannot be summarised as sent: the client must change it."""

    title = "Invalid input"
    type_slug = "invalid-input"

    def __init__(self, detail: str, *, status: int = 400, **extra: Any) -> None:
        super().__init__(detail, **extra)
        self.status = status


class UnknownOption(SummarizerError):
    """An engine or prompt version that does not exist or is not enabled."""

    status = 400
    title = "Unknown option"
    type_slug = "unknown-option"


class EngineError(SummarizerError):
    """The model behind an engine failed; `engine` and `attempts` say which and how often."""

    status = 502
    title = "Engine error"
    type_slug = "engine-error"


class EngineUnavailable(EngineError):
    """The model cannot be reached or is not loaded (yet), or the queue is full."""

    status = 503
    title = "Engine unavailable"
    type_slug = "engine-unavailable"


class EngineTimeout(EngineError):
    """The model did not answer within the configured total timeout."""

    status = 504
    title = "Engine timeout"
    type_slug = "engine-timeout"


class ModelDeadlineReached(EngineTimeout):
    """The model was stopped at its deadline; `partial_text` is what it wrote until then (it may
    still hold whole fields), `usage` what it cost."""

    def __init__(
        self, detail: str, *, partial_text: str | None, usage: Usage, **extra: Any
    ) -> None:
        super().__init__(detail, **extra)
        self.partial_text = partial_text
        self.usage = usage


class EngineOutputInvalid(EngineError):
    """The model answered, but no attempt passed validation."""

    status = 502
    title = "Engine output invalid"
    type_slug = "engine-output-invalid"

    def __init__(
        self,
        detail: str,
        *,
        attempts: int,
        last_completion: str | None,
        usage: Usage,
        **extra: Any,
    ) -> None:
        super().__init__(detail, attempts=attempts, **extra)
        self.attempts = attempts
        self.last_completion = last_completion
        self.usage = usage
