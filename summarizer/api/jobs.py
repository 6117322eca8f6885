"""`POST /v1/jobs` and `GET /v1/jobs/{id}`: thin handlers over `summarizer.jobs.JobQueue`.

A job is checked as a synchronous call would be (bad input is a 4xx now, never a queued job),
then run by a `summarizer worker` process; its result, or the problem it ended with, is kept for
SUMMARIZER_JOB_TTL_S. Without SUMMARIZER_REDIS_URL both routes answer 503 problem+json.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from litestar import Request, Response, get, post
from litestar.datastructures import ResponseHeader
from litestar.di import NamedDependency
from litestar.openapi.datastructures import ResponseSpec
from litestar.params import PathParameter
from pydantic import BaseModel, Field

from summarizer.api.problems import PROBLEM_MEDIA_TYPE, ProblemDetails, problem_uri
from summarizer.api.summaries import SummaryBodyOperation, decode_summary_request
from summarizer.jobs import JobQueue, JobState, JobStatus
from summarizer.models import SummaryResponse

_JOBS_UNAVAILABLE = "Jobs not configured (SUMMARIZER_REDIS_URL unset) or Redis unreachable"


class JobResource(BaseModel):
    """An async summary job: its state, and the summary or the problem it ended with."""

    id: str = Field(description="The job's id (32 hex digits); GET /v1/jobs/{id} reads it.")
    status: JobStatus = Field(
        description="queued (waiting for a worker), active (running), complete (`result` holds "
        "the summary) or failed (`error` holds the problem a synchronous call would answer)."
    )
    created_at: datetime = Field(description="When the job was queued (UTC).")
    started_at: datetime | None = Field(default=None, description="When a worker took it.")
    finished_at: datetime | None = Field(default=None, description="When it completed or failed.")
    expires_at: datetime | None = Field(
        default=None,
        description="When a finished job is forgotten (SUMMARIZER_JOB_TTL_S); then 404.",
    )
    result: SummaryResponse | None = Field(
        default=None, description="The summary, as POST /v1/summaries returns it, once complete."
    )
    error: ProblemDetails | None = Field(
        default=None, description="RFC 9457 problem of a failed job, as a synchronous call's."
    )

    @classmethod
    def of(cls, state: JobState) -> JobResource:
        error = None
        if state.problem is not None:
            fields = state.problem.model_dump(exclude={"type_slug"})
            error = ProblemDetails(
                type=problem_uri(state.problem.type_slug),
                instance=_location(state.id),
                **fields,
            )
        times = state.model_dump(exclude={"result", "problem"})
        return cls(**times, result=state.result, error=error)


def _location(job_id: str) -> str:
    return f"/v1/jobs/{job_id}"


def _problem(description: str) -> ResponseSpec:
    return ResponseSpec(
        data_container=ProblemDetails, description=description, media_type=PROBLEM_MEDIA_TYPE
    )


@post(
    "/v1/jobs",
    operation_class=SummaryBodyOperation,
    summary="Queue an article for summarising",
    description="Same body as /v1/summaries. The request is checked now (a bad one is the same "
    "4xx problem+json); a good one is queued for a `summarizer worker` and answered 202 with "
    "`Location: /v1/jobs/{id}`. Needs SUMMARIZER_REDIS_URL, else 503.",
    status_code=202,
    response_headers=[
        ResponseHeader(
            name="Location",
            description="/v1/jobs/{id}: where to read the job",
            documentation_only=True,
        )
    ],
    responses={
        400: _problem("Malformed JSON, invalid UTF-8, unknown engine or prompt version"),
        413: _problem("Article or body over the size limit"),
        415: _problem("Content type other than JSON or plain text"),
        422: _problem("Empty article or a request object with wrong fields"),
        503: _problem(_JOBS_UNAVAILABLE),
    },
    tags=["jobs"],
)
async def create_job(
    request: Request[Any, Any, Any], jobs: NamedDependency[JobQueue]
) -> Response[JobResource]:
    state = await jobs.submit(await decode_summary_request(request))
    return Response(
        JobResource.of(state), status_code=202, headers={"Location": _location(state.id)}
    )


@get(
    "/v1/jobs/{job_id:str}",
    summary="Read a job: its status, then its summary or problem",
    description="Poll until `status` is complete (the summary is in `result`) or failed (the "
    "problem is in `error`). Finished jobs are kept SUMMARIZER_JOB_TTL_S (a day by default).",
    responses={
        404: _problem("No such job, or it expired"),
        503: _problem(_JOBS_UNAVAILABLE),
    },
    tags=["jobs"],
)
async def read_job(
    job_id: Annotated[str, PathParameter(description="The id POST /v1/jobs answered.")],
    jobs: NamedDependency[JobQueue],
) -> JobResource:
    return JobResource.of(await jobs.get(job_id))


JOB_HANDLERS: list[Any] = [create_job, read_job]

__all__ = ["JOB_HANDLERS", "JobResource"]
