"""Async summary jobs on a Redis queue: the API's side (check, enqueue, read back) and the
states clients see. `summarizer.worker` runs the jobs.

The queue is SAQ (Simple Async Queue), used directly. Why SAQ: it is what Litestar's own
integration (litestar-saq) builds on, it installs on Python 3.11 over redis-py's asyncio client,
stores jobs as JSON (no pickle between processes), and has per-job `timeout`, `retries` and `ttl`
and a queued -> active -> complete/failed lifecycle that maps onto ours one to one. Why not the
litestar-saq plugin: it needs a Redis URL when the app is built and runs workers through
`litestar workers run`, while this service must start (and answer 503 on /v1/jobs) without Redis,
runs workers as `summarizer worker`, and keeps core code free of the web framework.

A job's outcome is an envelope the task returns: the summary, or the problem a synchronous call
would have answered. Expected failures (model unreachable, too slow...) thus never go through
SAQ's failure path, which logs the whole job, article included, with a traceback. SAQ's own
`failed`/`aborted` states remain for what the task could not report: a crash, a worker killed
mid-job, its timeout backstop.
"""

from __future__ import annotations

import logging
import math
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, Field
from redis.asyncio import Redis
from redis.exceptions import RedisError
from saq import Job, Queue, Status
from saq.queue.redis import RedisQueue

from summarizer.errors import JobNotFound, JobsUnavailable, SummarizerError, UnknownOption
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService
from summarizer.settings import Settings

logger = logging.getLogger("summarizer.jobs")

QUEUE_NAME = "summaries"
TASK_NAME = "summarize"
# SAQ's own per-job timeout is only a backstop: the service bounds every summary itself (waiting
# for a thread, then the request's time limit or the analysis budget). Past it, the sweep fails a
# job whose worker died mid-way.
TIMEOUT_GRACE_S = 10
# The API never blocks on Redis: a dead or unreachable server is a 503 within these seconds.
REDIS_CONNECT_TIMEOUT_S = 5.0
API_REDIS_TIMEOUT_S = 5.0
_JOB_ID = re.compile(r"[0-9a-f]{32}")

JobStatus = Literal["queued", "active", "complete", "failed"]
_STATUSES: dict[Status, JobStatus] = {
    Status.NEW: "queued",
    Status.QUEUED: "queued",
    Status.ACTIVE: "active",
    Status.ABORTING: "active",
    Status.COMPLETE: "complete",
    Status.FAILED: "failed",
    Status.ABORTED: "failed",
}


class JobProblem(BaseModel):
    """What a failed job answered: the fields of the problem a synchronous call would give."""

    type_slug: str
    title: str
    status: int
    detail: str
    engine: str | None = None
    attempts: int | None = None
    retry_after: int | None = None
    limit: int | None = None
    option: str | None = None
    value: str | None = None

    @classmethod
    def from_error(cls, exc: SummarizerError) -> JobProblem:
        return cls(
            type_slug=exc.type_slug,
            title=exc.title,
            status=exc.status,
            detail=exc.detail,
            engine=exc.engine,
            attempts=exc.attempts,
            retry_after=exc.retry_after,
            limit=exc.limit,
            option=exc.option,
            value=exc.value,
        )


# what a job whose task could not report its outcome answers: no internals for the client
LOST_JOB = JobProblem(
    type_slug="internal",
    title="Internal error",
    status=500,
    detail="the worker could not finish the job (it crashed, was stopped or ran past its time "
    "limit); the worker's log has the error. Submit the article again.",
)


class JobState(BaseModel):
    """A job as clients see it (the API adds the problem's URI and instance)."""

    id: str = Field(description="The job's id (32 hex digits).")
    status: JobStatus = Field(description="queued, active, complete or failed.")
    created_at: datetime = Field(description="When the job was queued (UTC).")
    started_at: datetime | None = Field(default=None, description="When a worker took it.")
    finished_at: datetime | None = Field(default=None, description="When it completed or failed.")
    expires_at: datetime | None = Field(
        default=None, description="When a finished job is forgotten (SUMMARIZER_JOB_TTL_S)."
    )
    result: SummaryResponse | None = Field(default=None, description="The summary, once complete.")
    problem: JobProblem | None = Field(default=None, description="Why it failed, once failed.")


def _time(millis: int) -> datetime | None:
    return datetime.fromtimestamp(millis / 1000, tz=UTC) if millis else None


def job_state(job: Job) -> JobState:
    """Map a SAQ job and the outcome envelope its task returned onto the public states."""
    status = _STATUSES[job.status]
    outcome: dict[str, Any] = job.result if isinstance(job.result, dict) else {}
    result = problem = None
    if status == "complete" and "problem" in outcome:
        status, problem = "failed", JobProblem.model_validate(outcome["problem"])
    elif status == "complete":
        result = SummaryResponse.model_validate(outcome["summary"])
    elif status == "failed":
        problem = LOST_JOB
    finished = _time(job.completed)
    return JobState(
        id=job.key,
        status=status,
        created_at=_time(job.queued) or datetime.now(tz=UTC),
        started_at=_time(job.started),
        finished_at=finished,
        expires_at=finished + timedelta(seconds=job.ttl) if finished and job.ttl > 0 else None,
        result=result,
        problem=problem,
    )


def require_redis_url(settings: Settings) -> str:
    if not settings.redis_url:
        raise JobsUnavailable(
            "jobs need SUMMARIZER_REDIS_URL (a Redis server and `summarizer worker` processes); "
            "this server has none, so use POST /v1/summaries",
        )
    return settings.redis_url


def _unreachable(exc: RedisError, retry_after: int) -> JobsUnavailable:
    logger.warning("redis unreachable: %s", exc)
    return JobsUnavailable(
        f"the job queue (Redis) cannot be reached: {type(exc).__name__}", retry_after=retry_after
    )


class JobQueue:
    """The API's side: check a request as a synchronous call would, queue it, read jobs back.

    Redis is connected on first use, so an app without SUMMARIZER_REDIS_URL builds and serves
    everything else, and /v1/jobs answers 503 with the reason.
    """

    def __init__(self, settings: Settings, service: SummaryService, name: str = QUEUE_NAME):
        self.settings = settings
        self.service = service
        self.name = name
        self._queue: RedisQueue | None = None

    def _connect(self) -> RedisQueue:
        if self._queue is None:
            redis = Redis.from_url(
                require_redis_url(self.settings),
                socket_connect_timeout=REDIS_CONNECT_TIMEOUT_S,
                socket_timeout=API_REDIS_TIMEOUT_S,
            )
            self._queue = RedisQueue(redis, name=self.name)
        return self._queue

    def check(self, request: SummaryRequest) -> None:
        """Refuse now, with the synchronous call's 4xx, what a worker would refuse; the engine
        is only looked up by name (building it would load a model in the API process)."""
        self.service.article_from(request)
        name = request.engine or self.settings.default_engine
        if name not in self.service.registry.names():
            enabled = ", ".join(self.service.registry.names())
            raise UnknownOption(
                f"unknown or disabled engine '{name}'; enabled engines: {enabled}",
                option="engine",
                value=name,
            )
        if request.prompt_version:
            self.service.prompts.get(request.prompt_version)

    async def submit(self, request: SummaryRequest) -> JobState:
        self.check(request)  # bad input is the client's 4xx, configured or not
        queue = self._connect()
        job = Job(
            function=TASK_NAME,
            kwargs={"request": request.model_dump(mode="json", exclude_none=True)},
            key=uuid.uuid4().hex,  # random: an id cannot be guessed from another
            timeout=math.ceil(2 * self.settings.request_timeout_s) + TIMEOUT_GRACE_S,
            retries=1,  # one attempt: a summary that failed fails the same way again
            ttl=self.settings.job_ttl_s,
        )
        try:
            queued = await queue.enqueue(job)
        except RedisError as exc:
            raise _unreachable(exc, self.settings.retry_after_s) from exc
        if queued is None:  # SAQ refuses a key it already holds; a uuid4 never repeats
            raise JobsUnavailable("the job id is already taken; submit again")
        return job_state(queued)

    async def get(self, job_id: str) -> JobState:
        if not _JOB_ID.fullmatch(job_id):
            raise JobNotFound("no job has this id: job ids are 32 hex digits")
        queue = self._connect()
        try:
            job = await queue.job(job_id)
        except RedisError as exc:
            raise _unreachable(exc, self.settings.retry_after_s) from exc
        if job is None:
            raise JobNotFound(
                f"no job '{job_id}': it never existed or expired "
                f"{self.settings.job_ttl_s} s after it finished (SUMMARIZER_JOB_TTL_S)"
            )
        return job_state(job)

    async def close(self) -> None:
        if self._queue is not None:
            queue, self._queue = self._queue, None
            await disconnect(queue)


async def disconnect(queue: Queue) -> None:
    """Close a queue's connections; SAQ unsubscribes first, which fails if Redis is gone, and
    that must not fail a shutdown."""
    try:
        await queue.disconnect()
    except (RedisError, OSError) as exc:
        logger.info("closing the job queue: %s", exc)


__all__ = [
    "QUEUE_NAME",
    "TASK_NAME",
    "JobNotFound",
    "JobProblem",
    "JobQueue",
    "JobState",
    "JobsUnavailable",
    "disconnect",
    "job_state",
]
