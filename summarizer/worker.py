"""`summarizer worker`: runs the jobs `POST /v1/jobs` queued (see `summarizer.jobs`) with a
SummaryService built from Settings, the same engines a synchronous call uses.

Each job's summary runs as a synchronous call's does (in threads, within the request's time
limit); its outcome is an envelope: the summary, or the problem (type, title, status, detail...)
that call would answer.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import anyio
import anyio.to_thread
from redis.asyncio import Redis
from saq import Status, Worker
from saq.queue.redis import RedisQueue
from saq.types import Context
from saq.utils import cancel_tasks

from summarizer.errors import EngineOutputInvalid, SummarizerError
from summarizer.jobs import (
    LOST_JOB,
    QUEUE_NAME,
    REDIS_CONNECT_TIMEOUT_S,
    TASK_NAME,
    JobProblem,
    disconnect,
    require_redis_url,
)
from summarizer.models import SummaryRequest, SummaryResponse
from summarizer.service import SummaryService
from summarizer.settings import Settings

logger = logging.getLogger("summarizer.worker")

# A worker waits this long for a job per Redis call, then loops (and notices a stop).
DEQUEUE_TIMEOUT_S = 1.0
# On SIGTERM a worker lets running jobs finish this long, then cancels the rest, which go back to
# the queue for another worker: under the 10 s a container runtime waits before it kills.
SHUTDOWN_GRACE_S = 8.0


class JobRunner:
    """Run one job's summary with the service, as a synchronous call would."""

    def __init__(self, service: SummaryService) -> None:
        self.service = service

    async def run(self, ctx: Context, *, request: dict[str, Any]) -> dict[str, Any]:
        job = ctx.get("job")
        key = job.key if job else None
        try:
            response = await self.summarize(SummaryRequest.model_validate(request))
        except SummarizerError as exc:
            if exc.status >= 500:
                logger.warning("job %s: %s: %s", key, exc.title, exc.detail)
            if isinstance(exc, EngineOutputInvalid) and exc.last_completion:
                # as for synchronous calls: the model's raw answer is for operators only
                logger.warning("job %s: last model answer: %s", key, exc.last_completion)
            return {"problem": JobProblem.from_error(exc).model_dump(exclude_none=True)}
        except Exception:  # a bug: the log gets it whole, the client no internals
            logger.exception("job %s failed", key)
            return {"problem": LOST_JOB.model_dump(exclude_none=True)}
        return {"summary": response.model_dump(mode="json")}

    async def summarize(self, request: SummaryRequest) -> SummaryResponse:
        """The service's own asynchronous path, the one POST /v1/summaries takes: the pipeline
        runs in threads (the worker's loop keeps talking to Redis) within the request's time
        limit and the analysis budget, and fails with the same errors."""
        return await self.service.summarize_async(request)


class SweepSafeQueue(RedisQueue):
    """SAQ 0.26's Redis queue with one change to `sweep` (the clean-up of stuck jobs).

    Upstream sweeps at once any job in the active list whose status is not `active`. But a
    worker moves a job into that list (BLMOVE) a moment before it marks it active, so a sweep in
    that moment (every worker sweeps when it starts, then once a minute between them) aborts a
    job that then runs and completes, and turns it `aborted` (tobymao/saq#277; seen here as a
    completed job reported failed). Here such a job is swept only when this worker's next sweep,
    a minute or more later, still finds it so: a worker that died right after taking it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._seen_taken: set[bytes] = set()

    async def sweep(self, lock: int = 60, abort: float = 5.0) -> list[str]:
        if not self._cleanup_script:
            # as upstream: one sweeper per `lock` seconds over all workers reads the active list
            self._cleanup_script = self.redis.register_script(
                """
                local id_jobs = {}
                if redis.call('EXISTS', KEYS[1]) == 0 then
                    redis.call('SETEX', KEYS[1], ARGV[1], 1)
                    for i, v in ipairs(redis.call('LRANGE', KEYS[2], 0, -1)) do
                        id_jobs[i] = {v, redis.call('GET', v)}
                    end
                end
                return id_jobs
                """
            )
        id_jobs = await self._cleanup_script(
            keys=[self._sweep, self._active], args=[lock], client=self.redis
        )
        if not id_jobs:
            return []  # another worker holds the sweep lock: remember nothing new
        taken = set()
        swept = []
        for job_id, job_bytes in id_jobs:
            job = self.deserialize(job_bytes)
            if job and job.status == Status.QUEUED and job_id not in self._seen_taken:
                taken.add(job_id)  # probably being taken right now: look again next time
            elif job is None or job.status != Status.ACTIVE or job.stuck:
                swept.append(job_id)
                await self._sweep_one(job_id, job, abort)
        self._seen_taken = taken
        return [job_id.decode("utf-8") for job_id in swept]

    async def _sweep_one(self, job_id: bytes, job: Any, abort: float) -> None:
        if job is None:  # its data expired: drop it from the lists
            async with self.redis.pipeline(transaction=True) as pipe:
                pipe.lrem(self._active, 0, job_id.decode())
                pipe.zrem(self._incomplete, job_id)
                await pipe.execute()
            logger.info("swept missing job %s", job_id)
            return
        logger.info("sweeping job %s (%s)", job.key, job.status)
        await self.abort(job, error=self.swept_error_message)
        try:
            await job.refresh(abort)
        except TimeoutError:
            logger.info("could not abort job %s", job.key)
        if job.retryable:
            await self.retry(job, error=self.swept_error_message)
        else:
            await self.finish(job, Status.ABORTED, error=self.swept_error_message)


class DrainingWorker(Worker[Context]):
    """SAQ's worker, stopping as soon as its running jobs are done (at most `drain_s`).

    SAQ's own grace period also waits for its upkeep loops, which sleep up to a minute, so
    every stop would take the whole period even with no job running.
    """

    def __init__(self, *args: Any, drain_s: float, **kwargs: Any) -> None:
        super().__init__(*args, shutdown_grace_period_s=0, **kwargs)
        self.drain_s = drain_s

    async def stop(self) -> None:
        self.event.set()  # take no new job
        running = [context["task"] for context in self.job_task_contexts.values()]
        if running and self.drain_s > 0:
            await asyncio.wait(running, timeout=self.drain_s)
        # cancel what still runs (SAQ puts those jobs back in the queue) and the upkeep loops,
        # here rather than in SAQ's stop, which warns of unfinished tasks at every shutdown
        tasks, self.tasks = list(self.tasks), set()
        await cancel_tasks(tasks, timeout=1.0)
        await super().stop()


def build_worker(
    settings: Settings,
    service: SummaryService,
    concurrency: int,
    *,
    name: str = QUEUE_NAME,
    burst: bool = False,
    dequeue_timeout_s: float = DEQUEUE_TIMEOUT_S,
) -> DrainingWorker:
    """A SAQ worker running `concurrency` jobs at once with one service (one set of engines)."""
    # no socket timeout: the blocking dequeue and SAQ's pub/sub reader wait on purpose; each
    # dequeue is bounded by DEQUEUE_TIMEOUT_S instead, and connecting by REDIS_CONNECT_TIMEOUT_S
    redis = Redis.from_url(
        require_redis_url(settings),
        socket_connect_timeout=REDIS_CONNECT_TIMEOUT_S,
        socket_keepalive=True,
        health_check_interval=30,
    )
    runner = JobRunner(service)
    return DrainingWorker(
        SweepSafeQueue(redis, name=name),
        functions=[(TASK_NAME, runner.run)],
        concurrency=concurrency,
        dequeue_timeout=dequeue_timeout_s,
        burst=burst,
        drain_s=SHUTDOWN_GRACE_S,
    )


async def _warm_up(service: SummaryService) -> None:
    """Load the default engine (the model) before taking the first job. A failure is logged, not
    fatal: jobs for that engine then fail as synchronous calls do (503), the others run."""
    try:
        await anyio.to_thread.run_sync(service.warm_up)
    except Exception:
        logger.exception("loading engine '%s' failed", service.settings.default_engine)


async def run_worker(
    settings: Settings,
    concurrency: int,
    *,
    name: str = QUEUE_NAME,
    burst: bool = False,
    dequeue_timeout_s: float = DEQUEUE_TIMEOUT_S,
) -> None:
    """Run jobs until SIGINT/SIGTERM (or, with `burst`, until the queue has been empty for
    `dequeue_timeout_s`)."""
    service = SummaryService(settings)
    worker = build_worker(
        settings, service, concurrency, name=name, burst=burst, dequeue_timeout_s=dequeue_timeout_s
    )
    try:
        if settings.load_model_at_startup:
            await _warm_up(service)
        await worker.start()
    finally:
        await disconnect(worker.queue)
        service.close()


__all__ = ["DrainingWorker", "JobRunner", "SweepSafeQueue", "build_worker", "run_worker"]
