"""One exception family. Each error carries, as typed fields, the data a client or an operator
needs; the API turns every one into RFC 9457 problem+json in one place
(`summarizer.api.problems`), whose documented schema has exactly these fields."""

from __future__ import annotations

from summarizer.models import Usage


class SummarizerError(Exception):
    """Base of every error this package raises on purpose.

    Fields a problem response carries when set: `engine` (which engine failed), `attempts`
    (model calls made), `retry_after` (seconds; also the Retry-After header), `limit` (the limit
    exceeded), `option` and `value` (the request option that is wrong, and its value).
    """

    status: int = 500
    title: str = "Summarizer error"
    type_slug: str = "error"

    def __init__(
        self,
        detail: str,
        *,
        engine: str | None = None,
        attempts: int | None = None,
        retry_after: int | None = None,
        limit: int | None = None,
        option: str | None = None,
        value: str | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.engine = engine
        self.attempts = attempts
        self.retry_after = retry_after
        self.limit = limit
        self.option = option
        self.value = value


class InvalidInput(SummarizerError):
    """The request cannot be summarised as sent: the client must change it."""

    title = "Invalid input"
    type_slug = "invalid-input"

    def __init__(
        self,
        detail: str,
        *,
        status: int = 400,
        limit: int | None = None,
        option: str | None = None,
        value: str | None = None,
    ) -> None:
        super().__init__(detail, limit=limit, option=option, value=value)
        self.status = status


class UnknownOption(SummarizerError):
    """An engine or prompt version that does not exist or is not enabled."""

    status = 400
    title = "Unknown option"
    type_slug = "unknown-option"


class AnalysisTooSlow(SummarizerError):
    """Analysing the article ran past SUMMARIZER_ANALYSIS_TIMEOUT_S. Analysis is deterministic,
    so sending the same article again cannot help: the client must change it (422)."""

    status = 422
    title = "Article too costly to analyse"
    type_slug = "analysis-timeout"


class EngineError(SummarizerError):
    """The model behind an engine failed; `engine` and `attempts` say which and how often."""

    status = 502
    title = "Engine error"
    type_slug = "engine-error"


class EngineUnavailable(EngineError):
    """The model cannot be reached, is not loaded (yet) or restarting, or the queue is full."""

    status = 503
    title = "Engine unavailable"
    type_slug = "engine-unavailable"


class EngineTimeout(EngineError):
    """The model did not answer within the request's time."""

    status = 504
    title = "Engine timeout"
    type_slug = "engine-timeout"


class ModelDeadlineReached(EngineTimeout):
    """The model was stopped at its deadline; `partial_text` is what it wrote until then (it may
    still hold whole fields), `usage` what it cost."""

    def __init__(self, detail: str, *, engine: str, partial_text: str | None, usage: Usage) -> None:
        super().__init__(detail, engine=engine)
        self.partial_text = partial_text
        self.usage = usage


class EngineOutputInvalid(EngineError):
    """The model answered, but no attempt passed validation. `last_completion` is the model's
    last answer: it goes to the log, never to the client."""

    status = 502
    title = "Engine output invalid"
    type_slug = "engine-output-invalid"

    def __init__(
        self,
        detail: str,
        *,
        engine: str,
        attempts: int,
        last_completion: str | None,
        usage: Usage,
    ) -> None:
        super().__init__(detail, engine=engine, attempts=attempts)
        self.last_completion = last_completion
        self.usage = usage


class JobsUnavailable(SummarizerError):
    """Jobs are not configured (no SUMMARIZER_REDIS_URL) or Redis cannot be reached."""

    status = 503
    title = "Jobs unavailable"
    type_slug = "jobs-unavailable"


class JobNotFound(SummarizerError):
    """No job has this id: never created, or expired after SUMMARIZER_JOB_TTL_S."""

    status = 404
    title = "Job not found"
    type_slug = "job-not-found"
